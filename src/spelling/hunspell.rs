//! Expands a Hunspell dictionary into every word form it accepts, so that checking a word is a
//! lookup rather than affix stripping, and nothing is parsed when jobfam starts.
//!
//! This file is compiled into the build script (`build.rs`), which expands
//! `data/hunspell/en_US.{aff,dic}` and stores the forms as [`super::table`]s in the binary, and
//! into the library, whose lookups use its casing rules ([`casing`], [`titlecase`]) and whose
//! unit tests check the expansion against a Hunspell implementation. It reads the
//! part of the format en_US uses: `PFX`/`SFX` groups with strip, add and a condition of
//! literals, `.` and `[…]`/`[^…]` classes, cross products of one prefix and one suffix, and the
//! `ONLYINCOMPOUND` flag (such entries are only compound parts, `1th`, and are left out).

/// The forms of a dictionary: those accepted as written, and the hidden title-case twins of
/// mixed-case and flagged upper-case entries (`McDonald` → `Mcdonald`), which only an all-caps
/// word (`MCDONALD`) may match, as in Hunspell.
#[derive(Debug, Default)]
pub struct Forms {
    /// Forms accepted as written.
    pub visible: Vec<String>,
    /// Hidden title-case forms.
    pub hidden: Vec<String>,
}

/// One affix rule: strip these letters, add those, where the condition holds.
struct Affix {
    flag: char,
    cross: bool,
    strip: String,
    add: String,
    condition: Vec<Atom>,
}

/// One letter position of a condition.
enum Atom {
    Any,
    One(char),
    In(Vec<char>),
    NotIn(Vec<char>),
}

impl Atom {
    fn matches(&self, c: char) -> bool {
        match self {
            Atom::Any => true,
            Atom::One(x) => *x == c,
            Atom::In(set) => set.contains(&c),
            Atom::NotIn(set) => !set.contains(&c),
        }
    }
}

fn parse_condition(text: &str) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        atoms.push(match c {
            '.' => Atom::Any,
            '[' => {
                let mut set: Vec<char> = chars.by_ref().take_while(|&c| c != ']').collect();
                if set.first() == Some(&'^') {
                    set.remove(0);
                    Atom::NotIn(set)
                } else {
                    Atom::In(set)
                }
            }
            c => Atom::One(c),
        });
    }
    atoms
}

/// Whether `condition` holds at the start (a prefix) or the end (a suffix) of `stem`.
fn holds(condition: &[Atom], stem: &[char], at_end: bool) -> bool {
    if condition.len() > stem.len() {
        return false;
    }
    let part = if at_end {
        &stem[stem.len() - condition.len()..]
    } else {
        &stem[..condition.len()]
    };
    condition.iter().zip(part).all(|(a, &c)| a.matches(c))
}

/// The affix rules of an `.aff` text, and its `ONLYINCOMPOUND` flag.
fn parse_aff(aff: &str) -> (Vec<Affix>, Vec<Affix>, Option<char>) {
    let (mut prefixes, mut suffixes) = (Vec::new(), Vec::new());
    let mut cross = std::collections::HashMap::new();
    let mut only_in_compound = None;
    for line in aff.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            ["ONLYINCOMPOUND", flag, ..] => only_in_compound = flag.chars().next(),
            [kind @ ("PFX" | "SFX"), flag, yn @ ("Y" | "N"), count]
                if count.parse::<usize>().is_ok() =>
            {
                cross.insert((*kind, *flag), *yn == "Y");
            }
            [kind @ ("PFX" | "SFX"), flag, strip, add, condition, ..] => {
                let Some(flag_char) = flag.chars().next() else {
                    continue;
                };
                let zero = |s: &str| {
                    if s == "0" {
                        String::new()
                    } else {
                        s.to_string()
                    }
                };
                let affix = Affix {
                    flag: flag_char,
                    cross: cross.get(&(*kind, *flag)).copied().unwrap_or(false),
                    strip: zero(strip),
                    // Continuation flags on an affix (`add/FLAGS`) are not used by en_US.
                    add: zero(add.split('/').next().unwrap_or("")),
                    condition: parse_condition(condition),
                };
                if *kind == "PFX" {
                    prefixes.push(affix);
                } else {
                    suffixes.push(affix);
                }
            }
            _ => {}
        }
    }
    (prefixes, suffixes, only_in_compound)
}

/// `stem` with `affix` applied at the end (a suffix), or `None` where it does not apply.
fn suffixed(stem: &[char], affix: &Affix) -> Option<Vec<char>> {
    let strip: Vec<char> = affix.strip.chars().collect();
    if !holds(&affix.condition, stem, true) || !stem.ends_with(&strip) || strip.len() >= stem.len()
    {
        return None;
    }
    let mut out = stem[..stem.len() - strip.len()].to_vec();
    out.extend(affix.add.chars());
    Some(out)
}

/// `stem` with `affix` applied at the start (a prefix), or `None` where it does not apply.
fn prefixed(stem: &[char], affix: &Affix) -> Option<Vec<char>> {
    let strip: Vec<char> = affix.strip.chars().collect();
    if !holds(&affix.condition, stem, false)
        || !stem.starts_with(&strip)
        || strip.len() >= stem.len()
    {
        return None;
    }
    let mut out: Vec<char> = affix.add.chars().collect();
    out.extend_from_slice(&stem[strip.len()..]);
    Some(out)
}

/// Every form of `stem` with `flags`: the stem, each suffix and prefix it takes, and each
/// prefix and suffix together where both allow the cross product.
fn forms_of(
    stem: &str,
    flags: &str,
    prefixes: &[Affix],
    suffixes: &[Affix],
    out: &mut Vec<String>,
) {
    let chars: Vec<char> = stem.chars().collect();
    out.push(stem.to_string());
    let takes = |a: &&Affix| flags.contains(a.flag);
    let own_prefixes: Vec<&Affix> = prefixes.iter().filter(takes).collect();
    for s in suffixes.iter().filter(takes) {
        let Some(with_suffix) = suffixed(&chars, s) else {
            continue;
        };
        out.push(with_suffix.iter().collect());
        if !s.cross {
            continue;
        }
        for p in own_prefixes.iter().filter(|p| p.cross) {
            // The prefix's condition is on the stem, as Hunspell checks it.
            if prefixed(&chars, p).is_some()
                && let Some(both) = prefixed(&with_suffix, p)
            {
                out.push(both.iter().collect());
            }
        }
    }
    for p in &own_prefixes {
        if let Some(with_prefix) = prefixed(&chars, p) {
            out.push(with_prefix.iter().collect());
        }
    }
}

/// The casing Hunspell gives a word.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Casing {
    /// No capital: `word`.
    Small,
    /// One capital, the first letter: `Word`.
    Init,
    /// Capitals and no small letter: `WORD`.
    All,
    /// A capital first and another later: `McDonald`.
    Pascal,
    /// A capital after a small first letter: `iPhone`.
    Camel,
}

/// How `word` is capitalised.
pub fn casing(word: &str) -> Casing {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    let first_capital = word.chars().next().is_some_and(char::is_uppercase);
    match () {
        _ if upper == 0 => Casing::Small,
        _ if first_capital && upper == 1 => Casing::Init,
        _ if lower == 0 => Casing::All,
        _ if first_capital => Casing::Pascal,
        _ => Casing::Camel,
    }
}

/// `word` with its first letter capital and the rest small.
pub fn titlecase(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// Every word form an `.aff`/`.dic` pair accepts, sorted and without repeats.
pub fn expand(aff: &str, dic: &str) -> Forms {
    let (prefixes, suffixes, only_in_compound) = parse_aff(aff);
    let mut forms = Forms::default();
    // The first line is the entry count.
    for line in dic.lines().skip(1) {
        let entry = line.split(['\t', ' ']).next().unwrap_or("");
        let (stem, flags) = entry.split_once('/').unwrap_or((entry, ""));
        if stem.is_empty() || only_in_compound.is_some_and(|c| flags.contains(c)) {
            continue;
        }
        forms_of(stem, flags, &prefixes, &suffixes, &mut forms.visible);
        let hide = match casing(stem) {
            Casing::Pascal | Casing::Camel => true,
            Casing::All => !flags.is_empty(),
            _ => false,
        };
        if hide {
            forms_of(
                &titlecase(stem),
                flags,
                &prefixes,
                &suffixes,
                &mut forms.hidden,
            );
        }
    }
    for list in [&mut forms.visible, &mut forms.hidden] {
        list.sort_unstable();
        list.dedup();
    }
    forms
}

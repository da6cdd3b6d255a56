//! The spell checker: an English dictionary, the domain vocabulary and the user's words.
//!
//! The dictionary is SCOWL's en_US Hunspell dictionary (`data/hunspell/`), expanded into every
//! form it accepts when jobfam is built ([`dictionary`]), as are the common words, the
//! American/British pairs and the two-slip candidates: nothing of them is parsed at run time.
//! Only the vocabulary, small, is built on first use (or ahead of time, on another thread, by
//! [`prewarm`]), then shared by every thread.
//!
//! A word the dictionaries do not know is only called a misspelling when one typing slip
//! (a letter dropped, added, doubled, swapped with its neighbour or mistyped) makes it a word
//! they do know: that is what a fresh typo looks like. Unknown words with no such neighbour are
//! names and jargon far more often than typos, and are left alone.

pub mod check;
pub mod dictionary;
// Compiled into the build script as well, which uses what the library does not.
#[allow(dead_code)]
mod hunspell;
pub mod lists;
#[cfg(test)]
mod recall;
mod suggest;
mod table;
mod variants;
pub mod vocabulary;

pub use check::SpellCheck;
pub use suggest::{Suggestion, clear_best};
pub use variants::{Locale, Variants};
pub use vocabulary::Vocabulary;

use std::sync::OnceLock;

/// The built-in word lists, each embedded in the binary.
pub const WORD_LISTS: &[&str] = &[
    include_str!("../../data/words/software.txt"),
    include_str!("../../data/words/business.txt"),
    include_str!("../../data/words/roles.txt"),
    include_str!("../../data/words/products.txt"),
    include_str!("../../data/words/english.txt"),
    include_str!("../../data/words/acronyms.txt"),
];

/// English words a job page never means, each with the word meant (`manger manager`).
pub const CORRECTIONS: &str = include_str!("../../data/words/corrections.txt");

/// The word meant by `word` when it is one of [`CORRECTIONS`], in `word`'s case.
fn correction_of(word: &str) -> Option<String> {
    CORRECTIONS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .find(|(wrong, _)| wrong.eq_ignore_ascii_case(word))
        .map(|(_, right)| recase(right, word))
}

/// Product names that are English words too but never meant as English on a job page.
pub const NAMES_FIRST: &str = include_str!("../../data/words/names-first.txt");

/// Product names written in a form the product never used, each with its name
/// (`GSuite G Suite`).
pub const MISWRITTEN: &str = include_str!("../../data/words/miswritten.txt");

/// Product names of several words (`Google Sheets`), one per line.
pub const PHRASES: &str = include_str!("../../data/words/phrases.txt");

/// Former casings of renamed brands: known as written, never suggested.
pub const FORMER_CASINGS: &str = include_str!("../../data/words/former-casings.txt");

/// What the spell checker knows before any user word: dictionary, vocabulary and variants.
pub struct Builtin {
    vocabulary: Vocabulary,
    variants: Variants,
}

impl Builtin {
    /// The built-in domain vocabulary.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }
}

static BUILTIN: OnceLock<Builtin> = OnceLock::new();

/// The built-in dictionaries, loaded on first use.
pub fn builtin() -> &'static Builtin {
    BUILTIN.get_or_init(|| {
        let mut vocabulary = Vocabulary::default();
        for list in WORD_LISTS {
            vocabulary.extend(list);
        }
        vocabulary.extend_former(FORMER_CASINGS);
        Builtin {
            vocabulary,
            // `data/variants/en-us-gb.txt`, made into tables by `build.rs`.
            variants: Variants::from_tables(
                include_bytes!(concat!(env!("OUT_DIR"), "/variants.us")),
                include_bytes!(concat!(env!("OUT_DIR"), "/variants.gb")),
            ),
        }
    })
}

/// The commonest English words (SCOWL size 35) as a table made by the build script.
static COMMON_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en-common"));

/// How common a term of the vocabulary is taken to be when the frequency list lacks it
/// (zipf×10: once in a million words), as common as ordinary words of a handbook.
const TERM_ZIPF: u8 = 30;

/// Words shorter than this are not corrected two slips away: too many words are that close.
pub const TWO_SLIP_LETTERS: usize = 7;

/// How much rarer (zipf×10) than the best correction one slip away a word two slips away may
/// be and still be named beside it: a thirtieth as common.
const NEARLY: u8 = 15;

/// At most how many words two slips away may explain a word for it to be called a typo.
const TWO_SLIP_RIVALS: usize = 2;

/// How common (zipf×10) a word must be to be suggested two slips away: once in a million.
/// `build.rs` groups the candidates with its own copy; a unit test holds the two equal.
#[cfg_attr(not(test), allow(dead_code))]
const TWO_SLIP_ZIPF: u8 = 30;

/// Whether `lower` is two common words of three letters or more written as one (`timebound`,
/// `workback`, `workscope`): a coined compound, not a word two slips from another.
fn joins_two_words(lower: &str) -> bool {
    lower
        .char_indices()
        .skip(3)
        .filter(|&(i, _)| lower.len() - i >= 3)
        .any(|(i, _)| is_common(&lower[..i]) && is_common(&lower[i..]))
}

/// The common words exactly two slips from `lower` (a lower-case word) that start with the
/// same letter (typists rarely get the first one wrong), sorted.
pub fn two_slip_words(lower: &str) -> Vec<String> {
    // One search per word and run: the rival check asks again for each page.
    static SEEN: OnceLock<std::sync::Mutex<std::collections::HashMap<String, Vec<String>>>> =
        OnceLock::new();
    let seen = SEEN.get_or_init(Default::default);
    if let Some(found) = seen.lock().ok().and_then(|m| m.get(lower).cloned()) {
        return found;
    }
    let found = search_two_slips(lower);
    if let Ok(mut m) = seen.lock() {
        m.insert(lower.to_string(), found.clone());
    }
    found
}

fn search_two_slips(lower: &str) -> Vec<String> {
    let Some(&first) = lower.as_bytes().first() else {
        return Vec::new();
    };
    let chars: Vec<char> = lower.chars().collect();
    let mut bag = [0i32; 26];
    for b in lower.bytes() {
        if let Some(i) = letter_index(b) {
            bag[i] += 1;
        }
    }
    let close = |c: &&str| {
        if c.len().abs_diff(lower.len()) > 2 {
            return false;
        }
        // Two slips change the count of at most four letters: most words fail this cheaper
        // test before the distance is worked out.
        let mut counts = bag;
        for b in c.bytes() {
            if let Some(i) = letter_index(b) {
                counts[i] -= 1;
            }
        }
        if counts.iter().map(|d| d.unsigned_abs()).sum::<u32>() > 4 {
            return false;
        }
        let c: Vec<char> = c.chars().collect();
        suggest::within(&chars, &c, 2) && !suggest::within(&chars, &c, 1)
    };
    let n = lower.len();
    let mut out: Vec<String> = (n.saturating_sub(2)..=n + 2)
        .flat_map(|len| two_slip_candidates(first, len))
        .filter(close)
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The words a two-slip correction may be of first byte `first` and length `len`: the common
/// words and the words of the frequency list used once in a million words or more (grouped
/// by `build.rs`), and the vocabulary's.
fn two_slip_candidates(first: u8, len: usize) -> impl Iterator<Item = &'static str> {
    static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/two-slip.txt"));
    static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/two-slip.index"));
    group(TEXT, INDEX, &format!("{first}:{len}")).lines().chain(
        builtin()
            .vocabulary
            .lower_entries()
            .filter(move |w| w.len() == len && w.as_bytes().first() == Some(&first)),
    )
}

/// The lines of `text` that `build.rs` grouped under `key` (their range is in `index`).
fn group(text: &'static str, index: &[u8], key: &str) -> &'static str {
    table::get(index, key)
        .and_then(|range| {
            let (start, end) = range.split_once(' ')?;
            text.get(start.parse::<usize>().ok()?..end.parse::<usize>().ok()?)
        })
        .unwrap_or("")
}

/// The place of a lower-case ASCII letter in the alphabet.
fn letter_index(letter: u8) -> Option<usize> {
    letter
        .is_ascii_lowercase()
        .then(|| usize::from(letter - b'a'))
}

/// Whether a word other than `best` could as well be what `word` meant, so that `--fix` must
/// leave the choice to a person: see [`suggest::has_rival`]; or, in a long word, a common word
/// two slips away that is far commoner than `best` (`Provisiong` is one slip from `Provision`
/// and two from `Provisioning`).
pub fn has_rival(word: &str, best: &str) -> bool {
    // A correction in case alone (`ExperIence`) has no rival: no letter changes.
    if word.eq_ignore_ascii_case(best) {
        return false;
    }
    if suggest::has_rival(word, best) {
        return true;
    }
    let best = best.to_lowercase();
    let floor = lists::zipf_or_rare(&best).saturating_add(FAR_COMMONER);
    word.chars().count() >= TWO_SLIP_LETTERS
        && two_slip_words(&word.to_lowercase())
            .iter()
            .any(|w| *w != best && lists::zipf_or_rare(w) >= floor)
}

/// How much commoner (zipf×10) a word two slips away must be than the one-slip correction to
/// count as its rival: ten times as common.
const FAR_COMMONER: u8 = 10;

/// The commonest English words of `letters` letters (all ASCII), in order (grouped by
/// `build.rs`).
pub fn common_of_length(letters: usize) -> impl Iterator<Item = &'static str> {
    static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/common-by-length.txt"));
    static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common-by-length.index"));
    group(TEXT, INDEX, &letters.to_string()).lines()
}

/// Whether `lower` is one of the commonest English words.
pub fn is_common(lower: &str) -> bool {
    table::contains(COMMON_TABLE, lower)
}

/// Starts loading the dictionaries on another thread, so a run that needs them does not wait
/// for them after reading and parsing its pages.
pub fn prewarm() {
    if BUILTIN.get().is_none() {
        std::thread::spawn(|| {
            builtin();
        });
    }
}

/// What the checker makes of one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A word it knows.
    Known,
    /// A known term written in the wrong case: the right spelling.
    WrongCase(String),
    /// The other English's spelling: the one the locale wants.
    Variant(String),
    /// Not a word, and one slip away from these words (best first; empty when none is).
    Unknown(Vec<Suggestion>),
    /// A word, but one a job page never means: the slip for this word (`Manger`: `Manager`).
    Slip(String),
}

/// The spell checker for one run: the built-in dictionaries, a locale and the user's words.
pub struct Speller<'a> {
    builtin: &'a Builtin,
    locale: Locale,
    user: &'a [&'a Vocabulary],
}

impl<'a> Speller<'a> {
    /// A speller over the built-in dictionaries and the user's word lists.
    pub fn new(builtin: &'a Builtin, locale: Locale, user: &'a [&'a Vocabulary]) -> Speller<'a> {
        Speller {
            builtin,
            locale,
            user,
        }
    }

    /// Judges one word: a [`crate::document::words::Word`] of kind `Word` or `Camel`.
    pub fn judge(&self, word: &str) -> Verdict {
        self.judge_with(word, true)
    }

    /// [`Speller::judge`], without looking for corrections unless `suggest`.
    pub fn judge_with(&self, word: &str, suggest: bool) -> Verdict {
        if let Some(v) = self.quick(word) {
            return v;
        }
        let term = self
            .user
            .iter()
            .find_map(|v| v.term_for(word))
            .or_else(|| self.builtin.vocabulary.term_for(word));
        if let Some(term) = term {
            // `jenkins`, `splunk`: a lower-case name is often the command or package. Only a
            // casing no command has (`Gitlab`, `github`, `Devops`) is surely wrong.
            if word.chars().all(|c| !c.is_uppercase()) && recase(word, &term) == term {
                // But a command is not written in the plural: `vendrs` is a typo of `vendors`
                // far more often than Vendr's plural.
                let lower = word.to_lowercase();
                let exact = self
                    .user
                    .iter()
                    .chain([&&self.builtin.vocabulary])
                    .any(|v| v.term_spelt(&lower).is_some());
                if !exact && suggest {
                    let corrections = self.corrections(word);
                    if corrections.iter().any(|s| s.common && s.cost <= 2) {
                        return Verdict::Unknown(corrections);
                    }
                }
                return Verdict::Known;
            }
            return Verdict::WrongCase(term);
        }
        if !suggest {
            return Verdict::Unknown(Vec::new());
        }
        Verdict::Unknown(self.corrections(word))
    }

    /// The corrections of an unknown `word`, likeliest first.
    fn corrections(&self, word: &str) -> Vec<Suggestion> {
        let mut suggestions = suggest::suggestions(word, |c| self.spelling_of(c, word));
        // Two slips in a long word (`Cusomter`, `lifycle`), when nothing one slip away and
        // exactly one common word two slips away explains it.
        if suggestions.is_empty()
            && word.chars().count() >= TWO_SLIP_LETTERS
            && !joins_two_words(&word.to_lowercase())
        {
            let two = two_slip_words(&word.to_lowercase());
            if two.len() <= TWO_SLIP_RIVALS {
                suggestions.extend(two.iter().filter_map(|w| {
                    Some(Suggestion {
                        word: self.spelling_of(w, word)?,
                        cost: suggest::TWO_SLIPS,
                        common: true,
                    })
                }));
            }
        } else if word.chars().count() >= TWO_SLIP_LETTERS {
            // A word two neighbouring letters away and nearly as common as the best one slip away
            // is worth naming beside it: `Provisiong` is `Provision` or `Provisioning`.
            let best = suggestions
                .iter()
                .map(|s| lists::zipf_or_rare(&s.word.to_lowercase()))
                .max()
                .unwrap_or(lists::RARE);
            let lower = word.to_lowercase();
            let two = two_slip_words(&lower);
            let near: Vec<Suggestion> = two
                .iter()
                .filter(|w| {
                    suggest::dropped_pair(&lower, w)
                        && lists::zipf_or_rare(w).saturating_add(NEARLY) >= best
                })
                .filter_map(|w| {
                    Some(Suggestion {
                        word: self.spelling_of(w, word)?,
                        cost: suggest::TWO_SLIPS,
                        common: true,
                    })
                })
                .take(TWO_SLIP_RIVALS)
                .collect();
            suggestions.extend(near);
        }
        for s in &mut suggestions {
            s.common = is_common(&s.word.to_lowercase())
                || self.builtin.vocabulary.knows(&s.word)
                || self.user.iter().any(|v| v.knows(&s.word));
        }
        // The likeliest meant word first. A swapped pair or a tripled letter is so telling a
        // slip that the word it explains comes first (`traiging` is `triaging`, however much
        // commoner `training` is); otherwise how common a word is against how likely its slip
        // is (`thet` is `the`, not `theft`); then American spelling before British (it is the
        // one the dictionary itself has).
        suggestions.sort_by_key(|s| {
            let lower = s.word.to_lowercase();
            let british = self.builtin.variants.accepts(&lower, Locale::En);
            (
                s.cost != 0,
                std::cmp::Reverse(suggest::score(s.cost, self.commonness(s, &lower))),
                s.cost,
                british,
            )
        });
        suggestions
    }

    /// The English word `word` is with one capital typed inside it by mistake: `ExperIence` is
    /// `Experience`. Not when the capital joins two words (`BlackBerry`, `PlayBook`: a name
    /// or a compound), nor with two capitals inside (`LaTeX`).
    pub fn stray_capital(&self, word: &str) -> Option<String> {
        let inner: Vec<(usize, char)> = word
            .char_indices()
            .skip(1)
            .filter(|(_, c)| c.is_uppercase())
            .collect();
        let [(at, _)] = inner[..] else {
            return None;
        };
        if !word.is_ascii() || word.len() < 6 {
            return None;
        }
        let lower = word.to_lowercase();
        let (left, right) = lower.split_at(at);
        let joins = |part: &str| part.len() >= 2 && (is_common(part) || self.knows(part));
        if joins(left) && joins(right) {
            return None;
        }
        let fixed = recase(&lower, &word[..1]);
        (dictionary::check(&lower) || dictionary::check(&fixed)).then_some(fixed)
    }

    /// The CamelCase term of the vocabulary or the user's words that `word`, an unknown
    /// CamelCase word, is one likely slip from (a swapped pair, a dropped or an extra letter,
    /// not the first): `FloQuast` is `FloQast`, `GitLba` is `GitLab`. `None` unless exactly
    /// one term is that close.
    pub fn camel_typo(&self, word: &str) -> Option<Suggestion> {
        let lists: Vec<&Vocabulary> = self
            .user
            .iter()
            .copied()
            .chain([&self.builtin.vocabulary])
            .collect();
        let found = suggest::suggestions(word, |lower| {
            lists
                .iter()
                .find_map(|v| v.term_spelt(lower))
                .filter(|t| t.chars().skip(1).any(char::is_uppercase))
                .map(str::to_string)
        });
        // A short name is one letter from many others (`ReOps` is ResearchOps, not RevOps):
        // below seven letters only a swapped pair or a tripled letter counts.
        let letters = word.chars().count();
        match found.as_slice() {
            [one] if one.cost == 0 || (one.cost <= 2 && letters >= 7) => Some(one.clone()),
            _ => None,
        }
    }

    /// How common a suggestion is (zipf×10): from the frequency list, or, for a term of the
    /// vocabulary or the user's words that the list lacks, as common as a handbook's own
    /// words are.
    fn commonness(&self, s: &Suggestion, lower: &str) -> u8 {
        lists::zipf(lower).unwrap_or(if s.common && !is_common(lower) {
            TERM_ZIPF
        } else {
            lists::RARE
        })
    }

    /// The one right spelling of a term `word` writes in another case, from the user's lists or
    /// the vocabulary, unless `word` is an English word too: `kubernetes` → `Kubernetes`, but
    /// `securities` is `securities`.
    pub fn term_for(&self, word: &str) -> Option<String> {
        // `securities`, `canvas`, `homebrew`: an English word as well as a name; but `git` on
        // a job page is the tool.
        let (base, suffix) = match word.strip_suffix("'s") {
            Some(base) => (base, "'s"),
            None => (word, ""),
        };
        if let Some(name) = NAMES_FIRST
            .lines()
            .find(|l| !l.starts_with('#') && l.eq_ignore_ascii_case(base))
        {
            return (name != base).then(|| format!("{name}{suffix}"));
        }
        if dictionary::check(word) || is_common(word) {
            return None;
        }
        // The whole word, not a stem: `vendrs` is a typo of `vendors`, not the plural of Vendr.
        self.user
            .iter()
            .find_map(|v| v.exact_term_for(word))
            .or_else(|| self.builtin.vocabulary.exact_term_for(word))
    }

    /// The acronym of the vocabulary that `word` writes with one capital (`Sox` for `SOX`,
    /// `Crm` for `CRM`), unless the dictionary knows `word` in lower case.
    fn acronym_of(&self, word: &str) -> Option<String> {
        let mut chars = word.chars();
        let title = chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.as_str().len() >= 2
            && chars.as_str().chars().all(|c| c.is_ascii_lowercase());
        if !title {
            return None;
        }
        let lower = word.to_lowercase();
        let acronym = self
            .user
            .iter()
            .chain([&&self.builtin.vocabulary])
            .find_map(|v| v.term_spelt(&lower))?;
        (acronym.chars().all(|c| c.is_ascii_uppercase()) && !dictionary::check(&lower))
            .then(|| acronym.to_string())
    }

    /// The verdict on `word` when it is cheap to reach: the other English's spelling, or a
    /// word some dictionary knows. `None` means [`Speller::judge`] has more work to do.
    pub fn quick(&self, word: &str) -> Option<Verdict> {
        // The user's words and the vocabulary win over the locale: `Snowplow` is a product.
        if self.builtin.vocabulary.knows(word) || self.user.iter().any(|v| v.knows(word)) {
            return Some(Verdict::Known);
        }
        let (base, suffix) = match word.strip_suffix("'s") {
            Some(base) => (base, "'s"),
            None => (word, ""),
        };
        if let Some(right) = correction_of(word) {
            return Some(Verdict::Slip(right));
        }
        if let Some(acronym) = self.acronym_of(base) {
            return Some(Verdict::WrongCase(acronym + suffix));
        }
        let preferred = self
            .builtin
            .variants
            .preferred(&base.to_lowercase(), self.locale)
            .map(str::to_string)
            .or_else(|| (self.locale == Locale::EnUs).then(|| self.american_of(base))?);
        if let Some(preferred) = preferred {
            return Some(Verdict::Variant(recase(&preferred, base) + suffix));
        }
        self.knows(word).then_some(Verdict::Known)
    }

    /// The American spelling of a British `-ise` word the dictionaries know with `-ize`.
    fn american_of(&self, word: &str) -> Option<String> {
        let b = self.builtin;
        british_ise(word, |us| dictionary::check(us) || b.vocabulary.knows(us))
    }

    /// Whether any dictionary knows `word` as written.
    pub fn knows(&self, word: &str) -> bool {
        let b = self.builtin;
        let base = word.strip_suffix("'s").unwrap_or(word);
        dictionary::check(word)
            || (base.len() < word.len() && dictionary::check(base))
            || plural_of_known(word, dictionary::check)
            || lists::extra_knows(word)
            || (self.locale != Locale::EnUs && self.american_of(word).is_some())
            || b.vocabulary.knows(word)
            || self.user.iter().any(|v| v.knows(word))
            || (vocabulary::plain_casing(word)
                && vocabulary::stems(&word.to_lowercase())
                    .any(|s| b.variants.accepts(s, self.locale)))
    }

    /// How the dictionaries spell `lower`, a candidate correction of `like`: in `like`'s case,
    /// or as the term is spelt. Called hundreds of times per unknown word, so cheapest first.
    fn spelling_of(&self, lower: &str, like: &str) -> Option<String> {
        let lists = self
            .user
            .iter()
            .copied()
            .chain(std::iter::once(&self.builtin.vocabulary));
        for list in lists {
            if let Some(term) = list.term_of(lower) {
                // `anvas` is `canvas`, the English word, not the product Canvas.
                let english = like.chars().all(|c| !c.is_uppercase()) && dictionary::check(lower);
                return Some(if english { lower.to_string() } else { term });
            }
            if list.has_word(lower) {
                return Some(recase(lower, like));
            }
        }
        let cased = recase(lower, like);
        (self.builtin.variants.accepts(lower, self.locale)
            || dictionary::check(&cased)
            || (self.locale != Locale::EnUs && self.american_of(&cased).is_some()))
        .then_some(cased)
    }
}

/// Whether `word` is the plural of a word the dictionary lacks a plural for (`learnings`,
/// `mitigations`, `financials`). The stem must be at least four letters and not itself end in
/// `s`, so a slip that adds an `s` (`managerss`, `wons`) is still caught.
fn plural_of_known(word: &str, known: impl Fn(&str) -> bool) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.chars().count() >= 4 && !stem.ends_with(['s', 'S', '\'']) && known(stem)
    })
}

/// The American `-ize` spelling of `word` when `word` is the British `-ise` form
/// (`operationalised`, `containerisation`) of a word `known` has.
fn british_ise(word: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    ["is", "ys"].iter().find_map(|from| {
        word.match_indices(from).find_map(|(i, _)| {
            let to = if *from == "is" { "iz" } else { "yz" };
            let rest = &word[i + 2..];
            let suffix = ["e", "ation", "ing", "er"]
                .iter()
                .any(|s| rest.starts_with(s));
            let american = format!("{}{to}{rest}", &word[..i]);
            (suffix && known(&american)).then_some(american)
        })
    })
}

/// `word` in the capitalisation of `like`: `Word` or `WORD` when `like` is so.
pub fn recase(word: &str, like: &str) -> String {
    let mut letters = like.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    let rest: Vec<char> = letters.collect();
    if first_upper && rest.len() > 1 && rest.iter().all(|c| c.is_uppercase()) {
        word.to_uppercase()
    } else if first_upper {
        let mut c = word.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lower-case name is a casing slip unless it is an English word as well.
    #[test]
    fn terms_written_small() {
        let speller = Speller::new(builtin(), Locale::En, &[]);
        assert_eq!(
            speller.term_for("kubernetes").as_deref(),
            Some("Kubernetes")
        );
        assert_eq!(speller.term_for("jenkins").as_deref(), Some("Jenkins"));
        assert_eq!(speller.term_for("securities"), None);
        assert_eq!(speller.term_for("canvas"), None);
        assert_eq!(speller.term_for("vendrs"), None);
        assert_eq!(speller.term_for("GitLab"), None);
    }

    /// The built-in word lists: each block (between comments and blank lines) sorted, no entry
    /// listed twice, and no term in two casings (the fix for a wrong casing would depend on
    /// which came last); a former casing lives in `former-casings.txt`.
    #[test]
    fn word_lists_are_sorted_unique_and_one_casing_each() {
        let mut seen = std::collections::HashSet::new();
        let mut casings: std::collections::HashMap<String, String> = Default::default();
        for list in WORD_LISTS.iter().chain([&FORMER_CASINGS]) {
            let mut block: Vec<&str> = Vec::new();
            for line in list.lines().chain([""]) {
                let entry = line.split('#').next().unwrap_or("").trim();
                if entry.is_empty() {
                    let mut sorted = block.clone();
                    sorted.sort_by_key(|e| (e.to_lowercase(), e.to_string()));
                    assert_eq!(block, sorted, "a block of a word list is not sorted");
                    block.clear();
                    continue;
                }
                block.push(entry);
                for word in entry.split_whitespace() {
                    assert!(seen.insert(word.to_string()), "`{word}` is listed twice");
                    if std::ptr::eq(*list, FORMER_CASINGS) || !word.contains(char::is_uppercase) {
                        continue;
                    }
                    if let Some(other) = casings.insert(word.to_lowercase(), word.to_string()) {
                        panic!("`{word}` and `{other}` are one term in two casings");
                    }
                }
            }
        }
        // Each former casing has a current one, which the fix writes.
        for former in FORMER_CASINGS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            assert!(
                casings.contains_key(&former.to_lowercase()),
                "{former}: no current casing"
            );
        }
        let builtin = &builtin().vocabulary;
        assert_eq!(
            builtin.term_for("sourceTree").as_deref(),
            Some("Sourcetree")
        );
        assert_eq!(builtin.term_for("bugsnag").as_deref(), Some("BugSnag"));
        assert!(builtin.knows("SourceTree") && builtin.knows("Bugsnag"));
    }

    fn judge(word: &str, locale: Locale) -> Verdict {
        Speller::new(builtin(), locale, &[]).judge(word)
    }

    #[test]
    fn the_embedded_dictionaries_load_and_judge() {
        assert_eq!(judge("Responsibilities", Locale::En), Verdict::Known);
        assert_eq!(judge("behaviour", Locale::En), Verdict::Known);
        assert_eq!(judge("GitLab's", Locale::En), Verdict::Known);
        assert_eq!(
            judge("Gitlab", Locale::En),
            Verdict::WrongCase("GitLab".into())
        );
        assert_eq!(
            judge("behaviour", Locale::EnUs),
            Verdict::Variant("behavior".into())
        );
        assert_eq!(
            judge("Organize", Locale::EnGb),
            Verdict::Variant("Organise".into())
        );
        let Verdict::Unknown(s) = judge("Responsibilties", Locale::En) else {
            panic!("a typo is unknown");
        };
        assert_eq!(s[0].word, "Responsibilities");
        // A lower-case plural of a name is a typo when an English word is one slip away,
        // and a typo of an English word that is also a name is corrected in lower case.
        let first = |w: &str| match judge(w, Locale::En) {
            Verdict::Unknown(s) => s.first().map(|s| s.word.clone()),
            v => panic!("{w}: {v:?}"),
        };
        assert_eq!(first("vendrs").as_deref(), Some("vendors"));
        assert_eq!(first("anvas").as_deref(), Some("canvas"));
        assert_eq!(first("Anvas").as_deref(), Some("Canvas"));
        assert_eq!(judge("jenkins", Locale::En), Verdict::Known);
    }

    /// `build.rs` groups the two-slip candidates with its own copy of [`TWO_SLIP_ZIPF`]: a word
    /// of the frequency list at that zipf is a candidate, one just under it is not (neither is
    /// in the common words), and every group holds what its key says.
    #[test]
    fn two_slip_groups_match_the_threshold() {
        assert_eq!(lists::zipf("acacia"), Some(TWO_SLIP_ZIPF));
        assert_eq!(lists::zipf("abram"), Some(TWO_SLIP_ZIPF - 1));
        assert!(!is_common("acacia") && !is_common("abram"));
        assert!(two_slip_candidates(b'a', 6).any(|w| w == "acacia"));
        assert!(!two_slip_candidates(b'a', 5).any(|w| w == "abram"));
        assert!(two_slip_candidates(b'a', 6).all(|w| w.len() == 6 && w.starts_with('a')));
        assert!(common_of_length(5).all(|w| w.len() == 5) && common_of_length(5).count() > 1000);
        assert!(common_of_length(5).any(|w| w == "about"));
        assert_eq!(common_of_length(99).count(), 0);
    }

    #[test]
    fn user_words() {
        let v = Vocabulary::parse("Zuora\nglorp\nGlorpCo\n");
        let user = [&v];
        let s = Speller::new(builtin(), Locale::En, &user);
        assert_eq!(s.judge("glorps"), Verdict::Known);
        assert_eq!(s.judge("ZUORA"), Verdict::Known);
        assert_eq!(s.judge("ZUora"), Verdict::WrongCase("Zuora".into()));
        // Lower case is often the command or package name: only a casing no command has is
        // surely wrong.
        assert_eq!(s.judge("zuora"), Verdict::Known);
        assert_eq!(s.judge("glorpco"), Verdict::WrongCase("GlorpCo".into()));
        assert_eq!(s.judge("Glorpco's"), Verdict::WrongCase("GlorpCo's".into()));
    }
}

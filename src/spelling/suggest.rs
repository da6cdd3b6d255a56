//! Corrections one typing slip away.
//!
//! Every word one edit away from the unknown word (a letter deleted, inserted, replaced, or two
//! neighbours swapped) is looked up; the ones a dictionary knows are the suggestions. That is
//! about 54 lookups per letter, each well under a microsecond: far cheaper than Hunspell's own
//! n-gram suggestion search, and it finds exactly the typos people make.

/// A correction and how likely the slip that would explain it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The corrected word, cased like the word it corrects (or as the term is spelt).
    pub word: String,
    /// Lower is likelier: 0 for a swapped pair or a doubled letter typed three times, 1 for a
    /// dropped letter, 2 for an extra one, 3 for a wrong one; 2 more when the slip is at the
    /// first letter, which typists rarely get wrong.
    pub cost: u8,
    /// Whether it is a common English word or a term of the vocabulary, not a rare word such
    /// as `educt` or `intort` that no typist meant.
    pub common: bool,
}

/// How likely a slip of this cost is, coarsely: 0 a swapped pair or a tripled letter, 1 a
/// dropped or extra letter, 2 anything less likely.
pub fn tier(cost: u8) -> u8 {
    match cost {
        0 => 0,
        1 | 2 => 1,
        _ => 2,
    }
}

/// The cost of a correction two slips away (`Cusomter` for `Customer`): never a sure fix.
pub const TWO_SLIPS: u8 = 6;

/// How much less likely a slip of this cost makes a correction, on the zipf×10 scale of
/// [`crate::spelling::zipf`] (10 is ten times less likely). A swapped pair costs nothing; a
/// dropped letter is likelier than an extra one, and both far likelier than a wrong one. So a
/// much commoner word explained by a slightly less likely slip wins: `thet` is `the` with an
/// extra letter rather than `theft` with a dropped one, `Auxillary` `Auxiliary` with a wrong
/// letter rather than the rare `Axillary` with an extra one.
pub fn penalty(cost: u8) -> i32 {
    match cost {
        0 => 0,
        1 => 5,
        2 => 7,
        3 => 15,
        4 => 20,
        5 => 30,
        _ => 40,
    }
}

/// How likely the writer meant a correction of this cost and commonness (`zipf`, the zipf
/// scale times ten): higher is likelier.
pub fn score(cost: u8, zipf: u8) -> i32 {
    i32::from(zipf) - penalty(cost)
}

/// Whether `a` and `b` are at most `max` slips apart (letters dropped, added or replaced, or
/// neighbours swapped: the optimal string alignment distance), for short `max`.
pub fn within(a: &[char], b: &[char], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let m = b.len();
    // Three rows of the distance table: two back (for a swap), the last, this one.
    let mut back2: Vec<usize> = vec![0; m + 1];
    let mut back1: Vec<usize> = (0..=m).collect();
    let mut row: Vec<usize> = vec![0; m + 1];
    for i in 1..=a.len() {
        row[0] = i;
        let mut least = row[0];
        for j in 1..=m {
            let same = a[i - 1] == b[j - 1];
            let mut d = (back1[j] + 1)
                .min(row[j - 1] + 1)
                .min(back1[j - 1] + usize::from(!same));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(back2[j - 2] + 1);
            }
            row[j] = d;
            least = least.min(d);
        }
        if least > max {
            return false;
        }
        std::mem::swap(&mut back2, &mut back1);
        std::mem::swap(&mut back1, &mut row);
    }
    back1[m] <= max
}

/// Whether `typo` is `word` with two neighbouring letters dropped (`provisiong`,
/// `provisioning`), the one slip of two letters that typists make.
pub fn dropped_pair(typo: &str, word: &str) -> bool {
    if typo.is_ascii() && word.is_ascii() {
        // Some cut of `typo` with its head the head of `word` and its tail the tail of `word`:
        // the shared head reaches the start of the shared tail.
        let (t, w) = (typo.as_bytes(), word.as_bytes());
        if w.len() != t.len() + 2 {
            return false;
        }
        let head = t.iter().zip(w).take_while(|(a, b)| a == b).count();
        let tail = t
            .iter()
            .rev()
            .zip(w.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        return t.len() - tail <= head;
    }
    let (t, w): (Vec<char>, Vec<char>) = (typo.chars().collect(), word.chars().collect());
    w.len() == t.len() + 2 && (0..=t.len()).any(|i| t[..i] == w[..i] && t[i..] == w[i + 2..])
}

const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz";

/// The known words one slip from `word`, cheapest first; `spelling_of` says how the
/// dictionaries spell a lower-case candidate, if they know it.
pub fn suggestions(word: &str, spelling_of: impl Fn(&str) -> Option<String>) -> Vec<Suggestion> {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let mut out: Vec<Suggestion> = Vec::new();
    let consider = |out: &mut Vec<Suggestion>, chars: &[char], cost: u8| {
        let candidate: String = chars.iter().collect();
        if let Some(spelling) = spelling_of(&candidate) {
            match out.iter_mut().find(|s| s.word == spelling) {
                Some(s) => s.cost = s.cost.min(cost),
                None => out.push(Suggestion {
                    word: spelling,
                    cost,
                    common: true,
                }),
            }
        }
    };
    let n = lower.len();
    let at = |i: usize, cost: u8| if i == 0 { cost + 2 } else { cost };
    for i in 0..n {
        // An extra letter; a doubled one (`Commmunications`) is the likeliest slip of all.
        let mut c = lower.clone();
        let removed = c.remove(i);
        let doubled = (i > 0 && lower[i - 1] == removed) || lower.get(i + 1) == Some(&removed);
        consider(&mut out, &c, at(i, if doubled { 0 } else { 2 }));
        // Two neighbours swapped.
        if i + 1 < n && lower[i] != lower[i + 1] {
            let mut c = lower.clone();
            c.swap(i, i + 1);
            consider(&mut out, &c, at(i, 0));
        }
    }
    for i in 0..=n {
        // A dropped letter.
        for letter in ALPHABET.chars() {
            let mut c = lower.clone();
            c.insert(i, letter);
            consider(&mut out, &c, at(i, 1));
        }
    }
    // A wrong letter explains almost any short word; look only when nothing likelier does,
    // or in a long word, where few words are one letter apart and a likelier slip may explain
    // the typo less well (`academice` is `academic` typed with an extra letter, or the
    // `academics` its writer meant).
    if out.is_empty() || n >= 8 {
        for i in (0..n).filter(|&i| lower[i].is_ascii_alphabetic()) {
            for letter in ALPHABET.chars().filter(|&l| l != lower[i]) {
                let mut c = lower.clone();
                c[i] = letter;
                consider(&mut out, &c, at(i, 3));
            }
        }
    }
    out.sort_by_key(|s| s.cost);
    out
}

/// The suggestion that is clearly best, so certain that `--fix` may apply it.
///
/// It must be the only one explained by so likely a slip: a swapped pair or a tripled letter,
/// or, in a word of eight letters or more, a dropped or extra letter (which of those two it was
/// is a guess in a short word). Below ten letters it must also be a common word or a term, and
/// rare words (`actinal`, `educt`) do not count as rivals. `suggestions` must be sorted best
/// first.
pub fn clear_best<'a>(word: &str, suggestions: &'a [Suggestion]) -> Option<&'a Suggestion> {
    let letters = word.chars().count();
    let counts = |s: &Suggestion| s.common || letters >= 10;
    let first = suggestions.first().filter(|s| counts(s))?;
    let rivals = suggestions[1..]
        .iter()
        .any(|s| counts(s) && tier(s.cost) == tier(first.cost));
    let sure = match tier(first.cost) {
        0 => true,
        1 => letters >= 8,
        _ => false,
    };
    (!rivals && sure).then_some(first)
}

/// Whether a common word other than `best` explains `word` by a slip nearly as likely: two
/// neighbouring letters dropped (`Provisiong` for `Provisioning`, beside `Provision`), or, when
/// `best` needs a dropped or extra letter, one key next to the right one struck instead
/// (`operatea` for `operates`, beside `operate`; not `Accouting` for `accosting`). A fix with such a rival could be wrong, so `--fix` leaves it for a
/// person. Two letters typed extra is no rival: `accross` is not a slip for `cross`, nor
/// `prefered` for `prefer`.
pub fn has_rival(word: &str, best: &str) -> bool {
    let letters = word.chars().count();
    has_rival_in(
        word,
        best,
        crate::spelling::is_common,
        crate::spelling::common_of_length(letters + 2),
    )
}

/// [`has_rival`] with `known` for the word lists and `two_longer` the known words two letters
/// longer than `word`.
fn has_rival_in<'a>(
    word: &str,
    best: &str,
    known: impl Fn(&str) -> bool,
    two_longer: impl IntoIterator<Item = &'a str>,
) -> bool {
    let lower = word.to_lowercase();
    let best = best.to_lowercase();
    // Two neighbouring letters dropped: the words two letters longer that hold `word` with
    // two letters cut out together (a scan of one length's words, not 676 lookups a place).
    let dropped_two = two_longer
        .into_iter()
        .any(|c| c != best && dropped_pair(&lower, c));
    // A swapped pair or a tripled letter is likelier than any wrong letter.
    let chars: Vec<char> = lower.chars().collect();
    let by_one_letter = chars.len().abs_diff(best.chars().count()) == 1;
    let mut candidate = String::with_capacity(lower.len() + 4);
    let wrong_letter = by_one_letter
        && (0..chars.len()).any(|i| {
            neighbours(chars[i]).chars().any(|l| {
                candidate.clear();
                candidate.extend(&chars[..i]);
                candidate.push(l);
                candidate.extend(&chars[i + 1..]);
                candidate != best && known(&candidate)
            })
        });
    dropped_two || wrong_letter
}

/// The keys beside `key` on a QWERTY keyboard: the wrong letters a typist strikes.
fn neighbours(key: char) -> &'static str {
    match key {
        'q' => "wa",
        'w' => "qeas",
        'e' => "wrsd",
        'r' => "etdf",
        't' => "ryfg",
        'y' => "tugh",
        'u' => "yihj",
        'i' => "uojk",
        'o' => "ipkl",
        'p' => "ol",
        'a' => "qwsz",
        's' => "weadzx",
        'd' => "erfsxc",
        'f' => "rtdgcv",
        'g' => "tyfhvb",
        'h' => "yugjbn",
        'j' => "uihknm",
        'k' => "iojlm",
        'l' => "opk",
        'z' => "asx",
        'x' => "zsdc",
        'c' => "xdfv",
        'v' => "cfgb",
        'b' => "vghn",
        'n' => "bhjm",
        'm' => "njk",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_and_costs() {
        let known = [
            "communications",
            "architect",
            "interview",
            "cat",
            "cut",
            "report",
            "rept",
        ];
        let spell = |c: &str| known.contains(&c).then(|| c.to_string());
        let best = |w: &str| {
            let spell = |c: &str| spell(c).map(|s| crate::spelling::recase(&s, w));
            suggestions(w, spell)
                .first()
                .map(|s| (s.word.clone(), s.cost))
        };
        assert_eq!(best("Commmunications"), Some(("Communications".into(), 0)));
        assert_eq!(best("Archtiect"), Some(("Architect".into(), 0)));
        assert_eq!(best("intervew"), Some(("interview".into(), 1)));
        assert_eq!(best("zzzz"), None);
        // A slip at the first letter is unlikely: `nterview` is cost 1+2.
        assert_eq!(best("nterview"), Some(("interview".into(), 3)));
        let swapped = suggestions("archtiect", spell);
        assert!(clear_best("archtiect", &swapped).is_some());
        // A single dropped letter is a sure fix only in a long word.
        let dropped = suggestions("intervew", spell);
        assert!(clear_best("intervew", &dropped).is_some());
        assert!(clear_best("cu", &suggestions("cu", spell)).is_none());
        // Wrong letters only when no likelier slip explains the word.
        let cot = suggestions("cot", spell);
        assert_eq!(cot.len(), 2);
        assert_eq!(clear_best("cot", &cot), None);
        // A dropped letter is likelier than an extra one, but not clearly.
        let reprt = suggestions("reprt", spell);
        assert_eq!(reprt.iter().map(|s| s.cost).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(reprt[0].word, "report");
        assert_eq!(clear_best("reprt", &reprt), None);
    }

    #[test]
    fn rivals_two_letters_away() {
        let words = ["provision", "provisioning", "communications"];
        let known = |w: &str| words.contains(&w);
        let longer = |w: &str| -> Vec<&str> {
            let n = w.chars().count() + 2;
            words.iter().copied().filter(|c| c.len() == n).collect()
        };
        assert!(has_rival_in(
            "Provisiong",
            "Provision",
            known,
            longer("Provisiong")
        ));
        assert!(!has_rival_in(
            "Commmunications",
            "Communications",
            known,
            longer("Commmunications")
        ));
        // Two letters cut out together, and only together.
        assert!(dropped_pair("provisiong", "provisioning"));
        assert!(dropped_pair("ab", "xyab") && dropped_pair("ab", "abxy"));
        assert!(!dropped_pair("provisiong", "provisionings"));
        assert!(!dropped_pair("acde", "abcdfe"));
        assert!(dropped_pair("café", "cafézz") && !dropped_pair("café", "czafze"));
        // The real word lists: the case the issue names, and one that must stay safe.
        assert!(has_rival("Provisiong", "Provision"));
        assert!(has_rival("operatea", "operate"));
        // `accosting` needs a key far from `u`: no slip a typist makes.
        assert!(!has_rival("Accouting", "Accounting"));
        assert!(!has_rival("Responsibilties", "Responsibilities"));
        // Two extra letters are no slip anyone makes.
        assert!(!has_rival("accross", "across"));
        assert!(!has_rival("prefered", "preferred"));
    }

    #[test]
    fn slips_apart() {
        let c = |w: &str| w.chars().collect::<Vec<_>>();
        assert!(within(&c("cusomter"), &c("customer"), 2));
        assert!(!within(&c("cusomter"), &c("customer"), 1));
        assert!(within(&c("lifycle"), &c("lifecycle"), 2));
        assert!(within(&c("volitality"), &c("volatility"), 2));
        assert!(within(&c("archtiect"), &c("architect"), 1));
        assert!(!within(&c("abcdefgh"), &c("hgfedcba"), 2));
        assert!(!within(&c("short"), &c("shortening"), 2));
        assert!(within(&c(""), &c("ab"), 2));
        assert!(dropped_pair("provisiong", "provisioning"));
        assert!(!dropped_pair("provisiong", "provisional"));
        assert!(!dropped_pair("intervew", "interviews"));
        assert!(dropped_pair("ab", "abcd") && dropped_pair("cd", "abcd"));
    }
}

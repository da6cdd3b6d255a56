//! SCOWL's en_US Hunspell dictionary, every form of it expanded at build time (`build.rs`,
//! [`super::hunspell`]) into two hash tables ([`super::table`]) embedded in the binary.
//!
//! [`check`] accepts what Hunspell accepts for this dictionary: a form as written; a title-case
//! word whose small form is known (`Manager`); an all-caps word in any case the dictionary has
//! (`MANAGER`, `NASA`, `MCDONALD` by its hidden twin); numbers (`1,000`, `3.5`); trailing dots
//! (`etc.`); and words joined by hyphens whose parts are known. A unit test holds it to a
//! Hunspell implementation word by word.

use super::hunspell::{Casing, casing, titlecase};
use super::table;

static VISIBLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en_US.visible"));
static HIDDEN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en_US.hidden"));

/// Hunspell's limit on a word's length in bytes: longer is never a word.
const MAX_WORD_LEN: usize = 360;

/// How deep hyphenated words are broken up, as in Hunspell.
const MAX_BREAKS: usize = 9;

/// Whether the dictionary accepts `word`.
pub fn check(word: &str) -> bool {
    if word.len() > MAX_WORD_LEN {
        return false;
    }
    // The dictionary's input conversion: a typographic apostrophe is an apostrophe.
    let converted;
    let word = if word.contains('’') {
        converted = word.replace('’', "'");
        converted.as_str()
    } else {
        word
    };
    if word.is_empty() {
        return true;
    }
    let trimmed = word.trim_end_matches('.');
    if is_number(trimmed) {
        return true;
    }
    broken(trimmed, 0) || (trimmed.len() != word.len() && broken(word, 0))
}

/// Whether `word`, or its parts between hyphens, are known.
fn broken(word: &str, depth: usize) -> bool {
    if cased(word) {
        return true;
    }
    if depth == MAX_BREAKS {
        return false;
    }
    if let Some(rest) = word.strip_prefix('-')
        && broken(rest, depth + 1)
    {
        return true;
    }
    if let Some(rest) = word.strip_suffix('-')
        && broken(rest, depth + 1)
    {
        return true;
    }
    match word.split_once('-') {
        Some((first, second)) if !second.is_empty() => {
            broken(first, depth + 1) && broken(second, depth + 1)
        }
        _ => false,
    }
}

/// A form as written (`hidden`: or a hidden title-case twin).
fn simple(word: &str, hidden: bool) -> bool {
    table::contains(VISIBLE, word) || (hidden && table::contains(HIDDEN, word))
}

/// Whether `word` is known in its casing.
fn cased(word: &str) -> bool {
    match casing(word) {
        Casing::Small | Casing::Camel | Casing::Pascal => simple(word, true),
        Casing::Init => simple(word, false) || simple(&word.to_lowercase(), true),
        Casing::All => {
            if simple(word, true) {
                return true;
            }
            // An apostrophe inside: `L'AMOUR` may be `l'Amour` or `L'Amour`.
            if let Some(i) = word.find('\'').filter(|&i| i != word.len() - 1) {
                let (first, second) = word.split_at(i + 1);
                let second = titlecase(second);
                if simple(&(first.to_lowercase() + &second), true)
                    || simple(&(titlecase(first) + &second), true)
                {
                    return true;
                }
            }
            simple(&titlecase(word), true) || simple(&word.to_lowercase(), true)
        }
    }
}

/// Digits with single `.`, `,` or `-` between them, perhaps after a minus: `1,000`, `-3.5`.
fn is_number(word: &str) -> bool {
    let word = word.strip_prefix('-').unwrap_or(word);
    if word.is_empty() {
        return false;
    }
    let mut separated = true;
    for c in word.chars() {
        match c {
            '0'..='9' => separated = false,
            '.' | '-' | ',' if !separated => separated = true,
            _ => return false,
        }
    }
    !separated
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The Hunspell implementation the expansion is held to (a dev-dependency only).
    fn reference() -> spellbook::Dictionary {
        // As jobfam used it: without the compound rules, which only spell ordinals (`21st`),
        // and words with digits are never checked.
        let aff: String = include_str!("../../data/hunspell/en_US.aff")
            .lines()
            .filter(|l| !l.starts_with("COMPOUND"))
            .flat_map(|l| [l, "\n"])
            .collect();
        spellbook::Dictionary::new(&aff, include_str!("../../data/hunspell/en_US.dic"))
            .expect("the embedded en_US dictionary parses")
    }

    /// Each word in each of its casings, judged by the expanded tables and by spellbook: every
    /// form the build expanded, every word of the larger SCOWL lists (mostly words en_US lacks),
    /// the common words, and slips of them; they must agree on all of them.
    #[test]
    fn agrees_with_hunspell() {
        let reference = reference();
        let forms = super::super::hunspell::expand(
            include_str!("../../data/hunspell/en_US.aff"),
            include_str!("../../data/hunspell/en_US.dic"),
        );
        let mut words: BTreeSet<String> = BTreeSet::new();
        for w in forms.visible.iter().chain(&forms.hidden) {
            words.insert(w.clone());
        }
        for list in [
            include_str!("../../data/known/en-extra.txt"),
            include_str!("../../data/common/en-common.txt"),
        ] {
            words.extend(
                list.lines()
                    .filter(|l| !l.starts_with('#'))
                    .map(str::to_string),
            );
        }
        // Slips: a letter dropped, doubled; hyphenated pairs; dots; numbers.
        let common: Vec<&str> = include_str!("../../data/common/en-common.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        for (i, w) in common.iter().enumerate().step_by(7) {
            if w.len() > 3 {
                words.insert(format!("{}{}", &w[..2], &w[3..]));
                words.insert(format!("{}{}", &w[..3], &w[2..]));
            }
            let next = common[(i + 1) % common.len()];
            words.insert(format!("{w}-{next}"));
            words.insert(format!("{w}-"));
            words.insert(format!("-{w}"));
            words.insert(format!("{w}."));
            words.insert(format!("{w}’s"));
        }
        for n in [
            "1", "1,000", "3.5", "-2", "1..2", "1st", "21st", "11th", "1th", "2nd",
        ] {
            words.insert(n.to_string());
        }
        let mut differ = Vec::new();
        let mut judged = 0;
        for w in &words {
            for form in [w.clone(), w.to_lowercase(), titlecase(w), w.to_uppercase()] {
                judged += 1;
                if check(&form) != reference.check(&form) {
                    differ.push(form);
                }
            }
        }
        assert!(judged > 1_000_000, "{judged} words judged");
        assert!(
            differ.is_empty(),
            "{} of {judged} words judged otherwise than Hunspell, e.g. {:?}",
            differ.len(),
            &differ[..differ.len().min(20)]
        );
    }

    #[test]
    fn casings() {
        assert!(check("manager") && check("Manager") && check("MANAGER"));
        assert!(!check("mAnager"));
        assert!(check("Texas") && check("TEXAS") && !check("texas"));
        assert!(check("McDonald") && check("MCDONALD") && !check("Mcdonald"));
        assert!(check("etc.") && check("1,000") && check("well-known"));
        assert!(check("manager’s"));
        assert!(!check("Responsibilties"));
    }
}

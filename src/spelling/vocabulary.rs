//! Word lists: the built-in domain vocabulary and the user's own words.
//!
//! One entry per line, `#` starts a comment. An all-lower-case entry (`onboarding`) is a word in
//! any capitalisation (`Onboarding`, `ONBOARDING`). An entry with a capital (`GitLab`) is a term
//! with one right spelling: other casings are `spelling/term-case` findings (a brand's former
//! casing, from a list of its own, is known but never suggested). Plurals (`-s`,
//! `-es`) and possessives of an entry are known too.

use std::collections::{HashMap, HashSet};

/// A set of known words and terms.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// Lower-case entries.
    words: HashSet<String>,
    /// Entries with a capital, exactly as written.
    terms: HashSet<String>,
    /// Each term by its lower-case form.
    by_lower: HashMap<String, String>,
}

impl Vocabulary {
    /// Parses a word list.
    pub fn parse(text: &str) -> Vocabulary {
        let mut v = Vocabulary::default();
        v.extend(text);
        v
    }

    /// Adds the entries of a word list.
    pub fn extend(&mut self, text: &str) {
        for line in text.lines() {
            // `Trust Center` is two words to know.
            for entry in line.split('#').next().unwrap_or("").split_whitespace() {
                self.add(entry);
            }
        }
    }

    /// Adds every entry of `other`.
    pub fn merge(&mut self, other: Vocabulary) {
        self.words.extend(other.words);
        self.terms.extend(other.terms);
        self.by_lower.extend(other.by_lower);
    }

    /// Adds the entries of a list of former casings (`DocuSign`, now `Docusign`): known as
    /// written, never suggested as a fix.
    pub fn extend_former(&mut self, text: &str) {
        for line in text.lines() {
            for entry in line.split('#').next().unwrap_or("").split_whitespace() {
                self.terms.insert(entry.replace('’', "'"));
            }
        }
    }

    /// Adds one entry.
    pub fn add(&mut self, entry: &str) {
        let entry = entry.replace('’', "'");
        if entry.chars().any(char::is_uppercase) {
            self.by_lower.insert(entry.to_lowercase(), entry.clone());
            self.terms.insert(entry);
        } else {
            self.words.insert(entry);
        }
    }

    /// Whether `word` is an entry, its plural or its possessive, in an allowed casing.
    pub fn knows(&self, word: &str) -> bool {
        stems(word).any(|stem| {
            self.terms.contains(stem)
                || (stem.chars().all(|c| !c.is_lowercase())
                    && self.by_lower.contains_key(&stem.to_lowercase()))
                || (plain_casing(stem) && self.words.contains(&stem.to_lowercase()))
        })
    }

    /// The term whose lower-case form (or its plural) is `lower`, spelt as the term is.
    pub fn term_of(&self, lower: &str) -> Option<String> {
        stems(lower).find_map(|stem| {
            let term = self.by_lower.get(stem)?;
            Some(format!("{term}{}", &lower[stem.len()..]))
        })
    }

    /// The term whose lower-case form is exactly `word`, when `word` writes it in another case:
    /// no plural or possessive of it.
    pub fn exact_term_for(&self, word: &str) -> Option<String> {
        let term = self.by_lower.get(&word.to_lowercase())?;
        (term != word).then(|| term.clone())
    }

    /// Every entry in lower case: the words, and the terms that are not former casings.
    pub fn lower_entries(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .map(String::as_str)
            .chain(self.by_lower.keys().map(String::as_str))
    }

    /// The term whose lower-case form is exactly `lower`, as the term is spelt.
    pub fn term_spelt(&self, lower: &str) -> Option<&str> {
        self.by_lower.get(lower).map(String::as_str)
    }

    /// Whether `lower` (or its plural) is a lower-case entry.
    pub fn has_word(&self, lower: &str) -> bool {
        stems(lower).any(|stem| self.words.contains(stem))
    }

    /// The term `word` is a wrong casing of, with the word's own plural or possessive ending.
    pub fn term_for(&self, word: &str) -> Option<String> {
        stems(word).find_map(|stem| {
            let term = self.by_lower.get(&stem.to_lowercase())?;
            (term != stem).then(|| format!("{term}{}", &word[stem.len()..]))
        })
    }
}

/// Whether the casing is one any word may take: `word`, `Word` or `WORD`.
pub fn plain_casing(word: &str) -> bool {
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(_) = chars.next() else {
        return true;
    };
    let rest: Vec<char> = chars.collect();
    rest.iter().all(|c| c.is_lowercase()) || rest.iter().all(|c| c.is_uppercase())
}

/// The word, then the word without a possessive or plural ending, longest first.
pub fn stems(word: &str) -> impl Iterator<Item = &str> {
    let possessive = word.strip_suffix("'s").or_else(|| word.strip_suffix('\''));
    let base = possessive.unwrap_or(word);
    let plural = [base.strip_suffix("es"), base.strip_suffix('s')];
    std::iter::once(word)
        .chain(possessive)
        .chain(plural.into_iter().flatten().filter(|s| s.len() >= 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_terms_plurals_and_casing() {
        let v = Vocabulary::parse("# comment\nonboarding\nGitLab  # a term\nmicroservice\n");
        for known in [
            "onboarding",
            "Onboarding",
            "ONBOARDING",
            "GitLab",
            "GitLab's",
            "microservices",
        ] {
            assert!(v.knows(known), "{known}");
        }
        for unknown in ["Gitlab", "gitlab", "oNboarding", "comment"] {
            assert!(!v.knows(unknown), "{unknown}");
        }
        assert_eq!(v.term_for("Gitlab's").as_deref(), Some("GitLab's"));
        assert_eq!(v.term_for("GitLab"), None);
    }
}

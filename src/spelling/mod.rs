//! The spell checker: an English dictionary, the domain vocabulary and the user's words.
//!
//! The dictionary is SCOWL's en_US Hunspell dictionary (`data/hunspell/`), read by `spellbook`.
//! It is embedded in the binary and parsed once per process, on first use (or ahead of time,
//! on another thread, by [`prewarm`]), then shared by every thread.
//!
//! A word the dictionaries do not know is only called a misspelling when one typing slip
//! (a letter dropped, added, doubled, swapped with its neighbour or mistyped) makes it a word
//! they do know: that is what a fresh typo looks like. Unknown words with no such neighbour are
//! names and jargon far more often than typos, and are left alone.

pub mod check;
#[cfg(test)]
mod recall;
mod suggest;
mod variants;
pub mod vocabulary;

pub use check::SpellCheck;
pub use suggest::{Suggestion, clear_best, has_rival};
pub use variants::{Locale, Variants};
pub use vocabulary::Vocabulary;

use std::collections::HashSet;
use std::sync::OnceLock;

/// The built-in word lists, each embedded in the binary.
pub const WORD_LISTS: &[&str] = &[
    include_str!("../../data/words/software.txt"),
    include_str!("../../data/words/business.txt"),
    include_str!("../../data/words/roles.txt"),
    include_str!("../../data/words/products.txt"),
    include_str!("../../data/words/english.txt"),
];

/// Former casings of renamed brands: known as written, never suggested.
pub const FORMER_CASINGS: &str = include_str!("../../data/words/former-casings.txt");

/// What the spell checker knows before any user word: dictionary, vocabulary and variants.
pub struct Builtin {
    dictionary: spellbook::Dictionary,
    vocabulary: Vocabulary,
    variants: Variants,
}

static BUILTIN: OnceLock<Builtin> = OnceLock::new();

/// The built-in dictionaries, loaded on first use.
pub fn builtin() -> &'static Builtin {
    BUILTIN.get_or_init(|| {
        // The compound rules only spell ordinals (`21st`); words with digits are never checked,
        // and trying the rules on every failed lookup costs a tenth of the checking time.
        let aff: String = include_str!("../../data/hunspell/en_US.aff")
            .lines()
            .filter(|l| !l.starts_with("COMPOUND"))
            .flat_map(|l| [l, "\n"])
            .collect();
        let dictionary =
            spellbook::Dictionary::new(&aff, include_str!("../../data/hunspell/en_US.dic"))
                // The files are embedded and parsed by a unit test, so this cannot fail at run time.
                .expect("the embedded en_US dictionary parses");
        let mut vocabulary = Vocabulary::default();
        for list in WORD_LISTS {
            vocabulary.extend(list);
        }
        vocabulary.extend_former(FORMER_CASINGS);
        Builtin {
            dictionary,
            vocabulary,
            variants: Variants::parse(include_str!("../../data/variants/en-us-gb.txt")),
        }
    })
}

/// The commonest English words (SCOWL size 35), loaded the first time a correction is ranked.
fn common_words() -> &'static HashSet<&'static str> {
    static COMMON: OnceLock<HashSet<&'static str>> = OnceLock::new();
    COMMON.get_or_init(|| {
        include_str!("../../data/common/en-common.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect()
    })
}

/// Whether `lower` is one of the commonest English words.
pub fn is_common(lower: &str) -> bool {
    common_words().contains(lower)
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
                return Verdict::Known;
            }
            return Verdict::WrongCase(term);
        }
        if !suggest {
            return Verdict::Unknown(Vec::new());
        }
        let mut suggestions = suggest::suggestions(word, |c| self.spelling_of(c, word));
        for s in &mut suggestions {
            s.common = is_common(&s.word.to_lowercase())
                || self.builtin.vocabulary.knows(&s.word)
                || self.user.iter().any(|v| v.knows(&s.word));
        }
        // Likeliest slip first; within a kind of slip, common words before rare ones, then
        // American spelling before British (it is the one the dictionary itself has).
        suggestions.sort_by_key(|s| {
            let british = self
                .builtin
                .variants
                .accepts(&s.word.to_lowercase(), Locale::En);
            (suggest::tier(s.cost), !s.common, s.cost, british)
        });
        Verdict::Unknown(suggestions)
    }

    /// The one right spelling of a term `word` writes in another case, from the user's lists or
    /// the vocabulary, unless `word` is an English word too: `kubernetes` → `Kubernetes`, but
    /// `securities` is `securities`.
    pub fn term_for(&self, word: &str) -> Option<String> {
        // `securities`, `canvas`, `homebrew`: an English word as well as a name.
        if self.builtin.dictionary.check(word) || is_common(word) {
            return None;
        }
        // The whole word, not a stem: `vendrs` is a typo of `vendors`, not the plural of Vendr.
        self.user
            .iter()
            .find_map(|v| v.exact_term_for(word))
            .or_else(|| self.builtin.vocabulary.exact_term_for(word))
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
        british_ise(word, |us| b.dictionary.check(us) || b.vocabulary.knows(us))
    }

    /// Whether any dictionary knows `word` as written.
    pub fn knows(&self, word: &str) -> bool {
        let b = self.builtin;
        let base = word.strip_suffix("'s").unwrap_or(word);
        b.dictionary.check(word)
            || (base.len() < word.len() && b.dictionary.check(base))
            || plural_of_known(word, |stem| b.dictionary.check(stem))
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
                return Some(term);
            }
            if list.has_word(lower) {
                return Some(recase(lower, like));
            }
        }
        let cased = recase(lower, like);
        (self.builtin.variants.accepts(lower, self.locale)
            || self.builtin.dictionary.check(&cased)
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
        let mut seen = HashSet::new();
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

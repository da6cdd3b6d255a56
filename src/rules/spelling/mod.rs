//! Spelling: typos, terms in the wrong case, repeated words and the other English's spelling.
//!
//! The words come from [`Page::words`] and the verdicts from [`Page::spelling`], which the
//! spelling step fills before the rules run; these rules only turn verdicts into findings.

pub mod misspelling;
pub mod repeated_word;
pub mod term_case;
pub mod variant;

use crate::document::Page;
use crate::document::words::Word;
use crate::rules::{Fix, RuleMeta};
use crate::spelling::Verdict;

/// Whether `rule` reads the spell checker's verdicts, so the dictionary must be loaded.
pub fn needs_dictionary(rule: &RuleMeta) -> bool {
    rule.group() == "spelling" && rule.id != repeated_word::REPEATED_WORD.id
}

/// The fix that replaces `word` by `replacement`, with the apostrophe the source used (curly
/// or straight).
fn replace_word(page: &Page, word: &Word, replacement: &str) -> Fix {
    let replacement = if page.slice(word.span).contains('’') {
        replacement.replace('\'', "’")
    } else {
        replacement.to_string()
    };
    Fix::safe(word.span, replacement)
}

/// Each word with a verdict, and the verdict.
fn judged(page: &Page) -> impl Iterator<Item = (&Word, &Verdict)> {
    page.spelling
        .iter()
        .filter_map(|(i, v)| Some((page.words.get(*i)?, v)))
}

/// The help line shared by findings a user can silence by teaching jobfam the word.
fn add_word_help(word: &str) -> String {
    format!(
        "if `{word}` is right, add it to a `{}` file beside the page (or pass `--words FILE`)",
        crate::spelling::check::WORDS_FILE
    )
}

//! Spelling: typos, terms in the wrong case, repeated words and the other English's spelling.
//!
//! The words come from [`Page::words`] and the verdicts from [`Page::spelling`], which the
//! spelling step fills before the rules run; these rules only turn verdicts into findings.

crate::rules::register! {
    misspelling::MISSPELLING,
    repeated_word::REPEATED_WORD,
    term_case::TERM_CASE,
    variant::VARIANT,
}

use crate::document::words::Word;
use crate::document::{Page, Span};
use crate::rules::{Applicability, Fix, Input, RuleMeta};
use crate::spelling::Verdict;

/// Whether `rule` reads the spell checker's verdicts, so the dictionary must be loaded.
pub fn needs_dictionary(rule: &RuleMeta) -> bool {
    rule.group() == "spelling" && rule.id != repeated_word::REPEATED_WORD.id
}

/// The fix that replaces `word` by `replacement`, with the apostrophe the source used (curly
/// or straight). It is unsafe when it would change the id of the heading the word is in:
/// links to `#responsibilties` from other pages would break.
fn replace_word(page: &Page, word: &Word, replacement: &str) -> Fix {
    let replacement = if page.slice(word.span).contains('’') {
        replacement.replace('\'', "’")
    } else {
        replacement.to_string()
    };
    // Ids are lower case: a fix in case alone keeps the heading's id.
    let renames = page.slice(word.span).to_lowercase() != replacement.to_lowercase()
        && in_generated_heading(page, word.span);
    let fix = Fix::safe(word.span, replacement);
    if renames {
        fix.with_applicability(Applicability::Unsafe)
    } else {
        fix
    }
}

/// Whether `span` lies in a heading whose id is made from its text (no `{#custom-id}`): a fix
/// there changes the id, and links to the old id from other pages would break.
fn in_generated_heading(page: &Page, span: Span) -> bool {
    let at = page.headings.partition_point(|h| h.span.end <= span.start);
    page.headings
        .get(at)
        .is_some_and(|h| h.span.start <= span.start && !h.custom_id)
}

/// Each word with a verdict, and the verdict.
fn judged(input: &Input) -> impl Iterator<Item = (&Word, &Verdict)> {
    input
        .verdicts
        .iter()
        .filter_map(|(i, v)| Some((input.page.words.get(*i)?, v)))
}

/// The help line shared by findings a user can silence by teaching jobfam the word.
fn add_word_help(word: &str) -> String {
    format!(
        "if `{word}` is right, add it to a `{}` file beside the page (or pass `--words FILE`)",
        crate::spelling::check::WORDS_FILE
    )
}

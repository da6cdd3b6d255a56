//! `spelling/repeated-word`: the same word twice in a row, "the the".

use crate::document::Span;
use crate::document::words::Kind;
use crate::rules::{Check, Context, Finding, Fix, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a word written twice in a row with only white space between, also across a line
    /// break: "the the", "to\nto". Doubles that English allows ("had had", "that that") and
    /// words split by punctuation ("yes, yes") are not reported.
    ///
    /// ## Why is this bad?
    /// A doubled word is almost always an editing slip, and the eye skips it when proofreading
    /// its own text.
    ///
    /// ## Example
    /// ```markdown
    /// You will partner with the the Product team.
    /// ```
    /// Use instead:
    /// ```markdown
    /// You will partner with the Product team.
    /// ```
    ///
    /// "at at least" is not reported: the second `at` begins "at least" ("longevity at at
    /// least one job").
    ///
    /// ## Fix
    /// Sometimes, when only white space separates the two in the source: the second word and
    /// the space before it are removed. The fix is safe for words English never doubles
    /// (articles, prepositions, conjunctions, pronouns: "the the", "with with"), and unsafe for
    /// the rest (`many many`, a name), which may be meant, and for an article doubled after a
    /// verb that takes `to` ("reports the the Director", where "reports to the" was meant),
    /// and in a heading without a `{#custom-id}`, whose id the fix would change: `--fix`
    /// applies those only with `--unsafe-fixes`.
    REPEATED_WORD { id: "spelling/repeated-word", severity: Error, fix: Sometimes(Mixed), check: Check::Code(check) }
}

/// Whether a capitalised double is a name (`Bora Bora`, `Baden Baden`): its lower-case form is
/// no common word, unlike `The The`.
fn is_name(first: &str, second: &str) -> bool {
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    capital(first) && capital(second) && !crate::spelling::is_common(&first.to_lowercase())
}

/// Whether two words are the same but for case.
fn same_word(a: &str, b: &str) -> bool {
    a.len() == b.len() && (a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase())
}

/// Doubles that grammar or habit allows.
const ALLOWED: &[&str] = &["bye", "had", "is", "no", "so", "that", "very"];

/// Words that English never doubles: dropping the second copy is certain. Any other double
/// (`many many`, a name) may be meant, so its fix is shown, not applied.
const NEVER_DOUBLED: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "for", "from", "in", "into",
    "is", "it", "its", "of", "on", "or", "our", "than", "the", "their", "this", "to", "was", "we",
    "were", "will", "with", "you", "your",
];

/// "longevity at at least one job": the second `at` begins "at least", a phrase of its own.
fn begins_phrase(second: &str, next: Option<&str>) -> bool {
    second.eq_ignore_ascii_case("at")
        && next.is_some_and(|n| n.eq_ignore_ascii_case("least") || n.eq_ignore_ascii_case("most"))
}

/// Verbs (by their stem) that take `to` before an object: "reports the the Director" most
/// likely meant "reports to the Director", so dropping a `the` is no sure fix.
const TAKES_TO: &[&str] = &[
    "adher",
    "belong",
    "contribut",
    "listen",
    "refer",
    "report",
    "respond",
    "speak",
    "talk",
];

/// Whether a doubled article follows a verb that takes `to`: one copy was likely a mistyped
/// preposition.
fn lost_preposition(before: Option<&str>, doubled: &str) -> bool {
    let article = ["the", "a", "an"]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(doubled));
    article
        && before.is_some_and(|b| {
            let b = b.to_lowercase();
            TAKES_TO.iter().any(|stem| b.starts_with(stem))
        })
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let words = &page.words;
    (1..words.len())
        .filter_map(|i| {
            let (first, second) = (&words[i - 1], &words[i]);
            let next = words
                .get(i + 1)
                .filter(|n| n.follows_space)
                .map(|n| n.text.as_str());
            let repeated = second.follows_space
                && first.compound.is_none()
                && second.compound.is_none()
                && first.kind != Kind::Digits
                && same_word(&first.text, &second.text)
                && !ALLOWED.iter().any(|a| a.eq_ignore_ascii_case(&first.text))
                && !is_name(&first.text, &second.text)
                && !begins_phrase(&second.text, next);
            if !repeated {
                return None;
            }
            let mut finding = Finding::new(
                &REPEATED_WORD,
                second.span,
                format!("`{}` is repeated", second.text),
            )
            .with_help(format!("remove the second `{}`", second.text));
            finding.labels.push((first.span, "first here".to_string()));
            let gap = page.slice(Span::new(first.span.end, second.span.start));
            if first.span.end < second.span.start && gap.chars().all(char::is_whitespace) {
                let span = Span::new(first.span.end, second.span.end);
                let before = i.checked_sub(2).map(|b| words[b].text.as_str());
                let certain = NEVER_DOUBLED
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(&second.text))
                    && !lost_preposition(before, &second.text)
                    && !super::in_generated_heading(page, span);
                finding.fix = Some(if certain {
                    Fix::safe(span, "")
                } else {
                    Fix::unsafe_fix(span, "")
                });
            }
            Some(finding)
        })
        .collect()
}

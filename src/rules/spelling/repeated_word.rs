//! `spelling/repeated-word`: the same word twice in a row, "the the".

use crate::document::words::Kind;
use crate::document::{Page, Span};
use crate::rules::{Check, Context, Finding, Fix, declare_rule};

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
    /// ## Fix
    /// Always when only white space separates the two in the source: the second word and the
    /// space before it are removed.
    REPEATED_WORD { id: "spelling/repeated-word", severity: Error, fix: Sometimes, check: Check::Code(check) }
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

fn check(page: &Page, _ctx: &Context) -> Vec<Finding> {
    page.words
        .windows(2)
        .filter_map(|pair| {
            let [first, second] = pair else { return None };
            let repeated = second.follows_space
                && first.compound.is_none()
                && second.compound.is_none()
                && first.kind != Kind::Digits
                && same_word(&first.text, &second.text)
                && !ALLOWED.iter().any(|a| a.eq_ignore_ascii_case(&first.text))
                && !is_name(&first.text, &second.text);
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
                finding.fix = Some(Fix {
                    span: Span::new(first.span.end, second.span.end),
                    replacement: String::new(),
                });
            }
            Some(finding)
        })
        .collect()
}

//! `structure/placeholder`: template text left in a published page.

use crate::document::Span;
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags template text left in prose: a braced placeholder such as `{add responsibilities}`,
    /// `{Insert role}` or `The {Senior Engineer} is a grade 7`, and the markers `TODO`, `TBD`,
    /// `TBA` and `FIXME`. Code, HTML, ERB tags, Hugo shortcodes and attribute lists such as
    /// `{#id}` or `{:.no_toc}` are not prose and are never reported.
    ///
    /// ## Why is this bad?
    /// The page is published as it stands: a reader sees the template, not the job.
    ///
    /// ## Example
    /// ```markdown
    /// ## Responsibilities
    /// - {add responsibilities}
    /// - TBD
    /// ```
    /// Use instead:
    /// ```markdown
    /// ## Responsibilities
    /// - Own the roadmap for the Plan stage
    /// ```
    ///
    /// ## Fix
    /// Never: the real text has to be written.
    PLACEHOLDER { id: "structure/placeholder", severity: Warning, fix: Never, check: Check::Code(check) }
}

/// `{words}` starting with a letter, or an upper-case marker word.
static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{[\p{L}][^{}\n]{0,80}\}|\b(?:TODO|TBD|TBA|FIXME)\b")
        .expect("static regex compiles")
});

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    page.prose
        .iter()
        // Most prose holds neither a brace nor a marker: the pattern (large: `\p{L}`) is
        // compiled and run only where a match may be.
        .filter(|&&prose| {
            let text = page.slice(prose);
            ["{", "TODO", "TB", "FIXME"].iter().any(|m| text.contains(m))
        })
        .flat_map(|&prose| {
            let text = page.slice(prose);
            PATTERN
                .find_iter(text)
                .filter(move |m| !is_quoted_or_command(text, m.start(), m.end()))
                .map(move |m| {
                    let span = Span::new(prose.start + m.start(), prose.start + m.end());
                    let value = m.as_str();
                    if value.starts_with('{') {
                        Finding::new(
                            &PLACEHOLDER,
                            span,
                            format!("template placeholder `{value}` left in the page"),
                        )
                        .with_help("replace it with the text it stands for")
                    } else {
                        Finding::new(
                            &PLACEHOLDER,
                            span,
                            format!("`{value}` marker left in the page"),
                        )
                        .with_help("write the missing text, or remove the marker")
                    }
                })
        })
        .collect()
}

/// `"TODO"` and `` `TBD` `` mention the marker rather than leave it; `\textbf{bold}` is a
/// command's argument, not a template slot.
fn is_quoted_or_command(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let quoted = matches!(
        (before, after),
        (Some('"' | '\'' | '“' | '‘'), Some('"' | '\'' | '”' | '’'))
    );
    let command = text[..start].ends_with(|c: char| c.is_alphanumeric())
        && text[..start]
            .trim_end_matches(|c: char| c.is_alphanumeric())
            .ends_with('\\');
    quoted || command
}

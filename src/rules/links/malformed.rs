//! `links/malformed`: link syntax that does not render as the author meant.

use crate::document::Span;
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags link syntax that renders wrong: `[text]((url))` (the extra parentheses show),
    /// `[text] (url)` (a space breaks the link, both halves show as text), an empty target
    /// `[text]()`, and a fragment with a second `#` or a `/` in it (`#specialties/##education`),
    /// which no id can match. Grade links are left to `grades/malformed`.
    ///
    /// ## Why is this bad?
    /// The reader sees Markdown punctuation instead of a link, or a link that goes nowhere.
    ///
    /// ## Example
    /// `[Education]((/job-families/marketing/community/#education))`; use instead
    /// `[Education](/job-families/marketing/community/#education)`.
    ///
    /// ## Fix
    /// Never.
    MALFORMED { id: "links/malformed", severity: Error, fix: Never, check: Check::Code(check) }
}

/// `[text]((url` and `[text] (url)` in a paragraph's source.
static BROKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[([^\[\]\n]+)\](?:\(\(|[ \t]+\((?:https?://|/|#|\.\.?/)[^()\s]*\))")
        .expect("static regex compiles")
});

static GRADE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:grade\s*)?\d{1,2}(?:\.\d)?\+?\s*$").expect("static regex compiles")
});

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let mut findings = Vec::new();
    for block in &page.blocks {
        let text = page.slice(block.span);
        for caps in BROKEN.captures_iter(text) {
            let whole = caps.get(0).expect("group 0 always matches");
            if GRADE_TEXT.is_match(&caps[1]) {
                continue;
            }
            let span = Span::new(
                block.span.start + whole.start(),
                block.span.start + whole.end(),
            );
            if page.in_code(block, span) {
                continue;
            }
            let shown = whole.as_str();
            let message = if shown.contains("((") {
                format!("link `{shown}…` has doubled parentheses, which show as text")
            } else {
                format!(
                    "link `{shown}` has a space between `]` and `(`, so it does not render as a link"
                )
            };
            findings
                .push(Finding::new(&MALFORMED, span, message).with_help("write it as [text](url)"));
        }
    }
    for link in &page.links {
        if link.url.is_empty() {
            findings.push(
                Finding::new(
                    &MALFORMED,
                    link.span,
                    format!("link `{}` has an empty target", page.slice(link.span)),
                )
                .with_help("add the URL, or remove the link"),
            );
        } else if let Some((_, fragment)) = link.url.split_once('#') {
            if fragment.contains('#') || fragment.contains('/') {
                findings.push(
                    Finding::new(
                        &MALFORMED,
                        link.span,
                        format!("link fragment `#{fragment}` cannot match an id"),
                    )
                    .with_help(
                        "a fragment is one id: keep the part after the last `#`, without `/`",
                    ),
                );
            }
        }
    }
    findings
}

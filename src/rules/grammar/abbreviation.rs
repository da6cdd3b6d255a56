//! `grammar/abbreviation`: "e,g." and "e.i." for "e.g." and "i.e.".

use crate::document::Span;
use crate::rules::{Check, Context, Finding, Fix, Input, declare_rule};
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags "e.g." and "i.e." typed with a comma for a dot, with their letters swapped or
    /// with the first dot left out: `e,g.`, `e.g,`, `i,e.`, `i.e,`, `e.i.`, `eg.`, `ie.`; and
    /// "for e.g.", which says "for for example".
    ///
    /// ## Why is this bad?
    /// They read as typos, and "e.i." is no abbreviation at all. Style guides agree on "e.g."
    /// and "i.e." with both dots.
    ///
    /// ## Example
    /// ```markdown
    /// Tools (e,g. Salesforce) and formats (e.i. CSV).
    /// ```
    /// Use instead:
    /// ```markdown
    /// Tools (e.g. Salesforce) and formats (i.e. CSV).
    /// ```
    ///
    /// ## Fix
    /// Safe: the abbreviation is written `e.g.` or `i.e.`, in its own case.
    ABBREVIATION { id: "grammar/abbreviation", severity: Warning, fix: Always(Safe), check: Check::Code(check) }
}

/// The slips, each with a word boundary on both sides; `e.i.`, `eg.` and `ie.` must end in
/// their dot.
static SLIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(e,g\.?|e\.g,|i,e\.?|i\.e,|e\.i\.|eg\.|ie\.)(?:[\s,;:)]|$)")
        .expect("static regex compiles")
});

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let mut findings = Vec::new();
    for &prose in &page.prose {
        let text = page.slice(prose);
        for caps in SLIP.captures_iter(text) {
            let m = caps.get(1).expect("group 1 always matches");
            let written = m.as_str();
            let lower = written.to_lowercase();
            let right = if lower.starts_with('e') && !lower.starts_with("e.i") {
                "e.g."
            } else {
                "i.e."
            };
            let right = if written.starts_with(['E', 'I']) {
                right.to_uppercase().replacen(".G.", ".g.", 1).replacen(".E.", ".e.", 1)
            } else {
                right.to_string()
            };
            let span = Span::new(prose.start + m.start(), prose.start + m.start() + written.len());
            let mut f = Finding::new(&ABBREVIATION, span, format!("`{written}`: write `{right}`"))
                .with_help(format!("write `{right}`"));
            f.fix = Some(Fix::safe(span, right));
            findings.push(f);
        }
        // "for e.g." says "for for example".
        for m in FOR_EG.find_iter(text) {
            let span = Span::new(prose.start + m.start(), prose.start + m.end());
            let eg = if m.as_str().starts_with('F') {
                "E.g."
            } else {
                "e.g."
            };
            let mut f = Finding::new(
                &ABBREVIATION,
                span,
                format!("`{}`: write `{eg}`", m.as_str()),
            )
            .with_help("\"e.g.\" already says \"for example\"; drop \"for\"");
            f.fix = Some(Fix::safe(span, eg));
            findings.push(f);
        }
    }
    findings.sort_by_key(|f| f.span.start);
    findings
}

/// "for e.g.", in any case of "for".
static FOR_EG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:[Ff]or|FOR) e\.g\.").expect("static regex compiles"));

//! `markdown/doubled-marker`: `- - item`, an item that opens with a second marker.

use crate::document::Span;
use crate::rules::{Check, Context, Finding, Fix, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a list item whose text starts with a second marker on the same line: `- - Craft
    /// policies`, `* - Lead`. It renders as an empty bullet with a nested list under it.
    ///
    /// markdownlint has no rule for it (MD004 and MD007 see two valid lists).
    ///
    /// ## Why is this bad?
    /// The reader sees a bullet with nothing after it and the text pushed one level in.
    ///
    /// ## Example
    /// ```markdown
    /// - - Craft policies for the team.
    /// ```
    /// Use instead:
    /// ```markdown
    /// - Craft policies for the team.
    /// ```
    ///
    /// ## Fix
    /// Safe: the first marker and the space after it are removed.
    DOUBLED_MARKER { id: "markdown/doubled-marker", severity: Warning, fix: Always(Safe), check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let mut out = Vec::new();
    for list in &page.lists {
        for &(outer, inner) in &list.doubled {
            let span = Span::new(outer.start, inner.start);
            let written = page.slice(Span::new(outer.start, inner.end));
            let mut f = Finding::new(
                &DOUBLED_MARKER,
                span,
                format!("`{written}`: two markers make an empty item with a nested list"),
            )
            .with_help("remove the first marker");
            f.fix = Some(Fix::safe(span, ""));
            out.push(f);
        }
    }
    out
}

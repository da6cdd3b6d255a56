//! `markdown/marker-space`: a list marker with no space after it.

use super::{paragraph_lines, space_after};
use crate::document::Span;
use crate::rules::{Check, Context, Finding, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a line of a paragraph that starts with a list marker and no space after it:
    /// `-Item`, `+Item`, `*Next, candidates…` (with no closing `*` on the line), `1.Develop`.
    /// Without the space it is no list item: it renders as text, or `*` as the start of
    /// emphasis.
    ///
    /// markdownlint's MD030 checks the number of spaces after a marker, but a marker with none
    /// is no marker to it, and it passes the line; jobfam adds this case.
    ///
    /// ## Why is this bad?
    /// The item is shown as a line of the paragraph above, with a stray `-` or `*`.
    ///
    /// ## Example
    /// ```markdown
    /// - Screen candidates
    /// -Schedule interviews
    /// ```
    /// Use instead:
    /// ```markdown
    /// - Screen candidates
    /// - Schedule interviews
    /// ```
    ///
    /// ## Fix
    /// Unsafe, for `-`, `+` and numbers: a space is put after the marker, which makes the line a
    /// list item; shown, and applied with `--unsafe-fixes`, since a line may start with a
    /// hyphenated word's end. None for `*`, which may be emphasis never closed.
    MARKER_SPACE { id: "markdown/marker-space", severity: Warning, fix: Sometimes(Unsafe), check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let mut out = Vec::new();
    for block in &page.blocks {
        for (start, line, first) in paragraph_lines(page, block) {
            // The first line of an item's paragraph follows the item's own marker.
            if first && block.in_item {
                continue;
            }
            let body = line.trim_start();
            let indent = line.len() - body.len();
            let Some(marker_len) = marker_without_space(body) else {
                continue;
            };
            let marker = &body[..marker_len];
            let span = Span::new(start + indent, start + indent + marker_len);
            if marker == "*" {
                // Unclosed: a stray asterisk, a lost bullet or emphasis never closed.
                out.push(
                    Finding::new(
                        &MARKER_SPACE,
                        span,
                        "`*` with no space after it and no closing `*` on the line: it renders as a stray asterisk",
                    )
                    .with_help("write `* ` to start a list item, or close the emphasis with a second `*`"),
                );
                continue;
            }
            let mut f = Finding::new(
                &MARKER_SPACE,
                span,
                format!("`{marker}` has no space after it, so this line is no list item"),
            )
            .with_help(format!("write `{marker} ` to start a list item"));
            f.fix = Some(space_after(span, marker));
            out.push(f);
        }
    }
    out
}

/// The length of the list marker `line` starts with when a letter follows it directly.
fn marker_without_space(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let letter_at = |i: usize| line[i..].starts_with(|c: char| c.is_alphabetic());
    match bytes.first()? {
        b'-' | b'+' if bytes.len() > 1 && letter_at(1) => Some(1),
        // `*Word*` is emphasis; only an unclosed `*` is a marker.
        b'*' if bytes.len() > 1 && letter_at(1) && !line[1..].contains('*') => Some(1),
        b'0'..=b'9' => {
            let digits = line.find(|c: char| !c.is_ascii_digit())?;
            (digits <= 3
                && line[digits..].starts_with(['.', ')'])
                && line.len() > digits + 1
                && line[digits + 1..].starts_with(|c: char| c.is_uppercase()))
            .then_some(digits + 1)
        }
        _ => None,
    }
}

//! `markdown/lost-marker`: a line inside a list item that reads as an item of its own.

use super::{line_before, paragraph_lines};
use crate::document::Span;
use crate::rules::{Check, Context, Finding, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a line inside a list item's paragraph that reads as a new item whose marker was
    /// lost, so it renders as part of the item above (a "lazy continuation line"):
    /// - the line starts with a character that looks like a marker but is none: `= `, `• `,
    ///   `· `, `– `, `o `;
    /// - or the line starts with a capital letter, is not indented to the item's text, and the
    ///   line before ends a sentence (`.`, `!`, `?`, `:` or `;`): a lost item, or a paragraph
    ///   meant to follow the list ("Additional details about our process…") that, with no
    ///   blank line before it, renders inside the last item.
    ///
    /// A wrapped line indented under the item's text is the writer's own continuation and is
    /// left alone, as are code, tables and HTML.
    ///
    /// markdownlint has no rule for this (its MD032 wants blank lines around lists; a lazy line
    /// is inside the list): jobfam adds it because job pages lose items this way.
    ///
    /// ## Why is this bad?
    /// The reader sees one long item where the writer wrote two: GitLab's own Product Manager
    /// page had an item typed with `= ` instead of `- `, merged into the one above.
    ///
    /// ## Example
    /// ```markdown
    /// - Own the roadmap for the stage.
    /// = Partner with engineering on delivery.
    /// ```
    /// Use instead:
    /// ```markdown
    /// - Own the roadmap for the stage.
    /// - Partner with engineering on delivery.
    /// ```
    ///
    /// ## Fix
    /// None: whether the line is a new item or the end of the one above is the writer's call.
    LOST_MARKER { id: "markdown/lost-marker", severity: Warning, fix: Never, check: Check::Code(check) }
}

/// Characters typed in place of a list marker.
const FALSE_MARKERS: &[&str] = &["= ", "• ", "· ", "– ", "o "];

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let mut out = Vec::new();
    for block in page.blocks.iter().filter(|b| b.in_item) {
        // The column the item's text starts at: that of the paragraph's first line.
        let first_col = {
            let line_start = page.text[..block.span.start]
                .rfind(['\n', '\r'])
                .map_or(0, |i| i + 1);
            block.span.start - line_start
        };
        for (start, line, first) in paragraph_lines(page, block) {
            if first {
                continue;
            }
            let body = line.trim_start();
            let indent = line.len() - body.len();
            let false_marker = FALSE_MARKERS.iter().find(|m| body.starts_with(**m));
            let sentence_end = line_before(page, start)
                .trim_end()
                .ends_with(['.', '!', '?', ':', ';']);
            let capital = body.starts_with(|c: char| c.is_uppercase());
            let message = if let Some(marker) = false_marker {
                format!(
                    "this line starts with `{}`, not a list marker: it renders as part of the item above",
                    marker.trim_end()
                )
            } else if capital && sentence_end && indent < first_col {
                "this line starts a new sentence at the margin of a list item: it renders as part of the item above"
                    .to_string()
            } else {
                continue;
            };
            let span = Span::new(start + indent, start + line.len());
            out.push(Finding::new(&LOST_MARKER, span, message).with_help(
                "start the line with the list's marker to make it an item, put a blank line before it to end the list, or indent it under the item's text to keep it in the item",
            ));
        }
    }
    out
}

//! Markdown: source that is valid Markdown but does not render as its writer meant (a list item
//! that lost its marker, `#Heading`, `- - item`), which Markdown linters pass.

crate::rules::register! {
    doubled_marker::DOUBLED_MARKER,
    heading_space::HEADING_SPACE,
    lost_marker::LOST_MARKER,
    marker_space::MARKER_SPACE,
    mixed_bullets::MIXED_BULLETS,
}

use crate::document::{Block, Page};

/// Each source line of a paragraph block (not a table cell or a heading): where it starts, its
/// text without the line break, and whether it is the paragraph's first line. Lines that hold
/// template code (`<%= … %>`, `{{ … }}`) are left out.
fn paragraph_lines<'p>(
    page: &'p Page,
    block: &'p Block,
) -> impl Iterator<Item = (usize, &'p str, bool)> + 'p {
    let text = page.slice(block.span);
    let is_paragraph = block.cell.is_none() && !block.is_heading;
    text.split_inclusive('\n')
        .scan(block.span.start, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
        .enumerate()
        .filter(move |_| is_paragraph)
        .filter(move |(_, (start, line))| {
            // Template code is sorted: the first span that may overlap, by binary search.
            let end = start + line.len();
            let code = &page.template_code;
            let first = code.partition_point(|c| c.end <= *start);
            code.get(first).is_none_or(|c| c.start >= end)
        })
        .map(|(i, (start, line))| (start, line, i == 0))
}

/// The source line before the one starting at `start`, without its line break.
fn line_before(page: &Page, start: usize) -> &str {
    let before = page.text.get(..start).unwrap_or("");
    let before = before.strip_suffix('\n').unwrap_or(before);
    let before = before.strip_suffix('\r').unwrap_or(before);
    before.rsplit('\n').next().unwrap_or("")
}

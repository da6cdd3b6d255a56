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
    lines_of(text)
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

/// `text` cut after each line break: `\n`, `\r\n` or a lone `\r` (as CommonMark reads them).
fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\n', '\r']).map_or(rest.len(), |i| {
            i + if rest[i..].starts_with("\r\n") { 2 } else { 1 }
        });
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

/// The source line before the one starting at `start`, without its line break.
fn line_before(page: &Page, start: usize) -> &str {
    let before = page.text.get(..start).unwrap_or("");
    let before = before.strip_suffix('\n').unwrap_or(before);
    let before = before.strip_suffix('\r').unwrap_or(before);
    before.rsplit(['\n', '\r']).next().unwrap_or("")
}

/// The finding's fix that puts a space after the marker `span` holds (`-Item`, `##Levels`):
/// unsafe, since it changes what the line renders as.
fn space_after(span: crate::document::Span, marker: &str) -> crate::rules::Fix {
    crate::rules::Fix::safe(span, format!("{marker} "))
        .with_applicability(crate::rules::Applicability::Unsafe)
}

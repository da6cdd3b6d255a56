//! `links/…`: every anchor and page link resolves, the way the site that renders the page does.
//!
//! Anchors come from [`crate::document`] (slug presets in `document/slug.rs`); where a link
//! leads comes from [`crate::site`], which runs before the rules. These rules only compare.

pub mod ambiguous_fragment;
pub mod broken_fragment;
pub mod broken_page;
pub mod broken_page_fragment;
pub mod duplicate_anchor;
pub mod malformed;

use crate::document::{Link, Page, Span};
use crate::rules::Fix;

/// The span of `#fragment` inside a link's source, for a fix that replaces only it.
fn fragment_span(page: &Page, link: &Link) -> Option<Span> {
    let source = page.slice(link.span);
    let hash = source.rfind('#')?;
    let end = source[hash..]
        .find([')', ' ', '"', '>'])
        .map_or(source.len(), |e| hash + e);
    Some(Span::new(link.span.start + hash, link.span.start + end))
}

/// The anchor a mistyped fragment most likely meant, if one is close and names the same level:
/// `#staff-backend-engineer` is not a typo of `#senior-backend-engineer`.
fn suggest_anchor<'a>(
    fragment: &str,
    anchors: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let best = crate::similar::closest(fragment, anchors)?;
    let seniority = crate::document::roles::seniority;
    (seniority(best) == seniority(fragment)).then_some(best)
}

/// `#top` scrolls to the top of any HTML page, with no element behind it.
fn is_top(fragment: &str) -> bool {
    fragment.eq_ignore_ascii_case("top")
}

/// A fix replacing a link's fragment with `#anchor`.
fn fragment_fix(page: &Page, link: &Link, anchor: &str) -> Option<Fix> {
    Some(Fix {
        span: fragment_span(page, link)?,
        replacement: format!("#{anchor}"),
    })
}

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
use crate::rules::{Applicability, Fix};

/// The span of `#fragment` inside a link's destination, for a fix that replaces only it: never
/// a `#` in the link's text or title, and nothing for a link whose destination bytes are not
/// certain (a reference link, an escape).
fn fragment_span(page: &Page, link: &Link) -> Option<Span> {
    let destination = link.destination?;
    let hash = page.slice(destination).find('#')?;
    Some(Span::new(destination.start + hash, destination.end))
}

/// The anchor a mistyped fragment most likely meant, if one is close and names the same level
/// (`#staff-backend-engineer` is not a typo of `#senior-backend-engineer`), and whether
/// replacing the fragment with it is certain: only when the two differ in case alone, or by
/// one slip with no other anchor within two.
fn suggest_anchor<'a>(
    fragment: &str,
    anchors: impl IntoIterator<Item = &'a str>,
) -> Option<(&'a str, Applicability)> {
    let anchors: Vec<&str> = anchors.into_iter().collect();
    let best = crate::similar::closest(fragment, anchors.iter().copied())?;
    let seniority = crate::document::roles::seniority;
    if seniority(best) != seniority(fragment) {
        return None;
    }
    let lower = fragment.to_lowercase();
    let distance = |a: &str| crate::similar::edit_distance(&lower, &a.to_lowercase());
    let certain = best.eq_ignore_ascii_case(fragment)
        || (distance(best) == 1 && !anchors.iter().any(|a| *a != best && distance(a) <= 2));
    let applicability = if certain {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    Some((best, applicability))
}

/// `#top` scrolls to the top of any HTML page, with no element behind it.
fn is_top(fragment: &str) -> bool {
    fragment.eq_ignore_ascii_case("top")
}

/// A fix replacing a link's fragment with `#anchor`.
fn fragment_fix(
    page: &Page,
    link: &Link,
    anchor: &str,
    applicability: Applicability,
) -> Option<Fix> {
    Some(
        Fix::safe(fragment_span(page, link)?, format!("#{anchor}"))
            .with_applicability(applicability),
    )
}

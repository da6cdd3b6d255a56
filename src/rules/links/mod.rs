//! `links/…`: every anchor and page link resolves, the way the site that renders the page does.
//!
//! Anchors come from [`crate::document`] (slug presets in `document/slug.rs`); where a link
//! leads comes from [`crate::site`], which runs before the rules. These rules only compare.

crate::rules::register! {
    ambiguous_fragment::AMBIGUOUS_FRAGMENT,
    broken_fragment::BROKEN_FRAGMENT,
    broken_page::BROKEN_PAGE,
    broken_page_fragment::BROKEN_PAGE_FRAGMENT,
    duplicate_anchor::DUPLICATE_ANCHOR,
    malformed::MALFORMED,
}

use crate::document::{Link, Page, Span};
use crate::rules::{Applicability, Fix};

/// The span of `#fragment` inside a link's destination, for a fix that replaces only it: never
/// a `#` in the link's text or title, and nothing for a link whose destination bytes are not
/// certain (a reference link, an escape).
fn fragment_span(page: &Page, link: &Link) -> Option<Span> {
    // Hugo makes a heading's id from its source, link destinations and all: a fix to a link
    // in a heading would change the heading's own id, and could chase it forever
    // (`# [the](#x)` has the id `thex`).
    if link.in_heading && page.slug == crate::document::slug::Preset::Hugo {
        return None;
    }
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
    let seniority = crate::document::titles::seniority;
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

/// Suggestions for broken fragments, bounded per page: comparing every broken fragment with
/// every anchor is quadratic in a page (or a linked page) of thousands of each, and past a
/// few hundred broken links a suggestion helps nobody.
#[derive(Default)]
struct Suggestions<'p> {
    /// Fragments looked up so far (a repeated one is answered from here, free).
    asked: Asked<'p>,
    /// Other pages' anchors, sorted once per page.
    sorted: std::collections::HashMap<&'p std::path::Path, Vec<&'p str>>,
}

impl<'p> Suggestions<'p> {
    /// Distinct fragments a page gets suggestions for.
    const LIMIT: usize = 32;

    /// The suggestion for a fragment of this page.
    fn suggest(
        &mut self,
        fragment: &'p str,
        anchors: &[&'p str],
    ) -> Option<(String, Applicability)> {
        answer(&mut self.asked, None, fragment, || {
            suggest_anchor(fragment, anchors.iter().copied())
        })
    }

    /// The suggestion for a fragment of the page at `path`, whose anchors are `anchors`.
    fn suggest_in(
        &mut self,
        path: &'p std::path::Path,
        fragment: &'p str,
        anchors: &'p std::collections::HashSet<String>,
    ) -> Option<(String, Applicability)> {
        let sorted = self.sorted.entry(path).or_insert_with(|| {
            let mut sorted: Vec<&str> = anchors.iter().map(String::as_str).collect();
            sorted.sort_unstable();
            sorted
        });
        answer(&mut self.asked, Some(path), fragment, || {
            suggest_anchor(fragment, sorted.iter().copied())
        })
    }
}

type Asked<'p> = std::collections::HashMap<
    (Option<&'p std::path::Path>, &'p str),
    Option<(String, Applicability)>,
>;

/// The remembered answer for a fragment, else `find`'s while the page is under the limit.
fn answer<'p, 'a>(
    asked: &mut Asked<'p>,
    path: Option<&'p std::path::Path>,
    fragment: &'p str,
    find: impl FnOnce() -> Option<(&'a str, Applicability)>,
) -> Option<(String, Applicability)> {
    if let Some(known) = asked.get(&(path, fragment)) {
        return known.clone();
    }
    if asked.len() >= Suggestions::LIMIT {
        return None;
    }
    let found = find().map(|(a, applicability)| (a.to_string(), applicability));
    asked.insert((path, fragment), found.clone());
    found
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

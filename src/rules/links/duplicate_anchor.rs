//! `links/duplicate-anchor`: two explicit ids that collide on one page.

use crate::document::AnchorKind;
use crate::document::slug::Preset;
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use std::collections::HashMap;

declare_rule! {
    /// ## What it does
    /// Flags an explicit id (`{#custom-id}` on a heading, or an HTML `id=`/`<a name=>`) that
    /// another explicit id on the page uses, or that a heading's generated id already took
    /// (`## Levels` then `## Other {#levels}`). Hugo renumbers generated ids that come after an
    /// explicit one; kramdown does not, so there a later heading collides too.
    ///
    /// ## Why is this bad?
    /// Browsers jump to the first element with the id; links meant for the second one land on
    /// the first.
    ///
    /// ## Example
    /// `### Senior {#level}` and later `### Staff {#level}`; use instead `{#senior}` and `{#staff}`.
    ///
    /// ## Fix
    /// Never: which id should change, and what links to it, is the author's call.
    DUPLICATE_ANCHOR { id: "links/duplicate-anchor", severity: Error, fix: Never, check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    // Every anchor's index, by id, in page order: each lookup below is one map access, not a
    // scan of the page's anchors.
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in page.anchors.iter().enumerate() {
        by_id.entry(a.id.as_str()).or_default().push(i);
    }
    let kramdown = page.slug == Preset::KramdownGfm;
    page.anchors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind != AnchorKind::Heading)
        .filter_map(|(i, a)| {
            let same = by_id.get(a.id.as_str())?;
            // Another explicit id anywhere before, or a generated heading id before it (a
            // later heading is renumbered around an explicit id; kramdown does not renumber).
            let first = same.first().filter(|&&j| j < i).or_else(|| {
                same.iter()
                    .filter(|&&j| j > i)
                    .find(|&&j| page.anchors[j].kind != AnchorKind::Heading || kramdown)
                    .filter(|&&j| page.anchors[j].kind == AnchorKind::Heading)
            });
            let first = &page.anchors[*first?];
            let mut f = Finding::new(
                &DUPLICATE_ANCHOR,
                a.span,
                format!("id `{}` is already used on this page", a.id),
            )
            .with_help("give each element its own id");
            let label = if first.kind == AnchorKind::Heading {
                "a heading's id"
            } else {
                "also used here"
            };
            f.labels.push((first.span, label.into()));
            Some(f)
        })
        .collect()
}

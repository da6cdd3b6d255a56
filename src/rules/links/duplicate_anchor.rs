//! `links/duplicate-anchor`: two explicit ids that collide on one page.

use crate::document::{AnchorKind, Page};
use crate::rules::{Check, Context, Finding, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags an explicit id (`{#custom-id}` on a heading, or an HTML `id=`/`<a name=>`) that
    /// another explicit id on the same page already uses. Generated heading ids are numbered by
    /// the site generator and never collide this way.
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

fn check(page: &Page, _ctx: &Context) -> Vec<Finding> {
    let explicit: Vec<_> = page
        .anchors
        .iter()
        .filter(|a| a.kind != AnchorKind::Heading)
        .collect();
    explicit
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let first = explicit[..i].iter().find(|b| b.id == a.id)?;
            let mut f = Finding::new(
                &DUPLICATE_ANCHOR,
                a.span,
                format!("id `{}` is already used on this page", a.id),
            )
            .with_help("give each element its own id");
            f.labels.push((first.span, "first used here".into()));
            Some(f)
        })
        .collect()
}

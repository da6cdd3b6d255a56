//! `links/broken-page-fragment`: a link into another page at an anchor that page lacks.

use crate::rules::{Check, Context, Finding, Input, RunPage, declare_rule};
use crate::site::Target;

declare_rule! {
    /// ## What it does
    /// Flags a link into another page (`../backend-engineer/#senior`) whose target page exists
    /// but defines no such anchor. The target page is read and parsed even when it was not
    /// among the pages checked (a pre-commit hook passes only the staged files), once per run.
    ///
    /// ## Why is this bad?
    /// A heading was renamed on the other page, and every link to it now lands at the top.
    ///
    /// ## Example
    /// `[Staff](../backend-engineer/#staff-engineer)` where the heading is "Staff Backend
    /// Engineer"; use instead `[Staff](../backend-engineer/#staff-backend-engineer)`.
    ///
    /// ## Fix
    /// Sometimes: when exactly one of the target's anchors is a close match, the fragment is
    /// replaced with it.
    /// The fix is safe when the anchor differs from the fragment in case alone, or by one slip
    /// with no other anchor within two; otherwise it is unsafe: shown in the report, applied
    /// only with `--unsafe-fixes`. Only the fragment's own bytes change, never the link text
    /// or title, and a reference link (`[text][ref]`) or a fragment written with escapes or
    /// entities gets no fix.
    BROKEN_PAGE_FRAGMENT { id: "links/broken-page-fragment", severity: Error, fix: Sometimes(Mixed), check: Check::Run(run) }
}

/// A run-level rule: each page's links into other pages, against the anchors of the pages
/// they lead to.
fn run(pages: &[RunPage<'_>], _ctx: &Context) -> Vec<(usize, Finding)> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| check(p.input).into_iter().map(move |f| (i, f)))
        .collect()
}

fn check(input: &Input) -> Vec<Finding> {
    let page = &input.page;
    let mut suggestions = super::Suggestions::default();
    page.links
        .iter()
        .zip(&input.targets)
        .filter_map(|(link, target)| {
            let Target::Page {
                path,
                fragment: Some(fragment),
                anchors: Some(anchors),
            } = target
            else {
                return None;
            };
            // A fragment with `/` or a second `#` is `links/malformed`'s.
            if fragment.is_empty()
                || fragment.contains(['/', '#'])
                || super::is_top(fragment)
                || anchors.contains(fragment)
            {
                return None;
            }
            let shown = crate::paths::display_path(path);
            let mut f = Finding::new(
                &BROKEN_PAGE_FRAGMENT,
                link.span,
                format!("`{shown}` has no anchor `#{fragment}`"),
            );
            match suggestions.suggest_in(path, fragment, anchors) {
                Some((best, applicability)) => {
                    f.help = Some(format!("did you mean `#{best}`?"));
                    f.fix = super::fragment_fix(page, link, &best, applicability);
                }
                None => f.help = Some(format!("`jobfam model {shown}` lists that page's anchors")),
            }
            Some(f)
        })
        .collect()
}

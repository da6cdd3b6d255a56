//! `links/broken-fragment`: a `#fragment` that no anchor on the page answers.

use super::fragment_fix;
use crate::rules::{Applicability, Check, Context, Finding, Input, declare_rule};
use crate::site::Target;
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// Flags a link to `#fragment` on the same page when the page defines no such anchor:
    /// no heading's id (made the way the page's site generator makes them, see `--slug`), no
    /// `{#custom-id}` and no HTML `id=`. Ids are case-sensitive.
    ///
    /// ## Why is this bad?
    /// The reader lands at the top of the page, not at the section meant. Tables of contents
    /// go stale this way whenever a heading is renamed.
    ///
    /// ## Example
    /// `[career ladder](#carreer-ladder)`; use instead `[career ladder](#career-ladder)`.
    ///
    /// ## Fix
    /// Sometimes: when exactly one anchor is a close match (the same id in another case, or a
    /// few letters off), the fragment is replaced with it.
    /// The fix is safe when the anchor differs from the fragment in case alone, or by one slip
    /// with no other anchor within two, and the link text does not name another anchor
    /// (`[Senior Director, Sales](#director-sale)` beside `#senior-director-sales`); otherwise
    /// it is unsafe: shown in the report, applied only with `--unsafe-fixes`. Only the fragment's own bytes change, never the link text
    /// or title, and a reference link (`[text][ref]`) or a fragment written with escapes or
    /// entities gets no fix.
    BROKEN_FRAGMENT { id: "links/broken-fragment", severity: Error, fix: Sometimes(Mixed), check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let anchors: Vec<&str> = page.anchors.iter().map(|a| a.id.as_str()).collect();
    let known: HashSet<&str> = anchors.iter().copied().collect();
    let mut suggestions = super::Suggestions::default();
    page.links
        .iter()
        .zip(&input.targets)
        .filter_map(|(link, target)| {
            let Target::SamePage { fragment } = target else {
                return None;
            };
            // A fragment with `/` or a second `#` is `links/malformed`'s.
            if fragment.is_empty()
                || fragment.contains(['/', '#'])
                || super::is_top(fragment)
                || known.contains(fragment.as_str())
            {
                return None;
            }
            let mut f = Finding::new(
                &BROKEN_FRAGMENT,
                link.span,
                format!("link fragment `#{fragment}` matches no anchor on this page"),
            );
            match suggestions.suggest(fragment, &anchors) {
                Some((best, mut applicability)) => {
                    f.help = Some(format!("did you mean `#{best}`?"));
                    // `[Senior Director, Sales](#director-sale)`: the fragment is near
                    // `#director-sales`, but the text names `#senior-director-sales`.
                    let named = page.slug.slug(&link.text, &link.text);
                    let named = named.trim_matches('-');
                    if named != best && known.contains(named) {
                        applicability = Applicability::Unsafe;
                        f.help = Some(format!(
                            "did you mean `#{best}`, or `#{named}`, which the link text names?"
                        ));
                    }
                    f.fix = fragment_fix(page, link, &best, applicability);
                }
                None => {
                    f.help = Some(
                        "link to a heading's id; `jobfam model PAGE` lists the page's anchors"
                            .into(),
                    )
                }
            }
            Some(f)
        })
        .collect()
}

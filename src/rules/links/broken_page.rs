//! `links/broken-page`: a relative or site-root link to a page that does not exist.

use crate::rules::{Check, Context, Finding, Input, declare_rule};
use crate::site::Target;

declare_rule! {
    /// ## What it does
    /// Flags a relative link (`../backend-engineer/`) or a site-root link
    /// (`/job-families/engineering/backend-engineer/`) that leads to no page. Paths map to files
    /// as static site generators map them: `x/` is `x.md`, `x/index.md`, `x/_index.md`,
    /// `x/index.html.md` or `x.html.md`. Site-root links, and absolute links to the site's own
    /// origin (`--site-url`), are judged only under a `--site-root`, and only below a
    /// `--site-prefix` when one is given, so a partial checkout is not reported as broken.
    ///
    /// ## Why is this bad?
    /// The reader gets a 404 where the page promised another job family or a career step.
    ///
    /// ## Example
    /// `[Senior](../backend-engneer/)`; use instead `[Senior](../backend-engineer/)`.
    ///
    /// ## Fix
    /// Never.
    BROKEN_PAGE { id: "links/broken-page", severity: Error, fix: Never, check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    page.links
        .iter()
        .zip(&input.targets)
        .filter_map(|(link, target)| {
            let Target::Missing { path, suggestion } = target else {
                return None;
            };
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "no file serves `{path}`; check the path, or link to where the page lives now"
                ),
            };
            let message = format!("link target `{}` matches no page", link.url);
            Some(Finding::new(&BROKEN_PAGE, link.span, message).with_help(help))
        })
        .collect()
}

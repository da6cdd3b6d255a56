//! `markdown/mixed-bullets`: a list whose items change bullet character, split in two.

use crate::rules::{Applicability, Check, Context, Finding, Fix, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a bullet list that directly follows another with a different bullet character:
    /// items written `-` and then `*` with nothing but white space between them. CommonMark
    /// renderers (Hugo's goldmark, GitHub, GitLab) start a new list at the change, so one list
    /// renders as two, with a gap between them. kramdown (the Middleman handbook) keeps one list
    /// (checked against kramdown 2 with its GFM parser), so pages rendered by kramdown (the
    /// `kramdown-gfm` slug preset) are not checked.
    ///
    /// markdownlint's MD004 asks for one bullet style in the whole document, which also flags
    /// lists far apart that render well; jobfam flags only the change that splits a list.
    ///
    /// ## Why is this bad?
    /// The list shows a gap in the middle, or a wider spacing in one half, for no reason a
    /// reader can see.
    ///
    /// ## Example
    /// ```markdown
    /// - Screen candidates
    /// * Schedule interviews
    /// ```
    /// Use instead:
    /// ```markdown
    /// - Screen candidates
    /// - Schedule interviews
    /// ```
    ///
    /// ## Fix
    /// Unsafe: the second list's markers are written as the first list's, which joins them;
    /// shown, and applied with `--unsafe-fixes`.
    MIXED_BULLETS { id: "markdown/mixed-bullets", severity: Warning, fix: Always(Unsafe), check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let mut out = Vec::new();
    // kramdown keeps one list across a change of bullet character.
    if page.slug == crate::document::slug::Preset::KramdownGfm {
        return out;
    }
    for list in &page.lists {
        let Some(before) = list.follows.and_then(|i| page.lists.get(i)) else {
            continue;
        };
        let (Some(was), Some(now)) = (before.bullet, list.bullet) else {
            continue;
        };
        if was == now {
            continue;
        }
        let Some(&first) = list.markers.first() else {
            continue;
        };
        let mut f = Finding::new(
            &MIXED_BULLETS,
            first,
            format!("`{now}` after items marked `{was}` starts a new list: the list renders as two"),
        )
        .with_help(format!("mark these items `{was}` as well"));
        // One fix for the first marker; the others follow in the same finding's help.
        f.fix = Some(Fix::safe(first, was.to_string()).with_applicability(Applicability::Unsafe));
        out.push(f);
    }
    out
}

//! `grades/level-mismatch`: a heading or a link names one level of a ladder while it belongs to,
//! or leads to, another.

use crate::document::roles::parents;
use crate::document::titles::{is_label, level_text, seniority, seniority_text};
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use std::collections::HashMap;

declare_rule! {
    /// ## What it does
    /// Flags text that names one level of a ladder where another is meant:
    /// - a heading inside a level's section that names a different level of the same role:
    ///   `### Director, Legal Requirements` under `## Senior Director, Legal`;
    /// - a link whose text names one level while its fragment leads to another level's
    ///   heading: `[Senior Channel Program Manager](#junior-channel-program-manager)`.
    ///
    /// A heading's level is the nearest heading before it, at its depth or above, that is not
    /// a label; headings under Specialties name variants, not levels, and a heading at its
    /// level's depth that names the role without a seniority ("## Total Rewards Performance
    /// Indicators" after "## Director, Total Rewards") is a family-wide section: neither is
    /// compared.
    /// Both names must share their role words ("Channel Program Manager", "Legal") and differ
    /// in seniority; word order, "Sr." and "VP" are read as "Senior" and "Vice President".
    ///
    /// ## Why is this bad?
    /// Both are copy-paste slips: the section or the table row was copied from a neighbouring
    /// level and half updated. A reader following the link, or reading the sub-heading, lands on
    /// the requirements of a level they do not hold.
    ///
    /// ## Example
    /// ```markdown
    /// | [Senior Channel Program Manager](#junior-channel-program-manager) | grade 7 |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | [Senior Channel Program Manager](#senior-channel-program-manager) | grade 7 |
    /// ```
    ///
    /// ## Fix
    /// Never: whether the text or the target is wrong needs a person.
    LEVEL_MISMATCH { id: "grades/level-mismatch", severity: Error, fix: Never, check: Check::Code(check) }
}

/// Whether `a` and `b` name different levels of one role: the same role words, other
/// seniority.
fn other_level(a: &str, b: &str) -> bool {
    let (wa, wb) = (super::role_words(a), super::role_words(b));
    !wa.is_empty() && wa == wb && seniority(a) != seniority(b)
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let headings = &page.headings;
    let parents = parents(headings);
    let mut findings = Vec::new();
    // A labelled heading ("Director, Legal Requirements") under the level it belongs to.
    // The last heading that is not a label, at each depth: a heading's level is the nearest
    // of them at its depth or above (a parent, or the sibling a flat page puts first:
    // `### Manager, Legal` then `### Manager, Legal Requirements`).
    let mut last_level: [Option<usize>; 7] = [None; 7];
    for (h, heading) in headings.iter().enumerate() {
        let depth = usize::from(heading.level).min(6);
        if !is_label(&heading.text) {
            last_level[depth] = Some(h);
            continue;
        }
        let named = level_text(&heading.text);
        let Some(level) = last_level[..=depth].iter().flatten().max().copied() else {
            continue;
        };
        // Under Specialties, headings name variants of a level, not levels.
        let in_specialty = std::iter::successors(Some(level), |&p| parents[p])
            .any(|p| headings[p].text.to_lowercase().contains("specialt"));
        // A family-wide section after the last level, at its depth ("## Total Rewards
        // Performance Indicators" after "## Director, Total Rewards") names no level.
        let family_wide = headings[level].level == heading.level && seniority(&named).is_empty();
        if in_specialty || family_wide {
            continue;
        }
        let owner = level_text(&headings[level].text);
        if other_level(&named, &owner) {
            let mut f = Finding::new(
                &LEVEL_MISMATCH,
                heading.span,
                format!(
                    "heading names `{named}` ({}) inside the `{owner}` level ({})",
                    seniority_text(&named),
                    seniority_text(&owner)
                ),
            )
            .with_help(format!("name the `{owner}` level here, or move the section under its own level"));
            f.labels.push((headings[level].span, "the level this heading sits in".into()));
            findings.push(f);
        }
    }
    // A link into the page whose text names another level than its target heading.
    let by_anchor: HashMap<&str, usize> = headings
        .iter()
        .enumerate()
        .map(|(i, h)| (h.anchor.as_str(), i))
        .collect();
    for link in &page.links {
        let Some(fragment) = link.url.strip_prefix('#') else {
            continue;
        };
        let Some(&target) = by_anchor.get(fragment) else {
            continue;
        };
        let text = link.text.trim();
        let heading = level_text(&headings[target].text);
        if is_label(text) || !other_level(text, &heading) {
            continue;
        }
        let mut f = Finding::new(
            &LEVEL_MISMATCH,
            link.span,
            format!(
                "link text names `{text}` ({}) but `#{fragment}` is the `{heading}` level ({})",
                seniority_text(text),
                seniority_text(&heading)
            ),
        )
        .with_help("point the link at the level its text names, or name the level it points at");
        f.labels.push((headings[target].span, "the heading the link leads to".into()));
        findings.push(f);
    }
    findings
}

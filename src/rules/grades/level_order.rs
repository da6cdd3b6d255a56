//! `grades/level-order`: levels listed from senior to junior, against the template's order.

use super::{Rung, rungs};
use crate::document::roles::parents;
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use std::collections::HashMap;

declare_rule! {
    /// ## What it does
    /// Flags the first level of a ladder that is listed after a more senior level of the same
    /// ladder: `### Senior Data Analyst` below `### Staff Data Analyst`. Ladders are the ones
    /// `grades/order` compares; each ladder is reported once, at the level that breaks the
    /// order. A summary table of the levels and the level sections below it are each judged
    /// on their own, and a level whose section holds the others (a page whose base section
    /// is the Intermediate level, with a "Levels" list inside it) is not out of order.
    ///
    /// ## Why is this bad?
    /// GitLab's job-family template lists levels in ascending order, junior to senior, so
    /// readers find the next step below the one they hold. A level out of place is often a
    /// section pasted in the wrong spot.
    ///
    /// ## Example
    /// ```markdown
    /// ### Staff Data Analyst
    /// The Staff Data Analyst is a grade 8.
    /// ### Senior Data Analyst
    /// The Senior Data Analyst is a grade 7.
    /// ```
    /// Use instead: the Senior level first, then Staff.
    ///
    /// ## Fix
    /// Never: moving sections is an edit for a person.
    LEVEL_ORDER { id: "grades/level-order", severity: Warning, fix: Never, check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let rungs = rungs(&input.page);
    let parents = parents(&input.page.headings);
    // Whether `junior` sits inside `senior`'s level section: a page whose base section is one
    // level and holds the "Levels" list of the others lists them on purpose.
    let inside = |senior: &Rung, junior: &Rung| {
        let (Some(s), Some(j)) = (senior.statement.level, junior.statement.level) else {
            return false;
        };
        std::iter::successors(parents[j], |&p| parents[p]).any(|p| p == s)
    };
    // Per ladder (in a table or in the text): the most senior level listed so far, and whether
    // the ladder was reported.
    let mut top: HashMap<(&str, bool), (usize, bool)> = HashMap::new();
    let mut findings = Vec::new();
    for (i, rung) in rungs.iter().enumerate() {
        let key = (rung.ladder.as_str(), rung.statement.in_table);
        let entry = top.entry(key).or_insert((i, false));
        let senior = &rungs[entry.0];
        if rung.rank > senior.rank {
            entry.0 = i;
        } else if rung.rank < senior.rank && !entry.1 && !inside(senior, rung) {
            entry.1 = true;
            let mut f = Finding::new(
                &LEVEL_ORDER,
                rung.statement.role_span,
                format!(
                    "`{}` (grade {}) is listed after the more senior `{}` (grade {})",
                    rung.statement.role,
                    rung.statement.grade.text,
                    senior.statement.role,
                    senior.statement.grade.text
                ),
            )
            .with_help("list the levels from junior to senior, as GitLab's job-family template does");
            f.labels.push((
                senior.statement.role_span,
                format!("`{}` comes first", senior.statement.role),
            ));
            findings.push(f);
        }
    }
    findings
}

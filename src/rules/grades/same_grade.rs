//! `grades/same-grade`: a more senior level at the same grade as a less senior one.

use super::rungs;
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use std::collections::HashMap;

declare_rule! {
    /// ## What it does
    /// Flags a level graded the same as a less senior level of its own ladder: a Senior Manager
    /// at grade 9 beside a Manager at grade 9, a Staff Engineer at grade 8 beside a Senior
    /// Engineer at grade 8. Ladders are the ones `grades/order` compares (individual
    /// contributors with the same title but for their seniority; managers of one area).
    ///
    /// ## Why is this bad?
    /// A promotion that keeps the grade keeps the pay band. It is sometimes deliberate, and more
    /// often a grade copied from the level above or below and never updated, so it is a
    /// warning, not an error.
    ///
    /// ## Example
    /// ```markdown
    /// The Manager, Data is a grade 9.
    /// The Senior Manager, Data is a grade 9.
    /// ```
    /// Use instead:
    /// ```markdown
    /// The Manager, Data is a grade 8.
    /// The Senior Manager, Data is a grade 9.
    /// ```
    ///
    /// ## Fix
    /// Never: which grade is right needs the job-grades table. When the two levels share a
    /// grade on purpose, say so with `<!-- jobfam-disable-next-line grades/same-grade -->`.
    SAME_GRADE { id: "grades/same-grade", severity: Warning, fix: Never, check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let rungs = rungs(&input.page);
    // Per ladder and grade (in tenths), the lowest-ranked statement at that grade.
    let mut lowest: HashMap<(&str, i64), usize> = HashMap::new();
    for (i, rung) in rungs.iter().enumerate() {
        let key = (rung.ladder.as_str(), tenths(rung.statement.grade.value));
        let entry = lowest.entry(key).or_insert(i);
        if rung.rank < rungs[*entry].rank {
            *entry = i;
        }
    }
    let mut findings = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for rung in &rungs {
        let key = (rung.ladder.as_str(), tenths(rung.statement.grade.value));
        let junior = &rungs[lowest[&key]];
        // One finding per level, however often its grade is stated.
        if junior.rank >= rung.rank || !seen.insert((rung.ladder.as_str(), rung.rank)) {
            continue;
        }
        let (senior, junior) = (rung.statement, junior.statement);
        let mut f = Finding::new(
            &SAME_GRADE,
            senior.grade_span,
            format!(
                "`{}` is grade {}, the same as the less senior `{}` (grade {})",
                senior.role, senior.grade.text, junior.role, junior.grade.text
            ),
        )
        .with_help("check both grades against the job-grades table: a more senior level is usually a grade higher");
        f.labels.push((
            junior.grade_span,
            format!("`{}` is grade {} here", junior.role, junior.grade.text),
        ));
        findings.push(f);
    }
    findings
}

/// A grade in tenths, so `9` and `9.0` are one key.
fn tenths(grade: f64) -> i64 {
    (grade * 10.0).round() as i64
}

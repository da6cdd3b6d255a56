//! `grades/order`: a more senior level has a lower grade than a less senior one.

use super::trusted;
use crate::document::titles::{base_title, ic_rank, management_rank};
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use std::collections::{BTreeMap, HashMap};

declare_rule! {
    /// ## What it does
    /// Flags a level whose grade is lower than the grade of a less senior level of the same role
    /// on the page: a Staff Backend Engineer at grade 7 when the Senior Backend Engineer is grade 8.
    /// Levels are compared only within one ladder: individual contributor titles that are the
    /// same once the seniority (Junior, Senior, Staff, Principal, Distinguished, Fellow) is
    /// removed, and management titles (Manager, Senior Manager, Director, Senior Director, VP)
    /// of the same area. The two tracks are never compared with each other.
    ///
    /// ## Why is this bad?
    /// Grades rise with seniority. An inverted pair means one of the two grades is wrong, and
    /// candidates and recruiters read the wrong pay band from the page.
    ///
    /// ## Example
    /// ```markdown
    /// The Senior Backend Engineer is a grade 8.
    /// The Staff Backend Engineer is a grade 7.
    /// ```
    /// Use instead:
    /// ```markdown
    /// The Senior Backend Engineer is a grade 7.
    /// The Staff Backend Engineer is a grade 8.
    /// ```
    ///
    /// ## Fix
    /// Never: which of the two grades is wrong needs the job-grades table.
    ORDER { id: "grades/order", severity: Error, fix: Never, check: Check::Code(check) }
}

/// The statements of one rank of one ladder, as indexes in page order, beside the highest grade
/// among them up to each one.
type Rank = (Vec<usize>, Vec<f64>);

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    // Two ladders: individual contributors share a title but for its seniority words; managers
    // share an area ("Manager, Data", "Director, Data"). Ranks of different ladders never meet.
    let ranked: Vec<_> = trusted(page)
        .filter_map(|s| match management_rank(&s.role) {
            Some((rank, area)) => Some((s, rank, format!("management: {area}"))),
            None => Some((s, ic_rank(&s.role)?, base_title(&s.role))),
        })
        .collect();
    // Per ladder and rank, the statements in page order with the highest grade so far: the
    // first statement of a lower rank graded above a level is found by binary search instead
    // of by comparing every pair of statements.
    let mut ladders: HashMap<&str, BTreeMap<u8, Rank>> = HashMap::new();
    for (i, (s, rank, base)) in ranked.iter().enumerate() {
        let (members, highest) = ladders
            .entry(base.as_str())
            .or_default()
            .entry(*rank)
            .or_default();
        let so_far = highest.last().copied().unwrap_or(f64::NEG_INFINITY);
        members.push(i);
        highest.push(so_far.max(s.grade.value));
    }
    let mut findings = Vec::new();
    for (senior, rank, base) in &ranked {
        let below = ladders[base.as_str()]
            .range(..*rank)
            .filter_map(|(_, (members, highest))| {
                let at = highest.partition_point(|&g| g <= senior.grade.value);
                members.get(at).copied()
            })
            .min()
            .map(|i| &ranked[i]);
        if let Some((junior, _, _)) = below {
            let mut f = Finding::new(
                &ORDER,
                senior.grade_span,
                format!(
                    "`{}` is grade {}, lower than the less senior `{}` at grade {}",
                    senior.role, senior.grade.text, junior.role, junior.grade.text
                ),
            )
            .with_help("check both grades against the job-grades table; a more senior level never has a lower grade");
            f.labels.push((
                junior.grade_span,
                format!("`{}` is grade {} here", junior.role, junior.grade.text),
            ));
            findings.push(f);
        }
    }
    findings
}

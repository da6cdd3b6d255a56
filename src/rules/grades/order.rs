//! `grades/order`: a more senior level has a lower grade than a less senior one.

use super::{rungs, trusted};
use crate::document::roles::GradeStatement;
use crate::document::titles::usual_grade;
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use std::collections::{BTreeMap, HashMap, HashSet};

declare_rule! {
    /// ## What it does
    /// Flags a level whose grade is lower than the grade of a less senior level on the page.
    /// Within one track, levels are compared on one ladder: individual contributor titles that
    /// are the same once the seniority (Junior, Senior, Staff, Principal, Distinguished, Fellow)
    /// is removed, and management titles (Manager, Senior Manager, Director, Senior Director,
    /// VP) of the same area: a Staff Backend Engineer at grade 7 when the Senior Backend
    /// Engineer is grade 8. Across the tracks, a management level is compared with the page's
    /// individual contributors whose seniority the handbook grades at least two lower: a
    /// Manager below the family's Intermediate, a Director below its Senior. Levels one step
    /// apart (a Manager and a Senior) and equal grades (Manager and Staff often share one) are
    /// never reported across tracks, nor titles whose track is in doubt ("Program Manager,
    /// Data", "Team Lead").
    ///
    /// How senior each seniority is comes from the handbook itself: the grade GitLab's
    /// job-family pages usually give it, measured on the 257 pages of `../shared/corpus`
    /// (median over distinct titles that state a grade, with `jobfam model`):
    ///
    /// | track | seniority | usual grade | titles | range |
    /// |---|---|---|---|---|
    /// | individual | Intern | 4 | 2 | 4 |
    /// | individual | Associate/Junior | 5 | 38 | 5–8 |
    /// | individual | Intermediate | 6 | 123 | 5–8 |
    /// | individual | Senior | 7 | 149 | 6–9 |
    /// | individual | Staff | 8 | 44 | 8–9 |
    /// | individual | Principal | 9 | 23 | 9–12 |
    /// | individual | Distinguished | 10 | 6 | 10 |
    /// | individual | Fellow | 12 | 3 | 12 |
    /// | management | Manager | 8 | 88 | 6–9.5 |
    /// | management | Senior Manager | 9 | 70 | 7–9 |
    /// | management | Director | 10 | 86 | 10–11 |
    /// | management | Senior Director | 11 | 52 | 11 |
    /// | management | Vice President | 12 | 35 | 12 |
    /// | management | Chief | 12 | 3 | 12 |
    ///
    /// Not ranked (graded too unevenly to compare): Lead (7–8), Head of, Chief of Staff
    /// (11–12), Senior Principal, Senior Distinguished. `jobfam model` shows each level's rank
    /// (its usual grade) in `roles`.
    ///
    /// ## Why is this bad?
    /// Grades rise with seniority. An inverted pair means one of the two grades is wrong, and
    /// candidates and recruiters read the wrong pay band from the page.
    ///
    /// ## Example
    /// ```markdown
    /// The Senior Backend Engineer is a grade 8.
    /// The Staff Backend Engineer is a grade 7.
    /// The Director, Backend Engineering is a grade 7.
    /// ```
    /// Use instead:
    /// ```markdown
    /// The Senior Backend Engineer is a grade 7.
    /// The Staff Backend Engineer is a grade 8.
    /// The Director, Backend Engineering is a grade 10.
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
    let ranked = rungs(page);
    // Per ladder and rank, the statements in page order with the highest grade so far: the
    // first statement of a lower rank graded above a level is found by binary search instead
    // of by comparing every pair of statements.
    let mut ladders: HashMap<&str, BTreeMap<u8, Rank>> = HashMap::new();
    for (i, rung) in ranked.iter().enumerate() {
        let (members, highest) = ladders
            .entry(rung.ladder.as_str())
            .or_default()
            .entry(rung.rank)
            .or_default();
        let so_far = highest.last().copied().unwrap_or(f64::NEG_INFINITY);
        members.push(i);
        highest.push(so_far.max(rung.statement.grade.value));
    }
    let mut findings = Vec::new();
    let mut reported = HashSet::new();
    for rung in &ranked {
        let senior = rung.statement;
        let below = ladders[rung.ladder.as_str()]
            .range(..rung.rank)
            .filter_map(|(_, (members, highest))| {
                let at = highest.partition_point(|&g| g <= senior.grade.value);
                members.get(at).copied()
            })
            .min()
            .map(|i| ranked[i].statement);
        if let Some(junior) = below {
            reported.insert(senior.grade_span);
            findings.push(inverted(senior, junior, None));
        }
    }
    findings.extend(
        across_ladders(page)
            .into_iter()
            .filter(|f| !reported.contains(&f.span)),
    );
    findings
}

/// A seniority's name and the grade the handbook usually gives it.
type Usual = (&'static str, f64);

/// The finding for `senior` graded below `junior`; `usual` names the two seniorities and the
/// grades the handbook usually gives them, for levels of different tracks.
fn inverted(
    senior: &GradeStatement,
    junior: &GradeStatement,
    usual: Option<(Usual, Usual)>,
) -> Finding {
    let mut message = format!(
        "`{}` is grade {}, lower than the less senior `{}` at grade {}",
        senior.role, senior.grade.text, junior.role, junior.grade.text
    );
    if let Some(((s_name, s_grade), (j_name, j_grade))) = usual {
        message.push_str(&format!(
            " (the handbook usually grades {} {s_name} {s_grade} and {} {j_name} {j_grade})",
            super::article(s_name),
            super::article(j_name)
        ));
    }
    let mut f = Finding::new(&ORDER, senior.grade_span, message).with_help(
        "check both grades against the job-grades table; a more senior level never has a lower grade",
    );
    f.labels.push((
        junior.grade_span,
        format!("`{}` is grade {} here", junior.role, junior.grade.text),
    ));
    f
}

/// Levels graded below a level of another ladder (either track) whose seniority the handbook
/// grades at least two lower: a Director below the family's Senior analysts, a Manager below
/// its Intermediate, a VP of one area below a Senior Manager of another. One step apart (a
/// Manager and a Senior) is not compared: families differ by that much.
fn across_ladders(page: &crate::document::Page) -> Vec<Finding> {
    // Levels whose track is certain, by their usual grade, with the highest grade stated up to
    // each: the highest grade among levels at least two below a level is one binary search.
    let mut levels: Vec<(f64, &GradeStatement, &'static str)> = trusted(page)
        .filter(|s| super::certain_track(&s.role).is_some())
        .filter_map(|s| usual_grade(&s.role).map(|(name, usual)| (usual, s, name)))
        .collect();
    levels.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut highest: Vec<usize> = Vec::with_capacity(levels.len());
    for (i, (_, s, _)) in levels.iter().enumerate() {
        let best = match highest.last() {
            Some(&h) if levels[h].1.grade.value >= s.grade.value => h,
            _ => i,
        };
        highest.push(best);
    }
    let mut findings = Vec::new();
    for &(usual, senior, name) in &levels {
        let below = levels.partition_point(|(u, _, _)| *u <= usual - 2.0);
        let Some(&h) = below.checked_sub(1).and_then(|last| highest.get(last)) else {
            continue;
        };
        let (j_usual, junior, j_name) = levels[h];
        if junior.grade.value > senior.grade.value {
            findings.push(inverted(
                senior,
                junior,
                Some(((name, usual), (j_name, j_usual))),
            ));
        }
    }
    findings
}

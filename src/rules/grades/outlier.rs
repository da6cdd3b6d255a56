//! `grades/outlier`: a level graded far from the handbook's usual grade for its seniority.

use super::trusted;
use crate::document::roles::Measure;
use crate::document::titles::{USUAL_GRADES, title_key};
use crate::rules::{Check, Context, Finding, RunPage, declare_rule};
use std::collections::{HashMap, HashSet};

declare_rule! {
    /// ## What it does
    /// Flags a level whose grade differs by two or more from the usual grade of its seniority
    /// across the handbook: a Director at grade 8 where Directors are usually grade 10. The
    /// usual grade is the median over the levels of that seniority in the pages checked
    /// together, when there are at least ten of them; otherwise the table measured on GitLab's
    /// handbook (`jobfam explain grades/order`). The message names the usual grade and how
    /// many levels it was measured over. Off by default: turn it on with
    /// `"grades/outlier" = "warning"` under `[rules]`, or `--select grades/outlier`.
    ///
    /// ## Why is this bad?
    /// A grade far from its peers is either a deliberate exception or a typo that sets the
    /// wrong pay band; total rewards reviewers want to see every one of them.
    ///
    /// ## Example
    /// ```markdown
    /// The Director, Data is a grade 8.
    /// ```
    /// Use instead: the grade the job-grades table gives the level (Directors are usually 10).
    ///
    /// ## Fix
    /// Never: only the job-grades table says which grade is right.
    OUTLIER { id: "grades/outlier", severity: Warning, fix: Never, check: Check::Run(run), default: off }
}

/// The fewest levels of a seniority in a run that make its median the usual grade.
const MIN_MEASURED: usize = 10;

fn run(pages: &[RunPage<'_>], _ctx: &Context) -> Vec<(usize, Finding)> {
    // Every level once per page: (page, statement, seniority, grade).
    let mut levels = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        let mut seen = HashSet::new();
        // Titles whose track is in doubt ("Security Manager" may lead people or not) would be
        // measured against the wrong seniority.
        let measure = Measure::new(&p.input.page.grades);
        for s in trusted(&p.input.page) {
            let Some((name, _)) = measure.usual(&s.role) else {
                continue;
            };
            if seen.insert(title_key(&s.role)) {
                levels.push((i, s, name));
            }
        }
    }
    let mut grades: HashMap<&str, Vec<f64>> = HashMap::new();
    for (_, s, name) in &levels {
        grades.entry(name).or_default().push(s.grade.value);
    }
    let usual: HashMap<&str, (f64, usize, bool)> = USUAL_GRADES
        .iter()
        .map(|&(_, name, grade, count)| {
            let measured = grades.get_mut(name).filter(|g| g.len() >= MIN_MEASURED);
            let row = match measured {
                Some(g) => (median(g), g.len(), true),
                None => (grade, count, false),
            };
            (name, row)
        })
        .collect();
    levels
        .into_iter()
        .filter_map(|(i, s, name)| {
            let &(grade, count, in_run) = usual.get(name)?;
            if (s.grade.value - grade).abs() < 2.0 {
                return None;
            }
            let whence = if in_run {
                format!("the median of {count} {name} levels checked")
            } else {
                format!("over {count} {name} levels in GitLab's handbook")
            };
            let f = Finding::new(
                &OUTLIER,
                s.grade_span,
                format!(
                    "`{}` is grade {}, far from the usual grade {} for {} {name} ({whence})",
                    s.role,
                    s.grade.text,
                    grade,
                    super::article(name)
                ),
            )
            .with_help("check the grade against the job-grades table; an exception on purpose can be suppressed with a comment");
            Some((i, f))
        })
        .collect()
}

/// The median of `values` (sorted in place).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

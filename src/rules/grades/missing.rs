//! `grades/missing`: a level, or a "Job Grade" heading, that states no grade.

use crate::document::roles::{levels_without_grade, parents};
use crate::document::titles::is_grade_heading;
use crate::rules::{Check, Context, Finding, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a "Job Grade" heading whose section states no grade, and a level heading that states
    /// none while the levels beside it do (`### Staff Backend Engineer` with no "is a grade N"
    /// under it, next to a Senior level that has one). A level marked deprecated, retired or
    /// replaced ("This level was deprecated in favour of …", `### Associate Analyst
    /// (deprecated)`) expects no grade, nor one that says it is not aligned to a grade.
    ///
    /// ## Why is this bad?
    /// The grade sets the pay band; a level without one leaves candidates and recruiters guessing.
    ///
    /// ## Example
    /// ```markdown
    /// ### Staff Backend Engineer
    /// #### Job Grade
    /// #### Responsibilities
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### Staff Backend Engineer
    /// #### Job Grade
    /// The Staff Backend Engineer is a [grade 8](/handbook/…/#gitlab-job-grades).
    /// ```
    ///
    /// ## Fix
    /// Never.
    MISSING { id: "grades/missing", severity: Error, fix: Never, check: Check::Code(check) }
}

/// Words that retire a level: "This level was deprecated", "replaced by the Analyst level",
/// "### Associate Analyst (deprecated)".
const RETIRED: [&str; 4] = ["deprecat", "replaced by", "retired", "no longer in use"];

fn check(input: &Input, ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let parents = parents(&page.headings);
    // What sits under each heading, worked out once by walking up from each statement and
    // block (a heading chain is at most six deep), not by scanning the page for each heading.
    let mut states_grade = vec![false; page.headings.len()];
    let mut talks_of_grades = vec![false; page.headings.len()];
    let mut mentions_grade = vec![false; page.headings.len()];
    let mut has_grade_heading = vec![false; page.headings.len()];
    // Levels marked deprecated or replaced expect no grade.
    let mut retired = vec![false; page.headings.len()];
    let mark = |marks: &mut Vec<bool>, from: Option<usize>| {
        for h in std::iter::successors(from, |&h| parents[h]) {
            marks[h] = true;
        }
    };
    for s in &page.grades {
        mark(&mut states_grade, page.blocks[s.block].heading);
    }
    for b in page.blocks.iter().filter(|b| !b.is_heading) {
        let lower = b.text.to_lowercase();
        // "Read more about [job grades](…)" or "is not aligned to a job [grade](…)": the
        // section talks about grades on purpose, it did not forget one.
        if lower.contains("grade") || lower.contains("level ") {
            mark(&mut talks_of_grades, b.heading);
        }
        if RETIRED.iter().any(|w| lower.contains(w)) {
            mark(&mut retired, b.heading);
        }
        if let (true, Some(h)) = (lower.contains("grade"), b.heading) {
            mentions_grade[h] = true;
        }
    }
    for (g, gh) in page.headings.iter().enumerate() {
        if let (true, Some(p)) = (is_grade_heading(&gh.text), parents[g]) {
            has_grade_heading[p] = true;
        }
    }
    let mut findings: Vec<Finding> = page
        .headings
        .iter()
        .enumerate()
        .filter(|(h, heading)| {
            is_grade_heading(&heading.text) && !states_grade[*h] && !talks_of_grades[*h]
        })
        .map(|(h, heading)| {
            let level = parents[h]
                .map(|p| page.headings[p].text.as_str())
                .filter(|p| !is_grade_heading(p));
            let message = match level {
                Some(level) if heading.text.eq_ignore_ascii_case("job grade") => {
                    format!("`{}` under `{level}` states no grade", heading.text)
                }
                _ => format!("`{}` states no grade", heading.text),
            };
            Finding::new(&MISSING, heading.span, message).with_help(format!(
                "add \"The <role> is a [grade N]({}).\"",
                ctx.grades.table
            ))
        })
        .collect();
    for h in levels_without_grade(&page.grades, &page.headings) {
        let heading = &page.headings[h];
        if has_grade_heading[h] {
            continue; // reported at its Job Grade heading
        }
        // "The Data Analyst Intern is not aligned to a job grade": a level that mentions
        // grades without stating one does so on purpose.
        if mentions_grade[h] {
            continue;
        }
        let lower = heading.text.to_lowercase();
        if retired[h] || RETIRED.iter().any(|w| lower.contains(w)) {
            continue;
        }
        findings.push(
            Finding::new(
                &MISSING,
                heading.span,
                format!("level `{}` states no grade", heading.text),
            )
            .with_help(format!(
                "add \"The {} is a [grade N](…#gitlab-job-grades).\" under it",
                heading.text
            )),
        );
    }
    findings
}

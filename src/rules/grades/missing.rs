//! `grades/missing`: a level, or a "Job Grade" heading, that states no grade.

use crate::document::Page;
use crate::document::roles::{is_grade_heading, levels_without_grade, parents};
use crate::rules::{Check, Context, Finding, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a "Job Grade" heading whose section states no grade, and a level heading that states
    /// none while the levels beside it do (`### Staff Backend Engineer` with no "is a grade N"
    /// under it, next to a Senior level that has one).
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

fn check(page: &Page, ctx: &Context) -> Vec<Finding> {
    let parents = parents(&page.headings);
    let under = |block_heading: Option<usize>, h: usize| {
        std::iter::successors(block_heading, |&b| parents[b]).any(|b| b == h)
    };
    let states_grade = |h: usize| {
        page.grades
            .iter()
            .any(|s| under(page.blocks[s.block].heading, h))
    };
    // "Read more about [job grades](…)" or "is not aligned to a job [grade](…)": the section
    // talks about grades on purpose, it did not forget one.
    let links_grades_page = |h: usize| {
        page.blocks.iter().any(|b| {
            !b.is_heading
                && under(b.heading, h)
                && (b.text.to_lowercase().contains("grade")
                    || b.text.to_lowercase().contains("level "))
        })
    };
    let mut findings: Vec<Finding> = page
        .headings
        .iter()
        .enumerate()
        .filter(|(h, heading)| {
            is_grade_heading(&heading.text) && !states_grade(*h) && !links_grades_page(*h)
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
        let has_grade_heading = page
            .headings
            .iter()
            .enumerate()
            .any(|(g, gh)| is_grade_heading(&gh.text) && parents[g] == Some(h));
        if has_grade_heading {
            continue; // reported at its Job Grade heading
        }
        // "The Data Analyst Intern is not aligned to a job grade": a level that mentions
        // grades without stating one does so on purpose.
        let mentions_grade = page.blocks.iter().any(|b| {
            !b.is_heading && b.heading == Some(h) && b.text.to_lowercase().contains("grade")
        });
        if mentions_grade {
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

//! `grades/title-mismatch`: a grade statement names another level than the section it is in.

use crate::document::titles::{level_text, seniority_text};
use crate::rules::{Check, Context, Finding, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a grade statement whose role names a different seniority than the level heading it
    /// sits under: "The Senior Frontend Engineer is a grade 7" under `### Staff Frontend Engineer`,
    /// or "The People Business Partner …" under `### Manager, People Business Partners`. Only the
    /// seniority is compared, so word order ("Manager, Inside Sales" and "Inside Sales Manager"),
    /// "VP" for "Vice President", "Sr." for "Senior", "(Intermediate)" and abbreviations of the
    /// role noun are not mismatches.
    ///
    /// ## Why is this bad?
    /// It is the classic copy-paste slip: the sentence was copied from the level below and not
    /// updated, so the page states the wrong grade for the level a candidate is reading about.
    ///
    /// ## Example
    /// ```markdown
    /// ### Staff Frontend Engineer
    /// #### Job Grade
    /// The Senior Frontend Engineer is a [grade 7](/handbook/…/#gitlab-job-grades).
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### Staff Frontend Engineer
    /// #### Job Grade
    /// The Staff Frontend Engineer is a [grade 8](/handbook/…/#gitlab-job-grades).
    /// ```
    ///
    /// ## Fix
    /// Never: the right grade has to come from the job-grades table.
    TITLE_MISMATCH { id: "grades/title-mismatch", severity: Error, fix: Never, check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    page.grades
        .iter()
        .filter(|s| super::mismatch(s, &page.headings) == Some(true))
        .filter_map(|s| {
            let heading = &page.headings[s.level?];
            let level = level_text(&heading.text);
            let mut f = Finding::new(
                &TITLE_MISMATCH,
                s.role_span,
                format!(
                    "grade {} is stated for `{}` ({}) under the `{}` level ({})",
                    s.grade.text,
                    s.role,
                    seniority_text(&s.role),
                    level,
                    seniority_text(&level)
                ),
            )
            .with_help(format!("state the grade of the `{level}` level here, or move the sentence under its own level"));
            f.labels.push((heading.span, "the level this sentence sits under".into()));
            Some(f)
        })
        .collect()
}

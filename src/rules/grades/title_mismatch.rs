//! `grades/title-mismatch`: a grade statement names another level than the section it is in.

use crate::document::titles::{level_text, seniority_text};
use crate::rules::{Check, Context, Finding, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a grade statement whose role names a different seniority than the level heading it
    /// sits under: "The Senior Frontend Engineer is a grade 7" under `### Staff Frontend Engineer`,
    /// or "The People Business Partner …" under `### Manager, People Business Partners`; and
    /// a statement of the same seniority whose role shares no word with the heading's, which
    /// names another family's level: "The Manager, Recruiting Operations is a grade 8" under
    /// `### Manager, Global Enablement` (words agreeing on their first five letters count as
    /// shared, so a misspelt "Revenuer Accouting" is the "Revenue" level). Word order ("Manager,
    /// Inside Sales" and "Inside Sales Manager"), "VP" for "Vice President", "Sr." for "Senior",
    /// "(Intermediate)" and abbreviations of the role noun are not mismatches.
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
            let (said, under) = (seniority_text(&s.role), seniority_text(&level));
            let message = if said == under {
                format!(
                    "grade {} is stated for `{}`, another role than the `{level}` level it sits under",
                    s.grade.text, s.role
                )
            } else {
                format!(
                    "grade {} is stated for `{}` ({said}) under the `{level}` level ({under})",
                    s.grade.text, s.role
                )
            };
            let mut f = Finding::new(&TITLE_MISMATCH, s.role_span, message)
            .with_help(format!("state the grade of the `{level}` level here, or move the sentence under its own level"));
            f.labels.push((heading.span, "the level this sentence sits under".into()));
            Some(f)
        })
        .collect()
}

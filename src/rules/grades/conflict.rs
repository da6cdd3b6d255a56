//! `grades/conflict`: one role stated with two different grades.

use super::trusted;
use crate::document::roles::{Grade, GradeStatement};
use crate::document::titles::title_key;
use crate::document::{Page, Span};
use crate::rules::{Check, Context, Finding, RunPage, declare_rule};
use std::collections::HashMap;
use std::path::Path;

declare_rule! {
    /// ## What it does
    /// Flags a role title stated at two different grades: "The Senior Accountant is a grade 7" in
    /// one place and "… is a grade 8" in another, on one page or on two pages checked together.
    /// Titles are compared after spelling out abbreviations (Sr., VP) and dropping
    /// "(Intermediate)". Pages are compared with pages of the same site: those under the same
    /// folder that holds their `job-families/` folder (every page, when there is none).
    /// `across_pages = false` under `[grades]` in `jobfam.toml` compares each page on its own.
    ///
    /// ## Why is this bad?
    /// At least one of the two statements is wrong, and a reader cannot tell which.
    ///
    /// ## Example
    /// ```markdown
    /// The Senior Accountant is a grade 7.
    /// …
    /// The Senior Accountant is a grade 8.
    /// ```
    /// Use instead: state the role's grade once, or make both statements agree.
    ///
    /// ## Fix
    /// Never: which grade is right needs the job-grades table.
    ///
    /// ## Known limits
    /// A statement that names another level than its section is left to `grades/title-mismatch`,
    /// and "the role is a grade 7" names no title to compare.
    CONFLICT { id: "grades/conflict", severity: Error, fix: Never, check: Check::Run(run) }
}

/// A run-level rule: each page against itself, then (with `across_pages`) the pages of one
/// site against each other, in the order the run checked them.
fn run(pages: &[RunPage<'_>], ctx: &Context) -> Vec<(usize, Finding)> {
    let mut findings: Vec<(usize, Finding)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| within(&p.input.page).into_iter().map(move |f| (i, f)))
        .collect();
    if ctx.grades.across_pages {
        let summaries: Vec<(&Path, Vec<Stated>)> = pages
            .iter()
            .map(|p| (p.path, stated(&p.input.page)))
            .collect();
        findings.extend(across(&summaries));
    }
    findings
}

/// One page's roles stated at two grades.
fn within(page: &Page) -> Vec<Finding> {
    // For each title, the first statement of each grade it was stated at, in page order: the
    // earliest statement that disagrees with a later one is the first of another grade.
    let mut seen: HashMap<String, Vec<&GradeStatement>> = HashMap::new();
    let mut findings = Vec::new();
    for later in trusted(page) {
        let firsts = seen.entry(title_key(&later.role)).or_default();
        let first = firsts
            .iter()
            .copied()
            .find(|s| s.grade.value != later.grade.value);
        if !firsts.iter().any(|s| s.grade.value == later.grade.value) {
            firsts.push(later);
        }
        if let Some(first) = first {
            let mut f = Finding::new(
                &CONFLICT,
                later.grade_span,
                format!(
                    "`{}` is stated as grade {} here and as grade {} earlier",
                    later.role, later.grade.text, first.grade.text
                ),
            )
            .with_help("state one grade for the role");
            f.labels
                .push((first.grade_span, format!("grade {} here", first.grade.text)));
            findings.push(f);
        }
    }
    findings
}

/// A grade a page states for a titled role, kept after the page is dropped so pages checked
/// together can be compared.
#[derive(Clone, Debug)]
struct Stated {
    key: String,
    role: String,
    grade: Grade,
    span: Span,
}

/// The grades `page` states, for [`across`].
fn stated(page: &Page) -> Vec<Stated> {
    trusted(page)
        .filter(|s| crate::document::titles::is_specific(&s.role))
        .map(|s| Stated {
            key: title_key(&s.role),
            role: s.role.clone(),
            grade: s.grade.clone(),
            span: s.grade_span,
        })
        .collect()
}

/// The site a page belongs to: the folder holding its `job-families/` folder.
fn site(path: &str) -> &str {
    match path.rfind("job-families/") {
        Some(i) => &path[..i],
        None => "",
    }
}

/// Findings for roles that two pages of one site state at different grades, as
/// `(page index, finding)`; each page is reported against the first page (in path order) that
/// disagrees with it.
fn across(pages: &[(&Path, Vec<Stated>)]) -> Vec<(usize, Finding)> {
    let mut first: HashMap<(&str, &str), (usize, &Stated)> = HashMap::new();
    let mut findings = Vec::new();
    for (index, (path, stated)) in pages.iter().enumerate() {
        let path_text = path.to_str().unwrap_or("");
        let site = site(path_text);
        let mut reported = std::collections::HashSet::new();
        for s in stated {
            match first.get(&(site, s.key.as_str())) {
                Some(&(other, earlier))
                    if other != index && earlier.grade.value != s.grade.value =>
                {
                    if !reported.insert(s.key.as_str()) {
                        continue;
                    }
                    findings.push((
                        index,
                        Finding::new(
                            &CONFLICT,
                            s.span,
                            format!(
                                "`{}` is stated as grade {} here and as grade {} in {}",
                                s.role,
                                s.grade.text,
                                earlier.grade.text,
                                crate::paths::display_path(pages[other].0)
                            ),
                        )
                        .with_help("state one grade for the role on every page"),
                    ));
                }
                Some(_) => {}
                None => {
                    first.insert((site, s.key.as_str()), (index, s));
                }
            }
        }
    }
    findings
}

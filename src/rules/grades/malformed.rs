//! `grades/malformed`: a grade statement that will not render or link right.

use crate::document::Span;
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags a grade statement whose link is broken or points elsewhere: `[grade 7]((…))`,
    /// `[grade 7] (…)`, a bare `grade 7 (/handbook/…)`, `grade [7]` (a reference link to
    /// nothing), or a grade link whose target is not the job-grades table
    /// (`…/compensation-calculator/#gitlab-job-grades`, also written as an absolute URL or a Hugo
    /// `ref`; set another with `table` under `[grades]` in `jobfam.toml`).
    ///
    /// ## Why is this bad?
    /// A broken link renders its Markdown as text, and a wrong target sends the reader to a page
    /// or anchor that does not explain the grade.
    ///
    /// ## Example
    /// ```markdown
    /// The Data Analyst is a grade 6 (/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).
    /// ```
    /// Use instead:
    /// ```markdown
    /// The Data Analyst is a [grade 6](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).
    /// ```
    ///
    /// ## Fix
    /// Never for now.
    MALFORMED { id: "grades/malformed", severity: Error, fix: Never, check: Check::Code(check) }
}

/// Link syntax that does not render as a link.
static BROKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\[(?:grade\s*)?\d{1,2}(?:\.\d)?\+?\](?:\(\(|\s+\()|\bgrade\s*\d{1,2}(?:\.\d)?\+?\s*\((?:/|https?://)[^)\s]*\)|\bgrade\s*\[\d{1,2}(?:\.\d)?\+?\](?:[^(\[]|$)")
        .expect("static regex compiles")
});

fn check(input: &Input, ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let mut findings = Vec::new();
    let mut seen_blocks = std::collections::HashSet::new();
    for s in &page.grades {
        if let Some(link) = s.link.map(|i| &page.links[i]) {
            if !ctx.grades.is_table(&link.url) {
                findings.push(
                    Finding::new(
                        &MALFORMED,
                        link.span,
                        format!(
                            "grade {} links to `{}`, not the job-grades table",
                            s.grade.text, link.url
                        ),
                    )
                    .with_help(format!("link to {}", ctx.grades.table)),
                );
            }
        }
        if !seen_blocks.insert(s.block) {
            continue;
        }
        let block = page.blocks[s.block].span;
        let text = page.slice(block);
        for m in BROKEN.find_iter(text) {
            // The pattern reads one character past `grade [7]` to see that no `(` follows.
            let found = m
                .as_str()
                .trim_end_matches(|c| c != ')' && c != ']' && c != '(');
            let span = Span::new(
                block.start + m.start(),
                block.start + m.start() + found.len(),
            );
            if page.in_code(&page.blocks[s.block], span) {
                continue;
            }
            findings.push(
                Finding::new(
                    &MALFORMED,
                    span,
                    format!("grade link `{found}` does not render as a link"),
                )
                .with_help(format!("write it as [grade N]({})", ctx.grades.table)),
            );
        }
    }
    findings
}

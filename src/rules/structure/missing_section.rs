//! `structure/missing-section`: a required section is absent.

use crate::rules::{Check, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a page that lacks one of the sections GitLab's handbook requires of every job
    /// family: Responsibilities, Requirements, Levels (or Job Grade), Performance Indicators and
    /// Hiring Process. A section counts at any heading depth, in any case, singular or plural,
    /// with a role prefix ("Senior Backend Engineer Responsibilities") or a suffix such as "(PI)".
    /// Accepted wordings: "Responsibilities", "What you'll do" / "What you will do" or "What you
    /// can expect"; "Requirements"; "Levels", "Job Grade" or "Grades" (or, with no such heading,
    /// a grade statement: "The Legal Intern is a grade 4"); "Performance Indicators", "KPIs" or
    /// "PIs"; "Hiring Process", "Interview Process" or "Interview team". A section that a partial renders counts
    /// (see the README: its file is read, or the config's `partials` names it). Driven by the
    /// schema: failures with `x-rule: structure/missing-section`.
    ///
    /// ## Why is this bad?
    /// Candidates and managers read these sections to know what the job is, what it takes and how
    /// it is hired and measured; a page without one leaves that unanswered.
    ///
    /// ## Example
    /// A page with `## Responsibilities`, `## Requirements`, `## Levels` and
    /// `## Performance Indicators` but no hiring section. Use instead: add `## Hiring Process`.
    ///
    /// ## Fix
    /// Never: the section's content has to be written.
    MISSING_SECTION { id: "structure/missing-section", severity: Error, fix: Never, check: Check::Schema }
}

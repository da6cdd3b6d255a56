//! `structure/missing-bullet`: the Requirements lack the bullet every role must have.

use crate::rules::{Check, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a page whose Requirements section (or any section below it) has no list item saying
    /// "Ability to use GitLab". Driven by the schema: failures with `x-rule: structure/missing-bullet`.
    /// A page with no Requirements section at all is reported by `structure/missing-section` only.
    ///
    /// Accepted wordings, in any case and anywhere in the item: "Ability to use GitLab"
    /// (also "… (the product)" or "… to plan work"), "Able to use GitLab", "Willing to use
    /// GitLab", "Willingness to learn and use GitLab", "Proficient with GitLab", "Proficiency
    /// in GitLab".
    ///
    /// ## Why is this bad?
    /// GitLab's handbook requires this bullet in every job family: everyone at GitLab works in
    /// GitLab, and the requirement is how candidates learn that.
    ///
    /// ## Example
    /// ```markdown
    /// ## Requirements
    /// - Five years of product management
    /// ```
    /// Use instead:
    /// ```markdown
    /// ## Requirements
    /// - Five years of product management
    /// - Ability to use GitLab
    /// ```
    ///
    /// ## Fix
    /// Never: where the bullet goes in the list is the author's choice.
    MISSING_BULLET { id: "structure/missing-bullet", severity: Error, fix: Never, check: Check::Schema }
}

//! `structure/front-matter`: the page's front matter lacks a usable `title`.

use crate::rules::{Check, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a page without a front matter block, or whose front matter has no `title` or an
    /// empty one. Front matter is YAML between `---` lines, TOML between `+++` lines, or a JSON
    /// object that opens the page (Hugo reads all three). Driven by the schema: failures under
    /// `front_matter` with `x-rule: structure/front-matter`.
    ///
    /// ## Why is this bad?
    /// The site takes the page title and the job family's name from `title`; without it the page
    /// renders with no heading and the job board lists it under a blank name.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// layout: job_family_page
    /// ---
    /// ```
    /// Use instead:
    /// ```markdown
    /// ---
    /// layout: job_family_page
    /// title: "Product Manager"
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Never: only the author knows the title.
    FRONT_MATTER { id: "structure/front-matter", severity: Error, fix: Never, check: Check::Schema }
}

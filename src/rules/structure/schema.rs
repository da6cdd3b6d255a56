//! `structure/schema`: any other failure of the page schema.

use crate::rules::{Check, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a failure of the page schema (the built-in one, or the file given with `--schema`)
    /// whose subschema names no other rule with `x-rule`. The message is the subschema's
    /// `x-message`, else one generated from the failing keyword and the model path.
    ///
    /// ## Why is this bad?
    /// The schema is where a team writes down what its pages must hold; a page that fails it
    /// misses something the team decided every page needs.
    ///
    /// ## Example
    /// A schema that requires `front_matter.description`, and a page without it.
    /// Use instead: add `description:` to the front matter.
    ///
    /// ## Fix
    /// Never.
    SCHEMA { id: "structure/schema", severity: Error, fix: Never, check: Check::Schema }
}

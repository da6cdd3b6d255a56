//! `grades/…`: every level's grade is stated, well-formed and consistent with the ladder.
//!
//! The statements and levels come from [`crate::document::roles`]; these rules only compare.

pub mod conflict;
pub mod malformed;
pub mod missing;
pub mod order;
pub mod title_mismatch;

use crate::document::{Page, roles::GradeStatement};

/// The statements that name a role (not "the role is a grade 7") and the level they sit
/// under (or that cannot be compared):
/// a statement pasted under the wrong level is `grades/title-mismatch`'s, and comparing its
/// grade with others would report the same defect twice.
fn trusted(page: &Page) -> impl Iterator<Item = &GradeStatement> {
    page.grades
        .iter()
        .filter(|s| !crate::document::roles::is_vague(&s.role))
        .filter(|s| s.mismatch != Some(true))
}

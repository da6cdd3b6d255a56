//! `structure/…`: the sections, front matter and template leftovers a page must get right.
//!
//! Most of this group is driven by the JSON Schema (`schemas/job-family.schema.json`): those
//! rules only declare themselves here, and [`crate::schema`] reports failures under their ids.

pub mod front_matter;
pub mod missing_bullet;
pub mod missing_section;
pub mod placeholder;
pub mod schema;

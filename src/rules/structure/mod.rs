//! `structure/…`: the sections, front matter and template leftovers a page must get right.
//!
//! Most of this group is driven by the JSON Schema (`schemas/job-family.schema.json`): those
//! rules only declare themselves here, and [`crate::schema`] reports failures under their ids.

crate::rules::register! {
    front_matter::FRONT_MATTER,
    missing_bullet::MISSING_BULLET,
    missing_section::MISSING_SECTION,
    placeholder::PLACEHOLDER,
    schema::SCHEMA,
}

//! Style: rules about jobfam's own comments in a page.

pub mod unused_suppression;

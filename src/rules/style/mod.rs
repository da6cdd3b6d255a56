//! Style: rules about jobfam's own comments in a page.

crate::rules::register! {
    unused_suppression::UNUSED_SUPPRESSION,
}

//! Grammar: slips a spell checker can see, each only where it is nearly always right.

crate::rules::register! {
    abbreviation::ABBREVIATION,
    article::ARTICLE,
    its::ITS,
}

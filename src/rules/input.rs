//! What a per-page rule receives: the page as parsed, and what the stages after parsing
//! learned about it. The pipeline (`crate::check_source`) builds it in one place.

use crate::document::Page;
use crate::site::Target;
use crate::spelling::Verdict;

/// One page and what the run knows about it.
#[derive(Debug)]
pub struct Input {
    /// What the page says, as parsed; never changed after parsing.
    pub page: Page,
    /// Where each of `page.links` leads, one per link, in order (from [`crate::site::Site`]).
    pub targets: Vec<Target>,
    /// Index in `page.words` and verdict of every word the spell checker does not simply know
    /// (from [`crate::spelling::check::SpellCheck`]); empty when no spelling rule runs.
    pub verdicts: Vec<(usize, Verdict)>,
}

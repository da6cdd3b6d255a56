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

impl Input {
    /// Lets go of what only the per-page rules read (the words, the rendered blocks, the prose
    /// spans, the lists, the sections with their bullets, the template code and the spelling
    /// verdicts: most of a page's memory), once they have run. The run-level rules and the
    /// suppressions, which come later, read the links (each knows whether it sits in a
    /// heading) and their targets, the headings, the grades and the directives. A run holds
    /// those for every page and no more: memory grows with the handbook by a page's summary,
    /// not by its model.
    pub fn keep_for_run(&mut self) {
        let page = &mut self.page;
        page.words = Vec::new();
        page.blocks = Vec::new();
        page.prose = Vec::new();
        page.lists = Vec::new();
        page.sections = Vec::new();
        page.template_code = Vec::new();
        self.verdicts = Vec::new();
    }
}

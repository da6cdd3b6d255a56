//! `spelling/term-case`: a known product or term written in the wrong case.

use super::{judged, replace_word};
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use crate::spelling::Verdict;

declare_rule! {
    /// ## What it does
    /// Flags a term with one right spelling written in another case: `Gitlab` or `gitlab` for
    /// `GitLab`, `Github`, `Devops`, `Javascript`, `Postgresql`. The terms are those of the
    /// built-in vocabulary and of your word lists that have a capital letter. A word that is
    /// also ordinary English in that case (`slack`, `go`) is never flagged, and neither are
    /// URLs, code or ALL-CAPS text. All lower case is only flagged when the term has a capital
    /// inside (`gitlab`, `devops`): `jenkins` or `splunk` is often the command or package, and
    /// so is a lower-case part of a compound (`gitlab-org`).
    ///
    /// ## Why is this bad?
    /// Product and company names are part of the company's voice; the handbook is public and
    /// candidates notice. "Gitlab" on GitLab's own job page looks careless.
    ///
    /// ## Example
    /// ```markdown
    /// Experience with Github Actions, Javascript and Kubernetes.
    /// ```
    /// Use instead:
    /// ```markdown
    /// Experience with GitHub Actions, JavaScript and Kubernetes.
    /// ```
    ///
    /// ## Fix
    /// Always: the word is replaced by the term's spelling, keeping a possessive or plural.
    TERM_CASE { id: "spelling/term-case", severity: Error, fix: Always(Safe), check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    judged(input)
        .filter_map(|(word, verdict)| {
            let Verdict::WrongCase(term) = verdict else {
                return None;
            };
            let mut finding = Finding::new(
                &TERM_CASE,
                word.span,
                format!("`{}` is written `{term}`", word.text),
            )
            .with_help(format!("write `{term}`"));
            finding.fix = Some(replace_word(page, word, term));
            Some(finding)
        })
        .collect()
}

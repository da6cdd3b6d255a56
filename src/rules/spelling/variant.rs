//! `spelling/variant`: the other English's spelling, when a locale is chosen.

use super::{judged, replace_word};
use crate::rules::{Check, Context, Finding, Input, declare_rule};
use crate::spelling::Verdict;

declare_rule! {
    /// ## What it does
    /// With `--locale en-US`, flags British spellings (`behaviour`, `organise`, `centre`); with
    /// `--locale en-GB`, American ones (`behavior`, `organize`, `center`). The default locale,
    /// `en`, accepts both and this rule finds nothing. The pairs come from SCOWL's American and
    /// British word lists; en-GB follows them in preferring `-ise`.
    ///
    /// ## Why is this bad?
    /// One page, or one handbook, that spells a word two ways reads as if nobody edited it.
    ///
    /// ## Example
    /// With `--locale en-US`:
    /// ```markdown
    /// Model the behaviour we expect across the organisation.
    /// ```
    /// Use instead:
    /// ```markdown
    /// Model the behavior we expect across the organization.
    /// ```
    ///
    /// ## Fix
    /// Always: the word is replaced by the locale's spelling, in the same case. Safe, except in
    /// a heading without a `{#custom-id}`: there the fix changes the heading's id, and links
    /// to the old id from other pages would break, so it is unsafe.
    VARIANT { id: "spelling/variant", severity: Warning, fix: Always(Mixed), check: Check::Code(check) }
}

fn check(input: &Input, ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let locale = ctx.spelling.locale.name();
    judged(input)
        .filter_map(|(word, verdict)| {
            let Verdict::Variant(preferred) = verdict else {
                return None;
            };
            let mut finding = Finding::new(
                &VARIANT,
                word.span,
                format!(
                    "`{}` is not {locale} spelling: write `{preferred}`",
                    word.text
                ),
            )
            .with_help(format!(
                "the locale is {locale}; pass --locale en to accept both"
            ));
            finding.fix = Some(replace_word(page, word, preferred));
            Some(finding)
        })
        .collect()
}

//! `style/unused-suppression`: a `jobfam-disable` comment that silences nothing.

use crate::rules::{Check, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags an inline suppression comment that silences no finding, and a rule id or group in
    /// one that names no rule. The comments are:
    ///
    /// - `<!-- jobfam-disable-next-line RULE[, RULE] -->`: the next line;
    /// - `<!-- jobfam-disable-line RULE -->` at the end of a line: that line;
    /// - `<!-- jobfam-disable RULE -->` … `<!-- jobfam-enable RULE -->`: the lines between (to
    ///   the end of the page without an `enable`);
    /// - `<!-- jobfam-disable-file RULE -->`: the whole page.
    ///
    /// A group name (`spelling`) covers its rules; no rule list means every rule. A suppression
    /// of a rule that is not running (`--select`, `--ignore`) is not reported.
    ///
    /// ## Why is this bad?
    /// A suppression outlives the finding it was written for: once the text is fixed, a stale
    /// comment would silently hide the next real defect on that line. A misspelt rule id
    /// suppresses nothing at all.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- jobfam-disable-next-line spelling/term-case -->
    /// Experience with GitLab CI.
    /// ```
    /// Use instead: remove the comment, or keep it only where a finding is really silenced:
    /// ```markdown
    /// <!-- jobfam-disable-next-line spelling/term-case -->
    /// The `Gitlab` spelling in this quote is the customer's own.
    /// ```
    ///
    /// ## Fix
    /// Never: whether the comment or the text is wrong is for the author to say.
    UNUSED_SUPPRESSION { id: "style/unused-suppression", severity: Warning, fix: Never, check: Check::Pipeline }
}

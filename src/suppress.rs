//! Inline suppressions: the pipeline step after the rules that drops the findings a
//! `<!-- jobfam-disable… -->` comment covers, and reports comments that cover nothing
//! (`style/unused-suppression`).

use crate::document::line_index::LineIndex;
use crate::document::{DirectiveKind, Page};
use crate::rules::Finding;
use crate::rules::enabled::Enabled;
use crate::rules::style::unused_suppression::UNUSED_SUPPRESSION;

/// One rule selector of one comment, and the 0-based lines it covers.
struct Scope {
    /// Index of the comment in [`Page::directives`].
    directive: usize,
    /// The id or group; `None` for every rule.
    selector: Option<String>,
    first: usize,
    last: usize,
    used: bool,
}

/// Drops the findings that the page's suppression comments cover, and adds a
/// `style/unused-suppression` finding for each comment, or rule named in one, that covers none.
pub fn apply(page: &Page, findings: Vec<Finding>, enabled: &Enabled) -> Vec<Finding> {
    if page.directives.is_empty() {
        return findings;
    }
    let index = LineIndex::new(&page.text);
    let mut out = Vec::new();
    let mut scopes = Vec::new();
    for (i, d) in page.directives.iter().enumerate() {
        let line = index.line_of(d.span.start);
        let (first, last) = match d.kind {
            DirectiveKind::Enable => continue,
            DirectiveKind::NextLine => (line + 1, line + 1),
            DirectiveKind::Line => (line, line),
            DirectiveKind::File => (0, usize::MAX),
            DirectiveKind::Disable => (line, end_of_disable(page, &index, i)),
        };
        let selectors: Vec<Option<String>> = if d.rules.is_empty() {
            vec![None]
        } else {
            d.rules.iter().cloned().map(Some).collect()
        };
        for selector in selectors {
            if let Some(s) = &selector {
                if crate::rules::matching(s).is_empty() {
                    let hint = crate::config::closest(s)
                        .map(|c| format!(" (did you mean `{c}`?)"))
                        .unwrap_or_default();
                    out.push(
                        Finding::new(
                            &UNUSED_SUPPRESSION,
                            d.span,
                            format!("`{s}` is not a rule id or group{hint}"),
                        )
                        .with_help("`jobfam rules` lists the ids; a group name covers its rules"),
                    );
                    continue;
                }
            }
            scopes.push(Scope {
                directive: i,
                selector,
                first,
                last,
                used: false,
            });
        }
    }
    for finding in findings {
        let line = index.line_of(finding.span.start);
        let mut silenced = false;
        for scope in &mut scopes {
            let names = scope
                .selector
                .as_deref()
                .is_none_or(|s| s == finding.rule.id || s == finding.rule.group());
            if names && (scope.first..=scope.last).contains(&line) {
                scope.used = true;
                silenced = true;
            }
        }
        if !silenced {
            out.push(finding);
        }
    }
    for scope in scopes.iter().filter(|s| !s.used) {
        // A suppression of rules that are not running this time is not stale.
        let running = match &scope.selector {
            Some(s) => crate::rules::matching(s)
                .iter()
                .any(|r| enabled.severity(r).is_some()),
            None => true,
        };
        if !running {
            continue;
        }
        let span = page.directives[scope.directive].span;
        let message = match &scope.selector {
            Some(s) => format!("this suppression of `{s}` silences no finding"),
            None => "this suppression silences no finding".to_string(),
        };
        out.push(
            Finding::new(&UNUSED_SUPPRESSION, span, message)
                .with_help("remove the comment, or the rule from it"),
        );
    }
    out
}

/// The last line a `jobfam-disable` covers: the line before a later `jobfam-enable` that names
/// all of its rules (or names none), else the end of the page.
fn end_of_disable(page: &Page, index: &LineIndex, i: usize) -> usize {
    let rules = &page.directives[i].rules;
    page.directives[i + 1..]
        .iter()
        .find(|e| {
            e.kind == DirectiveKind::Enable
                && (e.rules.is_empty() || rules.iter().all(|r| e.rules.contains(r)))
        })
        .map_or(usize::MAX, |e| index.line_of(e.span.start))
}

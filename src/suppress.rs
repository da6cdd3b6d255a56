//! Inline suppressions: the pipeline step after the rules that drops the findings a
//! `<!-- jobfam-disable… -->` comment covers, and reports comments that cover nothing
//! (`style/unused-suppression`).

use crate::document::{DirectiveKind, Page};
use crate::line_index::LineIndex;
use crate::rules::Finding;
use crate::rules::enabled::Enabled;
use crate::rules::style::unused_suppression::UNUSED_SUPPRESSION;
use std::collections::HashMap;

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
    let index = &page.lines;
    let mut out = Vec::new();
    let mut scopes = Vec::new();
    let enables = Enables::new(page);
    for (i, d) in page.directives.iter().enumerate() {
        let line = index.line_of(d.span.start);
        let (first, last) = match d.kind {
            DirectiveKind::Enable => continue,
            DirectiveKind::NextLine => (line + 1, line + 1),
            DirectiveKind::Line => (line, line),
            DirectiveKind::File => (0, usize::MAX),
            DirectiveKind::Disable => (line, enables.end(page, index, i)),
        };
        let selectors: Vec<Option<String>> = if d.rules.is_empty() {
            vec![None]
        } else {
            d.rules.iter().cloned().map(Some).collect()
        };
        for selector in selectors {
            if let Some(s) = &selector {
                if crate::rules::matching(s).is_empty() {
                    let hint = crate::rules::closest_selector(s)
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
    // Findings and scopes meet by selector (every rule, a group or an id) and line, each by
    // binary search over sorted lines, never by trying every comment for every finding.
    let lines: Vec<usize> = findings
        .iter()
        .map(|f| index.line_of(f.span.start))
        .collect();
    // Lines of the findings each selector names, sorted.
    let mut named: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    for (f, &line) in findings.iter().zip(&lines) {
        for key in [None, Some(f.rule.id), Some(f.rule.group())] {
            named.entry(key).or_default().push(line);
        }
    }
    for list in named.values_mut() {
        list.sort_unstable();
    }
    for scope in &mut scopes {
        scope.used = named.get(&scope.selector.as_deref()).is_some_and(|list| {
            let at = list.partition_point(|&l| l < scope.first);
            list.get(at).is_some_and(|&l| l <= scope.last)
        });
    }
    let covers = Coverage::new(&scopes);
    for (finding, line) in findings.into_iter().zip(lines) {
        let keys = [None, Some(finding.rule.id), Some(finding.rule.group())];
        if !keys.iter().any(|key| covers.covers(*key, line)) {
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

/// The lines each selector's scopes cover: their ranges sorted by first line, with the furthest
/// line reached by any range up to each one.
struct Coverage<'s> {
    ranges: HashMap<Option<&'s str>, (Vec<usize>, Vec<usize>)>,
}

impl<'s> Coverage<'s> {
    fn new(scopes: &'s [Scope]) -> Coverage<'s> {
        let mut by_selector: HashMap<Option<&str>, Vec<(usize, usize)>> = HashMap::new();
        for scope in scopes {
            by_selector
                .entry(scope.selector.as_deref())
                .or_default()
                .push((scope.first, scope.last));
        }
        let ranges = by_selector
            .into_iter()
            .map(|(key, mut list)| {
                list.sort_unstable();
                let mut furthest = 0;
                let reach = list
                    .iter()
                    .map(|&(_, last)| {
                        furthest = furthest.max(last);
                        furthest
                    })
                    .collect();
                (key, (list.iter().map(|&(first, _)| first).collect(), reach))
            })
            .collect();
        Coverage { ranges }
    }

    /// Whether a scope of `selector` covers `line`.
    fn covers(&self, selector: Option<&str>, line: usize) -> bool {
        self.ranges.get(&selector).is_some_and(|(firsts, reach)| {
            let end = firsts.partition_point(|&first| first <= line);
            end > 0 && reach[end - 1] >= line
        })
    }
}

/// Where each `jobfam-disable` ends: the `jobfam-enable` comments in page order, and for each
/// comment the nearest later one that names no rule (it ends every disable).
struct Enables {
    enables: Vec<usize>,
    next_enable_all: Vec<Option<usize>>,
}

impl Enables {
    /// Enables looked at for one disable before settling for the next one that ends all: a page
    /// of thousands of disables and enables that do not match stays linear.
    const LOOK_AHEAD: usize = 256;

    fn new(page: &Page) -> Enables {
        let d = &page.directives;
        let enables = (0..d.len())
            .filter(|&i| d[i].kind == DirectiveKind::Enable)
            .collect();
        let mut next_enable_all = vec![None; d.len() + 1];
        for i in (0..d.len()).rev() {
            next_enable_all[i] = if d[i].kind == DirectiveKind::Enable && d[i].rules.is_empty() {
                Some(i)
            } else {
                next_enable_all[i + 1]
            };
        }
        Enables {
            enables,
            next_enable_all,
        }
    }

    /// The last line the `jobfam-disable` at directive `i` covers: the line before a later
    /// `jobfam-enable` that names all of its rules (or names none), else the end of the page.
    fn end(&self, page: &Page, index: &LineIndex, i: usize) -> usize {
        let rules = &page.directives[i].rules;
        let first = self.enables.partition_point(|&e| e <= i);
        self.enables[first..]
            .iter()
            .take(Self::LOOK_AHEAD)
            .copied()
            .find(|&e| {
                let named: std::collections::HashSet<&str> = page.directives[e]
                    .rules
                    .iter()
                    .map(String::as_str)
                    .collect();
                named.is_empty() || rules.iter().all(|r| named.contains(r.as_str()))
            })
            .or(self.next_enable_all[i + 1])
            .map_or(usize::MAX, |e| index.line_of(page.directives[e].span.start))
    }
}

//! jobfam diagnostics and fixes → LSP diagnostics, text edits and code actions.
//!
//! jobfam places spans in bytes (and columns in characters for people); LSP counts lines from 0
//! and columns in UTF-16 code units. Every range here is computed from byte offsets into the
//! text the editor sent, through [`LineIndex::position_utf16`].

use crate::diagnostic::FileReport;
use crate::line_index::LineIndex;
use crate::rules::Severity;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, Location, NumberOrString, Position, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The `source` of every diagnostic, and the prefix of the fix-all action's kind.
pub const SOURCE: &str = "jobfam";

/// The kind of the action that applies every fix: a `source.fixAll` an editor can run on save.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.jobfam")
}

/// One diagnostic as the editor sees it, with its fix.
#[derive(Clone, Debug)]
pub struct Placed {
    /// The LSP diagnostic.
    pub diagnostic: Diagnostic,
    /// The fix, if jobfam has a certain one.
    pub fix: Option<Fix>,
}

/// A fix: a byte range of the document text (for overlap checks) and the edit.
#[derive(Clone, Debug)]
pub struct Fix {
    /// First byte replaced.
    pub start: usize,
    /// One past the last byte replaced.
    pub end: usize,
    /// The edit, in UTF-16 positions.
    pub edit: TextEdit,
    /// Whether the fix is certain: only safe fixes join the fix-all action an editor may run
    /// on save; an unsafe one is offered as a quick fix a person picks.
    pub safe: bool,
}

/// Places a report's diagnostics in `text`, the document as the editor holds it.
///
/// `FileReport` offsets are file offsets: they count a byte-order mark, which the editor's text
/// keeps as its first character (`U+FEFF`), so they index `text` as they are. Labels index the
/// page text without the mark and are shifted by it.
pub fn place(report: &FileReport, text: &str, uri: &Uri) -> Vec<Placed> {
    let index = LineIndex::new(text);
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let range = |start: usize, end: usize| Range {
        start: position(&index, text, start),
        end: position(&index, text, end),
    };
    report
        .diagnostics
        .iter()
        .map(|d| {
            let message = match &d.help {
                Some(help) => format!("{}\nhelp: {help}", d.message),
                None => d.message.clone(),
            };
            let related: Vec<_> = d
                .labels
                .iter()
                .map(|(span, label)| DiagnosticRelatedInformation {
                    location: Location {
                        uri: uri.clone(),
                        range: range(span.start + bom, span.end + bom),
                    },
                    message: label.clone(),
                })
                .collect();
            let diagnostic = Diagnostic {
                range: range(d.offset, d.offset + d.length),
                severity: Some(severity(d.severity)),
                code: Some(NumberOrString::String(d.rule.clone())),
                code_description: None,
                source: Some(SOURCE.to_string()),
                message,
                related_information: (!related.is_empty()).then_some(related),
                tags: None,
                data: None,
            };
            let fix = d.fix.as_ref().map(|f| Fix {
                start: f.offset,
                end: f.offset + f.length,
                edit: TextEdit {
                    range: range(f.offset, f.offset + f.length),
                    new_text: f.replacement.clone(),
                },
                safe: f.applicability == crate::rules::Applicability::Safe,
            });
            Placed { diagnostic, fix }
        })
        .collect()
}

/// The 0-based LSP position of byte `offset` of `text`.
fn position(index: &LineIndex, text: &str, offset: usize) -> Position {
    let p = index.position_utf16(text, offset);
    let number = |n: usize| u32::try_from(n.saturating_sub(1)).unwrap_or(u32::MAX);
    Position::new(number(p.line), number(p.column))
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The code actions for `range` of a document: a quick fix for each fixable diagnostic that
/// touches the range, then one action that applies every fix, filtered by the kinds the client
/// asked `only` for.
pub fn actions(
    uri: &Uri,
    placed: &[Placed],
    range: Range,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeActionOrCommand> {
    let wanted = |kind: &CodeActionKind| {
        only.is_none_or(|kinds| {
            kinds.iter().any(|k| {
                let (k, kind) = (k.as_str(), kind.as_str());
                kind == k || kind.strip_prefix(k).is_some_and(|r| r.starts_with('.'))
            })
        })
    };
    let mut out = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX) {
        for p in placed.iter().filter(|p| touches(p.diagnostic.range, range)) {
            let Some(fix) = &p.fix else { continue };
            let title = title(&p.diagnostic);
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: if fix.safe {
                    title
                } else {
                    format!("{title} (unsafe fix: check it)")
                },
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![p.diagnostic.clone()]),
                edit: Some(edit(uri, vec![fix.edit.clone()])),
                is_preferred: Some(fix.safe),
                ..CodeAction::default()
            }));
        }
    }
    let kind = fix_all_kind();
    if wanted(&kind) {
        let edits = fix_all(placed);
        if !edits.is_empty() {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Fix all jobfam problems".to_string(),
                kind: Some(kind),
                edit: Some(edit(uri, edits)),
                ..CodeAction::default()
            }));
        }
    }
    out
}

/// Every safe fix, in document order, leaving out any that overlaps one before it: the edits of
/// one workspace edit must not overlap. Running the action again applies what was left out.
/// Unsafe fixes are left out, as `jobfam check --fix` leaves them.
pub fn fix_all(placed: &[Placed]) -> Vec<TextEdit> {
    let mut fixes: Vec<&Fix> = placed
        .iter()
        .filter_map(|p| p.fix.as_ref())
        .filter(|f| f.safe)
        .collect();
    fixes.sort_by_key(|f| (f.start, f.end));
    let mut edits = Vec::new();
    let mut end = None;
    for f in fixes {
        if end.is_some_and(|e| f.start < e) {
            continue;
        }
        end = Some(f.end);
        edits.push(f.edit.clone());
    }
    edits
}

/// The action's title: the diagnostic's help when it has one (`write \`GitLab\``), capitalised.
fn title(d: &Diagnostic) -> String {
    let rule = match &d.code {
        Some(NumberOrString::String(s)) => s.as_str(),
        _ => SOURCE,
    };
    let help = d.message.split_once("\nhelp: ").map(|(_, h)| h);
    match help {
        Some(help) => {
            let mut chars = help.chars();
            let first: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            format!("{first}{} ({rule})", chars.as_str())
        }
        None => format!("Fix {rule}"),
    }
}

fn edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// Whether two ranges share a position (touching ends count, so a cursor at a word's end
/// still gets its fix).
fn touches(a: Range, b: Range) -> bool {
    let key = |p: Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;

    fn placed(text: &str) -> (Uri, Vec<Placed>) {
        let ctx = Settings {
            select: vec!["spelling".into()],
            ..Settings::default()
        }
        .context()
        .unwrap();
        let uri: Uri = "file:///tmp/page.md".parse().unwrap();
        let report = crate::check_text("/tmp/page.md", text, &ctx);
        let placed = place(&report, text, &uri);
        (uri, placed)
    }

    #[test]
    fn ranges_count_utf16_after_non_ascii() {
        // `😀` is two UTF-16 units, `é` one: `Gitlab` starts at unit 8 of line 1.
        let (_, p) = placed("# T\n\nCafé 😀 Gitlab\n");
        let d = &p[0].diagnostic;
        assert_eq!(
            d.code,
            Some(NumberOrString::String("spelling/term-case".into()))
        );
        assert_eq!(d.range.start, Position::new(2, 8));
        assert_eq!(d.range.end, Position::new(2, 14));
        assert_eq!(p[0].fix.as_ref().unwrap().edit.new_text, "GitLab");
    }

    #[test]
    fn a_bom_shifts_nothing_in_the_editor_text() {
        let (_, p) = placed("\u{feff}# T\n\nGitlab\n");
        let d = &p[0].diagnostic;
        assert_eq!(d.range.start, Position::new(2, 0));
        assert_eq!(p[0].fix.as_ref().unwrap().edit.range, d.range);
    }

    #[test]
    fn actions_filter_by_range_and_kind() {
        let (uri, p) = placed("# T\n\nGitlab and Github\n");
        let line = |a, b| Range::new(Position::new(2, a), Position::new(2, b));
        let all = actions(&uri, &p, line(0, 0), None);
        // One quick fix at the cursor, and the fix-all.
        assert_eq!(all.len(), 2, "{all:?}");
        let only = [CodeActionKind::SOURCE_FIX_ALL];
        let fix_all = actions(&uri, &p, line(0, 0), Some(&only));
        assert_eq!(fix_all.len(), 1);
        let CodeActionOrCommand::CodeAction(a) = &fix_all[0] else {
            panic!("an action")
        };
        assert_eq!(
            a.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri].len(),
            2
        );
        let only = [CodeActionKind::REFACTOR];
        assert!(actions(&uri, &p, line(0, 0), Some(&only)).is_empty());
    }

    #[test]
    fn unsafe_fixes_are_quick_fixes_but_not_in_fix_all() {
        // `many many` may be meant: its fix is unsafe; `the the` is certain.
        let (uri, p) = placed("# T\n\nMany many times the the end\n");
        let all = actions(
            &uri,
            &p,
            Range::new(Position::new(2, 0), Position::new(2, 30)),
            None,
        );
        let titles: Vec<(&str, Option<bool>, usize)> = all
            .iter()
            .map(|a| {
                let CodeActionOrCommand::CodeAction(a) = a else {
                    panic!("an action")
                };
                let edits = a.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri].len();
                (a.title.as_str(), a.is_preferred, edits)
            })
            .collect();
        assert_eq!(
            titles,
            [
                (
                    "Remove the second `many` (spelling/repeated-word) (unsafe fix: check it)",
                    Some(false),
                    1
                ),
                (
                    "Remove the second `the` (spelling/repeated-word)",
                    Some(true),
                    1
                ),
                ("Fix all jobfam problems", None, 1),
            ]
        );
    }
}

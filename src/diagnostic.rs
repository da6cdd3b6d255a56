//! Findings and file errors, placed: line, column and file offset, ready for any reporter.
//!
//! Reporters take [`FileReport`]s and never look back at the page; everything they show is
//! on the [`Diagnostic`] or the report's text.

use crate::document::Span;
use crate::line_index::LineIndex;
use crate::rules::{Applicability, Finding, Severity};
use crate::source::Source;
use serde::Serialize;
use std::sync::Arc;

/// Ids for problems that are not findings of a rule: the page or path could not be checked.
pub mod error_ids {
    /// A path that names nothing, or a directory with no pages.
    pub const PATH: &str = "path-error";
    /// A page that cannot be read or decoded.
    pub const READ: &str = "read-error";
    /// A page whose front matter does not parse.
    pub const PARSE: &str = "parse-error";
    /// A page `--fix` could not write.
    pub const WRITE: &str = "write-error";
    /// A config file that cannot be used.
    pub const CONFIG: &str = "config-error";
    /// A `--baseline` entry that no longer matches a finding (an info).
    pub const BASELINE_STALE: &str = "baseline-stale";
}

/// One reported problem, placed in its file.
#[derive(Clone, Debug, Serialize)]
pub struct Diagnostic {
    /// The page's path, as given or discovered.
    pub path: String,
    /// The rule id, or one of [`error_ids`].
    pub rule: String,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column of the start, in Unicode scalar values.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column of the end (exclusive).
    pub end_column: usize,
    /// Byte offset of the start in the file (a BOM counts).
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// What to do about it.
    pub help: Option<String>,
    /// A fix, safe or unsafe.
    pub fix: Option<FixEdit>,
    /// The span in the page text (BOM excluded), for renderers.
    #[serde(skip)]
    pub span: Span,
    /// Further labelled spans in the page text.
    #[serde(skip)]
    pub labels: Vec<(Span, String)>,
    /// True for problems that stopped a file or path from being checked (exit code 2).
    #[serde(skip)]
    pub fatal: bool,
}

/// A fix in file offsets.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FixEdit {
    /// Byte offset in the file.
    pub offset: usize,
    /// Bytes replaced.
    pub length: usize,
    /// Replacement text.
    pub replacement: String,
    /// Whether `--fix` applies it (`safe`) or only `--fix --unsafe-fixes` (`unsafe`).
    pub applicability: Applicability,
}

/// Everything reported about one path.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The path, as given or discovered.
    pub path: String,
    /// The page text, when it could be read.
    pub text: Option<Arc<str>>,
    /// Sorted by offset, then rule id.
    pub diagnostics: Vec<Diagnostic>,
}

/// Places findings in their source.
pub struct Placer<'s> {
    source: &'s Source,
    index: std::sync::Arc<LineIndex>,
    path: String,
}

impl<'s> Placer<'s> {
    /// A placer for one page.
    pub fn new(source: &'s Source) -> Placer<'s> {
        Placer {
            source,
            index: std::sync::Arc::clone(&source.lines),
            path: display_path(&source.path),
        }
    }

    /// A placed diagnostic for a finding, at `severity`.
    pub fn finding(&self, f: Finding, severity: Severity) -> Diagnostic {
        let mut d = self.at(f.rule.id, severity, f.span, f.message);
        d.help = f.help;
        d.labels = f.labels;
        // A fix that would change nothing is no fix: offered, it would never clear.
        let text = &self.source.text;
        d.fix = f
            .fix
            .filter(|fix| text.get(fix.span.start..fix.span.end) != Some(fix.replacement.as_str()))
            .map(|fix| FixEdit {
                offset: self.source.file_offset(fix.span.start),
                length: fix.span.len(),
                replacement: fix.replacement,
                applicability: fix.applicability,
            });
        d
    }

    /// A placed error that stopped the page from being checked.
    pub fn fatal(&self, id: &str, span: Span, message: String) -> Diagnostic {
        let mut d = self.at(id, Severity::Error, span, message);
        d.fatal = true;
        d
    }

    fn at(&self, rule: &str, severity: Severity, span: Span, message: String) -> Diagnostic {
        let text = &self.source.text;
        let start = self.index.position(text, span.start);
        let end = self.index.position(text, span.end);
        Diagnostic {
            path: self.path.clone(),
            rule: rule.to_string(),
            severity,
            message,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            offset: self.source.file_offset(span.start),
            length: span.len(),
            help: None,
            fix: None,
            span,
            labels: Vec::new(),
            fatal: false,
        }
    }
}

/// A file-level error for a path with no readable text, at line 1, column 1.
pub fn path_error(path: &str, rule: &str, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        rule: rule.to_string(),
        severity: Severity::Error,
        message,
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 1,
        offset: 0,
        length: 0,
        help: None,
        fix: None,
        span: Span::default(),
        labels: Vec::new(),
        fatal: true,
    }
}

pub use crate::paths::display_path;

/// A schema that cannot be used, as a diagnostic in the schema file, for any reporter: a run
/// with a schema it cannot use checks nothing, and a CI report should say why it is empty.
pub fn schema_error_report(e: &crate::schema::SchemaError) -> FileReport {
    let path = display_path(e.path());
    let mut d = path_error(&path, error_ids::CONFIG, e.message());
    d.help = Some(
        "fix the schema, or leave out --schema (or `schema` in jobfam.toml) to use the built-in one"
            .into(),
    );
    FileReport {
        path,
        text: None,
        diagnostics: vec![d],
    }
}

/// Counts of diagnostics by severity.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Errors, file errors included.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Infos.
    pub info: usize,
}

impl Summary {
    /// Counts every diagnostic in `reports`.
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary::default();
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            match d.severity {
                Severity::Error => s.error += 1,
                Severity::Warning => s.warning += 1,
                Severity::Info => s.info += 1,
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Fix;

    /// Defect 4: a fix whose replacement is the text it replaces would never clear.
    #[test]
    fn a_fix_that_changes_nothing_is_dropped() {
        let source = Source::from_text("p.md".into(), "see #gitlab\t now".into(), false);
        let placer = Placer::new(&source);
        let rule = &crate::rules::links::broken_fragment::BROKEN_FRAGMENT;
        let with = |replacement: &str| {
            let mut f = Finding::new(rule, Span::new(4, 12), "m");
            f.fix = Some(Fix::safe(Span::new(4, 12), replacement));
            placer.finding(f, Severity::Error).fix
        };
        assert_eq!(with("#gitlab\t"), None);
        assert_eq!(
            with("#gitlab"),
            Some(FixEdit {
                offset: 4,
                length: 8,
                replacement: "#gitlab".into(),
                applicability: Applicability::Safe
            })
        );
    }
}

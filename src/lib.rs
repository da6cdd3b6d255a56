//! jobfam: a fast linter and validator for job-family Markdown pages.
//!
//! The data flows one way: [`discover`] → [`source`] → [`document`] → [`rules`] →
//! [`diagnostic`] → [`report`]. This module holds the entry points the binary (and the
//! language server, and tests) call: [`check_paths`], [`check_text`] and [`model`].
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr, clippy::exit)]

pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod document;
pub mod report;
pub mod rules;
pub mod schema;
pub mod source;

use diagnostic::{FileReport, Placer, error_ids};
use document::Page;
use rayon::prelude::*;
use rules::Context;
use source::Source;

/// The result of checking some paths.
#[derive(Debug)]
pub struct Outcome {
    /// One report per page or failed argument, sorted by path.
    pub reports: Vec<FileReport>,
    /// Pages that were read and checked.
    pub files_checked: usize,
}

impl Outcome {
    /// 2 when a path or page could not be checked, 1 when an error-severity finding remains,
    /// else 0.
    pub fn exit_code(&self) -> u8 {
        let all = || self.reports.iter().flat_map(|r| &r.diagnostics);
        if all().any(|d| d.fatal) {
            2
        } else if all().any(|d| d.severity == rules::Severity::Error) {
            1
        } else {
            0
        }
    }
}

/// Discovers and checks every page under `paths`, in parallel.
pub fn check_paths(paths: &[String], include: &[String], ctx: &Context) -> Outcome {
    let mut reports = Vec::new();
    let (pages, errors) = match discover::Includes::new(include) {
        Ok(includes) => discover::discover(paths, &includes),
        Err(e) => (Vec::new(), vec![e]),
    };
    for e in errors {
        let path = e.path().to_string();
        reports.push(FileReport {
            diagnostics: vec![diagnostic::path_error(
                &path,
                error_ids::PATH,
                e.to_string(),
            )],
            path,
            text: None,
        });
    }
    let checked: Vec<(FileReport, bool)> = pages
        .par_iter()
        .map(|path| match Source::read(path) {
            Ok(source) => (check_source(&source, ctx), true),
            Err(e) => {
                let path = diagnostic::display_path(path);
                let d = diagnostic::path_error(&path, error_ids::READ, e.to_string());
                (
                    FileReport {
                        path,
                        text: None,
                        diagnostics: vec![d],
                    },
                    false,
                )
            }
        })
        .collect();
    let files_checked = checked.iter().filter(|(_, read)| *read).count();
    reports.extend(checked.into_iter().map(|(r, _)| r));
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    Outcome {
        reports,
        files_checked,
    }
}

/// Checks one page held in memory (stdin, an editor buffer, a test).
pub fn check_text(path: &str, text: &str, ctx: &Context) -> FileReport {
    let source = Source::from_text(path.into(), text.to_string(), false);
    check_source(&source, ctx)
}

/// Parses, checks and places the findings of one page.
pub fn check_source(source: &Source, ctx: &Context) -> FileReport {
    let placer = Placer::new(source);
    let diagnostics = match document::parse(source) {
        Ok(page) => {
            let mut findings = ctx.check(&page);
            findings.sort_by(|a, b| {
                (a.span.start, a.rule.id, &a.message).cmp(&(b.span.start, b.rule.id, &b.message))
            });
            findings
                .into_iter()
                .filter_map(|f| {
                    let severity = ctx.severity(f.rule)?;
                    Some(placer.finding(f, severity))
                })
                .collect()
        }
        Err(e) => vec![placer.fatal(error_ids::PARSE, e.span(), e.to_string())],
    };
    FileReport {
        path: diagnostic::display_path(&source.path),
        text: Some(source.text.clone()),
        diagnostics,
    }
}

/// The document model of one page, or the diagnostic that says why there is none.
pub fn model(source: &Source) -> Result<Page, FileReport> {
    document::parse(source).map_err(|e| {
        let placer = Placer::new(source);
        FileReport {
            path: diagnostic::display_path(&source.path),
            text: Some(source.text.clone()),
            diagnostics: vec![placer.fatal(error_ids::PARSE, e.span(), e.to_string())],
        }
    })
}

/// The text `jobfam explain` prints for a rule id or group, or `None` when it names none.
pub fn explain(selector: &str) -> Option<String> {
    let rules: Vec<_> = rules::RULES
        .iter()
        .filter(|r| r.id == selector || r.group() == selector)
        .collect();
    if rules.is_empty() {
        return None;
    }
    let parts: Vec<String> = rules
        .iter()
        .map(|r| {
            let doc: String = r
                .doc
                .lines()
                .map(|l| l.strip_prefix(' ').unwrap_or(l))
                .collect::<Vec<_>>()
                .join("\n");
            format!(
                "# {id}\n\ngroup: {group}\ndefault severity: {sev}\nfix: {fix}\n\n{doc}",
                id = r.id,
                group = r.group(),
                sev = r.severity.as_str(),
                fix = match r.fix {
                    rules::FixAvailability::Always => "always",
                    rules::FixAvailability::Sometimes => "sometimes",
                    rules::FixAvailability::Never => "never",
                },
                doc = doc.trim_end(),
            )
        })
        .collect();
    Some(parts.join("\n\n") + "\n")
}

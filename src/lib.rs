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
pub mod fix;
pub mod lsp;
pub mod report;
pub mod rules;
pub mod schema;
pub mod similar;
pub mod site;
pub mod source;
pub mod spelling;
pub mod suppress;

use diagnostic::{FileReport, Placer, error_ids};
use document::Page;
use rayon::prelude::*;
use rules::Context;
use rules::grades::conflict::Stated;
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
    if ctx.spells() {
        spelling::prewarm();
    }
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
    let cross_page = ctx.severity(&rules::grades::conflict::CONFLICT).is_some();
    let checked: Vec<Checked> = pages
        .par_iter()
        .map(|path| match Source::read(path) {
            Ok(source) => {
                let (report, stated) = check_page(&source, ctx);
                let page = cross_page.then(|| (source, stated.unwrap_or_default()));
                Checked { report, page }
            }
            Err(e) => {
                let path = diagnostic::display_path(path);
                let d = diagnostic::path_error(&path, error_ids::READ, e.to_string());
                let report = FileReport {
                    path,
                    text: None,
                    diagnostics: vec![d],
                };
                Checked { report, page: None }
            }
        })
        .collect();
    let files_checked = checked.iter().filter(|c| c.report.text.is_some()).count();
    let mut checked_reports = compare_pages(checked, ctx);
    reports.append(&mut checked_reports);
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    Outcome {
        reports,
        files_checked,
    }
}

/// One page's report, with what cross-page rules need of it.
struct Checked {
    report: FileReport,
    page: Option<(Source, Vec<Stated>)>,
}

/// Runs the cross-page rules over every page checked in this run and adds their findings.
fn compare_pages(checked: Vec<Checked>, ctx: &Context) -> Vec<FileReport> {
    let (mut reports, pages): (Vec<FileReport>, Vec<_>) =
        checked.into_iter().map(|c| (c.report, c.page)).unzip();
    let pages: Vec<(usize, Source, Vec<Stated>)> = pages
        .into_iter()
        .enumerate()
        .filter_map(|(i, page)| page.map(|(source, stated)| (i, source, stated)))
        .collect();
    if pages.is_empty() {
        return reports;
    }
    let summaries: Vec<(&std::path::Path, Vec<Stated>)> = pages
        .iter()
        .map(|(_, s, st)| (s.path.as_path(), st.clone()))
        .collect();
    for (page, finding) in rules::grades::conflict::across(&summaries) {
        let (report_index, source, _) = &pages[page];
        if let Some(severity) = ctx.severity(finding.rule) {
            let report = &mut reports[*report_index];
            report
                .diagnostics
                .push(Placer::new(source).finding(finding, severity));
            report.diagnostics.sort_by(|a, b| {
                (a.offset, &a.rule, &a.message).cmp(&(b.offset, &b.rule, &b.message))
            });
        }
    }
    reports
}

/// Checks one page held in memory (stdin, an editor buffer, a test).
pub fn check_text(path: &str, text: &str, ctx: &Context) -> FileReport {
    let source = Source::from_text(path.into(), text.to_string(), false);
    check_source(&source, ctx)
}

/// Parses, checks and places the findings of one page.
pub fn check_source(source: &Source, ctx: &Context) -> FileReport {
    check_page(source, ctx).0
}

/// [`check_source`], also returning what cross-page rules need of the page.
fn check_page(source: &Source, ctx: &Context) -> (FileReport, Option<Vec<Stated>>) {
    let placer = Placer::new(source);
    let (diagnostics, stated) = match document::parse_with(source, ctx.site.slug()) {
        Ok(mut page) => {
            ctx.site.resolve(&mut page, &source.path);
            let words_error = if ctx.spells() {
                ctx.spelling.judge(&mut page, &source.path).err()
            } else {
                None
            };
            let mut findings = suppress::apply(&page, ctx.check(&page), ctx);
            findings.sort_by(|a, b| {
                (a.span.start, a.rule.id, &a.message).cmp(&(b.span.start, b.rule.id, &b.message))
            });
            let mut diagnostics: Vec<_> = words_error
                .map(|e| placer.fatal(error_ids::READ, document::Span::default(), e.to_string()))
                .into_iter()
                .collect();
            diagnostics.extend(findings.into_iter().filter_map(|f| {
                let severity = ctx.severity(f.rule)?;
                Some(placer.finding(f, severity))
            }));
            (diagnostics, Some(rules::grades::conflict::stated(&page)))
        }
        Err(e) => (
            vec![placer.fatal(error_ids::PARSE, e.span(), e.to_string())],
            None,
        ),
    };
    let report = FileReport {
        path: diagnostic::display_path(&source.path),
        text: Some(source.text.clone()),
        diagnostics,
    };
    (report, stated)
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

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
pub mod globs;
pub mod ladder;
pub mod line_index;
pub mod lsp;
pub mod partials;
pub mod paths;
pub mod report;
pub mod rules;
pub mod schema;
pub mod similar;
pub mod site;
pub mod source;
pub mod spelling;
pub mod suppress;
pub mod write;

pub use config::resolve::Contexts;
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

/// Discovers and checks every page under `paths`, in parallel, each with the settings
/// `contexts` gives its folder.
pub fn check_paths(paths: &[String], files: &discover::Files, contexts: &Contexts) -> Outcome {
    if contexts.spells() {
        spelling::prewarm();
    }
    let mut reports = Vec::new();
    let (pages, errors) = discover::discover(paths, files);
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
    let steps: Vec<Step> = pages
        .par_iter()
        .map(|path| {
            let workspace = match contexts.for_page(path) {
                Ok(workspace) => workspace,
                Err(failure) => return Step::Config(failure),
            };
            // Excluded by the config nearest the page, which the walk did not read.
            if workspace.exclude.matches(path) {
                return Step::Excluded;
            }
            match Source::read(path) {
                Ok(source) => Step::Checked(Box::new(check_alone(source, &workspace.ctx))),
                Err(e) => {
                    let path = diagnostic::display_path(path);
                    let d = diagnostic::path_error(&path, error_ids::READ, e.to_string());
                    Step::Report(FileReport {
                        path,
                        text: None,
                        diagnostics: vec![d],
                    })
                }
            }
        })
        .collect();
    let mut checked: Vec<Result<Checked, FileReport>> = Vec::with_capacity(steps.len());
    let mut failed_configs: Vec<config::resolve::Failure> = Vec::new();
    for step in steps {
        match step {
            Step::Checked(c) => checked.push(Ok(*c)),
            Step::Report(r) => checked.push(Err(r)),
            Step::Config(f) => {
                if !failed_configs.iter().any(|g| std::sync::Arc::ptr_eq(g, &f)) {
                    failed_configs.push(f);
                }
            }
            Step::Excluded => {}
        }
    }
    // A config that cannot be used is reported once, and the pages it applies to are not
    // checked: the run fails (exit 2), the other pages are still checked.
    reports.extend(failed_configs.iter().map(|f| f.as_ref().clone()));
    run_stage(&mut checked, contexts.root());
    let files_checked = checked.iter().filter(|c| c.is_ok()).count();
    let mut checked_reports: Vec<FileReport> = checked
        .into_par_iter()
        .map(|c| c.map_or_else(|report| report, Checked::finish))
        .collect();
    reports.append(&mut checked_reports);
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    Outcome {
        reports,
        files_checked,
    }
}

/// What became of one discovered page.
enum Step {
    /// Checked by its own rules (boxed: the other steps are small).
    Checked(Box<Checked>),
    /// Could not be read.
    Report(FileReport),
    /// The config that applies to it cannot be used.
    Config(config::resolve::Failure),
    /// Its config excludes it.
    Excluded,
}

/// One page after its own rules ran, before cross-page rules and suppressions.
struct Checked {
    source: Source,
    enabled: rules::enabled::Enabled,
    outcome: Result<Alone, document::ParseError>,
}

/// What a page's own rules made of it.
struct Alone {
    input: rules::Input,
    findings: Vec<rules::Finding>,
    words_error: Option<spelling::check::WordsError>,
}

/// Parses `source`, learns where its links lead and what its words are, and runs the rules
/// enabled for its path: the one place a rule's [`rules::Input`] is built.
fn check_alone(source: Source, ctx: &Context) -> Checked {
    let mut enabled = ctx.rules.at(&source.path);
    let outcome = document::parse_with(&source, ctx.site.slug()).map(|mut page| {
        ctx.partials.expand(&mut page, &source.path);
        if let Some(globs) = &ctx.job_pages {
            document::kind::configure(&mut page, &source.path, globs);
        }
        enabled = rules::enabled::Enabled::on(std::mem::take(&mut enabled), &page.kind);
        let targets = ctx.site.resolve(&page, &source.path);
        let (verdicts, words_error) = if enabled.spells() {
            match ctx.spelling.judge(&page, &source.path) {
                Ok(verdicts) => (verdicts, None),
                Err(e) => (Vec::new(), Some(e)),
            }
        } else {
            (Vec::new(), None)
        };
        let input = rules::Input {
            page,
            targets,
            verdicts,
        };
        let findings = ctx.check(&input, &enabled);
        let mut input = input;
        input.keep_for_run();
        Alone {
            input,
            findings,
            words_error,
        }
    });
    Checked {
        source,
        enabled: enabled.into_owned(),
        outcome,
    }
}

impl Checked {
    /// Applies the page's suppressions and places what is left.
    fn finish(self) -> FileReport {
        let placer = Placer::new(&self.source);
        let diagnostics = match self.outcome {
            Ok(alone) => {
                let mut findings =
                    suppress::apply(&alone.input.page, alone.findings, &self.enabled);
                findings.sort_by(|a, b| {
                    (a.span.start, a.rule.id, &a.message).cmp(&(
                        b.span.start,
                        b.rule.id,
                        &b.message,
                    ))
                });
                let mut diagnostics: Vec<_> = alone
                    .words_error
                    .map(|e| {
                        placer.fatal(error_ids::READ, document::Span::default(), e.to_string())
                    })
                    .into_iter()
                    .collect();
                diagnostics.extend(findings.into_iter().filter_map(|f| {
                    let severity = self.enabled.severity(f.rule)?;
                    Some(placer.finding(f, severity))
                }));
                diagnostics
            }
            Err(e) => vec![placer.fatal(error_ids::PARSE, e.span(), e.to_string())],
        };
        FileReport {
            path: diagnostic::display_path(&self.source.path),
            text: Some(self.source.text.clone()),
            diagnostics,
        }
    }
}

/// The run-level stage: after every page's own rules, the run-level rules see every page
/// checked in this run (each rule the pages that enable it), and their findings join those
/// pages' findings.
fn run_stage(checked: &mut [Result<Checked, FileReport>], ctx: &Context) {
    let found = {
        let (indices, pages): (Vec<usize>, Vec<_>) = checked
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let c = c.as_ref().ok()?;
                let alone = c.outcome.as_ref().ok()?;
                let page = rules::RunPage {
                    path: c.source.path.as_path(),
                    input: &alone.input,
                };
                Some((i, (page, &c.enabled)))
            })
            .unzip();
        ctx.check_run(&pages)
            .into_iter()
            .map(|(i, f)| (indices[i], f))
            .collect::<Vec<_>>()
    };
    for (i, finding) in found {
        if let Ok(Checked {
            outcome: Ok(alone), ..
        }) = &mut checked[i]
        {
            alone.findings.push(finding);
        }
    }
}

/// Checks one page held in memory (an editor buffer, a test). A leading byte-order mark is
/// peeled off as a file's would be, so front matter is still found and offsets count the mark
/// as they do on disk.
pub fn check_text(path: impl AsRef<std::path::Path>, text: &str, ctx: &Context) -> FileReport {
    let source = Source::from_file_text(path.as_ref().to_path_buf(), text.to_string());
    check_source(&source, ctx)
}

/// Parses, checks and places the findings of one page, with its suppressions applied.
pub fn check_source(source: &Source, ctx: &Context) -> FileReport {
    let mut checked = [Ok(check_alone(source.clone(), ctx))];
    run_stage(&mut checked, ctx);
    let [checked] = checked;
    checked.map_or_else(|report| report, Checked::finish)
}

/// The document model of one page, or the diagnostic that says why there is none.
pub fn model(source: &Source) -> Result<Page, FileReport> {
    model_with(source, None, &partials::Partials::default())
}

/// The document model of one page, its kind decided by a config's `job_pages` when it has
/// them and its partials' sections taken in (as `check` does).
pub fn model_with(
    source: &Source,
    job_pages: Option<&globs::Globs>,
    partials: &partials::Partials,
) -> Result<Page, FileReport> {
    let parsed = document::parse(source).map(|mut page| {
        partials.expand(&mut page, &source.path);
        if let Some(globs) = job_pages {
            document::kind::configure(&mut page, &source.path, globs);
        }
        page
    });
    parsed.map_err(|e| {
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
    let rules = rules::matching(selector);
    if rules.is_empty() {
        return None;
    }
    let parts: Vec<String> = rules
        .iter()
        .map(|r| {
            let doc = r.doc_markdown();
            format!(
                "# {id}\n\ngroup: {group}\ndefault severity: {sev}\nfix: {fix}\n\n{doc}",
                id = r.id,
                group = r.group(),
                sev = r.default_word(),
                fix = match (r.fix, r.fix_safety) {
                    (rules::FixAvailability::Never, _) | (_, None) => "never",
                    (rules::FixAvailability::Always, Some(rules::FixSafety::Safe)) =>
                        "always (safe)",
                    (rules::FixAvailability::Always, Some(rules::FixSafety::Unsafe)) =>
                        "always (unsafe)",
                    (rules::FixAvailability::Always, Some(rules::FixSafety::Mixed)) =>
                        "always (safe or unsafe)",
                    (rules::FixAvailability::Sometimes, Some(rules::FixSafety::Safe)) =>
                        "sometimes (safe)",
                    (rules::FixAvailability::Sometimes, Some(rules::FixSafety::Unsafe)) =>
                        "sometimes (unsafe)",
                    (rules::FixAvailability::Sometimes, Some(rules::FixSafety::Mixed)) =>
                        "sometimes (safe or unsafe)",
                },
                doc = doc.trim_end(),
            )
        })
        .collect();
    Some(parts.join("\n\n") + "\n")
}

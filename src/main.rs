//! The `jobfam` binary: parse arguments, call the library, turn the outcome into an exit code.

mod cli;

use clap::Parser;
use cli::{Cli, ColorChoice, Command, DocFormat, OutputFormat};
use jobfam::config::{CommandLine, ConfigError, Settings};
use jobfam::fix::{self, FixRun, Mode};
use jobfam::report::{self, Format, Run, Style};
use jobfam::source::Source;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // Output piped into `head` is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> io::Result<u8> {
    let mut out = io::stdout().lock();
    match cli.command {
        Command::Check(args) => {
            let args = *args;
            let (settings, cli) = match settings(&args) {
                Ok(found) => found,
                Err(Unusable::Usage(message)) => return usage_error(&message),
                Err(Unusable::Config(e)) => return config_error(&mut out, &args, &e),
            };
            jobfam::source::set_max_file_size(settings.max_file_size());
            if settings.spells() {
                // The dictionary loads on another thread while the schema compiles and pages
                // are read and parsed.
                jobfam::spelling::prewarm();
            }
            let ctx = match settings.context() {
                Ok(ctx) => ctx,
                Err(ConfigError::Schema(e)) => return schema_error(&mut out, &args, &e),
                Err(e) => return usage_error(&e.to_string()),
            };
            // Each page uses the config nearest above it, as in the editor; `--config` and
            // `--no-config` give every page the same settings.
            let contexts = if args.config.is_some() || args.no_config || args.stdin {
                jobfam::Contexts::one(ctx)
            } else {
                jobfam::Contexts::nearest(&settings, ctx, cli)
            };
            let allowed = if args.unsafe_fixes {
                jobfam::rules::Applicability::Unsafe
            } else {
                jobfam::rules::Applicability::Safe
            };
            let mut outcome = if args.diff {
                let fixed = fix::run(
                    &settings.paths,
                    &settings.files,
                    &contexts,
                    Mode::Diff,
                    allowed,
                );
                return write_diff(&mut out, &fixed);
            } else if args.fix {
                let fixed = fix::run(
                    &settings.paths,
                    &settings.files,
                    &contexts,
                    Mode::Write,
                    allowed,
                );
                if let Some(summary) = fixed.summary() {
                    writeln!(io::stderr(), "{summary}")?;
                }
                fixed.outcome
            } else if args.stdin {
                check_stdin(args.stdin_filename.as_deref(), &settings, contexts.root())
            } else {
                jobfam::check_paths(&settings.paths, &settings.files, &contexts)
            };
            if let Some(path) = &args.write_baseline {
                return match report::baseline::write(path, &outcome.reports) {
                    Ok(n) => {
                        let shown = path.display();
                        let plural = if n == 1 { "" } else { "s" };
                        writeln!(
                            io::stderr(),
                            "Wrote {n} finding{plural} to {shown}; check with --baseline {shown}"
                        )?;
                        Ok(if outcome.exit_code() == 2 { 2 } else { 0 })
                    }
                    Err(e) => usage_error(&e.to_string()),
                };
            }
            if let Some(path) = &args.baseline {
                match report::baseline::read(path) {
                    Ok(entries) => {
                        let shown = jobfam::diagnostic::display_path(path);
                        report::baseline::apply(&mut outcome.reports, &entries, &shown);
                    }
                    Err(e) => return usage_error(&e.to_string()),
                }
            }
            emit(&mut out, &args, &outcome)
        }
        Command::Init { force } => {
            let path = std::path::Path::new(jobfam::config::file::NAMES[0]);
            match jobfam::config::init::write(path, force) {
                Ok(()) => {
                    writeln!(
                        io::stderr(),
                        "Wrote {}: every setting is commented out, so it changes nothing until you edit it.",
                        path.display()
                    )?;
                    Ok(0)
                }
                Err(e) => usage_error(&e.to_string()),
            }
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "jobfam", &mut out);
            Ok(0)
        }
        Command::Man { command } => {
            let top = <Cli as clap::CommandFactory>::command();
            let (page, title) = match command {
                None => (top, "jobfam".to_string()),
                Some(name) => {
                    let Some(sub) = top.find_subcommand(&name).cloned() else {
                        let names: Vec<_> = top
                            .get_subcommands()
                            .map(|c| c.get_name().to_string())
                            .collect();
                        return usage_error(&format!(
                            "`{name}` is not a jobfam command; one of: {}",
                            names.join(", ")
                        ));
                    };
                    let title = format!("jobfam-{}", sub.get_name());
                    (
                        sub.version(env!("CARGO_PKG_VERSION"))
                            .display_name(title.clone())
                            .bin_name(format!("jobfam {name}")),
                        title,
                    )
                }
            };
            clap_mangen::Man::new(page).title(title).render(&mut out)?;
            Ok(0)
        }
        Command::Lsp => {
            // The server locks standard output itself, for as long as it runs.
            drop(out);
            match jobfam::lsp::run() {
                Ok(()) => Ok(0),
                Err(e) => {
                    writeln!(io::stderr(), "error: {e}")?;
                    Ok(1)
                }
            }
        }
        Command::Model { file } => {
            let source = match Source::read(&file) {
                Ok(s) => s,
                Err(e) => return usage_error(&format!("{}: {e}", file.display())),
            };
            // The config nearest the page decides its kind, as it does for `check`.
            let folder = jobfam::paths::absolute(&file)
                .parent()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default();
            let settings = match jobfam::config::nearest(&folder) {
                Ok(settings) => settings,
                Err(e) => {
                    problems_to_stderr(&[e.report()], 0)?;
                    return Ok(2);
                }
            };
            let partials = jobfam::partials::Partials::new(settings.partials.clone());
            match jobfam::model_with(&source, settings.job_pages.as_ref(), &partials) {
                Ok(page) => {
                    serde_json::to_writer_pretty(&mut out, &page)?;
                    writeln!(out)?;
                    Ok(0)
                }
                Err(report) => {
                    problems_to_stderr(&[report], 0)?;
                    Ok(2)
                }
            }
        }
        Command::Ladder {
            paths,
            format,
            output,
        } => {
            // The grade rules, the outliers among them, with the config found from here.
            let base = match jobfam::config::nearest(std::path::Path::new(".")) {
                Ok(settings) => settings,
                Err(e) => {
                    problems_to_stderr(&[e.report()], 0)?;
                    return Ok(2);
                }
            };
            let cli = CommandLine {
                paths,
                select: vec!["grades".into(), "grades/outlier".into()],
                ..CommandLine::default()
            };
            let settings = match base.apply(cli.clone()) {
                Ok(settings) => settings,
                Err(e) => return usage_error(&e.to_string()),
            };
            let ctx = match settings.context() {
                Ok(ctx) => ctx,
                Err(e) => return usage_error(&e.to_string()),
            };
            let contexts = jobfam::Contexts::nearest(&settings, ctx, cli);
            let (families, failed) =
                jobfam::ladder::build(&settings.paths, &settings.files, &contexts);
            let map = match format {
                cli::LadderFormat::Text => jobfam::ladder::text(&families),
                cli::LadderFormat::Csv => jobfam::ladder::csv(&families),
                cli::LadderFormat::Json => serde_json::to_string_pretty(&families)? + "\n",
                cli::LadderFormat::Html => jobfam::ladder::html(&families),
            };
            match &output {
                Some(path) => {
                    if let Err(e) = std::fs::write(path, map) {
                        return usage_error(&format!("cannot write {}: {e}", path.display()));
                    }
                }
                None => write!(out, "{map}")?,
            }
            if failed.is_empty() {
                Ok(0)
            } else {
                problems_to_stderr(&failed, 0)?;
                Ok(2)
            }
        }
        Command::Rules { format } => {
            match format {
                DocFormat::Text => {
                    for r in jobfam::rules::RULES.iter() {
                        writeln!(
                            out,
                            "{:<28} {:<13} {:<16} {}",
                            r.id,
                            r.default_word(),
                            r.fix_word(),
                            r.summary()
                        )?;
                    }
                }
                DocFormat::Json => {
                    let list: Vec<_> = jobfam::rules::RULES.iter().map(|r| rule_json(r)).collect();
                    serde_json::to_writer_pretty(&mut out, &list)?;
                    writeln!(out)?;
                }
            }
            Ok(0)
        }
        Command::Explain { rule, format } => {
            let Some(text) = jobfam::explain(&rule) else {
                let unknown = jobfam::config::ConfigError::UnknownRule {
                    suggestion: jobfam::config::closest(&rule),
                    selector: rule,
                };
                return usage_error(&unknown.to_string());
            };
            match format {
                DocFormat::Text => write!(out, "{text}")?,
                DocFormat::Json => {
                    let list: Vec<_> = jobfam::rules::matching(&rule)
                        .into_iter()
                        .map(rule_json)
                        .collect();
                    serde_json::to_writer_pretty(&mut out, &list)?;
                    writeln!(out)?;
                }
            }
            Ok(0)
        }
    }
}

/// Writes a check's outcome in the format asked for (and to --output); its exit code.
fn emit(out: &mut dyn Write, args: &cli::CheckArgs, outcome: &jobfam::Outcome) -> io::Result<u8> {
    let format = match args.format {
        OutputFormat::Human => Format::Human,
        OutputFormat::Compact => Format::Compact,
        OutputFormat::Json => Format::Json,
        OutputFormat::Sarif => Format::Sarif,
        OutputFormat::Gitlab => Format::Gitlab,
        OutputFormat::Github => Format::Github,
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let width = columns();
    let run = Run {
        reports: &outcome.reports,
        files_checked: outcome.files_checked,
    };
    let style = Style {
        color,
        width,
        quiet: args.quiet,
    };
    let code = match outcome.exit_code() {
        1 if args.exit_zero => 0,
        code => code,
    };
    let to_stdout = |out: &mut dyn Write, format: Format| {
        if args.statistics {
            report::write_statistics(out, &run)
        } else {
            report::write(out, format, style, &run)
        }
    };
    let Some(path) = &args.output else {
        to_stdout(out, format)?;
        return Ok(code);
    };
    // The file first: it is what CI uploads, and a closed stdout must not cost it.
    let plain = Style {
        color: false,
        width,
        quiet: false,
    };
    let written = report::write_file(path, format, plain, &run);
    to_stdout(out, Format::Human)?;
    match written {
        Ok(()) => Ok(code),
        Err(e) => usage_error(&e.to_string()),
    }
}

/// Why `check` cannot start.
enum Unusable {
    /// An option that cannot be used, said in one line.
    Usage(String),
    /// A config file that cannot be used.
    Config(jobfam::config::ConfigFileError),
}

/// The settings for `check`: the config file's (unless --no-config), with the command line's
/// laid over them; and the command line, to lay over the config nearer each page.
fn settings(args: &cli::CheckArgs) -> Result<(Settings, CommandLine), Unusable> {
    let start = match (&args.stdin_filename, args.stdin) {
        (Some(name), true) => jobfam::paths::absolute(name)
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default(),
        _ => std::path::PathBuf::from("."),
    };
    // The config file is read under the command line's limit: its own `max_file_size` is not
    // known until it is read.
    if let Some(limit) = args
        .settings
        .value("max_file_size")
        .and_then(|size| jobfam::source::parse_size(size).ok())
    {
        jobfam::source::set_max_file_size(limit);
    }
    let file = match (&args.config, args.no_config) {
        (_, true) => None,
        (Some(path), false) => Some(path.clone()),
        (None, false) => jobfam::config::find(&start),
    };
    let base = match file {
        Some(path) => match jobfam::config::load(&path) {
            Ok(settings) => settings,
            Err(e) => return Err(Unusable::Config(e)),
        },
        None => Settings::default(),
    };
    let cli = CommandLine {
        paths: args.paths.clone(),
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        given: args.settings.given.clone(),
    };
    base.apply(cli.clone())
        .map(|settings| (settings, cli))
        .map_err(|e| Unusable::Usage(e.to_string()))
}

/// Reports a config file's problems like files that could not be checked: in the format asked
/// for (so a CI job's report says why it is empty), then a line on standard error. Exit 2.
fn config_error(
    out: &mut dyn Write,
    args: &cli::CheckArgs,
    e: &jobfam::config::ConfigFileError,
) -> io::Result<u8> {
    let n = e.problems.len();
    let line = format!(
        "{} cannot be used ({n} problem{}); fix it, or pass --no-config to check without it",
        jobfam::diagnostic::display_path(&e.path),
        if n == 1 { "" } else { "s" }
    );
    unusable(out, args, e.report(), &line)
}

/// Reports a schema that cannot be used as [`config_error`] reports a config file. Exit 2.
fn schema_error(
    out: &mut dyn Write,
    args: &cli::CheckArgs,
    e: &jobfam::schema::SchemaError,
) -> io::Result<u8> {
    let shown = jobfam::diagnostic::display_path(e.path());
    let line = if args.settings.value("schema").is_some() {
        format!(
            "schema {shown} cannot be used; fix it, or leave out --schema to use the built-in one"
        )
    } else {
        format!(
            "schema {shown} (the config's `schema`) cannot be used; fix it, or remove `schema` to use the built-in one"
        )
    };
    unusable(out, args, jobfam::diagnostic::schema_error_report(e), &line)
}

/// The report of a file that stops the whole run, in the format asked for, and `line` on
/// standard error. Exit 2.
fn unusable(
    out: &mut dyn Write,
    args: &cli::CheckArgs,
    report: jobfam::diagnostic::FileReport,
    line: &str,
) -> io::Result<u8> {
    let outcome = jobfam::Outcome {
        reports: vec![report],
        files_checked: 0,
    };
    if args.diff {
        // The diff would go to standard output; problems go to standard error.
        problems_to_stderr(&outcome.reports, 0)?;
    } else {
        emit(out, args, &outcome)?;
    }
    writeln!(io::stderr(), "error: {line}")?;
    Ok(2)
}

/// Problems in the human format, without colour, on standard error: for commands whose
/// standard output carries something else (a diff, a document model).
fn problems_to_stderr(
    reports: &[jobfam::diagnostic::FileReport],
    files_checked: usize,
) -> io::Result<()> {
    let run = Run {
        reports,
        files_checked,
    };
    if reports.iter().all(|r| r.diagnostics.is_empty()) {
        return Ok(());
    }
    let style = Style {
        color: false,
        width: columns(),
        quiet: false,
    };
    report::write(&mut io::stderr().lock(), Format::Human, style, &run)
}

/// `check --diff`: the diff on standard output; problems and the summary on standard error.
fn write_diff(out: &mut dyn Write, fixed: &FixRun) -> io::Result<u8> {
    out.write_all(fixed.diff().as_bytes())?;
    let problems = fixed.problems();
    if !problems.is_empty() {
        problems_to_stderr(&problems, fixed.outcome.files_checked)?;
    }
    if let Some(summary) = fixed.summary() {
        writeln!(io::stderr(), "{summary}")?;
    }
    Ok(fixed.exit_code())
}

/// `check --stdin`: one page read from standard input, named `name` (`<stdin>` without one).
fn check_stdin(
    name: Option<&std::path::Path>,
    settings: &Settings,
    ctx: &jobfam::rules::Context,
) -> jobfam::Outcome {
    let path = name.map_or_else(|| "<stdin>".into(), std::path::Path::to_path_buf);
    // Capped as a file is: `cat /dev/zero | jobfam check --stdin` must end.
    let read = jobfam::source::read_capped(io::stdin().lock(), settings.max_file_size());
    if name.is_some_and(|n| settings.files.exclude.matches(n)) {
        // An editor or hook linting a page the config excludes: nothing to say.
        return jobfam::Outcome {
            reports: Vec::new(),
            files_checked: 0,
        };
    }
    let report = match read {
        Ok(bytes) => Source::from_bytes(path.clone(), bytes)
            .map(|source| jobfam::check_source(&source, ctx))
            .map_err(|e| e.to_string()),
        Err(jobfam::source::ReadError::Io { source }) => {
            Err(format!("cannot read standard input: {source}"))
        }
        Err(jobfam::source::ReadError::TooLarge { limit, .. }) => Err(format!(
            "standard input is over the size limit of {}; raise it with --max-file-size",
            jobfam::source::human_size(limit)
        )),
        Err(e) => Err(format!("cannot read standard input: {e}")),
    };
    let report = report.unwrap_or_else(|message| {
        let shown = jobfam::diagnostic::display_path(&path);
        let error = jobfam::diagnostic::error_ids::READ;
        jobfam::diagnostic::FileReport {
            diagnostics: vec![jobfam::diagnostic::path_error(&shown, error, message)],
            path: shown,
            text: None,
        }
    });
    jobfam::Outcome {
        files_checked: usize::from(report.text.is_some()),
        reports: vec![report],
    }
}

/// The terminal width for the human format: `COLUMNS`, else 100.
fn columns() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

fn usage_error(message: &str) -> io::Result<u8> {
    writeln!(io::stderr(), "error: {message}")?;
    Ok(2)
}

fn rule_json(r: &jobfam::rules::RuleMeta) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "group": r.group(),
        "severity": r.severity,
        "enabled_by_default": r.default_on,
        "fix": r.fix,
        "fix_safety": r.fix_safety,
        "summary": r.summary(),
        "doc": r.doc_markdown(),
    })
}

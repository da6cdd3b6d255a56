//! Command-line arguments, as clap parses them. Resolved into `Settings` before any work.

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Arg, ArgAction, ArgMatches, Parser, Subcommand, ValueEnum};
use jobfam::config::keys;
use std::path::PathBuf;

/// Lint and validate job-family Markdown pages.
#[derive(Debug, Parser)]
#[command(name = "jobfam", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// `jobfam ladder --format`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LadderFormat {
    /// A table per family.
    Text,
    /// One row per level, for spreadsheets.
    Csv,
    /// The families, levels and findings.
    Json,
    /// One self-contained page: a grid of families by seniority, a chart, the findings.
    Html,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check pages and report what is wrong (exit 0: clean, 1: errors found, 2: could not check)
    Check(Box<CheckArgs>),
    /// Print a page's document model as JSON: what the schema validates
    Model {
        /// The page
        file: PathBuf,
    },
    /// The ladder map: every job family's levels by track and rank, with their grades and the
    /// grade rules' findings (outliers included)
    Ladder {
        /// Files, directories or quoted glob patterns (default: the current directory)
        paths: Vec<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = LadderFormat::Text)]
        format: LadderFormat,
        /// Write the map to FILE instead of standard output (what `--format html` is for)
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List every rule with its group, default severity and whether it fixes
    Rules {
        /// Output format
        #[arg(long, value_enum, default_value_t = DocFormat::Text)]
        format: DocFormat,
    },
    /// Print a rule's documentation: what it checks, why, an example and its fix
    Explain {
        /// A rule id (`structure/placeholder`) or a group (`structure`)
        rule: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = DocFormat::Text)]
        format: DocFormat,
    },
    /// Write a commented starter jobfam.toml in the current folder
    Init {
        /// Replace an existing jobfam.toml
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script (e.g. `jobfam completions bash > /etc/bash_completion.d/jobfam`)
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page, in roff (e.g. `jobfam man check > ~/.local/share/man/man1/jobfam-check.1`)
    ///
    /// `jobfam man` is jobfam(1), which lists the commands; `jobfam man COMMAND` is that
    /// command's page, jobfam-COMMAND(1), with every option.
    Man {
        /// A command, for its own page
        command: Option<String>,
    },
    /// Run a language server on standard input and output, for editors
    ///
    /// It checks open pages as they are edited and offers each fix as a code action. See
    /// docs/editors.md for Neovim, Helix and VS Code.
    Lsp,
}

/// Arguments of `jobfam check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files, directories or quoted glob patterns to check [default: .]
    ///
    /// A file named here is checked unless an exclude pattern covers it. A directory is walked,
    /// respecting .gitignore, for files matching the include patterns.
    pub paths: Vec<String>,

    /// Check one page read from standard input instead of paths
    ///
    /// For editors and hooks that lint a buffer by piping it in. Name it with --stdin-filename
    /// so its links and word lists resolve; otherwise it is reported as `<stdin>` and judged
    /// as if it were in the current folder.
    #[arg(long, conflicts_with_all = ["paths", "fix", "diff"], help_heading = "Files")]
    pub stdin: bool,

    /// The path the page read with --stdin would have on disk
    ///
    /// Relative links and `.jobfam-words.txt` files resolve as if the page were there, and
    /// diagnostics name this path. The file need not exist.
    #[arg(long, value_name = "PATH", requires = "stdin", help_heading = "Files")]
    pub stdin_filename: Option<PathBuf>,

    /// Output format
    #[arg(short, long, visible_alias = "output-format", value_enum, default_value_t = OutputFormat::Human, help_heading = "Output")]
    pub format: OutputFormat,

    /// Print only the summary lines in the human format, not each finding
    #[arg(short, long, help_heading = "Output")]
    pub quiet: bool,

    /// Print how many findings each rule made (and how many --fix fixes) instead of them
    #[arg(long, conflicts_with_all = ["diff"], help_heading = "Output")]
    pub statistics: bool,

    /// Report only findings that FILE (written by --write-baseline) does not hold
    ///
    /// For adopting jobfam on a handbook that has findings: new findings are reported and fail
    /// the run, recorded ones do not. Findings are matched by path, rule, message and flagged
    /// text, never by line, so edits above a finding keep it matched. Entries that match no
    /// finding any more are reported as `baseline-stale` infos.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub baseline: Option<PathBuf>,

    /// Record today's findings in FILE for --baseline, then exit 0
    ///
    /// FILE is JSON, one finding per line, sorted, so it diffs well under review.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "fix", "diff", "stdin"], help_heading = "Output")]
    pub write_baseline: Option<PathBuf>,

    /// Exit 0 even when errors are found (2 still means something could not be checked)
    ///
    /// For adopting jobfam on a handbook with findings: the report is written as usual, and
    /// the job does not fail. See also --baseline in docs/ci.md.
    #[arg(long, help_heading = "Output")]
    pub exit_zero: bool,

    /// Use this config file instead of looking for one
    ///
    /// Without it, jobfam.toml or .jobfam.toml is looked for in the current folder (for
    /// --stdin, the folder of --stdin-filename) and each folder above it. Options given on
    /// the command line win over the file.
    #[arg(long, value_name = "FILE", help_heading = "Config")]
    pub config: Option<PathBuf>,

    /// Use no config file: the built-in defaults and the command line only
    #[arg(long, conflicts_with = "config", help_heading = "Config")]
    pub no_config: bool,

    /// Write the report in --format to FILE; the human report still goes to standard output
    ///
    /// For CI: one job prints the findings in its log, fails on errors, and leaves FILE to
    /// upload (`--format sarif` for GitHub code scanning, `--format gitlab` for GitLab Code
    /// Quality). FILE is replaced whole, only once the report is complete. The exit code is
    /// the same as without --output, or 2 when FILE cannot be written.
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,

    /// Apply the safe fixes rules offer, then report what is left
    ///
    /// Safe fixes are certain; unsafe ones (a misspelling with two plausible corrections, a
    /// doubled word that may be meant) are shown in the report and applied only with
    /// --unsafe-fixes (`jobfam rules` shows which rules fix, and how safely). Each page is
    /// fixed and re-checked until no fix applies, then replaced atomically, keeping its
    /// byte-order mark, line endings, permissions, owner and extended attributes (a page with
    /// other hard links is written in place, so the links stay one file). A page that cannot
    /// be written (read-only), or that is edited while jobfam writes it, is reported as a
    /// write-error and left as it was. "Fixed N findings in M files" goes to
    /// standard error; the exit code is by the findings that are left.
    #[arg(long, help_heading = "Fixing")]
    pub fix: bool,

    /// Let --fix and --diff apply unsafe fixes too: ones that are likely but could be wrong
    ///
    /// Read them first with `--diff --unsafe-fixes`.
    #[arg(long, help_heading = "Fixing")]
    pub unsafe_fixes: bool,

    /// Print a unified diff of what --fix would change, and change nothing
    ///
    /// The diff goes to standard output (apply it with `patch -p0`) instead of the report.
    /// Exit 1 when a page would change, 0 when none would, 2 when something could not be
    /// checked, so CI can require fixed pages.
    #[arg(long, conflicts_with_all = ["format", "output", "fix"], help_heading = "Fixing")]
    pub diff: bool,

    /// When to use colour in the human format
    ///
    /// `auto` uses colour when standard output is a terminal and NO_COLOR is not set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, help_heading = "Output")]
    pub color: ColorChoice,

    /// Run only these rules or groups (comma-separated or repeated)
    #[arg(
        long,
        value_name = "RULE",
        value_delimiter = ',',
        help_heading = "Rules"
    )]
    pub select: Vec<String>,

    /// Do not run these rules or groups (comma-separated or repeated)
    #[arg(
        long,
        value_name = "RULE",
        value_delimiter = ',',
        help_heading = "Rules"
    )]
    pub ignore: Vec<String>,

    /// The flags that override a `jobfam.toml` setting, made from its declaration.
    #[command(flatten)]
    pub settings: SettingFlags,
}

/// The flags of `jobfam check` that override settings, one per [`keys::KEYS`] entry that has
/// a flag, with the values given for each.
#[derive(Clone, Debug, Default)]
pub struct SettingFlags {
    /// Each setting whose flag was given, with its values in order.
    pub given: Vec<(&'static keys::Key, Vec<String>)>,
}

impl SettingFlags {
    /// The last value given for the setting `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.given
            .iter()
            .find(|(key, _)| key.name == name)
            .and_then(|(_, values)| values.last())
            .map(String::as_str)
    }
}

fn flag_arg(key: &'static keys::Key, flag: &'static keys::Flag) -> Arg {
    let short = flag.help.split("\n\n").next().unwrap_or(flag.help);
    let mut arg = Arg::new(key.name)
        .long(flag.long)
        .value_name(flag.value_name)
        .help_heading(flag.heading)
        .help(short)
        .long_help(flag.help)
        .action(if flag.repeat {
            ArgAction::Append
        } else {
            ArgAction::Set
        });
    if !flag.choices.is_empty() {
        arg = arg.value_parser(PossibleValuesParser::new(flag.choices.iter().map(|c| {
            PossibleValue::new(c.name)
                .help(c.help)
                .aliases(c.aliases.iter().copied())
        })));
    } else if let Some(check) = flag.check {
        arg = arg.value_parser(move |text: &str| check(text).map(|()| text.to_string()));
    }
    arg
}

impl clap::Args for SettingFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        keys::KEYS.iter().fold(cmd, |cmd, key| match &key.flag {
            Some(flag) => cmd.arg(flag_arg(key, flag)),
            None => cmd,
        })
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

impl clap::FromArgMatches for SettingFlags {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let given = keys::KEYS
            .iter()
            .filter(|key| key.flag.is_some())
            .filter_map(|key| {
                let values = matches.get_many::<String>(key.name)?;
                Some((key, values.cloned().collect()))
            })
            .collect();
        Ok(SettingFlags { given })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

/// `check` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Source excerpts with labels and help, then a summary
    Human,
    /// One line each: path:line:col: severity rule: message
    Compact,
    /// One JSON document, for tools
    Json,
    /// SARIF 2.1.0, for GitHub code scanning
    Sarif,
    /// GitLab Code Quality JSON, for the merge request widget
    Gitlab,
    /// GitHub Actions workflow commands, which annotate pull requests
    Github,
}

/// Formats for `rules` and `explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    /// Plain text
    Text,
    /// JSON
    Json,
}

/// Colour choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

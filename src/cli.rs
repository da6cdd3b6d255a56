//! Command-line arguments, as clap parses them. Resolved into `Settings` before any work.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Lint and validate job-family Markdown pages.
#[derive(Debug, Parser)]
#[command(name = "jobfam", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
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
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Human, help_heading = "Output")]
    pub format: OutputFormat,

    /// Read no file larger than SIZE: bytes, or with a K, M or G suffix [default: 16M]
    ///
    /// A larger page is reported as a read error and not checked; so is a larger config file,
    /// schema, word list or standard input. Real pages are well under 1M: the limit is there
    /// so a link to something endless cannot exhaust memory. Replaces the config's
    /// `max_file_size`.
    #[arg(long, value_name = "SIZE", value_parser = jobfam::source::parse_size, help_heading = "Files")]
    pub max_file_size: Option<u64>,

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

    /// Glob of files to take when walking a directory (repeatable) [default: **/*.md]
    ///
    /// Replaces the default and the config's `include`, so to add ERB pages give both:
    /// --include '**/*.md' --include '**/*.md.erb'
    #[arg(long, value_name = "GLOB", help_heading = "Files")]
    pub include: Vec<String>,

    /// Glob of files or folders never to check, even when named (repeatable)
    ///
    /// Added to the config's `exclude`. A pattern without `/` matches a name at any depth
    /// (`drafts`); one with `/` is relative to the current folder (`legacy/**`).
    #[arg(long, value_name = "GLOB", help_heading = "Files")]
    pub exclude: Vec<String>,

    /// A JSON Schema (draft 2020-12) for the document model, replacing the built-in one
    #[arg(long, value_name = "FILE", help_heading = "Rules")]
    pub schema: Option<PathBuf>,

    /// Folder served at the site's `/`, for site-root links like /job-families/x/ (repeatable)
    ///
    /// Without one, site-root links are not judged. Give several when one URL space is served
    /// from several source folders; a path resolves if any root has it.
    #[arg(long, value_name = "DIR", help_heading = "Links")]
    pub site_root: Vec<PathBuf>,

    /// The site's own origin (e.g. https://about.gitlab.com): absolute links to it are checked too
    #[arg(long, value_name = "URL", help_heading = "Links")]
    pub site_url: Option<String>,

    /// Judge only site paths under this prefix, e.g. /job-families/ (repeatable)
    ///
    /// For a partial checkout: links into parts of the site that are not here are not reported.
    #[arg(long, value_name = "PREFIX", help_heading = "Links")]
    pub site_prefix: Vec<String>,

    /// How heading ids are made [default: auto]
    ///
    /// `auto` uses kramdown-gfm for Middleman pages (index.html.md, `layout: job_family_page`)
    /// and hugo for the rest.
    #[arg(long, value_enum, help_heading = "Links")]
    pub slug: Option<SlugChoice>,

    /// Which English is right: `en` accepts American and British spellings, `en-US` and
    /// `en-GB` report the other one (spelling/variant) [default: en]
    #[arg(long, value_enum, help_heading = "Spelling")]
    pub locale: Option<LocaleChoice>,

    /// A word list to accept: one word per line, `#` comments (repeatable)
    ///
    /// Lower-case entries match any case; entries with a capital (`Zuora`) are terms whose
    /// other casings are reported. `.jobfam-words.txt` files beside the pages, or in any folder
    /// above them, are read too.
    #[arg(long, value_name = "FILE", help_heading = "Spelling")]
    pub words: Vec<PathBuf>,

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

/// Slug presets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SlugChoice {
    /// Detect each page's generator
    Auto,
    /// Hugo's goldmark `github` ids (the current handbook)
    Hugo,
    /// GitHub, GitLab 17+ and comrak
    Github,
    /// kramdown's GFM parser (the Middleman handbook)
    KramdownGfm,
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

/// `--locale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LocaleChoice {
    /// American or British.
    #[value(name = "en")]
    En,
    /// American English.
    #[value(name = "en-US", alias = "en-us", alias = "en_US")]
    EnUs,
    /// British English.
    #[value(name = "en-GB", alias = "en-gb", alias = "en_GB")]
    EnGb,
}

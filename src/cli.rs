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
    Check(CheckArgs),
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
}

/// Arguments of `jobfam check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files, directories or quoted glob patterns to check [default: .]
    ///
    /// A file named here is always checked. A directory is walked, respecting .gitignore, for
    /// files matching the include patterns.
    pub paths: Vec<String>,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Human, help_heading = "Output")]
    pub format: OutputFormat,

    /// When to use colour in the human format
    ///
    /// `auto` uses colour when standard output is a terminal and NO_COLOR is not set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, help_heading = "Output")]
    pub color: ColorChoice,

    /// Glob of files to take when walking a directory (repeatable) [default: **/*.md]
    ///
    /// Replaces the default, so to add ERB pages give both: --include '**/*.md' --include '**/*.md.erb'
    #[arg(long, value_name = "GLOB", help_heading = "Files")]
    pub include: Vec<String>,

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
    #[arg(long, value_enum, default_value_t = SlugChoice::Auto, help_heading = "Links")]
    pub slug: SlugChoice,

    /// Which English is right: `en` accepts American and British spellings, `en-US` and
    /// `en-GB` report the other one (spelling/variant) [default: en]
    #[arg(long, value_enum, default_value_t = LocaleChoice::En, help_heading = "Spelling")]
    pub locale: LocaleChoice,

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

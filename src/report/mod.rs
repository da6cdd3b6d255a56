//! Writes a run's diagnostics in the format the user asked for; one file per format.
//!
//! Reporters only format: what they print is on the [`FileReport`]s, and they never parse.

mod compact;
mod human;
mod json;

use crate::diagnostic::FileReport;
use std::io::{self, Write};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// miette's graphical diagnostics and a summary line.
    Human,
    /// One line each: `path:line:col: severity rule: message`.
    Compact,
    /// One JSON document (see the README for its shape).
    Json,
}

/// How the human format draws.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// ANSI colours and Unicode box drawing; otherwise plain ASCII.
    pub color: bool,
    /// Wrap width for the human format.
    pub width: usize,
}

/// Everything a reporter needs about one run.
pub struct Run<'a> {
    /// Per-path results, sorted by path.
    pub reports: &'a [FileReport],
    /// Pages checked (paths that could not be read are not counted).
    pub files_checked: usize,
}

/// Writes `run` to `out` in `format`.
pub fn write(out: &mut dyn Write, format: Format, style: Style, run: &Run<'_>) -> io::Result<()> {
    match format {
        Format::Human => human::write(out, style, run),
        Format::Compact => compact::write(out, run),
        Format::Json => json::write(out, run),
    }
}

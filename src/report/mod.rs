//! Writes a run's diagnostics in the format the user asked for; one file per format.
//!
//! Reporters only format: what they print is on the [`FileReport`]s, and they never parse.
//! What the CI formats share (stable fingerprints, repository-relative paths) lives here, and so
//! does [`write_file`], which `--output` uses to replace a report file whole.

pub mod baseline;
mod compact;
mod github;
mod gitlab;
mod human;
mod json;
mod sarif;
mod statistics;

pub use statistics::write_statistics;

use crate::diagnostic::FileReport;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// miette's graphical diagnostics and a summary line.
    Human,
    /// One line each: `path:line:col: severity rule: message`.
    Compact,
    /// One JSON document (see the README for its shape).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitLab Code Quality JSON, for the merge request widget.
    Gitlab,
    /// GitHub Actions workflow commands, which annotate the changed lines of a pull request.
    Github,
}

/// How the human format draws.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// ANSI colours and Unicode box drawing; otherwise plain ASCII.
    pub color: bool,
    /// Wrap width for the human format.
    pub width: usize,
    /// Human format: the summary lines only, not each finding.
    pub quiet: bool,
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
        Format::Sarif => sarif::write(out, run),
        Format::Gitlab => gitlab::write(out, run),
        Format::Github => github::write(out, run),
    }
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The report file could not be written.
    #[error("cannot write the report to {}: {source}", path.display())]
    Write {
        /// The report file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
}

/// Writes `run` in `format` to the file at `path`, replacing it whole.
///
/// [`crate::write::replace`] does the writing: a regular file is replaced atomically, so a CI
/// job that uploads `path` never sees half a report and an old report is kept if writing fails;
/// a symbolic link is written through; a FIFO or `/dev/stdout` is written to, not replaced.
pub fn write_file(
    path: &Path,
    format: Format,
    style: Style,
    run: &Run<'_>,
) -> Result<(), ReportError> {
    let error = |source| ReportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    write(&mut bytes, format, style, run).map_err(error)?;
    crate::write::replace(path, &bytes).map_err(error)
}

/// Text from a page, a file name or a config file, safe to print: each control character (C0,
/// DEL, C1) but tab and line feed becomes its Rust escape, `\u{1b}`, so a page cannot retitle,
/// clear or otherwise drive the terminal or CI log that shows it. The escape is the one `{:?}`
/// prints, which the YAML parser's messages already use, and reads the same in every font.
pub(crate) fn printable(text: &str) -> Cow<'_, str> {
    escape_controls(text, "\t\n")
}

/// [`printable`] for what must stay on one line (a path, a compact line): line breaks too.
pub(crate) fn printable_line(text: &str) -> Cow<'_, str> {
    escape_controls(text, "\t")
}

fn escape_controls<'a>(text: &'a str, keep: &str) -> Cow<'a, str> {
    let escaped = |c: char| c.is_control() && !keep.contains(c);
    if !text.contains(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A diagnostic's path as CI tools want it: relative to where jobfam ran, without a leading
/// `./` (`jobfam check .` and `jobfam check` must name a file the same way).
pub(crate) fn artifact_path(path: &str) -> &str {
    let mut p = path;
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/');
    }
    p
}

/// A stable fingerprint for each diagnostic of `report`, in order: 32 hex digits.
///
/// CI tools match findings across runs by fingerprint, so it must not change when lines are
/// added above a finding: it hashes the path, rule, message and the flagged text (the line's
/// text for an empty span), never the line number. Findings with the same key in one file are
/// told apart by their order among themselves. The hash is FNV-1a (128 bits), written out here
/// because std's hasher is not stable across Rust releases.
pub(crate) fn fingerprints(report: &FileReport) -> Vec<String> {
    let mut seen: HashMap<u128, u64> = HashMap::new();
    report
        .diagnostics
        .iter()
        .map(|d| {
            let mut key = Fnv::new();
            key.field(artifact_path(&d.path).as_bytes());
            key.field(d.rule.as_bytes());
            key.field(d.message.as_bytes());
            key.field(flagged_text(report.text.as_deref(), d.span).as_bytes());
            let key = key.finish();
            let occurrence = seen.entry(key).or_insert(0);
            let mut hash = Fnv::new();
            hash.field(&key.to_le_bytes());
            hash.field(&occurrence.to_le_bytes());
            *occurrence += 1;
            format!("{:032x}", hash.finish())
        })
        .collect()
}

/// The last line a diagnostic covers: a span that ends with a line break stops on the line
/// before the next one starts.
pub(crate) fn last_line(d: &crate::diagnostic::Diagnostic) -> usize {
    if d.end_line > d.line && d.end_column == 1 {
        d.end_line - 1
    } else {
        d.end_line.max(d.line)
    }
}

/// The text a span flags or, for an empty span, the trimmed line it sits on.
fn flagged_text(text: Option<&str>, span: crate::document::Span) -> &str {
    let Some(text) = text else { return "" };
    match text.get(span.start..span.end) {
        Some(flagged) if !flagged.is_empty() => flagged,
        _ => {
            let at = span.start.min(text.len());
            let start = text
                .get(..at)
                .and_then(|t| t.rfind('\n'))
                .map_or(0, |i| i + 1);
            let end = text
                .get(at..)
                .and_then(|t| t.find('\n'))
                .map_or(text.len(), |i| at + i);
            text.get(start..end).unwrap_or("").trim()
        }
    }
}

/// 128-bit FNV-1a over length-prefixed fields, so `("ab", "c")` and `("a", "bc")` differ.
struct Fnv(u128);

impl Fnv {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

    fn new() -> Fnv {
        Fnv(Fnv::OFFSET)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u128::from(b)).wrapping_mul(Fnv::PRIME);
        }
    }

    fn field(&mut self, bytes: &[u8]) {
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(bytes);
    }

    fn finish(&self) -> u128 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_the_rest_kept() {
        let text = "a\x1b]0;t\x07\u{9b}\x7f\r\n\tb é";
        assert_eq!(
            printable(text),
            "a\\u{1b}]0;t\\u{7}\\u{9b}\\u{7f}\\r\n\tb é"
        );
        assert_eq!(printable_line("a\nb\0"), "a\\nb\\0");
        assert!(matches!(printable("plain\ttext\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn fnv_matches_the_published_test_vectors() {
        // FNV-1a 128 of "" and "a", from the FNV reference implementation.
        let mut h = Fnv::new();
        h.bytes(b"");
        assert_eq!(h.finish(), 0x6c62272e07bb014262b821756295c58d);
        h.bytes(b"a");
        assert_eq!(h.finish(), 0xd228cb696f1a8caf78912b704e4a8964);
    }

    #[test]
    fn artifact_paths_lose_a_leading_dot_slash() {
        assert_eq!(artifact_path("./jobs/pm.md"), "jobs/pm.md");
        assert_eq!(artifact_path(".//jobs/pm.md"), "jobs/pm.md");
        assert_eq!(artifact_path("jobs/pm.md"), "jobs/pm.md");
        assert_eq!(artifact_path("../pm.md"), "../pm.md");
    }

    #[test]
    fn flagged_text_falls_back_to_the_line() {
        use crate::document::Span;
        let text = "one\n  two words \nthree";
        assert_eq!(flagged_text(Some(text), Span::new(6, 9)), "two");
        assert_eq!(flagged_text(Some(text), Span::new(6, 6)), "two words");
        assert_eq!(flagged_text(Some(text), Span::new(99, 99)), "three");
        assert_eq!(flagged_text(None, Span::new(0, 3)), "");
    }
}

//! `check --fix` and `check --diff`: applies the fixes rules offer and writes the pages back.
//!
//! It sits after [`crate::diagnostic`]: it takes a run's placed fixes ([`FixEdit`]s, in file
//! offsets), applies them to each page's bytes in memory, re-checks the page and repeats until
//! no fix applies, then writes each changed page once, atomically, or shows it as a diff.
//! [`apply`] is the pure part; [`run`] drives a whole run.

use crate::diagnostic::{self, Diagnostic, FileReport, FixEdit};
use crate::discover::Files;
use crate::rules::{Applicability, Context};
use crate::source::{LineEnding, ReadError, Source};
use crate::{Contexts, Outcome, check_paths, check_source};
use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};

/// Most check-and-fix rounds per page. A fix can make another (a fixed heading leaves a
/// link's fragment one slip away from it) and overlapping fixes wait for the next round, but
/// no chain is this long: the cap only stops two fixes that undo each other.
const MAX_ROUNDS: usize = 10;

/// Applies `edits` (file offsets into `text`) and returns the new text and how many applied.
///
/// Edits apply in offset order. One that overlaps an edit already applied is left for the next
/// round, as are edits outside `text` or off a character boundary; an edit that would change
/// nothing is skipped. An edit identical to one already applied counts as applied, since two
/// findings can share one fix. Bytes outside the applied edits are copied unchanged.
pub fn apply(text: &str, edits: &[FixEdit]) -> (String, usize) {
    let mut sorted: Vec<&FixEdit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.offset, e.length));
    let mut out = String::with_capacity(text.len());
    // Bytes of `text` already copied or replaced.
    let mut done = 0;
    let mut last: Option<&FixEdit> = None;
    let mut applied = 0;
    for edit in sorted {
        if last == Some(edit) {
            applied += 1;
            continue;
        }
        let Some(end) = edit.offset.checked_add(edit.length) else {
            continue;
        };
        let same_insertion =
            last.is_some_and(|l| l.length == 0 && edit.length == 0 && l.offset == edit.offset);
        if edit.offset < done || same_insertion {
            continue;
        }
        let (Some(before), Some(old)) = (text.get(done..edit.offset), text.get(edit.offset..end))
        else {
            continue;
        };
        if old == edit.replacement {
            continue;
        }
        out.push_str(before);
        out.push_str(&edit.replacement);
        done = end;
        last = Some(edit);
        applied += 1;
    }
    out.push_str(text.get(done..).unwrap_or_default());
    (out, applied)
}

/// Which fixes a run applies: [`Applicability::Safe`] for the safe ones (`--fix`),
/// [`Applicability::Unsafe`] for every fix (`--fix --unsafe-fixes`).
pub type Allowed = Applicability;

/// Whether a fix may be applied when `allowed` fixes are.
pub fn allowed(edit: &FixEdit, allowed: Allowed) -> bool {
    edit.applicability <= allowed
}

/// What a fixing run does with the fixed pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Write them back (`--fix`).
    Write,
    /// Leave them as they are; [`FixRun::diff`] shows what would change (`--diff`).
    Diff,
}

/// One page the fixes change.
#[derive(Clone, Debug)]
pub struct FixedFile {
    /// The path, as given or discovered.
    pub path: String,
    /// Fixes applied, over every round.
    pub fixes: usize,
    /// The file's text before, byte-order mark included.
    pub before: String,
    /// The file's text after.
    pub after: String,
}

/// Why a page's fixes were not applied.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    /// The page could not be read again to fix it.
    #[error("cannot read the file to fix it: {source}")]
    Read {
        /// Why.
        #[source]
        source: ReadError,
    },
    /// The file has no write permission; it is left as it was.
    #[error(
        "cannot apply {fixes} fix{es}: the file is read-only; make it writable, or fix it by hand",
        es = if *fixes == 1 { "" } else { "es" }
    )]
    ReadOnly {
        /// Fixes that were not applied.
        fixes: usize,
    },
    /// The file changed on disk while jobfam was fixing it; it is left as the other writer left it.
    #[error("the file changed while jobfam was fixing it, so it was left alone; run jobfam again")]
    Changed,
    /// Writing the fixed file failed.
    #[error("cannot write the fixed file: {source}; check that it and its folder are writable")]
    Write {
        /// The I/O error.
        #[source]
        source: io::Error,
    },
}

/// The result of a fixing run.
#[derive(Debug)]
pub struct FixRun {
    /// What the run did with the fixed pages.
    pub mode: Mode,
    /// [`Mode::Write`]: what is left after the fixes, with a `write-error` diagnostic on
    /// each page that could not be written. [`Mode::Diff`]: the pages as they are.
    pub outcome: Outcome,
    /// The pages the fixes changed ([`Mode::Write`]) or would change ([`Mode::Diff`]),
    /// sorted by path.
    pub files: Vec<FixedFile>,
    /// Unsafe fixes left unapplied because `--unsafe-fixes` was not given.
    pub unsafe_left: usize,
}

impl FixRun {
    /// Fixes applied (or, for [`Mode::Diff`], that would be).
    pub fn fixes(&self) -> usize {
        self.files.iter().map(|f| f.fixes).sum()
    }

    /// `Fixed 3 findings in 1 file` (`Would fix …` for a diff), and how many unsafe fixes were
    /// left for a person; `None` when nothing changes and no unsafe fix waits.
    pub fn summary(&self) -> Option<String> {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let verb = match self.mode {
            Mode::Write => "Fixed",
            Mode::Diff => "Would fix",
        };
        let fixed = (!self.files.is_empty()).then(|| {
            format!(
                "{verb} {} in {}",
                plural(self.fixes(), "finding"),
                plural(self.files.len(), "file")
            )
        });
        let unsafe_left = (self.unsafe_left > 0).then(|| {
            let n = self.unsafe_left;
            let (fixes, they, them) = if n == 1 {
                ("1 unsafe fix".to_string(), "it", "it")
            } else {
                (format!("{n} unsafe fixes"), "they", "them")
            };
            match self.mode {
                Mode::Write => format!(
                    "{fixes} not applied ({they} may be wrong): review with --diff --unsafe-fixes, apply with --fix --unsafe-fixes"
                ),
                Mode::Diff => format!(
                    "{fixes} not shown ({they} may be wrong): show {them} with --diff --unsafe-fixes"
                ),
            }
        });
        match (fixed, unsafe_left) {
            (None, None) => None,
            (Some(a), None) | (None, Some(a)) => Some(a),
            (Some(a), Some(b)) => Some(format!("{a}\n{b}")),
        }
    }

    /// A unified diff of every changed page (three lines of context, `--- path` / `+++ path`
    /// headers, so `patch -p0` applies it). Empty when nothing changes.
    pub fn diff(&self) -> String {
        self.files
            .iter()
            .map(|f| {
                ::similar::TextDiff::from_lines(&f.before, &f.after)
                    .unified_diff()
                    .context_radius(3)
                    .header(&f.path, &f.path)
                    .to_string()
            })
            .collect()
    }

    /// The problems that stopped pages or paths from being checked or fixed, for a diff run,
    /// which reports nothing else.
    pub fn problems(&self) -> Vec<FileReport> {
        self.outcome
            .reports
            .iter()
            .filter(|r| r.diagnostics.iter().any(|d| d.fatal))
            .map(|r| FileReport {
                diagnostics: r.diagnostics.iter().filter(|d| d.fatal).cloned().collect(),
                ..r.clone()
            })
            .collect()
    }

    /// [`Mode::Write`]: by what is left, as [`Outcome::exit_code`]. [`Mode::Diff`]: 2 when
    /// something could not be checked, 1 when a page would change, else 0 (like `ruff --diff`
    /// and `cargo fmt --check`, so CI can require that pages are fixed).
    pub fn exit_code(&self) -> u8 {
        match self.mode {
            Mode::Write => self.outcome.exit_code(),
            Mode::Diff if self.outcome.exit_code() == 2 => 2,
            Mode::Diff => u8::from(!self.files.is_empty()),
        }
    }
}

/// Checks every page under `paths`, fixes what the rules can, and writes or diffs the result.
///
/// Each page with fixes is fixed on its own: apply the fixes, re-check the page, repeat until
/// none applies (at most [`MAX_ROUNDS`] rounds), then write it once. A page is skipped when it
/// could not be fully checked (a fatal diagnostic: an unreadable word list could turn a known
/// word into a "misspelling"), and a round whose result no longer parses is dropped. After
/// writing, the whole run is checked again, so cross-page findings are up to date too.
pub fn run(
    paths: &[String],
    files: &Files,
    contexts: &Contexts,
    mode: Mode,
    allowed: Allowed,
) -> FixRun {
    let first = check_paths(paths, files, contexts);
    // Each page is fixed with the settings it was checked with; a page was only checked when
    // they could be used.
    let ctx_of = |path: &str| contexts.for_page(Path::new(path)).ok();
    let results: Vec<(String, Result<Option<FixedFile>, FixError>)> = first
        .reports
        .par_iter()
        .filter(|r| fixable(r, allowed))
        .map(|r| {
            let Some(workspace) = ctx_of(&r.path) else {
                return (r.path.clone(), Ok(None));
            };
            let fixed =
                fix_page(r, &workspace.ctx, allowed).and_then(|fixed| match (mode, fixed) {
                    (Mode::Write, Some(f)) => write(Path::new(&f.path), &f).map(|()| Some(f)),
                    (_, fixed) => Ok(fixed),
                });
            (r.path.clone(), fixed)
        })
        .collect();
    let mut fixed_files = Vec::new();
    let mut errors = Vec::new();
    for (path, result) in results {
        match result {
            Ok(Some(f)) => fixed_files.push(f),
            Ok(None) => {}
            Err(e) => errors.push((path, e)),
        }
    }
    let mut outcome = if mode == Mode::Write && !fixed_files.is_empty() {
        check_paths(paths, files, contexts)
    } else {
        first
    };
    for (path, error) in errors {
        let d = diagnostic::path_error(&path, diagnostic::error_ids::WRITE, error.to_string());
        match outcome.reports.iter_mut().find(|r| r.path == path) {
            Some(report) => report.diagnostics.insert(0, d),
            None => outcome.reports.push(FileReport {
                path,
                text: None,
                diagnostics: vec![d],
            }),
        }
    }
    outcome.reports.sort_by(|a, b| a.path.cmp(&b.path));
    // In a diff run the outcome is the pages as they are; count what the fixes would leave.
    let unsafe_left = if allowed == Applicability::Unsafe {
        0
    } else {
        let after = |path: &str| fixed_files.iter().find(|f| f.path == path);
        outcome
            .reports
            .iter()
            .map(|r| match (mode, after(&r.path)) {
                (Mode::Diff, Some(f)) => ctx_of(&f.path).map_or(0, |workspace| {
                    let source = Source::from_file_text(PathBuf::from(&f.path), f.after.clone());
                    unsafe_count(&check_source(&source, &workspace.ctx).diagnostics)
                }),
                _ => unsafe_count(&r.diagnostics),
            })
            .sum()
    };
    FixRun {
        mode,
        outcome,
        files: fixed_files,
        unsafe_left,
    }
}

fn unsafe_count(diagnostics: &[diagnostic::Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Unsafe)
        })
        .count()
}

/// Whether a report offers a fix `allowed` and its page was fully checked.
fn fixable(report: &FileReport, allowed: Allowed) -> bool {
    report.text.is_some()
        && report
            .diagnostics
            .iter()
            .any(|d| d.fix.as_ref().is_some_and(|f| self::allowed(f, allowed)))
        && !report.diagnostics.iter().any(|d| d.fatal)
}

/// Fixes one page in memory, round by round; `None` when nothing changes.
fn fix_page(
    report: &FileReport,
    ctx: &Context,
    allowed: Allowed,
) -> Result<Option<FixedFile>, FixError> {
    let path = PathBuf::from(&report.path);
    let source = Source::read(&path).map_err(|source| FixError::Read { source })?;
    // The report's fixes are only good for the text they were found in.
    let diagnostics = if report.text.as_deref() == Some(&*source.text) {
        report.diagnostics.clone()
    } else {
        check_source(&source, ctx).diagnostics
    };
    let (after, fixes) = rounds(&source, diagnostics, ctx, allowed);
    let before = source.file_text();
    Ok((after != before).then(|| FixedFile {
        path: report.path.clone(),
        fixes,
        before,
        after,
    }))
}

/// Fixes a page held in memory as `--fix` fixes a file, and returns the fixed text (a leading
/// byte-order mark kept) and how many fixes applied; a page that cannot be checked is returned
/// as it is. For editors and tests: nothing is read or written.
pub fn fix_text(path: &Path, text: &str, ctx: &Context, allowed: Allowed) -> (String, usize) {
    let source = Source::from_file_text(path.to_path_buf(), text.to_string());
    let diagnostics = check_source(&source, ctx).diagnostics;
    if diagnostics.iter().any(|d| d.fatal) {
        return (source.file_text(), 0);
    }
    rounds(&source, diagnostics, ctx, allowed)
}

/// Applies the allowed fixes of `diagnostics` to `source` and re-checks, round by round, until
/// none applies (at most [`MAX_ROUNDS`]); returns the file's text and how many fixes applied.
fn rounds(
    source: &Source,
    mut diagnostics: Vec<Diagnostic>,
    ctx: &Context,
    allowed: Allowed,
) -> (String, usize) {
    let path = source.path.clone();
    let mut text = source.file_text();
    let mut fixes = 0;
    for _ in 0..MAX_ROUNDS {
        let edits: Vec<FixEdit> = diagnostics
            .iter()
            .filter_map(|d| d.fix.clone())
            .filter(|e| self::allowed(e, allowed))
            .map(|e| keep_line_ending(e, source.line_ending))
            .collect();
        let (next, applied) = apply(&text, &edits);
        if applied == 0 || next == text {
            break;
        }
        let fixed = Source::from_file_text(path.clone(), next.clone());
        if fixed.bom != source.bom {
            break; // A fix must not add or remove the byte-order mark.
        }
        let recheck = check_source(&fixed, ctx);
        if recheck.diagnostics.iter().any(|d| d.fatal) {
            break;
        }
        text = next;
        fixes += applied;
        diagnostics = recheck.diagnostics;
    }
    (text, fixes)
}

/// A fix whose line breaks are the page's: no rule's replacement spans lines today, but a
/// CRLF page must not gain a bare LF when one does.
fn keep_line_ending(mut edit: FixEdit, ending: LineEnding) -> FixEdit {
    let to = match ending {
        LineEnding::Lf => return edit,
        LineEnding::CrLf => "\r\n",
        LineEnding::Cr => "\r",
    };
    if edit.replacement.contains('\n') {
        edit.replacement = edit.replacement.replace("\r\n", "\n").replace('\n', to);
    }
    edit
}

/// Replaces the file at `path` with `fixed.after`, if it still holds `fixed.before`.
///
/// [`crate::write`] does the writing: atomically where it can, keeping the page's permissions,
/// owner, hard links and extended attributes, through a symbolic link onto its target, and
/// leaving an edit that lands meanwhile. It would replace a read-only page (a rename ignores
/// the page's own permissions), so that is refused here first.
fn write(path: &Path, fixed: &FixedFile) -> Result<(), FixError> {
    let io_error = |source| FixError::Write { source };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    let read_only = FixError::ReadOnly { fixes: fixed.fixes };
    if metadata.permissions().readonly() {
        return Err(read_only);
    }
    // Opening for writing (without truncating) asks the OS whether this user may write it;
    // only a regular file, as opening a FIFO would wait for a reader.
    if metadata.is_file() {
        if let Err(e) = std::fs::OpenOptions::new().write(true).open(path) {
            return Err(if e.kind() == io::ErrorKind::PermissionDenied {
                read_only
            } else {
                io_error(e)
            });
        }
    }
    crate::write::replace_unchanged(path, fixed.before.as_bytes(), fixed.after.as_bytes()).map_err(
        |e| match e {
            crate::write::WriteError::Changed => FixError::Changed,
            crate::write::WriteError::Io(source) => FixError::Write { source },
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(offset: usize, length: usize, replacement: &str) -> FixEdit {
        FixEdit {
            offset,
            length,
            replacement: replacement.into(),
            applicability: Applicability::Safe,
        }
    }

    #[test]
    fn applies_edits_in_offset_order_and_keeps_the_rest() {
        let text = "Gitlab and the the team\r\n";
        let edits = [edit(14, 4, ""), edit(0, 6, "GitLab")];
        assert_eq!(
            apply(text, &edits),
            ("GitLab and the team\r\n".to_string(), 2)
        );
    }

    #[test]
    fn leaves_overlapping_edits_for_the_next_round() {
        let edits = [edit(0, 5, "one"), edit(3, 4, "two"), edit(7, 1, "!")];
        assert_eq!(apply("abcdefgh", &edits), ("onefg!".to_string(), 2));
        let insertions = [edit(1, 0, "x"), edit(1, 0, "y")];
        assert_eq!(apply("ab", &insertions), ("axb".to_string(), 1));
    }

    #[test]
    fn counts_a_shared_fix_once_per_finding_and_skips_no_ops() {
        let edits = [
            edit(0, 6, "GitLab"),
            edit(0, 6, "GitLab"),
            edit(7, 3, "and"),
        ];
        assert_eq!(apply("Gitlab and", &edits), ("GitLab and".to_string(), 2));
    }

    #[test]
    fn skips_edits_outside_the_text_or_inside_a_character() {
        let edits = [edit(1, 1, "x"), edit(2, 9, "y"), edit(usize::MAX, 2, "z")];
        assert_eq!(apply("é!", &edits), ("é!".to_string(), 0));
    }

    #[test]
    fn offsets_count_the_byte_order_mark() {
        // "Gitlab" starts at byte 3 of the file, behind the mark.
        let (fixed, n) = apply("\u{feff}Gitlab", &[edit(3, 6, "GitLab")]);
        assert_eq!((fixed.as_str(), n), ("\u{feff}GitLab", 1));
    }

    #[test]
    fn crlf_pages_get_crlf_in_replacements() {
        let e = keep_line_ending(edit(0, 0, "a\nb\r\n"), LineEnding::CrLf);
        assert_eq!(e.replacement, "a\r\nb\r\n");
        let e = keep_line_ending(edit(0, 0, "a\nb"), LineEnding::Lf);
        assert_eq!(e.replacement, "a\nb");
        let e = keep_line_ending(edit(0, 0, "a\nb\r\n"), LineEnding::Cr);
        assert_eq!(e.replacement, "a\rb\r");
    }
}

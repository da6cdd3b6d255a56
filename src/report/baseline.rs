//! `--baseline FILE` and `--write-baseline FILE`: adopt jobfam on a handbook that has findings.
//!
//! A baseline records today's findings by the fingerprint the CI reports use (path, rule,
//! message and flagged text; never the line), so an edit above a finding keeps it matched. A
//! later run drops the findings the baseline holds and reports the rest; entries that no
//! longer match a finding in a page that was checked are reported as `baseline-stale` infos in
//! the baseline file, so it can be rewritten as findings get fixed. The file is JSON, sorted by
//! path, rule and fingerprint, one entry per line, so it diffs well and is the same however the
//! run found its findings.

use super::{artifact_path, fingerprints};
use crate::diagnostic::FileReport;
use crate::rules::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

use crate::diagnostic::error_ids::BASELINE_STALE as STALE;

/// One recorded finding.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// The page, as CI reports name it.
    pub path: String,
    /// The rule id.
    pub rule: String,
    /// The finding's fingerprint.
    pub fingerprint: String,
    /// Its message, for people reading the file.
    pub message: String,
}

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// Why a baseline file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// It could not be read or written.
    #[error("baseline {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// It is not a baseline jobfam wrote.
    #[error(
        "baseline {path} is not a jobfam baseline ({why}); write a new one with --write-baseline"
    )]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        why: String,
    },
}

/// Today's findings (file errors aside: a page that cannot be read is not adopted).
pub fn entries(reports: &[FileReport]) -> Vec<Entry> {
    let mut out: Vec<Entry> = reports
        .iter()
        .flat_map(|report| {
            report
                .diagnostics
                .iter()
                .zip(fingerprints(report))
                .filter(|(d, _)| !d.fatal)
                .map(|(d, fingerprint)| Entry {
                    path: artifact_path(&d.path).to_string(),
                    rule: d.rule.clone(),
                    fingerprint,
                    message: d.message.clone(),
                })
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The baseline text for `entries`: JSON, one entry per line.
pub fn to_text(entries: &[Entry]) -> String {
    let mut out = String::from("{\"version\": 1, \"findings\": [\n");
    for (i, entry) in entries.iter().enumerate() {
        let line = serde_json::to_string(entry).unwrap_or_default();
        out.push_str("  ");
        out.push_str(&line);
        out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
    }
    out.push_str("]}\n");
    out
}

/// Writes today's findings to `path`, replacing it whole.
pub fn write(path: &Path, reports: &[FileReport]) -> Result<usize, BaselineError> {
    let entries = entries(reports);
    crate::write::replace(path, to_text(&entries).as_bytes()).map_err(|source| {
        BaselineError::Io {
            path: path.display().to_string(),
            source,
        }
    })?;
    Ok(entries.len())
}

/// Reads a baseline file.
pub fn read(path: &Path) -> Result<Vec<Entry>, BaselineError> {
    let shown = path.display().to_string();
    let source = crate::source::Source::read(path).map_err(|e| match e {
        crate::source::ReadError::Io { source } => BaselineError::Io {
            path: shown.clone(),
            source,
        },
        e => BaselineError::Invalid {
            path: shown.clone(),
            why: e.to_string(),
        },
    })?;
    let file: File = serde_json::from_str(&source.text).map_err(|e| BaselineError::Invalid {
        path: shown.clone(),
        why: e.to_string(),
    })?;
    if file.version != 1 {
        return Err(BaselineError::Invalid {
            path: shown,
            why: format!("version {}, not 1", file.version),
        });
    }
    Ok(file.findings)
}

/// Drops from `reports` the findings `baseline` holds; adds a `baseline-stale` info, in a
/// report of its own for `baseline_path`, for each entry of a checked page that matched
/// nothing. Returns how many findings were dropped.
pub fn apply(reports: &mut Vec<FileReport>, baseline: &[Entry], baseline_path: &str) -> usize {
    let known: BTreeSet<(&str, &str)> = baseline
        .iter()
        .map(|e| (e.path.as_str(), e.fingerprint.as_str()))
        .collect();
    let mut matched: BTreeSet<(String, String)> = BTreeSet::new();
    let mut checked: BTreeSet<String> = BTreeSet::new();
    let mut dropped = 0;
    for report in reports.iter_mut() {
        let prints = fingerprints(report);
        let path = artifact_path(&report.path).to_string();
        if report.text.is_some() {
            checked.insert(path.clone());
        }
        let keep: Vec<bool> = report
            .diagnostics
            .iter()
            .zip(&prints)
            .map(|(d, print)| {
                let hit = !d.fatal && known.contains(&(path.as_str(), print.as_str()));
                if hit {
                    matched.insert((path.clone(), print.clone()));
                }
                !hit
            })
            .collect();
        let mut keep = keep.into_iter();
        let before = report.diagnostics.len();
        report.diagnostics.retain(|_| keep.next().unwrap_or(true));
        dropped += before - report.diagnostics.len();
    }
    let stale: Vec<_> = baseline
        .iter()
        .filter(|e| checked.contains(&e.path))
        .filter(|e| !matched.contains(&(e.path.clone(), e.fingerprint.clone())))
        .map(|e| {
            let mut d = crate::diagnostic::path_error(
                baseline_path,
                STALE,
                format!("{} no longer finds \"{}\" in {}", e.rule, e.message, e.path),
            );
            d.severity = Severity::Info;
            d.fatal = false;
            d.help = Some("it was fixed: rewrite the baseline with --write-baseline".into());
            d
        })
        .collect();
    if !stale.is_empty() {
        reports.push(FileReport {
            path: baseline_path.to_string(),
            text: None,
            diagnostics: stale,
        });
        reports.sort_by(|a, b| a.path.cmp(&b.path));
    }
    dropped
}

//! `--format gitlab`: GitLab Code Quality JSON, for the merge request widget.
//!
//! An array of Code Climate issues. GitLab compares the fingerprints of the source and target
//! branches to tell new findings from old ones, so they never depend on the line number
//! (see [`super::fingerprints`]).

use super::{Run, artifact_path, fingerprints, last_line};
use crate::diagnostic::Diagnostic;
use crate::rules::Severity;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

pub(super) fn write(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let mut issues = Vec::new();
    for report in run.reports {
        for (d, fingerprint) in report.diagnostics.iter().zip(fingerprints(report)) {
            issues.push(Issue {
                kind: "issue",
                description: &d.message,
                check_name: &d.rule,
                fingerprint,
                severity: severity(d),
                location: Location {
                    path: artifact_path(&d.path),
                    lines: Lines {
                        begin: d.line,
                        end: last_line(d),
                    },
                },
            });
        }
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

/// GitLab's scale is info, minor, major, critical, blocker. A page that could not be checked
/// at all is critical: its other defects are unknown.
fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        _ if d.fatal => "critical",
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

//! `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.
//!
//! One run: the tool with every rule and its documentation, then one result per diagnostic.
//! Columns are UTF-16 code units (`columnKind`), as GitHub counts them. Problems that stopped a
//! page from being checked are results too (rules `path-error`, `read-error`, `parse-error`), so
//! they show up where the findings do, and tool execution notifications for the tool's status.

use super::{Run, artifact_path, fingerprints};
use crate::diagnostic::{Diagnostic, error_ids};
use crate::line_index::{LineIndex, Position};
use crate::rules::{RULES, Severity};
use serde_json::{Value, json};
use std::io::{self, Write};

/// The schema the log declares: SARIF 2.1.0 as published by OASIS.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The `partialFingerprints` key: jobfam's own, versioned. `primaryLocationLineHash` is left
/// to GitHub, which computes it from the file and warns when a tool's value differs.
const FINGERPRINT_KEY: &str = "jobfam/v1";

/// Ids of file-level problems, with what each means, described as rules after the real ones.
const FILE_ERRORS: &[(&str, &str)] = &[
    (
        error_ids::PATH,
        "A path given to jobfam names nothing, or a directory with no pages.",
    ),
    (
        error_ids::READ,
        "A page or word list could not be read, or is not UTF-8.",
    ),
    (
        error_ids::PARSE,
        "A page's front matter does not parse, so the page was not checked.",
    ),
    (
        error_ids::WRITE,
        "--fix could not write a page (read-only, or changed since it was read); it is unchanged.",
    ),
    (
        error_ids::CONFIG,
        "The jobfam.toml config file cannot be used, so no page was checked.",
    ),
    (
        error_ids::BASELINE_STALE,
        "A --baseline entry matches no finding any more: it was fixed, and the baseline can be rewritten.",
    ),
];

pub(super) fn write(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for report in run.reports {
        let index = report.text.as_deref().map(|t| (t, LineIndex::new(t)));
        let located = report.diagnostics.iter().zip(fingerprints(report));
        for (d, fingerprint) in located {
            let (start, end) = match &index {
                Some((text, index)) => (
                    index.position_utf16(text, d.span.start),
                    index.position_utf16(text, d.span.end),
                ),
                None => (
                    Position { line: 1, column: 1 },
                    Position { line: 1, column: 1 },
                ),
            };
            let location = location(d, start, end);
            if d.fatal {
                notifications.push(json!({
                    "level": "error",
                    "message": {"text": d.message},
                    "locations": [location],
                    "descriptor": {"id": d.rule},
                }));
            }
            results.push(result(d, location, &fingerprint));
        }
    }
    let mut driver = json!({
        "name": "jobfam",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules(),
    });
    let repository = env!("CARGO_PKG_REPOSITORY");
    if !repository.is_empty() {
        driver["informationUri"] = json!(repository);
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            // GitHub stops processing a whole upload whose execution was not successful, so a
            // page that could not be read would hide every finding: jobfam did run, and says
            // what it could not check in the notifications and results instead.
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// Every rule, then the file-level problems, as SARIF reporting descriptors.
fn rules() -> Vec<Value> {
    let documented = RULES.iter().map(|r| {
        let doc = r.doc_markdown().trim().to_string();
        json!({
            "id": r.id,
            "shortDescription": {"text": r.summary()},
            "fullDescription": {"text": r.what_it_does()},
            "help": {"text": doc, "markdown": doc},
            "defaultConfiguration": {"level": level(r.severity)},
            "properties": {"tags": [r.group()]},
        })
    });
    let file_errors = FILE_ERRORS.iter().map(|(id, text)| {
        json!({
            "id": id,
            "shortDescription": {"text": text},
            "fullDescription": {"text": format!(
                "{text} Other pages are still checked, and jobfam exits 2."
            )},
            "defaultConfiguration": {"level": "error"},
        })
    });
    documented.chain(file_errors).collect()
}

/// Where a rule or file-level id sits in [`rules`].
fn rule_index(id: &str) -> Option<usize> {
    RULES
        .iter()
        .map(|r| r.id)
        .chain(FILE_ERRORS.iter().map(|(id, _)| *id))
        .position(|r| r == id)
}

fn result(d: &Diagnostic, location: Value, fingerprint: &str) -> Value {
    let text = match &d.help {
        Some(help) => format!("{}\n\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    });
    if let Some(index) = rule_index(&d.rule) {
        result["ruleIndex"] = json!(index);
    }
    result
}

fn location(d: &Diagnostic, start: Position, end: Position) -> Value {
    let path = artifact_path(&d.path);
    let mut artifact = json!({"uri": uri(path)});
    if !is_absolute(path) {
        artifact["uriBaseId"] = json!("%SRCROOT%");
    }
    json!({
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column,
            },
        },
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn is_absolute(path: &str) -> bool {
    path.starts_with('/') || drive(path).is_some()
}

/// `C:` in a Windows path like `C:/jobs/pm.md`.
fn drive(path: &str) -> Option<&str> {
    let b = path.as_bytes();
    (b.len() > 2 && b[0].is_ascii_alphabetic() && &b[1..3] == b":/").then(|| &path[..2])
}

/// A path as a URI reference: relative paths stay relative (GitHub resolves them against the
/// checkout), absolute ones become `file://` URIs; anything outside the URI's unreserved set
/// and `/` is percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    if let Some(drive) = drive(path) {
        out.push_str("file:///");
        out.push_str(drive);
        rest = &path[drive.len()..];
    } else if path.starts_with('/') {
        out.push_str("file://");
    }
    out.push_str(&crate::paths::percent_encode_path(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded_and_absolute_paths_are_file_uris() {
        assert_eq!(uri("jobs/product manager.md"), "jobs/product%20manager.md");
        assert_eq!(uri("jobs/r&d#1.md"), "jobs/r%26d%231.md");
        assert_eq!(uri("/home/ci/jobs/pm.md"), "file:///home/ci/jobs/pm.md");
        assert_eq!(uri("C:/jobs/pm.md"), "file:///C:/jobs/pm.md");
        assert_eq!(uri("jobs/é.md"), "jobs/%C3%A9.md");
    }

    #[test]
    fn every_rule_and_file_error_has_an_index() {
        for r in RULES.iter() {
            assert!(rule_index(r.id).is_some());
        }
        assert_eq!(rule_index(error_ids::PARSE), Some(RULES.len() + 2));
        assert_eq!(rule_index("nope"), None);
    }
}

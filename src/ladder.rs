//! `jobfam ladder`: the handbook-wide ladder map. One row per job family (page): its levels on
//! each track in rank order with their grades, and the grade rules' findings on it (outliers
//! included), as a terminal table, CSV or JSON.
//!
//! It runs the `grades` rules over the pages like `check` (so cross-page rules see every
//! ladder) and reads each checked page's ladder from its model; nothing is read twice.

use crate::diagnostic::FileReport;
use crate::discover::Files;
use crate::document::kind::Kind;
use crate::source::Source;
use crate::{Contexts, check_paths};
use serde::Serialize;
use std::fmt::Write as _;

/// One job family's ladder.
#[derive(Clone, Debug, Serialize)]
pub struct Family {
    /// The page.
    pub path: String,
    /// Its title.
    pub title: Option<String>,
    /// Its levels that state a grade, individual contributors first, each track in rank order.
    pub levels: Vec<Level>,
    /// What the grade rules found on the page.
    pub anomalies: Vec<Anomaly>,
}

/// One level of a ladder.
#[derive(Clone, Debug, Serialize)]
pub struct Level {
    /// The title as the page states it.
    pub title: String,
    /// `individual` or `management`.
    pub track: &'static str,
    /// Its seniority words.
    pub seniority: String,
    /// The grade the handbook usually gives its seniority.
    pub rank: Option<f64>,
    /// Its grade, as written.
    pub grade: String,
    /// Whether a grade rule reports it.
    pub anomaly: bool,
}

/// A grade finding on a page.
#[derive(Clone, Debug, Serialize)]
pub struct Anomaly {
    /// 1-based line.
    pub line: usize,
    /// The rule.
    pub rule: String,
    /// The message.
    pub message: String,
}

/// The ladders of the job pages under `paths`, checked with `contexts` (which should run the
/// `grades` rules), and the reports of what could not be checked.
pub fn build(
    paths: &[String],
    files: &Files,
    contexts: &Contexts,
) -> (Vec<Family>, Vec<FileReport>) {
    let outcome = check_paths(paths, files, contexts);
    let mut families = Vec::new();
    let mut failed = Vec::new();
    for report in outcome.reports {
        let Some(text) = &report.text else {
            failed.push(report);
            continue;
        };
        let source = Source::from_file_text(report.path.clone().into(), text.to_string());
        let Ok(page) = crate::model(&source) else {
            failed.push(report);
            continue;
        };
        let anomalies: Vec<Anomaly> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("grades/"))
            .map(|d| Anomaly {
                line: d.line,
                rule: d.rule.to_string(),
                message: d.message.clone(),
            })
            .collect();
        if page.kind.kind != Kind::Job || page.roles.iter().all(|r| r.grade.is_none()) {
            continue;
        }
        let mut levels: Vec<Level> = Vec::new();
        for role in page.roles.iter().filter(|r| r.grade.is_some()) {
            // Each title once: a table and a section may both state it.
            if levels.iter().any(|l| l.title == role.title) {
                continue;
            }
            let named = format!("`{}`", role.title);
            levels.push(Level {
                anomaly: role.outlier || anomalies.iter().any(|a| a.message.starts_with(&named)),
                title: role.title.clone(),
                track: role.track,
                seniority: role.seniority.clone(),
                rank: role.rank,
                grade: role.grade_text.clone().unwrap_or_default(),
            });
        }
        levels.sort_by(|a, b| {
            let key = |l: &Level| {
                (
                    l.track != "individual",
                    l.rank.is_none(),
                    l.rank.unwrap_or(0.0),
                )
            };
            let (ka, kb) = (key(a), key(b));
            (ka.0, ka.1).cmp(&(kb.0, kb.1)).then(ka.2.total_cmp(&kb.2))
        });
        families.push(Family {
            path: report.path.clone(),
            title: page.title.clone(),
            levels,
            anomalies,
        });
    }
    (families, failed)
}

/// The map as a terminal table: per family a line per track (`Senior 7 · Staff 8`, `!` after
/// a level a rule reports), then the findings.
pub fn text(families: &[Family]) -> String {
    let mut out = String::new();
    for f in families {
        let _ = writeln!(
            out,
            "{}  ({})",
            f.title.as_deref().unwrap_or("(untitled)"),
            f.path
        );
        for track in ["individual", "management"] {
            let row: Vec<String> = f
                .levels
                .iter()
                .filter(|l| l.track == track)
                .map(|l| {
                    let mark = if l.anomaly { " !" } else { "" };
                    format!("{} {}{mark}", l.title, l.grade)
                })
                .collect();
            if !row.is_empty() {
                let _ = writeln!(out, "  {track:<10}  {}", row.join(" · "));
            }
        }
        for a in &f.anomalies {
            let _ = writeln!(out, "  ! {}:{}: {}: {}", f.path, a.line, a.rule, a.message);
        }
    }
    let levels: usize = families.iter().map(|f| f.levels.len()).sum();
    let anomalies: usize = families.iter().map(|f| f.anomalies.len()).sum();
    let _ = writeln!(
        out,
        "{} families, {levels} graded levels, {anomalies} grade findings",
        families.len()
    );
    out
}

/// The map as CSV: one row per level.
pub fn csv(families: &[Family]) -> String {
    let mut out = String::from("path,family,track,title,seniority,rank,grade,anomaly\n");
    for f in families {
        for l in &f.levels {
            let cells = [
                f.path.clone(),
                f.title.clone().unwrap_or_default(),
                l.track.to_string(),
                l.title.clone(),
                l.seniority.clone(),
                l.rank.map(|r| r.to_string()).unwrap_or_default(),
                l.grade.clone(),
                l.anomaly.to_string(),
            ];
            let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            let _ = writeln!(out, "{}", row.join(","));
        }
    }
    out
}

/// A CSV cell, quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or
/// `@` is escaped so a spreadsheet does not run it as a formula.
fn csv_cell(cell: &str) -> String {
    let cell = if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("Manager, Data"), "\"Manager, Data\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_cell("a \"b\""), "\"a \"\"b\"\"\"");
        assert_eq!(csv_cell("Senior"), "Senior");
    }
}

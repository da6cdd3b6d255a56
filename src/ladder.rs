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
    // Page text never reaches the terminal as control characters (an escape sequence in a
    // title must not retitle or clear it): shown escaped, as the human report shows them.
    crate::report::printable(&text_raw(families)).into_owned()
}

fn text_raw(families: &[Family]) -> String {
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

/// The seniorities in the map's columns, in rank order per track.
fn columns() -> Vec<(&'static str, &'static str, f64)> {
    crate::document::titles::USUAL_GRADES
        .iter()
        .filter(|(_, _, _, count)| *count > 0)
        .map(|&(track, name, grade, _)| (track, name, grade))
        .collect()
}

/// The map as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched):
/// a grid of families by seniority coloured by grade, a chart of grade by seniority across the
/// handbook with outliers labelled, and every finding linking to its page and line.
pub fn html(families: &[Family]) -> String {
    let cols = columns();
    let column_of = |l: &Level| {
        let (name, _) = crate::document::titles::usual_grade(&l.title)?;
        l.rank?;
        cols.iter().position(|(_, n, _)| *n == name)
    };
    let mut out = String::new();
    let levels: usize = families.iter().map(|f| f.levels.len()).sum();
    let anomalies: usize = families.iter().map(|f| f.anomalies.len()).sum();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Job-family ladders</title>\n<style>\n{STYLE}</style></head><body>\n\
         <h1>Job-family ladders</h1>\n<p class=\"summary\">{} families, {levels} graded levels, \
         {anomalies} grade findings. Cells show each level's grade, coloured by grade; a red \
         outline marks a level a grade rule reports.</p>\n",
        families.len()
    );
    // The grid.
    out.push_str("<table class=\"grid\"><thead><tr><th>family</th>");
    for (track, name, grade) in &cols {
        let _ = write!(
            out,
            "<th class=\"{track}\" title=\"usually grade {grade}\">{}</th>",
            escape(name)
        );
    }
    out.push_str("</tr></thead><tbody>\n");
    for f in families {
        let title = f.title.as_deref().unwrap_or(&f.path);
        let _ = write!(
            out,
            "<tr class=\"family\"><th scope=\"row\"><a href=\"{}\">{}</a></th>",
            escape(&f.path),
            escape(title)
        );
        for c in 0..cols.len() {
            let here: Vec<&Level> = f
                .levels
                .iter()
                .filter(|l| column_of(l) == Some(c))
                .collect();
            if here.is_empty() {
                out.push_str("<td></td>");
                continue;
            }
            let grade = here
                .iter()
                .filter_map(|l| l.grade.trim_end_matches('+').parse::<f64>().ok())
                .fold(f64::NAN, f64::max);
            let class = if here.iter().any(|l| l.anomaly) {
                " class=\"anomaly\""
            } else {
                ""
            };
            let titles: Vec<String> = here
                .iter()
                .map(|l| format!("{} {}", l.title, l.grade))
                .collect();
            let grades: Vec<&str> = here.iter().map(|l| l.grade.as_str()).collect();
            let _ = write!(
                out,
                "<td{class} style=\"background:{}\" title=\"{}\">{}</td>",
                colour(grade),
                escape(&titles.join("; ")),
                escape(&grades.join("/"))
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    // The chart: every ranked level, grade by seniority.
    let (width, height, left, top, step) =
        (60.0 * cols.len() as f64 + 80.0, 420.0, 50.0, 20.0, 60.0);
    let y = |g: f64| top + (15.0 - g) * 24.0;
    let _ = write!(
        out,
        "<h2>Grade by seniority</h2>\n<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" \
         width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"grade by seniority\">\n"
    );
    for g in (1..=15).map(f64::from) {
        let (line_y, right, label_x, label_y) = (y(g), width - 10.0, left - 25.0, y(g) + 4.0);
        let _ = writeln!(
            out,
            "<line x1=\"{left}\" x2=\"{right}\" y1=\"{line_y}\" y2=\"{line_y}\" class=\"rule\"/>\
             <text x=\"{label_x}\" y=\"{label_y}\" class=\"axis\">{g}</text>"
        );
    }
    for (c, (track, name, usual)) in cols.iter().enumerate() {
        let x = left + step * (c as f64 + 0.5);
        let _ = writeln!(
            out,
            "<text x=\"{x}\" y=\"{}\" class=\"axis {track}\" text-anchor=\"end\" transform=\"rotate(-35 {x} {})\">{}</text>\
             <line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" class=\"usual\"/>",
            height - 75.0,
            height - 75.0,
            escape(name),
            x - 20.0,
            x + 20.0,
            y(*usual),
            y(*usual)
        );
    }
    for f in families {
        for l in &f.levels {
            let (Some(c), Ok(g)) = (column_of(l), l.grade.trim_end_matches('+').parse::<f64>())
            else {
                continue;
            };
            let x = left + step * (c as f64 + 0.5);
            let class = if l.anomaly { "point anomaly" } else { "point" };
            let _ = writeln!(
                out,
                "<circle cx=\"{x}\" cy=\"{}\" r=\"4\" class=\"{class}\"><title>{}: {} {}</title></circle>",
                y(g),
                escape(f.title.as_deref().unwrap_or(&f.path)),
                escape(&l.title),
                escape(&l.grade)
            );
            if l.anomaly {
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" class=\"label\">{}</text>",
                    x + 6.0,
                    y(g) + 4.0,
                    escape(&l.title)
                );
            }
        }
    }
    out.push_str("</svg>\n<h2>Grade findings</h2>\n<ul class=\"findings\">\n");
    for f in families {
        for a in &f.anomalies {
            let _ = writeln!(
                out,
                "<li><a href=\"{}#L{}\">{}:{}</a> <code>{}</code> {}</li>",
                escape(&f.path),
                a.line,
                escape(&f.path),
                a.line,
                escape(&a.rule),
                escape(&a.message)
            );
        }
    }
    out.push_str("</ul>\n</body></html>\n");
    out
}

/// Inline CSS of the HTML map.
const STYLE: &str = "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}\
table.grid{border-collapse:collapse;font-size:12px}\
.grid th,.grid td{border:1px solid #ddd;padding:2px 6px;text-align:center}\
.grid th[scope=row]{text-align:left;font-weight:normal;white-space:nowrap;max-width:22em;overflow:hidden;text-overflow:ellipsis}\
.grid thead th{position:sticky;top:0;background:#fafafa}\
.grid thead th.management{background:#eef3fb}\
td.anomaly{outline:2px solid #c62828;outline-offset:-2px;font-weight:bold}\
.chart .rule{stroke:#eee}.chart .usual{stroke:#555;stroke-width:2}\
.chart .axis{font-size:11px;fill:#555}.chart .point{fill:#1565c0;fill-opacity:.35}\
.chart .point.anomaly{fill:#c62828;fill-opacity:1}.chart .label{font-size:10px;fill:#c62828}\
.findings code{color:#555}\n";

/// A background colour for a grade: light blue for low grades to deep amber for high ones.
fn colour(grade: f64) -> String {
    if grade.is_nan() {
        return "#fff".into();
    }
    let t = ((grade - 4.0) / 9.0).clamp(0.0, 1.0);
    let hue = 210.0 - 170.0 * t;
    format!("hsl({hue:.0},70%,{:.0}%)", 88.0 - 30.0 * t)
}

/// Text made safe for HTML text and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
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

    #[test]
    fn the_table_sends_no_control_character() {
        let family = Family {
            path: "p.md".into(),
            title: Some("Data\u{1b}]0;pwned\u{7}".into()),
            levels: Vec::new(),
            anomalies: Vec::new(),
        };
        let out = text(&[family]);
        assert!(!out.contains(['\u{1b}', '\u{7}']), "{out:?}");
    }

    #[test]
    fn html_escapes_what_pages_say() {
        assert_eq!(
            escape("<script>\"x\" & 'y'\u{1b}"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;\u{fffd}"
        );
    }
}

//! `--statistics`: the findings counted per rule, instead of listed.

use super::Run;
use std::io::{self, Write};

/// `--statistics`: one line per rule that found something, most findings first: count, rule,
/// and how many of them `--fix` fixes (`[*]` when all of them).
pub fn write_statistics(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for d in run.reports.iter().flat_map(|r| &r.diagnostics) {
        let fixable = d
            .fix
            .as_ref()
            .is_some_and(|f| f.applicability == crate::rules::Applicability::Safe);
        match counts.iter_mut().find(|(rule, ..)| *rule == d.rule) {
            Some(entry) => {
                entry.1 += 1;
                entry.2 += usize::from(fixable);
            }
            None => counts.push((&d.rule, 1, usize::from(fixable))),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let width = counts
        .iter()
        .map(|c| c.1.to_string().len())
        .max()
        .unwrap_or(1);
    let rule_width = counts.iter().map(|c| c.0.len()).max().unwrap_or(0);
    for (rule, n, fixable) in &counts {
        let mark = match fixable {
            0 => String::new(),
            f if f == n => "[*]".to_string(),
            f => format!("[*] {f} fixable"),
        };
        let line = format!("{n:>width$}  {rule:<rule_width$}  {mark}");
        writeln!(out, "{}", line.trim_end())?;
    }
    let s = crate::diagnostic::Summary::of(run.reports);
    writeln!(out, "{}", super::human::summary_line(s, run.files_checked))
}

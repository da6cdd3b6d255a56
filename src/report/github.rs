//! `--format github`: GitHub Actions workflow commands, one per diagnostic.
//!
//! The runner turns each `::error …::message` line into an annotation on the file and line,
//! shown in the job summary and on the pull request's changed lines.

use super::{Run, artifact_path, last_line, printable, printable_line};
use crate::diagnostic::Diagnostic;
use crate::rules::Severity;
use std::io::{self, Write};

pub(super) fn write(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    for d in run.reports.iter().flat_map(|r| &r.diagnostics) {
        writeln!(out, "{}", command(d))?;
    }
    Ok(())
}

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::MESSAGE`.
fn command(d: &Diagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let end_line = last_line(d);
    let mut properties = format!(
        "file={},line={}",
        escape_property(&printable_line(artifact_path(&d.path))),
        d.line
    );
    // GitHub takes columns only for an annotation on one line.
    if end_line == d.line && d.end_line == d.line {
        properties.push_str(&format!(
            ",col={},endLine={end_line},endColumn={}",
            d.column, d.end_column
        ));
    } else {
        properties.push_str(&format!(",endLine={end_line}"));
    }
    properties.push_str(&format!(
        ",title={}",
        escape_property(&printable_line(&d.rule))
    ));
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    format!(
        "::{kind} {properties}::{}",
        escape_data(&printable(&message))
    )
}

/// Escapes a command's message the way the Actions runner unescapes it. Other control
/// characters are [`printable`]'s job: the runner would pass them on to the log viewer, which
/// obeys ANSI escapes.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: a message's escapes, plus the `:` and `,` that delimit properties.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn info_is_a_notice_and_several_lines_have_no_columns() {
        let mut d = crate::diagnostic::path_error("./jobs/pm.md", "x/y", "across".into());
        d.severity = Severity::Info;
        (d.line, d.column, d.end_line, d.end_column) = (3, 5, 6, 2);
        assert_eq!(
            command(&d),
            "::notice file=jobs/pm.md,line=3,endLine=6,title=x/y::across"
        );
        // A span that ends with its line break stays on its line.
        (d.end_line, d.end_column) = (4, 1);
        assert_eq!(
            command(&d),
            "::notice file=jobs/pm.md,line=3,endLine=3,title=x/y::across"
        );
    }
}

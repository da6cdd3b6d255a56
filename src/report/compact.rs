//! `--format compact`: one line per diagnostic, in the shape editors' error formats parse.
//!
//! Control characters and line breaks in paths and messages are escaped, so each diagnostic
//! stays one line and a page cannot drive the terminal.

use super::{Run, printable_line};
use std::io::{self, Write};

pub(super) fn write(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    for d in run.reports.iter().flat_map(|r| &r.diagnostics) {
        writeln!(
            out,
            "{}:{}:{}: {} {}: {}",
            printable_line(&d.path),
            d.line,
            d.column,
            d.severity.as_str(),
            printable_line(&d.rule),
            printable_line(&d.message)
        )?;
    }
    Ok(())
}

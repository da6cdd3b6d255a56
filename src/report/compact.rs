//! `--format compact`: one line per diagnostic, in the shape editors' error formats parse.

use super::Run;
use std::io::{self, Write};

pub(super) fn write(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    for d in run.reports.iter().flat_map(|r| &r.diagnostics) {
        writeln!(
            out,
            "{}:{}:{}: {} {}: {}",
            d.path,
            d.line,
            d.column,
            d.severity.as_str(),
            d.rule,
            d.message
        )?;
    }
    Ok(())
}

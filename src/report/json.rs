//! `--format json`: one document with a version, counts and every diagnostic.
//!
//! The shape is a contract (version 1): fields may be added, never renamed or removed.

use super::Run;
use crate::diagnostic::{Diagnostic, Summary};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files_checked: usize,
    summary: Summary,
    diagnostics: Vec<&'a Diagnostic>,
}

pub(super) fn write(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let doc = Document {
        version: 1,
        files_checked: run.files_checked,
        summary: Summary::of(run.reports),
        diagnostics: run.reports.iter().flat_map(|r| &r.diagnostics).collect(),
    };
    serde_json::to_writer(&mut *out, &doc)?;
    writeln!(out)
}

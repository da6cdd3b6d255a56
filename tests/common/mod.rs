//! Helpers shared by the test binaries.

use std::path::Path;

/// Compact lines (`path:line:col rule message`) for a report's diagnostics.
pub fn compact(report: &jobfam::diagnostic::FileReport) -> String {
    report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{} {} {}\n",
                d.path, d.line, d.column, d.rule, d.message
            )
        })
        .collect()
}

/// Checks one file with the given settings.
pub fn check_file(
    path: &Path,
    settings: &jobfam::config::Settings,
) -> jobfam::diagnostic::FileReport {
    let ctx = settings.context().expect("settings resolve");
    let source = jobfam::source::Source::read(path).expect("fixture reads");
    jobfam::check_source(&source, &ctx)
}

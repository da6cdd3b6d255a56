//! Integration tests, built as one binary to keep `cargo test` fast.
#![allow(clippy::unwrap_used, clippy::print_stderr, clippy::disallowed_methods)]

mod bad_input;
mod commands;
mod config;
mod corpus;
mod fix;
mod grades;
mod kinds;
mod links;
mod lsp;
mod never_damage;
mod regressions;
mod reports;
mod slug_renderers;
mod spelling;
mod structure;
mod suppress;

use std::path::Path;

#[path = "../common/mod.rs"]
mod common;
pub use common::{check_file, compact};

/// The `jobfam` binary, with colour and terminal width pinned.
pub fn jobfam() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("jobfam").expect("binary builds");
    cmd.env("NO_COLOR", "1").env("COLUMNS", "100");
    cmd
}

/// Runs `jobfam ARGS` in `dir`: (exit code, stdout, stderr).
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = jobfam().current_dir(dir).args(args).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

/// Runs `jobfam check --format compact ARGS` in `dir`: (exit code, stdout, stderr).
pub fn check_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let all: Vec<&str> = ["check", "--format", "compact"]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    run_in(dir, &all)
}

/// The diagnostics of the rules (or groups, comma-separated) `select` on a page held in memory.
pub fn diagnostics_of(text: &str, select: &str) -> Vec<jobfam::diagnostic::Diagnostic> {
    let settings = jobfam::config::Settings {
        select: select.split(',').map(str::to_string).collect(),
        ..jobfam::config::Settings::default()
    };
    jobfam::check_text("page.md", text, &settings.context().unwrap()).diagnostics
}

/// `jobfam check --format json --select RULE PATH`, parsed.
pub fn json_report(rule: &str, path: &str) -> serde_json::Value {
    let out = jobfam()
        .args(["check", "--format", "json", "--select", rule, path])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A temporary folder holding `files` (path, bytes), with the folders they need.
pub fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

//! The data flows one way: discover → source → document → (site, spelling) → schema → rules →
//! suppress → diagnostic → report, then config, with lib, fix, lsp, cli and main above them
//! and the ground floor (paths, similar, globs, write, line_index) below. This test reads every
//! `crate::…` path in `src/` and fails on any edge from a module to one above it (README,
//! "Layout").
#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

use std::collections::BTreeSet;
use std::path::Path;

/// The layers, lowest first; a module may use its own layer's modules and any below.
const LAYERS: &[&[&str]] = &[
    &["paths", "similar", "globs", "write", "line_index"],
    &["discover"],
    &["source"],
    &["document"],
    &["site", "spelling", "partials"],
    &["schema"],
    &["rules"],
    &["suppress"],
    &["diagnostic"],
    &["report"],
    &["config"],
    &["lib", "fix", "ladder", "lsp", "cli", "main"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The text of `source` without comments and string literals, which may name modules freely.
fn code_only(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            // A char literal: `'"'` or `'\\''` would otherwise open a string.
            '\'' if chars.peek() == Some(&'\\') => {
                out.push(c);
                chars.next();
                chars.next();
            }
            '\'' => {
                let mut ahead = chars.clone();
                ahead.next();
                if ahead.next() == Some('\'') {
                    chars.next();
                    chars.next();
                    out.push_str("' '");
                } else {
                    out.push(c); // a lifetime
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if !escaped && c == '"' {
                        break;
                    }
                    escaped = !escaped && c == '\\';
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Top-level modules named by `crate::` paths in `code`: `crate::a::b`, and each first
/// segment of `use crate::{a, b::c}`; a name that is no module (`crate::check_source`) is
/// the crate root, `lib`.
fn uses(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let module = |name: &str| {
        if layer(name).is_some() {
            name.to_string()
        } else {
            "lib".to_string()
        }
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a::X, b, c::{d, e}}`: the first name of each top-level item.
            let mut depth = 0;
            let mut items = vec![String::new()];
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => items.push(String::new()),
                    c => items.last_mut().unwrap().push(c),
                }
            }
            for item in items {
                let name: String = item
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != "self" {
                    found.insert(module(&name));
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(module(&name));
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every edge against the flow, as `from -> to (file)`.
fn back_edges(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut back = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let from = first.to_str().unwrap().trim_end_matches(".rs").to_string();
        let from_layer = layer(&from).unwrap_or_else(|| {
            panic!("{from} (src/{}) has no layer in LAYERS", relative.display())
        });
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        for to in uses(&code) {
            if to != from && layer(&to).unwrap() > from_layer {
                back.push(format!("{from} -> {to} (src/{})", relative.display()));
            }
        }
    }
    back
}

#[test]
fn every_module_uses_only_the_modules_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let back = back_edges(&src);
    assert!(
        back.is_empty(),
        "edges against the data flow:\n{}",
        back.join("\n")
    );
}

#[test]
fn the_reader_sees_every_form_of_use() {
    let code = code_only(
        "use crate::rules::{Finding, Input};\nuse crate::{diagnostic::{self, Diagnostic}, report, Outcome};\n\
         let x = crate::spelling::is_common(\"crate::config\"); // crate::lsp\n\
         let q = '\"'; fn f<'a>(x: &'a str) {} let e = '\\''; crate::source::read();\n",
    );
    let found: Vec<String> = uses(&code).into_iter().collect();
    assert_eq!(
        found,
        ["diagnostic", "lib", "report", "rules", "source", "spelling"]
    );
}

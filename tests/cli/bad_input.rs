//! Bad input: one clear error naming the file, exit code 2, no panic, other files still checked.

use crate::{dir_with, jobfam};
use tempfile::TempDir;

/// A job page (its layout says so) with one finding: a placeholder on line 7.
const GOOD: &str =
    "---\ntitle: \"Analyst\"\nlayout: job_family_page\n---\n\n## Responsibilities\n- TODO\n";

/// Runs `check --format compact` in `dir` and returns (exit code, stdout, stderr).
fn check_in(dir: &TempDir, args: &[&str]) -> (i32, String, String) {
    crate::check_in(
        dir.path(),
        &[&["--select", "structure/placeholder"], args].concat(),
    )
}

#[test]
fn missing_path() {
    let dir = dir_with(&[]);
    let (code, out, _) = check_in(&dir, &["nope.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "nope.md:1:1: error path-error: no such file or directory; check the path\n"
    );
}

#[test]
fn directory_with_no_pages() {
    let dir = dir_with(&[("empty/notes.txt", b"x")]);
    let (code, out, _) = check_in(&dir, &["empty"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "empty:1:1: error path-error: no pages matching **/*.md in this directory; pass files directly or add --include\n"
    );
}

#[test]
fn glob_that_matches_nothing() {
    let dir = dir_with(&[("a.md", GOOD.as_bytes())]);
    let (code, out, _) = check_in(&dir, &["*.markdown", "a.md"]);
    assert_eq!(code, 2);
    assert!(
        out.starts_with("*.markdown:1:1: error path-error: glob pattern matched no files"),
        "{out}"
    );
    assert!(
        out.contains("a.md:7:3: warning structure/placeholder"),
        "the good file is still checked: {out}"
    );
}

#[test]
fn invalid_utf8_nul_and_front_matter_errors_each_name_their_file() {
    let dir = dir_with(&[
        ("pages/a-good.md", GOOD.as_bytes()),
        ("pages/latin1.md", b"---\ntitle: \"Caf\xe9\"\n---\n"),
        ("pages/binary.md", b"PK\x03\x04\x00\x00"),
        (
            "pages/unterminated.md",
            b"---\ntitle: \"Analyst\"\n\n## Responsibilities\n",
        ),
        (
            "pages/malformed.md",
            b"---\ntitle: \"Analyst\"\nlevels: [one, two\n---\n# Analyst\n",
        ),
        ("pages/list.md", b"---\n- one\n- two\n---\n# Analyst\n"),
    ]);
    let (code, out, _) = check_in(&dir, &["pages"]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert_eq!(
        lines[0],
        "pages/a-good.md:7:3: warning structure/placeholder: `TODO` marker left in the page"
    );
    assert_eq!(
        lines[1],
        "pages/binary.md:1:1: error read-error: file contains a NUL byte at offset 4, so it looks binary; exclude it"
    );
    assert_eq!(
        lines[2],
        "pages/latin1.md:1:1: error read-error: file is not valid UTF-8 (line 2, byte offset 15); save it as UTF-8 or exclude it"
    );
    assert_eq!(
        lines[3],
        "pages/list.md:2:1: error parse-error: front matter is a list or a single value, not `key: value` pairs; write it as a YAML mapping"
    );
    assert_eq!(
        lines[4],
        "pages/malformed.md:3:9: error parse-error: front matter is not valid YAML: unclosed bracket '['; fix the YAML between the `---` lines",
        "YAML errors name the page line and column"
    );
    assert_eq!(
        lines[5],
        "pages/unterminated.md:1:1: error parse-error: front matter starts with `---` but has no closing `---` line; add one after the YAML"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn unreadable_file() {
    // Permissions do not stop root (CI runs as root); /proc/self/mem is a regular file that
    // fails to read at offset 0 for every user.
    let dir = dir_with(&[("a.md", GOOD.as_bytes())]);
    let (code, out, _) = check_in(&dir, &["/proc/self/mem", "a.md"]);
    assert_eq!(code, 2);
    assert!(
        out.contains("/proc/self/mem:1:1: error read-error: cannot read file: "),
        "{out}"
    );
    assert!(
        out.contains("check that it exists and is readable"),
        "{out}"
    );
    assert!(
        out.contains("a.md:7:3: warning structure/placeholder"),
        "{out}"
    );
}

#[test]
fn invalid_schema_file() {
    let dir = dir_with(&[
        ("a.md", GOOD.as_bytes()),
        ("broken.json", b"{\"type\": \n"),
        ("wrong.json", b"{\"type\": 5}"),
    ]);
    let (code, out, err) = check_in(&dir, &["--schema", "broken.json", "a.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "broken.json:1:1: error config-error: schema is not valid JSON: EOF while parsing a value (line 2, column 0)\n"
    );
    assert_eq!(
        err,
        "error: schema broken.json cannot be used; fix it, or leave out --schema to use the built-in one\n"
    );
    let (code, out, _) = check_in(&dir, &["--schema", "wrong.json", "a.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "wrong.json:1:1: error config-error: schema is not a valid JSON Schema: 5 is not valid under any of the schemas listed in the 'anyOf' keyword\n"
    );
    let (code, out, _) = check_in(&dir, &["--schema", "missing.json", "a.md"]);
    assert_eq!(code, 2);
    assert!(
        out.starts_with("missing.json:1:1: error config-error: cannot read schema: "),
        "{out}"
    );
}

/// A schema that cannot be used is reported in the format asked for and in --output, as a
/// config file's problems are, so a CI report says why it is empty.
#[test]
fn schema_errors_reach_machine_reports_and_the_output_file() {
    let dir = dir_with(&[("a.md", GOOD.as_bytes()), ("wrong.json", b"{\"type\": 5}")]);
    let (code, out, err) = crate::run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--output",
            "report.json",
            "--schema",
            "wrong.json",
            "a.md",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        out.contains("wrong.json"),
        "the human report still goes to standard output: {out}"
    );
    assert_eq!(
        err,
        "error: schema wrong.json cannot be used; fix it, or leave out --schema to use the built-in one\n"
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap())
            .unwrap();
    assert_eq!(report["files_checked"], 0);
    let d = &report["diagnostics"][0];
    assert_eq!(
        (
            d["path"].as_str(),
            d["rule"].as_str(),
            d["severity"].as_str()
        ),
        (Some("wrong.json"), Some("config-error"), Some("error"))
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("schema is not a valid JSON Schema: "),
        "{d}"
    );
}

/// A pattern megabytes long is quoted cut short, never whole: in a schema that does not
/// compile, in `x-near`, and in a finding of a schema that does.
#[test]
fn huge_patterns_give_messages_of_bounded_length() {
    let huge = format!("({}[", "a".repeat(1_500_000));
    let pattern = serde_json::json!({"properties": {"title": {"pattern": huge}}}).to_string();
    let near = serde_json::json!({"x-near": huge}).to_string();
    let long = format!("^{}", "a".repeat(5_000));
    let compiles = serde_json::json!({
        "properties": {"front_matter": {"properties": {"title": {"pattern": long}}}}
    })
    .to_string();
    let dir = dir_with(&[
        ("a.md", GOOD.as_bytes()),
        ("pattern.json", pattern.as_bytes()),
        ("near.json", near.as_bytes()),
        ("compiles.json", compiles.as_bytes()),
    ]);
    let a79 = "a".repeat(79);
    let (code, out, _) = check_in(&dir, &["--schema", "pattern.json", "a.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        format!(
            "pattern.json:1:1: error config-error: schema is not a valid JSON Schema: \"({}…\" is not a \"regex\"\n",
            "a".repeat(78)
        )
    );
    let (code, out, _) = check_in(&dir, &["--schema", "near.json", "a.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        format!(
            "near.json:1:1: error config-error: schema is not a valid JSON Schema: `x-near` `({a79}…` is not a valid regex: unclosed character class\n"
        )
    );
    let (code, out, _) = crate::check_in(
        dir.path(),
        &[
            "--select",
            "structure/schema",
            "--schema",
            "compiles.json",
            "a.md",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "a.md:2:1: error structure/schema: `front_matter.title` does not match `^{}…`\n",
            "a".repeat(79)
        )
    );
}

#[test]
fn unknown_rule_selector() {
    let dir = dir_with(&[("a.md", GOOD.as_bytes())]);
    let out = jobfam()
        .current_dir(dir.path())
        .args(["check", "--select", "structure/placehold", "a.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: `structure/placehold` is not a rule id or group (did you mean `structure/placeholder`?); `jobfam rules` lists them\n"
    );
}

#[test]
fn human_format_shows_the_yaml_line() {
    let dir = dir_with(&[(
        "bad.md",
        b"---\ntitle: \"Analyst\"\nlevels: [one, two\n---\n",
    )]);
    let out = jobfam()
        .current_dir(dir.path())
        .args(["check", "bad.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("parse-error"), "{text}");
    assert!(text.contains("[bad.md:3:"), "{text}");
    assert!(text.contains("levels: [one, two"), "{text}");
}

/// The lines of `check --format compact --select structure/placeholder ARGS` in `dir`.
#[cfg(unix)]
fn lines_in(dir: &TempDir, args: &[&str]) -> (i32, Vec<String>) {
    let (code, out, _) = check_in(dir, args);
    (code, out.lines().map(str::to_string).collect())
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
const PIPE: &str = "is a named pipe, not a file; jobfam reads only regular files: replace it with one, or exclude it";
#[cfg(unix)]
const ZERO: &str = "is a link to a device (`/dev/zero`), not a file; jobfam reads only regular files: replace it with one, or exclude it";

/// Reading a named pipe waits for a writer forever, and `/dev/zero` never ends: both are
/// refused before a byte is read, and the other pages are still checked.
#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_link_to_a_device_is_refused_unread() {
    let dir = dir_with(&[("pages/a.md", GOOD.as_bytes())]);
    mkfifo(&dir.path().join("pages/pipe.md"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("pages/zero.md")).unwrap();
    let expected = [
        "pages/a.md:7:3: warning structure/placeholder: `TODO` marker left in the page".to_string(),
        format!("pages/pipe.md:1:1: error read-error: {PIPE}"),
        format!("pages/zero.md:1:1: error read-error: {ZERO}"),
    ];
    assert_eq!(lines_in(&dir, &["pages/*.md"]), (2, expected.to_vec()));
    // Named, the pipe was "no such file or directory".
    assert_eq!(
        lines_in(&dir, &["pages/pipe.md", "pages/a.md"]),
        (2, vec![expected[0].clone(), expected[1].clone()])
    );
    // A walk takes regular files only, as ripgrep's does.
    assert_eq!(lines_in(&dir, &["pages"]), (0, vec![expected[0].clone()]));
}

/// `model`, `--schema`, `--words`, `--config` and a `.jobfam-words.txt` beside a page are read
/// as pages are.
#[cfg(unix)]
#[test]
fn settings_files_that_are_not_files_are_refused_unread() {
    let dir = dir_with(&[("a.md", GOOD.as_bytes())]);
    mkfifo(&dir.path().join("pipe"));
    let (code, out, err) = crate::run_in(dir.path(), &["model", "pipe"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, format!("error: pipe: {PIPE}\n"));

    assert_eq!(
        lines_in(&dir, &["--schema", "pipe", "a.md"]),
        (
            2,
            vec![format!(
                "pipe:1:1: error config-error: cannot read schema: {PIPE}"
            )]
        )
    );
    let (code, _, err) = check_in(&dir, &["--words", "pipe", "a.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!("error: cannot read the word list pipe: {PIPE}\n")
    );
    assert_eq!(
        lines_in(&dir, &["--config", "pipe", "a.md"]),
        (
            2,
            vec![format!("pipe:1:1: error config-error: config file {PIPE}")]
        )
    );

    // Beside the page, a word list was passed over when it was not a file; now it is refused.
    std::os::unix::fs::symlink("/dev/zero", dir.path().join(".jobfam-words.txt")).unwrap();
    let (code, out, _) = crate::check_in(dir.path(), &["--select", "spelling", "a.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        format!(
            "a.md:1:1: error read-error: cannot read the word list {}: {ZERO}\n",
            dir.path().join(".jobfam-words.txt").display()
        )
    );
}

/// A file over the size limit is one read error that says how to raise the limit; the other
/// pages are still checked. Standard input has the same limit.
#[test]
fn a_file_over_the_size_limit_is_one_read_error() {
    let big = format!("{GOOD}{}\n", "x".repeat(2049 - GOOD.len()));
    let dir = dir_with(&[("a.md", GOOD.as_bytes()), ("big.md", big.as_bytes())]);
    let (code, out, _) = check_in(&dir, &["--max-file-size", "1K", "a.md", "big.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "a.md:7:3: warning structure/placeholder: `TODO` marker left in the page
big.md:1:1: error read-error: is 2.0 KiB (2050 bytes), over the size limit of 1 KiB; raise the limit with --max-file-size or `max_file_size` in jobfam.toml, or exclude the file
"
    );
    let (code, out, _) = check_in(&dir, &["--max-file-size", "2050", "big.md"]);
    assert_eq!((code, out.lines().count()), (0, 1), "{out}");

    let out = jobfam()
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "compact",
            "--max-file-size",
            "1K",
            "--stdin",
        ])
        .write_stdin(big)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "<stdin>:1:1: error read-error: standard input is over the size limit of 1 KiB; raise it with --max-file-size\n"
    );

    let (code, _, err) = check_in(&dir, &["--max-file-size", "1X", "a.md"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "`1X` is not a size; write bytes, or a number with K, M or G (like 16M or 16MiB)"
        ),
        "{err}"
    );
}

/// `**` does not enter linked folders (as bash and zsh do not), so two links to a folder above
/// cannot make the expansion endless (the glob crate's walker followed them: 2^40 paths).
#[cfg(unix)]
#[test]
fn a_glob_over_a_symlink_cycle_ends() {
    let dir = dir_with(&[("tree/sub/b.md", GOOD.as_bytes())]);
    std::os::unix::fs::symlink("..", dir.path().join("tree/sub/up")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("tree/sub/again")).unwrap();
    let page = "tree/sub/b.md:7:3: warning structure/placeholder: `TODO` marker left in the page";
    assert_eq!(
        lines_in(&dir, &["tree/**/*.md"]),
        (0, vec![page.to_string()])
    );
    assert_eq!(lines_in(&dir, &["tree"]), (0, vec![page.to_string()]));
    // A link named in the pattern itself is followed: it cannot loop.
    std::os::unix::fs::symlink("tree/sub", dir.path().join("link")).unwrap();
    assert_eq!(
        lines_in(&dir, &["link/*.md"]),
        (0, vec![page.replace("tree/sub", "link")])
    );
}

/// A name that is not UTF-8 was skipped without a word; it is reported, and can be excluded.
#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_utf8_is_reported() {
    use std::os::unix::ffi::OsStrExt;
    let dir = dir_with(&[("a.md", GOOD.as_bytes())]);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(dir.path().join(name), GOOD).unwrap();
    std::fs::write(
        dir.path().join(std::ffi::OsStr::from_bytes(b"\xff.png")),
        b"",
    )
    .unwrap();
    let (code, lines) = lines_in(&dir, &["."]);
    assert_eq!(code, 2);
    assert_eq!(
        lines,
        [
            "./a.md:7:3: warning structure/placeholder: `TODO` marker left in the page",
            "./caf\u{fffd}.md:1:1: error path-error: file name is not valid UTF-8, so jobfam cannot check it; rename it or exclude it",
        ],
        "a name that is no page's (`\\xff.png`) is not reported"
    );
    assert_eq!(lines_in(&dir, &["*.md"]).1.len(), 2);
    assert_eq!(lines_in(&dir, &[".", "--exclude", "caf?.md"]).0, 0);
}

/// `Path::is_file` said "no such file" for a file in a folder that cannot be entered; the
/// error from its metadata says why.
#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_entered_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&[
        ("locked/a.md", GOOD.as_bytes()),
        ("open/b.md", GOOD.as_bytes()),
    ]);
    std::os::unix::fs::symlink("nowhere.md", dir.path().join("dangling.md")).unwrap();
    assert_eq!(
        lines_in(&dir, &["dangling.md"]),
        (2, vec!["dangling.md:1:1: error path-error: is a symbolic link to `nowhere.md`, which does not exist; fix the link or exclude it".to_string()])
    );
    let locked = dir.path().join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(&locked).is_ok();
    if readable {
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: running as root, where a folder with mode 000 can still be entered");
        return;
    }
    let denied = |folder: &str| {
        format!(
            "{folder}:1:1: error path-error: cannot enter folder {folder}: permission denied; check its permissions, or exclude it"
        )
    };
    let results = [
        lines_in(&dir, &["locked/a.md"]),
        lines_in(&dir, &["locked/*.md"]),
        lines_in(&dir, &["locked"]),
        lines_in(&dir, &["."]),
    ];
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        results[0],
        (2, vec!["locked/a.md:1:1: error path-error: cannot enter folder locked: permission denied; check its permissions, or exclude it".to_string()])
    );
    assert_eq!(results[1], (2, vec![denied("locked")]));
    assert_eq!(results[2], (2, vec![denied("locked")]));
    assert_eq!(
        results[3],
        (
            2,
            vec![
                denied("./locked"),
                "./open/b.md:7:3: warning structure/placeholder: `TODO` marker left in the page"
                    .to_string()
            ]
        )
    );
}

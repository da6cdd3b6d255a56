//! `check --fix` and `check --diff`: exactly the fixed bytes change, the rest of the file
//! (byte-order mark, line endings, permissions) is kept, and a second run changes nothing.

use std::path::Path;

/// A page with three fixable findings: a misspelled heading (with a custom id, so the fix
/// keeps its id and is safe), a repeated word and a term in the wrong case.
const PAGE: &str = "---
title: \"Product Manager\"
---

## Responsibilties {#responsibilities}

- Partner with the the Engineering team on Gitlab features.
- Own the roadmap.

## Requirements

- Ability to use GitLab

## Levels

### Senior Product Manager

The Senior Product Manager is a grade 7.

## Performance Indicators

- Feature adoption

## Hiring Process

1. Screening call with a recruiter.
";

/// [`PAGE`] fixed: those three words change, nothing else.
const FIXED: &str = "---
title: \"Product Manager\"
---

## Responsibilities {#responsibilities}

- Partner with the Engineering team on GitLab features.
- Own the roadmap.

## Requirements

- Ability to use GitLab

## Levels

### Senior Product Manager

The Senior Product Manager is a grade 7.

## Performance Indicators

- Feature adoption

## Hiring Process

1. Screening call with a recruiter.
";

/// Runs `jobfam check ARGS` in `dir`: (exit code, stdout, stderr).
fn check(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let all: Vec<&str> = std::iter::once("check")
        .chain(args.iter().copied())
        .collect();
    crate::run_in(dir, &all)
}

/// A temporary folder holding each `(name, bytes)`.
fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap()
}

/// The same text with CRLF line endings and a byte-order mark.
fn crlf_bom(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.replace('\n', "\r\n").bytes());
    bytes
}

/// Names in `dir` other than the pages: a fix must leave no temporary file behind.
fn strays(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".md"))
        .collect()
}

#[test]
fn fix_changes_exactly_the_fixed_bytes() {
    let dir = folder(&[("page.md", PAGE.as_bytes())]);
    let (code, stdout, stderr) = check(dir.path(), &["--fix", "--format", "compact"]);
    assert_eq!(
        String::from_utf8(read(dir.path(), "page.md")).unwrap(),
        FIXED
    );
    assert_eq!((code, stdout.as_str()), (0, ""), "nothing is left");
    assert_eq!(stderr, "Fixed 3 findings in 1 file\n");
    assert!(strays(dir.path()).is_empty());
}

#[test]
fn fix_reports_what_is_left_and_exits_by_it() {
    let page = PAGE.replace(
        "## Hiring Process\n\n1. Screening call with a recruiter.\n",
        "",
    );
    let dir = folder(&[("page.md", page.as_bytes())]);
    let (code, stdout, stderr) = check(dir.path(), &["--fix", "--format", "compact", "page.md"]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "page.md:1:1: error structure/missing-section: missing section \"Hiring Process\"\n"
    );
    assert_eq!(stderr, "Fixed 3 findings in 1 file\n");
}

#[test]
fn fix_keeps_crlf_and_the_byte_order_mark() {
    let dir = folder(&[("page.md", &crlf_bom(PAGE))]);
    let (code, stdout, _) = check(dir.path(), &["--fix", "--format", "compact"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert_eq!(read(dir.path(), "page.md"), crlf_bom(FIXED));
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[("page.md", PAGE.as_bytes())]);
    let path = dir.path().join("page.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (code, _, _) = check(dir.path(), &["--fix"]);
    assert_eq!(code, 0);
    assert_eq!(read(dir.path(), "page.md"), FIXED.as_bytes());
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn second_fix_changes_nothing() {
    let dir = folder(&[("page.md", &crlf_bom(PAGE))]);
    check(dir.path(), &["--fix"]);
    let path = dir.path().join("page.md");
    let (bytes, modified) = (
        read(dir.path(), "page.md"),
        std::fs::metadata(&path).unwrap().modified().unwrap(),
    );
    let (code, stdout, stderr) = check(dir.path(), &["--fix"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "All checks passed (1 file)\n", "")
    );
    assert_eq!(read(dir.path(), "page.md"), bytes);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified,
        "a page with nothing to fix is not rewritten"
    );
}

#[test]
fn chained_fixes_converge() {
    // "the the the" is two overlapping-free repeats; the heading fix changes the anchor the
    // link's fragment is checked against, so the fragment settles in a later round.
    let page = PAGE.replace("with the the", "with the the the").replace(
        "- Own the roadmap.",
        "- Own the [roadmap](#responsibilities).",
    );
    let fixed = FIXED.replace(
        "- Own the roadmap.",
        "- Own the [roadmap](#responsibilities).",
    );
    let dir = folder(&[("page.md", page.as_bytes())]);
    let (code, stdout, _) = check(dir.path(), &["--fix", "--format", "compact"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert_eq!(
        String::from_utf8(read(dir.path(), "page.md")).unwrap(),
        fixed
    );
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = folder(&[("page.md", PAGE.as_bytes())]);
    let (code, stdout, stderr) = check(dir.path(), &["--diff", "page.md"]);
    assert_eq!(
        stdout,
        "--- page.md
+++ page.md
@@ -2,9 +2,9 @@
 title: \"Product Manager\"
 ---
 
-## Responsibilties {#responsibilities}
+## Responsibilities {#responsibilities}
 
-- Partner with the the Engineering team on Gitlab features.
+- Partner with the Engineering team on GitLab features.
 - Own the roadmap.
 
 ## Requirements
"
    );
    assert_eq!(code, 1, "a page would change");
    assert_eq!(stderr, "Would fix 3 findings in 1 file\n");
    assert_eq!(read(dir.path(), "page.md"), PAGE.as_bytes());

    let clean = folder(&[("page.md", FIXED.as_bytes())]);
    assert_eq!(
        check(clean.path(), &["--diff"]),
        (0, String::new(), String::new())
    );
}

#[test]
fn diff_keeps_crlf_in_its_lines() {
    let dir = folder(&[("page.md", &crlf_bom(PAGE))]);
    let (code, stdout, _) = check(dir.path(), &["--diff"]);
    assert_eq!(code, 1);
    assert!(stdout.contains(
        "\n-## Responsibilties {#responsibilities}\r\n+## Responsibilities {#responsibilities}\r\n"
    ));
    assert_eq!(read(dir.path(), "page.md"), crlf_bom(PAGE));
}

#[test]
fn diff_does_not_take_a_report_format() {
    let dir = folder(&[("page.md", PAGE.as_bytes())]);
    let (code, _, stderr) = check(dir.path(), &["--diff", "--format", "json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn read_only_page_is_reported_and_left_while_others_are_fixed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[("a.md", PAGE.as_bytes()), ("b.md", PAGE.as_bytes())]);
    let locked = dir.path().join("a.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, stdout, stderr) = check(
        dir.path(),
        &["--fix", "--format", "compact", "a.md", "b.md"],
    );
    assert_eq!(code, 2);
    assert_eq!(read(dir.path(), "a.md"), PAGE.as_bytes());
    assert_eq!(read(dir.path(), "b.md"), FIXED.as_bytes());
    assert!(
        stdout.starts_with(
            "a.md:1:1: error write-error: cannot apply 3 fixes: the file is read-only; \
             make it writable, or fix it by hand\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("a.md:7:20: error spelling/repeated-word"));
    assert!(!stdout.contains("b.md"), "{stdout}");
    assert_eq!(stderr, "Fixed 3 findings in 1 file\n");
    let mode = std::fs::metadata(&locked).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    assert!(strays(dir.path()).is_empty());
}

#[test]
fn machine_formats_stay_valid_with_fix() {
    let page = PAGE.replace(
        "## Hiring Process\n\n1. Screening call with a recruiter.\n",
        "",
    );
    let dir = folder(&[("page.md", page.as_bytes())]);
    let (code, stdout, stderr) = check(dir.path(), &["--fix", "--format", "json"]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["summary"]["error"], 1);
    assert_eq!(report["diagnostics"][0]["fix"], serde_json::Value::Null);
    assert_eq!(stderr, "Fixed 3 findings in 1 file\n");
}

#[test]
fn fix_leaves_rules_that_are_not_selected() {
    let dir = folder(&[("page.md", PAGE.as_bytes())]);
    check(
        dir.path(),
        &["--fix", "--select", "spelling/term-case", "page.md"],
    );
    let expected = PAGE.replace("Gitlab features", "GitLab features");
    assert_eq!(read(dir.path(), "page.md"), expected.as_bytes());
}

#[cfg(unix)]
#[test]
fn sarif_stays_valid_with_a_write_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[("a.md", PAGE.as_bytes())]);
    let locked = dir.path().join("a.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, stdout, _) = check(dir.path(), &["--fix", "--format", "sarif", "a.md"]);
    assert_eq!(code, 2);
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let schema = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json"),
    )
    .unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&serde_json::from_str(&schema).unwrap())
        .unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "invalid SARIF: {errors:?}");
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "write-error");
    // The error is described among the rules, like the other file-level errors.
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"][index]["id"],
        "write-error"
    );
}

#[cfg(unix)]
#[test]
fn fix_writes_through_hard_links() {
    use std::os::unix::fs::MetadataExt;
    let dir = folder(&[("page.md", PAGE.as_bytes())]);
    std::fs::hard_link(dir.path().join("page.md"), dir.path().join("other.md")).unwrap();
    let (code, _, stderr) = check(dir.path(), &["--fix", "page.md"]);
    assert_eq!((code, stderr.as_str()), (0, "Fixed 3 findings in 1 file\n"));
    for name in ["page.md", "other.md"] {
        assert_eq!(read(dir.path(), name), FIXED.as_bytes(), "{name}");
        let links = std::fs::metadata(dir.path().join(name)).unwrap().nlink();
        assert_eq!(links, 2, "{name}");
    }
    assert!(strays(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlink_and_keeps_it() {
    let dir = folder(&[]);
    std::fs::create_dir(dir.path().join("real")).unwrap();
    std::fs::write(dir.path().join("real/page.md"), PAGE).unwrap();
    std::os::unix::fs::symlink("real/page.md", dir.path().join("link.md")).unwrap();
    let (code, _, _) = check(dir.path(), &["--fix", "link.md"]);
    assert_eq!(code, 0);
    assert_eq!(read(dir.path(), "real/page.md"), FIXED.as_bytes());
    let link = std::fs::symlink_metadata(dir.path().join("link.md")).unwrap();
    assert!(link.file_type().is_symlink());
    assert!(strays(&dir.path().join("real")).is_empty());
}

#[cfg(target_os = "linux")]
#[test]
fn fix_keeps_extended_attributes() {
    let dir = folder(&[("page.md", PAGE.as_bytes())]);
    let path = dir.path().join("page.md");
    let flags = rustix::fs::XattrFlags::empty();
    if let Err(e) = rustix::fs::setxattr(&path, "user.jobfam.test", b"kept", flags) {
        eprintln!("skipped: this filesystem refuses user.* extended attributes ({e})");
        return;
    }
    let (code, _, _) = check(dir.path(), &["--fix"]);
    assert_eq!(code, 0);
    assert_eq!(read(dir.path(), "page.md"), FIXED.as_bytes());
    let mut value = vec![0; 16];
    let len = rustix::fs::getxattr(&path, "user.jobfam.test", &mut value).unwrap();
    assert_eq!(&value[..len], b"kept");
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_owner_group_and_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = folder(&[("page.md", PAGE.as_bytes())]);
    let path = dir.path().join("page.md");
    if let Err(e) = std::os::unix::fs::chown(&path, Some(12345), Some(12345)) {
        eprintln!("skipped: giving a file to another user needs root ({e})");
        return;
    }
    // Setting the owner would clear the set-group-ID bit, so it is kept too.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o2640)).unwrap();
    let (code, _, _) = check(dir.path(), &["--fix"]);
    assert_eq!(code, 0);
    assert_eq!(read(dir.path(), "page.md"), FIXED.as_bytes());
    let metadata = std::fs::metadata(&path).unwrap();
    assert_eq!(
        (metadata.uid(), metadata.gid(), metadata.mode() & 0o7777),
        (12345, 12345, 0o2640)
    );
}

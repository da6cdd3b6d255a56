//! The CI report formats (`sarif`, `gitlab`, `github`) and `--output`.

use crate::run_in;
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary folder holding `page.md` with `text`.
fn page(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.md"), text).unwrap();
    dir
}

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("tests/data/sarif-schema-2.1.0.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}

const TERM_CASE: &str = "---
title: \"Frontend Engineer\"
---

## Requirements

- Contributions to Gitlab or Github projects, and Gitlab's own handbook.
- Gitlab and Gitlab again.
";

// ---- SARIF ----

#[test]
fn sarif_of_the_fixtures_is_valid_sarif_2_1_0() {
    let (code, out, _) = run_in(repo(), &["check", "fixtures/", "--format", "sarif"]);
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&log);
    // The schema is really applied: a level SARIF does not know is refused.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif_validator().is_valid(&broken));

    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "jobfam");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    for r in jobfam::rules::RULES.iter() {
        let rule = rules.iter().find(|x| x["id"] == r.id).unwrap();
        assert_eq!(rule["shortDescription"]["text"], r.summary().as_str());
        assert!(rule["fullDescription"]["text"].as_str().unwrap().len() >= r.summary().len());
        let markdown = rule["help"]["markdown"].as_str().unwrap();
        assert!(markdown.starts_with("## What it does\n"), "{markdown}");
        assert!(markdown.contains("## Fix"), "{markdown}");
        assert!(rule["help"]["text"].is_string());
    }

    // One result per diagnostic, each pointing at its rule, with a relative URI.
    let (_, compact, _) = run_in(repo(), &["check", "fixtures/", "--format", "compact"]);
    let results = runs[0]["results"].as_array().unwrap();
    assert_eq!(results.len(), compact.lines().count());
    for (result, line) in results.iter().zip(compact.lines()) {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("fixtures/"), "{uri}");
        let expected = format!(
            "{uri}:{}:{}: {} {}: ",
            region["startLine"],
            region["startColumn"],
            result["level"].as_str().unwrap(),
            result["ruleId"].as_str().unwrap()
        );
        assert!(line.starts_with(&expected), "{line} vs {expected}");
        let key = result["partialFingerprints"]["jobfam/v1"].as_str().unwrap();
        assert_eq!(key.len(), 32);
    }
}

#[test]
fn sarif_reports_pages_that_could_not_be_checked() {
    let dir = page("---\ntitle: [unclosed\n---\n\ntext\n");
    let (code, out, _) = run_in(
        dir.path(),
        &["check", "page.md", "missing.md", "--format", "sarif"],
    );
    assert_eq!(code, 2);
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(r["level"], "error");
            let index = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], r["ruleId"]);
            r["ruleId"].as_str().unwrap()
        })
        .collect();
    assert_eq!(ids, ["path-error", "parse-error"]);
    // GitHub drops every result of a run that was not successful, so it stays true.
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    assert_eq!(
        invocation["toolExecutionNotifications"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn sarif_columns_count_utf16_code_units() {
    // `😀` is one character and two UTF-16 code units.
    let dir = page("---\ntitle: \"Engineer\"\n---\n\n😀 Gitlab\n");
    let (_, out, _) = run_in(
        dir.path(),
        &[
            "check",
            "page.md",
            "--select",
            "spelling/term-case",
            "--format",
            "sarif",
        ],
    );
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["runs"][0]["columnKind"], "utf16CodeUnits");
    let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            region["startLine"].clone(),
            region["startColumn"].clone(),
            region["endColumn"].clone()
        ),
        (5.into(), 4.into(), 10.into())
    );
}

// ---- GitLab Code Quality ----

fn gitlab(dir: &Path, args: &[&str]) -> (String, Vec<Value>) {
    let mut all = vec!["check", "--format", "gitlab"];
    all.extend_from_slice(args);
    let (_, out, _) = run_in(dir, &all);
    let issues: Vec<Value> = serde_json::from_str(&out).unwrap();
    (out, issues)
}

#[test]
fn gitlab_report_has_what_code_quality_requires() {
    let (raw, issues) = gitlab(repo(), &["fixtures/"]);
    assert!(!raw.starts_with('\u{feff}'), "no BOM");
    assert!(!issues.is_empty());
    let mut fingerprints = HashSet::new();
    for issue in &issues {
        assert!(!issue["description"].as_str().unwrap().is_empty());
        assert!(issue["check_name"].as_str().unwrap().contains('/'));
        let fingerprint = issue["fingerprint"].as_str().unwrap();
        assert!(
            fingerprints.insert(fingerprint.to_string()),
            "{fingerprint} repeats"
        );
        let severity = issue["severity"].as_str().unwrap();
        assert!(
            ["info", "minor", "major", "critical", "blocker"].contains(&severity),
            "{severity}"
        );
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(path.starts_with("fixtures/"), "{path}");
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    let severities: HashSet<&str> = issues
        .iter()
        .map(|i| i["severity"].as_str().unwrap())
        .collect();
    assert!(severities.contains("major") && severities.contains("minor"));
}

#[test]
fn gitlab_paths_lose_a_leading_dot_slash() {
    let dir = page(TERM_CASE);
    let (_, issues) = gitlab(dir.path(), &["./page.md", "--select", "spelling"]);
    assert_eq!(issues[0]["location"]["path"], "page.md");
}

#[test]
fn fingerprints_survive_a_line_added_above() {
    let dir = page(TERM_CASE);
    let (_, before) = gitlab(dir.path(), &["page.md"]);
    let moved = TERM_CASE.replace("## Requirements", "Intro.\n\n## Requirements");
    std::fs::write(dir.path().join("page.md"), moved).unwrap();
    let (_, after) = gitlab(dir.path(), &["page.md"]);
    let term_case = |issues: &[Value]| -> Vec<(String, u64)> {
        issues
            .iter()
            .filter(|i| i["check_name"] == "spelling/term-case")
            .map(|i| {
                (
                    i["fingerprint"].as_str().unwrap().to_string(),
                    i["location"]["lines"]["begin"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let (before, after) = (term_case(&before), term_case(&after));
    assert_eq!(before.len(), 5);
    for ((fp_before, line_before), (fp_after, line_after)) in before.iter().zip(&after) {
        assert_eq!(fp_before, fp_after);
        assert_eq!(line_before + 2, *line_after);
    }
}

#[test]
fn findings_on_one_line_get_different_fingerprints() {
    let dir = page(TERM_CASE);
    let (_, issues) = gitlab(dir.path(), &["page.md", "--select", "spelling/term-case"]);
    let on_line = |line: u64| -> HashSet<&str> {
        issues
            .iter()
            .filter(|i| i["location"]["lines"]["begin"] == line)
            .map(|i| i["fingerprint"].as_str().unwrap())
            .collect()
    };
    // Three different words on line 7; the same word and message twice on line 8.
    assert_eq!(on_line(7).len(), 3);
    assert_eq!(on_line(8).len(), 2);
}

#[test]
fn sarif_and_gitlab_share_fingerprints() {
    let dir = page(TERM_CASE);
    let (_, issues) = gitlab(dir.path(), &["page.md"]);
    let (_, out, _) = run_in(dir.path(), &["check", "page.md", "--format", "sarif"]);
    let log: Value = serde_json::from_str(&out).unwrap();
    let sarif: Vec<&Value> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["partialFingerprints"]["jobfam/v1"])
        .collect();
    let gitlab: Vec<&Value> = issues.iter().map(|i| &i["fingerprint"]).collect();
    assert_eq!(sarif, gitlab);
}

// ---- GitHub Actions ----

#[test]
fn github_annotations_are_escaped_workflow_commands() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("team, a:b.md"),
        "---\ntitle: \"Frontend Engineer\"\nlayout: job_family_page\n---\n\nWorks on Gitlab, see [pay](#50%-off).\n\nTBD\n",
    )
    .unwrap();
    let (code, out, _) = run_in(
        dir.path(),
        &[
            "check",
            "team, a:b.md",
            "--select",
            "spelling/term-case,links/broken-fragment,structure/placeholder",
            "--format",
            "github",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "\
::error file=team%2C a%3Ab.md,line=6,col=10,endLine=6,endColumn=16,title=spelling/term-case::`Gitlab` is written `GitLab`%0Ahelp: write `GitLab`
::error file=team%2C a%3Ab.md,line=6,col=22,endLine=6,endColumn=37,title=links/broken-fragment::link fragment `#50%25-off` matches no anchor on this page%0Ahelp: link to a heading's id; `jobfam model PAGE` lists the page's anchors
::warning file=team%2C a%3Ab.md,line=8,col=1,endLine=8,endColumn=4,title=structure/placeholder::`TBD` marker left in the page%0Ahelp: write the missing text, or remove the marker
"
    );
}

// ---- --output ----

#[test]
fn output_writes_the_report_and_keeps_the_human_summary() {
    let dir = page(TERM_CASE);
    let (code, out, err) = run_in(
        dir.path(),
        &[
            "check",
            "page.md",
            "--select",
            "spelling/term-case",
            "--format",
            "gitlab",
            "--output",
            "gl-code-quality-report.json",
        ],
    );
    assert_eq!((code, err.as_str()), (1, ""));
    assert!(out.contains("`Github` is written `GitHub`"), "{out}");
    assert!(
        out.ends_with("5 errors, 0 warnings in 1 file\n[*] 5 fixable with --fix\n"),
        "{out}"
    );
    let report = std::fs::read(dir.path().join("gl-code-quality-report.json")).unwrap();
    let issues: Vec<Value> = serde_json::from_slice(&report).unwrap();
    assert_eq!(issues.len(), 5);
    // Nothing but the page and the report: the temporary file was renamed into place.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["gl-code-quality-report.json", "page.md"]);
}

#[test]
fn output_replaces_an_old_report_even_on_a_clean_run() {
    let dir = page("---\ntitle: \"Engineer\"\n---\n\nAll good.\n");
    let report = dir.path().join("jobfam.sarif");
    std::fs::write(
        &report,
        "stale report, much longer than the new one will be ...",
    )
    .unwrap();
    let (code, out, _) = run_in(
        dir.path(),
        &[
            "check",
            "page.md",
            "--select",
            "spelling",
            "--format",
            "sarif",
            "-o",
            "jobfam.sarif",
        ],
    );
    assert_eq!((code, out.as_str()), (0, "All checks passed (1 file)\n"));
    let log: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn unwritable_output_is_an_error_with_exit_2() {
    let dir = page(TERM_CASE);
    for target in ["no-such-dir/report.json", "."] {
        let (code, out, err) = run_in(
            dir.path(),
            &[
                "check",
                "page.md",
                "--select",
                "spelling/term-case",
                "--format",
                "gitlab",
                "--output",
                target,
            ],
        );
        assert_eq!(code, 2, "{target}");
        assert!(
            err.starts_with(&format!("error: cannot write the report to {target}: ")),
            "{err}"
        );
        // The findings are still shown.
        assert!(out.contains("5 errors"));
    }
}

/// Runs `jobfam check page.md --select spelling/term-case --format gitlab ARGS` in `dir`.
fn gitlab_report_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec![
        "check",
        "page.md",
        "--select",
        "spelling/term-case",
        "--format",
        "gitlab",
    ];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

/// The GitLab issues in a report file's bytes; five for [`TERM_CASE`].
fn issues(bytes: &[u8]) -> usize {
    serde_json::from_slice::<Vec<Value>>(bytes).unwrap().len()
}

#[cfg(unix)]
#[test]
fn output_ignores_a_symlink_planted_at_a_temporary_name() {
    use std::io::Write;
    // The report's temporary file was `.<name>.<pid>.tmp`, opened without O_EXCL: a link planted
    // there had the report written over its target (often as root, in CI).
    let dir = page(TERM_CASE);
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jobfam"))
        .current_dir(dir.path())
        .args(["check", "--stdin", "--stdin-filename", "page.md"])
        .args(["--select", "spelling/term-case", "--format", "gitlab"])
        .args(["--output", "report.json"])
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // jobfam waits for the page on standard input, so the link is in place before it writes.
    let planted = dir.path().join(format!(".report.json.{}.tmp", child.id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(TERM_CASE.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let report = dir.path().join("report.json");
    assert!(std::fs::symlink_metadata(&report).unwrap().is_file());
    assert_eq!(issues(&std::fs::read(&report).unwrap()), 5);
}

#[cfg(unix)]
#[test]
fn output_writes_through_a_symlink_and_keeps_it() {
    let dir = page(TERM_CASE);
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("reports/old.json"), "stale").unwrap();
    // One link to an old report, one to a report not written yet.
    for (link, target) in [
        ("old.json", "reports/old.json"),
        ("new.json", "reports/new.json"),
    ] {
        std::os::unix::fs::symlink(target, dir.path().join(link)).unwrap();
        let (code, _, err) = gitlab_report_in(dir.path(), &["--output", link]);
        assert_eq!((code, err.as_str()), (1, ""), "{link}");
        let metadata = std::fs::symlink_metadata(dir.path().join(link)).unwrap();
        assert!(metadata.file_type().is_symlink(), "{link}");
        assert_eq!(issues(&std::fs::read(dir.path().join(target)).unwrap()), 5);
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["new.json", "old.json"]);
}

#[cfg(target_os = "linux")]
#[test]
fn output_writes_into_a_fifo_and_leaves_it_a_fifo() {
    use std::io::Read;
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let dir = page(TERM_CASE);
    let fifo = dir.path().join("report.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // Opened for reading without waiting for a writer, so jobfam's open finds a reader and
    // the report waits in the pipe until jobfam has exited.
    let mut reader = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(&fifo)
        .unwrap();
    let (code, _, err) = gitlab_report_in(dir.path(), &["--output", "report.fifo"]);
    assert_eq!((code, err.as_str()), (1, ""));
    let mut report = Vec::new();
    reader.read_to_end(&mut report).unwrap();
    assert_eq!(issues(&report), 5);
    let metadata = std::fs::symlink_metadata(&fifo).unwrap();
    assert!(metadata.file_type().is_fifo());
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_dev_stdout_goes_to_standard_output_before_the_summary() {
    // Replacing /dev/stdout would put a regular file where the link is.
    let dir = page(TERM_CASE);
    let (_, report, _) = gitlab_report_in(dir.path(), &[]);
    let (code, out, err) = gitlab_report_in(dir.path(), &["--output", "/dev/stdout"]);
    assert_eq!((code, err.as_str()), (1, ""));
    let (_, human, _) = run_in(
        dir.path(),
        &["check", "page.md", "--select", "spelling/term-case"],
    );
    assert_eq!(out, format!("{report}{human}"));
    assert!(
        std::fs::symlink_metadata("/dev/stdout")
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn output_keeps_an_old_reports_mode_and_gives_a_new_one_the_usual_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = page(TERM_CASE);
    let old = dir.path().join("old.json");
    std::fs::write(&old, "stale").unwrap();
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o604)).unwrap();
    // Under umask 027, a new file is 0o640, as `File::create` (or a shell's `>`) makes it.
    let jobfam = env!("CARGO_BIN_EXE_jobfam");
    for name in ["old.json", "new.json"] {
        let status = std::process::Command::new("sh")
            .current_dir(dir.path())
            .args(["-c", r#"umask 027 && exec "$0" "$@""#, jobfam])
            .args(["check", "page.md", "--format", "gitlab", "--output", name])
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(1));
    }
    let mode = |name: &str| {
        let path = dir.path().join(name);
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    };
    assert_eq!((mode("old.json"), mode("new.json")), (0o604, 0o640));
}

// ---- Control characters ----

/// A file name, a heading and text that would retitle the terminal (OSC 0 … BEL), reset it
/// (`ESC c`) and clear it (a C1 CSI, U+009B), with a DEL and a lone carriage return. The
/// heading's text shows up in a message, a label and a help; the sentence is the finding.
const HOSTILE_NAME: &str = "p\x1b]0;pwned\x07.md";
const HOSTILE: &str = "---
title: \"Engineer\"
---

## Levels

### Staff Engineer \x1b]0;pwned\x07\u{9b}

The Senior Engineer is a grade 8.\rTeh \x1bc\x07 \u{9b}2J\x7f.
";

fn hostile(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(HOSTILE_NAME), HOSTILE).unwrap();
    let mut all = vec!["check", HOSTILE_NAME, "--select", "grades/title-mismatch"];
    all.extend_from_slice(args);
    let (code, out, err) = run_in(dir.path(), &all);
    assert_eq!((code, err.as_str()), (1, ""), "{out}");
    out
}

/// No control character from the page or its name reached `out`; jobfam's own colours may.
fn assert_inert(out: &str) {
    for planted in ["\x1b]", "\x1bc", "\x07", "\u{9b}", "\x7f", "\r"] {
        assert!(!out.contains(planted), "{planted:?} in {out:?}");
    }
}

#[test]
fn human_output_shows_control_characters_without_sending_them() {
    let out = hostile(&[]);
    assert_inert(&out);
    assert!(!out.contains('\x1b'), "{out:?}");
    // Messages, labels and paths escape them; source lines show `?` (`¿` for a two-byte
    // C1) so every span keeps its place, and a lone CR breaks the line, as jobfam counts it.
    assert_eq!(
        out,
        "\
grades/title-mismatch

  x grade 8 is stated for `Senior Engineer` (senior) under the `Staff Engineer
  | \\u{1b}]0;pwned\\u{7}\\u{9b}` level (staff)
    ,-[p\\u{1b}]0;pwned\\u{7}.md:9:5]
  6 | 
  7 | ### Staff Engineer ?]0;pwned?¿
    : ^^^^^^^^^^^^^^^|^^^^^^^^^^^^^^
    :                `-- the level this sentence sits under
  8 | 
  9 | The Senior Engineer is a grade 8.
    :     ^^^^^^^^^^^^^^^
 10 | Teh ?c? ¿2J?.
    `----
  help: state the grade of the `Staff Engineer \\u{1b}]0;pwned\\u{7}\\u{9b}` level here, or move the
        sentence under its own level

1 error, 0 warnings in 1 file
"
    );
}

#[test]
fn human_output_in_colour_sends_only_its_own_escapes() {
    let out = hostile(&["--color", "always"]);
    assert_inert(&out);
    assert!(out.contains("\x1b["), "colours are on: {out:?}");
}

#[test]
fn compact_and_github_output_escape_control_characters() {
    let compact = hostile(&["--format", "compact"]);
    assert_eq!(
        compact,
        "p\\u{1b}]0;pwned\\u{7}.md:9:5: error grades/title-mismatch: grade 8 is stated for \
         `Senior Engineer` (senior) under the `Staff Engineer \\u{1b}]0;pwned\\u{7}\\u{9b}` level \
         (staff)\n"
    );
    let github = hostile(&["--format", "github"]);
    assert_inert(&github);
    assert!(!github.contains('\x1b'), "{github:?}");
    assert_eq!(
        github,
        "::error file=p\\u{1b}]0;pwned\\u{7}.md,line=9,col=5,endLine=9,endColumn=20,\
         title=grades/title-mismatch::grade 8 is stated for `Senior Engineer` (senior) under the \
         `Staff Engineer \\u{1b}]0;pwned\\u{7}\\u{9b}` level (staff)%0Ahelp: state the grade of \
         the `Staff Engineer \\u{1b}]0;pwned\\u{7}\\u{9b}` level here, or move the sentence under \
         its own level\n"
    );
}

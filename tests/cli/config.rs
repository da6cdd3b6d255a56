//! `jobfam.toml`: discovery, every key, precedence of the command line, errors pointing into
//! the file, and `jobfam init`.

use crate::{check_in, dir_with, run_in};
use std::path::Path;

/// A page with one finding of each kind the settings below turn on and off.
const PAGE: &str = "---
title: Backend Engineer
---
## Responsibilities
- Write documentaton and colour TODO
## Levels
### Backend Engineer
The Backend Engineer is a [grade 7](/people/grades/#table).
- See the [team](/team/)
";

/// The compact lines of `check ARGS` in `dir`, with the exit code.
fn lines(dir: &Path, args: &[&str]) -> (i32, Vec<String>) {
    let (code, out, err) = check_in(dir, args);
    assert!(
        err.is_empty() || code != 2,
        "unexpected error output: {err}"
    );
    (code, out.lines().map(str::to_string).collect())
}

/// The files `check ARGS` reports a `TODO` in (every file, with [`PAGE`]), with the exit code.
fn checked(dir: &Path, args: &[&str]) -> (i32, Vec<String>) {
    let (code, found) = lines(
        dir,
        &[&["--select", "structure/placeholder"], args].concat(),
    );
    let mut files: Vec<String> = found
        .iter()
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect();
    files.dedup();
    (code, files)
}

fn rules_of(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            let rest = l.split_once(": ").unwrap().1;
            let rule = rest.split(':').next().unwrap();
            rule.split_once(' ').unwrap().1.to_string()
        })
        .collect()
}

#[test]
fn config_is_found_walking_up_and_can_be_named_or_ignored() {
    let dir = dir_with(&[
        (
            "jobfam.toml",
            b"[rules]\n\"spelling/misspelling\" = \"off\"\n",
        ),
        (
            "other.toml",
            b"[rules]\n\"structure/placeholder\" = \"off\"\n",
        ),
        ("team/sub/page.md", PAGE.as_bytes()),
    ]);
    let sub = dir.path().join("team/sub");
    let (_, found) = lines(
        &sub,
        &["page.md", "--select", "spelling,structure/placeholder"],
    );
    assert_eq!(
        found,
        ["page.md:5:33: warning structure/placeholder: `TODO` marker left in the page"]
    );
    let (_, named) = lines(
        &sub,
        &[
            "page.md",
            "--select",
            "spelling,structure/placeholder",
            "--config",
            "../../other.toml",
        ],
    );
    assert_eq!(
        named,
        [
            "page.md:5:9: error spelling/misspelling: unknown word `documentaton`: did you mean `documentation`?"
        ]
    );
    let (_, none) = lines(
        &sub,
        &[
            "page.md",
            "--select",
            "spelling,structure/placeholder",
            "--no-config",
        ],
    );
    assert_eq!(none.len(), 2, "{none:?}");
}

/// Each page uses the config nearest above it, from wherever jobfam runs (as pre-commit and
/// CI run it from the repository's root); `--config` gives every page the one named.
#[test]
fn each_page_uses_the_config_nearest_above_it() {
    let dir = dir_with(&[
        (
            "jobfam.toml",
            b"[rules]\n\"structure/placeholder\" = \"off\"\n",
        ),
        ("README.md", PAGE.as_bytes()),
        (
            "handbook/jobfam.toml",
            b"[rules]\n\"spelling/misspelling\" = \"off\"\n",
        ),
        ("handbook/sales/page.md", PAGE.as_bytes()),
    ]);
    let select = ["--select", "spelling/misspelling,structure/placeholder"];
    let (_, found) = lines(dir.path(), &[&["."], &select[..]].concat());
    assert_eq!(
        found,
        [
            "./README.md:5:9: error spelling/misspelling: unknown word `documentaton`: did you mean `documentation`?",
            "./handbook/sales/page.md:5:33: warning structure/placeholder: `TODO` marker left in the page",
        ]
    );
    // The same from inside the handbook, and for a page named by pre-commit.
    let (_, found) = lines(
        dir.path(),
        &[&["handbook/sales/page.md"], &select[..]].concat(),
    );
    assert_eq!(
        found,
        [
            "handbook/sales/page.md:5:33: warning structure/placeholder: `TODO` marker left in the page"
        ]
    );
    // `--config` overrides them all.
    let (_, found) = lines(
        dir.path(),
        &[&[".", "--config", "jobfam.toml"], &select[..]].concat(),
    );
    assert_eq!(
        rules_of(&found),
        ["spelling/misspelling", "spelling/misspelling"],
    );
    // The command line is laid over each page's config: `--ignore` reaches the nested one.
    let (_, found) = lines(
        dir.path(),
        &[&[".", "--ignore", "structure"], &select[..]].concat(),
    );
    assert_eq!(rules_of(&found), ["spelling/misspelling"]);
}

/// A nested config that cannot be used is reported once (exit 2); the pages it applies to
/// are not checked with the wrong settings, the others are.
#[test]
fn a_broken_nested_config_fails_only_its_pages() {
    let dir = dir_with(&[
        ("README.md", PAGE.as_bytes()),
        (
            "handbook/jobfam.toml",
            b"[rules]\n\"structure/placeholdr\" = \"off\"\n",
        ),
        ("handbook/a.md", PAGE.as_bytes()),
        ("handbook/b.md", PAGE.as_bytes()),
    ]);
    let (code, out, _) = check_in(dir.path(), &[".", "--select", "structure/placeholder"]);
    assert_eq!(code, 2);
    let found: Vec<&str> = out.lines().collect();
    assert_eq!(found.len(), 2, "{out}");
    assert!(
        found[0].starts_with("./README.md:5:33: warning structure/placeholder"),
        "{out}"
    );
    assert!(
        found[1].starts_with("handbook/jobfam.toml:2:1: error config-error: unknown rule `structure/placeholdr`; did you mean `structure/placeholder`?"),
        "{out}"
    );
}

#[test]
fn dot_jobfam_toml_is_found_and_jobfam_toml_wins_beside_it() {
    let dir = dir_with(&[
        (".jobfam.toml", b"[rules]\n\"structure\" = \"off\"\n"),
        ("page.md", PAGE.as_bytes()),
    ]);
    let (_, found) = lines(dir.path(), &["page.md", "--select", "structure"]);
    assert!(found.is_empty(), "{found:?}");
    std::fs::write(dir.path().join("jobfam.toml"), "").unwrap();
    let (_, found) = lines(dir.path(), &["page.md", "--select", "structure"]);
    assert_eq!(found.len(), 4, "{found:?}");
}

#[test]
fn severities_of_groups_and_ids_whatever_their_order() {
    let dir = dir_with(&[
        (
            "jobfam.toml",
            b"[rules]\n\"structure/placeholder\" = \"error\"\n\"structure\" = \"info\"\n\"spelling\" = \"warning\"\n\"links\" = \"off\"\n\"grades\" = \"off\"\n",
        ),
        ("page.md", PAGE.as_bytes()),
    ]);
    let (code, found) = lines(dir.path(), &["page.md"]);
    assert_eq!(
        found,
        [
            "page.md:1:1: info structure/missing-section: missing section \"Hiring Process\"",
            "page.md:1:1: info structure/missing-section: missing section \"Performance Indicators\"",
            "page.md:1:1: info structure/missing-section: missing section \"Requirements\"",
            "page.md:5:9: warning spelling/misspelling: unknown word `documentaton`: did you mean `documentation`?",
            "page.md:5:33: error structure/placeholder: `TODO` marker left in the page",
        ]
    );
    assert_eq!(code, 1);
    // Only warnings and infos left: exit 0.
    let (code, _) = lines(
        dir.path(),
        &["page.md", "--ignore", "structure/placeholder"],
    );
    assert_eq!(code, 0);
}

#[test]
fn overrides_apply_to_their_files_in_order() {
    let dir = dir_with(&[
        (
            "jobfam.toml",
            br#"
[rules]
"structure" = "off"
"grades" = "off"
"links" = "off"

[[overrides]]
files = ["legacy/**"]
rules = { "spelling" = "off", "structure/placeholder" = "info" }

[[overrides]]
files = ["legacy/keep.md"]
[overrides.rules]
"spelling/misspelling" = "warning"
"#,
        ),
        ("new.md", PAGE.as_bytes()),
        ("legacy/old.md", PAGE.as_bytes()),
        ("legacy/keep.md", PAGE.as_bytes()),
    ]);
    let (_, found) = lines(dir.path(), &["."]);
    assert_eq!(
        found,
        [
            "./legacy/keep.md:5:9: warning spelling/misspelling: unknown word `documentaton`: did you mean `documentation`?",
            "./legacy/keep.md:5:33: info structure/placeholder: `TODO` marker left in the page",
            "./legacy/old.md:5:33: info structure/placeholder: `TODO` marker left in the page",
            "./new.md:5:9: error spelling/misspelling: unknown word `documentaton`: did you mean `documentation`?",
        ]
    );
    // The same from inside the folder: globs are relative to the config file, not the cwd.
    let (_, inside) = lines(&dir.path().join("legacy"), &["old.md"]);
    assert_eq!(
        inside,
        ["old.md:5:33: info structure/placeholder: `TODO` marker left in the page"]
    );
}

#[test]
fn include_and_exclude_are_relative_to_the_config_file() {
    let dir = dir_with(&[
        (
            "jobfam.toml",
            b"include = [\"pages/**/*.md\", \"pages/**/*.md.erb\"]\nexclude = [\"drafts\", \"pages/old/**\"]\n",
        ),
        ("pages/a.md", PAGE.as_bytes()),
        ("pages/b.html.md.erb", PAGE.as_bytes()),
        ("pages/drafts/c.md", PAGE.as_bytes()),
        ("pages/old/d.md", PAGE.as_bytes()),
        ("notes/e.md", PAGE.as_bytes()),
    ]);
    let files = |dir: &Path, args: &[&str]| checked(dir, args).1;
    assert_eq!(
        files(dir.path(), &["."]),
        ["./pages/a.md", "./pages/b.html.md.erb"]
    );
    assert_eq!(
        files(&dir.path().join("pages"), &["."]),
        ["./a.md", "./b.html.md.erb"]
    );
    // Named files are excluded too, as pre-commit names them; the rest are still checked.
    assert_eq!(
        files(
            dir.path(),
            &["pages/old/d.md", "pages/drafts/c.md", "notes/e.md"]
        ),
        ["notes/e.md"]
    );
    // --exclude adds to the config's; --include replaces it.
    assert_eq!(
        files(
            dir.path(),
            &[".", "--exclude", "*.erb", "--include", "**/e.md"]
        ),
        ["./notes/e.md"]
    );
}

#[test]
fn links_settings_resolve_against_the_config_file() {
    let dir = dir_with(&[
        (
            "jobfam.toml",
            b"[links]\nsite_root = \"site\"\nsite_url = \"https://example.com\"\nslug = \"github\"\n",
        ),
        ("site/team/index.md", b"# Team\n"),
        (
            "site/pages/page.md",
            b"# Page\n\n[team](/team/) [gone](/gone/) [abs](https://example.com/nope/) [here](#page)\n",
        ),
    ]);
    let (_, found) = lines(
        &dir.path().join("site/pages"),
        &["page.md", "--select", "links"],
    );
    assert_eq!(
        found,
        [
            "page.md:3:16: error links/broken-page: link target `/gone/` matches no page",
            "page.md:3:31: error links/broken-page: link target `https://example.com/nope/` matches no page",
        ]
    );
}

#[test]
fn spelling_settings() {
    let dir = dir_with(&[
        (
            "jobfam.toml",
            b"[spelling]\nlocale = \"en-US\"\nwords = [\"Documentaton\"]\nterms = [\"FooCorp\"]\nwords_file = \"lists/words.txt\"\n",
        ),
        ("lists/words.txt", b"glorbify\n"),
        (
            "page.md",
            b"# Page\n\nWe documentaton and glorbify with Foocorp in colour.\n",
        ),
    ]);
    let (_, found) = lines(dir.path(), &["page.md", "--select", "spelling"]);
    assert_eq!(
        found,
        [
            "page.md:3:35: error spelling/term-case: `Foocorp` is written `FooCorp`",
            "page.md:3:46: warning spelling/variant: `colour` is not en-US spelling: write `color`",
        ]
    );
    // --locale wins over the config.
    let (_, found) = lines(
        dir.path(),
        &["page.md", "--select", "spelling", "--locale", "en"],
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn grades_settings() {
    let page = "## Levels\n### Senior Data Analyst\nThe Senior Data Analyst is a [grade 7](/people/grades/#table).\n";
    let other = page.replace("grade 7", "grade 8");
    let dir = dir_with(&[("a.md", page.as_bytes()), ("b.md", other.as_bytes())]);
    let (_, found) = lines(dir.path(), &[".", "--select", "grades"]);
    assert_eq!(
        rules_of(&found),
        ["grades/malformed", "grades/malformed", "grades/conflict"],
        "{found:?}"
    );
    std::fs::write(
        dir.path().join("jobfam.toml"),
        "[grades]\ntable = \"/people/grades/#table\"\nacross_pages = false\n",
    )
    .unwrap();
    let (code, found) = lines(dir.path(), &[".", "--select", "grades"]);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(code, 0);
}

#[test]
fn command_line_select_narrows_what_the_config_leaves_on() {
    let dir = dir_with(&[
        (
            "jobfam.toml",
            b"[rules]\n\"spelling/misspelling\" = \"off\"\n",
        ),
        ("page.md", PAGE.as_bytes()),
    ]);
    let (_, found) = lines(dir.path(), &["page.md", "--select", "spelling/misspelling"]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn config_errors_point_into_the_file() {
    let config = r#"exclude = "drafts"
site_root = "site"

[rules]
"spelling/mispelling" = "warning"
"structure" = "warn"

[links]
site_rot = "content"
slug = 3

[spelling]
words_file = "missing.txt"
terms = ["gitlab"]

[[overrides]]
files = ["legacy/**"]
"#;
    let dir = dir_with(&[
        ("jobfam.toml", config.as_bytes()),
        ("page.md", PAGE.as_bytes()),
    ]);
    // Wide, so the temporary folder's path does not decide where the help line wraps.
    let out = crate::jobfam()
        .env("COLUMNS", "400")
        .current_dir(dir.path())
        .args(["check", "page.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: jobfam.toml cannot be used (8 problems); fix it, or pass --no-config to check without it\n"
    );
    // The problems are the report: nothing is checked with a broken config.
    let report = String::from_utf8(out.stdout).unwrap();
    let report = report.replace(&dir.path().display().to_string(), "[DIR]");
    insta::assert_snapshot!(report);
}

#[test]
fn toml_syntax_error_and_wrong_types() {
    let dir = dir_with(&[
        ("jobfam.toml", b"[rules]\n\"structure\" = \n"),
        ("page.md", PAGE.as_bytes()),
    ]);
    let (code, err, _) = run_in(dir.path(), &["check", "page.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("TOML syntax"), "{err}");
    assert!(err.contains("[jobfam.toml:2:"), "{err}");
    std::fs::write(
        dir.path().join("jobfam.toml"),
        "rules = 1\n[grades]\nacross_pages = \"no\"\n",
    )
    .unwrap();
    let (code, err, _) = run_in(dir.path(), &["check", "page.md"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`rules` must be a table, not an integer"),
        "{err}"
    );
    assert!(
        err.contains("`across_pages` must be true or false, not a string"),
        "{err}"
    );
    assert!(err.contains("[jobfam.toml:3:16]"), "{err}");
    // A config named with --config that does not exist.
    let (code, out, _) = check_in(dir.path(), &["page.md", "--config", "nope.toml"]);
    assert_eq!(code, 2);
    assert!(
        out.starts_with("nope.toml:1:1: error config-error: cannot read config file: "),
        "{out}"
    );
}

#[test]
fn stdin_finds_the_config_of_its_filename_and_respects_exclude() {
    let dir = dir_with(&[(
        "site/jobfam.toml",
        b"exclude = [\"drafts\"]\n[rules]\n\"spelling\" = \"off\"\n",
    )]);
    let run = |name: &str| {
        let out = crate::jobfam()
            .current_dir(dir.path())
            .args([
                "check",
                "--format",
                "compact",
                "--select",
                "spelling,structure/placeholder",
            ])
            .args(["--stdin", "--stdin-filename", name])
            .write_stdin(PAGE)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        run("site/page.md"),
        "site/page.md:5:33: warning structure/placeholder: `TODO` marker left in the page\n"
    );
    assert_eq!(run("site/drafts/page.md"), "");
    assert_eq!(run("page.md").lines().count(), 2);
}

#[test]
fn init_writes_a_starter_that_changes_nothing_and_refuses_to_overwrite() {
    let dir = dir_with(&[("page.md", PAGE.as_bytes())]);
    let (_, before) = lines(dir.path(), &["page.md"]);
    let (code, _, err) = run_in(dir.path(), &["init"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("Wrote jobfam.toml"), "{err}");
    let written = std::fs::read_to_string(dir.path().join("jobfam.toml")).unwrap();
    assert_eq!(written, jobfam::config::init::starter());
    let (_, after) = lines(dir.path(), &["page.md"]);
    assert_eq!(before, after);

    std::fs::write(dir.path().join("jobfam.toml"), "# mine\n").unwrap();
    let (code, _, err) = run_in(dir.path(), &["init"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: jobfam.toml already exists; pass --force to replace it\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("jobfam.toml")).unwrap(),
        "# mine\n"
    );
    let (code, _, _) = run_in(dir.path(), &["init", "--force"]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("jobfam.toml")).unwrap(),
        jobfam::config::init::starter()
    );
}

/// Every commented-out setting in the starter is valid once uncommented.
#[test]
fn starter_settings_are_valid_when_uncommented() {
    let dir = dir_with(&[
        ("schemas/job-family.schema.json", b"{}"),
        ("content/x.md", b"# X\n"),
        ("jobfam-words.txt", b"onboarding\n"),
        ("page.md", PAGE.as_bytes()),
    ]);
    let uncommented: String = jobfam::config::init::starter()
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.contains(" = ") || rest.starts_with('[') => rest,
            _ => l,
        })
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(
        uncommented.contains("\nsite_root = \"content\"\n"),
        "{uncommented}"
    );
    std::fs::write(dir.path().join("jobfam.toml"), uncommented).unwrap();
    let (code, _, err) = run_in(dir.path(), &["check", "page.md"]);
    assert_ne!(code, 2, "{err}");
}

#[test]
fn config_errors_reach_machine_reports_and_the_output_file() {
    let dir = dir_with(&[
        ("jobfam.toml", b"[rules]\nspeling = \"off\"\n"),
        ("page.md", PAGE.as_bytes()),
    ]);
    let (code, out, err) = run_in(
        dir.path(),
        &[
            "check",
            "page.md",
            "--format",
            "sarif",
            "--output",
            "report.sarif",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        out.contains("unknown rule `speling`; did you mean `spelling`?"),
        "{out}"
    );
    assert!(
        err.starts_with("error: jobfam.toml cannot be used"),
        "{err}"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.sarif")).unwrap())
            .unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "config-error");
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(
        sarif["runs"][0]["tool"]["driver"]["rules"][index]["id"],
        "config-error"
    );
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "jobfam.toml");
    assert_eq!(location["region"]["startLine"], 2);
    let (_, out, _) = check_in(dir.path(), &["page.md"]);
    assert_eq!(
        out,
        "jobfam.toml:2:1: error config-error: unknown rule `speling`; did you mean `spelling`?\n"
    );
}

#[test]
fn excluded_folders_named_on_the_command_line_are_skipped_quietly() {
    let dir = dir_with(&[
        (
            "jobfam.toml",
            b"exclude = [\"legacy/**\", \"**/drafts/**\"]\n",
        ),
        ("legacy/a.md", PAGE.as_bytes()),
        ("sales/drafts/b.md", PAGE.as_bytes()),
    ]);
    assert_eq!(
        check_in(dir.path(), &["legacy", "sales/drafts"]),
        (0, String::new(), String::new())
    );
    assert_eq!(
        check_in(dir.path(), &["sales"]),
        (0, String::new(), String::new())
    );
    // A folder with no pages at all is still a mistake.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    assert_eq!(check_in(dir.path(), &["empty"]).0, 2);
}

#[test]
fn include_patterns_follow_the_same_rules_as_exclude() {
    let dir = dir_with(&[
        ("a.md", PAGE.as_bytes()),
        ("sub/b.md", PAGE.as_bytes()),
        ("sub/c.txt", PAGE.as_bytes()),
    ]);
    let files = |include: &str| {
        std::fs::write(
            dir.path().join("jobfam.toml"),
            format!("include = [\"{include}\"]\n"),
        )
        .unwrap();
        checked(dir.path(), &[])
    };
    assert_eq!(
        files("*.md"),
        (0, vec!["./a.md".to_string(), "./sub/b.md".to_string()])
    );
    assert_eq!(
        files("./**/*.md"),
        (0, vec!["./a.md".to_string(), "./sub/b.md".to_string()])
    );
    assert_eq!(
        files("sub/*"),
        (0, vec!["./sub/b.md".to_string(), "./sub/c.txt".to_string()])
    );
    // A folder outside the config's is matched relative to itself.
    let other = dir_with(&[("x/d.md", PAGE.as_bytes())]);
    std::fs::write(dir.path().join("jobfam.toml"), "include = [\"*.md\"]\n").unwrap();
    let (code, out, _) = check_in(
        dir.path(),
        &[
            "--select",
            "structure/placeholder",
            other.path().to_str().unwrap(),
        ],
    );
    assert_eq!((code, out.lines().count()), (0, 1), "{out}");
}

#[test]
fn patterns_and_tables_that_cannot_mean_anything_are_errors() {
    let config = "exclude = [\"\", \"../x/**\"]\n[[overrides]]\nfiles = []\nrules = { spelling = \"off\" }\n[grades]\ntable = \"/#x\"\n";
    let dir = dir_with(&[
        ("jobfam.toml", config.as_bytes()),
        ("page.md", PAGE.as_bytes()),
    ]);
    let (code, out, _) = check_in(dir.path(), &["page.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "jobfam.toml:1:12: error config-error: `` is not a glob pattern: it names no file or folder
jobfam.toml:1:16: error config-error: `../x/**` is not a glob pattern: `..` cannot reach outside the folder patterns are relative to
jobfam.toml:3:9: error config-error: `files` is empty, so this override applies to nothing
jobfam.toml:6:9: error config-error: `/#x` names no page
"
    );
}

#[test]
fn init_will_not_hide_a_dot_jobfam_toml() {
    let dir = dir_with(&[(".jobfam.toml", b"[rules]\nspelling = \"off\"\n")]);
    let (code, _, err) = run_in(dir.path(), &["init"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(".jobfam.toml already configures jobfam here"),
        "{err}"
    );
    assert!(!dir.path().join("jobfam.toml").exists());
}

#[test]
fn site_url_in_the_config_needs_a_host() {
    let dir = dir_with(&[
        ("jobfam.toml", b"[links]\nsite_url = \"https://\"\n"),
        ("page.md", PAGE.as_bytes()),
    ]);
    let (code, out, _) = check_in(dir.path(), &["page.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "jobfam.toml:2:12: error config-error: site_url `https://` is not an http(s) origin\n"
    );
}

#[test]
fn max_file_size_in_the_config_and_on_the_command_line() {
    let big = format!("{PAGE}{}\n", "x".repeat(3000));
    let dir = dir_with(&[
        ("jobfam.toml", b"max_file_size = \"2K\"\n"),
        ("page.md", PAGE.as_bytes()),
        ("big.md", big.as_bytes()),
    ]);
    let (code, files) = checked(dir.path(), &["page.md", "big.md"]);
    assert_eq!(
        (code, files),
        (2, vec!["big.md".to_string(), "page.md".to_string()])
    );
    let (_, out, _) = check_in(dir.path(), &["--select", "structure/placeholder", "big.md"]);
    let size = big.len();
    assert!(
        out.starts_with(&format!(
            "big.md:1:1: error read-error: is {:.1} KiB ({size} bytes), over the size limit of 2 KiB; ",
            size as f64 / 1024.0
        )),
        "{out}"
    );
    // The command line wins; bytes as an integer work too.
    assert_eq!(
        checked(dir.path(), &["--max-file-size", "4K", "big.md"]).0,
        0
    );
    std::fs::write(dir.path().join("jobfam.toml"), "max_file_size = 4096\n").unwrap();
    assert_eq!(checked(dir.path(), &["big.md"]).0, 0);
    for (value, message) in [
        (
            "\"lots\"",
            "`max_file_size`: `lots` is not a size; write bytes, or a number with K, M or G (like 16M or 16MiB)",
        ),
        (
            "0",
            "`max_file_size`: `0` would refuse every file; give a size of at least 1 byte",
        ),
        (
            "true",
            "`max_file_size` must be a size in bytes, or a string like \"16M\", not a boolean",
        ),
    ] {
        std::fs::write(
            dir.path().join("jobfam.toml"),
            format!("max_file_size = {value}\n"),
        )
        .unwrap();
        let (code, out, _) = check_in(dir.path(), &["page.md"]);
        assert_eq!(code, 2);
        assert_eq!(
            out,
            format!("jobfam.toml:1:17: error config-error: {message}\n")
        );
    }
}

/// A config whose `schema` does not compile is reported in the report, like the config's own
/// problems, with a line that says where the schema was named.
#[test]
fn a_config_schema_that_does_not_compile_is_reported() {
    let dir = dir_with(&[
        ("jobfam.toml", b"schema = \"s.json\"\n"),
        ("s.json", b"{\"type\": 5}"),
        ("page.md", PAGE.as_bytes()),
    ]);
    let (code, out, err) = check_in(dir.path(), &["page.md"]);
    assert_eq!(code, 2);
    let schema = dir.path().join("s.json").display().to_string();
    assert_eq!(
        out,
        format!(
            "{schema}:1:1: error config-error: schema is not a valid JSON Schema: 5 is not valid under any of the schemas listed in the 'anyOf' keyword\n"
        )
    );
    assert_eq!(
        err,
        format!(
            "error: schema {schema} (the config's `schema`) cannot be used; fix it, or remove `schema` to use the built-in one\n"
        )
    );
}

/// A partial whose file is not in the checkout: the config's `partials` names the sections it
/// renders, `check` sees them and `jobfam model` shows where they came from.
#[test]
fn partials_named_in_the_config() {
    let page: &[u8] = b"---
title: Account Executive
---
## Responsibilities
- Close new business.

## Requirements
- Ability to use GitLab

## Levels
The Account Executive is a grade 6.

<%= partial(\"job-families/sales/performance\") %>

## Hiring Process
1. Screening call
";
    let without = dir_with(&[("ae.md", page)]);
    let (code, out, _) = check_in(without.path(), &["ae.md", "--select", "structure"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "ae.md:1:1: error structure/missing-section: missing section \"Performance Indicators\"\n"
    );
    let toml: &[u8] =
        b"partials = { \"job-families/sales/performance\" = [\"Performance Indicators\"] }\n";
    let with = dir_with(&[("ae.md", page), ("jobfam.toml", toml)]);
    let (code, out, _) = check_in(with.path(), &["ae.md", "--select", "structure"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, model, _) = run_in(with.path(), &["model", "ae.md"]);
    assert_eq!(code, 0);
    let model: serde_json::Value = serde_json::from_str(&model).unwrap();
    assert_eq!(
        model["partials"],
        serde_json::json!([{
            "name": "job-families/sales/performance",
            "from": "config",
            "headings": ["Performance Indicators"],
        }])
    );
    let from_partial: Vec<_> = model["headings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h.get("partial").is_some())
        .collect();
    assert_eq!(from_partial.len(), 1);
    assert_eq!(from_partial[0]["text"], "Performance Indicators");
    // A value that is not a table is a config error that names the key.
    let bad = dir_with(&[("ae.md", page), ("jobfam.toml", b"partials = 3\n")]);
    let (code, out, _) = check_in(bad.path(), &["ae.md"]);
    assert_eq!(code, 2);
    assert!(out.contains("`partials` must be a table"), "{out}");
}

//! The binary as users run it: exit codes, formats, `rules`, `explain`, `model`.

use crate::jobfam;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = jobfam().args(args).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn check_fixtures_exits_1_and_lists_findings() {
    let (code, out, _) = run(&["check", "fixtures/", "--format", "compact"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn clean_run_says_so_in_one_line_and_exits_0() {
    let (code, out, err) = run(&["check", "fixtures/sites/"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "All checks passed (2 files)\n", "")
    );
    let (code, out, _) = run(&["check", "fixtures/sites/", "--format", "compact"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn warnings_alone_exit_0() {
    let (code, out, _) = run(&[
        "check",
        "fixtures/structure/placeholder/bad.md",
        "--format",
        "compact",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 4);
}

#[test]
fn human_format() {
    let (code, out, _) = run(&[
        "check",
        "fixtures/structure/missing-bullet/bad.md",
        "fixtures/structure/placeholder/bad.md",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn json_format_has_the_documented_shape() {
    let (code, out, _) = run(&[
        "check",
        "fixtures/structure/missing-section/bad.md",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        doc,
        serde_json::json!({
            "version": 1,
            "files_checked": 1,
            "summary": {"error": 1, "warning": 0, "info": 0},
            "diagnostics": [{
                "path": "fixtures/structure/missing-section/bad.md",
                "rule": "structure/missing-section",
                "severity": "error",
                "message": "missing section \"Hiring Process\"",
                "line": 1, "column": 1, "end_line": 1, "end_column": 4,
                "offset": 0, "length": 3,
                "help": "add a \"## Hiring Process\" section",
                "fix": null
            }]
        })
    );
}

#[test]
fn json_columns_count_characters_and_offsets_count_bytes_after_a_bom() {
    let dir = tempfile::TempDir::new().unwrap();
    let page = "\u{feff}---\r\ntitle: \"Ingénieur\"\r\n---\r\n\r\nÉtape: TODO\r\n";
    std::fs::write(dir.path().join("p.md"), page).unwrap();
    let out = jobfam()
        .current_dir(dir.path())
        .args([
            "check",
            "p.md",
            "--format",
            "json",
            "--select",
            "structure/placeholder",
            "--job-pages",
            "*.md",
        ])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &doc["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(5), Some(8))
    );
    let offset = d["offset"].as_u64().unwrap() as usize;
    assert_eq!(&page.as_bytes()[offset..offset + 4], b"TODO");
}

#[test]
fn rules_lists_every_rule() {
    let (code, out, _) = run(&["rules"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn explain_prints_the_embedded_doc() {
    let (code, out, _) = run(&["explain", "structure/placeholder"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
    let (code, out, _) = run(&["explain", "structure", "--format", "json"]);
    assert_eq!(code, 0);
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        list.as_array().unwrap().len(),
        jobfam::rules::RULES
            .iter()
            .filter(|r| r.group() == "structure")
            .count()
    );
    let (code, _, err) = run(&["explain", "structure/placeholdr"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("did you mean `structure/placeholder`"),
        "{err}"
    );
}

#[test]
fn model_prints_the_document_model() {
    let (code, out, _) = run(&[
        "model",
        "fixtures/sites/hugo/job-families/backend-engineer.md",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn custom_schema_replaces_the_builtin() {
    let (code, out, _) = run(&[
        "check",
        "--schema",
        "fixtures/structure/schema/schema.json",
        "fixtures/structure/schema/",
        "--format",
        "compact",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "fixtures/structure/schema/bad.md:1:1: error structure/schema: `front_matter` has no `description`\n"
    );
}

/// A walk of a Middleman handbook (`*.html.md` pages) takes its `*.html.md.erb` pages too;
/// the user's own include patterns decide alone.
#[test]
fn erb_pages_of_a_middleman_handbook_are_walked() {
    let dir = tempfile::TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("a.html.md.erb"),
        "---\ntitle: x\n---\nTODO\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.html.md"), "---\ntitle: x\n---\nTBD\n").unwrap();
    // Not job pages by their looks: `--job-pages` says they are.
    let select = ["--select", "structure/placeholder", "--job-pages", "*.md*"];
    let (_, out, _) = crate::check_in(dir.path(), &[&["."], &select[..]].concat());
    assert_eq!(
        out,
        "./a.html.md.erb:4:1: warning structure/placeholder: `TODO` marker left in the page\n\
         ./b.html.md:4:1: warning structure/placeholder: `TBD` marker left in the page\n"
    );
    let only_md = ["--include", "**/*.md"];
    let (_, out, _) = crate::check_in(dir.path(), &[&["."], &select[..], &only_md[..]].concat());
    assert_eq!(
        out,
        "./b.html.md:4:1: warning structure/placeholder: `TBD` marker left in the page\n"
    );
    // Not a Middleman tree: no `*.html.md` page, so no ERB page by default.
    std::fs::rename(dir.path().join("b.html.md"), dir.path().join("b.md")).unwrap();
    let (_, out, _) = crate::check_in(dir.path(), &[&["."], &select[..]].concat());
    assert_eq!(
        out,
        "./b.md:4:1: warning structure/placeholder: `TBD` marker left in the page\n"
    );
}

#[test]
fn gitignored_pages_are_skipped() {
    let dir = tempfile::TempDir::new().unwrap();
    std::fs::write(dir.path().join(".gitignore"), "drafts/\n").unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join("drafts/x.md"), "TODO\n").unwrap();
    std::fs::write(dir.path().join("y.md"), "TBD\n").unwrap();
    let (_, out, _) = crate::check_in(
        dir.path(),
        &[
            ".",
            "--select",
            "structure/placeholder",
            "--job-pages",
            "*.md",
        ],
    );
    assert_eq!(
        out,
        "./y.md:1:1: warning structure/placeholder: `TBD` marker left in the page\n"
    );
}

/// `--diff` changes nothing and `--fix` writes: together they were accepted, and one of them
/// silently did not happen.
#[test]
fn fix_and_diff_together_are_refused() {
    let page = "fixtures/structure/placeholder/bad.md";
    let (code, out, err) = run(&["check", "--fix", "--diff", page]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("error: the argument '--fix' cannot be used with '--diff'\n"),
        "{err}"
    );
}

/// `https://` alone has no host: every `https://` link would have looked like the site's own.
#[test]
fn site_url_without_a_host_is_refused() {
    let page = "fixtures/structure/placeholder/bad.md";
    for url in ["https://", "http://:8080", "https:///handbook"] {
        let (code, out, err) = run(&["check", "--site-url", url, page]);
        assert_eq!((code, out.as_str()), (2, ""), "{url}");
        assert_eq!(
            err,
            format!(
                "error: --site-url {url} is not an http(s) origin; write it like https://about.gitlab.com\n"
            )
        );
    }
}

/// The README's table of rules lists every rule of the registry, in order, with its default
/// severity: a new rule (or a changed severity) cannot leave it stale.
/// The README's section between `<!-- NAME: … -->` and `<!-- /NAME -->` is `made`; with
/// `JOBFAM_BLESS=1` the README is rewritten to say so instead.
fn readme_section_is(name: &str, made: &str) {
    // The tests run in parallel; one README rewrite at a time.
    static README: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = README
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let readme = std::fs::read_to_string("README.md").unwrap();
    let open = format!("<!-- {name}:");
    let start = readme
        .find(&open)
        .unwrap_or_else(|| panic!("README has no {open} marker"));
    let start = start + readme[start..].find("-->\n").unwrap() + 4;
    let close = format!("<!-- /{name} -->");
    let end = start
        + readme[start..]
            .find(&close)
            .unwrap_or_else(|| panic!("README has no {close}"));
    if readme[start..end] == *made {
        return;
    }
    if std::env::var_os("JOBFAM_BLESS").is_some() {
        let updated = format!("{}{made}{}", &readme[..start], &readme[end..]);
        std::fs::write("README.md", updated).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        made,
        "the README's {name} table is out of date: run `JOBFAM_BLESS=1 cargo test readme`"
    );
}

#[test]
fn the_readme_rules_table_is_made_from_the_registry() {
    readme_section_is("rules", &jobfam::rules::markdown_table());
    let readme = std::fs::read_to_string("README.md").unwrap();
    for rule in jobfam::rules::RULES.iter() {
        let row = format!("| `{}` | {} |", rule.id, rule.default_word());
        assert!(readme.contains(&row), "README lacks {row}");
    }
}

#[test]
fn the_readme_settings_table_is_made_from_the_declarations() {
    readme_section_is("settings", &jobfam::config::keys::markdown_table());
}

/// Each setting that a flag overrides has that flag on `jobfam check`.
#[test]
fn every_setting_flag_is_a_check_option() {
    let (_, help, _) = run(&["check", "--help"]);
    for key in jobfam::config::keys::KEYS {
        if let Some(flag) = key.flag {
            let flag = format!("--{}", flag.long);
            assert!(
                help.contains(&format!("{flag} ")) || help.contains(&format!("{flag}=")),
                "`{}` names {flag}, which `jobfam check --help` lacks",
                key.name
            );
        }
    }
}

/// Adopting on a handbook with findings: `--statistics` counts them per rule, `-q` prints only
/// the summary (with what `--fix` would fix), `--exit-zero` keeps the job green.
#[test]
fn statistics_quiet_and_exit_zero() {
    let (code, out, _) = run(&["check", "fixtures/spelling/", "--statistics"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        // The pages that are not job pages (no job-page sections) get only the prose rules.
        concat!(
            "24  spelling/term-case         [*]\n",
            "22  spelling/misspelling       [*] 12 fixable\n",
            " 4  structure/missing-section\n",
            " 3  spelling/repeated-word     [*] 2 fixable\n",
            "53 errors, 0 warnings in 18 files\n"
        )
    );
    let (code, out, _) = run(&["check", "fixtures/spelling/", "-q"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "53 errors, 0 warnings in 18 files\n[*] 38 fixable with --fix (2 more with --unsafe-fixes)\n"
    );
    let (code, out, _) = run(&["check", "fixtures/spelling/", "-q", "--exit-zero"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("53 errors"), "{out}");
    // Something that cannot be checked still fails.
    let (code, _, _) = run(&["check", "no-such-page.md", "--exit-zero"]);
    assert_eq!(code, 2);
}

/// `--output-format` is `--format` under ruff's and rumdl's name.
#[test]
fn output_format_is_format() {
    let page = "fixtures/spelling/term-case/bad.md";
    let (_, a, _) = run(&["check", page, "--format", "compact"]);
    let (_, b, _) = run(&["check", page, "--output-format", "compact"]);
    assert_eq!(a, b);
    assert!(!a.is_empty());
}

/// Completions and man pages come from the clap definitions, setting flags included.
#[test]
fn completions_and_man_pages_cover_every_flag() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out, err) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(
            out.contains("site-root"),
            "{shell} completions lack --site-root"
        );
    }
    let (code, out, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH jobfam 1"), "{out}");
    let (code, out, _) = run(&["man", "check"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH jobfam-check 1"), "{out}");
    for key in jobfam::config::keys::KEYS {
        if let Some(flag) = key.flag {
            let roff = format!("\\-\\-{}", flag.long.replace('-', "\\-"));
            assert!(out.contains(&roff), "jobfam-check(1) lacks --{}", flag.long);
        }
    }
    let (code, _, err) = run(&["man", "chek"]);
    assert_eq!(code, 2);
    assert!(err.contains("`chek` is not a jobfam command"), "{err}");
}

/// Adopting with a baseline: today's findings are recorded; after an edit above them and one
/// new slip, only the new one is reported; a fixed one shows up as a stale entry.
#[test]
fn a_baseline_hides_recorded_findings_and_reports_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let page = "---\ntitle: Engineer\n---\n\nWe use Gitlab and Github daily.\n";
    std::fs::write(dir.path().join("page.md"), page).unwrap();
    let select = ["--select", "spelling/term-case", "--format", "compact"];
    let (code, _, err) = crate::run_in(
        dir.path(),
        &[
            &["check", "page.md", "--write-baseline", "base.json"][..],
            &select,
        ]
        .concat(),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "Wrote 2 findings to base.json; check with --baseline base.json\n"
    );
    let written = std::fs::read_to_string(dir.path().join("base.json")).unwrap();
    assert_eq!(written.lines().count(), 4, "{written}");
    assert!(
        written.contains(r#""path":"page.md","rule":"spelling/term-case""#),
        "{written}"
    );

    // Two lines added above, and a new slip below.
    let edited = "---\ntitle: Engineer\n---\n\nIntro.\n\nMore.\n\nWe use Gitlab and Github daily.\n\nAnd Javascript.\n";
    std::fs::write(dir.path().join("page.md"), edited).unwrap();
    let (code, out, _) = crate::run_in(
        dir.path(),
        &[
            &["check", "page.md", "--baseline", "base.json"][..],
            &select,
        ]
        .concat(),
    );
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "page.md:11:5: error spelling/term-case: `Javascript` is written `JavaScript`\n"
    );

    // Github fixed: its entry is stale (an info), and the run is clean.
    let fixed = "---\ntitle: Engineer\n---\n\nWe use Gitlab and GitHub daily.\n";
    std::fs::write(dir.path().join("page.md"), fixed).unwrap();
    let (code, out, _) = crate::run_in(
        dir.path(),
        &[
            &["check", "page.md", "--baseline", "base.json"][..],
            &select,
        ]
        .concat(),
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("base.json:1:1: info baseline-stale: spelling/term-case no longer finds"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "{out}");

    // A file that is not a baseline is a usage error.
    std::fs::write(dir.path().join("bad.json"), "[]").unwrap();
    let (code, _, err) = crate::run_in(dir.path(), &["check", "page.md", "--baseline", "bad.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("bad.json is not a jobfam baseline"), "{err}");
}

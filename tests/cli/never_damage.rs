//! Fixes that change only the bytes they mean to, on every line ending, and pages that cannot
//! kill the run: the defects an audit found (issue 11), one test each.

use crate::{diagnostics_of, dir_with, run_in};

/// Sections a job page needs, so only the finding under test is reported.
const REST: &str = "## Requirements\n\n- Ability to use GitLab\n\n## Levels\n\n### Senior Engineer\n\nThe Senior Engineer is a grade 7.\n\n## Performance Indicators\n\n- Uptime\n\n## Hiring Process\n\n1. A call.\n";

fn fix_page(text: &str, extra: &[&str]) -> (String, String) {
    let dir = dir_with(&[("page.md", text.as_bytes())]);
    let mut args = vec![
        "check",
        "--no-config",
        "--fix",
        "--format",
        "compact",
        "page.md",
    ];
    args.extend_from_slice(extra);
    let (_, _, stderr) = run_in(dir.path(), &args);
    let fixed = std::fs::read_to_string(dir.path().join("page.md")).unwrap();
    // Fixing is idempotent: a second run changes nothing.
    run_in(dir.path(), &args);
    let again = std::fs::read_to_string(dir.path().join("page.md")).unwrap();
    assert_eq!(again, fixed, "a second --fix changed the page");
    (fixed, stderr)
}

/// Defect 1: a lone `\r` is a line ending to comrak; the fix for the link after it must land
/// on the link, not on `#sales` further down (which it rewrote a little more on each run).
#[test]
fn a_lone_cr_does_not_shift_a_fix() {
    let page = "---\ntitle: \"Engineer\"\n---\n\n## Responsibilities\n\nA\r[go](#responsibilitis)\n\nZZ\nJoin #sales for news.\n";
    let (fixed, _) = fix_page(page, &[]);
    assert_eq!(
        fixed,
        "---\ntitle: \"Engineer\"\n---\n\n## Responsibilities\n\nA\r[go](#responsibilities)\n\nZZ\nJoin #sales for news.\n"
    );
}

/// Defect 1: the same page with `\n`, `\r\n`, a lone `\r` and a mix gives the same findings
/// at the same lines and columns, the front matter is found, and spelling still runs.
#[test]
fn every_line_ending_gives_the_same_positions() {
    let lines = [
        "---",
        "title: \"Engineer\"",
        "---",
        "",
        "## Responsibilties",
        "",
        "Café 😀 work with Gitlab and [x](#nowhere).",
        "",
    ];
    let place = |text: &str| -> Vec<String> {
        diagnostics_of(text, "spelling,links,structure/front-matter")
            .iter()
            .map(|d| {
                format!(
                    "{}:{}-{}:{} {}",
                    d.line, d.column, d.end_line, d.end_column, d.rule
                )
            })
            .collect()
    };
    let lf = place(&lines.join("\n"));
    assert_eq!(
        lf,
        [
            "5:4-5:19 spelling/misspelling",
            "7:18-7:24 spelling/term-case",
            "7:29-7:42 links/broken-fragment"
        ]
    );
    assert_eq!(place(&lines.join("\r\n")), lf, "CRLF");
    assert_eq!(place(&lines.join("\r")), lf, "lone CR");
    let mixed: String = lines
        .iter()
        .zip(["\r", "\n", "\r\n"].iter().cycle())
        .map(|(l, e)| format!("{l}{e}"))
        .collect();
    assert_eq!(place(&mixed), lf, "mixed");
}

/// Defect 2: the fragment fix replaces the destination's own bytes: never a `#` in the title
/// or the link text, all of a fragment holding `>`, and nothing in a reference link whose
/// definition is elsewhere.
#[test]
fn the_fragment_fix_rewrites_only_the_destination() {
    let page = format!(
        "---\ntitle: \"Engineer\"\n---\n\n## Responsibilities\n\n\
         See [item #1](#responsibilitis \"Item #1\"), [#sales team][r] and <%= x %>.\n\n\
         [r]: #responsibilitis\n\n{REST}"
    );
    let (fixed, _) = fix_page(&page, &[]);
    assert_eq!(
        fixed,
        page.replace("(#responsibilitis \"Item", "(#responsibilities \"Item")
    );
    let fragment_with_gt = format!(
        "---\ntitle: \"Engineer\"\n---\n\n## Responsibilities\n\n[a](#responsibilities>)\n\n{REST}"
    );
    let (fixed, _) = fix_page(&fragment_with_gt, &["--unsafe-fixes"]);
    assert!(fixed.contains("[a](#responsibilities)\n"), "{fixed}");
}

/// Defect 3: "at at least" is no repeated word; a doubled function word is a safe fix, other
/// doubles and a misspelling with a rival correction ("Provisiong": Provision or
/// Provisioning; "operatea": operate or operates), an article doubled after a verb that takes
/// `to` ("Reports the the", for "Reports to the") and a fragment fix the link text contradicts
/// are unsafe: left by --fix, applied by --fix --unsafe-fixes.
#[test]
fn unsafe_fixes_wait_for_unsafe_fixes() {
    let page = format!(
        "---\ntitle: \"Engineer\"\n---\n\n## Responsibilities\n\n\
         - Longevity at at least one recent job.\n\
         - Provisiong the the servers, many many times.\n\
         - Reports the the [Director](#responsibilities), and [Senior Manager, Ops](#manager-op).\n\
         - Plans and operatea the fleet.\n\n\
         ## Manager, Ops\n\n## Senior Manager, Ops\n\n{REST}"
    );
    let rules = |text: &str| -> Vec<String> {
        diagnostics_of(text, "spelling")
            .iter()
            .map(|d| {
                let fix = d.fix.as_ref().map_or("none".to_string(), |f| {
                    format!("{:?}", f.applicability).to_lowercase()
                });
                format!("{}:{} {} {fix}", d.line, d.column, d.rule)
            })
            .collect()
    };
    assert_eq!(
        rules(&page),
        [
            "8:3 spelling/misspelling unsafe",
            "8:18 spelling/repeated-word safe",
            "8:36 spelling/repeated-word unsafe",
            "9:15 spelling/repeated-word unsafe",
            "10:13 spelling/misspelling unsafe"
        ]
    );
    // The fragment is one letter from `#manager-ops`, but the text names another anchor.
    let links = diagnostics_of(&page, "links/broken-fragment");
    let fix = links[0].fix.as_ref().unwrap();
    assert_eq!(
        (
            links[0].rule.as_str(),
            fix.replacement.as_str(),
            fix.applicability
        ),
        (
            "links/broken-fragment",
            "#manager-ops",
            jobfam::rules::Applicability::Unsafe
        )
    );
    assert_eq!(
        links[0].help.as_deref(),
        Some("did you mean `#manager-ops`, or `#senior-manager-ops`, which the link text names?")
    );
    let (fixed, stderr) = fix_page(&page, &[]);
    assert_eq!(fixed, page.replacen("the the", "the", 1));
    assert!(
        stderr.contains("Fixed 1 finding in 1 file\n5 unsafe fixes not applied (they may be wrong): review with --diff --unsafe-fixes, apply with --fix --unsafe-fixes"),
        "{stderr}"
    );
    let (fixed, _) = fix_page(&page, &["--unsafe-fixes"]);
    assert_eq!(
        fixed,
        page.replace("the the", "the")
            .replace("Provisiong", "Provision")
            .replace("many many", "many")
            .replace("operatea", "operate")
            .replace("#manager-op)", "#manager-ops)")
    );
}

/// Defect 3: `--diff` shows what `--fix` would do; unsafe fixes only with `--unsafe-fixes`.
#[test]
fn diff_shows_unsafe_fixes_only_when_asked() {
    let page = format!(
        "---\ntitle: \"Engineer\"\n---\n\n## Responsibilities\n\n- Many many times.\n\n{REST}"
    );
    let dir = dir_with(&[("page.md", page.as_bytes())]);
    let (code, out, err) = run_in(dir.path(), &["check", "--no-config", "--diff", "page.md"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert_eq!(
        err,
        "1 unsafe fix not shown (it may be wrong): show it with --diff --unsafe-fixes\n"
    );
    let (code, out, _) = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--diff",
            "--unsafe-fixes",
            "page.md",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("-- Many many times.\n+- Many times.\n"),
        "{out}"
    );
}

/// Defect 7: markup nested 100,000 deep (emphasis, strong, links, images) is checked on a
/// worker thread without overflowing its stack, and the other page is checked too.
#[test]
fn deep_nesting_does_not_kill_the_run() {
    let n = 100_000;
    let front = "---\ntitle: \"Engineer\"\n---\n\n";
    let emphasis = format!("{front}{}a{}\n", "*".repeat(n), "*".repeat(n));
    let strong = format!(
        "{front}{}a{}\n",
        "**x ".repeat(n / 10),
        " x**".repeat(n / 10)
    );
    let dir = dir_with(&[
        ("emphasis.md", emphasis.as_bytes()),
        ("strong.md", strong.as_bytes()),
        (
            "ok.md",
            format!("{front}## Responsibilities\n\nGitlab\n").as_bytes(),
        ),
    ]);
    let (code, out, err) = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--format",
            "compact",
            "--select",
            "spelling",
            ".",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("./ok.md:7:1: error spelling/term-case"),
        "{out}"
    );
}

/// Defect 13: TOML (`+++`) and JSON front matter, both valid in Hugo, are read.
#[test]
fn toml_and_json_front_matter_are_read() {
    for front in [
        "+++\ntitle = \"Backend Engineer\"\n+++\n",
        "{\n  \"title\": \"Backend Engineer\"\n}\n",
    ] {
        let page = format!("{front}\n## Responsibilities\n\n- Build.\n\n{REST}");
        let found = diagnostics_of(&page, "structure,spelling");
        assert!(found.is_empty(), "{front}: {found:?}");
        let dir = dir_with(&[("page.md", page.as_bytes())]);
        let (code, out, _) = run_in(dir.path(), &["model", "page.md"]);
        assert_eq!(code, 0);
        assert!(out.contains("\"title\": \"Backend Engineer\""), "{out}");
    }
    let broken = diagnostics_of("+++\ntitle = \n+++\n", "structure");
    assert_eq!(broken[0].rule, "parse-error");
    assert!(
        broken[0]
            .message
            .starts_with("front matter is not valid TOML: ")
    );
}

/// Found by the property tests: Hugo makes a heading's id from its source, so fixing the
/// fragment of a link inside a heading changed the id it pointed at, and each --fix grew it
/// (`#theresponsibilities`, `#thetheresponsibilities`, …). Such a link gets no fix.
#[test]
fn a_fix_never_chases_the_id_of_its_own_heading() {
    let page = "---\ntitle: \"Engineer\"\n---\n\n# [the](#responsibilities)\n";
    let found = diagnostics_of(page, "links/broken-fragment");
    assert_eq!(found.len(), 1);
    assert!(found[0].fix.is_none(), "{:?}", found[0].fix);
    let (fixed, _) = fix_page(page, &["--unsafe-fixes"]);
    assert_eq!(fixed, page);
}

/// The same across pages: a link in a Hugo heading to another page's mistyped anchor is
/// reported without a fix, though the run-level rule runs after the page's model is slimmed
/// (found in review: the heading blocks it asks about had been dropped).
#[test]
fn a_fix_never_chases_the_id_of_its_own_heading_across_pages() {
    let dir = tempfile::tempdir().unwrap();
    let front = "---\ntitle: \"Engineer\"\n---\n\n";
    let page = format!("{front}## See [the team](b.md#responsibilties)\n");
    std::fs::write(dir.path().join("a.md"), &page).unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        format!("{front}## Responsibilities\n"),
    )
    .unwrap();
    let (_, out, _) = crate::run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--select",
            "links/broken-page-fragment",
            "a.md",
            "b.md",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found = json["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{out}");
    assert_eq!(found[0]["rule"], "links/broken-page-fragment");
    assert!(found[0]["fix"].is_null(), "{out}");
    let (_, _, _) = crate::run_in(
        dir.path(),
        &["check", "--fix", "--unsafe-fixes", "a.md", "b.md"],
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        page
    );
}

/// Found reading --fix on the corpus: a spelling fix in a heading changes the heading's id,
/// so links to `#responsibilties` from other pages would break. Such fixes are unsafe; a
/// heading with a `{#custom-id}` keeps its id, and a fix in case alone keeps any id.
#[test]
fn spelling_fixes_that_rename_a_heading_are_unsafe() {
    let page = "---\ntitle: \"Engineer\"\n---\n\n## Responsibilties\n\n## Senior Responsibilties {#senior}\n\n## Gitlab the the team\n\nResponsibilties of the role.\n";
    let found: Vec<(usize, String, String)> = diagnostics_of(page, "spelling")
        .into_iter()
        .map(|d| {
            let fix = d.fix.unwrap();
            let safety = format!("{:?}", fix.applicability).to_lowercase();
            (d.line, d.rule, format!("{:?} {safety}", fix.replacement))
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                5,
                "spelling/misspelling".into(),
                "\"Responsibilities\" unsafe".into()
            ),
            (
                7,
                "spelling/misspelling".into(),
                "\"Responsibilities\" safe".into()
            ),
            (9, "spelling/term-case".into(), "\"GitLab\" safe".into()),
            (9, "spelling/repeated-word".into(), "\"\" unsafe".into()),
            (
                11,
                "spelling/misspelling".into(),
                "\"Responsibilities\" safe".into()
            ),
        ]
    );
    let (fixed, _) = fix_page(page, &[]);
    assert_eq!(
        fixed,
        "---\ntitle: \"Engineer\"\n---\n\n## Responsibilties\n\n## Senior Responsibilities {#senior}\n\n## GitLab the the team\n\nResponsibilities of the role.\n"
    );
}

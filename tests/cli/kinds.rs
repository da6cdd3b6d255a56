//! Page kinds: the job-page rules (schema, structure, grades) run on job pages only; the prose
//! rules (spelling, links) on every page. `jobfam model` says which kind a page is and why.

use crate::{check_in, dir_with, run_in};

/// A handbook with a README, a policy page, an index, a stub and one job page that lacks
/// sections, each with a misspelt product name.
fn handbook() -> tempfile::TempDir {
    dir_with(&[
        ("README.md", b"# Handbook\n\nBuilt with Gitlab.\n"),
        (
            "handbook/policy.md",
            b"---\nlayout: markdown_page\ntitle: Travel\n---\n\n## Scope\n\nBook on Gitlab. TODO\n",
        ),
        (
            "handbook/job-families/sales/index.html.md",
            b"---\nlayout: markdown_page\ntitle: Sales Roles\n---\n\n<%= job_families('sales') %>\n",
        ),
        (
            "handbook/job-families/old-role.md",
            b"---\ntitle: Old\n---\n\nThis role was deprecated in favour of [Analyst](analyst.md) on Gitlab.\n",
        ),
        (
            "handbook/job-families/analyst.md",
            b"---\ntitle: Analyst\n---\n\n## Responsibilities\n\n- Report on Gitlab usage.\n",
        ),
    ])
}

#[test]
fn job_page_rules_run_on_job_pages_and_prose_rules_everywhere() {
    let dir = handbook();
    let (code, out, _) = check_in(dir.path(), &["."]);
    assert_eq!(code, 1);
    let found: Vec<&str> = out.lines().collect();
    assert_eq!(
        found,
        [
            "./README.md:3:12: error spelling/term-case: `Gitlab` is written `GitLab`",
            "./handbook/job-families/analyst.md:1:1: error structure/missing-section: missing section \"Hiring Process\"",
            "./handbook/job-families/analyst.md:1:1: error structure/missing-section: missing section \"Levels\" or \"Job Grade\"",
            "./handbook/job-families/analyst.md:1:1: error structure/missing-section: missing section \"Performance Indicators\"",
            "./handbook/job-families/analyst.md:1:1: error structure/missing-section: missing section \"Requirements\"",
            "./handbook/job-families/analyst.md:7:13: error spelling/term-case: `Gitlab` is written `GitLab`",
            "./handbook/job-families/old-role.md:5:64: error spelling/term-case: `Gitlab` is written `GitLab`",
            "./handbook/policy.md:8:9: error spelling/term-case: `Gitlab` is written `GitLab`",
        ]
    );
}

#[test]
fn job_pages_in_the_config_decide_which_pages_are_job_pages() {
    let dir = handbook();
    std::fs::write(
        dir.path().join("jobfam.toml"),
        "job_pages = [\"handbook/*.md\"]\n",
    )
    .unwrap();
    let (_, out, _) = check_in(dir.path(), &[".", "--select", "structure"]);
    // The policy page is now a job page; the analyst page, not matched, is not; the stub and
    // the index stay what they are.
    assert!(
        out.contains("./handbook/policy.md:8:17: warning structure/placeholder"),
        "{out}"
    );
    assert!(!out.contains("analyst.md"), "{out}");
    assert!(
        !out.contains("old-role.md") && !out.contains("index.html.md"),
        "{out}"
    );
    // The flag replaces the config's patterns.
    let (_, out, _) = check_in(
        dir.path(),
        &[
            ".",
            "--select",
            "structure",
            "--job-pages",
            "handbook/job-families/**",
        ],
    );
    assert!(
        out.contains("analyst.md") && !out.contains("policy.md"),
        "{out}"
    );
}

#[test]
fn model_shows_the_kind_and_why() {
    let dir = handbook();
    let kind = |page: &str| {
        let (code, out, err) = run_in(dir.path(), &["model", page]);
        assert_eq!(code, 0, "{err}");
        let model: serde_json::Value = serde_json::from_str(&out).unwrap();
        format!(
            "{} | {}",
            model["kind"]["kind"].as_str().unwrap(),
            model["kind"]["reason"].as_str().unwrap()
        )
    };
    assert_eq!(
        kind("README.md"),
        "other | not under `job-families/`, no `layout: job_family_page`, fewer than two job-page sections"
    );
    assert_eq!(
        kind("handbook/policy.md"),
        "other | front matter `layout: markdown_page` and fewer than two job-page sections"
    );
    assert_eq!(
        kind("handbook/job-families/sales/index.html.md"),
        "index | lists job families with `job_families(…)`"
    );
    assert_eq!(
        kind("handbook/job-families/old-role.md"),
        "stub | a redirect or deprecation marker (\"was deprecated\")"
    );
    assert_eq!(
        kind("handbook/job-families/analyst.md"),
        "job | under a `job-families/` folder"
    );
    // The model reads the config nearest the page, as `check` does.
    std::fs::write(
        dir.path().join("handbook/jobfam.toml"),
        "job_pages = [\"*.md\"]\n",
    )
    .unwrap();
    assert_eq!(
        kind("handbook/policy.md"),
        "job | matched by `job_pages` in the config"
    );
}

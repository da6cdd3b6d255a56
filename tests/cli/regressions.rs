//! Cases an acceptance run on pages we had never seen turned up; each stays fixed.

use crate::jobfam;
use jobfam::config::Settings;

fn findings(text: &str, select: &str) -> Vec<String> {
    crate::diagnostics_of(text, select)
        .into_iter()
        .map(|d| format!("{}:{} {} {}", d.line, d.column, d.rule, d.message))
        .collect()
}

const G: &str = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

#[test]
fn a_finding_on_a_very_long_line_does_not_crash_the_human_report() {
    let dir = tempfile::TempDir::new().unwrap();
    let page = format!(
        "---\ntitle: x\n---\n\n{} [bad](#nope)\n",
        "a".repeat(70_000)
    );
    std::fs::write(dir.path().join("long.md"), page).unwrap();
    let out = jobfam()
        .current_dir(dir.path())
        .args(["check", "long.md", "--select", "links"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("long.md:5:70002: link fragment `#nope`")
    );
}

#[test]
fn code_spans_and_template_code_are_not_statements_or_links() {
    let page = format!(
        "### Backend Engineer\nThe Backend Engineer is a [grade 6]({G}).\n\n\
         Example: `The Staff Backend Engineer is a grade 8`, `[code]((x))`.\n\n\
         {{{{< note >}}}}The Backend Engineer is a [grade 6]({G}).{{{{< /note >}}}}\n"
    );
    assert_eq!(findings(&page, "grades"), Vec::<String>::new());
    assert_eq!(findings(&page, "links/malformed"), Vec::<String>::new());
}

#[test]
fn specialties_are_not_levels() {
    let page = format!(
        "### Senior Product Designer\nThe Senior Product Designer is a [grade 7]({G}).\n\
         #### Specialities\n##### Growth\nThe Senior Product Designer, Growth is a [grade 7]({G}).\n"
    );
    assert_eq!(findings(&page, "grades"), Vec::<String>::new());
}

#[test]
fn another_level_is_not_offered_as_a_typo_fix_and_top_always_resolves() {
    let page = "## Senior Backend Engineer\n[s](#staff-backend-engineer) [t](#top) [u](#senior-backend-enginer)\n";
    let ctx = Settings {
        select: vec!["links".into()],
        ..Settings::default()
    }
    .context()
    .unwrap();
    let report = jobfam::check_text("page.md", page, &ctx);
    let got: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.message.clone(), d.help.clone(), d.fix.is_some()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "link fragment `#staff-backend-engineer` matches no anchor on this page"
                    .to_string(),
                Some(
                    "link to a heading's id; `jobfam model PAGE` lists the page's anchors"
                        .to_string()
                ),
                false
            ),
            (
                "link fragment `#senior-backend-enginer` matches no anchor on this page"
                    .to_string(),
                Some("did you mean `#senior-backend-engineer`?".to_string()),
                true
            ),
        ]
    );
}

#[test]
fn a_level_that_says_it_has_no_grade_is_not_missing_one() {
    let page = format!(
        "## Levels\n### Data Analyst Intern\nThe Data Analyst Intern is not aligned to a job grade.\n\
         ### Data Analyst\nThe Data Analyst is a [grade 6]({G}).\n### Senior Data Analyst\nThe Senior Data Analyst is a [grade 7]({G}).\n"
    );
    assert_eq!(findings(&page, "grades/missing"), Vec::<String>::new());
}

#[test]
fn generic_titles_are_not_compared_across_pages() {
    let dir = tempfile::TempDir::new().unwrap();
    let families = dir.path().join("job-families");
    std::fs::create_dir_all(&families).unwrap();
    std::fs::write(families.join("a.md"), "The Senior Manager is a grade 9.\n").unwrap();
    std::fs::write(families.join("b.md"), "The Senior Manager is a grade 10.\n").unwrap();
    let out = jobfam()
        .current_dir(dir.path())
        .args(["check", ".", "--select", "grades/conflict"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn html_ids_unquoted_count_and_commented_ones_do_not() {
    let page = "<a id=bare></a>\n<!-- <a id=\"gone\"></a> -->\n\n[a](#bare) [b](#gone)\n";
    assert_eq!(
        findings(page, "links/broken-fragment"),
        ["4:12 links/broken-fragment link fragment `#gone` matches no anchor on this page"]
    );
}

#[test]
fn empty_front_matter_is_an_empty_mapping_and_bullets_need_the_whole_word() {
    assert_eq!(
        // A job page by its layout; the mapping has no `title`.
        findings(
            "---\nlayout: job_family_page\n---\n",
            "structure/front-matter"
        ),
        ["1:1 structure/front-matter front matter has no `title`"]
    );
    let page = "---\ntitle: x\n---\n## Responsibilities\n## Requirements\n- Inability to use GitLab\n## Levels\n## Performance  Indicators\n## Hiring\u{a0}Process\n";
    assert_eq!(
        findings(page, "structure"),
        ["5:1 structure/missing-bullet no \"Ability to use GitLab\" bullet under Requirements"]
    );
}

#[test]
fn site_options_are_checked_and_one_file_named_twice_is_checked_once() {
    let dir = tempfile::TempDir::new().unwrap();
    std::fs::write(dir.path().join("a.md"), "[x](#nope)\n").unwrap();
    let out = jobfam()
        .current_dir(dir.path())
        .args(["check", "a.md", "--site-root", "missing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("--site-root missing is not a folder")
    );
    let out = jobfam()
        .current_dir(dir.path())
        .args(["check", "a.md", "--site-url", "about.gitlab.com"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = jobfam()
        .current_dir(dir.path())
        .args([
            "check", ".", "a.md", "./a.md", "--format", "json", "--select", "links",
        ])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            doc["files_checked"].as_u64(),
            doc["diagnostics"].as_array().unwrap().len()
        ),
        (Some(1), 1)
    );
}

#[test]
fn site_links_to_rendered_html_and_prefix_boundaries() {
    let dir = tempfile::TempDir::new().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("job-families/sales")).unwrap();
    std::fs::write(
        root.join("job-families/sales/account-executive.md"),
        "## Senior Account Executive\n",
    )
    .unwrap();
    std::fs::write(
        root.join("page.md"),
        "[a](/job-families/sales/account-executive/index.html#senior-account-executive)\n\
         [b](/job-families-archive/sales/nope/)\n[c](/job-families/../handbook/nope/)\n",
    )
    .unwrap();
    let out = jobfam()
        .current_dir(root)
        .args([
            "check",
            "page.md",
            "--select",
            "links",
            "--site-root",
            ".",
            "--site-prefix",
            "/job-families",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn links_in_headings_are_checked_and_explicit_ids_may_not_take_generated_ones() {
    assert_eq!(
        findings("## See [Senior](#senior-lvl)\n", "links/broken-fragment"),
        ["1:8 links/broken-fragment link fragment `#senior-lvl` matches no anchor on this page"]
    );
    assert_eq!(
        findings(
            "## Responsibilities\n## Other {#responsibilities}\n",
            "links/duplicate-anchor"
        ),
        ["2:1 links/duplicate-anchor id `responsibilities` is already used on this page"]
    );
    // Hugo renumbers a generated id that comes after an explicit one: no collision.
    assert_eq!(
        findings("## Other {#levels}\n## Levels\n", "links/duplicate-anchor"),
        Vec::<String>::new()
    );
}

/// A word after template code in an item was placed at the first matching letters of the page
/// source, inside the ERB (`p[a]rtial`), and `--fix` rewrote the ERB: found by the property
/// test. Words are placed whole and never inside template code.
#[test]
fn a_word_after_template_code_is_placed_after_it() {
    let page = "---\ntitle: x\n---\n\n- <%= partial(\"x\") %> a operator\n";
    assert_eq!(
        findings(page, "grammar"),
        ["5:23 grammar/article `a operator`: write `an operator`"]
    );
    let (fixed, n) = jobfam::fix::fix_text(
        std::path::Path::new("page.md"),
        page,
        &Settings::default().context().unwrap(),
        jobfam::rules::Applicability::Safe,
    );
    assert_eq!(n, 1);
    assert_eq!(fixed, page.replace("%> a operator", "%> an operator"));
}

/// Lines that end in a lone `\r` are lines to the markdown rules, as they are to CommonMark.
#[test]
fn markdown_rules_read_lone_carriage_returns() {
    let page = "---\rtitle: x\r---\r\r- Item one.\rLost item.\r-Item\r";
    assert_eq!(
        findings(page, "markdown"),
        [
            "6:1 markdown/lost-marker this line starts a new sentence at the margin of a list item: it renders as part of the item above",
            "7:1 markdown/marker-space `-` has no space after it, so this line is no list item",
        ]
    );
}

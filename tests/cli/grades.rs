//! The grade ladder: statement variants are read, and pages checked together are compared.

use crate::jobfam;
use jobfam::source::Source;

fn roles(text: &str) -> Vec<(String, String, String, Option<f64>)> {
    let page = jobfam::model(&Source::from_text("p.md".into(), text.into(), false)).unwrap();
    page.roles
        .into_iter()
        .map(|r| (r.title, r.seniority, r.track.to_string(), r.grade))
        .collect()
}

#[test]
fn statement_variants_are_read_into_roles() {
    let page = "\
## Levels
### Analyst
The Analyst is a [grade 6](https://about.gitlab.com/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).
### Senior Analyst
#### Job Grade
The Senior Analyst is a [grade 7]({{< ref \"compensation-calculator#gitlab-job-grades\" >}}).
### Staff Analyst
#### Job Grade
Grade 9.5
### Principal Analyst
Principal Analyst is a grade 10+ role.
### Manager, Analytics
| Role | Grade |
|---|---|
| Manager, Analytics | Grade 8 |
### Director, Analytics
";
    assert_eq!(
        roles(page),
        [
            (
                "Analyst".into(),
                "intermediate".into(),
                "individual".into(),
                Some(6.0)
            ),
            (
                "Senior Analyst".into(),
                "senior".into(),
                "individual".into(),
                Some(7.0)
            ),
            (
                "Staff Analyst".into(),
                "staff".into(),
                "individual".into(),
                Some(9.5)
            ),
            (
                "Principal Analyst".into(),
                "principal".into(),
                "individual".into(),
                Some(10.0)
            ),
            (
                "Manager, Analytics".into(),
                "manager".into(),
                "management".into(),
                Some(8.0)
            ),
            (
                "Director, Analytics".into(),
                "director".into(),
                "management".into(),
                None
            ),
        ]
    );
}

#[test]
fn conflicts_across_pages_checked_together() {
    let dir = tempfile::TempDir::new().unwrap();
    let families = dir.path().join("site/job-families");
    std::fs::create_dir_all(&families).unwrap();
    let page = |grade: u8| {
        format!("## Levels\n### Senior Accountant\nThe Senior Accountant is a grade {grade}.\n")
    };
    std::fs::write(families.join("accounting.md"), page(7)).unwrap();
    std::fs::write(families.join("tax.md"), page(8)).unwrap();
    // A page of another site (another folder holding job-families/) is not compared.
    std::fs::create_dir_all(dir.path().join("old/job-families")).unwrap();
    std::fs::write(dir.path().join("old/job-families/accounting.md"), page(6)).unwrap();
    let out = jobfam()
        .current_dir(dir.path())
        .args([
            "check",
            "site",
            "old",
            "--format",
            "compact",
            "--select",
            "grades/conflict",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "site/job-families/tax.md:3:34: error grades/conflict: `Senior Accountant` is stated as grade 8 here and as grade 7 in site/job-families/accounting.md\n"
    );
    assert_eq!(out.status.code(), Some(1));
    // One page alone (a pre-commit run) has nothing to compare with.
    let out = jobfam()
        .current_dir(dir.path())
        .args([
            "check",
            "site/job-families/tax.md",
            "--select",
            "grades/conflict",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn human_output_labels_both_spans() {
    let out = jobfam()
        .args([
            "check",
            "fixtures/grades/title-mismatch/bad.md",
            "--select",
            "grades/title-mismatch",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("the level this sentence sits under"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

/// The injection test of the ladder rules: on every page with a clean ladder (the grade
/// fixtures' good pages, and the corpus's pages where no grade rule fires), move the most
/// senior level's grade below the page's lowest grade, check again, and count the injections
/// reported at the moved grade and the findings each adds besides. Prints the figures; fails
/// if fewer than 9 in 10 are found.
#[test]
fn a_grade_moved_below_the_ladder_is_found() {
    use jobfam::config::Settings;
    let ctx = Settings {
        select: vec!["grades".into()],
        ..Settings::default()
    }
    .context()
    .unwrap();
    let mut pages: Vec<std::path::PathBuf> = std::fs::read_dir("fixtures/grades")
        .unwrap()
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("good"))
        .collect();
    let corpus = std::path::Path::new("../shared/corpus");
    if corpus.is_dir() {
        let (found, _) = jobfam::discover::discover(
            &[corpus.display().to_string()],
            &jobfam::discover::Files::default(),
        );
        pages.extend(found);
    } else {
        eprintln!("../shared/corpus is absent: the injection runs on the fixtures only");
    }
    pages.sort();
    let (mut tried, mut found, mut extra) = (0, 0, 0);
    let mut missed = Vec::new();
    for path in &pages {
        let source = Source::read(path).unwrap();
        if !jobfam::check_source(&source, &ctx).diagnostics.is_empty() {
            continue; // Not a clean ladder.
        }
        let Ok(page) = jobfam::model(&source) else {
            continue;
        };
        // The statements of ranked levels; the most senior by grade is moved.
        let ranked: Vec<_> = page
            .grades
            .iter()
            .filter(|s| !jobfam::document::titles::is_vague(&s.role))
            .filter(|s| jobfam::document::titles::usual_grade(&s.role).is_some())
            .collect();
        let lowest = ranked
            .iter()
            .map(|s| s.grade.value)
            .fold(f64::INFINITY, f64::min);
        let Some(top) = ranked
            .iter()
            .filter(|s| s.grade.value > lowest)
            .max_by(|a, b| a.grade.value.total_cmp(&b.grade.value))
        else {
            continue;
        };
        let moved = format!("{}", (lowest - 1.0).max(1.0));
        let span = top.grade_span;
        // The digits inside the grade's span ("grade 12" → "12").
        let written = &source.text[span.start..span.end];
        let Some(at) = written.find(top.grade.text.as_str()) else {
            continue;
        };
        let start = span.start + at;
        let text = format!(
            "{}{}{}",
            &source.text[..start],
            moved,
            &source.text[start + top.grade.text.len()..]
        );
        tried += 1;
        let after = jobfam::check_text(path, &text, &ctx).diagnostics;
        let line = source.text[..start].matches('\n').count() + 1;
        let hit = after.iter().any(|d| d.line == line);
        if hit {
            found += 1;
            extra += after.len() - 1;
        } else {
            missed.push(format!("{}:{line} {}", path.display(), top.role));
        }
    }
    eprintln!(
        "grade injections: {found} of {tried} found; {extra} extra findings in all; missed: {missed:#?}"
    );
    assert!(tried > 0);
    assert!(found * 10 >= tried * 9, "{found} of {tried}: {missed:#?}");
}

/// `jobfam ladder`: each family's levels by track in rank order, the grade findings (outliers
/// included) marked, as a table, CSV or JSON.
#[test]
fn the_ladder_map_in_each_format() {
    let (code, out, err) = crate::run_in(
        std::path::Path::new("."),
        &["ladder", "fixtures/grades/outlier/"],
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "Accounting  (fixtures/grades/outlier/bad.md)
  individual  Accountant 6 · Senior Accountant 7
  management  Manager, Accounting 8 · Director, Accounting 7 !
  ! fixtures/grades/outlier/bad.md:31: grades/order: `Director, Accounting` is grade 7, lower than the less senior `Manager, Accounting` at grade 8
  ! fixtures/grades/outlier/bad.md:31: grades/outlier: `Director, Accounting` is grade 7, far from the usual grade 10 for a Director (over 86 Director levels in GitLab's handbook)
Ledger  (fixtures/grades/outlier/good.md)
  individual  Ledger Accountant 6 · Senior Ledger Accountant 8 · Managing Ledger Editor 9 · Ledger Partner 9
  management  Manager, Ledger 8 · Director, Ledger 11
2 families, 10 graded levels, 2 grade findings
"
    );
    let (_, csv, _) = crate::run_in(
        std::path::Path::new("."),
        &[
            "ladder",
            "--format",
            "csv",
            "fixtures/grades/outlier/bad.md",
        ],
    );
    assert_eq!(
        csv.lines().take(2).collect::<Vec<_>>(),
        [
            "path,family,track,title,seniority,rank,grade,anomaly",
            "fixtures/grades/outlier/bad.md,Accounting,individual,Accountant,intermediate,6,6,false",
        ]
    );
    assert!(
        csv.contains(",management,\"Director, Accounting\",director,10,7,true\n"),
        "{csv}"
    );
    let (_, json, _) = crate::run_in(
        std::path::Path::new("."),
        &[
            "ladder",
            "--format",
            "json",
            "fixtures/grades/outlier/bad.md",
        ],
    );
    let families: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(families[0]["levels"][3]["title"], "Director, Accounting");
    assert_eq!(families[0]["anomalies"][1]["rule"], "grades/outlier");
}

/// `jobfam ladder --format html`: one self-contained page, rendered by a real browser
/// (headless Chromium, which `.ci/run` installs; skipped with a message where it is absent):
/// the DOM has a row per family, the outlined anomaly cells, the chart's points and a link to
/// each finding's page and line. The screenshot lands in `target/ladder.png`.
#[test]
fn the_html_ladder_map_renders_in_a_browser() {
    let dir = tempfile::TempDir::new().unwrap();
    let page = dir.path().join("ladder.html");
    let (code, out, err) = crate::run_in(
        std::path::Path::new("."),
        &[
            "ladder",
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
            "fixtures/grades/",
        ],
    );
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let html = std::fs::read_to_string(&page).unwrap();
    // Nothing is fetched: no script, no external style sheet, image or font.
    for fetch in ["<script", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(fetch), "the page fetches with {fetch}");
    }
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok()
        });
    let Some(browser) = browser else {
        assert!(
            std::env::var_os("JOBFAM_REQUIRE_BROWSER").is_none(),
            "JOBFAM_REQUIRE_BROWSER is set but no Chromium is installed"
        );
        eprintln!("skipped: no Chromium (apt-get install chromium) to render the ladder map");
        return;
    };
    let url = format!("file://{}", page.display());
    let headless = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
    ];
    let dom = std::process::Command::new(browser)
        .args(headless)
        .args(["--dump-dom", &url])
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    let (_, json, _) = crate::run_in(
        std::path::Path::new("."),
        &["ladder", "--format", "json", "fixtures/grades/"],
    );
    let families: serde_json::Value = serde_json::from_str(&json).unwrap();
    let families = families.as_array().unwrap();
    assert_eq!(
        dom.matches("<tr class=\"family\">").count(),
        families.len(),
        "{dom}"
    );
    assert!(
        dom.contains("<td class=\"anomaly\""),
        "no outlined anomaly in {dom}"
    );
    assert!(dom.contains("<circle"), "no chart in {dom}");
    assert!(
        dom.contains("href=\"fixtures/grades/outlier/bad.md#L31\""),
        "no link to the outlier's line in {dom}"
    );
    let shot = std::env::current_dir().unwrap().join("target/ladder.png");
    let status = std::process::Command::new(browser)
        .args(headless)
        .args(["--window-size=1400,900"])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
}

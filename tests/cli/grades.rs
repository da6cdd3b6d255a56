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

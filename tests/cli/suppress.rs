//! Inline suppression comments and `style/unused-suppression`.

use crate::diagnostics_of;

const PAGE: &str = "---\ntitle: \"Frontend Engineer\"\n---\n\n\
<!-- jobfam-disable-next-line spelling/term-case -->\n\
Gitlab is quoted here as the customer wrote it.\n\
Gitlab on this line is reported.\n\
Also Github here. <!-- jobfam-disable-line spelling -->\n\
\n\
<!-- jobfam-disable spelling/term-case -->\n\
Javascript and Postgresql.\n\
<!-- jobfam-enable spelling/term-case -->\n\
Devops after the range.\n\
\n\
<!-- jobfam-disable-next-line spelling/term-case -->\n\
Nothing wrong here.\n\
\n\
<!-- jobfam-disable-next-line spelling/term-cas, links -->\n\
Still nothing.\n\
<!-- jobfam-disable-next-line -->\n\
Responsibilties with the the.\n\
\n\
```markdown\n\
<!-- jobfam-disable-file -->\n\
```\n";

fn lines(found: &[jobfam::diagnostic::Diagnostic]) -> Vec<String> {
    found
        .iter()
        .map(|d| format!("{}:{} {} {}", d.line, d.column, d.rule, d.message))
        .collect()
}

#[test]
fn each_kind_of_comment_and_stale_ones() {
    let found = diagnostics_of(PAGE, "spelling,style");
    assert_eq!(
        lines(&found),
        [
            "7:1 spelling/term-case `Gitlab` is written `GitLab`",
            "13:1 spelling/term-case `Devops` is written `DevOps`",
            "15:1 style/unused-suppression this suppression of `spelling/term-case` silences no finding",
            // `links` is not running here, so its suppression is not called stale.
            "18:1 style/unused-suppression `spelling/term-cas` is not a rule id or group (did you mean `spelling/term-case`?)",
        ]
    );
}

#[test]
fn file_wide_and_rules_not_running() {
    let page = "<!-- jobfam-disable-file spelling -->\nGitlab and the the.\n\
                <!-- jobfam-disable-next-line links/broken-fragment -->\nNo link.\n";
    // The spelling findings are silenced; the links rule is not running, so its comment is
    // not called stale.
    assert!(diagnostics_of(page, "spelling,style").is_empty());
    // With links running, it is.
    let found = diagnostics_of(page, "links,style");
    assert_eq!(
        lines(&found),
        [
            "3:1 style/unused-suppression this suppression of `links/broken-fragment` silences no finding"
        ]
    );
}

/// A comment silences a conflict with another page too, and is not reported as unused.
#[test]
fn cross_page_findings_are_suppressed() {
    let page = "## Levels\n### Senior Data Analyst\nThe Senior Data Analyst is a grade 7.\n";
    let other = "## Levels\n### Senior Data Analyst\n\
<!-- jobfam-disable-next-line grades/conflict -->\n\
The Senior Data Analyst is a grade 8.\n";
    let dir = crate::dir_with(&[("a.md", page.as_bytes()), ("b.md", other.as_bytes())]);
    let args = ["--select", "grades/conflict,style"];
    let (code, out, _) = crate::check_in(dir.path(), &[&args[..], &["."]].concat());
    assert_eq!((code, out.as_str()), (0, ""));
    let unsuppressed = other.replace("<!-- jobfam-disable-next-line grades/conflict -->\n", "");
    std::fs::write(dir.path().join("b.md"), unsuppressed).unwrap();
    let (code, out, _) = crate::check_in(dir.path(), &[&args[..], &["."]].concat());
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "./b.md:3:36: error grades/conflict: `Senior Data Analyst` is stated as grade 8 here and as grade 7 in ./a.md\n"
    );
}

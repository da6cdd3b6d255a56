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

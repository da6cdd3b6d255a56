//! The schema's promise: a complete page is clean, and removing any one required part gives
//! exactly one `structure/…` finding that names it.

const COMPLETE: &str = "---
title: \"Data Analyst\"
---

## Responsibilities
- Build the reports that finance reviews each month.

## Requirements
- Fluent SQL.
- Ability to use GitLab

## Levels
### Data Analyst (Intermediate)
The Data Analyst is a grade 6.

## Performance Indicators
- Report freshness

## Hiring Process
1. Screening call
";

fn findings(text: &str) -> Vec<(String, usize, String)> {
    crate::diagnostics_of(text, "structure")
        .into_iter()
        .map(|d| (d.rule, d.line, d.message))
        .collect()
}

/// `text` without the block that starts at line `from` and runs to the next blank line.
fn without(text: &str, from: &str) -> String {
    let start = text.find(from).unwrap();
    let end = text[start..]
        .find("\n\n")
        .map_or(text.len(), |e| start + e + 1);
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn complete_page_is_clean() {
    assert_eq!(findings(COMPLETE), []);
}

#[test]
fn removing_one_part_gives_exactly_one_finding_naming_it() {
    let cases = [
        (
            "## Responsibilities",
            "structure/missing-section",
            1,
            "missing section \"Responsibilities\"",
        ),
        (
            "## Requirements",
            "structure/missing-section",
            1,
            "missing section \"Requirements\"",
        ),
        (
            "## Levels",
            "structure/missing-section",
            1,
            "missing section \"Levels\" or \"Job Grade\"",
        ),
        (
            "## Performance Indicators",
            "structure/missing-section",
            1,
            "missing section \"Performance Indicators\"",
        ),
        (
            "## Hiring Process",
            "structure/missing-section",
            1,
            "missing section \"Hiring Process\"",
        ),
    ];
    for (heading, rule, line, message) in cases {
        let page = without(COMPLETE, heading);
        assert_eq!(
            findings(&page),
            [(rule.to_string(), line, message.to_string())],
            "without {heading}"
        );
    }
    let no_bullet = COMPLETE.replace("- Ability to use GitLab\n", "");
    assert_eq!(
        findings(&no_bullet),
        [(
            "structure/missing-bullet".into(),
            8,
            "no \"Ability to use GitLab\" bullet under Requirements".into()
        )]
    );
    let no_title = COMPLETE.replace("title: \"Data Analyst\"\n", "layout: job_family_page\n");
    assert_eq!(
        findings(&no_title),
        [(
            "structure/front-matter".into(),
            1,
            "front matter has no `title`".into()
        )]
    );
}

#[test]
fn headings_match_at_any_depth_case_and_with_prefixes() {
    let page = COMPLETE
        .replace(
            "## Responsibilities",
            "#### Senior Data Analyst Responsibilities",
        )
        .replace("## Requirements", "### REQUIREMENTS:")
        .replace("## Levels", "## Job Grades")
        .replace(
            "## Performance Indicators",
            "## Performance Indicators (PI)",
        )
        .replace("## Hiring Process", "##### hiring process");
    assert_eq!(findings(&page), []);
}

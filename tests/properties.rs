//! Properties that hold for every page, checked on generated Markdown: headings, lists,
//! links, emphasis, tables, HTML, directives, front matter (YAML, TOML, JSON, broken), job
//! wording and misspellings, non-ASCII text, and every line ending (`\n`, `\r\n`, a lone `\r`
//! and mixes). For each page:
//!
//! - checking it never panics;
//! - every diagnostic's span lies in the page, on character boundaries, and its offset, line
//!   and column agree with one line model computed here independently;
//! - the same page with other line endings gets the same findings at the same lines and
//!   columns;
//! - a round of safe fixes changes only the bytes the findings flag (their spans and labels);
//! - after `--fix`, no safe fix is left, and fixing again changes nothing.
//!
//! `cargo test` runs a few hundred pages per property; `cargo test -- --ignored` (run by
//! `.ci/run`) runs the heavy variant with thousands.
#![allow(clippy::unwrap_used)]

use jobfam::diagnostic::{Diagnostic, FixEdit};
use jobfam::rules::{Applicability, Context};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::Path;
use std::sync::LazyLock;

static CTX: LazyLock<Context> =
    LazyLock::new(|| jobfam::config::Settings::default().context().unwrap());

/// Words that make findings: misspellings, wrong case, doubles, job titles and grades.
const WORDS: &[&str] = &[
    "the",
    "the",
    "at",
    "least",
    "Senior",
    "Staff",
    "Manager",
    "Engineer",
    "Responsibilties",
    "Gitlab",
    "GitLab",
    "github",
    "Provisiong",
    "operatea",
    "accross",
    "grade",
    "7",
    "is",
    "a",
    "Job",
    "Grade",
    "Requirements",
    "Ability",
    "to",
    "use",
    "café",
    "résumé",
    "😀",
    "日本語",
    "naïve",
    "Straße",
    "x",
    "ünd",
    "TODO",
    "[TBD]",
    "with",
    "with",
    "and",
];

/// Inline pieces of a line.
fn inline() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => "[a-zé]{1,8}",
        1 => (inline_word(), fragment()).prop_map(|(t, f)| format!("[{t}](#{f})")),
        1 => (inline_word(), fragment()).prop_map(|(t, f)| format!("[{t}](#{f} \"Item #{f}\")")),
        1 => (inline_word(), fragment()).prop_map(|(t, f)| format!("[#{t}][{f}]")),
        1 => inline_word().prop_map(|t| format!("*{t}*")),
        1 => inline_word().prop_map(|t| format!("**{t}**")),
        1 => inline_word().prop_map(|t| format!("`{t}`")),
        1 => fragment().prop_map(|f| format!("<span id=\"{f}\">é</span>")),
        1 => Just("<!-- jobfam-disable-line -->".to_string()),
        1 => Just("<%= partial(\"x\") %>".to_string()),
        1 => Just("{{< ref \"a\" >}}".to_string()),
        1 => Just("[grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)".to_string()),
        1 => Just("\t".to_string()),
        1 => Just("&amp;".to_string()),
        1 => Just("\\#".to_string()),
    ]
}

fn inline_word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS).prop_map(str::to_string)
}

/// Fragments near and far from the anchors the pages define.
fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(
        &[
            "responsibilities",
            "responsibilitis",
            "Responsibilities",
            "requirements",
            "senior-engineer",
            "job-grade",
            "job-grade-1",
            "café",
            "x",
            "top",
            "a>b",
            "<%= x %>",
        ][..],
    )
    .prop_map(str::to_string)
}

/// A line of inline pieces.
fn text_line() -> impl Strategy<Value = String> {
    prop::collection::vec(inline(), 1..8).prop_map(|w| w.join(" "))
}

/// One block: a few lines of source, without their line endings.
fn block() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        3 => text_line().prop_map(|l| vec![l]),
        2 => (1..5usize, text_line()).prop_map(|(n, l)| vec![format!("{} {l}", "#".repeat(n))]),
        1 => prop::sample::select(&["## Responsibilities", "## Requirements", "### Senior Engineer", "#### Job Grade", "## Job Grade", "## Hiring Process", "## Performance Indicators"][..])
            .prop_map(|h| vec![h.to_string()]),
        2 => prop::collection::vec(text_line(), 1..4)
            .prop_map(|items| items.into_iter().map(|i| format!("- {i}")).collect()),
        1 => prop::collection::vec(text_line(), 1..3)
            .prop_map(|items| items.into_iter().map(|i| format!("  1. {i}")).collect()),
        1 => text_line().prop_map(|l| vec![format!("> {l}"), format!(">   <div id=\"q\">{l}</div>")]),
        1 => text_line().prop_map(|l| vec!["| A | B |".into(), "|---|---|".into(), format!("| {l} | 7 |")]),
        1 => text_line().prop_map(|l| vec!["```".into(), l, "```".into()]),
        1 => Just(vec!["<!-- jobfam-disable-next-line spelling -->".to_string()]),
        1 => text_line().prop_map(|l| vec![format!("  <div id=\"héllo\">{l}</div>")]),
        1 => Just(vec!["The Senior Engineer is a grade 7.".to_string()]),
        1 => Just(vec![String::new()]),
    ]
}

/// Front matter: YAML, TOML, JSON, unterminated, without a title, or none.
const FRONT: &[&[&str]] = &[
    &["---", "title: \"Senior Engineer\"", "---"],
    &["+++", "title = \"Engineer\"", "+++"],
    &["{\"title\": \"Engineer\"}"],
    &["---", "title: [unclosed"],
    &["---", "layout: job_family_page", "---"],
    &[],
];

fn front_matter() -> impl Strategy<Value = Vec<String>> {
    prop::sample::select(FRONT).prop_map(|lines| lines.iter().map(|l| l.to_string()).collect())
}

/// A page as lines, without their line endings.
fn page_lines() -> impl Strategy<Value = Vec<String>> {
    (front_matter(), prop::collection::vec(block(), 0..12)).prop_map(|(front, blocks)| {
        let mut lines = front;
        for b in blocks {
            lines.push(String::new());
            lines.extend(b);
        }
        lines
    })
}

/// The line endings a page can have, one per line.
fn endings(n: usize) -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(prop::sample::select(&["\n", "\r\n", "\r"][..]), n)
}

/// A page with a line ending chosen per line, and maybe a byte-order mark.
fn page() -> impl Strategy<Value = String> {
    (page_lines(), any::<bool>())
        .prop_flat_map(|(lines, bom)| {
            let n = lines.len();
            (Just(lines), endings(n), Just(bom))
        })
        .prop_map(|(lines, ends, bom)| {
            let body: String = lines
                .iter()
                .zip(ends)
                .map(|(l, e)| format!("{l}{e}"))
                .collect();
            if bom { format!("\u{feff}{body}") } else { body }
        })
}

fn check(text: &str) -> Vec<Diagnostic> {
    jobfam::check_text("page.md", text, &CTX).diagnostics
}

/// Line and column (1-based, the column in characters) of byte `offset` of `text`, where
/// `\n`, `\r\n` and a lone `\r` each end a line; computed here, apart from jobfam's own.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset];
    let mut line = 1;
    let mut start = 0;
    for (i, &b) in before.iter().enumerate() {
        let ends = b == b'\n' || (b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n'));
        if ends {
            line += 1;
            start = i + 1;
        }
    }
    (line, text[start..offset].chars().count() + 1)
}

/// Spans in the page, on character boundaries, agreeing with offsets, lines and columns.
fn spans_agree(file: &str) -> Result<(), TestCaseError> {
    let bom = if file.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &file[bom..];
    for d in check(file) {
        let span = d.span;
        prop_assert!(span.start <= span.end && span.end <= text.len(), "{d:?}");
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{d:?}"
        );
        for (label, _) in &d.labels {
            prop_assert!(label.end <= text.len(), "{d:?}");
            prop_assert!(text.is_char_boundary(label.start) && text.is_char_boundary(label.end));
        }
        prop_assert_eq!(
            (d.offset, d.length),
            (span.start + bom, span.end - span.start),
            "{:?}",
            d
        );
        prop_assert_eq!((d.line, d.column), line_col(text, span.start), "{:?}", d);
        prop_assert_eq!(
            (d.end_line, d.end_column),
            line_col(text, span.end),
            "{:?}",
            d
        );
        if let Some(fix) = &d.fix {
            prop_assert!(fix.offset + fix.length <= file.len(), "{d:?}");
            prop_assert!(
                file.is_char_boundary(fix.offset) && file.is_char_boundary(fix.offset + fix.length)
            );
        }
    }
    Ok(())
}

/// The same lines with every line ending give the same findings at the same places.
fn endings_agree(lines: &[String]) -> Result<(), TestCaseError> {
    let found = |end: &str| -> Vec<(String, usize, usize, usize, usize, bool)> {
        let text: String = lines.iter().map(|l| format!("{l}{end}")).collect();
        check(&text)
            .into_iter()
            .map(|d| {
                (
                    d.rule,
                    d.line,
                    d.column,
                    d.end_line,
                    d.end_column,
                    d.fix.is_some(),
                )
            })
            .collect()
    };
    let lf = found("\n");
    prop_assert_eq!(&lf, &found("\r\n"));
    prop_assert_eq!(&lf, &found("\r"));
    Ok(())
}

/// A round of safe fixes changes only flagged bytes: each edit lies in its finding's span,
/// and the page outside the edits is unchanged.
fn fixes_stay_in_their_spans(file: &str) -> Result<(), TestCaseError> {
    let diagnostics = check(file);
    let mut edits: Vec<FixEdit> = Vec::new();
    for d in &diagnostics {
        if let Some(fix) = d
            .fix
            .as_ref()
            .filter(|f| f.applicability == Applicability::Safe)
        {
            // What the finding flags: its span and its labelled spans ("first here"), and
            // what lies between them.
            let bom = d.offset - d.span.start;
            let start = d
                .labels
                .iter()
                .map(|l| l.0.start)
                .fold(d.span.start, usize::min);
            let end = d
                .labels
                .iter()
                .map(|l| l.0.end)
                .fold(d.span.end, usize::max);
            prop_assert!(
                fix.offset >= start + bom && fix.offset + fix.length <= end + bom,
                "the fix of {d:?} edits outside what it flags"
            );
            edits.push(fix.clone());
        }
    }
    let (fixed, _) = jobfam::fix::apply(file, &edits);
    // Walk the applied edits in order: what lies between them is the page's own text.
    edits.sort_by_key(|e| (e.offset, e.length));
    let (mut at, mut out) = (0, 0);
    for e in &edits {
        if e.offset < at || file.get(e.offset..e.offset + e.length) == Some(&e.replacement) {
            continue; // overlapping (left for the next round) or a no-op
        }
        if out > fixed.len() {
            break;
        }
        let same = &file[at..e.offset];
        prop_assert_eq!(fixed.get(out..out + same.len()), Some(same));
        out += same.len();
        if !fixed[out..].starts_with(&e.replacement) {
            // A duplicate of the previous edit: skipped by apply.
            continue;
        }
        out += e.replacement.len();
        at = e.offset + e.length;
    }
    prop_assert_eq!(&fixed[out.min(fixed.len())..], &file[at..]);
    Ok(())
}

/// After --fix no safe fix is left, and a second --fix changes nothing.
fn fixing_settles(file: &str) -> Result<(), TestCaseError> {
    let path = Path::new("page.md");
    let (once, _) = jobfam::fix::fix_text(path, file, &CTX, Applicability::Safe);
    if check(file).iter().any(|d| d.fatal) {
        prop_assert_eq!(&once, file);
        return Ok(());
    }
    let left: Vec<Diagnostic> = check(&once)
        .into_iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
        })
        .collect();
    prop_assert!(
        left.is_empty(),
        "safe fixes left after --fix: {left:#?}\n{once:?}"
    );
    let (twice, n) = jobfam::fix::fix_text(path, &once, &CTX, Applicability::Safe);
    prop_assert_eq!((&twice, n), (&once, 0));
    // Unsafe fixes settle too.
    let (all, _) = jobfam::fix::fix_text(path, file, &CTX, Applicability::Unsafe);
    let (again, _) = jobfam::fix::fix_text(path, &all, &CTX, Applicability::Unsafe);
    prop_assert_eq!(again, all);
    Ok(())
}

fn run<S: Strategy>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(config).run(&strategy, test).unwrap();
}

/// Pages per property in `cargo test`, and in the heavy run.
const CASES: u32 = 256;
const HEAVY: u32 = 4096;

fn all_properties(cases: u32) {
    run(cases, page(), |p| {
        spans_agree(&p)?;
        fixes_stay_in_their_spans(&p)?;
        fixing_settles(&p)
    });
    run(cases, page_lines(), |lines| endings_agree(&lines));
    // Any text at all, line breaks of every kind among it: no panic, spans still agree.
    run(cases, "(\\PC|[\r\n\t#*_`\\[\\]()<>!-]){0,300}", |t| {
        spans_agree(&t)
    });
}

#[test]
fn generated_pages_keep_every_property() {
    all_properties(CASES);
}

#[test]
#[ignore = "heavy: thousands of pages per property; .ci/run runs it"]
fn generated_pages_keep_every_property_heavy() {
    all_properties(HEAVY);
}

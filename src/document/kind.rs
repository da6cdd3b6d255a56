//! What kind of page a page is, and why: a job page gets every rule, any other page only the
//! prose rules (spelling, links, suppressions).
//!
//! A handbook repository is full of Markdown that is not a job page, and even its job-family
//! folder holds index pages (`<%= job_families('product') %>`, Hugo's `_index.md`) and stubs
//! (a redirect, "This role was deprecated in favour of …"). The page alone decides its kind
//! unless the config's `job_pages` names the job pages; [`classify`] is the one place that
//! decides, and the reason it gives is what `jobfam model` shows.

use super::Heading;
use super::roles::GradeStatement;
use regex::Regex;
use serde::Serialize;
use std::path::Path;
use std::sync::LazyLock;

/// The kinds of page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A job-family page: every rule runs.
    Job,
    /// A page that lists job families (`<%= job_families('…') %>`, a Hugo `_index.md`).
    Index,
    /// A redirect or deprecation stub that points at another page.
    Stub,
    /// Any other Markdown: a README, a policy page.
    Other,
}

impl Kind {
    /// `job`, `index`, `stub` or `other`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Job => "job",
            Kind::Index => "index",
            Kind::Stub => "stub",
            Kind::Other => "other",
        }
    }
}

/// A page's kind with the reason it was chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageKind {
    /// The kind.
    pub kind: Kind,
    /// Why, in a phrase: "front matter `layout: job_family_page`".
    pub reason: String,
}

impl PageKind {
    fn new(kind: Kind, reason: impl Into<String>) -> PageKind {
        PageKind {
            kind,
            reason: reason.into(),
        }
    }

    /// Whether the job-page rules (the schema, structure and grades) run on the page.
    pub fn is_job(&self) -> bool {
        self.kind == Kind::Job
    }
}

/// What a config says about which pages are job pages.
#[derive(Clone, Copy, Debug)]
pub struct JobPages<'a> {
    /// The config's `job_pages` patterns.
    pub globs: &'a crate::globs::Globs,
}

/// The sections GitLab's template gives every job page, by the word that names each: two of
/// them make a page a job page wherever it is.
const JOB_SECTIONS: [(&str, &str); 7] = [
    ("responsib", "Responsibilities"),
    ("requirement", "Requirements"),
    ("job grade", "Job Grade"),
    ("performance indicator", "Performance Indicators"),
    ("hiring process", "Hiring Process"),
    ("career ladder", "Career Ladder"),
    ("levels", "Levels"),
];

/// A marker that a page is a stub: it sends the reader elsewhere.
static STUB_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)\b(?:(?:has been|was|is now|is) deprecated|deprecated in favou?r of|(?:page|role|job family|job-family) (?:has )?(?:been )?moved to|has been (?:replaced|superseded) by)\b|http-equiv\s*=\s*["']?refresh"#,
    )
    .expect("static regex compiles")
});

/// The ERB helper Middleman's job-family index pages list their family with.
const INDEX_HELPER: &str = "job_families(";

/// The job-page sections among `headings`, by name, each once, in template order.
fn job_sections(headings: &[Heading]) -> Vec<&'static str> {
    let lower: Vec<String> = headings.iter().map(|h| h.text.to_lowercase()).collect();
    JOB_SECTIONS
        .iter()
        .filter(|(word, _)| {
            lower.iter().any(|h| {
                if *word == "levels" {
                    h.trim() == "levels"
                } else {
                    h.contains(word)
                }
            })
        })
        .map(|(_, name)| *name)
        .collect()
}

/// The first stub marker in the page: a redirect in the front matter or layout, or a sentence
/// that says the role moved or was deprecated.
fn stub_marker(text: &str, front_matter: &serde_json::Value) -> Option<String> {
    if front_matter.get("redirect_to").is_some() {
        return Some("front matter `redirect_to`".into());
    }
    if let Some(layout) = layout(front_matter).filter(|l| l.contains("redirect")) {
        return Some(format!("front matter `layout: {layout}`"));
    }
    STUB_MARKER
        .find(text)
        .map(|m| format!("a redirect or deprecation marker (\"{}\")", m.as_str()))
}

/// Whether the page's only text, headings and front matter aside, is one short sentence that
/// sends the reader to another page: "See [Engineering Fellow](/job-families/…)".
fn points_elsewhere(text: &str) -> bool {
    static SEE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:please\s+)?(?:see|refer\s+to|go\s+to|moved\s+to)\b[^\n]*\]\(")
            .expect("static regex compiles")
    });
    let body = match text.strip_prefix("---") {
        Some(rest) => rest.split_once("\n---").map_or(rest, |(_, after)| after),
        None => text,
    };
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")
        .collect();
    matches!(lines.as_slice(), [only] if only.len() < 300 && SEE.is_match(only))
}

fn layout(front_matter: &serde_json::Value) -> Option<&str> {
    front_matter
        .get("layout")
        .and_then(serde_json::Value::as_str)
}

/// Whether `path` has a folder named `job-families` (or `job_families`) above it.
fn under_job_families(path: &Path) -> bool {
    path.parent().is_some_and(|parent| {
        parent.components().any(|c| {
            let c = c.as_os_str();
            c == "job-families" || c == "job_families"
        })
    })
}

/// The page's kind, from the config's `job_pages` when it has them, else from the page:
///
/// 1. a stub marker on a page with fewer than two job-page sections: `stub`;
/// 2. the `job_families(…)` helper, or a Hugo `_index.md` with fewer than two: `index`;
/// 3. `job_pages` configured: `job` when a pattern matches the path, else `other`;
/// 4. `layout: job_family_page`, two job-page sections (Responsibilities, Requirements,
///    Job Grade, …), or a grade statement ("The Senior Analyst is a grade 7"): `job`;
/// 5. another `layout`: `other`; a path under `job-families/`: `job`; else `other`.
pub fn classify(
    path: &Path,
    text: &str,
    front_matter: &serde_json::Value,
    headings: &[Heading],
    grades: &[GradeStatement],
    job_pages: Option<JobPages<'_>>,
) -> PageKind {
    let sections = job_sections(headings);
    let few = sections.len() < 2;
    let layout = layout(front_matter);
    let is_job_layout = layout == Some("job_family_page");
    if few && !is_job_layout {
        if let Some(marker) = stub_marker(text, front_matter) {
            return PageKind::new(Kind::Stub, marker);
        }
    }
    // Even in the job-page layout, a page whose only text is "See [the role](…)" points
    // elsewhere.
    if sections.is_empty() && points_elsewhere(text) {
        return PageKind::new(
            Kind::Stub,
            "its only text sends the reader to another page (\"See [...](...)\")",
        );
    }
    if !is_job_layout {
        if text.contains(INDEX_HELPER) {
            return PageKind::new(Kind::Index, "lists job families with `job_families(…)`");
        }
        if few && path.file_name().is_some_and(|n| n == "_index.md") {
            return PageKind::new(
                Kind::Index,
                "a Hugo section page (`_index.md`) with fewer than two job-page sections",
            );
        }
    }
    if let Some(job_pages) = job_pages {
        return if job_pages.globs.matches(path) {
            PageKind::new(Kind::Job, "matched by `job_pages` in the config")
        } else {
            PageKind::new(Kind::Other, "not matched by `job_pages` in the config")
        };
    }
    if is_job_layout {
        return PageKind::new(Kind::Job, "front matter `layout: job_family_page`");
    }
    if !few {
        return PageKind::new(
            Kind::Job,
            format!("job-page sections: {}", sections.join(", ")),
        );
    }
    if let Some(statement) = grades.first() {
        return PageKind::new(
            Kind::Job,
            format!("states a job grade (`{}`)", statement.role),
        );
    }
    if let Some(layout) = layout {
        return PageKind::new(
            Kind::Other,
            format!("front matter `layout: {layout}` and fewer than two job-page sections"),
        );
    }
    if under_job_families(path) {
        return PageKind::new(Kind::Job, "under a `job-families/` folder");
    }
    PageKind::new(
        Kind::Other,
        "not under `job-families/`, no `layout: job_family_page`, fewer than two job-page sections",
    )
}

/// Decides `page`'s kind again with the config's `job_pages` (the parse decided it from the
/// page alone).
pub fn configure(page: &mut super::Page, path: &Path, job_pages: &crate::globs::Globs) {
    page.kind = classify(
        path,
        &page.text,
        &page.front_matter,
        &page.headings,
        &page.grades,
        Some(JobPages { globs: job_pages }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::parse;
    use crate::source::Source;

    fn kind_of(path: &str, text: &str) -> (Kind, String) {
        let page = parse(&Source::from_text(path.into(), text.to_string(), false)).unwrap();
        (page.kind.kind, page.kind.reason)
    }

    #[test]
    fn each_reason() {
        let job_layout = "---\nlayout: job_family_page\ntitle: X\n---\n\nText.\n";
        assert_eq!(
            kind_of("a/README.md", job_layout),
            (Kind::Job, "front matter `layout: job_family_page`".into())
        );
        let sections = "# X\n\n## Responsibilities\n\n- a\n\n## Requirements\n\n- b\n";
        assert_eq!(
            kind_of("README.md", sections),
            (
                Kind::Job,
                "job-page sections: Responsibilities, Requirements".into()
            )
        );
        let one = "# X\n\n## Requirements\n\n- b\n";
        assert_eq!(kind_of("README.md", one).0, Kind::Other);
        assert_eq!(
            kind_of("h/job-families/sales/x.md", one),
            (Kind::Job, "under a `job-families/` folder".into())
        );
        // The folder is the page's parent, not the page's own name.
        assert_eq!(kind_of("job-families.md", one).0, Kind::Other);
        let policy = "---\nlayout: markdown_page\ntitle: Policy\n---\n\n## Scope\n";
        assert_eq!(
            kind_of("h/job-families/policy.md", policy),
            (
                Kind::Other,
                "front matter `layout: markdown_page` and fewer than two job-page sections".into()
            )
        );
        let index = "---\nlayout: markdown_page\n---\n\n## Product Roles\n\n<%= job_families('product') %>\n";
        assert_eq!(
            kind_of("job-families/product/index.html.md.erb", index).0,
            Kind::Index
        );
        assert_eq!(
            kind_of("job-families/quality/_index.md", "Roles:\n").0,
            Kind::Index
        );
        let stub =
            "---\ntitle: Old\n---\n\nThis role was deprecated in favour of [New](../new/).\n";
        assert_eq!(
            kind_of("job-families/old.md", stub),
            (
                Kind::Stub,
                "a redirect or deprecation marker (\"was deprecated\")".into()
            )
        );
        let pointer = "---\nlayout: job_family_page\ntitle: Fellow\n---\n\n### Fellow\n\nSee [Fellow](/job-families/fellow).\n";
        assert_eq!(kind_of("job-families/fellow.md", pointer).0, Kind::Stub);
        let redirect = "---\ntitle: Old\nredirect_to: /new/\n---\n";
        assert_eq!(kind_of("job-families/old.md", redirect).0, Kind::Stub);
        let graded = "The Senior Analyst is a grade 7.\n";
        assert_eq!(
            kind_of("notes.md", graded),
            (Kind::Job, "states a job grade (`Senior Analyst`)".into())
        );
        // A full job page that mentions a deprecated level stays a job page.
        let full = "---\nlayout: job_family_page\n---\n\nThe Associate level was deprecated.\n\n## Responsibilities\n";
        assert_eq!(kind_of("job-families/x.md", full).0, Kind::Job);
    }

    #[test]
    fn the_config_decides_when_it_names_job_pages() {
        let globs =
            crate::globs::Globs::new(Path::new("."), &["handbook/roles/**".into()]).unwrap();
        let text = "# Notes\n";
        let page = parse(&Source::from_text(
            "handbook/roles/x.md".into(),
            text.into(),
            false,
        ))
        .unwrap();
        let k = |p: &str| {
            classify(
                Path::new(p),
                text,
                &page.front_matter,
                &page.headings,
                &[],
                Some(JobPages { globs: &globs }),
            )
        };
        assert_eq!(k("handbook/roles/x.md").kind, Kind::Job);
        assert_eq!(k("handbook/job-families/x.md").kind, Kind::Other);
    }
}

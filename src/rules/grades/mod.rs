//! `grades/…`: every level's grade is stated, well-formed and consistent with the ladder.
//!
//! The statements and levels come from [`crate::document::roles`]; these rules only compare.

crate::rules::register! {
    conflict::CONFLICT,
    level_mismatch::LEVEL_MISMATCH,
    level_order::LEVEL_ORDER,
    malformed::MALFORMED,
    missing::MISSING,
    order::ORDER,
    outlier::OUTLIER,
    same_grade::SAME_GRADE,
    title_mismatch::TITLE_MISMATCH,
}

use crate::document::roles::GradeStatement;
pub(crate) use crate::document::titles::{article, certain_track, role_words, role_words_in_order};
use crate::document::titles::{base_title, is_vague, level_text, seniority, words};
use crate::document::{Heading, Page};
use regex::Regex;

/// Where the handbook's job-grades table lives: what grade links should point at.
pub const DEFAULT_TABLE: &str =
    "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

/// The config's `[grades]`.
#[derive(Clone, Debug)]
pub struct GradeSettings {
    /// The job-grades table, as a site path or URL with its anchor.
    pub table: String,
    /// Whether `grades/conflict` compares pages checked together, not only statements on
    /// one page.
    pub across_pages: bool,
    /// Matches links to the table in every spelling: relative, absolute, a Hugo `ref`.
    target: Regex,
}

impl Default for GradeSettings {
    fn default() -> GradeSettings {
        GradeSettings::new(DEFAULT_TABLE, true)
    }
}

impl GradeSettings {
    /// The last path segment of a table's URL (`compensation-calculator`), if it has one.
    pub fn page_of(table: &str) -> Option<&str> {
        let path = table.split_once('#').map_or(table, |(path, _)| path);
        path.trim_end_matches('/')
            .rsplit('/')
            .next()
            .filter(|page| !page.is_empty() && !page.ends_with(':'))
    }

    /// Settings with the job-grades table at `table`.
    pub fn new(table: &str, across_pages: bool) -> GradeSettings {
        let fragment = table.split_once('#').map_or("", |(_, f)| f);
        let page = GradeSettings::page_of(table).unwrap_or_default();
        // The page is the last segment of the link's path, whether the link is site-relative,
        // absolute or a Hugo `ref "page#anchor"`.
        let start = r#"(?:^|[/"\s])"#;
        let pattern = if fragment.is_empty() {
            format!(r"{start}{}/?(?:$|[?#])", regex::escape(page))
        } else {
            // GitLab's table sits under `### GitLab Job Grades` and, right above it, `#### Job
            // Grades`: `#job-grades` leads to it as surely as `#gitlab-job-grades`.
            let fragments = match fragment.strip_prefix("gitlab-") {
                Some(short) if fragment == "gitlab-job-grades" => {
                    format!("(?:{}|{})", regex::escape(fragment), regex::escape(short))
                }
                _ => regex::escape(fragment),
            };
            format!(r"{start}{}/?#{fragments}(?:$|[^\w-])", regex::escape(page))
        };
        GradeSettings {
            table: table.to_string(),
            across_pages,
            target: Regex::new(&pattern).expect("escaped text is a valid regex"),
        }
    }

    /// Whether `url` points at the job-grades table.
    pub fn is_table(&self, url: &str) -> bool {
        self.target.is_match(url)
    }
}

/// The statements that name a role (not "the role is a grade 7") and the level they sit
/// under (or that cannot be compared):
/// a statement pasted under the wrong level is `grades/title-mismatch`'s, and comparing its
/// grade with others would report the same defect twice.
fn trusted(page: &Page) -> impl Iterator<Item = &GradeStatement> {
    page.grades
        .iter()
        .filter(|s| !crate::document::titles::is_vague(&s.role))
        .filter(|s| mismatch(s, &page.headings) != Some(true))
}

/// A trusted statement placed on its ladder: individual contributors whose titles are the same
/// but for their seniority words ("Senior Data Analyst", "Data Analyst"), or managers of one
/// area ("Manager, Data", "Director, Data"), ranked within it. Ranks of different ladders
/// never meet.
pub(crate) struct Rung<'p> {
    /// The statement.
    pub statement: &'p GradeStatement,
    /// Its rank on its ladder.
    pub rank: u8,
    /// Its ladder.
    pub ladder: String,
}

/// The page's trusted statements on their ladders, in page order.
pub(crate) fn rungs(page: &Page) -> Vec<Rung<'_>> {
    use crate::document::titles::{ic_rank, management_rank};
    trusted(page)
        .filter_map(|s| {
            let (rank, ladder) = match management_rank(&s.role) {
                Some((rank, area)) => (rank, format!("management: {area}")),
                None => (ic_rank(&s.role)?, base_title(&s.role)),
            };
            Some(Rung {
                statement: s,
                rank,
                ladder,
            })
        })
        .collect()
}

/// Whether a grade statement's role names a different level than the heading it sits under.
/// `None` when the heading cannot be compared (it does not name the role or a seniority).
/// `grades/title-mismatch` reports it, and the other grade rules leave such statements out.
pub fn mismatch(statement: &GradeStatement, headings: &[Heading]) -> Option<bool> {
    if statement.in_specialty {
        return None;
    }
    let heading = level_text(&headings[statement.level?].text);
    let mut h = seniority(&heading);
    let mut r = seniority(&statement.role);
    // "The IT Compliance role is a grade 8" names no level at all.
    let vague = is_vague(&statement.role);
    // The heading names the role when it carries a seniority, or shares a word of the role's
    // title ("Corporate Events Coordinator" and "Corporate Events Manager"); a heading such as
    // "Growth" or "Development (Dev)" names a specialty, and nothing is compared.
    let role_words = words(&base_title(&statement.role));
    let shares_word = words(&base_title(&heading)).iter().any(|w| {
        w.len() > 3 && role_words.contains(w) && !matches!(w.as_str(), "manager" | "director")
    });
    let names_role =
        !h.is_empty() || heading.to_lowercase().contains("intermediate") || shares_word;
    // "Senior Accountant, Team Lead" and "Lead Accountant" are one level spelled two ways.
    if h.contains("lead") && r.contains("lead") {
        h.remove("senior");
        r.remove("senior");
    }
    if !names_role || vague {
        return None;
    }
    // Same seniority, another family: "The Security Incident Response Team Senior Manager"
    // under "Senior Manager, Infrastructure" shares no role word with its heading.
    let other_family = || {
        let (a, b) = (
            self::role_words(&statement.role),
            self::role_words(&heading),
        );
        // Words agree on their first five letters, so "Revenuer Accouting" and "Reporting"
        // match "Revenue" and "Report".
        let same = |x: &String, y: &String| {
            x == y || (x.len() >= 5 && y.len() >= 5 && x.get(..5) == y.get(..5))
        };
        // "SIRT" is "Security Incident Response Team".
        let initials = |words: &[String]| -> String {
            words.iter().filter_map(|w| w.chars().next()).collect()
        };
        let (a_said, b_said) = (
            role_words_in_order(&statement.role),
            role_words_in_order(&heading),
        );
        let acronym = |x: &[String], y: &[String]| {
            let i = initials(y);
            i.len() >= 2 && x.iter().any(|w| w.len() >= 2 && i.contains(w.as_str()))
        };
        !a.is_empty()
            && !b.is_empty()
            && !a.iter().any(|x| b.iter().any(|y| same(x, y)))
            && !acronym(&a_said, &b_said)
            && !acronym(&b_said, &a_said)
    };
    Some(h != r || other_family())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_links_in_every_spelling() {
        let g = GradeSettings::default();
        assert!(g.is_table(DEFAULT_TABLE));
        assert!(g.is_table("https://about.gitlab.com/handbook/total-rewards/compensation/compensation-calculator#gitlab-job-grades"));
        assert!(!g.is_table(
            "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades-x"
        ));
        // The `#### Job Grades` heading right above the table.
        assert!(
            g.is_table("/handbook/total-rewards/compensation/compensation-calculator/#job-grades")
        );
        assert!(!g.is_table(
            "/handbook/total-rewards/compensation/compensation-calculator/#job-grades-x"
        ));
        assert!(!g.is_table("/handbook/total-rewards/compensation/"));
        assert!(!g.is_table("/x/old-compensation-calculator/#gitlab-job-grades"));
        assert!(g.is_table("{{% ref \"compensation-calculator#gitlab-job-grades\" %}}"));
        assert_eq!(GradeSettings::page_of(""), None);
        assert_eq!(GradeSettings::page_of("/#x"), None);
        assert_eq!(
            GradeSettings::page_of("https://example.com"),
            Some("example.com")
        );
        let g = GradeSettings::new("/people/grades/", true);
        assert!(g.is_table("https://example.com/people/grades"));
        assert!(g.is_table("/people/grades/#table"));
        assert!(!g.is_table("/people/grades-old/"));
    }
}

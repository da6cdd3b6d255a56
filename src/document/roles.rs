//! The grade ladder: grade statements found in a page's text, and the levels they belong to.
//!
//! GitLab's pages state a level's grade as "The Senior Backend Engineer is a [grade 7](…)",
//! under a heading such as `#### Job Grade` or `#### Senior Job Grade`, directly under the level
//! heading, or in a table with a Grade column. This module finds those statements, the level
//! heading each one belongs to, and the seniority a title names, so the `grades/…` rules only
//! compare.

use super::titles::{
    certain_track, clean_role, is_grade_heading, is_label, is_vague, level_text, names_seniority,
    role_words, seniority_text, title_key, track, usual_grade,
};
use super::{Block, Heading, Link, Span};
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// A grade: `7`, `9.5`, `10+`.
#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    /// As written, without the word "grade".
    pub text: String,
    /// The number (the lower bound of `10+`).
    pub value: f64,
}

/// One place where a page states a role's grade.
#[derive(Clone, Debug)]
pub struct GradeStatement {
    /// The role as written ("Senior Frontend Engineer"), or the level heading's text for a bare
    /// "Grade 7" line.
    pub role: String,
    /// Where the role is written (the heading, for a bare "Grade 7").
    pub role_span: Span,
    /// The grade.
    pub grade: Grade,
    /// Where the grade is written.
    pub grade_span: Span,
    /// The block holding the statement.
    pub block: usize,
    /// The level heading the statement belongs to, if there is one.
    pub level: Option<usize>,
    /// The grade link, as an index into the page's links.
    pub link: Option<usize>,
    /// Whether the statement is a table row (its role is its own level).
    pub in_table: bool,
    /// Whether it sits under a Specialties heading, where headings name variants, not levels.
    pub in_specialty: bool,
}

/// A level of the ladder, as the document model shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Role {
    /// The title as the page states it.
    pub title: String,
    /// The seniority words the title carries ("senior", "staff", "manager", "senior director",
    /// …); "intermediate" when it carries none.
    pub seniority: String,
    /// `individual` or `management`.
    pub track: &'static str,
    /// The seniority's rank across both tracks: the grade the handbook usually gives it
    /// (`titles::USUAL_GRADES`); null for a seniority it does not grade consistently, and for
    /// a title whose track or level its words do not say ("Managing Editor", "Security
    /// Manager").
    pub rank: Option<f64>,
    /// Whether the grade is two or more from `rank`, for a title whose track and level are
    /// beyond doubt: what `grades/outlier` reports against the handbook's table (the rule
    /// also measures the pages checked together).
    pub outlier: bool,
    /// The grade's number, or null when the level states none.
    pub grade: Option<f64>,
    /// The grade as written (`10+`, `9.5`).
    pub grade_text: Option<String>,
    /// The level heading the grade sits under.
    pub heading: Option<String>,
}

static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[.!?:]\s+|\bthe\s+)(?P<role>[^.!?;:\n]+?)\s+(?:is|are|can\s+be)\s+(?:an?\s+|at\s+)?(?:job\s+)?\[?(?P<word>grade\s*)?\[?(?:level\s*)?#?(?P<n>\d{1,2}(?:\.\d)?\+?)",
    )
    .expect("static regex compiles")
});

static ABBREVIATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(sr|jr|st|mr|ms|dr|vs)\.").expect("static regex compiles"));

static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:job\s+)?grade\s*:?\s*(?P<n>\d{1,2}(?:\.\d)?\+?)\b")
        .expect("static regex compiles")
});

/// "Senior Analyst: grade 7" or "Staff Analyst – [grade 8](…)": a level and its grade, as a
/// family-level "Job Grades" section lists them.
static LABELED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?P<role>[A-Z][^:\n–—]{1,80}?)\s*(?::|\s[-–—])\s*(?:job\s+)?\[?grade\s*\[?#?(?P<n>\d{1,2}(?:\.\d)?\+?)\b")
        .expect("static regex compiles")
});

static CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:job\s+)?(?:grade\s*)?(?P<n>\d{1,2}(?:\.\d)?\+?)\s*$")
        .expect("static regex compiles")
});

/// Words of headings that name a part of a page, misspelled or not ("Responsbilities",
/// "Hiring Process", "Career Ladder"), never a level.
static SECTION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:hiring|interview|career|ladder|specialt|speciali|role|skills|experience|initiatives|respons|requir|performance|indicators|grades?\b|levels?\b|overview|expectations|nice|benefits|compensation|job\b)",
    )
    .expect("static regex compiles")
});

static SPECIALTIES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bspeciali?t(?:y|ies)\b").expect("static regex compiles"));

fn grade(text: &str) -> Option<Grade> {
    let value = text.trim_end_matches('+').parse::<f64>().ok()?;
    Some(Grade {
        text: text.to_string(),
        value,
    })
}

/// Every grade statement in the page's blocks.
pub fn statements(blocks: &[Block], links: &[Link], headings: &[Heading]) -> Vec<GradeStatement> {
    let parents = parents(headings);
    let siblings = unlabelled_siblings(headings);
    let level_of = |heading: Option<usize>| level_heading(heading, headings, &parents, &siblings);
    let in_specialty = |heading: Option<usize>| {
        std::iter::successors(heading, |&h| parents[h])
            .any(|h| SPECIALTIES.is_match(&headings[h].text))
    };
    let mut out = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        if block.cell.is_some() || block.is_heading {
            continue;
        }
        // Links are in block order: this block's are one run, found by binary search.
        let first_link = links.partition_point(|l| l.block < index);
        let block_links = || {
            links
                .iter()
                .enumerate()
                .skip(first_link)
                .take_while(move |(_, l)| l.block == index)
        };
        // Almost no paragraph states a grade: skip the sentence pattern (the costly part of
        // parsing a page) unless the word or a grade link is there.
        let mentions_grade = contains_ignore_case(&block.text, "grade")
            || block_links().any(|(_, l)| contains_ignore_case(&l.url, "grade"));
        if !mentions_grade {
            continue;
        }
        // "Sr." and "Jr." do not end a sentence; hide their dots from the sentence pattern
        // (same byte length, so offsets still hold).
        let masked = ABBREVIATION.replace_all(&block.text, "${1}_");
        for caps in SENTENCE.captures_iter(&masked) {
            let role = caps.name("role").expect("group role always matches");
            let n = caps.name("n").expect("group n always matches");
            let link = block_links()
                .find(|(_, l)| l.text_range.0 <= n.start() && n.end() <= l.text_range.1)
                .map(|(i, _)| i);
            let is_grade_link = link.is_some_and(|i| links[i].url.to_lowercase().contains("grade"));
            if role.len() > 150 {
                continue;
            }
            let first = role.as_str().chars().next().unwrap_or(' ');
            let names_role = first.is_uppercase() || first == '{' || is_vague(role.as_str());
            if (caps.name("word").is_none() && !is_grade_link) || !names_role {
                continue;
            }
            let Some(grade) = grade(n.as_str()) else {
                continue;
            };
            // At the start of a block the sentence's "The" is captured with the role.
            let article = block.text[role.start()..role.end()]
                .get(..4)
                .filter(|a| a.eq_ignore_ascii_case("the "))
                .map_or(0, str::len);
            out.push(GradeStatement {
                role: clean_role(&block.text[role.start() + article..role.end()]),
                role_span: block.source_span(role.start() + article, role.end()),
                grade,
                grade_span: block.source_span(n.start(), n.end()),
                block: index,
                level: level_of(block.heading),
                link,
                in_table: false,
                in_specialty: in_specialty(block.heading),
            });
        }
        // A family-level "Job Grades" section listing levels: "Senior Analyst: grade 7".
        let under_grade_heading = block
            .heading
            .is_some_and(|h| is_grade_heading(&headings[h].text));
        if let Some(caps) = LABELED
            .captures(&block.text)
            .filter(|_| under_grade_heading)
        {
            let role = caps.name("role").expect("group role always matches");
            let n = caps.name("n").expect("group n always matches");
            if let Some(grade) = grade(n.as_str()).filter(|_| !is_label(role.as_str())) {
                out.push(GradeStatement {
                    role: clean_role(role.as_str()),
                    role_span: block.source_span(role.start(), role.end()),
                    grade,
                    grade_span: block.source_span(n.start(), n.end()),
                    block: index,
                    level: level_of(block.heading),
                    link: block_links()
                        .find(|(_, l)| l.text_range.0 <= n.start() && n.end() <= l.text_range.1)
                        .map(|(i, _)| i),
                    in_table: false,
                    in_specialty: in_specialty(block.heading),
                });
            }
        }
        if let Some(caps) = BARE.captures(&block.text) {
            let level = level_of(block.heading);
            let n = caps.name("n").expect("group n always matches");
            if let (Some(level), Some(grade)) = (level, grade(n.as_str())) {
                out.push(GradeStatement {
                    role: level_text(&headings[level].text),
                    role_span: headings[level].span,
                    grade,
                    grade_span: block.source_span(n.start(), n.end()),
                    block: index,
                    level: Some(level),
                    link: None,
                    in_table: false,
                    in_specialty: in_specialty(block.heading),
                });
            }
        }
    }
    out.extend(table_statements(blocks));
    out.sort_by_key(|s| s.grade_span.start);
    out
}

/// Rows of a table whose header has a "Grade" column.
fn table_statements(blocks: &[Block]) -> Vec<GradeStatement> {
    let mut out = Vec::new();
    let headers: Vec<(usize, usize)> = blocks
        .iter()
        .filter_map(|b| {
            let (table, row, col) = b.cell?;
            (row == 0 && b.text.trim().eq_ignore_ascii_case("grade")).then_some((table, col))
        })
        .collect();
    // Each table's first column, by (table, row): looked up once per row, not searched for.
    let first_cells: std::collections::HashMap<(usize, usize), &Block> = blocks
        .iter()
        .filter_map(|b| match b.cell {
            Some((table, row, 0)) => Some(((table, row), b)),
            _ => None,
        })
        .collect();
    let mut cells: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    for (index, b) in blocks.iter().enumerate() {
        if let Some((table, ..)) = b.cell {
            cells.entry(table).or_default().push(index);
        }
    }
    for (table, grade_col) in headers {
        for &index in cells.get(&table).into_iter().flatten() {
            let b = &blocks[index];
            let Some((t, row, col)) = b.cell else {
                continue;
            };
            if t != table || row == 0 || col != grade_col {
                continue;
            }
            let Some(caps) = CELL.captures(&b.text) else {
                continue;
            };
            let n = caps.name("n").expect("group n always matches");
            let role = first_cells.get(&(table, row)).copied();
            let (Some(role), Some(grade)) = (role, grade(n.as_str())) else {
                continue;
            };
            if role.text.trim().is_empty() || grade_col == 0 {
                continue;
            }
            out.push(GradeStatement {
                role: clean_role(&role.text),
                role_span: role.source_span(0, role.text.trim_end().len()),
                grade,
                grade_span: b.source_span(n.start(), n.end()),
                block: index,
                level: None,
                link: None,
                in_table: true,
                in_specialty: false,
            });
        }
    }
    out
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The parent of each heading in the heading tree: the nearest heading before it of a lower
/// level. One pass with a stack of the open headings, not a scan back from each heading.
pub fn parents(headings: &[Heading]) -> Vec<Option<usize>> {
    let mut open: Vec<usize> = Vec::new();
    headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            while open.last().is_some_and(|&j| headings[j].level >= h.level) {
                open.pop();
            }
            let parent = open.last().copied();
            open.push(i);
            parent
        })
        .collect()
}

/// For each heading, the nearest heading before it of the same level, with no heading of a
/// lower level between them, that is not a label: a flat page's level for its "Job Grade".
fn unlabelled_siblings(headings: &[Heading]) -> Vec<Option<usize>> {
    // The last unlabelled heading seen at each level since a lower-level one.
    let mut last: [Option<usize>; 7] = [None; 7];
    headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let level = usize::from(h.level.min(6));
            let sibling = last[level];
            for deeper in last.iter_mut().skip(level + 1) {
                *deeper = None;
            }
            if !is_label(&h.text) {
                last[level] = Some(i);
            }
            sibling
        })
        .collect()
}

/// The nearest heading at or above `heading` that names a level rather than labelling part of one.
fn level_heading(
    mut heading: Option<usize>,
    headings: &[Heading],
    parents: &[Option<usize>],
    siblings: &[Option<usize>],
) -> Option<usize> {
    // "Data Analyst Job Grade" with no level above it names the (implicitly Intermediate) level.
    let mut fallback = None;
    while let Some(h) = heading {
        let text = &headings[h].text;
        let level = level_text(text);
        // "Data Engineer Job Grade" under "Data Engineer (Junior)" labels the level above it;
        // "Senior Job Grade" names its level.
        let names_level = !level.is_empty() && (!is_label(text) || names_seniority(&level));
        if names_level {
            // "#### Manager, SEC Job Grade" under "### Manager, SEC": the level is the parent.
            let same_as_parent = parents[h]
                .filter(|&p| is_label(text) && title_key(&headings[p].text) == title_key(&level));
            return same_as_parent.or(Some(h));
        }
        // Flat pages put the label beside its level: "## Contract Manager", "## Job Grades".
        if let Some(k) = siblings[h].filter(|&k| names_seniority(&headings[k].text)) {
            return Some(k);
        }
        if fallback.is_none() && !level.is_empty() {
            fallback = Some(h);
        }
        heading = parents[h];
    }
    fallback
}

/// A title's rank: the usual grade of its seniority, when its track and level are beyond
/// doubt ("Managing Editor" and "Security Manager" have none).
fn rank(title: &str) -> Option<f64> {
    certain_track(title).and(usual_grade(title).map(|(_, g)| g))
}

/// Which levels of a page can be measured against the handbook's usual grades: those whose
/// track and level their title says. A manager title with the role words of an individual
/// level on the page ("Senior Manager, Strategy" beside "Staff Strategy") names a level of the
/// individual ladder, and is not measured either. The model's `outlier` and `grades/outlier`
/// both ask this.
pub struct Measure {
    individual: BTreeSet<Vec<String>>,
}

impl Measure {
    /// The measure of the page whose grade statements are `statements`.
    pub fn new(statements: &[GradeStatement]) -> Measure {
        Measure {
            individual: statements
                .iter()
                .filter(|s| certain_track(&s.role) == Some("individual"))
                .map(|s| role_words(&s.role))
                .collect(),
        }
    }

    /// The seniority `role` names and the grade the handbook usually gives it, when it can be
    /// measured.
    pub fn usual(&self, role: &str) -> Option<(&'static str, f64)> {
        match certain_track(role)? {
            "management" if self.individual.contains(&role_words(role)) => None,
            _ => usual_grade(role),
        }
    }
}

/// The model's `roles`: one per grade statement, plus level headings that state no grade.
pub fn roles(statements: &[GradeStatement], headings: &[Heading]) -> Vec<Role> {
    let measure = Measure::new(statements);
    let outlier = |s: &GradeStatement| {
        !is_vague(&s.role)
            && measure
                .usual(&s.role)
                .is_some_and(|(_, u)| (s.grade.value - u).abs() >= 2.0)
    };
    statements
        .iter()
        .map(|s| Role {
            outlier: outlier(s),
            title: s.role.clone(),
            seniority: seniority_text(&s.role),
            track: track(&s.role),
            rank: rank(&s.role),
            grade: Some(s.grade.value),
            grade_text: Some(s.grade.text.clone()),
            heading: s.level.map(|h| headings[h].text.clone()),
        })
        .chain(
            levels_without_grade(statements, headings)
                .into_iter()
                .map(|h| {
                    let title = headings[h].text.clone();
                    Role {
                        seniority: seniority_text(&title),
                        track: track(&title),
                        rank: rank(&title),
                        outlier: false,
                        grade: None,
                        grade_text: None,
                        heading: Some(title.clone()),
                        title,
                    }
                }),
        )
        .collect()
}

/// Level headings with no grade statement: siblings of headings that state a grade, which name
/// a seniority themselves and are not labels ("Staff Responsibilities").
pub fn levels_without_grade(statements: &[GradeStatement], headings: &[Heading]) -> Vec<usize> {
    let parents = parents(headings);
    let stated: BTreeSet<usize> = statements.iter().filter_map(|s| s.level).collect();
    let stated_keys: BTreeSet<String> = statements
        .iter()
        .map(|s| title_key(&s.role))
        .chain(
            stated
                .iter()
                .map(|&l| title_key(&level_text(&headings[l].text))),
        )
        .collect();
    // A level's statement may sit under it, or (in flat pages) under a sibling label heading
    // that follows it: "### Analyst", then "### Analyst Job Grade".
    // Whether a statement's level lies after `h` and before the level ends. Only the first
    // stated level after `h` need be looked at, and the walk to it stops at the level's end,
    // so each heading is passed over by at most one candidate per heading level above it.
    let stated_under = |h: usize| {
        let Some(&next) = stated.range(h + 1..).next() else {
            return false;
        };
        (h + 1..=next)
            .find(|&k| headings[k].level <= headings[h].level && !is_label(&headings[k].text))
            .is_none_or(|end| next < end)
    };
    // (parent, level) of every heading that states a grade.
    let stated_places: std::collections::HashSet<(Option<usize>, u8)> = stated
        .iter()
        .map(|&s| (parents[s], headings[s].level))
        .collect();
    (0..headings.len())
        .filter(|&h| !stated.contains(&h) && headings[h].level > 1)
        .filter(|&h| stated_places.contains(&(parents[h], headings[h].level)))
        .filter(|&h| {
            let text = &headings[h].text;
            !is_label(text) && !SECTION_WORDS.is_match(text) && names_seniority(text)
        })
        // Specialties are variants of a level, not levels.
        .filter(|&h| {
            !std::iter::successors(parents[h], |&p| parents[p])
                .any(|p| SPECIALTIES.is_match(&headings[p].text))
        })
        // A level repeated under the same title (or under itself) is covered by the copy
        // that states the grade.
        .filter(|&h| {
            let key = title_key(&headings[h].text);
            !stated_keys.contains(&key)
                && parents[h].is_none_or(|p| title_key(&headings[p].text) != key)
        })
        .filter(|&h| !stated_under(h))
        .collect()
}

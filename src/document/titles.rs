//! The words of job titles: which seniority a title names ("Sr. Director" and "Senior
//! Director" alike), its track (individual contributor or management), its rank on that track,
//! and the title without them. Data about the handbook's vocabulary, kept apart from finding
//! grade statements (`roles`) so it can be read, tested and extended on its own.

use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// A heading that only labels part of a level: "Job Grade", "Senior Job Grade",
/// "Staff Responsibilities". Group 1 is what precedes the label.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(.*?)[\s\-–—:,|]*\b(?:job\s+grades?|grades?|levels?|responsibilities|requirements|performance\s+indicators|overview|expectations)\s*:?\s*$",
    )
    .expect("static regex compiles")
});

/// Whether a title carries a seniority, "Intermediate" included.
pub(super) fn names_seniority(title: &str) -> bool {
    !seniority(title).is_empty() || title.to_lowercase().contains("intermediate")
}

/// A heading's text without a trailing label: "Senior Job Grade" → "Senior"; "Job Grade" → "".
pub fn level_text(heading: &str) -> String {
    match LABEL.captures(heading) {
        Some(c) => c[1].trim().to_string(),
        None => heading.trim().to_string(),
    }
}

/// Whether `heading` is only a label ("Responsibilities", "Staff Job Grade"), not a level.
pub fn is_label(heading: &str) -> bool {
    LABEL.is_match(heading)
}

/// Whether `heading` is a "Job Grade" heading.
pub fn is_grade_heading(heading: &str) -> bool {
    static GRADE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bjob\s+grades?\s*:?\s*$|^\s*grades?\s*:?\s*$")
            .expect("static regex compiles")
    });
    GRADE_HEADING.is_match(heading)
}

/// "The role is a grade 7" states a grade without naming the role.
pub fn is_vague(role: &str) -> bool {
    seniority(role).is_empty()
        && words(role)
            .last()
            .is_some_and(|w| w == "role" || w == "position")
}

pub(super) fn clean_role(role: &str) -> String {
    role.replace(['{', '}'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower-case words of a title with abbreviations spelled out: "Sr. VP, Sales" →
/// `senior vice president sales`.
pub fn words(title: &str) -> Vec<String> {
    let lower = title.to_lowercase();
    let mut out = Vec::new();
    for w in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        match w {
            "sr" => out.push("senior".to_string()),
            "jr" => out.push("junior".to_string()),
            "vp" | "avp" => out.extend(["vice".to_string(), "president".to_string()]),
            "svp" => out.extend(["senior", "vice", "president"].map(String::from)),
            "evp" => out.extend(["executive", "vice", "president"].map(String::from)),
            _ => out.push(w.to_string()),
        }
    }
    out
}

/// The seniority words a title carries, canonical and de-duplicated. "Intermediate" is the
/// absence of seniority, so it is dropped; the role noun is ignored, so word order and
/// abbreviations of the noun do not matter.
pub fn seniority(title: &str) -> BTreeSet<&'static str> {
    let w = words(title);
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < w.len() {
        let next = w.get(i + 1).map(String::as_str);
        match (w[i].as_str(), next) {
            ("vice", Some("president")) => {
                out.insert("vice president");
                i += 1;
            }
            ("executive", Some("vice")) => {
                out.insert("executive");
            }
            // "Chief of Staff" names a role, not the Staff level.
            ("chief", Some("of")) if w.get(i + 2).is_some_and(|s| s == "staff") => {
                out.insert("chief of staff");
                i += 2;
            }
            ("intern", _) => {
                out.insert("intern");
            }
            ("junior" | "associate", _) => {
                out.insert("junior");
            }
            ("senior", _) => {
                out.insert("senior");
            }
            ("staff", _) => {
                out.insert("staff");
            }
            ("principal", _) => {
                out.insert("principal");
            }
            ("distinguished", _) => {
                out.insert("distinguished");
            }
            ("fellow", _) => {
                out.insert("fellow");
            }
            ("lead", _) => {
                out.insert("lead");
            }
            ("manager" | "managers", _) => {
                out.insert("manager");
            }
            ("director" | "directors", _) => {
                out.insert("director");
            }
            ("head", Some("of")) => {
                out.insert("head");
            }
            (
                "chief" | "ceo" | "cfo" | "cto" | "cmo" | "cro" | "clo" | "cpo" | "ciso" | "cio",
                _,
            ) => {
                out.insert("chief");
            }
            _ => {}
        }
        i += 1;
    }
    // "Chief of Staff to the CTO" reports to a chief; it is not one.
    if out.contains("chief of staff") {
        out.remove("chief");
    }
    out
}

/// Seniority as one phrase: "senior manager", or "intermediate" for none.
pub fn seniority_text(title: &str) -> String {
    let s = seniority(title);
    if s.is_empty() {
        return "intermediate".to_string();
    }
    const ORDER: [&str; 16] = [
        "intern",
        "junior",
        "senior",
        "executive",
        "staff",
        "principal",
        "distinguished",
        "fellow",
        "lead",
        "head",
        "manager",
        "director",
        "vice president",
        "chief",
        "chief of staff",
        "",
    ];
    ORDER
        .iter()
        .filter(|w| s.contains(*w))
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `management` for titles that lead people, else `individual`.
pub fn track(title: &str) -> &'static str {
    static PEOPLE_MANAGER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:the\s+)?(?:senior\s+|sr\.?\s+)?managers?\b|\bmanagers?\s*(?:,|of\b)|\bengineering\s+manager")
            .expect("static regex compiles")
    });
    let s = seniority(title);
    let leads = ["director", "vice president", "chief", "head"]
        .iter()
        .any(|w| s.contains(w));
    if leads || (s.contains("manager") && PEOPLE_MANAGER.is_match(title)) {
        "management"
    } else {
        "individual"
    }
}

/// The words of an individual contributor's seniority.
const IC_SENIORITY: [&str; 9] = [
    "intern",
    "junior",
    "associate",
    "intermediate",
    "senior",
    "staff",
    "principal",
    "distinguished",
    "fellow",
];

/// A title with its individual-contributor seniority removed: "Senior Backend Engineer" and
/// "Staff Backend Engineer" share `backend engineer`.
pub fn base_title(title: &str) -> String {
    words(title)
        .into_iter()
        .filter(|w| !IC_SENIORITY.contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Rank on the individual-contributor ladder, from the title's modifiers; `None` when the
/// title's level is not on that ladder ("Lead", "Head of").
pub fn ic_rank(title: &str) -> Option<u8> {
    let s = seniority(title);
    if s.contains("lead") || s.contains("head") || s.contains("chief of staff") {
        return None;
    }
    let rank = if s.contains("fellow") {
        8
    } else if s.contains("distinguished") {
        7
    } else if s.contains("principal") {
        if s.contains("senior") { 6 } else { 5 }
    } else if s.contains("staff") {
        4
    } else if s.contains("senior") {
        3
    } else if s.contains("junior") {
        1
    } else if s.contains("intern") {
        0
    } else {
        2
    };
    Some(rank)
}

/// Rank and area on the management ladder ("Senior Manager, Data" → (11, `data`)), for titles
/// on the management track only.
pub fn management_rank(title: &str) -> Option<(u8, String)> {
    if track(title) != "management" {
        return None;
    }
    let s = seniority(title);
    let senior = u8::from(s.contains("senior"));
    let rank = if s.contains("chief") {
        20
    } else if s.contains("vice president") {
        if s.contains("executive") {
            18
        } else {
            16 + senior
        }
    } else if s.contains("director") {
        14 + senior
    } else if s.contains("manager") {
        12 + senior
    } else {
        return None;
    };
    const LEVEL_WORDS: [&str; 14] = [
        "senior",
        "executive",
        "vice",
        "president",
        "director",
        "directors",
        "manager",
        "managers",
        "chief",
        "of",
        "the",
        "and",
        "head",
        "group",
    ];
    let area = words(title)
        .into_iter()
        .filter(|w| !LEVEL_WORDS.contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    Some((rank, area))
}

/// The handbook's usual grade for each seniority, per track: how GitLab's job-family pages in
/// `../shared/corpus` grade it (the median over distinct titles stating a grade, measured
/// with `jobfam model`), and over how many titles. It orders seniorities across the two
/// tracks: a Director (usually 10) is senior to a Senior individual contributor (usually 7).
pub const USUAL_GRADES: [(&str, &str, f64, usize); 15] = [
    ("individual", "Intern", 4.0, 2),
    ("individual", "Associate/Junior", 5.0, 38),
    ("individual", "Intermediate", 6.0, 123),
    ("individual", "Senior", 7.0, 149),
    ("individual", "Staff", 8.0, 44),
    ("individual", "Principal", 9.0, 23),
    ("individual", "Distinguished", 10.0, 6),
    ("individual", "Fellow", 12.0, 3),
    ("management", "Manager", 8.0, 88),
    ("management", "Senior Manager", 9.0, 70),
    ("management", "Director", 10.0, 86),
    ("management", "Senior Director", 11.0, 52),
    ("management", "Vice President", 12.0, 35),
    ("management", "Executive Vice President", 12.0, 0),
    ("management", "Chief", 12.0, 3),
];

/// The seniority a title names, as a row of [`USUAL_GRADES`]: its name and usual grade. `None`
/// for a title whose seniority the handbook does not grade consistently ("Lead", "Head of",
/// "Chief of Staff", "Senior Principal").
pub fn usual_grade(title: &str) -> Option<(&'static str, f64)> {
    let name = match management_rank(title) {
        Some((rank, _)) => match rank {
            12 => "Manager",
            13 => "Senior Manager",
            14 => "Director",
            15 => "Senior Director",
            16 | 17 => "Vice President",
            18 => "Executive Vice President",
            20 => "Chief",
            _ => return None,
        },
        None => match ic_rank(title)? {
            0 => "Intern",
            1 => "Associate/Junior",
            2 => "Intermediate",
            3 => "Senior",
            4 => "Staff",
            5 => "Principal",
            7 if !seniority(title).contains("senior") => "Distinguished",
            8 => "Fellow",
            _ => return None,
        },
    };
    USUAL_GRADES
        .iter()
        .find(|(_, n, _, _)| *n == name)
        .map(|(_, n, g, _)| (*n, *g))
}

/// The track of a title whose track is beyond doubt, for comparing across tracks: a manager
/// title that starts with its level ("Manager, Data", "Senior Manager, Data", "Engineering
/// Manager") or a director and above; an individual contributor title without "Manager" or
/// "Lead" in it. "Program Manager, Learning" and "Learning Manager" may be either; a title
/// whose level its seniority words do not say is neither.
pub fn certain_track(title: &str) -> Option<&'static str> {
    static LEVEL_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:the\s+)?(?:senior\s+|sr\.?\s+)?managers?\b|^engineering\s+manager")
            .expect("static regex compiles")
    });
    // "Managing Editor", "Principal Accounting Officer", "Compensation Partner" and "… to the
    // CEO" carry a seniority their words do not say.
    let w = words(title);
    let unsaid = ["managing", "officer", "partner", "partners"];
    if w.iter().any(|w| unsaid.contains(&w.as_str())) || title.to_lowercase().contains(" to the ") {
        return None;
    }
    let s = seniority(title);
    if track(title) == "management" {
        let leads = ["director", "vice president", "chief"]
            .iter()
            .any(|w| s.contains(w));
        (leads || LEVEL_FIRST.is_match(title.trim())).then_some("management")
    } else {
        (!s.contains("manager") && !s.contains("lead")).then_some("individual")
    }
}

/// `a` or `an` before a seniority's name.
pub fn article(name: &str) -> &'static str {
    if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

/// The role words of a title, sorted: its words without the seniority and filler words.
pub fn role_words(title: &str) -> Vec<String> {
    let mut w = role_words_in_order(title);
    w.sort();
    w
}

/// The role words of a title in the order it writes them.
pub fn role_words_in_order(title: &str) -> Vec<String> {
    // Management levels and the words that join a title's parts.
    const LEVEL: [&str; 13] = [
        "lead",
        "manager",
        "managers",
        "director",
        "directors",
        "vice",
        "president",
        "chief",
        "head",
        "executive",
        "of",
        "the",
        "and",
    ];
    words(title)
        .into_iter()
        .filter(|w| !IC_SENIORITY.contains(&w.as_str()) && !LEVEL.contains(&w.as_str()))
        .collect()
}

/// A key under which two statements name the same role. Word order counts: "Senior Manager,
/// Channel Program" (a people manager) and "Senior Channel Program Manager" (an individual
/// contributor) are different roles made of the same words.
pub fn title_key(title: &str) -> String {
    words(title)
        .into_iter()
        .filter(|w| !matches!(w.as_str(), "intermediate" | "the" | "position" | "role"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a title names a role beyond its level ("Senior Manager" and "Senior Analyst" do not,
/// as far as other pages are concerned: every family has one).
pub fn is_specific(title: &str) -> bool {
    const GENERIC: [&str; 15] = [
        "senior",
        "junior",
        "associate",
        "intermediate",
        "staff",
        "principal",
        "distinguished",
        "manager",
        "director",
        "vice",
        "president",
        "analyst",
        "specialist",
        "engineer",
        "lead",
    ];
    words(title).iter().any(|w| !GENERIC.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seniority_ignores_word_order_and_spelling() {
        assert_eq!(
            seniority("Manager, Inside Sales"),
            seniority("Inside Sales Manager")
        );
        assert_eq!(
            seniority("VP, Finance"),
            seniority("Vice President of Finance")
        );
        assert_eq!(
            seniority("Sr. Director, IT"),
            seniority("Senior Director, IT")
        );
        assert_eq!(
            seniority("Backend Engineer (Intermediate)"),
            seniority("Backend Engineer")
        );
        assert_ne!(
            seniority("Senior Frontend Engineer"),
            seniority("Staff Frontend Engineer")
        );
        assert_ne!(
            seniority("People Business Partner"),
            seniority("Manager, People Business Partners")
        );
        assert_eq!(
            seniority_text("Chief of Staff to the CTO"),
            "chief of staff"
        );
        assert_eq!(seniority_text("Senior Manager, Data"), "senior manager");
        assert_eq!(seniority_text("Data Analyst"), "intermediate");
    }

    #[test]
    fn ranks_and_tracks() {
        assert!(ic_rank("Senior Principal Engineer") > ic_rank("Principal Engineer"));
        assert_eq!(ic_rank("Team Lead"), None);
        assert_eq!(
            base_title("Staff Backend Engineer"),
            base_title("Backend Engineer (Intermediate)")
        );
        assert_eq!(track("Senior Product Manager"), "individual");
        assert_eq!(track("Manager, Product"), "management");
        assert_eq!(track("Director of Engineering"), "management");
        assert_eq!(level_text("Senior Job Grade"), "Senior");
        assert_eq!(level_text("Job Grade"), "");
        assert_eq!(
            management_rank("Senior Manager, Data"),
            Some((13, "data".into()))
        );
        assert_eq!(
            management_rank("Director of Data"),
            Some((14, "data".into()))
        );
        assert_eq!(management_rank("VP, Data"), Some((16, "data".into())));
        assert_eq!(management_rank("Senior Product Manager"), None);
        assert_eq!(
            level_text("Senior Director of Product Management - Job Grade"),
            "Senior Director of Product Management"
        );
    }
}

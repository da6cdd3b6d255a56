//! The closest known name to a misspelled one: "did you mean" for rule ids and anchors.

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The candidate closest to `word`, if one is close: a case-insensitive equal, else the
/// unique nearest within a third of its length (at least 2 edits).
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    closest_within(word, candidates, |len| (len / 3).max(2))
}

/// [`closest`] for names where a loose match misleads (page names share long words, so
/// `manager-it` is four edits from `manager-data`): at most 2 edits.
pub fn closest_strict<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    closest_within(word, candidates, |len| (len / 6).clamp(1, 2))
}

fn closest_within<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    max_edits: impl Fn(usize) -> usize,
) -> Option<&'c str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let same_case: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|c| c.eq_ignore_ascii_case(word))
        .collect();
    if let [only] = same_case[..] {
        return Some(only);
    }
    let lower = word.to_lowercase();
    let mut scored: Vec<(usize, &str)> = candidates
        .iter()
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), *c))
        .filter(|(d, c)| *d <= max_edits(c.chars().count()))
        .collect();
    scored.sort_unstable();
    match scored.as_slice() {
        [(d, c), rest @ ..] if rest.first().is_none_or(|(d2, _)| d2 > d) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_unique_closest() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(
            closest("Internal-Auditor", ["internal-auditor", "senior"]),
            Some("internal-auditor")
        );
        assert_eq!(
            closest("carreer-ladder", ["career-ladder", "levels"]),
            Some("career-ladder")
        );
        assert_eq!(closest("xyz", ["career-ladder"]), None);
        assert_eq!(closest("job-grade-3", ["job-grade-1", "job-grade-2"]), None);
        assert_eq!(closest_strict("manager-it", ["manager-data"]), None);
        assert_eq!(
            closest_strict("target-pages.md", ["target-page.md"]),
            Some("target-page.md")
        );
    }
}

//! Large sorted word lists, embedded in the binary and searched where they lie.
//!
//! Each list is one entry per line, sorted bytewise by its first field, so a lookup is a
//! binary search over the embedded text: nothing is parsed or built when a run starts, and a
//! run that never asks builds nothing at all.

/// Real English words the en_US dictionary lacks (SCOWL's huge American and British lists,
/// less the rare words one slip from a far commoner one): known, never suggested.
const EXTRA: &str = include_str!("../../data/known/en-extra.txt");

/// How common English words are: `word zipf×10` (wordfreq, words of zipf 2.0 and above).
pub const FREQUENCY: &str = include_str!("../../data/frequency/en-zipf.txt");

/// The line of `bytes` that holds byte `at`: its start and its end (its newline, or the end).
fn line_at(bytes: &[u8], at: usize) -> (usize, usize) {
    let start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let end = bytes[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| start + i);
    (start, end)
}

/// The rest of the line whose first field (up to a space or the line's end) is `key`, in
/// `text`, a list sorted bytewise by that field.
fn find<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let bytes = text.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let (start, end) = line_at(bytes, lo + (hi - lo) / 2);
        let line = &text[start..end];
        let (field, rest) = line.split_once(' ').unwrap_or((line, ""));
        match field.as_bytes().cmp(key.as_bytes()) {
            std::cmp::Ordering::Equal => return Some(rest),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

/// Whether SCOWL's larger lists know `word` as written, or, when it is capitalised as at the
/// start of a sentence or written in capitals, in lower case.
pub fn extra_knows(word: &str) -> bool {
    let word = word.strip_suffix("'s").unwrap_or(word);
    if word.is_empty() {
        return false;
    }
    if find(EXTRA, word).is_some() {
        return true;
    }
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest = chars.as_str();
    if !first_upper {
        return false;
    }
    let lower = word.to_lowercase();
    if rest.chars().all(|c| !c.is_uppercase()) {
        return find(EXTRA, &lower).is_some();
    }
    // `HOTSPOTS`: any casing the list has.
    rest.chars().all(|c| !c.is_lowercase())
        && (find(EXTRA, &lower).is_some() || find(EXTRA, &super::recase(&lower, "Ab")).is_some())
}

/// How common `lower` (a lower-case word) is on wordfreq's zipf scale, times ten: 60 for a
/// word used once in a thousand words, 30 once in a million. Words under 20 are not listed.
pub fn zipf(lower: &str) -> Option<u8> {
    find(FREQUENCY, lower).and_then(|z| z.parse().ok())
}

/// [`zipf`] with unlisted words at the list's floor.
pub fn zipf_or_rare(lower: &str) -> u8 {
    zipf(lower).unwrap_or(RARE)
}

/// The zipf (times ten) of a word too rare to be listed.
pub const RARE: u8 = 15;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_the_search() {
        for text in [EXTRA, FREQUENCY] {
            let keys: Vec<&str> = text
                .lines()
                .map(|l| l.split(' ').next().unwrap_or(""))
                .collect();
            assert!(keys.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
        }
    }

    #[test]
    fn lookups() {
        assert!(extra_knows("hotspots") && extra_knows("Hotspots") && extra_knows("HOTSPOTS"));
        assert!(extra_knows("centricity") && extra_knows("interdependencies"));
        // Rare words one slip from a far commoner one are typos of it.
        assert!(!extra_knows("goup") && !extra_knows("wons") && !extra_knows("efficiences"));
        assert!(!extra_knows("") && !extra_knows("'s"));
        assert_eq!(zipf("the"), Some(77));
        assert!(zipf("extends") > zipf("expends"));
        assert!(zipf("auxiliary") > zipf("axillary"));
        assert_eq!(zipf("zzzzqx"), None);
        // The first and last lines are found too.
        let first = EXTRA.lines().next().unwrap_or_default();
        let last = EXTRA.lines().last().unwrap_or_default();
        assert!(find(EXTRA, first).is_some() && find(EXTRA, last).is_some());
        assert!(find(FREQUENCY, "a").is_some());
    }
}

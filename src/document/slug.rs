//! Turns heading text into the anchor id a site generator gives it.
//!
//! For now one preset: GitHub's (also Hugo's goldmark `github` ids and comrak's). Runs of
//! dashes are kept, as the renderers keep them (`Trust & Safety` → `trust--safety`).

use std::collections::HashSet;

/// GitHub-style slug of one heading's text: lower case; letters, digits, `-` and `_` kept;
/// spaces become `-`; everything else is dropped.
pub fn github(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| {
            if c == ' ' {
                Some('-')
            } else if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c)
            } else {
                None
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Hands out unique ids in document order: the second `x` becomes `x-1`, the third `x-2`.
#[derive(Default)]
pub struct Anchorizer {
    taken: HashSet<String>,
}

impl Anchorizer {
    /// The unique id for `base`, reserving it.
    pub fn unique(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let id = (1..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| !self.taken.contains(candidate))
            .expect("an unbounded range always yields a free id");
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_slugs() {
        assert_eq!(github("Trust & Safety"), "trust--safety");
        assert_eq!(github("Director - Treasury"), "director---treasury");
        assert_eq!(
            github("Senior Manager, Internal Audit"),
            "senior-manager-internal-audit"
        );
        assert_eq!(
            github("Performance Indicators (PI)"),
            "performance-indicators-pi"
        );
        let mut a = Anchorizer::default();
        assert_eq!(a.unique("job-grade".into()), "job-grade");
        assert_eq!(a.unique("job-grade".into()), "job-grade-1");
        assert_eq!(a.unique("job-grade".into()), "job-grade-2");
    }
}

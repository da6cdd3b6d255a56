//! Turns heading text into the anchor id a site generator gives it.
//!
//! Three presets, checked against the renderers themselves (see `tests/cli/slug_renderers.rs`):
//! - `hugo`: Hugo's goldmark `github` ids, made from the heading's *source* text, so a link's
//!   target and an HTML tag's name end up in the id; repeated ids skip every id already taken.
//! - `github`: GitHub, GitLab 17+ and comrak, from the heading's rendered text; repeats numbered
//!   like Hugo's.
//! - `kramdown-gfm`: the Middleman handbook (kramdown's GFM parser), from the rendered text;
//!   repeats are numbered per base id, even when that collides with another heading's id.
//!
//! All three keep letters, digits, `_` and `-`, turn spaces into `-` and drop the rest without
//! collapsing runs (`Trust & Safety` → `trust--safety`).

use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A slug algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// Hugo (goldmark `github` ids): the current handbook.
    Hugo,
    /// GitHub, GitLab 17+, comrak.
    Github,
    /// kramdown with its GFM parser: the older Middleman handbook.
    KramdownGfm,
}

impl Preset {
    /// The base id of a heading, from its rendered text and its source text.
    pub fn slug(self, rendered: &str, source: &str) -> String {
        match self {
            Preset::Hugo => slugify(source),
            Preset::Github | Preset::KramdownGfm => slugify(rendered),
        }
    }
}

/// Lower case; letters, digits, `_` and `-` kept; spaces to `-`; everything else dropped.
pub fn slugify(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Hands out ids in document order the way one preset numbers repeats.
pub struct Anchorizer {
    preset: Preset,
    taken: HashSet<String>,
    counts: HashMap<String, usize>,
}

impl Anchorizer {
    /// A fresh anchorizer for one page.
    pub fn new(preset: Preset) -> Anchorizer {
        Anchorizer {
            preset,
            taken: HashSet::new(),
            counts: HashMap::new(),
        }
    }

    /// Reserves an id that is not generated (a `{#custom}` id), so generated ones avoid it.
    pub fn reserve(&mut self, id: &str) {
        self.taken.insert(id.to_string());
    }

    /// The id for a heading whose base id is `base`.
    pub fn unique(&mut self, base: String) -> String {
        let id = match self.preset {
            Preset::KramdownGfm => {
                let n = self.counts.entry(base.clone()).or_insert(0);
                let id = if *n == 0 { base } else { format!("{base}-{n}") };
                *n += 1;
                id
            }
            Preset::Hugo | Preset::Github => {
                if self.taken.contains(&base) {
                    // Taken ids stay taken, so the search for a free `base-N` goes on where
                    // the last one for this base stopped: 20,000 "Job Grade" headings must
                    // not try `-1`, `-2`, … from the start each time.
                    let next = self.counts.entry(base.clone()).or_insert(1);
                    let mut id = format!("{base}-{next}");
                    while self.taken.contains(&id) {
                        *next += 1;
                        id = format!("{base}-{next}");
                    }
                    *next += 1;
                    id
                } else {
                    base
                }
            }
        };
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_runs_of_dashes_digits_and_letters() {
        assert_eq!(slugify("Trust & Safety"), "trust--safety");
        assert_eq!(slugify("Director - Treasury"), "director---treasury");
        assert_eq!(slugify("2024 Goals"), "2024-goals");
        assert_eq!(slugify("Ingénieur Été"), "ingénieur-été");
        assert_eq!(slugify("Em — dash"), "em--dash");
        assert_eq!(slugify("Emoji 🚀 rocket"), "emoji--rocket");
        assert_eq!(slugify("snake_case"), "snake_case");
        assert_eq!(
            Preset::Hugo.slug(
                "Link to site here",
                "Link [to site](https://example.com) here"
            ),
            "link-to-sitehttpsexamplecom-here"
        );
        assert_eq!(
            Preset::KramdownGfm.slug(
                "Link to site here",
                "Link [to site](https://example.com) here"
            ),
            "link-to-site-here"
        );
    }

    #[test]
    fn repeats_are_numbered_per_preset() {
        let ids = |preset| {
            let mut a = Anchorizer::new(preset);
            ["job-grade", "job-grade", "job-grade-1", "job-grade"].map(|b| a.unique(b.to_string()))
        };
        assert_eq!(
            ids(Preset::Hugo),
            ["job-grade", "job-grade-1", "job-grade-1-1", "job-grade-2"]
        );
        assert_eq!(
            ids(Preset::KramdownGfm),
            ["job-grade", "job-grade-1", "job-grade-1", "job-grade-2"]
        );
    }
}

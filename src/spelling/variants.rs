//! American and British spellings of the same word (`behavior`/`behaviour`).
//!
//! The pairs come from `data/variants/en-us-gb.txt`, built from SCOWL's word lists by
//! `data/variants/build.py`.

use std::collections::{HashMap, HashSet};

/// Which English the pages are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    /// Either: American and British spellings are both right.
    #[default]
    En,
    /// American English: British spellings are `spelling/variant` findings.
    EnUs,
    /// British English: American spellings are `spelling/variant` findings.
    EnGb,
}

impl Locale {
    /// Parses `en`, `en-US` or `en-GB` (any case, `_` for `-`).
    pub fn parse(name: &str) -> Option<Locale> {
        match name.to_ascii_lowercase().replace('_', "-").as_str() {
            "en" => Some(Locale::En),
            "en-us" => Some(Locale::EnUs),
            "en-gb" => Some(Locale::EnGb),
            _ => None,
        }
    }

    /// Its name as written in messages.
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::EnUs => "en-US",
            Locale::EnGb => "en-GB",
        }
    }
}

/// One side of a pair: the other spelling, and whether this side is wrong in the other locale.
#[derive(Clone, Debug)]
struct Other {
    spelling: String,
    /// Whether the other English rejects this spelling.
    foreign: bool,
}

/// The American-British pairs, looked up from either side.
#[derive(Debug, Default)]
pub struct Variants {
    british_of: HashMap<String, Other>,
    american_of: HashMap<String, Other>,
    /// British words with no American pair (`amongst`).
    british_only: HashSet<String>,
}

impl Variants {
    /// Parses lines of `us gb`, `us > gb`, `us < gb` or a lone British `gb`.
    pub fn parse(text: &str) -> Variants {
        let mut v = Variants::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let parts: Vec<&str> = line.split_whitespace().collect();
            let (us, sep, gb) = match parts.as_slice() {
                [british] => {
                    v.british_only.insert(british.to_string());
                    continue;
                }
                [us, gb] => (*us, "", *gb),
                [us, sep, gb] => (*us, *sep, *gb),
                _ => continue,
            };
            v.british_of.insert(
                us.to_string(),
                Other {
                    spelling: gb.to_string(),
                    foreign: sep != "<",
                },
            );
            v.american_of.insert(
                gb.to_string(),
                Other {
                    spelling: us.to_string(),
                    foreign: sep != ">",
                },
            );
        }
        v
    }

    /// Whether `lower` is a British spelling `locale` accepts though the American dictionary
    /// does not.
    pub fn accepts(&self, lower: &str, locale: Locale) -> bool {
        locale != Locale::EnUs
            && (self.american_of.contains_key(lower) || self.british_only.contains(lower))
    }

    /// The spelling `locale` wants instead of `lower`, when `lower` is the other English's.
    pub fn preferred(&self, lower: &str, locale: Locale) -> Option<&str> {
        let other = match locale {
            Locale::En => return None,
            Locale::EnUs => self.american_of.get(lower)?,
            Locale::EnGb => self.british_of.get(lower)?,
        };
        other.foreign.then_some(other.spelling.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_by_locale() {
        let v = Variants::parse("# header\nbehavior behaviour\ncatalog > catalogue\namongst\n");
        assert_eq!(v.preferred("behaviour", Locale::EnUs), Some("behavior"));
        assert_eq!(v.preferred("behavior", Locale::EnGb), Some("behaviour"));
        assert_eq!(v.preferred("behaviour", Locale::En), None);
        assert_eq!(v.preferred("catalogue", Locale::EnUs), None);
        assert_eq!(v.preferred("catalog", Locale::EnGb), Some("catalogue"));
        assert!(v.accepts("behaviour", Locale::En) && !v.accepts("behaviour", Locale::EnUs));
        assert!(v.accepts("amongst", Locale::EnGb) && !v.accepts("amongst", Locale::EnUs));
        assert_eq!(Locale::parse("en_gb"), Some(Locale::EnGb));
    }
}

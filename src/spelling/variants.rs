//! American and British spellings of the same word (`behavior`/`behaviour`).
//!
//! The pairs come from `data/variants/en-us-gb.txt`, built from SCOWL's word lists by
//! `data/variants/build.py`.

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

/// A table's entries: key and value.
pub type Entries<'a> = Vec<(&'a str, String)>;

/// The pairs of a variants list as two tables' entries: by American spelling (→ the British)
/// and by British spelling (→ the American, or nothing for a British word with no pair). A
/// value is `1` or `0` (whether a locale that wants the other spelling reports this one) and
/// the other spelling; a British word with no pair has the value `-`. Pairs come after the
/// unpaired words, so a word that is both keeps its pair, and a later pair replaces an
/// earlier one.
#[allow(dead_code)] // Called by the build script and the tests, not by the library.
pub fn entries(text: &str) -> (Entries<'_>, Entries<'_>) {
    let (mut by_us, mut by_gb, mut unpaired) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let (us, sep, gb) = match parts.as_slice() {
            [british] => {
                unpaired.push((*british, "-".to_string()));
                continue;
            }
            [us, gb] => (*us, "", *gb),
            [us, sep, gb] => (*us, *sep, *gb),
            _ => continue,
        };
        let flag = |foreign: bool| if foreign { '1' } else { '0' };
        by_us.push((us, format!("{}{gb}", flag(sep != "<"))));
        by_gb.push((gb, format!("{}{us}", flag(sep != ">"))));
    }
    unpaired.extend(by_gb);
    (by_us, unpaired)
}

/// American and British pairs, as two tables ([`super::table`]): built into the binary for
/// the built-in list, so nothing is parsed at start-up.
#[derive(Debug, Default)]
pub struct Variants {
    by_us: std::borrow::Cow<'static, [u8]>,
    by_gb: std::borrow::Cow<'static, [u8]>,
}

impl Variants {
    /// The pairs in two tables made from [`entries`]: by American and by British spelling.
    pub fn from_tables(by_us: &'static [u8], by_gb: &'static [u8]) -> Variants {
        Variants {
            by_us: std::borrow::Cow::Borrowed(by_us),
            by_gb: std::borrow::Cow::Borrowed(by_gb),
        }
    }

    /// The pairs of a variants list in the format of `data/variants/en-us-gb.txt`.
    #[cfg(test)]
    pub fn parse(text: &str) -> Variants {
        let (by_us, by_gb) = entries(text);
        let table = |e: &[(&str, String)]| {
            super::table::build_map(e.iter().map(|(k, v)| (*k, v.as_str()))).into()
        };
        Variants {
            by_us: table(&by_us),
            by_gb: table(&by_gb),
        }
    }

    /// Whether `lower` is a British spelling `locale` accepts though the American dictionary
    /// does not.
    pub fn accepts(&self, lower: &str, locale: Locale) -> bool {
        locale != Locale::EnUs && super::table::get(&self.by_gb, lower).is_some()
    }

    /// The spelling `locale` wants instead of `lower`, when `lower` is the other English's.
    pub fn preferred(&self, lower: &str, locale: Locale) -> Option<&str> {
        let other = match locale {
            Locale::En => return None,
            Locale::EnUs => super::table::get(&self.by_gb, lower)?,
            Locale::EnGb => super::table::get(&self.by_us, lower)?,
        };
        other.strip_prefix('1')
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

//! `grammar/article`: "a" before a vowel sound, "an" before a consonant sound.

use crate::document::words::{Kind, Word};
use crate::rules::{Check, Context, Finding, Fix, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags "a" before a word that starts with a vowel sound and "an" before one that starts
    /// with a consonant sound: "a interview", "an candidate", "an Senior Engineer". Words of
    /// running prose are judged, in lower case or with one capital; words whose first sound
    /// their spelling does not say are left alone or known: "a user", "a unique", "a European",
    /// "a one-time", "an hour", "an honest". A capitalised word is judged only when it is a
    /// common English word ("Senior", "Individual"), not a name ("an Uber", "a Unix").
    /// Numbers are judged as said: "an 8-hour day", "an 80-minute interview", "an 11", "an
    /// 18-month plan", "a 100". Acronyms ("a SQL" or "an SQL"), CamelCase names and code are
    /// never judged.
    ///
    /// ## Why is this bad?
    /// It reads as a slip, usually from an edit that replaced the noun and left its article.
    ///
    /// ## Example
    /// ```markdown
    /// Schedule a interview with an candidate.
    /// ```
    /// Use instead:
    /// ```markdown
    /// Schedule an interview with a candidate.
    /// ```
    ///
    /// ## Fix
    /// Safe: the article is replaced; the word after it is left as it is.
    ARTICLE { id: "grammar/article", severity: Warning, fix: Always(Safe), check: Check::Code(check) }
}

/// Beginnings spelt with a vowel and said with a consonant ("a user", "a one-time").
const CONSONANT_SOUND: &[&str] = &[
    "uni", "use", "usa", "usu", "uti", "ura", "ure", "uro", "eu", "ewe", "one", "once", "ubiq",
    "ufo", "uk", "ukr", "ute",
];

/// Beginnings spelt with a consonant and said with a vowel ("an hour").
const VOWEL_SOUND: &[&str] = &["hour", "honest", "honor", "honour", "heir", "herb"];

/// Words after which an article is no article: "option a or b", "plan a and".
const NOT_NOUNS: &[&str] = &[
    "and", "or", "of", "in", "is", "to", "the", "a", "an", "on", "at", "by", "for", "as", "if",
];

/// Whether `word` (lower case) starts with a vowel sound; `None` when its spelling does not say.
fn vowel_sound(word: &str) -> Option<bool> {
    let first = word.chars().next()?;
    if !first.is_ascii_lowercase() {
        return None;
    }
    if VOWEL_SOUND.iter().any(|p| word.starts_with(p)) {
        return Some(true);
    }
    if "aeiou".contains(first) {
        return Some(!CONSONANT_SOUND.iter().any(|p| word.starts_with(p)));
    }
    // "y" ("a year", "a yield") and "h" ("a hire") are consonants; words that begin with an
    // "h" said as a vowel are listed above.
    Some(false)
}

/// `word` in lower case when it is written with one capital, first (`Senior`); `None` when it
/// is not.
fn title_case(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    (first.is_ascii_uppercase() && chars.as_str().chars().all(|c| c.is_ascii_lowercase()))
        .then(|| word.to_ascii_lowercase())
}

/// Whether a number said aloud starts with a vowel sound: "an 8", "an 80-minute", "an 11",
/// "an 18-month", "an 8th"; "a 1", "a 100", "a 2020". `None` when `text` does not start with a
/// digit.
fn number_vowel_sound(text: &str) -> Option<bool> {
    let digits: &str = &text[..text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len())];
    if digits.is_empty() {
        return None;
    }
    Some(digits.starts_with('8') || digits == "11" || digits == "18")
}

/// The number right after the article `word` ("a 80", "a [8](…)") and whether it starts with
/// a vowel sound, when `word` is "a" or "an" and a number follows it.
fn number_after<'t>(text: &'t str, word: &Word) -> Option<(&'t str, bool)> {
    if word.text != "a" && word.text != "an" {
        return None;
    }
    let rest = text.get(word.span.end..)?.strip_prefix(' ')?;
    let rest = rest.strip_prefix('[').unwrap_or(rest);
    let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let number = &rest[..end];
    Some((number, number_vowel_sound(number)?))
}

/// The finding for `article` before the word `next`, which starts with a vowel sound or not.
fn finding(article: &Word, next: &str, vowel: bool) -> Finding {
    let right = if vowel { "an" } else { "a" };
    let sound = if vowel { "vowel" } else { "consonant" };
    let mut f = Finding::new(
        &ARTICLE,
        article.span,
        format!("`{} {next}`: write `{right} {next}`", article.text),
    )
    .with_help(format!("`{right}` before a word that starts with a {sound} sound"));
    f.fix = Some(Fix::safe(article.span, right));
    f
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let words = &input.page.words;
    let mut findings = Vec::new();
    for (i, article) in words.iter().enumerate() {
        // A number is no word of the page: read it after the article ("a 80", "a [8](…)").
        if let Some((number, vowel)) = number_after(&input.page.text, article) {
            if (article.text == "an") != vowel {
                findings.push(finding(article, number, vowel));
            }
            continue;
        }
        let Some(next) = words.get(i + 1) else {
            continue;
        };
        let is_an = match article.text.as_str() {
            "a" => false,
            "an" => true,
            _ => continue,
        };
        if !next.follows_space
            || next.kind != Kind::Word
            || next.quoted
            || next.compound.is_some() && next.before_hyphen && next.text.len() <= 2
            || NOT_NOUNS.contains(&next.text.as_str())
        {
            continue;
        }
        // A capitalised common word ("an Senior Engineer", "a Individual Growth Plan") is
        // judged in lower case; a name is not ("an Uber", "a Unix"): its first sound varies,
        // and "an Twilio" is more likely "and Twilio" than "a Twilio".
        let lower = match title_case(&next.text) {
            Some(lower) if crate::spelling::is_common(&lower) => lower,
            Some(_) => continue,
            None => next.text.clone(),
        };
        let Some(vowel) = vowel_sound(&lower) else {
            continue;
        };
        if vowel == is_an {
            continue;
        }
        findings.push(finding(article, &next.text, vowel));
    }
    findings
}

//! `grammar/its`: "it's" (it is) before a noun, where the possessive "its" is meant.

use crate::document::words::Kind;
use crate::rules::{Check, Context, Finding, Fix, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags "it's" followed by a noun: "it's own", "it's value", "it's applicability". A word
    /// counts as a noun when it is one of a few that follow a possessive and never "it is"
    /// (`own`, `value`, `members`, `customers`, `mission`, …) or ends as only nouns do (`-ability`,
    /// `-ment`, `-ness`, `-ship`, `-ance`, `-ence`, `-tion`, `-sion`). "It's important", "it's
    /// fine", "it's articulated" and "it's a" are left alone.
    ///
    /// ## Why is this bad?
    /// "It's" is "it is": "it's value" reads "it is value". The possessive has no apostrophe.
    ///
    /// ## Example
    /// ```markdown
    /// The team measures the product by it's value to customers.
    /// ```
    /// Use instead:
    /// ```markdown
    /// The team measures the product by its value to customers.
    /// ```
    ///
    /// ## Fix
    /// Safe: `it's` becomes `its` (in its own case).
    ITS { id: "grammar/its", severity: Warning, fix: Always(Safe), check: Check::Code(check) }
}

/// Nouns that follow a possessive and never "it is".
const NOUNS: &[&str] = &[
    "own", "value", "values", "members", "customers", "users", "mission", "goals", "purpose",
    "scope", "impact", "size", "name", "team", "teams", "roadmap", "strategy", "stakeholders",
];

/// Endings only nouns have (among words that follow "it's").
const NOUN_ENDINGS: &[&str] = &[
    "ability", "ibility", "ment", "ments", "ness", "ship", "ance", "ence", "tion", "tions",
    "sion", "sions",
];

fn is_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    NOUNS.contains(&lower.as_str())
        || (lower.len() > 6 && NOUN_ENDINGS.iter().any(|e| lower.ends_with(e)))
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let words = &input.page.words;
    let mut findings = Vec::new();
    for pair in words.windows(2) {
        let (its, next) = (&pair[0], &pair[1]);
        let right = match its.text.as_str() {
            "it's" => "its",
            "It's" => "Its",
            _ => continue,
        };
        if !next.follows_space || next.kind != Kind::Word || next.quoted || !is_noun(&next.text) {
            continue;
        }
        let mut f = Finding::new(
            &ITS,
            its.span,
            format!("`{} {}`: write `{right} {}`", its.text, next.text, next.text),
        )
        .with_help("`its` is the possessive; `it's` is `it is`");
        f.fix = Some(Fix::safe(its.span, right));
        findings.push(f);
    }
    findings
}

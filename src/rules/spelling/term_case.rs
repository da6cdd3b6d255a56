//! `spelling/term-case`: a known product or term written in the wrong case.

use super::{judged, replace_word};
use crate::document::words::{Kind, Word};
use crate::document::{Page, Span};
use crate::rules::{Check, Context, Finding, Fix, Input, declare_rule};
use std::sync::LazyLock;
use crate::spelling::Verdict;

declare_rule! {
    /// ## What it does
    /// Flags a term with one right spelling written in another case: `Gitlab` or `gitlab` for
    /// `GitLab`, `Github`, `Devops`, `Javascript`, `Postgresql`. The terms are those of the
    /// built-in vocabulary and of your word lists that have a capital letter. A word that is
    /// also ordinary English in that case (`slack`, `go`) is never flagged, and neither are
    /// URLs, code or ALL-CAPS text. All lower case is only flagged when the term has a capital
    /// inside (`gitlab`, `devops`): `jenkins` or `splunk` is often the command or package, and
    /// so is a lower-case part of a compound (`gitlab-org`).
    ///
    /// A product name of several words (`Google Sheets`, `Power BI`) is flagged when its first
    /// word is written right and a later one in another case (`Google sheets`), or, after a
    /// brand (Google, Microsoft), in any case (`google sheets`).
    ///
    /// So is a product name written in a form the product never used: `GSuite` or `G-Suite`
    /// for `G Suite`, `VueJS` for `Vue.js` (`data/words/miswritten.txt`).
    ///
    /// A term that ends in capitals is also flagged when it is split before them: `circle CI`
    /// or `Circle CI` for `CircleCI`, `Graph QL` for `GraphQL`, `Open API` inside a sentence for
    /// `OpenAPI`. Other splits are left alone: "we work" and "in Design reviews" are English,
    /// not WeWork or InDesign, and so are "an open API", "my SQL skills" and "core DNS".
    ///
    /// ## Why is this bad?
    /// Product and company names are part of the company's voice; the handbook is public and
    /// candidates notice. "Gitlab" on GitLab's own job page looks careless.
    ///
    /// ## Example
    /// ```markdown
    /// Experience with Github Actions, Javascript and Kubernetes.
    /// ```
    /// Use instead:
    /// ```markdown
    /// Experience with GitHub Actions, JavaScript and Kubernetes.
    /// ```
    ///
    /// ## Fix
    /// Always: the word is replaced by the term's spelling, keeping a possessive or plural.
    TERM_CASE { id: "spelling/term-case", severity: Error, fix: Always(Safe), check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let mut findings = split_terms(page);
    findings.extend(phrases(page));
    findings.extend(miswritten(page));
    findings.extend(judged(input)
        .filter_map(|(word, verdict)| {
            let Verdict::WrongCase(term) = verdict else {
                return None;
            };
            let mut finding = Finding::new(
                &TERM_CASE,
                word.span,
                format!("`{}` is written `{term}`", word.text),
            )
            .with_help(format!("write `{term}`"));
            finding.fix = Some(replace_word(page, word, term));
            Some(finding)
        }));
    findings.sort_by_key(|f| f.span.start);
    findings
}

/// Product names written in a form the product never used (`GSuite`, `VueJS`), found in the
/// prose as whole words.
fn miswritten(page: &Page) -> Vec<Finding> {
    let mut out = Vec::new();
    let entries: Vec<(&str, &str)> = crate::spelling::MISWRITTEN
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .collect();
    for &prose in &page.prose {
        let text = page.slice(prose);
        for &(wrong, right) in &entries {
            for (at, _) in text.match_indices(wrong) {
                let end = at + wrong.len();
                let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
                if word_char(text[..at].chars().next_back())
                    || word_char(text[end..].chars().next())
                {
                    continue;
                }
                let span = Span {
                    start: prose.start + at,
                    end: prose.start + end,
                };
                let mut f = Finding::new(&TERM_CASE, span, format!("`{wrong}` is written `{right}`"))
                    .with_help(format!("write `{right}`"));
                f.fix = Some(Fix::safe(span, right));
                out.push(f);
            }
        }
    }
    out
}

/// Brands whose name starts a product name and is no English word: "google sheets" is the
/// product in any case.
const BRANDS: &[&str] = &["Google", "Microsoft"];

/// The product names of several words: first word, name, words.
static PHRASES_BY_FIRST: LazyLock<Vec<(&str, &str, Vec<&str>)>> = LazyLock::new(|| {
    crate::spelling::PHRASES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|phrase| {
            let parts: Vec<&str> = phrase.split(' ').collect();
            (parts[0], phrase, parts)
        })
        .collect()
});

/// Product names of several words written with the first word right and a later one in
/// another case: `Google sheets` for `Google Sheets`.
fn phrases(page: &Page) -> Vec<Finding> {
    let mut out = Vec::new();
    let words = &page.words;
    for (i, first) in words.iter().enumerate() {
        let candidates = PHRASES_BY_FIRST
            .iter()
            .filter(|(lead, _, _)| lead.eq_ignore_ascii_case(&first.text));
        for (_, phrase, parts) in candidates {
            let phrase = *phrase;
            // The first word as the name writes it, or a brand's in any case ("google docs").
            let first_ok = parts[0] == first.text
                || (BRANDS.contains(&parts[0]) && parts[0].eq_ignore_ascii_case(&first.text));
            if !first_ok || i + parts.len() > words.len() {
                continue;
            }
            let run = &words[i..i + parts.len()];
            // One space between the words, each the phrase's word in some case.
            let together = run.windows(2).all(|w| {
                w[1].follows_space && page.text.get(w[0].span.end..w[1].span.start) == Some(" ")
            });
            let same_words = run
                .iter()
                .zip(parts.iter())
                .all(|(w, p)| w.text.eq_ignore_ascii_case(p));
            let right = run.iter().zip(parts.iter()).all(|(w, p)| w.text == *p);
            if !together || !same_words || right {
                continue;
            }
            let span = Span {
                start: first.span.start,
                end: run[run.len() - 1].span.end,
            };
            let written = page.slice(span);
            let mut f = Finding::new(&TERM_CASE, span, format!("`{written}` is written `{phrase}`"))
                .with_help(format!("write `{phrase}`"));
            f.fix = Some(Fix::safe(span, phrase));
            out.push(f);
        }
    }
    out
}

/// Words that modify capitals in ordinary English ("an open API", "core DNS services"): in
/// lower case before the capitals that end a term, they are not the term split in two.
const MODIFIERS: &[&str] = &[
    "active", "big", "cloud", "core", "document", "fast", "gen", "key", "my", "new", "no", "open",
    "rapid", "strong", "swift", "test", "type", "web", "work",
];

/// Terms with a capital inside written as two words split at that capital: `circle CI`.
fn split_terms(page: &Page) -> Vec<Finding> {
    let vocabulary = crate::spelling::builtin().vocabulary();
    let mut out = Vec::new();
    for pair in page.words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let plain = |w: &Word| w.kind != Kind::Digits && !w.quoted && w.compound.is_none();
        if b.kind != Kind::Acronym
            || !plain(a)
            || !plain(b)
            || !b.follows_space
            || page.text.get(a.span.end..b.span.start) != Some(" ")
        {
            continue;
        }
        let joined = format!("{}{}", a.text, b.text);
        let Some(term) = vocabulary.term_spelt(&joined.to_lowercase()) else {
            continue;
        };
        // Split where the term has its inner capital, before a part in capitals written as the
        // term writes it (`CI`, `SQL`): "we work" or "in Design reviews" are English, not
        // WeWork or InDesign.
        let at = a.text.len();
        if b.kind != Kind::Acronym
            || b.text.len() < 2
            || !term.is_char_boundary(at)
            || term[at..] != b.text
        {
            continue;
        }
        // "an open API", "a fast API", "no SQL": English when the first part modifies the
        // capitals; a capital inside a sentence ("with Open API standards") makes it a name.
        let lower = a.text.to_lowercase();
        let capitalised = a.text != lower;
        let name = if capitalised {
            a.mid_sentence || !crate::spelling::is_common(&lower)
        } else {
            !MODIFIERS.contains(&lower.as_str())
        };
        if !name {
            continue;
        }
        let span = Span {
            start: a.span.start,
            end: b.span.end,
        };
        let written = page.slice(span);
        let mut finding = Finding::new(&TERM_CASE, span, format!("`{written}` is written `{term}`"))
            .with_help(format!("write `{term}`, one word"));
        finding.fix = Some(Fix::safe(span, term));
        out.push(finding);
    }
    out
}

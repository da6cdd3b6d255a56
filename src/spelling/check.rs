//! The spelling step of the pipeline: judges every word of a page before the rules run.
//!
//! Like [`crate::site::Site::resolve`], this step may read files the page did not name: the
//! `.jobfam-words.txt` word lists in the page's folder and the folders above it, each read once
//! per run. The spelling rules then only read the verdicts.

use super::{Locale, Speller, Suggestion, Verdict, Vocabulary, builtin};
use crate::document::Page;
use crate::document::words::{Kind, Word};
use crate::source::Source;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Words shorter than this have too many neighbours for a slip to say which word was meant;
/// they are never called misspelt.
pub const MIN_LETTERS: usize = 4;

/// Longer words are not English words one slip away from a known one (and the search for a
/// correction grows with the square of the length).
pub const MAX_LETTERS: usize = 40;

/// The name of the word list read beside pages.
pub const WORDS_FILE: &str = ".jobfam-words.txt";

/// Prefixes written with a hyphen that are not words on their own (`pre-sales`, `co-founder`).
const PREFIXES: &[&str] = &[
    "anti", "bi", "co", "cross", "de", "e", "inter", "intra", "mid", "multi", "non", "post", "pre",
    "re", "semi", "sub", "tri", "un",
];

/// A word list that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the word list {}: {reason}", path.display())]
pub struct WordsError {
    /// The list.
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

/// Spelling settings and caches for one run.
#[derive(Debug)]
pub struct SpellCheck {
    /// Which English.
    pub locale: Locale,
    /// Words from `--words` files (and, later, the config file).
    pub words: Vocabulary,
    /// `.jobfam-words.txt` by folder, `None` where there is none.
    beside: Mutex<HashMap<PathBuf, Option<Arc<Vocabulary>>>>,
    /// Verdicts already reached in this run, one table per worker thread (so no thread waits
    /// for another), keyed by which user word lists applied and then by the word.
    memo: Vec<Mutex<Memo>>,
    /// The verdicts on unknown words, shared by all threads.
    unknown: Mutex<Memo>,
}

/// Verdicts by user-list key and word.
type Memo = HashMap<usize, HashMap<Box<str>, Verdict>>;

impl SpellCheck {
    /// Settings with these user words.
    pub fn new(locale: Locale, words: Vocabulary) -> SpellCheck {
        SpellCheck {
            locale,
            words,
            beside: Mutex::default(),
            memo: (0..=rayon::current_num_threads())
                .map(|_| Mutex::default())
                .collect(),
            unknown: Mutex::default(),
        }
    }

    /// Judges the words of `page` (at `path`) and stores every verdict but `Known` in
    /// [`Page::spelling`].
    pub fn judge(&self, page: &Page, path: &Path) -> Result<Vec<(usize, Verdict)>, WordsError> {
        let beside = self.beside(path)?;
        let mut lists: Vec<&Vocabulary> = vec![&self.words];
        lists.extend(beside.iter().map(|v| v.as_ref()));
        // The memo is only valid for one set of user lists: key it by which lists these are.
        let key = beside.iter().fold(0usize, |h, v| {
            h.wrapping_mul(31).wrapping_add(Arc::as_ptr(v) as usize)
        });
        let speller = Speller::new(builtin(), self.locale, &lists);
        let mut verdicts = Vec::new();
        for (i, word) in page.words.iter().enumerate() {
            if !judged(word) {
                continue;
            }
            let verdict = match self.memoized(&speller, word, key) {
                // An acronym written as a name (`Sox` for SOX) is a name after another name or
                // inside a compound: "Red Sox", "Seo-yeon".
                Verdict::WrongCase(term)
                    if is_acronym(&term)
                        && !is_acronym(&word.text)
                        && (word.compound.is_some() || follows_a_name(page, i)) =>
                {
                    Verdict::Known
                }
                // A lower-case part of a compound is an identifier: `gitlab-org`, `gitlab-runner`.
                // But not after a prefix: `non-gaap` is prose.
                Verdict::WrongCase(_)
                    if word
                        .compound
                        .as_deref()
                        .is_some_and(|c| !after_prefix(c, &word.text))
                        && !word.text.contains(char::is_uppercase) =>
                {
                    Verdict::Known
                }
                Verdict::Unknown(s) if looks_like_a_name(word, &s) => Verdict::Known,
                // A lower-case term in running prose is a name written small ("we deploy with
                // kubernetes"), not the command it is beside a `/`, `.` or `-`; so is one after
                // a prefix ("non-gaap").
                Verdict::Known
                    if in_running_prose(page, word)
                        || word.compound.as_deref().is_some_and(|c| {
                            word.mid_sentence
                                && !word.quoted
                                && !word.text.contains(char::is_uppercase)
                                && after_prefix(c, &word.text)
                        }) =>
                {
                    speller
                        .term_for(&word.text)
                        .or_else(|| product_by_context(page, i))
                        .map_or(Verdict::Known, Verdict::WrongCase)
                }
                v => v,
            };
            if verdict != Verdict::Known {
                verdicts.push((i, verdict));
            }
        }
        Ok(verdicts)
    }

    fn memoized(&self, speller: &Speller<'_>, word: &Word, key: usize) -> Verdict {
        let table = rayon::current_thread_index()
            .and_then(|i| self.memo.get(i))
            .or(self.memo.last());
        let Some(Ok(mut memo)) = table.map(|m| m.lock()) else {
            return self.judge_word(speller, word);
        };
        let memo = memo.entry(key).or_default();
        if let Some(v) = memo.get(word.text.as_str()) {
            return v.clone();
        }
        // Unknown words are the costly ones: another thread may have judged this one already.
        let shared = self
            .unknown
            .lock()
            .ok()
            .and_then(|m| m.get(&key)?.get(word.text.as_str()).cloned());
        let verdict = shared.unwrap_or_else(|| {
            let v = self.judge_word(speller, word);
            if matches!(v, Verdict::Unknown(_)) {
                if let Ok(mut m) = self.unknown.lock() {
                    m.entry(key)
                        .or_default()
                        .insert(word.text.as_str().into(), v.clone());
                }
            }
            v
        });
        memo.insert(word.text.as_str().into(), verdict.clone());
        verdict
    }

    fn judge_word(&self, speller: &Speller<'_>, word: &Word) -> Verdict {
        // CamelCase is a name or code unless it is a known term in the wrong case, an English
        // word with a capital typed inside it (`ExperIence`) or one slip from a CamelCase
        // term (`FloQuast`), and a word
        // too short to tell its typos from other words is not corrected: no suggestions.
        // Letters outside ASCII (`Sofía`, `Zürich`) mark a name or a foreign word: a typist's
        // slip does not add an accent.
        let letters = word.text.chars().count();
        let suggest = word.kind != Kind::Camel
            && (MIN_LETTERS..=MAX_LETTERS).contains(&letters)
            && word.text.is_ascii();
        match speller.judge_with(&word.text, suggest) {
            Verdict::Unknown(_) if word.kind == Kind::Camel => {
                let stray = speller.stray_capital(&word.text).map(|fixed| Suggestion {
                    word: fixed,
                    cost: 0,
                    common: true,
                });
                stray
                    .or_else(|| speller.camel_typo(&word.text))
                    .map_or(Verdict::Known, |s| Verdict::Unknown(vec![s]))
            }
            v => v,
        }
    }

    /// The word lists in the page's folder and the folders above it, nearest first.
    fn beside(&self, path: &Path) -> Result<Vec<Arc<Vocabulary>>, WordsError> {
        let absolute = crate::paths::absolute(path);
        let mut out = Vec::new();
        for dir in absolute.ancestors().skip(1) {
            if let Some(v) = self.list_in(dir)? {
                out.push(v);
            }
        }
        Ok(out)
    }

    fn list_in(&self, dir: &Path) -> Result<Option<Arc<Vocabulary>>, WordsError> {
        if let Some(found) = self.beside.lock().ok().and_then(|m| m.get(dir).cloned()) {
            return Ok(found);
        }
        let file = dir.join(WORDS_FILE);
        // Anything by that name is read (and a named pipe or a device is refused), so a word
        // list that is not a file is reported rather than passed over.
        let list = if std::fs::symlink_metadata(&file).is_ok() {
            Some(Arc::new(read_list(&file)?))
        } else {
            None
        };
        if let Ok(mut m) = self.beside.lock() {
            m.insert(dir.to_path_buf(), list.clone());
        }
        Ok(list)
    }
}

/// Reads a word list file.
pub fn read_list(path: &Path) -> Result<Vocabulary, WordsError> {
    Source::read(path)
        .map(|s| Vocabulary::parse(&s.text))
        .map_err(|e| WordsError {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })
}

/// Whether an unknown capitalised word is more likely a name than a typo: every correction is
/// itself a name (`Kaela`: Karla), or, inside a sentence, the word is short and no dropped
/// letter, swapped pair or doubled letter explains it (`Marek`: Mark, `Kwame`: Kame). Typos in
/// headings, titles and at the start of a sentence are still reported.
fn looks_like_a_name(word: &Word, suggestions: &[Suggestion]) -> bool {
    if !word.text.starts_with(char::is_uppercase) || suggestions.is_empty() {
        return false;
    }
    let all_names = suggestions.iter().all(|s| is_proper_noun(&s.word));
    // Two slips from a common word is what a name is as often as a typo (`Impartner`:
    // Importer, `Sarbanes`: Sardines): inside a sentence, a capitalised word is not corrected
    // that far.
    let unexplained = word.mid_sentence
        && (word.text.chars().count() < 8 && suggestions.iter().all(|s| s.cost >= 2)
            || suggestions
                .iter()
                .all(|s| s.cost >= super::suggest::TWO_SLIPS));
    all_names || unexplained
}

/// Whether the dictionary knows `word` only capitalised: a name such as `Brian` or `Maria`
/// (not a term of the vocabulary such as `Zuora`).
fn is_proper_noun(word: &str) -> bool {
    use super::dictionary::check;
    word.starts_with(char::is_uppercase)
        && !builtin().vocabulary.knows(word)
        && check(word)
        && !check(&word.to_lowercase())
}

/// Whether a word is worth judging at all.
/// Whether a lower-case word sits in running prose: inside a sentence, not part of a compound
/// or a quotation, with no `/`, `.`, `-`, `_`, `@`, `:` or `#` touching it (a path, a file name,
/// `org/repo`, a package).
fn in_running_prose(page: &Page, word: &Word) -> bool {
    let text = &page.text;
    let before = text[..word.span.start].chars().next_back();
    let after = text[word.span.end..].chars().next();
    let touches =
        |c: Option<char>| c.is_some_and(|c| "/.-_@:#`'\"=".contains(c) || c.is_alphanumeric());
    word.kind == Kind::Word
        && word.mid_sentence
        && word.compound.is_none()
        && !word.quoted
        && !word.text.contains(char::is_uppercase)
        && !touches(before)
        // A full stop that ends the sentence is not a file name's dot.
        && !touches(after.filter(|&c| {
            let rest = &text[word.span.end + c.len_utf8()..];
            !(c == '.' && (rest.is_empty() || rest.starts_with([' ', '\n', '\r'])))
        }))
}

/// Products whose name is an English verb, spelt as the product.
const VERB_NAMES: &[&str] = &["Excel"];

/// The product the lower-case `i`th word names when the words around it use it as a noun:
/// "with excel and Google Sheets", "use excel for", "proficient in excel"; not the verb in
/// "excel in", "to excel at".
fn product_by_context(page: &Page, i: usize) -> Option<String> {
    let word = &page.words[i];
    let name = VERB_NAMES
        .iter()
        .find(|n| n.eq_ignore_ascii_case(&word.text))?;
    let before = page.words[..i].last().filter(|_| word.follows_space)?;
    let after = page.words.get(i + 1).filter(|w| w.follows_space);
    let object = [
        "with",
        "use",
        "using",
        "of",
        "in",
        "like",
        "including",
        "and",
        "or",
        "via",
        "from",
        "into",
    ]
    .contains(&before.text.as_str());
    let verb = after.is_some_and(|w| {
        ["in", "at", "within", "by", "through", "as", "when", "on"].contains(&w.text.as_str())
    });
    (object && !verb).then(|| name.to_string())
}

/// Whether `word` is in capitals (`SOX`, `SOX's`).
fn is_acronym(word: &str) -> bool {
    let base = word.strip_suffix("'s").unwrap_or(word);
    base.len() >= 2 && base.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether the word before the `i`th word of the page, in the same sentence, is capitalised.
fn follows_a_name(page: &Page, i: usize) -> bool {
    let word = &page.words[i];
    word.mid_sentence
        && i > 0
        && word.follows_space
        && page.words[i - 1].text.starts_with(char::is_uppercase)
}

/// Whether `compound` is `word` after prefixes written with a hyphen (`non-gaap`).
fn after_prefix(compound: &str, word: &str) -> bool {
    compound.strip_suffix(word).is_some_and(|head| {
        head.strip_suffix('-').is_some_and(|head| {
            head.split('-')
                .all(|p| PREFIXES.contains(&p.to_lowercase().as_str()))
        })
    })
}

fn judged(word: &Word) -> bool {
    if word.text.len() > 4 * MAX_LETTERS {
        return false;
    }
    match word.kind {
        Kind::Acronym | Kind::Digits => return false,
        Kind::Word | Kind::Camel => {}
    }
    let capitalised = word.text.chars().next().is_some_and(char::is_uppercase);
    // A capitalised word in a short quotation is a name: “Phoenix”.
    if word.quoted && capitalised {
        return false;
    }
    if word.before_hyphen && PREFIXES.contains(&word.text.to_lowercase().as_str()) {
        return false;
    }
    // A compound the dictionary knows whole (`e-mail`, `co-op`).
    !word
        .compound
        .as_deref()
        .is_some_and(super::dictionary::check)
}

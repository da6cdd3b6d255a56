//! Splits a page's prose into words, each with its exact place in the source.
//!
//! Prose is what a reader sees: paragraphs, headings, list items, table cells, link text and
//! the front matter `title` and `description`. Code spans, HTML, ERB tags, shortcodes and link
//! targets never reach this module (the parser leaves them out of [`Block::text`]). Here, whole
//! white-space-separated chunks that are not words are dropped as well: URLs, e-mail addresses,
//! handles, channels, file names, domains and anything that looks like code.

use super::{Block, FrontMatter, Span};
use serde_json::Value;

/// One word of prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word as written, curly apostrophes made straight.
    pub text: String,
    /// Where it is in the source.
    pub span: Span,
    /// What sort of token it is.
    pub kind: Kind,
    /// Whether only white space separates it from the previous word of the same block, in the
    /// rendered text, with no HTML or code span between them in the source.
    pub follows_space: bool,
    /// The whole hyphenated compound this word is a part of (`cross-functional`), if any:
    /// shared by the compound's parts.
    pub compound: Option<std::sync::Arc<str>>,
    /// Whether a hyphen follows the word inside its compound (`pre` in `pre-sales`).
    pub before_hyphen: bool,
    /// Whether the word sits inside a short quotation ("Project “Phoenix”").
    pub quoted: bool,
    /// Whether the word is inside a sentence of running text: not its first word, and not in a
    /// heading or the title, where every word is capitalised.
    pub mid_sentence: bool,
}

/// The sort of token a word is; only [`Kind::Word`] is spell-checked letter by letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters, lower case or capitalised: `hiring`, `Senior`.
    Word,
    /// All capitals, perhaps with a plural: `API`, `OKRs`, `SDR's`.
    Acronym,
    /// A capital after the first letter: `GitLab`, `iOS`.
    Camel,
    /// Letters and digits: `K8s`, `S3`, `2FA`.
    Digits,
}

/// Every word of the page's prose, in document order (front matter first).
///
/// `template` holds the spans of template code (ERB, shortcodes), sorted: no word is placed
/// inside one, since the renderer replaces them.
pub fn words(
    text: &str,
    front_matter: Option<&FrontMatter>,
    blocks: &[Block],
    template: &[Span],
) -> Vec<Word> {
    let mut out = Vec::new();
    if let Some(fm) = front_matter {
        for key in ["title", "description"] {
            let Some(Value::String(value)) = fm.value.get(key) else {
                continue;
            };
            let Some(region) = value_region(fm, key) else {
                continue;
            };
            let mut cursor = region.start;
            tokenize(value, key == "title", &mut out, |word, _| {
                let found = find_word(text.get(cursor..region.end)?, word)? + cursor;
                cursor = found + word.len();
                Some(Span::new(found, cursor))
            });
        }
    }
    for block in blocks {
        let mut locator = Locator::new(text, block, template);
        let first = out.len();
        tokenize(&block.text, block.is_heading, &mut out, |word, start| {
            locator.locate(word, start)
        });
        // HTML (`<br>`) or a code span between two words parts them, though neither shows in
        // the rendered text; emphasis and link brackets do not (`**the** the` reads "the the").
        for i in first + 1..out.len() {
            let gap = text.get(out[i - 1].span.end..out[i].span.start);
            out[i].follows_space &= gap.is_some_and(|g| !g.contains(['<', '`']));
        }
    }
    out
}

/// The first place `word` stands whole in `hay`: not inside a longer word or a handle.
fn find_word(hay: &str, word: &str) -> Option<usize> {
    let joins = |c: char| c.is_alphanumeric() || matches!(c, '_' | '@' | '-' | '\'' | '’');
    hay.match_indices(word).map(|(i, _)| i).find(|&i| {
        !hay[..i].chars().next_back().is_some_and(joins)
            && !hay[i + word.len()..].chars().next().is_some_and(joins)
    })
}

/// From after `key:` to the next top-level key (or the end of the front matter).
fn value_region(fm: &FrontMatter, key: &str) -> Option<Span> {
    let line = fm.key_span(key)?;
    let next = fm
        .keys
        .iter()
        .map(|(_, s)| s.start)
        .filter(|&s| s > line.start)
        .min()
        .unwrap_or(fm.span.end);
    Some(Span::new(line.start + key.len() + 1, next.max(line.start)))
}

/// Finds the source span of each word of a block, in order, in time linear in the block.
///
/// Within one text piece the source differs from the rendered text only by escapes and
/// entities: where the piece is verbatim a word's offset carries over; elsewhere the word is
/// the next occurrence of itself in the piece's source.
struct Locator<'a> {
    text: &'a str,
    block: &'a Block,
    /// Template code, sorted: never a word's place.
    template: &'a [Span],
    /// The piece the last word was in, and where in its source the search goes on.
    piece: usize,
    source_cursor: usize,
    /// Whether that piece's source is its rendered text (a prefix of the other), decided once
    /// per piece: comparing the whole piece again for every word is quadratic in a long one.
    verbatim: bool,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str, block: &'a Block, template: &'a [Span]) -> Locator<'a> {
        Locator {
            text,
            block,
            template,
            piece: usize::MAX,
            source_cursor: 0,
            verbatim: false,
        }
    }

    /// The source span of `word`, found at `start` in the block's text.
    fn locate(&mut self, word: &str, start: usize) -> Option<Span> {
        let pieces = &self.block.pieces;
        // Pieces are in text order: the last one starting at or before `start`.
        let i = pieces
            .partition_point(|(p, _)| *p <= start)
            .checked_sub(1)?;
        let (piece_start, src) = pieces[i];
        let piece_end = pieces.get(i + 1).map_or(self.block.text.len(), |(p, _)| *p);
        // A word split by markup (`**Respon**sibilities`) spans two pieces.
        if start + word.len() > piece_end {
            return None;
        }
        if i != self.piece {
            self.piece = i;
            self.source_cursor = src.start;
            let rendered = self.block.text.get(piece_start..piece_end).unwrap_or("");
            let source = self.text.get(src.start..src.end).unwrap_or("");
            self.verbatim = rendered.starts_with(source) || source.starts_with(rendered);
        }
        if self.verbatim {
            let at = src.start + (start - piece_start);
            let span = Span::new(at, at + word.len());
            self.source_cursor = span.end;
            return (self.text.get(span.start..span.end) == Some(word)).then_some(span);
        }
        // Escapes and entities only lengthen the source a little: a word is looked for within
        // a window, so a word the source spells otherwise (`caf&eacute;`) costs no scan of the
        // rest of the piece, and a piece of many such words stays linear.
        let window = (self.source_cursor + 16 * word.len() + 256).min(src.end);
        let window = crate::line_index::floor_char_boundary(self.text, window);
        // The word whole (not the `a` of `partial`), outside template code, which the
        // renderer replaces: a piece holding `<%= partial("x") %> a` renders as " a".
        let hay = self.text.get(self.source_cursor..window)?;
        let joins = |c: char| c.is_alphanumeric() || matches!(c, '_' | '@' | '-' | '\'' | '’');
        let at = hay.match_indices(word).map(|(i, _)| i).find(|&i| {
            let abs = self.source_cursor + i;
            let in_template = {
                let k = self.template.partition_point(|c| c.end <= abs);
                self.template.get(k).is_some_and(|c| c.start <= abs)
            };
            !in_template
                && !hay[..i].chars().next_back().is_some_and(joins)
                && !hay[i + word.len()..].chars().next().is_some_and(joins)
        })? + self.source_cursor;
        self.source_cursor = at + word.len();
        Some(Span::new(at, self.source_cursor))
    }
}

const QUOTES_OPEN: &[char] = &['"', '“', '‘', '\''];
const QUOTES_CLOSE: &[char] = &['"', '”', '’', '\''];

/// Splits `text` into words, placing each with `place(word, offset in text)`.
fn tokenize(
    text: &str,
    title_like: bool,
    out: &mut Vec<Word>,
    mut place: impl FnMut(&str, usize) -> Option<Span>,
) {
    let mut previous_end: Option<usize> = None;
    // The end of the last word seen, placed or not, for sentence boundaries.
    let mut last_end: Option<usize> = None;
    let mut quote_left = 0usize;
    for (chunk_start, chunk) in chunks(text) {
        let opens = chunk.starts_with(QUOTES_OPEN);
        if opens {
            quote_left = 4;
        }
        let closes = chunk
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')'])
            .ends_with(QUOTES_CLOSE)
            && (!opens || chunk.chars().count() > 1);
        if is_not_prose(chunk) {
            if closes {
                quote_left = 0;
            }
            continue;
        }
        let quoted = quote_left > 0;
        runs(chunk, |run_start, run| {
            let run_start = chunk_start + run_start;
            let hyphenated = run.contains('-');
            let compound: Option<std::sync::Arc<str>> = hyphenated.then(|| normalize(run).into());
            let mut offset = 0;
            for part in run.split('-') {
                let part_offset = offset;
                offset += part.len() + 1;
                if part.is_empty() {
                    continue;
                }
                let start = run_start + part_offset;
                let end = start + part.len();
                let follows_space =
                    previous_end.is_some_and(|p| text[p..start].chars().all(char::is_whitespace));
                let mid_sentence = !title_like
                    && last_end.is_some_and(|p| !text[p..start].contains(['.', '!', '?', ':']));
                previous_end = Some(end);
                last_end = Some(end);
                let Some(span) = place(part, start) else {
                    previous_end = None;
                    continue;
                };
                out.push(Word {
                    text: normalize(part),
                    span,
                    kind: kind(part),
                    follows_space,
                    compound: compound.clone(),
                    before_hyphen: text[end..].starts_with('-'),
                    quoted,
                    mid_sentence,
                });
            }
        });
        quote_left = quote_left.saturating_sub(1);
        if closes {
            quote_left = 0;
        }
    }
}

/// White-space-separated chunks and their offsets.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .scan(0usize, |at, chunk| {
            let start = *at;
            *at += chunk.len()
                + text[start + chunk.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            Some((start, chunk))
        })
        .filter(|(_, c)| !c.is_empty())
}

/// Whether a chunk is a URL, address, handle, path, file name or code rather than words.
fn is_not_prose(chunk: &str) -> bool {
    if chunk.contains("://") || chunk.starts_with("www.") {
        return true;
    }
    if chunk.starts_with(['#', '/', '~', '$', '.'])
        || chunk.contains(['@', '\\', '_', '=', '<', '>', '{', '}', '|', '`', '*', '^'])
    {
        return true;
    }
    // A path (`gitlab-com/www-gitlab-com`), unlike words joined by a slash (`and/or`).
    if chunk.contains('/')
        && chunk
            .trim_matches(|c: char| !c.is_alphanumeric())
            .split('/')
            .any(|part| {
                !part
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’'))
            })
    {
        return true;
    }
    // A dot between two word characters: a domain, a file name, `e.g.`, `Node.js`.
    let b = chunk.as_bytes();
    (1..b.len().saturating_sub(1)).any(|i| {
        b[i] == b'.' && b[i - 1].is_ascii_alphanumeric() && b[i + 1].is_ascii_alphanumeric()
    })
}

/// Runs of letters, digits, apostrophes and hyphens, trimmed of apostrophes and hyphens.
/// Calls `each` with every run of word characters in `chunk` that holds a letter (its offset
/// and text, without apostrophes or hyphens at its ends).
fn runs<'c>(chunk: &'c str, mut each: impl FnMut(usize, &'c str)) {
    let is_word = |c: char| {
        c.is_alphanumeric()
            || matches!(
                c,
                '\'' | '’' | '-' | '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}'
            )
            || ('\u{300}'..='\u{36f}').contains(&c)
    };
    let mut start = None;
    for (i, c) in chunk
        .char_indices()
        .chain(std::iter::once((chunk.len(), ' ')))
    {
        match (start, is_word(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let run = &chunk[s..i];
                let trimmed = run.trim_start_matches(['\'', '’', '-']);
                let lead = run.len() - trimmed.len();
                let trimmed = trimmed.trim_end_matches(['\'', '’', '-']);
                if trimmed.chars().any(char::is_alphabetic) {
                    each(s + lead, trimmed);
                }
                start = None;
            }
            _ => {}
        }
    }
}

fn normalize(word: &str) -> String {
    if word.contains('’') {
        word.replace('’', "'")
    } else {
        word.to_string()
    }
}

/// Classifies a token by its letters.
fn kind(word: &str) -> Kind {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return Kind::Digits;
    }
    let stem = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('s'))
        .filter(|s| s.chars().count() >= 2)
        .unwrap_or(word);
    let letters = || stem.chars().filter(|c| c.is_alphabetic());
    if letters().count() >= 2 && letters().all(char::is_uppercase) {
        return Kind::Acronym;
    }
    if word.chars().skip(1).any(char::is_uppercase) {
        return Kind::Camel;
    }
    Kind::Word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, Kind)> {
        let mut out = Vec::new();
        tokenize(text, false, &mut out, |w, s| {
            Some(Span::new(s, s + w.len()))
        });
        out.into_iter().map(|w| (w.text, w.kind)).collect()
    }

    #[test]
    fn skips_what_is_not_prose() {
        let words: Vec<String> = tokens(
            "See https://x.org/a_b, mail me@x.org, ping @sid in #hiring, read data/team.yml \
             or Node.js, e.g. this; v2 and K8s.",
        )
        .into_iter()
        .filter(|(_, k)| *k == Kind::Word)
        .map(|(w, _)| w)
        .collect();
        assert_eq!(
            words,
            ["See", "mail", "ping", "in", "read", "or", "this", "and"]
        );
    }

    #[test]
    fn kinds_apostrophes_and_compounds() {
        assert_eq!(
            tokens("GitLab’s OKRs API cross-functional don't"),
            [
                ("GitLab's".to_string(), Kind::Camel),
                ("OKRs".into(), Kind::Acronym),
                ("API".into(), Kind::Acronym),
                ("cross".into(), Kind::Word),
                ("functional".into(), Kind::Word),
                ("don't".into(), Kind::Word),
            ]
        );
    }

    #[test]
    fn spaces_and_quotes() {
        let mut out = Vec::new();
        tokenize("the the, “Phoenix” said", false, &mut out, |w, s| {
            Some(Span::new(s, s + w.len()))
        });
        let flags: Vec<(bool, bool)> = out.iter().map(|w| (w.follows_space, w.quoted)).collect();
        assert_eq!(
            flags,
            [(false, false), (true, false), (false, true), (false, false)]
        );
    }
}

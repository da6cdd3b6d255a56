//! The one line model of jobfam, and the conversion of byte offsets into lines and columns.
//!
//! A line ends at `\n`, at `\r\n`, or at a `\r` that no `\n` follows: what CommonMark and comrak
//! count (so a span built from comrak's line and column lands on the right byte), and what the
//! language server protocol counts. Everything that splits a page into lines goes through
//! [`lines`] or [`LineIndex`], so no two parts of the program disagree about where line 7 is.
//!
//! Spans are byte ranges everywhere in jobfam; this is the one place that turns them into
//! positions people (characters) and LSP/SARIF (UTF-16 code units) count in.

/// One line of a text: where it starts, where its content ends and where the next one starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of the line's first byte.
    pub start: usize,
    /// Byte offset just past the content, before the line ending.
    pub content_end: usize,
    /// Byte offset just past the line ending (the next line's start, or the text's end).
    pub end: usize,
}

impl Line {
    /// The line's content, without its line ending.
    pub fn content(self, text: &str) -> &str {
        text.get(self.start..self.content_end).unwrap_or("")
    }
}

/// Every line of `text`, in order. A text ending in a line ending has no empty last line; an
/// empty text has no line.
pub fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let line = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(i) => {
                let content_end = start + i;
                let crlf =
                    bytes[content_end] == b'\r' && bytes.get(content_end + 1) == Some(&b'\n');
                Line {
                    start,
                    content_end,
                    end: content_end + if crlf { 2 } else { 1 },
                }
            }
            None => Line {
                start,
                content_end: bytes.len(),
                end: bytes.len(),
            },
        };
        start = line.end;
        Some(line)
    })
}

/// The byte length of the line ending at the start of `rest`: 2 for `\r\n`, 1 for `\n` or a
/// lone `\r`, 0 for none.
pub fn ending_len(rest: &str) -> usize {
    if rest.starts_with("\r\n") {
        2
    } else if rest.starts_with(['\n', '\r']) {
        1
    } else {
        0
    }
}

/// Start offsets of every line in a text, for binary-search lookups.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Inside lines longer than [`STEP`] bytes: every `STEP` bytes, the offset and how many
    /// characters and UTF-16 units precede it on its line. Made on the first position asked
    /// for in such a line, so a column costs at most `STEP` bytes of counting, however many
    /// findings a 5 MB line has.
    checkpoints: std::sync::OnceLock<Vec<Checkpoint>>,
}

/// Bytes between checkpoints.
const STEP: usize = 256;

#[derive(Clone, Copy, Debug)]
struct Checkpoint {
    offset: usize,
    chars: usize,
    utf16: usize,
}

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in the unit that was asked for.
    pub column: usize,
}

impl LineIndex {
    /// Indexes `text`, with the line model of [`lines`].
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        // A line that ends in a line ending starts another (perhaps empty) line after it.
        starts.extend(lines(text).filter(|l| l.content_end < l.end).map(|l| l.end));
        LineIndex {
            starts,
            checkpoints: std::sync::OnceLock::new(),
        }
    }

    /// How many lines the index knows (a text ending in a line ending counts the empty line
    /// after it).
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the index knows no line (never: an empty text has one empty line).
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset where 0-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// 0-based `line` of `text`, if the text has that line.
    pub fn line(&self, text: &str, line: usize) -> Option<Line> {
        let start = self.line_start(line)?;
        let rest = text.get(start..)?;
        Some(lines(rest).next().map_or(
            Line {
                start,
                content_end: start,
                end: start,
            },
            |l| Line {
                start,
                content_end: start + l.content_end,
                end: start + l.end,
            },
        ))
    }

    /// Line and column in Unicode scalar values (what people and the JSON report count).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        self.position_by(text, offset, false)
    }

    /// Line and column in UTF-16 code units (what LSP and SARIF count).
    pub fn position_utf16(&self, text: &str, offset: usize) -> Position {
        self.position_by(text, offset, true)
    }

    /// The byte offset of 0-based `line` and `column` in UTF-16 code units: the inverse of
    /// [`LineIndex::position_utf16`]. A column past the line's end (its line ending excluded)
    /// clamps to the end; a line past the text's end gives the text's length.
    pub fn offset_utf16(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(line) = self.line(text, line) else {
            return text.len();
        };
        let mut units = 0;
        for (i, c) in line.content(text).char_indices() {
            if units >= column {
                return line.start + i;
            }
            units += c.len_utf16();
        }
        line.content_end
    }

    fn position_by(&self, text: &str, offset: usize, utf16: bool) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        // Count from the line's start, or from the last checkpoint before `offset` on it.
        let (from, before) = if offset - start > STEP {
            let checkpoints = self
                .checkpoints
                .get_or_init(|| checkpoints(text, &self.starts));
            let at = checkpoints.partition_point(|c| c.offset <= offset);
            match at.checked_sub(1).map(|i| checkpoints[i]) {
                Some(c) if c.offset >= start => (c.offset, if utf16 { c.utf16 } else { c.chars }),
                _ => (start, 0),
            }
        } else {
            (start, 0)
        };
        // An offset inside the line ending (between `\r` and `\n`) sits at the content's end.
        let prefix = text.get(from..offset).unwrap_or("").trim_end_matches('\r');
        let width = if utf16 {
            prefix.encode_utf16().count()
        } else {
            prefix.chars().count()
        };
        Position {
            line: line + 1,
            column: before + width + 1,
        }
    }
}

/// The checkpoints of every line of `text` longer than [`STEP`] bytes.
fn checkpoints(text: &str, starts: &[usize]) -> Vec<Checkpoint> {
    let mut out = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        if end - start <= STEP {
            continue;
        }
        let (mut chars, mut utf16, mut next) = (0, 0, start + STEP);
        for (at, c) in text[start..end].char_indices() {
            let at = start + at;
            if at >= next {
                out.push(Checkpoint {
                    offset: at,
                    chars,
                    utf16,
                });
                next = at + STEP;
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
    }
    out
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_and_utf16() {
        let text = "ab\r\né😀x\n";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x), Position { line: 2, column: 3 });
        assert_eq!(idx.position_utf16(text, x), Position { line: 2, column: 4 });
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        // The end of line 1 sits before the \r\n, at column 3.
        assert_eq!(idx.position(text, 3), Position { line: 1, column: 3 });
        assert_eq!(idx.line_start(1), Some(4));
    }

    /// Every line ending, alone and mixed, gives the lines comrak counts.
    #[test]
    fn lf_crlf_lone_cr_and_mixes() {
        let cases: [(&str, &[&str]); 7] = [
            ("a\nb\n", &["a", "b"]),
            ("a\r\nb\r\n", &["a", "b"]),
            ("a\rb\r", &["a", "b"]),
            ("a\r\rb", &["a", "", "b"]),
            ("a\n\rb\r\n\nc", &["a", "", "b", "", "c"]),
            ("a\r\r\nb", &["a", "", "b"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = lines(text).map(|l| l.content(text)).collect();
            assert_eq!(got, expected, "{text:?}");
            let idx = LineIndex::new(text);
            for (n, line) in lines(text).enumerate() {
                assert_eq!(idx.line_start(n), Some(line.start), "{text:?} line {n}");
                assert_eq!(idx.line(text, n), Some(line), "{text:?} line {n}");
                let end = idx.position(text, line.content_end);
                assert_eq!(
                    (end.line, end.column),
                    (n + 1, line.content(text).len() + 1)
                );
            }
        }
    }

    #[test]
    fn a_lone_cr_ends_a_line() {
        let text = "A\r[go](#x)\n\nZZ";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 2), Position { line: 2, column: 1 });
        assert_eq!(
            idx.position(text, text.len()),
            Position { line: 4, column: 3 }
        );
        assert_eq!(idx.offset_utf16(text, 1, 1), 3);
        assert_eq!(idx.offset_utf16(text, 0, 9), 1);
        // At the very end of a text that ends in a line ending: the empty line after it.
        let text = "a\r";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 2), Position { line: 2, column: 1 });
        assert_eq!(idx.offset_utf16(text, 1, 0), 2);
        assert_eq!(idx.offset_utf16(text, 5, 0), 2);
    }

    /// Positions deep inside a long line, with characters of every width, come out as a count
    /// from the line's start would give them.
    #[test]
    fn checkpoints_in_long_lines_agree_with_counting() {
        let line: String = (0..400).map(|i| ["a", "é", "😀", "中"][i % 4]).collect();
        let text = format!("short\n{line}\r\n{line}");
        let idx = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(7) {
            let start = idx.line_start(idx.line_of(offset)).unwrap();
            let prefix = text[start..offset].trim_end_matches('\r');
            let want = (idx.line_of(offset) + 1, prefix.chars().count() + 1);
            let got = idx.position(&text, offset);
            assert_eq!((got.line, got.column), want, "at {offset}");
            let got = idx.position_utf16(&text, offset);
            assert_eq!(got.column, prefix.encode_utf16().count() + 1, "at {offset}");
        }
    }
}

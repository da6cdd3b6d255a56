//! Converts byte offsets into 1-based lines and columns.
//!
//! Spans are byte ranges everywhere in jobfam; this is the one place that turns them into
//! positions people (characters) and LSP/SARIF (UTF-16 code units) count in.

/// Start offsets of every line in a text, for binary-search lookups.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
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
    /// Indexes `text`. A line ends after `\n`; a `\r` before it belongs to no column.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
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

    /// Line and column in Unicode scalar values (what people and the JSON report count).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        self.position_by(text, offset, |s| s.chars().count())
    }

    /// Line and column in UTF-16 code units (what LSP and SARIF count).
    pub fn position_utf16(&self, text: &str, offset: usize) -> Position {
        self.position_by(text, offset, |s| s.encode_utf16().count())
    }

    /// The byte offset of 0-based `line` and `column` in UTF-16 code units: the inverse of
    /// [`LineIndex::position_utf16`]. A column past the line's end (its `\r\n` excluded)
    /// clamps to the end; a line past the text's end gives the text's length.
    pub fn offset_utf16(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(start) = self.line_start(line) else {
            return text.len();
        };
        let rest = text.get(start..).unwrap_or("");
        let line = rest.split_inclusive('\n').next().unwrap_or("");
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= column {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + line.len()
    }

    fn position_by(&self, text: &str, offset: usize, width: impl Fn(&str) -> usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        let prefix = text.get(start..offset).unwrap_or("");
        Position {
            line: line + 1,
            column: width(prefix.trim_end_matches('\r')) + 1,
        }
    }
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
}

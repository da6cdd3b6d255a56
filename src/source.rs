//! Reads one page from disk or memory into a [`Source`].
//!
//! This is the only module that reads page bytes. Everything after it works on `Source.text`,
//! so the language server and tests, which have no file, go through the same pipeline.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The line ending a page mostly uses, kept so `--fix` writes the same one back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnding {
    /// `\n`
    Lf,
    /// `\r\n`
    CrLf,
}

/// One page's text, with what was peeled off it to get there.
#[derive(Clone, Debug)]
pub struct Source {
    /// The path as given or discovered (relative when the argument was relative).
    pub path: PathBuf,
    /// The page text, without the byte-order mark. All spans index into this.
    pub text: Arc<str>,
    /// Whether the file started with a UTF-8 byte-order mark.
    pub bom: bool,
    /// The dominant line ending.
    pub line_ending: LineEnding,
}

/// Why a page could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("cannot read file: {source}; check that it exists and is readable")]
    Io {
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not UTF-8.
    #[error(
        "file is not valid UTF-8 (line {line}, byte offset {offset}); save it as UTF-8 or exclude it"
    )]
    InvalidUtf8 {
        /// Byte offset in the file of the first invalid sequence.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The file holds a NUL byte, so it is binary, not Markdown.
    #[error("file contains a NUL byte at offset {offset}, so it looks binary; exclude it")]
    Binary {
        /// Byte offset of the NUL.
        offset: usize,
    },
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Source {
    /// Reads and decodes the page at `path`.
    pub fn read(path: &Path) -> Result<Source, ReadError> {
        #[expect(
            clippy::disallowed_methods,
            reason = "source.rs is the one place that reads pages"
        )]
        let bytes = std::fs::read(path).map_err(|source| ReadError::Io { source })?;
        Source::from_bytes(path.to_path_buf(), bytes)
    }

    /// Decodes page bytes that came from somewhere other than a file (stdin, an editor buffer).
    pub fn from_bytes(path: PathBuf, mut bytes: Vec<u8>) -> Result<Source, ReadError> {
        let bom = bytes.starts_with(BOM);
        if bom {
            bytes.drain(..BOM.len());
        }
        let shift = if bom { BOM.len() } else { 0 };
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(ReadError::Binary {
                offset: offset + shift,
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..valid]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            ReadError::InvalidUtf8 {
                offset: valid + shift,
                line,
            }
        })?;
        Ok(Source::from_text(path, text, bom))
    }

    /// Wraps text that is already decoded.
    pub fn from_text(path: PathBuf, text: String, bom: bool) -> Source {
        let crlf = text.matches("\r\n").count();
        let lf = text.matches('\n').count() - crlf;
        let line_ending = if crlf > lf {
            LineEnding::CrLf
        } else {
            LineEnding::Lf
        };
        Source {
            path,
            text: text.into(),
            bom,
            line_ending,
        }
    }

    /// Wraps a file's whole text held in memory (an editor buffer, a fixed page): a leading
    /// byte-order mark is peeled off as [`Source::from_bytes`] peels it.
    pub fn from_file_text(path: PathBuf, text: String) -> Source {
        match text.strip_prefix('\u{feff}') {
            Some(rest) => Source::from_text(path, rest.to_string(), true),
            None => Source::from_text(path, text, false),
        }
    }

    /// The text as it is in the file: the byte-order mark, if any, then [`Source::text`].
    pub fn file_text(&self) -> String {
        let bom = if self.bom { "\u{feff}" } else { "" };
        format!("{bom}{}", self.text)
    }

    /// Byte offset in the file of byte `offset` of `text` (the BOM shifts it).
    pub fn file_offset(&self, offset: usize) -> usize {
        if self.bom { offset + BOM.len() } else { offset }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_detects_crlf() {
        let s =
            Source::from_bytes("a.md".into(), b"\xEF\xBB\xBF# A\r\n\r\nb\r\n".to_vec()).unwrap();
        assert!(s.bom);
        assert_eq!(&*s.text, "# A\r\n\r\nb\r\n");
        assert_eq!(s.line_ending, LineEnding::CrLf);
        assert_eq!(s.file_offset(2), 5);
    }

    #[test]
    fn rejects_invalid_utf8_and_nul() {
        let e = Source::from_bytes("a.md".into(), b"ok \xff".to_vec()).unwrap_err();
        assert!(matches!(e, ReadError::InvalidUtf8 { offset: 3, line: 1 }));
        let e = Source::from_bytes("a.md".into(), b"ok\0".to_vec()).unwrap_err();
        assert!(matches!(e, ReadError::Binary { offset: 2 }));
    }
}

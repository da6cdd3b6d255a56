//! Reads one page from disk or memory into a [`Source`].
//!
//! This is the only module that reads page bytes. Everything after it works on `Source.text`,
//! so the language server and tests, which have no file, go through the same pipeline.
//!
//! It is also the one safe way to read any file jobfam is given (config, schema, word lists):
//! [`read_file`] refuses what is not a regular file, without blocking on a named pipe or
//! opening a device, and reads no more than the size limit (`--max-file-size`), because a
//! contributed page can be a symbolic link to `/dev/zero`.

use crate::line_index::LineIndex;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The line ending a page mostly uses, kept so `--fix` writes the same one back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnding {
    /// `\n`
    Lf,
    /// `\r\n`
    CrLf,
    /// `\r` alone (classic Mac OS)
    Cr,
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
    /// Where each line of `text` starts: built once here, shared by the parser, the
    /// suppressions and the diagnostics.
    pub lines: Arc<LineIndex>,
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
    /// The path names something that is not a regular file: reading a named pipe blocks
    /// until a writer comes, and a device can be endless.
    #[error(
        "is {}{kind}{}, not a file; jobfam reads only regular files: replace it with one, or exclude it",
        if link.is_some() { "a link to " } else { "" },
        link.as_ref().map(|l| format!(" (`{}`)", l.display())).unwrap_or_default()
    )]
    NotAFile {
        /// What it is.
        kind: FileKind,
        /// Where the path leads, when it is a symbolic link.
        link: Option<PathBuf>,
    },
    /// The file is larger than the size limit.
    #[error(
        "is {}over the size limit of {}; raise the limit with --max-file-size or `max_file_size` in jobfam.toml, or exclude the file",
        size.map(|s| format!("{}, ", human_size(s))).unwrap_or_default(),
        human_size(*limit)
    )]
    TooLarge {
        /// Its size, when the file system tells it truthfully (not for `/proc` files).
        size: Option<u64>,
        /// The limit.
        limit: u64,
    },
}

/// What a path names when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A directory.
    Folder,
    /// A FIFO.
    NamedPipe,
    /// A character or block device (`/dev/zero`).
    Device,
    /// A Unix domain socket.
    Socket,
    /// Anything else that is not a regular file.
    Special,
}

impl FileKind {
    /// What `metadata` describes, or `None` for a regular file.
    pub fn of(metadata: &std::fs::Metadata) -> Option<FileKind> {
        let t = metadata.file_type();
        if t.is_file() {
            return None;
        }
        if t.is_dir() {
            return Some(FileKind::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return Some(FileKind::NamedPipe);
            }
            if t.is_char_device() || t.is_block_device() {
                return Some(FileKind::Device);
            }
            if t.is_socket() {
                return Some(FileKind::Socket);
            }
        }
        Some(FileKind::Special)
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Folder => "a folder",
            FileKind::NamedPipe => "a named pipe",
            FileKind::Device => "a device",
            FileKind::Socket => "a socket",
            FileKind::Special => "a special file",
        })
    }
}

/// The size limit unless `--max-file-size` or `max_file_size` says otherwise: 80 times the
/// largest real page (under 200 KB), and small enough that reading it cannot exhaust memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// The size limit of this run. One per process, set by the binary before anything is read:
/// every reader (pages, linked pages, `--fix`, config, schema, word lists) goes through
/// [`Source::read`] or [`read_file`], so none can forget the limit or disagree about it.
static MAX_FILE_SIZE: AtomicU64 = AtomicU64::new(DEFAULT_MAX_FILE_SIZE);

/// Sets the size limit for every file read from now on.
pub fn set_max_file_size(bytes: u64) {
    MAX_FILE_SIZE.store(bytes, Ordering::Relaxed);
}

/// The size limit files are read with.
pub fn max_file_size() -> u64 {
    MAX_FILE_SIZE.load(Ordering::Relaxed)
}

/// Parses a size as `--max-file-size` and `max_file_size` take it: bytes, or a number with a
/// `K`, `M` or `G` suffix (powers of 1024, as ripgrep's `--max-filesize`).
pub fn parse_size(text: &str) -> Result<u64, String> {
    // `16MiB` and `16 M` mean what `16M` does (jobfam prints sizes as `16 MiB`); `16MB` is
    // refused, as it may mean 16,000,000.
    let trimmed = text.trim();
    let trimmed = trimmed
        .strip_suffix("iB")
        .or_else(|| trimmed.strip_suffix("ib"))
        .filter(|t| t.ends_with(|c: char| "KkMmGg".contains(c)))
        .unwrap_or(trimmed);
    let (digits, unit) = match trimmed.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            (trimmed[..i].trim_end(), Some(c.to_ascii_uppercase()))
        }
        _ => (trimmed, None),
    };
    let shift = match unit {
        None => 0,
        Some('K') => 10,
        Some('M') => 20,
        Some('G') => 30,
        Some(_) => return Err(size_error(text)),
    };
    let number: u64 = match digits.parse() {
        Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) => n,
        _ => return Err(size_error(text)),
    };
    match number.checked_mul(1 << shift) {
        Some(0) => Err(format!(
            "`{text}` would refuse every file; give a size of at least 1 byte"
        )),
        Some(bytes) => Ok(bytes),
        None => Err(format!("`{text}` is too large")),
    }
}

fn size_error(text: &str) -> String {
    format!("`{text}` is not a size; write bytes, or a number with K, M or G (like 16M or 16MiB)")
}

/// A size for people: `16 MiB`, `1.5 MiB`, `900 bytes`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit {
            return if bytes % unit == 0 {
                format!("{} {name}", bytes / unit)
            } else {
                let value = bytes as f64 / unit as f64;
                format!("{value:.1} {name} ({bytes} bytes)")
            };
        }
    }
    format!("{bytes} byte{}", if bytes == 1 { "" } else { "s" })
}

/// Reads the whole file at `path`, at most `limit` bytes, refusing what is not a regular file.
///
/// The path is looked at first, so a device is never opened (opening one can act: a watchdog
/// starts its timer). Then it is opened without blocking (a named pipe put there since would
/// otherwise wait for a writer forever), and the opened handle is what is checked and read,
/// so nothing swapped in between gets through.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io = |source| ReadError::Io { source };
    let refuse = |metadata: &std::fs::Metadata| {
        FileKind::of(metadata).map(|kind| ReadError::NotAFile {
            kind,
            link: std::fs::read_link(path).ok(),
        })
    };
    if let Some(e) = std::fs::metadata(path).ok().as_ref().and_then(refuse) {
        return Err(e);
    }
    let file = open_without_blocking(path).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if let Some(e) = refuse(&metadata) {
        return Err(e);
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge {
            size: Some(metadata.len()),
            limit,
        });
    }
    read_capped(file, limit)
}

/// Reads `reader` to its end, failing once it passes `limit` bytes: for standard input, and
/// for files whose size the file system does not know (`/proc`).
pub fn read_capped(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io { source })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK changes nothing for a regular file; on a named pipe it makes `open`
        // return at once instead of waiting for a writer. The flag's bits fit an i32.
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Source {
    /// Reads and decodes the page at `path`, with [`read_file`] and this run's size limit.
    pub fn read(path: &Path) -> Result<Source, ReadError> {
        let bytes = read_file(path, max_file_size())?;
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
            // Bytes up to `valid` are UTF-8 by definition.
            let text = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
            let line = line_breaks(text) + 1;
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
        let cr = text.matches('\r').count() - crlf;
        let line_ending = if cr > lf && cr > crlf {
            LineEnding::Cr
        } else if crlf > lf {
            LineEnding::CrLf
        } else {
            LineEnding::Lf
        };
        let lines = Arc::new(LineIndex::new(&text));
        Source {
            path,
            text: text.into(),
            bom,
            line_ending,
            lines,
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

/// How many line breaks the valid UTF-8 text `text` holds, by the one line model.
fn line_breaks(text: &str) -> usize {
    crate::line_index::lines(text)
        .filter(|l| l.content_end < l.end)
        .count()
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
        let s = Source::from_bytes("a.md".into(), b"# A\r\rb\r\n".to_vec()).unwrap();
        assert_eq!(s.line_ending, LineEnding::Cr);
    }

    #[test]
    fn rejects_invalid_utf8_and_nul() {
        let e = Source::from_bytes("a.md".into(), b"ok \xff".to_vec()).unwrap_err();
        assert!(matches!(e, ReadError::InvalidUtf8 { offset: 3, line: 1 }));
        // Lines as the line model counts them: a lone CR ends one, a CRLF is one break.
        let e = Source::from_bytes("a.md".into(), b"a\rb\r\nc\nd \xff".to_vec()).unwrap_err();
        assert!(matches!(e, ReadError::InvalidUtf8 { offset: 9, line: 4 }));
        let e = Source::from_bytes("a.md".into(), b"ok\0".to_vec()).unwrap_err();
        assert!(matches!(e, ReadError::Binary { offset: 2 }));
    }

    #[test]
    fn sizes_parse_and_show() {
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        for same in ["64MiB", "64 MiB", "64mib", "64 M"] {
            assert_eq!(parse_size(same), Ok(64 << 20), "{same}");
        }
        for bad in ["", "M", "16MB", "-1", "+1", "1.5M", "16 X"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
        assert!(parse_size("0").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
        assert_eq!(human_size(16 << 20), "16 MiB");
        assert_eq!(human_size(1), "1 byte");
        assert_eq!(human_size(1000), "1000 bytes");
        assert_eq!(human_size(1536), "1.5 KiB (1536 bytes)");
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let bytes = read_capped(&b"abcd"[..], 4).unwrap();
        assert_eq!(bytes, b"abcd");
        let e = read_capped(&b"abcde"[..], 4).unwrap_err();
        assert!(matches!(
            e,
            ReadError::TooLarge {
                size: None,
                limit: 4
            }
        ));
        // An endless reader ends.
        let e = read_capped(std::io::repeat(b'a'), 1 << 10).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { .. }));
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::TempDir::new().unwrap();
        let e = read_file(dir.path(), 1 << 20).unwrap_err();
        assert!(
            matches!(
                e,
                ReadError::NotAFile {
                    kind: FileKind::Folder,
                    link: None
                }
            ),
            "{e}"
        );
        let file = dir.path().join("a.md");
        std::fs::write(&file, "12345").unwrap();
        let e = read_file(&file, 4).unwrap_err();
        assert!(
            matches!(
                e,
                ReadError::TooLarge {
                    size: Some(5),
                    limit: 4
                }
            ),
            "{e}"
        );
        assert_eq!(read_file(&file, 5).unwrap(), b"12345");
    }
}

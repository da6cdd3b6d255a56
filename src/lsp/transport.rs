//! The LSP base protocol on a byte stream: `Content-Length` framed messages in and out.
//!
//! The first stage of the server: [`FrameReader`] cuts standard input into message bodies for
//! `jsonrpc` to read, and [`write_frame`] frames what the server sends. The reader trusts
//! nothing in a header: a body may be at most [`MAX_FRAME`] bytes and grows only as its bytes
//! arrive, a header line may be at most [`MAX_HEADER_LINE`] bytes, and after a header it cannot
//! use it reads on from the next `Content-Length:` it finds, so one bad frame costs that frame
//! (and whatever the lost stretch held), never the server.

use std::io::{self, BufRead, Write};

/// The longest body the server reads: 64 MiB. A job-family page is a few KiB and the largest
/// Markdown file an editor is likely to open a few MiB; without a cap a `Content-Length` of
/// 100 GB would be believed (the header is the client's word, not a promise of bytes).
pub const MAX_FRAME: u64 = 64 << 20;

/// The longest header line the server reads. Real ones (`Content-Length: 1234`,
/// `Content-Type: application/vscode-jsonrpc; charset=utf-8`) are under 60 bytes; a longer line
/// is garbage, and must not be buffered whole.
pub const MAX_HEADER_LINE: usize = 1024;

/// What is resynchronised on, lowercase: header names are ASCII case-insensitive.
const CONTENT_LENGTH: &[u8] = b"content-length:";

/// Why input was skipped instead of read as a message.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// A header line without `:`.
    #[error("`{0}` is not a header (`Name: value`)")]
    NotAHeader(String),
    /// A header line longer than [`MAX_HEADER_LINE`].
    #[error("a header line is longer than {MAX_HEADER_LINE} bytes")]
    LongHeader,
    /// A `Content-Length` whose value is not a number.
    #[error("`Content-Length: {0}` is not a number of bytes")]
    BadLength(String),
    /// Headers that end without saying how long the body is.
    #[error("a message header has no `Content-Length`")]
    NoLength,
    /// A `Content-Length` over [`MAX_FRAME`] (the number as it was written). The reader then
    /// resynchronises rather than skip that many bytes: so large a number is likelier a broken
    /// header than a real message, and waiting for 100 GB that never come would swallow every
    /// message after it.
    #[error("a message of {0} bytes is over the limit of {MAX_FRAME} bytes (64 MiB)")]
    TooLarge(String),
    /// The input ended inside a header or a body.
    #[error("the input ended inside a message")]
    Truncated,
    /// Reading the input failed; nothing more is read.
    #[error("cannot read the input: {0}")]
    Io(#[from] io::Error),
}

impl FrameError {
    /// Whether reading goes on (from the next `Content-Length` header) after this error.
    pub fn resyncs(&self) -> bool {
        !matches!(self, FrameError::Truncated | FrameError::Io(_))
    }
}

/// Where the reader is between frames.
enum State {
    /// At the start of a frame's headers.
    Headers,
    /// Lost: looking for the next `Content-Length:` in the bytes that come.
    Resync,
    /// The input ended or failed.
    Done,
}

/// One header line, as read with a bounded buffer.
enum Line {
    /// The line without its `\n` (or `\r\n`).
    Text(Vec<u8>),
    /// No `\n` within [`MAX_HEADER_LINE`] bytes; what was read of it is consumed.
    TooLong,
    /// The input ended; `partial` if part of a line had been read.
    End { partial: bool },
}

/// Message bodies read from `input`, with a [`FrameError`] for each stretch of input that was
/// skipped; ends when the input does.
pub struct FrameReader<R> {
    input: R,
    state: State,
}

impl<R: BufRead> FrameReader<R> {
    /// A reader at the start of `input`.
    pub fn new(input: R) -> FrameReader<R> {
        FrameReader {
            input,
            state: State::Headers,
        }
    }

    /// The next frame: its headers, then its body.
    fn frame(&mut self) -> Result<Option<Vec<u8>>, FrameError> {
        let mut first = match self.state {
            State::Done => return Ok(None),
            State::Headers => None,
            State::Resync => match self.resync()? {
                // The rest of the header line whose name was just found.
                Some(Line::Text(rest)) => Some([&b"Content-Length:"[..], &rest].concat()),
                Some(Line::TooLong) => return Err(FrameError::LongHeader),
                Some(Line::End { .. }) => return Err(FrameError::Truncated),
                None => return Ok(None),
            },
        };
        let mut length = None;
        let mut seen = first.is_some();
        loop {
            let line = match first.take() {
                Some(line) => line,
                None => match self.line()? {
                    Line::Text(line) => line,
                    Line::TooLong => return Err(FrameError::LongHeader),
                    Line::End { partial } if partial || seen => return Err(FrameError::Truncated),
                    Line::End { .. } => return Ok(None),
                },
            };
            if line.is_empty() {
                // Blank lines between frames are tolerated; after headers they end them.
                if !seen {
                    continue;
                }
                break;
            }
            seen = true;
            let text = String::from_utf8_lossy(&line);
            let Some((name, value)) = text.split_once(':') else {
                return Err(FrameError::NotAHeader(text.escape_debug().to_string()));
            };
            // Other headers (`Content-Type`) say nothing the server needs.
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = Some(parse_length(value.trim())?);
            }
        }
        let length = length.ok_or(FrameError::NoLength)?;
        self.body(length).map(Some)
    }

    /// A body of `length` bytes, in chunks as they arrive: the header's number is never
    /// allocated up front, since the client may send far fewer bytes than it said.
    fn body(&mut self, length: u64) -> Result<Vec<u8>, FrameError> {
        let mut body = Vec::new();
        let mut left = length;
        while left > 0 {
            let buf = match self.input.fill_buf() {
                Ok([]) => return Err(FrameError::Truncated),
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            body.extend_from_slice(&buf[..n]);
            self.input.consume(n);
            left -= n as u64;
        }
        Ok(body)
    }

    /// One header line of at most [`MAX_HEADER_LINE`] bytes.
    fn line(&mut self) -> io::Result<Line> {
        let mut line = Vec::new();
        loop {
            let buf = match self.input.fill_buf() {
                Ok([]) => {
                    return Ok(Line::End {
                        partial: !line.is_empty(),
                    });
                }
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            let room = MAX_HEADER_LINE - line.len();
            let window = &buf[..buf.len().min(room)];
            if let Some(end) = window.iter().position(|&b| b == b'\n') {
                line.extend_from_slice(&window[..end]);
                self.input.consume(end + 1);
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(Line::Text(line));
            }
            let n = window.len();
            line.extend_from_slice(window);
            self.input.consume(n);
            if line.len() >= MAX_HEADER_LINE {
                return Ok(Line::TooLong);
            }
        }
    }

    /// Skips input up to and including the next `Content-Length:` (in any case), then reads
    /// the rest of that line; `None` if the input ends first. Matches may span reads.
    fn resync(&mut self) -> io::Result<Option<Line>> {
        let mut matched = 0;
        loop {
            let buf = match self.input.fill_buf() {
                Ok([]) => return Ok(None),
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            let mut used = buf.len();
            for (i, b) in buf.iter().map(u8::to_ascii_lowercase).enumerate() {
                // `c` occurs only first in the needle, so after a mismatch a match can only
                // restart at this byte: no need for a full string-search automaton.
                matched = if b == CONTENT_LENGTH[matched] {
                    matched + 1
                } else {
                    usize::from(b == CONTENT_LENGTH[0])
                };
                if matched == CONTENT_LENGTH.len() {
                    used = i + 1;
                    break;
                }
            }
            self.input.consume(used);
            if matched == CONTENT_LENGTH.len() {
                return self.line().map(Some);
            }
        }
    }
}

impl<R: BufRead> Iterator for FrameReader<R> {
    type Item = Result<Vec<u8>, FrameError>;

    fn next(&mut self) -> Option<Self::Item> {
        let frame = self.frame();
        self.state = match &frame {
            Ok(Some(_)) => State::Headers,
            Ok(None) => State::Done,
            Err(e) if e.resyncs() => State::Resync,
            Err(_) => State::Done,
        };
        frame.transpose()
    }
}

/// A `Content-Length` value: decimal digits only (no sign, no spaces), at most [`MAX_FRAME`].
fn parse_length(value: &str) -> Result<u64, FrameError> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FrameError::BadLength(value.escape_debug().to_string()));
    }
    // All digits, so a failure to parse is an overflow: far over the limit too.
    match value.parse::<u64>() {
        Ok(n) if n <= MAX_FRAME => Ok(n),
        _ => Err(FrameError::TooLarge(value.to_string())),
    }
}

/// Writes `body` as one frame and flushes it, so the client sees each message as it is sent.
pub fn write_frame(out: &mut impl Write, body: &[u8]) -> io::Result<()> {
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend_from_slice(body);
    out.write_all(&frame)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// What a reader makes of `input`: bodies as text, skipped input as its message.
    fn frames(input: impl Read) -> Vec<Result<String, String>> {
        FrameReader::new(io::BufReader::with_capacity(7, input))
            .map(|f| {
                f.map(|b| String::from_utf8(b).unwrap())
                    .map_err(|e| e.to_string())
            })
            .collect()
    }

    fn ok(body: &str) -> Result<String, String> {
        Ok(body.to_string())
    }

    fn err(message: &str) -> Result<String, String> {
        Err(message.to_string())
    }

    #[test]
    fn frames_are_cut_by_their_length_whatever_the_header_case_and_reads() {
        let input = "Content-Length: 2\r\n\r\n{}content-length:3\r\nContent-Type: x\r\n\r\n[1]\
                     \r\n\nCONTENT-LENGTH: 0\n\n";
        assert_eq!(frames(input.as_bytes()), [ok("{}"), ok("[1]"), ok("")]);
        assert_eq!(frames(&b""[..]), []);
    }

    #[test]
    fn bad_headers_are_reported_and_skipped_to_the_next_content_length() {
        let input = "garbage\r\n\r\nnoise Content-Length: 2\r\n\r\n{}\
                     Content-Length: -1\r\n\r\nxxContent-Length: 1\r\n\r\n1\
                     Content-Type: y\r\n\r\nzzzcOnTeNt-LeNgTh: 1\r\n\r\n2\
                     Content-Length: 2 3\r\n\r\n";
        assert_eq!(
            frames(input.as_bytes()),
            [
                err("`garbage` is not a header (`Name: value`)"),
                ok("{}"),
                err("`Content-Length: -1` is not a number of bytes"),
                ok("1"),
                err("a message header has no `Content-Length`"),
                ok("2"),
                err("`Content-Length: 2 3` is not a number of bytes"),
            ]
        );
    }

    #[test]
    fn a_length_over_the_limit_is_refused_without_reading_it() {
        let at_limit = format!("Content-Length: {MAX_FRAME}\r\n\r\n");
        let input = format!(
            "Content-Length: {}\r\n\r\n{{Content-Length: 99999999999999999999999\r\n\r\n\
             Content-Length: 1\r\n\r\n1{at_limit}",
            MAX_FRAME + 1
        );
        assert_eq!(
            frames(input.as_bytes()),
            [
                err("a message of 67108865 bytes is over the limit of 67108864 bytes (64 MiB)"),
                err(
                    "a message of 99999999999999999999999 bytes is over the limit of 67108864 \
                     bytes (64 MiB)"
                ),
                ok("1"),
                // At the limit, the body is read; here the input ends first.
                err("the input ended inside a message"),
            ]
        );
    }

    #[test]
    fn a_header_line_with_no_end_is_not_buffered() {
        // An endless line: a reader that waited for its end would never answer.
        let mut reader = FrameReader::new(io::BufReader::new(io::repeat(b'x')));
        assert!(matches!(reader.next(), Some(Err(FrameError::LongHeader))));
        let long = "x".repeat(MAX_HEADER_LINE * 3);
        let input = format!("{long}Content-Length: 1\r\n\r\n1Content-Length: 1{long}\r\n\r\n2");
        assert_eq!(
            frames(input.as_bytes()),
            [
                err("a header line is longer than 1024 bytes"),
                ok("1"),
                err("a header line is longer than 1024 bytes"),
            ]
        );
        // Just under the limit (with `\r\n`, 1024 bytes) is a line.
        let name = "x".repeat(MAX_HEADER_LINE - "X: 1\r\n".len());
        let input = format!("{name}X: 1\r\nContent-Length: 1\r\n\r\n1");
        assert_eq!(frames(input.as_bytes()), [ok("1")]);
    }

    #[test]
    fn input_that_ends_inside_a_frame_is_reported_once() {
        for input in [
            "Content-Length: 5\r\n\r\n{}",
            "Content-Length: 5\r\n",
            "Content-Len",
        ] {
            assert_eq!(
                frames(input.as_bytes()),
                [err("the input ended inside a message")],
                "{input:?}"
            );
        }
        // Lost, then the input ends: nothing more to say.
        assert_eq!(
            frames(&b"junk\r\nmore junk"[..]),
            [err("`junk` is not a header (`Name: value`)")]
        );
    }

    #[test]
    fn frames_are_written_with_their_length() {
        let mut out = Vec::new();
        write_frame(&mut out, "{\"é\":1}".as_bytes()).unwrap();
        assert_eq!(out, "Content-Length: 8\r\n\r\n{\"é\":1}".as_bytes());
    }
}

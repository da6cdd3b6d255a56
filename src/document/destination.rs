//! Where an inline link's destination is in the source: the bytes a fix to the link may change.
//!
//! comrak gives a link's whole span and its destination as a string, not where that string is.
//! A fix that searched the link's source for `#` would rewrite a `#` in the link text
//! (`[#sales team][r]`) or title (`"Item #1"`). This module reads the link syntax instead:
//! `[text](destination "title")`, skipping the text's nested brackets, escapes and code spans,
//! and returns the destination's own byte range only when those bytes are exactly the
//! destination comrak read. Anything else (reference links, escapes or entities in the
//! destination) gets `None`, so no fix is offered where its bytes are not certain.

use super::Span;

/// The span of the destination of the inline link at `link` in `text`, when its source bytes
/// are exactly `url` (without the `<…>` that may enclose it).
pub fn destination(text: &str, link: Span, url: &str) -> Option<Span> {
    let source = text.get(link.start..link.end)?;
    let bytes = source.as_bytes();
    let close = text_end(bytes)?;
    // `](…)`: an inline link. `][ref]`, `[]` and `[ref]` are reference links.
    if bytes.get(close + 1) != Some(&b'(') || !source.ends_with(')') {
        return None;
    }
    let mut i = close + 2;
    i += skip_blank(&bytes[i..]);
    let (start, end) = if bytes.get(i) == Some(&b'<') {
        let start = i + 1;
        let len = bytes[start..]
            .iter()
            .position(|&b| matches!(b, b'>' | b'\n' | b'\r' | b'<'))?;
        (bytes.get(start + len) == Some(&b'>')).then_some((start, start + len))?
    } else {
        (i, i + bare_len(&bytes[i..]))
    };
    let found = source.get(start..end)?;
    (found == url).then(|| Span::new(link.start + start, link.start + end))
}

/// The index of the `]` that closes the link text opened by the `[` at index 0.
fn text_end(bytes: &[u8]) -> Option<usize> {
    if bytes.first() != Some(&b'[') {
        return None;
    }
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                i += run;
                // A code span runs to the next run of exactly as many backticks; without one
                // the backticks are text.
                if let Some(close) = matching_run(&bytes[i..], run) {
                    i += close + run;
                }
                continue;
            }
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The offset in `bytes` of the next run of exactly `run` backticks.
fn matching_run(bytes: &[u8], run: usize) -> Option<usize> {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let n = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            if n == run {
                return Some(i);
            }
            i += n;
        } else {
            i += 1;
        }
    }
    None
}

/// Spaces, tabs and at most one line ending.
fn skip_blank(bytes: &[u8]) -> usize {
    let mut i = bytes
        .iter()
        .take_while(|&&b| matches!(b, b' ' | b'\t'))
        .count();
    if bytes[i..].starts_with(b"\r\n") {
        i += 2;
    } else if matches!(bytes.get(i), Some(b'\n' | b'\r')) {
        i += 1;
    }
    i + bytes[i..]
        .iter()
        .take_while(|&&b| matches!(b, b' ' | b'\t'))
        .count()
}

/// The length of a destination not in `<…>`: up to white space, a control character or the
/// `)` that closes the link, with balanced parentheses and backslash escapes inside.
fn bare_len(bytes: &[u8]) -> usize {
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 1,
            b'(' => depth += 1,
            b')' if depth == 0 => return i,
            b')' => depth -= 1,
            b if b <= b' ' || b == 0x7f => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dest<'t>(text: &'t str, url: &str) -> Option<&'t str> {
        destination(text, Span::new(0, text.len()), url).map(|s| &text[s.start..s.end])
    }

    #[test]
    fn finds_the_destination_not_the_text_or_title() {
        assert_eq!(dest("[go](#a)", "#a"), Some("#a"));
        assert_eq!(dest("[#x](#a \"Item #1\")", "#a"), Some("#a"));
        assert_eq!(dest("[a [b] `]` c](#a 'x')", "#a"), Some("#a"));
        assert_eq!(dest("[a](<#a b>)", "#a b"), Some("#a b"));
        assert_eq!(dest("[a](\n  #a\n)", "#a"), Some("#a"));
        assert_eq!(dest("[a](x_(y)#z)", "x_(y)#z"), Some("x_(y)#z"));
        assert_eq!(dest("[a]( #a>b )", "#a>b"), Some("#a>b"));
    }

    #[test]
    fn no_span_unless_the_bytes_are_the_destination() {
        // Reference links: the destination is in the definition.
        assert_eq!(dest("[#sales team][r]", "#sales"), None);
        assert_eq!(dest("[r]", "#sales"), None);
        // Escapes and entities: the source differs from what comrak read.
        assert_eq!(dest("[a](#a\\_b)", "#a_b"), None);
        assert_eq!(dest("[a](#a&amp;b)", "#a&b"), None);
        assert_eq!(dest("[a](#a", "#a"), None);
        assert_eq!(dest("", ""), None);
    }
}

//! Finds the `---` YAML front matter block and parses it with spans.
//!
//! comrak recognises the block too (so it is not rendered as Markdown); this module reads the
//! YAML inside it into JSON for the model, and remembers where each top-level key sits so a
//! schema error about `title` can point at the `title:` line.

use super::{ParseError, Span};
use serde_json::Value;

/// The parsed front matter of a page.
#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    /// The YAML as JSON (`null` for an empty block).
    pub value: Value,
    /// The whole block, both delimiter lines included.
    pub span: Span,
    /// Each top-level key and the span of its line (trailing white space and line ending excluded).
    pub keys: Vec<(String, Span)>,
}

/// Splits `text` at its front matter: `Ok(None)` when the page has none.
pub fn parse(text: &str) -> Result<Option<FrontMatter>, ParseError> {
    let Some(first) = lines(text).next() else {
        return Ok(None);
    };
    if first.content.trim_end() != "---" {
        return Ok(None);
    }
    let yaml_start = first.end;
    let Some(close) = lines(text)
        .skip(1)
        .find(|l| matches!(l.content.trim_end(), "---" | "..."))
    else {
        return Err(ParseError::UnterminatedFrontMatter);
    };
    let yaml = &text[yaml_start..close.start];
    let value = if yaml.trim().is_empty() {
        Value::Object(serde_json::Map::new())
    } else {
        serde_saphyr::from_str::<Value>(yaml).map_err(|e| yaml_error(text, yaml_start, &e))?
    };
    // Only comments, or `~`: as good as an empty block.
    let value = if value.is_null() {
        Value::Object(serde_json::Map::new())
    } else {
        value
    };
    if !matches!(value, Value::Object(_)) {
        return Err(ParseError::NotAMapping {
            span: Span::new(yaml_start, close.start),
        });
    }
    let keys = lines(&text[..close.start])
        .skip(1)
        .filter_map(|l| {
            let key = top_level_key(l.content)?;
            Some((
                key,
                Span::new(l.start, l.start + l.content.trim_end().len()),
            ))
        })
        .collect();
    Ok(Some(FrontMatter {
        value,
        span: Span::new(0, close.end),
        keys,
    }))
}

impl FrontMatter {
    /// The span of top-level key `key`'s line, if the key is there.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.keys.iter().find(|(k, _)| k == key).map(|(_, s)| *s)
    }
}

struct Line<'a> {
    start: usize,
    /// After the line ending.
    end: usize,
    /// Without the line ending.
    content: &'a str,
}

fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let rest = &text[start..];
        let (len, end) = match rest.find('\n') {
            Some(i) => (i, start + i + 1),
            None => (rest.len(), text.len()),
        };
        let content = rest[..len].strip_suffix('\r').unwrap_or(&rest[..len]);
        let line = Line {
            start,
            end,
            content,
        };
        start = end;
        Some(line)
    })
}

/// `title: x` → `title`; indented lines, comments and list items are not top-level keys.
fn top_level_key(line: &str) -> Option<String> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '[' | '{') {
        return None;
    }
    let colon = line.find(':')?;
    let key = line[..colon].trim();
    let key = key
        .strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
        .unwrap_or(key);
    Some(key.to_string())
}

fn yaml_error(text: &str, yaml_start: usize, e: &serde_saphyr::Error) -> ParseError {
    let message = e.to_string();
    // Keep only the first line: saphyr appends its own snippet, and miette draws a better one.
    // saphyr writes "error: line 1 column 2: …"; the diagnostic already says both.
    let first = message.lines().next().unwrap_or("invalid YAML");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // Library advice ("set DuplicateKeyPolicy in Options") is not for page authors.
    let first = first.split(", set ").next().unwrap_or(first);
    let message = match first.split_once(": ") {
        Some((place, rest)) if place.starts_with("line ") && place.contains(" column ") => rest,
        _ => first,
    }
    .to_string();
    let offset = e
        .location()
        .and_then(|loc| {
            let line = usize::try_from(loc.line()).ok()?.checked_sub(1)?;
            let col = usize::try_from(loc.column()).ok()?.saturating_sub(1);
            let yaml = &text[yaml_start..];
            let line_text = lines(yaml).nth(line)?;
            let within = line_text
                .content
                .char_indices()
                .nth(col)
                .map_or(line_text.content.len(), |(i, _)| i);
            Some(yaml_start + line_text.start + within)
        })
        .unwrap_or(yaml_start);
    ParseError::MalformedFrontMatter {
        message,
        span: Span::new(offset, offset),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_with_spans() {
        let text = "---\r\ntitle: \"PM\"\r\nlevels:\r\n  - a\r\n---\r\n# x\r\n";
        let fm = parse(text).unwrap().unwrap();
        assert_eq!(fm.value["title"], "PM");
        let s = fm.key_span("title").unwrap();
        assert_eq!(&text[s.start..s.end], "title: \"PM\"");
        assert_eq!(fm.keys.len(), 2);
        assert_eq!(
            &text[fm.span.start..fm.span.end],
            "---\r\ntitle: \"PM\"\r\nlevels:\r\n  - a\r\n---\r\n"
        );
    }

    #[test]
    fn no_front_matter_and_errors() {
        assert!(parse("# Title\n").unwrap().is_none());
        assert!(matches!(
            parse("---\ntitle: x\n"),
            Err(ParseError::UnterminatedFrontMatter)
        ));
        let text = "---\ntitle: x\n  bad: [\n---\n";
        assert!(matches!(
            parse(text),
            Err(ParseError::MalformedFrontMatter { .. })
        ));
        assert!(matches!(
            parse("---\n- a\n---\n"),
            Err(ParseError::NotAMapping { .. })
        ));
    }
}

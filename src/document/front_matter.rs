//! Finds a page's front matter block and parses it with spans: YAML between `---` lines, TOML
//! between `+++` lines, or a JSON object, the three that Hugo reads.
//!
//! This is the one place that recognises front matter: the parser hands comrak the page with the
//! block blanked out (see [`blank`]), so comrak never renders it as Markdown, whatever line
//! endings it uses. The block is read into JSON for the model, and each top-level key's line is
//! remembered so a schema error about `title` can point at the `title:` line.

use super::{ParseError, Span};
use crate::line_index::{Line, lines};
use serde_json::Value;

/// The language of a front matter block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `---` … `---` (or `...`).
    Yaml,
    /// `+++` … `+++`.
    Toml,
    /// `{` … `}`.
    Json,
}

impl Format {
    /// `YAML`, `TOML` or `JSON`.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
        }
    }

    /// What opens the block.
    pub const fn fence(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Toml => "+++",
            Format::Json => "{",
        }
    }

    /// Where the block's text is, for "fix the YAML between the `---` lines".
    pub const fn place(self) -> &'static str {
        match self {
            Format::Yaml => "between the `---` lines",
            Format::Toml => "between the `+++` lines",
            Format::Json => "object at the top of the page",
        }
    }
}

/// The parsed front matter of a page.
#[derive(Clone, Debug)]
pub struct FrontMatter {
    /// The block's language.
    pub format: Format,
    /// The front matter as JSON (an empty object for an empty block).
    pub value: Value,
    /// The whole block, both delimiters and the line ending after the last included.
    pub span: Span,
    /// Each top-level key and the span of its line (trailing white space and line ending
    /// excluded), in page order.
    pub keys: Vec<(String, Span)>,
}

/// Splits `text` at its front matter: `Ok(None)` when the page has none.
pub fn parse(text: &str) -> Result<Option<FrontMatter>, ParseError> {
    let Some(first) = lines(text).next() else {
        return Ok(None);
    };
    let opening = first.content(text).trim_end_matches([' ', '\t']);
    match opening {
        "---" => fenced(text, first, Format::Yaml).map(Some),
        "+++" => fenced(text, first, Format::Toml).map(Some),
        // `{` alone, or `{"title": …`: kramdown's `{::options}` and Liquid's `{% %}` are not JSON.
        _ if opening == "{" || opening.starts_with("{\"") => json(text).map(Some),
        _ => Ok(None),
    }
}

impl FrontMatter {
    /// The span of top-level key `key`'s line, if the key is there.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.keys.iter().find(|(k, _)| k == key).map(|(_, s)| *s)
    }
}

/// `text` with the front matter block's bytes turned into spaces, line endings kept: what comrak
/// parses, so every offset and line number stays the page's and the block renders as nothing.
pub fn blank(text: &str, block: Span) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..block.start]);
    out.extend(text.as_bytes()[block.start..block.end].iter().map(|&b| {
        if matches!(b, b'\n' | b'\r') {
            b as char
        } else {
            ' '
        }
    }));
    out.push_str(&text[block.end..]);
    out
}

/// A block between two fence lines (`---` or `+++`).
fn fenced(text: &str, first: Line, format: Format) -> Result<FrontMatter, ParseError> {
    let closers: &[&str] = match format {
        Format::Yaml => &["---", "..."],
        _ => &["+++"],
    };
    let Some(close) = lines(text)
        .skip(1)
        .find(|l| closers.contains(&l.content(text).trim_end_matches([' ', '\t'])))
    else {
        return Err(ParseError::UnterminatedFrontMatter {
            format,
            span: Span::new(first.start, first.content_end),
        });
    };
    let body = Span::new(first.end, close.start);
    let (value, keys) = match format {
        Format::Toml => toml_value(text, body)?,
        _ => (yaml_value(text, body)?, yaml_keys(text, body)),
    };
    Ok(FrontMatter {
        format,
        value,
        span: Span::new(0, close.end),
        keys,
    })
}

fn yaml_value(text: &str, body: Span) -> Result<Value, ParseError> {
    let yaml = &text[body.start..body.end];
    let value = if yaml.trim().is_empty() {
        Value::Null
    } else {
        serde_saphyr::from_str::<Value>(yaml).map_err(|e| yaml_error(text, body.start, &e))?
    };
    // Only comments, or `~`: as good as an empty block.
    match value {
        Value::Null => Ok(Value::Object(serde_json::Map::new())),
        Value::Object(_) => Ok(value),
        _ => Err(ParseError::NotAMapping { span: body }),
    }
}

/// The top-level keys of a YAML block, by their lines: indented lines, comments and list items
/// are not top-level keys.
fn yaml_keys(text: &str, body: Span) -> Vec<(String, Span)> {
    lines(&text[..body.end])
        .filter(|l| l.start >= body.start)
        .filter_map(|l| {
            let content = l.content(text);
            let key = top_level_key(content)?;
            Some((key, Span::new(l.start, l.start + content.trim_end().len())))
        })
        .collect()
}

/// `title: x` → `title`.
fn top_level_key(line: &str) -> Option<String> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '[' | '{') {
        return None;
    }
    let colon = line.find(':')?;
    Some(unquote(line[..colon].trim()).to_string())
}

fn unquote(key: &str) -> &str {
    key.strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
        .unwrap_or(key)
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
            let line = lines(yaml).nth(line)?;
            let content = line.content(yaml);
            let within = content
                .char_indices()
                .nth(col)
                .map_or(content.len(), |(i, _)| i);
            Some(yaml_start + line.start + within)
        })
        .unwrap_or(yaml_start);
    ParseError::MalformedFrontMatter {
        format: Format::Yaml,
        message,
        span: Span::new(offset, offset),
    }
}

/// A TOML block as JSON, with its top-level keys (a `[table]` header is its table's key).
fn toml_value(text: &str, body: Span) -> Result<(Value, Vec<(String, Span)>), ParseError> {
    use toml::de::DeTable;
    // TOML ends lines with `\n` or `\r\n`; a page whose lines end with a lone `\r` (the line
    // model's third kind) is read as if they were `\n`, which keeps every offset.
    let toml = lone_cr_as_lf(&text[body.start..body.end]);
    let toml = toml.as_ref();
    let table = DeTable::parse(toml).map_err(|e| {
        let at = body.start + e.span().map_or(0, |s| s.start).min(toml.len());
        ParseError::MalformedFrontMatter {
            format: Format::Toml,
            message: e.message().trim_end().replace('\n', " "),
            span: Span::new(at, at),
        }
    })?;
    let table = table.into_inner();
    let mut keys: Vec<(String, Span)> = table
        .iter()
        .map(|(key, _)| {
            let at = body.start + key.span().start;
            let line = line_around(text, at);
            (key.get_ref().to_string(), line)
        })
        .collect();
    keys.sort_by_key(|(_, span)| *span);
    Ok((toml_table(&table), keys))
}

/// `text` with each `\r` that no `\n` follows replaced by `\n`: the same length, so offsets
/// into it are offsets into `text`.
fn lone_cr_as_lf(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return text.into();
    }
    let out: Vec<u8> = (0..bytes.len())
        .map(|i| if lone(i) { b'\n' } else { bytes[i] })
        .collect();
    // Only ASCII `\r` became ASCII `\n`: still UTF-8.
    String::from_utf8(out).map_or_else(|_| text.into(), Into::into)
}

fn toml_table(table: &toml::de::DeTable<'_>) -> Value {
    Value::Object(
        table
            .iter()
            .map(|(k, v)| (k.get_ref().to_string(), toml_json(v.get_ref())))
            .collect(),
    )
}

fn toml_json(value: &toml::de::DeValue<'_>) -> Value {
    use toml::de::DeValue;
    match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map_or_else(|_| Value::String(i.to_string()), Value::from),
        DeValue::Float(f) => f
            .as_str()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(f.to_string()), Value::Number),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => {
            Value::Array(items.iter().map(|v| toml_json(v.get_ref())).collect())
        }
        DeValue::Table(t) => toml_table(t),
    }
}

/// The span of the line holding byte `at`, trailing white space excluded.
fn line_around(text: &str, at: usize) -> Span {
    let line = lines(text).find(|l| l.end > at).unwrap_or(Line {
        start: at,
        content_end: at,
        end: at,
    });
    let content = line.content(text);
    Span::new(line.start, line.start + content.trim_end().len())
}

/// A JSON object at the top of the page, up to its matching `}` and the end of that line.
fn json(text: &str) -> Result<FrontMatter, ParseError> {
    let unterminated = || ParseError::UnterminatedFrontMatter {
        format: Format::Json,
        span: Span::new(0, 1),
    };
    let scan = scan_json(text).ok_or_else(unterminated)?;
    let object = &text[..scan.end];
    let value: Value = serde_json::from_str(object).map_err(|e| {
        // serde_json counts lines by `\n` and columns in bytes.
        let line_start: usize = object
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum();
        let at = (line_start + e.column().saturating_sub(1)).min(object.len());
        let at = crate::line_index::floor_char_boundary(text, at);
        let message = e.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        ParseError::MalformedFrontMatter {
            format: Format::Json,
            message,
            span: Span::new(at, at),
        }
    })?;
    let close = line_around(text, scan.end - 1);
    let after = lines(text)
        .find(|l| l.end > scan.end - 1)
        .map_or(text.len(), |l| l.end);
    let rest = text.get(scan.end..close.end).unwrap_or("");
    if !rest.trim().is_empty() {
        let at = scan.end + (rest.len() - rest.trim_start().len());
        return Err(ParseError::MalformedFrontMatter {
            format: Format::Json,
            message: "text follows the closing `}` on its line".to_string(),
            span: Span::new(at, close.end),
        });
    }
    let keys = scan
        .keys
        .into_iter()
        .map(|(key, at)| (key, line_around(text, at)))
        .collect();
    Ok(FrontMatter {
        format: Format::Json,
        value,
        span: Span::new(0, after),
        keys,
    })
}

/// Where a JSON object ends, and its top-level keys with their offsets.
struct JsonScan {
    /// Just past the matching `}`.
    end: usize,
    keys: Vec<(String, usize)>,
}

/// Finds the `}` matching the `{` at the start of `text`, minding strings and escapes, in one
/// pass; `None` when it never closes.
fn scan_json(text: &str) -> Option<JsonScan> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut keys = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(JsonScan { end: i + 1, keys });
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = i.min(bytes.len());
                // A string at depth 1 followed by `:` is a top-level key.
                let next = text.get(end + 1..).map(str::trim_start);
                if depth == 1 && next.is_some_and(|n| n.starts_with(':')) {
                    if let Some(key) = text.get(start + 1..end) {
                        keys.push((key.to_string(), start));
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
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
    fn lone_cr_line_endings() {
        let text = "---\rtitle: \"PM\"\r---\r\r# x\r";
        let fm = parse(text).unwrap().unwrap();
        assert_eq!(fm.value["title"], "PM");
        assert_eq!(
            &text[fm.span.start..fm.span.end],
            "---\rtitle: \"PM\"\r---\r"
        );
        let s = fm.key_span("title").unwrap();
        assert_eq!(&text[s.start..s.end], "title: \"PM\"");
        // TOML knows only LF and CRLF; found by the property tests.
        let text = "+++\rtitle = \"PM\"\r[params]\rlevel = 3\r+++\r\r# x\r";
        let fm = parse(text).unwrap().unwrap();
        assert_eq!(
            (
                fm.value["title"].as_str(),
                fm.value["params"]["level"].as_i64()
            ),
            (Some("PM"), Some(3))
        );
        let s = fm.key_span("params").unwrap();
        assert_eq!(&text[s.start..s.end], "[params]");
    }

    #[test]
    fn toml_and_json() {
        let text = "+++\ntitle = \"PM\"\nweight = 0x10\ndate = 2024-01-02\n[params]\nlevel = 3\n+++\n# x\n";
        let fm = parse(text).unwrap().unwrap();
        assert_eq!(fm.format, Format::Toml);
        assert_eq!(fm.value["title"], "PM");
        assert_eq!(fm.value["weight"], 16);
        assert_eq!(fm.value["date"], "2024-01-02");
        assert_eq!(fm.value["params"]["level"], 3);
        let keys: Vec<&str> = fm.keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["title", "weight", "date", "params"]);
        let s = fm.key_span("params").unwrap();
        assert_eq!(&text[s.start..s.end], "[params]");
        assert!(text[fm.span.end..].starts_with("# x"));

        let text = "{\n  \"title\": \"PM {x}\",\n  \"tags\": [\"a\", {\"b\": 1}]\n}\n\n# x\n";
        let fm = parse(text).unwrap().unwrap();
        assert_eq!(fm.format, Format::Json);
        assert_eq!(fm.value["title"], "PM {x}");
        let keys: Vec<&str> = fm.keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["title", "tags"]);
        let s = fm.key_span("title").unwrap();
        assert_eq!(&text[s.start..s.end], "  \"title\": \"PM {x}\",");
        assert_eq!(&text[fm.span.end..], "\n# x\n");
        // kramdown options and Liquid are not JSON front matter.
        assert!(
            parse("{::options parse_block_html=\"true\" /}\n# x\n")
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn no_front_matter_and_errors() {
        assert!(parse("# Title\n").unwrap().is_none());
        let err = |text: &str| parse(text).unwrap_err().to_string();
        assert!(matches!(
            parse("---\ntitle: x\n"),
            Err(ParseError::UnterminatedFrontMatter {
                format: Format::Yaml,
                ..
            })
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
        assert_eq!(
            err("+++\ntitle = \"x\"\n"),
            "front matter starts with `+++` but has no closing `+++` line; add one after the TOML"
        );
        assert!(
            err("+++\ntitle = \n+++\n").starts_with("front matter is not valid TOML: "),
            "{}",
            err("+++\ntitle = \n+++\n")
        );
        assert_eq!(
            err("{\"title\": \"x\"\n"),
            "front matter starts with `{` but the JSON object never closes; add the closing `}` on a line of its own"
        );
        assert_eq!(
            err("{\"title\": x}\n"),
            "front matter is not valid JSON: expected value; fix the JSON object at the top of the page"
        );
    }

    #[test]
    fn blanking_keeps_offsets_and_line_endings() {
        let text = "---\r\ntitle: é\r---\n# x";
        let fm = parse(text).unwrap().unwrap();
        let blanked = blank(text, fm.span);
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked, "   \r\n         \r   \n# x");
    }
}

//! The page schema: loaded and compiled once per run, then run against each page's model.
//!
//! A failure names the rule its subschema gives with `x-rule` (the rules stage makes it a
//! finding of that rule, by default `structure/schema`), carries the subschema's
//! `x-message`/`x-help` text, and points at the model node's span: a heading, a bullet, a
//! front matter key, or the page's first line. This module knows pages, not rules: which
//! `x-rule` ids exist is asked of the caller ([`KnownRule`]).

use crate::document::{Page, Span};
use crate::source::{ReadError, Source};
use jsonschema::ValidationError;
use regex::Regex;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The schema built into the binary.
pub const BUILTIN: &str = include_str!("../schemas/job-family.schema.json");

/// What the rule registry says of an `x-rule` id: `Some(true)` for a rule the schema drives,
/// `Some(false)` for a rule with its own code, `None` for no rule.
pub type KnownRule = fn(&str) -> Option<bool>;

/// One way a page fails the schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The `x-rule` of the nearest subschema that has one.
    pub rule: Option<String>,
    /// The model node's span.
    pub span: Span,
    /// The `x-message`, or a message made from the failure.
    pub message: String,
    /// The `x-help`.
    pub help: Option<String>,
}

/// A compiled page schema.
pub struct Schema {
    document: Value,
    validator: jsonschema::Validator,
    /// `x-near` patterns, compiled once.
    near: HashMap<String, Regex>,
}

/// Why a schema could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// The file could not be read.
    #[error("cannot read schema {}: {}", path.display(), read_reason(source))]
    Read {
        /// The schema file.
        path: PathBuf,
        /// Why.
        #[source]
        source: ReadError,
    },
    /// The file is not JSON.
    #[error("schema {} is not valid JSON: {message} (line {line}, column {column})", path.display())]
    Json {
        /// The schema file.
        path: PathBuf,
        /// What serde_json said.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The JSON is not a valid JSON Schema, or a jobfam keyword in it is wrong.
    #[error("schema {} is not a valid JSON Schema: {message}", path.display())]
    Invalid {
        /// The schema file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl SchemaError {
    /// The schema file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            SchemaError::Read { path, .. }
            | SchemaError::Json { path, .. }
            | SchemaError::Invalid { path, .. } => path,
        }
    }

    /// What is wrong, without the path (a report names the file on its own).
    pub fn message(&self) -> String {
        match self {
            SchemaError::Read { source, .. } => {
                format!("cannot read schema: {}", read_reason(source))
            }
            SchemaError::Json {
                message,
                line,
                column,
                ..
            } => format!("schema is not valid JSON: {message} (line {line}, column {column})"),
            SchemaError::Invalid { message, .. } => {
                format!("schema is not a valid JSON Schema: {message}")
            }
        }
    }
}

impl Schema {
    /// The built-in job-family schema.
    pub fn builtin(known: KnownRule) -> Schema {
        Schema::parse(BUILTIN, Path::new("<built-in>"), known)
            .expect("the built-in schema compiles (tested in config::tests)")
    }

    /// Reads and compiles the schema at `path`.
    pub fn from_file(path: &Path, known: KnownRule) -> Result<Schema, SchemaError> {
        // Read as a page is: a schema named by a contributed config is as untrusted.
        let source = Source::read(path).map_err(|source| SchemaError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Schema::parse(&source.text, path, known)
    }

    /// Compiles schema text; `path` is only used in messages, `known` checks `x-rule` ids.
    pub fn parse(text: &str, path: &Path, known: KnownRule) -> Result<Schema, SchemaError> {
        let document: Value = serde_json::from_str(text).map_err(|e| SchemaError::Json {
            path: path.to_path_buf(),
            message: e
                .to_string()
                .split(" at line")
                .next()
                .unwrap_or("")
                .to_string(),
            line: e.line(),
            column: e.column(),
        })?;
        let invalid = |message: String| SchemaError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&document)
            .map_err(|e| invalid(build_message(&e)))?;
        let mut near = HashMap::new();
        let mut problems = Vec::new();
        visit_keywords(&document, &mut |key, value| match (key, value) {
            ("x-rule", Value::String(id)) => match known(id) {
                Some(true) => {}
                Some(false) => problems.push(format!(
                    "`x-rule: {id}` names a rule that does not come from the schema"
                )),
                None => problems.push(format!(
                    "`x-rule: {}` names no rule; see `jobfam rules`",
                    shorten(id)
                )),
            },
            ("x-near", Value::String(pattern)) => match Regex::new(pattern) {
                Ok(re) => {
                    near.insert(pattern.clone(), re);
                }
                Err(e) => problems.push(format!(
                    "`x-near` `{}` is not a valid regex: {}",
                    shorten(pattern),
                    regex_problem(&e)
                )),
            },
            ("x-message" | "x-help", Value::String(_) | Value::Object(_)) => {}
            ("x-rule" | "x-near" | "x-message" | "x-help", _) => {
                problems.push(format!("`{key}` must be a string"));
            }
            _ => {}
        });
        if let Some(first) = problems.into_iter().next() {
            return Err(invalid(first));
        }
        Ok(Schema {
            document,
            validator,
            near,
        })
    }

    /// Validates a page's model: every failure, in the validator's order.
    pub fn validate(&self, page: &Page) -> Vec<Failure> {
        let instance = match serde_json::to_value(page) {
            Ok(v) => v,
            Err(_) => return Vec::new(),
        };
        self.validator
            .iter_errors(&instance)
            .map(|error| self.failure(page, &error))
            .collect()
    }

    fn failure(&self, page: &Page, error: &ValidationError<'_>) -> Failure {
        let schema_path: Vec<String> = error.schema_path().iter().map(segment).collect();
        let instance_path: Vec<String> = error.instance_path().iter().map(segment).collect();
        let keyword = error.kind().keyword();
        let rule = self
            .nearest(&schema_path, "x-rule", keyword)
            .map(str::to_string);
        let message = self
            .nearest(&schema_path, "x-message", keyword)
            .map_or_else(|| generated_message(&instance_path, error), str::to_string);
        let help = self
            .nearest(&schema_path, "x-help", keyword)
            .map(str::to_string);
        let mut span = span_of(page, &instance_path);
        if instance_path.len() <= 1 && instance_path.first().is_none_or(|p| p != "front_matter") {
            if let Some(re) = self
                .nearest(&schema_path, "x-near", keyword)
                .and_then(|p| self.near.get(p))
            {
                if let Some(h) = page.headings.iter().find(|h| re.is_match(&h.text)) {
                    span = h.span;
                }
            }
        }
        Failure {
            rule,
            span,
            message,
            help,
        }
    }

    /// The value of `key` on the deepest subschema along `schema_path` that has it; an object
    /// value is looked up by the failing keyword.
    fn nearest<'s>(&'s self, schema_path: &[String], key: &str, keyword: &str) -> Option<&'s str> {
        (0..schema_path.len()).rev().find_map(|len| {
            let mut node = &self.document;
            for seg in &schema_path[..len] {
                node = match node {
                    Value::Object(map) => map.get(seg)?,
                    Value::Array(items) => items.get(seg.parse::<usize>().ok()?)?,
                    _ => return None,
                };
            }
            match node.get(key)? {
                Value::String(s) => Some(s.as_str()),
                Value::Object(by_keyword) => by_keyword.get(keyword)?.as_str(),
                _ => None,
            }
        })
    }
}

fn segment(s: jsonschema::paths::LocationSegment<'_>) -> String {
    match s {
        jsonschema::paths::LocationSegment::Property(p) => p.into_owned(),
        jsonschema::paths::LocationSegment::Index(i) => i.to_string(),
    }
}

/// Why a schema could not be read, without a second "cannot read".
fn read_reason(e: &ReadError) -> String {
    match e {
        ReadError::Io { source } => format!("{source}; check that it exists and is readable"),
        other => other.to_string(),
    }
}

/// The longest value quoted whole in a message; a schema can hold a pattern megabytes long.
const QUOTED: usize = 80;

/// `value`, cut to [`QUOTED`] characters with `…` when it is longer.
fn shorten(value: &str) -> String {
    match value.char_indices().nth(QUOTED) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_string(),
    }
}

/// What jsonschema says about a schema it cannot compile, with the schema value it quotes
/// cut short, and the whole message bounded too.
fn build_message(e: &ValidationError<'_>) -> String {
    let message = e.to_string();
    let quoted = e.instance().to_string();
    let message = if quoted.chars().count() > QUOTED {
        // A JSON string keeps its closing quote: `"(aaa…"`.
        let close = if quoted.starts_with('"') { "\"" } else { "" };
        message.replace(&quoted, &format!("{}{close}", shorten(&quoted)))
    } else {
        message
    };
    match message.char_indices().nth(4 * QUOTED) {
        Some((end, _)) => format!("{}…", &message[..end]),
        None => message,
    }
}

/// The reason in a regex error, without the pattern it prints whole (and a caret under it).
fn regex_problem(e: &regex::Error) -> String {
    match e {
        regex::Error::Syntax(text) => text
            .lines()
            .find_map(|l| l.strip_prefix("error: "))
            .map_or_else(|| shorten(text), str::to_string),
        regex::Error::CompiledTooBig(limit) => {
            format!("it compiles to more than {limit} bytes; simplify it")
        }
        other => shorten(&other.to_string()),
    }
}

/// Calls `f` with every key and value of every object in the schema.
fn visit_keywords(value: &Value, f: &mut impl FnMut(&str, &Value)) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                f(k, v);
                visit_keywords(v, f);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| visit_keywords(v, f)),
        _ => {}
    }
}

/// A message for a failure whose schema gives none: the model path and what failed, never the
/// instance itself (a section can be pages long).
fn generated_message(instance_path: &[String], error: &ValidationError<'_>) -> String {
    use jsonschema::error::ValidationErrorKind as K;
    let at = if instance_path.is_empty() {
        "the page".to_string()
    } else {
        format!("`{}`", instance_path.join("."))
    };
    match error.kind() {
        K::Required { property } => {
            format!("{at} has no `{}`", property.as_str().unwrap_or("?"))
        }
        K::Type { kind } => format!("{at} is not of type {kind:?}").to_lowercase(),
        K::Pattern { pattern } => format!("{at} does not match `{}`", shorten(pattern)),
        K::Contains => format!("{at} has no item the schema asks for"),
        K::MinLength { limit } => format!("{at} is shorter than {limit} characters"),
        K::MinItems { limit } => format!("{at} has fewer than {limit} items"),
        K::Enum { .. } | K::Constant { .. } => format!("{at} is not one of the allowed values"),
        K::AdditionalProperties { unexpected } => {
            format!("{at} has unexpected `{}`", unexpected.join("`, `"))
        }
        other => format!("{at} fails the schema's `{}` keyword", other.keyword()),
    }
}

/// The span of the model node at `path`: the nearest heading, bullet or front matter key.
fn span_of(page: &Page, path: &[String]) -> Span {
    let fm = page.front_matter_spans.as_ref();
    let first_line = page.first_line();
    match path.first().map(String::as_str) {
        Some("front_matter") => fm
            .and_then(|fm| path.get(1).and_then(|k| fm.key_span(k)))
            .unwrap_or(first_line),
        Some("title") => fm
            .and_then(|fm| fm.key_span("title"))
            .or_else(|| page.headings.iter().find(|h| h.level == 1).map(|h| h.span))
            .unwrap_or(first_line),
        Some("headings") => path
            .get(1)
            .and_then(|i| page.headings.get(i.parse::<usize>().ok()?))
            .map_or(first_line, |h| h.span),
        Some("sections") => section_span(page, &path[1..]).unwrap_or(first_line),
        _ => first_line,
    }
}

/// Walks `i/children/j/…/bullets/k` down the section tree.
fn section_span(page: &Page, mut path: &[String]) -> Option<Span> {
    let mut sections = &page.sections;
    let mut span = None;
    while let Some(index) = path.first().and_then(|i| i.parse::<usize>().ok()) {
        let Some(section) = sections.get(index) else {
            break;
        };
        span = page.headings.get(section.heading_index).map(|h| h.span);
        match path.get(1).map(String::as_str) {
            Some("children") => {
                sections = &section.children;
                path = &path[2..];
            }
            Some("bullets") => {
                return path
                    .get(2)
                    .and_then(|k| section.bullet_spans.get(k.parse::<usize>().ok()?))
                    .copied()
                    .or(span);
            }
            _ => break,
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two rules: one the schema drives, one with code of its own.
    fn known(id: &str) -> Option<bool> {
        match id {
            "structure/missing-section" => Some(true),
            "structure/placeholder" => Some(false),
            _ => None,
        }
    }

    #[test]
    fn rejects_bad_schemas() {
        let known: KnownRule = known;
        let p = Path::new("s.json");
        assert!(matches!(
            Schema::parse("{", p, known),
            Err(SchemaError::Json { line: 1, .. })
        ));
        assert!(matches!(
            Schema::parse(r#"{"type": 12}"#, p, known),
            Err(SchemaError::Invalid { .. })
        ));
        let e = Schema::parse(r#"{"x-rule": "structure/nope"}"#, p, known)
            .err()
            .unwrap();
        assert!(e.to_string().contains("names no rule"), "{e}");
        let e = Schema::parse(r#"{"x-rule": "structure/placeholder"}"#, p, known)
            .err()
            .unwrap();
        assert!(
            e.to_string().contains("does not come from the schema"),
            "{e}"
        );
        assert!(Schema::parse(r#"{"x-rule": "structure/missing-section"}"#, p, known).is_ok());
    }
}

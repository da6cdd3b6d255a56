//! The document model: what a job-family page says, with a byte span for everything.
//!
//! `parse` turns a [`Source`](crate::source::Source) into a [`Page`]. Rules read the `Page`;
//! the JSON Schema validates its serialized form (documented in `schemas/README.md`), so the
//! serialized fields are a contract: add fields, never rename them. comrak types never leave
//! this folder.

mod destination;
mod front_matter;
pub mod kind;
/// The line model lives below every stage; it is re-exported here where it grew up.
pub use crate::line_index;
mod parse;
pub mod roles;
pub mod slug;
pub mod titles;
pub mod words;

pub use front_matter::FrontMatter;
pub use parse::{comrak_options, parse, parse_with, strip_template};

use serde::Serialize;
use std::sync::Arc;

/// A byte range `[start, end)` into a page's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span cut to end by `len`.
    pub fn min_within(self, len: usize) -> Span {
        Span::new(self.start.min(len), self.end.min(len))
    }
}

/// One parsed page.
#[derive(Clone, Debug, Serialize)]
pub struct Page {
    /// The path as given or discovered.
    pub path: String,
    /// The front matter YAML as JSON; `null` when the page has none.
    pub front_matter: serde_json::Value,
    /// The front matter `title`, else the text of the first level-1 heading.
    pub title: Option<String>,
    /// What kind of page it is (`job`, `index`, `stub`, `other`) and why: the job-page rules
    /// run only on job pages.
    pub kind: kind::PageKind,
    /// Every heading in document order.
    pub headings: Vec<Heading>,
    /// The heading tree.
    pub sections: Vec<Section>,
    /// The page text (not serialized).
    #[serde(skip)]
    pub text: Arc<str>,
    /// Where each line of `text` starts: the source's index, shared (not serialized).
    #[serde(skip)]
    pub lines: Arc<crate::line_index::LineIndex>,
    /// Spans of the front matter block and its keys (not serialized).
    #[serde(skip)]
    pub front_matter_spans: Option<FrontMatter>,
    /// Spans of prose: text a reader sees, outside code, HTML, ERB tags and shortcodes.
    #[serde(skip)]
    pub prose: Vec<Span>,
    /// Paragraphs and table cells as rendered text, mapped back to the source.
    #[serde(skip)]
    pub blocks: Vec<Block>,
    /// ERB tags and Hugo shortcodes: template code, never prose.
    #[serde(skip)]
    pub template_code: Vec<Span>,
    /// The slug preset the heading anchors were made with.
    pub slug: slug::Preset,
    /// Every id the page defines, in document order.
    pub anchors: Vec<Anchor>,
    /// Every inline link.
    pub links: Vec<Link>,
    /// Every level of the ladder and its grade (see `schemas/README.md`).
    pub roles: Vec<roles::Role>,
    /// Every grade statement, with spans; `roles` is built from these.
    #[serde(skip)]
    pub grades: Vec<roles::GradeStatement>,
    /// Every word of prose, for the spelling rules.
    #[serde(skip)]
    pub words: Vec<words::Word>,
    /// Every `<!-- jobfam-disable… -->` and `<!-- jobfam-enable… -->` comment.
    #[serde(skip)]
    pub directives: Vec<Directive>,
    /// The partials the page calls whose sections were found (`<%= partial(…) %>`,
    /// `{{% … %}}`), with the file each came from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partials: Vec<PartialUse>,
    /// Every list, in document order: its markers and how it sits beside its neighbours.
    #[serde(skip)]
    pub lists: Vec<List>,
}

/// One use of a partial in a page, as `jobfam model` shows it (see [`crate::partials`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartialUse {
    /// The partial's name as the page writes it.
    pub name: String,
    /// The file read for it, or `config` when the config named its sections.
    pub from: String,
    /// The headings it rendered into the page.
    pub headings: Vec<String>,
}

/// A list as the renderer builds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct List {
    /// The whole list in the source.
    pub span: Span,
    /// The bullet character (`-`, `*`, `+`); `None` for an ordered list.
    pub bullet: Option<char>,
    /// The source span of each item's marker (`-`, `1.`).
    pub markers: Vec<Span>,
    /// Index in [`Page::lists`] of the list this one directly follows, with nothing between
    /// them but white space: the renderer split one list in two.
    pub follows: Option<usize>,
    /// The inner marker of an item whose content starts with another marker on the same line
    /// (`- - Craft policies`), with the item's own marker: an empty nested bullet.
    pub doubled: Vec<(Span, Span)>,
}

/// An inline suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// Which comment.
    pub kind: DirectiveKind,
    /// The rule ids or groups it names, as written; empty means every rule.
    pub rules: Vec<String>,
    /// The whole comment.
    pub span: Span,
}

/// The kinds of suppression comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `jobfam-disable-next-line`: the line after the comment.
    NextLine,
    /// `jobfam-disable-line`: the comment's own line.
    Line,
    /// `jobfam-disable`: from here to a matching `jobfam-enable` or the end.
    Disable,
    /// `jobfam-enable`: ends a `jobfam-disable`.
    Enable,
    /// `jobfam-disable-file`: the whole page.
    File,
}

impl DirectiveKind {
    /// The kind named after `jobfam-` in a comment.
    pub fn of(name: &str) -> DirectiveKind {
        match name {
            "disable-next-line" => DirectiveKind::NextLine,
            "disable-line" => DirectiveKind::Line,
            "disable-file" => DirectiveKind::File,
            "enable" => DirectiveKind::Enable,
            _ => DirectiveKind::Disable,
        }
    }
}

/// A paragraph or table cell: its text as a reader sees it, with a map back to the source.
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// The whole block in the source.
    pub span: Span,
    /// The rendered text: markup, link targets and HTML removed, line breaks as spaces.
    pub text: String,
    /// `(offset in text, source span)` of each piece of text, in order.
    pub pieces: Vec<(usize, Span)>,
    /// Index in [`Page::headings`] of the heading this block sits under.
    pub heading: Option<usize>,
    /// For a table cell: (table number, row, column); row 0 is the header.
    pub cell: Option<(usize, usize, usize)>,
    /// Source spans of the code spans inside the block (left out of `text`).
    pub code: Vec<Span>,
    /// Whether the block is a heading's text (its links are checked; it states no grade).
    pub is_heading: bool,
    /// Whether the block is a paragraph of a list item.
    pub in_item: bool,
}

impl Page {
    /// Whether `span` overlaps a code span of `block`, or template code (ERB, shortcodes).
    pub fn in_code(&self, block: &Block, span: Span) -> bool {
        let overlaps = |c: &Span| c.start < span.end && span.start < c.end;
        // Code spans and template code are sorted and never overlap themselves: the first that
        // might overlap is found by binary search, and the run of overlapping ones follows it.
        let any = |spans: &[Span]| {
            let first = spans.partition_point(|c| c.end <= span.start);
            spans.get(first).is_some_and(overlaps)
        };
        any(&block.code) || any(&self.template_code)
    }
}

impl Block {
    /// The source span of `range` of [`Block::text`] (approximate inside escapes and code spans).
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        let at = |off: usize, is_end: bool| {
            let piece = self
                .pieces
                .iter()
                .rev()
                .find(|(p, _)| if is_end { *p < off } else { *p <= off })
                .or(self.pieces.first());
            piece.map_or(self.span.start, |(p, s)| {
                (s.start + off.saturating_sub(*p)).min(s.end)
            })
        };
        let a = at(start, false);
        Span::new(a, at(end, true).max(a))
    }
}

/// An inline link.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// The destination as written.
    #[serde(rename = "target")]
    pub url: String,
    /// The link text as rendered.
    pub text: String,
    /// What the destination is.
    pub kind: LinkKind,
    /// The whole link in the source, `[text](url)`.
    #[serde(skip)]
    pub span: Span,
    /// The destination's own bytes, for an inline link whose source spells the destination
    /// exactly (no escapes or entities); `None` for reference links and the like.
    #[serde(skip)]
    pub destination: Option<Span>,
    /// Index of the block holding it in [`Page::blocks`].
    #[serde(skip)]
    pub block: usize,
    /// Where the link text starts and ends in that block's text.
    #[serde(skip)]
    pub text_range: (usize, usize),
    /// Whether that block is a heading (Hugo makes a heading's id from its source, links and
    /// all), kept on the link for the run-level rules, which run after the blocks are let go.
    #[serde(skip)]
    pub in_heading: bool,
}

/// What a link points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// `#anchor` on the same page.
    Fragment,
    /// `../other-page/`, resolved against this page.
    Relative,
    /// `/job-families/x/`, resolved against the site root.
    SiteRoot,
    /// `https://…`.
    Absolute,
    /// `mailto:`, `tel:`, template code and the like.
    Other,
}

impl LinkKind {
    /// Classifies a destination as written.
    pub fn of(url: &str) -> LinkKind {
        let lower = url.to_ascii_lowercase();
        if url.starts_with('#') {
            LinkKind::Fragment
        } else if lower.starts_with("http://")
            || lower.starts_with("https://")
            || url.starts_with("//")
        {
            LinkKind::Absolute
        } else if url.starts_with('/') {
            LinkKind::SiteRoot
        } else if lower.contains(':')
            || url.contains("{{")
            || url.contains("<%")
            || url.is_empty()
            // `[text]((url))`: links/malformed reports it; it leads nowhere to look up.
            || url.starts_with('(')
        {
            LinkKind::Other
        } else {
            LinkKind::Relative
        }
    }
}

/// An id a reader can link to with `#id`.
#[derive(Clone, Debug, Serialize)]
pub struct Anchor {
    /// The id, case-sensitive.
    pub id: String,
    /// Where it comes from.
    pub kind: AnchorKind,
    /// The heading or HTML that defines it.
    #[serde(skip)]
    pub span: Span,
}

/// Where an anchor comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorKind {
    /// Generated from a heading's text.
    Heading,
    /// A `{#custom-id}` on a heading.
    Custom,
    /// An HTML `id=` (or `<a name=`).
    Html,
}

/// A heading anywhere in the page.
#[derive(Clone, Debug, Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's text as it renders: markup, link targets, HTML and a trailing `{#id}` removed.
    pub text: String,
    /// The id the rendered heading gets: a `{#custom-id}`, else the slug, numbered when repeated.
    pub anchor: String,
    /// The heading line's content, `#` marks included.
    #[serde(skip)]
    pub span: Span,
    /// Whether `anchor` is a `{#custom-id}` (else it is made from the text, and changes with it).
    #[serde(skip)]
    pub custom_id: bool,
    /// The partial that renders this heading into the page (its file, or `config`); `None` for
    /// the page's own headings. Its span is the partial call's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<String>,
}

/// A heading with what sits under it, up to the next heading of the same or a higher level.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// The heading's text.
    pub heading: String,
    /// The heading's level.
    pub level: u8,
    /// The heading's anchor.
    pub anchor: String,
    /// The text of each list item in this section's own content (not its children's),
    /// nested items included, each without its sub-items.
    pub bullets: Vec<String>,
    /// Sections of a deeper level under this one.
    pub children: Vec<Section>,
    /// Index of this section's heading in [`Page::headings`].
    #[serde(skip)]
    pub heading_index: usize,
    /// One span per entry in `bullets`.
    #[serde(skip)]
    pub bullet_spans: Vec<Span>,
}

/// Why a page could not be turned into a model.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The page opens a front matter block that never closes.
    #[error("{}", unterminated(*.format))]
    UnterminatedFrontMatter {
        /// The block's language.
        format: front_matter::Format,
        /// The opening delimiter.
        span: Span,
    },
    /// The YAML parses, but to a list or a single value.
    #[error(
        "front matter is a list or a single value, not `key: value` pairs; write it as a YAML mapping"
    )]
    NotAMapping {
        /// The YAML between the delimiters.
        span: Span,
    },
    /// The front matter between the delimiters does not parse.
    #[error("front matter is not valid {}: {message}; fix the {} {}", .format.name(), .format.name(), .format.place())]
    MalformedFrontMatter {
        /// The block's language.
        format: front_matter::Format,
        /// What the parser said.
        message: String,
        /// Where it went wrong.
        span: Span,
    },
}

fn unterminated(format: front_matter::Format) -> String {
    match format {
        front_matter::Format::Json => {
            "front matter starts with `{` but the JSON object never closes; add the closing `}` on a line of its own".to_string()
        }
        f => format!(
            "front matter starts with `{d}` but has no closing `{d}` line; add one after the {}",
            f.name(),
            d = f.fence()
        ),
    }
}

impl ParseError {
    /// Where in the page the error is, if known.
    pub fn span(&self) -> Span {
        match self {
            ParseError::UnterminatedFrontMatter { span, .. }
            | ParseError::MalformedFrontMatter { span, .. }
            | ParseError::NotAMapping { span } => *span,
        }
    }
}

impl Page {
    /// The span of the page's first line, for findings about the page as a whole.
    pub fn first_line(&self) -> Span {
        let end = self.text.find(['\r', '\n']).unwrap_or(self.text.len());
        Span::new(0, end)
    }

    /// The text under `span`, or `""` when the span does not fit the text.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

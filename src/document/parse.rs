//! comrak AST → [`Page`]: the one place that walks comrak nodes.

use super::slug::{Anchorizer, Preset};
use super::{
    Anchor, AnchorKind, Block, Directive, DirectiveKind, Heading, Link, LinkKind, Page, ParseError,
    Section, Span, front_matter, roles,
};
use crate::line_index::{LineIndex, floor_char_boundary};
use crate::source::Source;
use comrak::arena_tree::NodeEdge;
use comrak::nodes::{AstNode, LineColumn, ListType, NodeList, NodeValue};
use comrak::{Arena, Options, parse_document};
use regex::Regex;
use std::sync::LazyLock;

/// ERB tags and Hugo shortcodes: template code, never prose.
/// `text` with its template code (ERB tags, Hugo shortcodes) removed.
pub fn strip_template(text: &str) -> String {
    TEMPLATE_CODE.replace_all(text, "").into_owned()
}

static TEMPLATE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<%.*?%>|\{\{<.*?>\}\}|\{\{%.*?%\}\}").expect("static regex compiles")
});

/// A trailing attribute list on a heading: Hugo/kramdown `{#id}`, kramdown `{: .class}`.
/// Hugo's heading attributes: a trailing `{#id .class}`. (`{: …}` and `{:.no_toc}` are text to
/// Hugo and to kramdown alike, and end up in the id.)
static HEADING_ATTRS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\{\s*([#.][^{}]*)\}\s*$").expect("static regex compiles"));

/// kramdown's header id: exactly `{#id}` at the end.
static KRAMDOWN_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\{#([A-Za-z][\w-]*)\}\s*$").expect("static regex compiles"));

/// The comrak options every page is parsed with (also the parse-only floor of the benchmarks).
pub fn comrak_options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    // No `front_matter_delimiter`: `front_matter.rs` finds the block (YAML, TOML or JSON, any
    // line ending) and blanks it before comrak sees the page.
    options
}

/// HTML that defines an anchor: any `id="…"`, and `name="…"` on `<a>`.
static HTML_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<(?:[a-z][a-z0-9]*\s[^>]*?\bid|a\s[^>]*?\bname)\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s"'>/=`]+))"#)
        .expect("static regex compiles")
});

/// `<!-- jobfam-disable… RULES -->` and `<!-- jobfam-enable… -->` comments.
static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"<!--\s*jobfam-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->",
    )
    .expect("static regex compiles")
});

/// Parses one page, choosing the slug preset from the page (see [`parse_with`]).
pub fn parse(source: &Source) -> Result<Page, ParseError> {
    parse_with(source, None)
}

/// The preset a page's own site uses: Middleman pages (`index.html.md`, `layout:
/// job_family_page`) were rendered by kramdown, everything else by Hugo.
fn detect(source: &Source, front_matter: &serde_json::Value) -> Preset {
    let name = source
        .path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let middleman = name.ends_with(".html.md")
        || name.ends_with(".html.md.erb")
        || front_matter.get("layout").and_then(|l| l.as_str()) == Some("job_family_page");
    if middleman {
        Preset::KramdownGfm
    } else {
        Preset::Hugo
    }
}

/// Parses one page into its model, with heading anchors made by `slug` (or the page's own
/// generator's, when `None`).
pub fn parse_with(source: &Source, slug: Option<Preset>) -> Result<Page, ParseError> {
    let text: &str = &source.text;
    let front_matter = front_matter::parse(text)?;
    let preset = slug.unwrap_or_else(|| {
        detect(
            source,
            front_matter
                .as_ref()
                .map_or(&serde_json::Value::Null, |fm| &fm.value),
        )
    });
    let arena = Arena::new();
    let markdown = match &front_matter {
        Some(fm) => std::borrow::Cow::Owned(front_matter::blank(text, fm.span)),
        None => std::borrow::Cow::Borrowed(text),
    };
    let root = parse_document(&arena, &markdown, &comrak_options());
    let walker = Walker {
        text,
        index: std::sync::Arc::clone(&source.lines),
        template_code: TEMPLATE_CODE
            .find_iter(text)
            .map(|m| Span::new(m.start(), m.end()))
            .collect(),
    };

    let mut page = Collected {
        preset,
        headings: Vec::new(),
        anchorizer: Anchorizer::new(preset),
        anchors: Vec::new(),
        tree: SectionTree::default(),
        prose: Vec::new(),
        blocks: Vec::new(),
        links: Vec::new(),
        tables: 0,
        row: None,
        col: 0,
        directives: Vec::new(),
        lists: Vec::new(),
        list_starts: std::collections::HashMap::new(),
    };
    for node in root.descendants() {
        page.node(node, &walker);
    }
    let Collected {
        headings,
        anchors,
        tree,
        prose,
        blocks,
        links,
        directives,
        lists,
        ..
    } = page;
    let fm_value = front_matter
        .as_ref()
        .map_or(serde_json::Value::Null, |fm| fm.value.clone());
    let title = fm_value
        .get("title")
        .and_then(|t| t.as_str())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .or_else(|| {
            headings
                .iter()
                .find(|h| h.level == 1)
                .map(|h| h.text.clone())
        });
    let grades = roles::statements(&blocks, &links, &headings);
    let sections = tree.finish();
    let roles = roles::roles(&grades, &headings);
    let words = super::words::words(
        &source.text,
        front_matter.as_ref(),
        &blocks,
        &walker.template_code,
    );
    let kind = super::kind::classify(&source.path, text, &fm_value, &headings, &grades, None);
    Ok(Page {
        path: source.path.display().to_string(),
        front_matter: fm_value,
        title,
        kind,
        headings,
        sections,
        text: source.text.clone(),
        lines: std::sync::Arc::clone(&source.lines),
        front_matter_spans: front_matter,
        prose,
        blocks,
        template_code: walker.template_code.clone(),
        slug: preset,
        anchors,
        links,
        roles,
        grades,
        words,
        directives,
        lists,
        partials: Vec::new(),
    })
}

/// What the walk over comrak's tree collects, node by node, into the page model.
struct Collected {
    preset: Preset,
    headings: Vec<Heading>,
    anchorizer: Anchorizer,
    anchors: Vec<Anchor>,
    tree: SectionTree,
    prose: Vec<Span>,
    blocks: Vec<Block>,
    links: Vec<Link>,
    /// Tables met so far, and the row and column of the cell being read: counted as the walk
    /// meets them, since counting a cell's earlier siblings is quadratic in a long row.
    tables: usize,
    row: Option<usize>,
    col: usize,
    directives: Vec<Directive>,
    lists: Vec<super::List>,
    /// The index of each list met so far, by its source start, for `follows`.
    list_starts: std::collections::HashMap<usize, usize>,
}

impl Collected {
    /// Takes what one node of the tree says into the model.
    fn node<'a>(&mut self, node: &'a AstNode<'a>, walker: &Walker<'_>) {
        // Borrowed, not cloned: cloning would copy every text node's string.
        let data = node.data();
        match &data.value {
            NodeValue::Heading(h) => self.heading(node, h.level, walker),
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => self.html(node, walker),
            NodeValue::List(list) => self.list(node, list, walker),
            NodeValue::Item(_) | NodeValue::TaskItem(_) => {
                let paragraphs = node
                    .children()
                    .filter(|c| matches!(c.data().value, NodeValue::Paragraph));
                let mut bullet = String::new();
                let mut span: Option<Span> = None;
                for p in paragraphs {
                    if !bullet.is_empty() {
                        bullet.push(' ');
                    }
                    bullet.push_str(&inline_text(p));
                    let s = walker.span(p);
                    span = Some(span.map_or(s, |old| Span::new(old.start, s.end)));
                }
                let bullet = bullet.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some(section) = self.tree.current() {
                    section.bullets.push(bullet);
                    section
                        .bullet_spans
                        .push(walker.trimmed(span.unwrap_or_else(|| walker.span(node))));
                }
            }
            NodeValue::Text(_) => {
                let span = walker.span(node);
                walker.push_prose(span, &mut self.prose);
            }
            NodeValue::Table(_) => {
                self.tables += 1;
                self.row = None;
            }
            // Counted as the walk meets them: counting a cell's earlier siblings is quadratic
            // in a long self.row or table.
            NodeValue::TableRow(_) => {
                self.row = Some(self.row.map_or(0, |r| r + 1));
                self.col = 0;
            }
            NodeValue::Paragraph | NodeValue::TableCell => {
                let cell = matches!(data.value, NodeValue::TableCell).then(|| {
                    self.col += 1;
                    (self.tables, self.row.unwrap_or(0), self.col - 1)
                });
                let in_item = node.parent().is_some_and(|p| {
                    matches!(p.data().value, NodeValue::Item(_) | NodeValue::TaskItem(_))
                });
                let mut block = Block {
                    span: walker.span(node),
                    heading: self.headings.len().checked_sub(1),
                    cell,
                    in_item,
                    ..Block::default()
                };
                walker.inline(node, &mut block, self.blocks.len(), &mut self.links);
                self.blocks.push(block);
            }
            _ => {}
        }
    }

    /// A list: its bullet, its items' markers, whether it directly follows another list (the
    /// renderer split one list in two) and items that open with a second marker.
    fn list<'a>(&mut self, node: &'a AstNode<'a>, list: &NodeList, walker: &Walker<'_>) {
        let span = walker.span(node);
        let bullet = (list.list_type == ListType::Bullet).then(|| char::from(list.bullet_char));
        let mut markers = Vec::new();
        let mut doubled = Vec::new();
        for item in node.children() {
            let item_span = walker.span(item);
            let marker_len = match list.list_type {
                ListType::Bullet => 1,
                ListType::Ordered => walker.text[item_span.start..]
                    .find(['.', ')'])
                    .map_or(1, |i| i + 1),
            };
            let marker = Span::new(
                item_span.start,
                (item_span.start + marker_len).min(item_span.end),
            );
            markers.push(marker);
            // `- - Craft`: the item's first child is a list that starts on the same line.
            if let Some(first) = item.first_child() {
                if matches!(first.data().value, NodeValue::List(_)) {
                    let inner = walker.span(first);
                    let between = walker.text.get(marker.end..inner.start).unwrap_or("\n");
                    if !between.contains('\n') {
                        let len = walker.text[inner.start..]
                            .find(char::is_whitespace)
                            .unwrap_or(1);
                        doubled.push((marker, Span::new(inner.start, inner.start + len)));
                    }
                }
            }
        }
        // The list just before this one, if it is this node's previous sibling with only white
        // space between them.
        let follows = node.previous_sibling().and_then(|prev| {
            if !matches!(prev.data().value, NodeValue::List(_)) {
                return None;
            }
            let prev_span = walker.span(prev);
            let gap = walker.text.get(prev_span.end..span.start)?;
            if !gap.trim().is_empty() {
                return None;
            }
            self.list_starts.get(&prev_span.start).copied()
        });
        self.list_starts.insert(span.start, self.lists.len());
        self.lists.push(super::List {
            span,
            bullet,
            markers,
            follows,
            doubled,
        });
    }

    /// A heading: its text, its anchor (custom or generated), its place in the section tree,
    /// and its inline content as a block.
    fn heading<'a>(&mut self, node: &'a AstNode<'a>, level: u8, walker: &Walker<'_>) {
        let raw = inline_text(node);
        let (heading_text, custom_id) = split_attributes(&raw, self.preset);
        let span = walker.trimmed(walker.span(node));
        let (anchor, kind) = match custom_id {
            Some(id) => {
                self.anchorizer.reserve(&id);
                (id, AnchorKind::Custom)
            }
            None => {
                let source_text =
                    heading_source(walker.text.get(span.start..span.end).unwrap_or(""));
                let rendered = if self.preset == Preset::Github {
                    raw.as_str()
                } else {
                    heading_text.as_str()
                };
                (
                    self.anchorizer
                        .unique(self.preset.slug(rendered, &source_text)),
                    AnchorKind::Heading,
                )
            }
        };
        self.anchors.push(Anchor {
            id: anchor.clone(),
            kind,
            span,
        });
        self.tree.open(Section {
            heading: heading_text.clone(),
            level,
            anchor: anchor.clone(),
            bullets: Vec::new(),
            children: Vec::new(),
            heading_index: self.headings.len(),
            bullet_spans: Vec::new(),
        });
        self.headings.push(Heading {
            level,
            text: heading_text,
            anchor,
            span,
            custom_id: kind == AnchorKind::Custom,
            partial: None,
        });
        let mut block = Block {
            span,
            heading: Some(self.headings.len() - 1),
            is_heading: true,
            ..Block::default()
        };
        walker.inline(node, &mut block, self.blocks.len(), &mut self.links);
        self.blocks.push(block);
    }

    /// An HTML block or inline HTML: the suppression directives and the ids it defines.
    fn html<'a>(&mut self, node: &'a AstNode<'a>, walker: &Walker<'_>) {
        // The page's own bytes under the node, not comrak's literal: in a list item or
        // an indented block the literal has lost the indentation (and in a block quote
        // the `>`), so offsets into it would land late, even inside a character.
        let span = walker.span(node);
        let start = span.start;
        let html = walker.text.get(span.start..span.end).unwrap_or_default();
        for caps in DIRECTIVE.captures_iter(html) {
            let (Some(all), Some(kind)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let rules = caps.get(2).map_or("", |r| r.as_str());
            self.directives.push(Directive {
                kind: DirectiveKind::of(kind.as_str()),
                rules: rules
                    .split([',', ' ', '\t', '\n'])
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_string)
                    .collect(),
                span: Span::new(start + all.start(), start + all.end())
                    .min_within(walker.text.len()),
            });
        }
        for caps in HTML_ID.captures_iter(html) {
            let Some(id) = caps.get(1).or_else(|| caps.get(2)).or_else(|| caps.get(3)) else {
                continue;
            };
            // Commented-out HTML defines nothing.
            let before = &html[..id.start()];
            if before
                .rfind("<!--")
                .is_some_and(|open| before[open..].find("-->").is_none())
            {
                continue;
            }
            self.anchors.push(Anchor {
                id: id.as_str().to_string(),
                kind: AnchorKind::Html,
                span: Span::new(start + id.start(), start + id.end()).min_within(walker.text.len()),
            });
        }
    }
}

/// The text a reader sees in an inline container: text and code spans, not HTML.
fn inline_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    for d in node.descendants().skip(1) {
        match &d.data().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// A heading's source text, as Hugo slugs it: `## Link [x](y) {#id}` → `Link [x](y)`.
fn heading_source(line: &str) -> String {
    let first = line.lines().next().unwrap_or("").trim();
    let body = first.trim_start_matches('#').trim();
    let body = body.trim_end_matches('#').trim_end();
    // Most headings have no attributes: the pattern is compiled only for a page that may.
    if !body.contains('{') {
        return body.to_string();
    }
    match HEADING_ATTRS.find(body) {
        Some(m) => body[..m.start()].trim_end().to_string(),
        None => body.to_string(),
    }
}

/// `Senior {#senior}` → (`Senior`, Some(`senior`)), as the preset's renderer reads it: Hugo
/// takes `{#id .class}`, kramdown only `{#id}`, GitHub neither (the braces stay in the text).
fn split_attributes(raw: &str, preset: Preset) -> (String, Option<String>) {
    let pattern = match preset {
        Preset::Hugo => &*HEADING_ATTRS,
        Preset::KramdownGfm => &*KRAMDOWN_ID,
        Preset::Github => return (raw.to_string(), None),
    };
    if !raw.contains('{') {
        return (raw.to_string(), None);
    }
    let Some(caps) = pattern.captures(raw) else {
        return (raw.to_string(), None);
    };
    let whole = caps.get(0).expect("group 0 always matches");
    let text = raw[..whole.start()].trim_end().to_string();
    let id = caps[1]
        .split_whitespace()
        .find_map(|a| {
            a.strip_prefix('#')
                .or(Some(a).filter(|_| preset == Preset::KramdownGfm))
        })
        .filter(|id| !id.is_empty())
        .map(str::to_string);
    (text, id)
}

struct Walker<'t> {
    text: &'t str,
    index: std::sync::Arc<LineIndex>,
    template_code: Vec<Span>,
}

impl Walker<'_> {
    fn offset(&self, lc: LineColumn) -> usize {
        let line_start = self
            .index
            .line_start(lc.line.saturating_sub(1))
            .unwrap_or(self.text.len());
        floor_char_boundary(
            self.text,
            (line_start + lc.column.saturating_sub(1)).min(self.text.len()),
        )
    }

    /// The node's bytes; comrak's end column is inclusive.
    fn span(&self, node: &AstNode<'_>) -> Span {
        let pos = node.data().sourcepos;
        let start = self.offset(pos.start);
        let mut end = self.offset(pos.end) + 1;
        while end < self.text.len() && !self.text.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end.min(self.text.len()).max(start))
    }

    /// Appends the rendered text of `node`'s inline content to `block`, recording links.
    ///
    /// A walk with its own stack, not recursion: a page of 100,000 nested emphasis marks must
    /// not overflow a thread's stack (a rayon worker's, or the language server's).
    fn inline<'a>(
        &self,
        node: &'a AstNode<'a>,
        block: &mut Block,
        index: usize,
        links: &mut Vec<Link>,
    ) {
        // Where each open link's text starts in the block's text.
        let mut open_links: Vec<usize> = Vec::new();
        for edge in node.traverse() {
            let (child, entering) = match edge {
                NodeEdge::Start(n) => (n, true),
                NodeEdge::End(n) => (n, false),
            };
            if std::ptr::eq(child, node) {
                continue;
            }
            let data = child.data();
            match (&data.value, entering) {
                (NodeValue::Text(t), true) => {
                    let span = self.span(child);
                    block.pieces.push((block.text.len(), span));
                    // ERB tags and shortcodes are template code: blank them, keeping offsets.
                    let mut text = t.to_string();
                    for code in self.template_code_in(span) {
                        let from = code.start.saturating_sub(span.start);
                        let to = (code.end - span.start).min(text.len());
                        if let Some(range) = text.get(from..to) {
                            let blank = " ".repeat(range.len());
                            text.replace_range(from..to, &blank);
                        }
                    }
                    block.text.push_str(&text);
                }
                (NodeValue::Code(_), true) => {
                    // Code is not prose: a grade sentence or link syntax quoted in a code span
                    // is an example, not a statement. A space keeps the words around it apart.
                    block.code.push(self.span(child));
                    block.text.push(' ');
                }
                (NodeValue::SoftBreak | NodeValue::LineBreak, true) => block.text.push(' '),
                (NodeValue::Link(_), true) => open_links.push(block.text.len()),
                (NodeValue::Link(l), false) => {
                    let start = open_links.pop().unwrap_or(block.text.len());
                    let end = block.text.len();
                    let span = self.span(child);
                    links.push(Link {
                        kind: LinkKind::of(&l.url),
                        destination: super::destination::destination(self.text, span, &l.url),
                        url: l.url.clone(),
                        text: block.text[start..end].to_string(),
                        span,
                        block: index,
                        text_range: (start, end),
                        in_heading: block.is_heading,
                    });
                }
                _ => {}
            }
        }
    }

    /// The template code spans that overlap `span`, found by binary search: they are sorted
    /// and do not overlap, and scanning them all for every text node is quadratic.
    fn template_code_in(&self, span: Span) -> impl Iterator<Item = &Span> {
        let first = self.template_code.partition_point(|c| c.end <= span.start);
        self.template_code[first..]
            .iter()
            .take_while(move |c| c.start < span.end)
    }

    /// `span` without trailing white space or line endings.
    fn trimmed(&self, span: Span) -> Span {
        let s = self.text.get(span.start..span.end).unwrap_or("");
        Span::new(span.start, span.start + s.trim_end().len())
    }

    /// Adds `span` to `prose`, cut around template code.
    fn push_prose(&self, span: Span, prose: &mut Vec<Span>) {
        let mut start = span.start;
        for code in self.template_code_in(span) {
            if code.start > start {
                prose.push(Span::new(start, code.start));
            }
            start = start.max(code.end);
        }
        if start < span.end {
            prose.push(Span::new(start, span.end));
        }
    }
}

/// Builds the heading tree as headings arrive in document order.
#[derive(Default)]
struct SectionTree {
    roots: Vec<Section>,
    open: Vec<Section>,
}

impl SectionTree {
    fn open(&mut self, section: Section) {
        while self.open.last().is_some_and(|s| s.level >= section.level) {
            self.close_one();
        }
        self.open.push(section);
    }

    fn current(&mut self) -> Option<&mut Section> {
        self.open.last_mut()
    }

    fn close_one(&mut self) {
        if let Some(done) = self.open.pop() {
            match self.open.last_mut() {
                Some(parent) => parent.children.push(done),
                None => self.roots.push(done),
            }
        }
    }

    fn finish(mut self) -> Vec<Section> {
        while !self.open.is_empty() {
            self.close_one();
        }
        self.roots
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        parse(&Source::from_text("t.md".into(), text.to_string(), false)).unwrap()
    }

    #[test]
    fn builds_sections_bullets_and_spans() {
        let text = "---\ntitle: PM\n---\n\n# Product *Manager*\n\n## Requirements {#req}\n\n* Ability to use `GitLab`\n  * nested\n\n### Senior\n\n- one\n\n## Hiring Process\n";
        let p = page(text);
        assert_eq!(p.title.as_deref(), Some("PM"));
        let names: Vec<_> = p
            .headings
            .iter()
            .map(|h| (h.level, h.text.as_str(), h.anchor.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                (1, "Product Manager", "product-manager"),
                (2, "Requirements", "req"),
                (3, "Senior", "senior"),
                (2, "Hiring Process", "hiring-process")
            ]
        );
        assert_eq!(p.slice(p.headings[1].span), "## Requirements {#req}");
        let req = &p.sections[0].children[0];
        assert_eq!(req.bullets, ["Ability to use GitLab", "nested"]);
        assert_eq!(p.slice(req.bullet_spans[0]), "Ability to use `GitLab`");
        assert_eq!(req.children[0].bullets, ["one"]);
        assert_eq!(p.sections[0].children[1].heading, "Hiring Process");
    }

    #[test]
    fn template_code_is_not_prose() {
        let text = "Hello <%= partial(\"x\") %> world {{< ref \"a\" >}} end\n";
        let p = page(text);
        let prose: String = p.prose.iter().map(|s| p.slice(*s)).collect();
        assert!(
            !prose.contains("partial") && !prose.contains("ref"),
            "{prose}"
        );
        assert!(prose.contains("Hello") && prose.contains("world") && prose.contains("end"));
    }

    #[test]
    fn crlf_and_duplicate_headings() {
        let p = page("## Job Grade\r\n\r\ntext\r\n\r\n## Job Grade\r\n");
        assert_eq!(p.headings[1].anchor, "job-grade-1");
        assert_eq!(p.slice(p.headings[1].span), "## Job Grade");
        assert_eq!(p.title, None);
    }

    #[test]
    fn html_ids_and_directives_in_indented_and_nested_html_have_exact_spans() {
        let text = "## Café résumé\n\n  <div id=\"héllo\">é</div>\n\n- item\n\n   <!-- jobfam-disable-next-line spelling -->\n  Ownnership ünd\n\n> <a name=\"zz\">q</a>\n>  <span id='yy'>q</span>\n\n- é\n\n  > <div id=\"deep\">ü</div>\n\nText <span id=ïn>x</span> and <!-- jobfam-disable-line -->\n";
        let p = page(text);
        let ids: Vec<_> = p
            .anchors
            .iter()
            .filter(|a| a.kind == AnchorKind::Html)
            .map(|a| (a.id.as_str(), p.slice(a.span)))
            .collect();
        assert_eq!(
            ids,
            [
                ("héllo", "héllo"),
                ("zz", "zz"),
                ("yy", "yy"),
                ("deep", "deep"),
                ("ïn", "ïn")
            ]
        );
        let directives: Vec<_> = p.directives.iter().map(|d| p.slice(d.span)).collect();
        assert_eq!(
            directives,
            [
                "<!-- jobfam-disable-next-line spelling -->",
                "<!-- jobfam-disable-line -->"
            ]
        );
    }
}

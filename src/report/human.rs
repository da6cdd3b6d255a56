//! `--format human`: miette's graphical diagnostics, then a one-line summary.
//!
//! Nothing from a page, a path or the config reaches the terminal raw: messages, help, labels
//! and paths are [`printable`], and miette draws the source lines from [`drawable`] text.

use super::{Run, Style, printable, printable_line};
use crate::diagnostic::{Diagnostic, Summary};
use crate::rules::{Applicability, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};
use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

pub(super) fn write(out: &mut dyn Write, style: Style, run: &Run<'_>) -> io::Result<()> {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::none()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    let mut any = false;
    for report in run.reports {
        if style.quiet {
            any |= !report.diagnostics.is_empty();
            continue;
        }
        let drawn = report.text.as_ref().map(drawable);
        let source = drawn
            .as_ref()
            .map(|t| NamedSource::new(printable_line(&report.path), ArcText(t.clone())));
        for d in &report.diagnostics {
            any = true;
            let mut rendered = String::new();
            // miette cannot draw a label past column 65,535, and a snippet of a line that long
            // helps nobody: such findings are shown with their position only.
            let short = drawn.as_ref().is_some_and(|t| spans_short_lines(t, d));
            let diag = Rendered {
                d,
                source: source.as_ref().filter(|_| short),
            };
            handler
                .render_report(&mut rendered, &diag)
                .map_err(|_| io::Error::other("cannot render a diagnostic"))?;
            writeln!(out, "{rendered}")?;
        }
    }
    if !any {
        let files = run.files_checked;
        writeln!(
            out,
            "All checks passed ({files} file{})",
            if files == 1 { "" } else { "s" }
        )?;
        return Ok(());
    }
    let s = Summary::of(run.reports);
    writeln!(out, "{}", summary_line(s, run.files_checked))?;
    if let Some(line) = fixable_line(run) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// `[*] 307 fixable with --fix (12 more with --unsafe-fixes)`, when any finding has a fix.
pub(crate) fn fixable_line(run: &Run<'_>) -> Option<String> {
    let (mut safe, mut unsafe_) = (0, 0);
    for fix in run
        .reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .filter_map(|d| d.fix.as_ref())
    {
        match fix.applicability {
            Applicability::Safe => safe += 1,
            Applicability::Unsafe => unsafe_ += 1,
        }
    }
    match (safe, unsafe_) {
        (0, 0) => None,
        (0, u) => Some(format!("[*] {u} fixable with --fix --unsafe-fixes")),
        (s, 0) => Some(format!("[*] {s} fixable with --fix")),
        (s, u) => Some(format!(
            "[*] {s} fixable with --fix ({u} more with --unsafe-fixes)"
        )),
    }
}

/// Whether every line a diagnostic's labels touch is short enough to draw.
fn spans_short_lines(text: &str, d: &Diagnostic) -> bool {
    const MAX_LINE: usize = 4_000;
    std::iter::once(d.span)
        .chain(d.labels.iter().map(|(s, _)| *s))
        .all(|span| {
            let start = text
                .get(..span.start)
                .map_or(0, |t| t.rfind('\n').map_or(0, |i| i + 1));
            let end = text.get(span.end..).map_or(text.len(), |t| {
                t.find('\n').map_or(text.len(), |i| span.end + i)
            });
            end.saturating_sub(start) <= MAX_LINE
        })
}

/// The page text as miette should draw it: each control character but tab and line breaks
/// becomes `?`, or `¿` for a two-byte C1 control, so the terminal shows it rather than obeys
/// it; and a lone CR becomes LF, the line break the rest of jobfam (and comrak) counts it as,
/// where miette would send it raw. Each replacement has the byte length and width of what it
/// replaces, so spans keep pointing at the same text and columns stay the same. (A visible
/// control picture such as `␛` is three bytes, which would move every span after it.)
fn drawable(text: &Arc<str>) -> Arc<str> {
    let plain = |c: char| !c.is_control() || c == '\t' || c == '\n';
    if text.chars().all(plain) {
        return Arc::clone(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\r' if chars.peek() == Some(&'\n') => '\r',
            '\r' => '\n',
            c if plain(c) => c,
            c if c.len_utf8() == 1 => '?',
            _ => '¿',
        });
    }
    out.into()
}

/// `12 errors, 3 warnings in 259 files`.
pub(crate) fn summary_line(s: Summary, files: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = vec![plural(s.error, "error"), plural(s.warning, "warning")];
    if s.info > 0 {
        parts.push(plural(s.info, "info"));
    }
    format!("{} in {}", parts.join(", "), plural(files, "file"))
}

/// Page text shared with the report, readable by miette.
#[derive(Clone)]
struct ArcText(Arc<str>);

impl SourceCode for ArcText {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        self.0
            .as_ref()
            .read_span(span, context_lines_before, context_lines_after)
    }
}

struct Rendered<'a> {
    d: &'a Diagnostic,
    source: Option<&'a NamedSource<ArcText>>,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.d.message))
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = printable(&self.d.message);
        if self.source.is_none() {
            write!(
                f,
                "{}:{}:{}: {message}",
                printable_line(&self.d.path),
                self.d.line,
                self.d.column
            )
        } else {
            f.write_str(&message)
        }
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(printable_line(&self.d.rule)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.d
            .help
            .as_ref()
            .map(|h| Box::new(printable(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source?;
        let primary =
            LabeledSpan::new_primary_with_span(None, (self.d.span.start, self.d.span.len()));
        let extra = self.d.labels.iter().map(|(s, text)| {
            LabeledSpan::new_with_span(Some(printable(text).into_owned()), (s.start, s.len()))
        });
        Some(Box::new(std::iter::once(primary).chain(extra)))
    }
}

//! `markdown/heading-space`: `#Heading`, a heading with no space after its `#`.

use super::{paragraph_lines, space_after};
use crate::document::Span;
use crate::rules::{Check, Context, Finding, Input, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a line of a paragraph that starts with one to six `#` and then a capital letter:
    /// `#Requirements`, `##Levels`. CommonMark wants a space after the `#`s; without one the
    /// line renders as text with the `#` shown. A lower-case word or a number after `#` is a
    /// channel or a count (`#people-connect`, `#1`), not a heading, and is left alone.
    ///
    /// markdownlint has this as MD018 (no space after hash on atx style heading); jobfam has it
    /// so a handbook need not run a second linter for it, and it knows ERB and shortcodes.
    ///
    /// ## Why is this bad?
    /// The section has no heading: its title shows as a line of text with a `#`, and links to
    /// it find no anchor.
    ///
    /// ## Example
    /// ```markdown
    /// ##Requirements
    /// ```
    /// Use instead:
    /// ```markdown
    /// ## Requirements
    /// ```
    ///
    /// ## Fix
    /// Unsafe: a space is put after the `#`s, which makes the line a heading (and gives the page
    /// a new anchor); shown, and applied with `--unsafe-fixes`.
    HEADING_SPACE { id: "markdown/heading-space", severity: Warning, fix: Always(Unsafe), check: Check::Code(check) }
}

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let mut out = Vec::new();
    for block in page.blocks.iter().filter(|b| !b.in_item) {
        for (start, line, _) in paragraph_lines(page, block) {
            let hashes = line.bytes().take_while(|&b| b == b'#').count();
            if !(1..=6).contains(&hashes)
                || !line[hashes..].starts_with(|c: char| c.is_uppercase())
            {
                continue;
            }
            let span = Span::new(start, start + hashes);
            let marks = &line[..hashes];
            let mut f = Finding::new(
                &HEADING_SPACE,
                span,
                format!("`{marks}` has no space after it, so this line is text, not a heading"),
            )
            .with_help(format!("write `{marks} ` to make the line a heading"));
            f.fix = Some(space_after(span, marks));
            out.push(f);
        }
    }
    out
}

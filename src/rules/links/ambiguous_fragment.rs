//! `links/ambiguous-fragment`: a link to a repeated heading's first copy, when its text names
//! another one.

use crate::document::roles::parents;
use crate::document::titles::{is_label, level_text, words};
use crate::rules::{Applicability, Check, Context, Finding, Input, declare_rule};
use crate::site::Target;
use std::collections::HashMap;

declare_rule! {
    /// ## What it does
    /// Flags a link to one of several headings with the same label ("Responsibilities",
    /// "Job Grade") whose text names the level of another copy: `[Senior Program Manager
    /// Responsibilities](#responsibilities-1)` when `#responsibilities-1` is the copy under
    /// "Program Manager". It stays quiet unless the link text names one other copy's level more
    /// fully than the level of the copy it reaches.
    ///
    /// ## Why is this bad?
    /// The link resolves, so nothing looks broken, but the reader lands in the wrong level's
    /// section.
    ///
    /// ## Example
    /// `[Senior Responsibilities](#responsibilities)` where the Senior copy is
    /// `#responsibilities-1`; use instead `[Senior Responsibilities](#responsibilities-1)`.
    ///
    /// ## Fix
    /// Sometimes: the fragment is replaced with the copy the text names. The fix is unsafe
    /// (applied only with `--unsafe-fixes`): link text can name a level loosely.
    AMBIGUOUS_FRAGMENT { id: "links/ambiguous-fragment", severity: Warning, fix: Sometimes(Unsafe), check: Check::Code(check) }
}

/// The most copies of one label a link is weighed against.
const MAX_COPIES: usize = 64;

fn check(input: &Input, _ctx: &Context) -> Vec<Finding> {
    let page = &input.page;
    let parents = parents(&page.headings);
    let level_of = |h: usize| parents[h].map(|p| level_text(&page.headings[p].text));
    // Headings by anchor (the first that has it) and by text, built once: looking them up by
    // scanning every heading for every link is quadratic.
    let mut by_anchor: HashMap<&str, usize> = HashMap::new();
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (h, heading) in page.headings.iter().enumerate() {
        by_anchor.entry(heading.anchor.as_str()).or_insert(h);
        by_text.entry(heading.text.as_str()).or_default().push(h);
    }
    let mut findings = Vec::new();
    for (link, target) in page.links.iter().zip(&input.targets) {
        let Target::SamePage { fragment } = target else {
            continue;
        };
        let Some(&reached) = by_anchor.get(fragment.as_str()) else {
            continue;
        };
        // Only repeated labels ("Responsibilities", "Job Grade") are ambiguous: a level
        // heading repeated under itself names one thing.
        let repeated = &page.headings[reached].text;
        let text = link.text.to_lowercase();
        if !is_label(repeated) || !text.contains(&repeated.to_lowercase()) {
            continue;
        }
        let copies: Vec<usize> = by_text[repeated.as_str()]
            .iter()
            .copied()
            .filter(|&h| h != reached)
            .collect();
        // Past a few dozen copies of one label no link text can single one out, and weighing
        // each copy for each link would be quadratic.
        if copies.is_empty() || copies.len() > MAX_COPIES {
            continue;
        }
        // The copy whose level the link text names most fully: "Senior Program Manager
        // Responsibilities" names the Senior copy, not the one under "Program Manager".
        // Compared word by word with abbreviations spelled out, so "Sr." names "Senior".
        let text_words = format!(" {} ", words(&link.text).join(" "));
        let named_length = |h: usize| {
            level_of(h)
                .map(|l| words(&l).join(" "))
                .filter(|l| !l.is_empty() && text_words.contains(&format!(" {l} ")))
                .map(|l| l.len())
        };
        let best = std::iter::once(reached)
            .chain(copies.iter().copied())
            .filter_map(|h| Some((named_length(h)?, h)))
            .max();
        let Some((length, meant)) = best else {
            continue;
        };
        let ties = copies
            .iter()
            .chain([&reached])
            .filter(|&&h| named_length(h) == Some(length))
            .count();
        if meant == reached || ties > 1 {
            continue;
        }
        let heading = &page.headings[meant];
        let mut f = Finding::new(
            &AMBIGUOUS_FRAGMENT,
            link.span,
            format!(
                "`#{fragment}` reaches the \"{}\" {}, but the link text names the one under `{}`",
                heading.text,
                level_of(reached)
                    .filter(|l| !l.is_empty())
                    .map_or("at the top".to_string(), |l| format!("under `{l}`")),
                level_of(meant).unwrap_or_default()
            ),
        )
        .with_help(format!("link to `#{}`", heading.anchor));
        // The link text names the copy, but text can name a level loosely: shown, not applied.
        f.fix = super::fragment_fix(page, link, &heading.anchor, Applicability::Unsafe);
        findings.push(f);
    }
    findings
}

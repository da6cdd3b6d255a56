//! The partials step of the pipeline: sections that another file renders into a page.
//!
//! A Middleman page may write `<%= partial("job-families/sales/performance") %>` and a Hugo page
//! `{{% job-families/sales/performance %}}`; the section that call renders (its heading
//! included) is in another file. Like [`crate::site::Site::resolve`], this step may read files
//! the page names: each partial's file is found once per run, beside the page or in a folder
//! above it (Middleman's `_name.erb` in the name's folder, also under `source/`; Hugo's
//! `layouts/shortcodes/name.html` or `.md`), and its Markdown headings join the page's
//! headings at the call. Where the file is not in the checkout, the config's `partials` table
//! names the headings a partial renders. The rules then see the page as it renders.

use crate::document::{Heading, Page, PartialUse, Span};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

/// A partial call: `partial("name")` in ERB, `{{% name %}}` or `{{< name >}}` in Hugo.
static CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"<%=?\s*partial\(?\s*["']([^"']+)["']|\{\{[%<]\s*([A-Za-z0-9_][A-Za-z0-9_./-]*/[A-Za-z0-9_./-]+)\s*(?:[%>]\}\}|\s)"#,
    )
    .expect("static regex compiles")
});

/// A Markdown heading line of a partial: `## Performance Indicators`.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(#{1,6})[ \t]+(.+?)[ \t#]*$").expect("static regex compiles")
});

/// A partial's file as shown, and its headings (level, text).
type Found = (String, Vec<(u8, String)>);

/// A partial looked for: its file's headings, or `None` when there is no file.
type Seen = Option<Arc<Found>>;

/// Partials for one run: the config's named sections and the files read so far.
#[derive(Debug, Default)]
pub struct Partials {
    /// Headings by partial name, from the config.
    named: BTreeMap<String, Vec<String>>,
    /// Headings of each partial file read, by folder and name (`None`: not found).
    files: Mutex<HashMap<(PathBuf, String), Seen>>,
}

impl Partials {
    /// Partials whose sections the config names (`partials = { "name" = ["Heading"] }`).
    pub fn new(named: BTreeMap<String, Vec<String>>) -> Partials {
        Partials {
            named,
            files: Mutex::default(),
        }
    }

    /// Adds the headings that the page's partial calls render to `page.headings`, at each
    /// call, and records each use in `page.partials`.
    pub fn expand(&self, page: &mut Page, path: &Path) {
        let calls: Vec<(String, Span)> = page
            .template_code
            .iter()
            .filter_map(|span| {
                let code = page.text.get(span.start..span.end)?;
                let caps = CALL.captures(code)?;
                let name = caps.get(1).or_else(|| caps.get(2))?.as_str().to_string();
                Some((name, *span))
            })
            .collect();
        if calls.is_empty() {
            return;
        }
        // The page's folder as the page's path names it (so a file found is shown the way
        // the page is), then the folders above the current one.
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut added: Vec<Heading> = Vec::new();
        for (name, span) in calls {
            let (from, headings): (String, Vec<(u8, String)>) =
                match self.file_headings(&dir, &name) {
                    Some(found) => (found.0.clone(), found.1.clone()),
                    None => match self.named.get(&name) {
                        Some(named) => (
                            "config".into(),
                            named.iter().map(|h| (2, h.clone())).collect(),
                        ),
                        None => continue,
                    },
                };
            added.extend(headings.iter().map(|(level, text)| Heading {
                level: *level,
                text: text.clone(),
                anchor: page.slug.slug(text, text),
                span,
                custom_id: false,
                partial: Some(from.clone()),
            }));
            page.partials.push(PartialUse {
                name,
                from,
                headings: headings.into_iter().map(|(_, t)| t).collect(),
            });
        }
        // Into the page's headings at each call, in one stable sort: a heading of the page
        // and a partial's at one place keep the page's first.
        if !added.is_empty() {
            page.headings.extend(added);
            page.headings
                .sort_by_key(|h| (h.span.start, h.partial.is_some()));
        }
    }

    /// The file of partial `name` seen from `dir`, and its headings; read once per run.
    fn file_headings(&self, dir: &Path, name: &str) -> Option<Arc<Found>> {
        let key = (dir.to_path_buf(), name.to_string());
        if let Some(found) = self.files.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return found;
        }
        let found = find_file(dir, name).and_then(|file| {
            let source = crate::source::Source::read(&file).ok()?;
            Some(Arc::new((
                crate::paths::display_path(&file),
                headings_of(&source.text),
            )))
        });
        if let Ok(mut m) = self.files.lock() {
            m.insert(key, found.clone());
        }
        found
    }
}

/// The file a partial `name` (`job-families/sales/performance`) names, looked for in `dir`
/// and the folders above it: Middleman's `_performance.erb` (or `.html.erb`, `.html.md.erb`,
/// `.md.erb`, `.md`) in `job-families/sales/`, also under `source/`; Hugo's
/// `layouts/shortcodes/job-families/sales/performance.html` (or `.md`).
fn find_file(dir: &Path, name: &str) -> Option<PathBuf> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let above_cwd: Vec<PathBuf> = if dir.is_absolute() {
        Vec::new()
    } else {
        cwd.ancestors().skip(1).map(Path::to_path_buf).collect()
    };
    let folders = dir.ancestors().map(Path::to_path_buf).chain(above_cwd);
    find_in(folders, name)
}

fn find_in(folders: impl Iterator<Item = PathBuf>, name: &str) -> Option<PathBuf> {
    let name = name.trim_matches('/');
    if name.contains("..") || name.is_empty() {
        return None;
    }
    let (folder, base) = match name.rsplit_once('/') {
        Some((folder, base)) => (folder, base),
        None => ("", name),
    };
    let middleman = [
        ".erb",
        ".html.erb",
        ".html.md.erb",
        ".md.erb",
        ".md",
        ".html.md",
    ]
    .map(|ext| format!("_{base}{ext}"));
    let hugo = [".html", ".md"].map(|ext| format!("{base}{ext}"));
    for above in folders {
        for root in [above.clone(), above.join("source")] {
            for file in &middleman {
                let candidate = root.join(folder).join(file);
                if candidate.is_file() {
                    return Some(candidate);
                }
            }
        }
        for file in &hugo {
            let candidate = above.join("layouts/shortcodes").join(folder).join(file);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// The Markdown headings of a partial's text, outside fenced code, ERB and Hugo tags removed.
fn headings_of(text: &str) -> Vec<(u8, String)> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if let Some(caps) = HEADING.captures(line) {
            let level = u8::try_from(caps[1].len()).unwrap_or(6);
            let text = crate::document::strip_template(&caps[2]);
            let text = text.trim();
            if !text.is_empty() {
                out.push((level, text.to_string()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_and_headings() {
        let erb =
            r#"<%= partial("job-families/sales/performance", :locals => { :roleName => "X" }) %>"#;
        let caps = CALL.captures(erb).unwrap();
        assert_eq!(&caps[1], "job-families/sales/performance");
        let hugo = "{{% job-families/sales/performance %}}";
        assert_eq!(
            &CALL.captures(hugo).unwrap()[2],
            "job-families/sales/performance"
        );
        // A shortcode without a folder is not a partial of a job family (`ref`, `note`).
        assert!(CALL.captures(r#"{{% ref "a#b" %}}"#).is_none());
        assert_eq!(
            headings_of(
                "## Performance Indicators\n\nText <%= x %>\n```\n# code\n```\n### KPIs <%= y %>\n"
            ),
            [
                (2, "Performance Indicators".to_string()),
                (3, "KPIs".to_string())
            ]
        );
    }
}

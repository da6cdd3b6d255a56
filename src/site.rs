//! Where links lead: a link's destination → a page on disk, and the anchors that page defines.
//!
//! This stage sits between parsing and the rules: [`Site::resolve`] fills [`Page::targets`]
//! so the `links/…` rules only compare. A linked page that was not on the command line (a
//! pre-commit run passes only the staged files) is read and parsed here, once per run however
//! many links point at it.

use crate::document::slug::Preset;
use crate::document::{LinkKind, Page};
use crate::paths::normalize;
use crate::paths::percent_decode;
use crate::source::Source;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// Where one link leads.
#[derive(Clone, Debug)]
pub enum Target {
    /// Not judged: another site, `mailto:`, template code, or a site path with no site root.
    Unjudged,
    /// `#fragment` on the same page.
    SamePage {
        /// The fragment, percent-decoded, without `#`.
        fragment: String,
    },
    /// An existing page (or file) of this site.
    Page {
        /// The file found.
        path: PathBuf,
        /// The fragment, percent-decoded, if the link has one.
        fragment: Option<String>,
        /// The page's anchors; `None` for a file that is not a Markdown page.
        anchors: Option<Arc<HashSet<String>>>,
    },
    /// No page answers this path.
    Missing {
        /// The path that was looked up, as the site sees it.
        path: String,
        /// The link with its last segment replaced by the closest page beside it, if one is close.
        suggestion: Option<String>,
    },
}

/// A linked page's anchors, parsed at most once per run.
type Slot = Arc<OnceLock<Option<Arc<HashSet<String>>>>>;

/// The site the checked pages belong to.
#[derive(Default)]
pub struct Site {
    roots: Vec<PathBuf>,
    prefixes: Vec<String>,
    origin: Option<String>,
    slug: Option<Preset>,
    pages: Mutex<HashMap<PathBuf, Slot>>,
    /// The page each looked-up path is served from, found once per run: a handbook's links
    /// lead to the same few hundred paths thousands of times.
    served: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// The names of the pages in each folder a missing link's suggestion was sought in.
    listings: Mutex<HashMap<PathBuf, Arc<Vec<String>>>>,
}

/// Whether `url` can be a site's origin (`https://about.gitlab.com`): `--site-url` and
/// `site_url` must be. It needs a host (`https://` alone would make every `https://` link
/// look like this site's); a port and a path under which the site is served may follow.
pub fn is_origin(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (host_ok, port) = match authority.strip_prefix('[') {
        // An IPv6 address: `[::1]:8080`.
        Some(bracketed) => match bracketed.split_once(']') {
            Some((ip, "")) => (is_ipv6(ip), None),
            Some((ip, after)) => (is_ipv6(ip), Some(after.strip_prefix(':').unwrap_or(""))),
            None => (false, None),
        },
        None => {
            let (host, port) = match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            };
            let label =
                |l: &str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            (host.split('.').all(label), port)
        }
    };
    let port_ok =
        port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    host_ok && port_ok
}

fn is_ipv6(ip: &str) -> bool {
    ip.contains(':')
        && ip
            .chars()
            .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
}

impl Site {
    /// A site with these roots (folders served at `/`), judged path prefixes, own origin
    /// (`https://about.gitlab.com`) and slug preset (`None`: detect per page).
    pub fn new(
        roots: Vec<PathBuf>,
        prefixes: Vec<String>,
        origin: Option<String>,
        slug: Option<Preset>,
    ) -> Site {
        Site {
            roots,
            prefixes,
            origin: origin.map(|o| o.trim_end_matches('/').to_ascii_lowercase()),
            slug,
            ..Site::default()
        }
    }

    /// Forgets where paths were found and what folders held, so the next lookups read the disk
    /// again: the language server checks an open page many times with one site.
    pub fn forget_lookups(&self) {
        self.served
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
        self.listings
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
    }

    /// The slug preset pages are parsed with (`None`: each page's own).
    pub fn slug(&self) -> Option<Preset> {
        self.slug
    }

    /// Where each of the page's links leads, one per link.
    pub fn resolve(&self, page: &Page, path: &Path) -> Vec<Target> {
        page.links
            .iter()
            .map(|l| self.target(path, &l.url, l.kind))
            .collect()
    }

    fn target(&self, from: &Path, url: &str, kind: LinkKind) -> Target {
        let (rest, fragment) = match url.split_once('#') {
            Some((r, f)) => (r, Some(percent_decode(f))),
            None => (url, None),
        };
        let rest = rest.split('?').next().unwrap_or("");
        match kind {
            LinkKind::Fragment => Target::SamePage {
                fragment: fragment.unwrap_or_default(),
            },
            LinkKind::Relative => {
                let rest = percent_decode(rest);
                let bases = page_bases(from);
                let found = bases
                    .iter()
                    .find_map(|base| self.find_page(&normalize(&base.join(&rest))));
                match found {
                    Some(path) => self.found(path, fragment),
                    None => Target::Missing {
                        suggestion: bases.iter().find_map(|base| self.suggest(base, &rest)),
                        path: rest,
                    },
                }
            }
            LinkKind::SiteRoot => self.site_path(&percent_decode(rest), fragment),
            LinkKind::Absolute => {
                let lower = url.to_ascii_lowercase();
                match &self.origin {
                    Some(origin)
                        if lower.starts_with(origin.as_str())
                            && lower[origin.len()..].starts_with(['/', '#']) =>
                    {
                        let path = &rest[origin.len().min(rest.len())..];
                        self.site_path(
                            &percent_decode(if path.is_empty() { "/" } else { path }),
                            fragment,
                        )
                    }
                    _ => Target::Unjudged,
                }
            }
            LinkKind::Other => Target::Unjudged,
        }
    }

    fn site_path(&self, path: &str, fragment: Option<String>) -> Target {
        // `/job-families/../handbook/x/` is under /handbook/, whatever it starts with.
        let normal = normalize(Path::new(path))
            .to_string_lossy()
            .replace('\\', "/");
        let normal = if path.ends_with('/') && !normal.ends_with('/') {
            format!("{normal}/")
        } else {
            normal
        };
        let under = |prefix: &String| {
            let bare = prefix.trim_end_matches('/');
            normal == bare || normal.starts_with(&format!("{bare}/"))
        };
        let judged =
            !self.roots.is_empty() && (self.prefixes.is_empty() || self.prefixes.iter().any(under));
        let path = normal.as_str();
        if !judged {
            return Target::Unjudged;
        }
        let relative = path.trim_start_matches('/');
        match self
            .roots
            .iter()
            .find_map(|root| self.find_page(&normalize(&root.join(relative))))
        {
            Some(found) => self.found(found, fragment),
            None => Target::Missing {
                path: path.to_string(),
                suggestion: self
                    .roots
                    .iter()
                    .find_map(|root| self.suggest(root, relative))
                    .map(|s| format!("/{s}")),
            },
        }
    }

    fn found(&self, path: PathBuf, fragment: Option<String>) -> Target {
        let anchors = if fragment.is_some() && is_page(&path) {
            self.anchors(&path)
        } else {
            None
        };
        Target::Page {
            path,
            fragment,
            anchors,
        }
    }

    /// The anchors of the page at `path`, reading and parsing it the first time it is asked for.
    fn anchors(&self, path: &Path) -> Option<Arc<HashSet<String>>> {
        let slot = {
            let mut pages = self
                .pages
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            pages.entry(path.to_path_buf()).or_default().clone()
        };
        slot.get_or_init(|| {
            let source = Source::read(path).ok()?;
            let page = crate::document::parse_with(&source, self.slug).ok()?;
            Some(Arc::new(page.anchors.into_iter().map(|a| a.id).collect()))
        })
        .clone()
    }

    /// The file a site path is served from, the way static site generators map them; each
    /// path is looked up on disk once per run.
    fn find_page(&self, path: &Path) -> Option<PathBuf> {
        let lock = || {
            self.served
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(found) = lock().get(path) {
            return found.clone();
        }
        let found = self.find_page_on_disk(path);
        lock().insert(path.to_path_buf(), found.clone());
        found
    }

    fn find_page_on_disk(&self, path: &Path) -> Option<PathBuf> {
        if path.is_file() {
            return Some(path.to_path_buf());
        }
        // A link to the rendered file: `x/index.html` and `x.html` are served from `x`'s page.
        let name = path.file_name()?.to_string_lossy();
        if name == "index.html" {
            return self.find_page(path.parent()?);
        }
        if let Some(stem) = name.strip_suffix(".html") {
            if !stem.is_empty() {
                return self.find_page(&path.with_file_name(stem));
            }
        }
        let name = path.file_name()?.to_string_lossy().to_string();
        let candidates = [
            path.join("index.md"),
            path.join("_index.md"),
            path.join("index.html.md"),
            path.join("index.html.md.erb"),
            path.with_file_name(format!("{name}.md")),
            path.with_file_name(format!("{name}.html.md")),
            path.with_file_name(format!("{name}.html.md.erb")),
            path.join("index.html"),
        ];
        candidates.into_iter().find(|c| c.is_file())
    }

    /// The names in `dir` that are pages, listed once per run.
    fn page_names(&self, dir: &Path) -> Option<Arc<Vec<String>>> {
        let lock = || {
            self.listings
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(names) = lock().get(dir) {
            return Some(Arc::clone(names));
        }
        let names: Vec<String> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| self.find_page(&dir.join(n)).is_some())
            .collect();
        let names = Arc::new(names);
        lock().insert(dir.to_path_buf(), Arc::clone(&names));
        Some(names)
    }

    /// `link` (relative to `base`) with its last segment replaced by the closest name of a
    /// page beside it: `../backend-engneer/` → `../backend-engineer/`.
    fn suggest(&self, base: &Path, link: &str) -> Option<String> {
        let trimmed = link.trim_end_matches('/');
        let (parent, last) = trimmed.rsplit_once('/').unwrap_or(("", trimmed));
        let dir = normalize(&base.join(parent));
        let names = self.page_names(&dir)?;
        let best = crate::similar::closest_strict(last, names.iter().map(String::as_str))?;
        let slash = if link.ends_with('/') { "/" } else { "" };
        Some(if parent.is_empty() {
            format!("{best}{slash}")
        } else {
            format!("{parent}/{best}{slash}")
        })
    }
}

/// The folders a relative link may be relative to: the page's folder (a link to `other.md`)
/// and the page's URL (`x.md` is served at `x/`, so `../y/` from it means `y/` beside it).
fn page_bases(page: &Path) -> Vec<PathBuf> {
    let dir = page.parent().unwrap_or(Path::new("")).to_path_buf();
    let name = page
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".html.md.erb")
        .or_else(|| name.strip_suffix(".html.md"))
        .or_else(|| name.strip_suffix(".md"))
        .unwrap_or(&name);
    if matches!(stem, "index" | "_index" | "README") {
        vec![dir]
    } else {
        vec![dir.join(stem), dir]
    }
}

fn is_page(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name.ends_with(".md") || name.ends_with(".md.erb")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_normalizes() {
        assert_eq!(percent_decode("c%2B%2B%20x"), "c++ x");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(
            page_bases(Path::new("s/x/index.html.md")),
            [PathBuf::from("s/x")]
        );
        assert_eq!(
            page_bases(Path::new("s/x.md")),
            [PathBuf::from("s/x"), PathBuf::from("s")]
        );
    }

    #[test]
    fn an_origin_needs_a_host() {
        for good in [
            "https://about.gitlab.com",
            "https://about.gitlab.com/",
            "http://localhost:1313",
            "https://gitlab.com/handbook",
            "http://[::1]:8080/",
        ] {
            assert!(is_origin(good), "{good}");
        }
        for bad in [
            "https://",
            "http://",
            "https:///x",
            "https://:443",
            "https://a..b",
            "https://exa mple.com",
            "https://x.com:",
            "https://x.com:port",
            "http://[]",
            "about.gitlab.com",
            "ftp://x.com",
        ] {
            assert!(!is_origin(bad), "{bad}");
        }
    }
}

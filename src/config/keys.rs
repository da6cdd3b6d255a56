//! Every setting, declared once: its table and key in `jobfam.toml`, what it does, an example,
//! its default, the `jobfam check` flag that overrides it, and how each of the two is read into
//! [`Settings`].
//!
//! Everything else is made from [`KEYS`]: the config reader's dispatch and its "unknown key" and
//! "did you mean" lists, the flags of `jobfam check` (the binary builds them from [`Flag`]),
//! how the command line is laid over the file, `jobfam init`'s commented starter
//! ([`super::init::starter`]) and the README's settings table ([`markdown_table`]). Adding a
//! setting is one entry here (and the [`Settings`] field it fills).

use super::file::{Kind, Reader, Value};
use super::{ConfigError, Settings};
use crate::document::slug::Preset;
use crate::globs::Globs;
use crate::rules::grades::{DEFAULT_TABLE, GradeSettings};
use crate::spelling::Locale;
use std::path::PathBuf;

/// One setting.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// Its table: `""` for the top level, else `links`, `spelling` or `grades`.
    pub table: &'static str,
    /// The key in that table.
    pub name: &'static str,
    /// What it does: the starter's comment above it, and the README's description.
    pub doc: &'static str,
    /// A value, as TOML: the starter shows `# name = example`.
    pub example: &'static str,
    /// What applies when it is not set, in words.
    pub default: &'static str,
    /// The `jobfam check` flag that overrides it, if one does.
    pub flag: Option<Flag>,
    /// Reads its value from the config file (paths relative to the file's folder).
    pub(crate) read: fn(&mut Reader, &Value<'_>, &mut Settings),
}

/// The `jobfam check` flag of a setting.
#[derive(Clone, Copy, Debug)]
pub struct Flag {
    /// The long name, without `--`.
    pub long: &'static str,
    /// What `--help` calls its value.
    pub value_name: &'static str,
    /// The `--help` section it is listed in.
    pub heading: &'static str,
    /// Its help: the first paragraph is the short help (`-h`), the whole text the long one
    /// (`--help`); clap wraps both.
    pub help: &'static str,
    /// Whether it may be given more than once, each value adding to the list.
    pub repeat: bool,
    /// The values it takes, when it takes a fixed set.
    pub choices: &'static [Choice],
    /// Checks a value as the command line is parsed, so a bad one is a usage error.
    pub check: Option<Check>,
    /// Lays the values given (in order) over the config file's settings; paths are relative
    /// to the current folder.
    pub apply: fn(&mut Settings, Vec<String>) -> Result<(), ConfigError>,
}

/// Checks a flag's value: why it cannot be used.
pub type Check = fn(&str) -> Result<(), String>;

/// One value of a setting that takes a fixed set.
#[derive(Clone, Copy, Debug)]
pub struct Choice {
    /// The value as written.
    pub name: &'static str,
    /// Other spellings the command line takes.
    pub aliases: &'static [&'static str],
    /// What it means.
    pub help: &'static str,
}

const fn choice(name: &'static str, help: &'static str) -> Choice {
    Choice {
        name,
        aliases: &[],
        help,
    }
}

/// `slug`'s values.
pub const SLUGS: &[Choice] = &[
    choice("auto", "Detect each page's generator"),
    choice(
        "hugo",
        "Hugo's goldmark `github` ids (the current handbook)",
    ),
    choice("github", "GitHub, GitLab 17+ and comrak"),
    choice(
        "kramdown-gfm",
        "kramdown's GFM parser (the Middleman handbook)",
    ),
];

/// `locale`'s values.
pub const LOCALES: &[Choice] = &[
    choice("en", "American or British"),
    Choice {
        name: "en-US",
        aliases: &["en-us", "en_US"],
        help: "American English",
    },
    Choice {
        name: "en-GB",
        aliases: &["en-gb", "en_GB"],
        help: "British English",
    },
];

/// The preset a `slug` value names; `None` for `auto`.
fn preset(name: &str) -> Option<Preset> {
    match name {
        "hugo" => Some(Preset::Hugo),
        "github" => Some(Preset::Github),
        "kramdown-gfm" => Some(Preset::KramdownGfm),
        _ => None,
    }
}

fn last(values: Vec<String>) -> Option<String> {
    values.into_iter().last()
}

fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}

/// The settings, in the order "unknown key" lists them and the starter shows them.
pub const KEYS: &[Key] = &[
    Key {
        table: "",
        name: "include",
        doc: "Files a folder walk takes (default: every .md file); the example adds ERB pages.",
        example: r#"["**/*.md", "**/*.md.erb"]"#,
        default: "`**/*.md`",
        flag: Some(Flag {
            long: "include",
            value_name: "GLOB",
            heading: "Files",
            help: "Glob of files to take when walking a directory (repeatable) [default: **/*.md]\n\n\
                   The default also takes a Middleman handbook's *.html.md.erb pages. A pattern \
                   replaces the default and the config's `include`, so to add other ERB pages \
                   give both: --include '**/*.md' --include '**/*.md.erb'",
            repeat: true,
            choices: &[],
            check: None,
            apply: |s, values| {
                s.files.include = values;
                s.files.include_base = None;
                Ok(())
            },
        }),
        read: |r, v, s| {
            if let Some(patterns) = r.strings(v, "include") {
                for p in &patterns {
                    if let Err(e) = crate::globs::compile(p.get_ref()) {
                        r.problem(p.span(), e.to_string(), None);
                    }
                }
                s.files.include = patterns
                    .into_iter()
                    .map(toml::Spanned::into_inner)
                    .collect();
                s.files.include_base = Some(r.dir.clone());
            }
        },
    },
    Key {
        table: "",
        name: "exclude",
        doc: "Files and folders never checked, even when named on the command line or by pre-commit.\n\
              A pattern without \"/\" matches a name at any depth; one with \"/\" starts at this folder.",
        example: r#"["drafts", "legacy/**"]"#,
        default: "none",
        flag: Some(Flag {
            long: "exclude",
            value_name: "GLOB",
            heading: "Files",
            help: "Glob of files or folders never to check, even when named (repeatable)\n\n\
                   Added to the config's `exclude`. A pattern without `/` matches a name at any depth \
                   (`drafts`); one with `/` is relative to the current folder (`legacy/**`).",
            repeat: true,
            choices: &[],
            check: None,
            apply: |s, values| {
                s.files.exclude.extend(Globs::new(&cwd(), &values)?);
                Ok(())
            },
        }),
        read: |r, v, s| {
            if let Some(globs) = r.globs(v, "exclude") {
                s.files.exclude = globs;
            }
        },
    },
    Key {
        table: "",
        name: "job_pages",
        doc: "The job-family pages: only they get the job-page rules (the schema, structure, grades); every\n\
              other page gets the prose rules (spelling, links). Unset, each page's kind is detected:\n\
              `layout: job_family_page`, two job-page sections, or a `job-families/` folder make a job page;\n\
              index pages and redirect or deprecation stubs never are. `jobfam model PAGE` says why.",
        example: r#"["handbook/job-families/**"]"#,
        default: "detected per page",
        flag: Some(Flag {
            long: "job-pages",
            value_name: "GLOB",
            heading: "Files",
            help: "Glob of the job-family pages, which get the job-page rules (repeatable)\n\
                   \n\
                   Replaces the config's `job_pages`. Other pages get only the prose rules (spelling, \
                   links). Without it, each page's kind is detected (`jobfam model PAGE` says why).",
            repeat: true,
            choices: &[],
            check: None,
            apply: |s, values| {
                s.job_pages = Some(Globs::new(&cwd(), &values)?);
                Ok(())
            },
        }),
        read: |r, v, s| {
            if let Some(globs) = r.globs(v, "job_pages") {
                s.job_pages = Some(globs);
            }
        },
    },
    Key {
        table: "",
        name: "schema",
        doc: "A JSON Schema (draft 2020-12) for the document model, replacing the built-in one.\n\
              `jobfam model PAGE` prints the model a schema sees.",
        example: r#""schemas/job-family.schema.json""#,
        default: "the built-in schema",
        flag: Some(Flag {
            long: "schema",
            value_name: "FILE",
            heading: "Rules",
            help: "A JSON Schema (draft 2020-12) for the document model, replacing the built-in one",
            repeat: false,
            choices: &[],
            check: None,
            apply: |s, values| {
                s.schema = last(values).map(PathBuf::from);
                Ok(())
            },
        }),
        read: |r, v, s| s.schema = r.path(v, "schema", Kind::File),
    },
    Key {
        table: "",
        name: "max_file_size",
        doc: "The most bytes jobfam reads from one file (a page, a schema, a word list): bytes, or a\n\
              string with K, M or G. A larger file is reported as a read error, not read; real pages are\n\
              far smaller. `--max-file-size` wins over this.",
        example: r#""16M""#,
        default: "`16M`",
        flag: Some(Flag {
            long: "max-file-size",
            value_name: "SIZE",
            heading: "Files",
            help: "Read no file larger than SIZE: bytes, or with a K, M or G suffix [default: 16M]\n\n\
                   A larger page is reported as a read error and not checked; so is a larger config file, \
                   schema, word list or standard input. Real pages are well under 1M: the limit is there \
                   so a link to something endless cannot exhaust memory. Replaces the config's \
                   `max_file_size`.",
            repeat: false,
            choices: &[],
            check: Some(|text| crate::source::parse_size(text).map(|_| ())),
            apply: |s, values| {
                s.max_file_size = last(values).and_then(|v| crate::source::parse_size(&v).ok());
                Ok(())
            },
        }),
        read: |r, v, s| s.max_file_size = r.size(v, "max_file_size"),
    },
    Key {
        table: "links",
        name: "site_root",
        doc: "The folder served at the site's \"/\", so site-root links like /job-families/x/ are checked\n\
              (a list when one site is built from several folders).",
        example: r#""content""#,
        default: "none: site-root links are not judged",
        flag: Some(Flag {
            long: "site-root",
            value_name: "DIR",
            heading: "Links",
            help: "Folder served at the site's `/`, for site-root links like /job-families/x/ (repeatable)\n\n\
                   Without one, site-root links are not judged. Give several when one URL space is served \
                   from several source folders; a path resolves if any root has it.",
            repeat: true,
            choices: &[],
            check: None,
            apply: |s, values| {
                s.site_roots = values.into_iter().map(PathBuf::from).collect();
                Ok(())
            },
        }),
        read: |r, v, s| {
            for root in r.strings(v, "site_root").unwrap_or_default() {
                if let Some(p) = r.resolve_path(&root, Kind::Folder) {
                    s.site_roots.push(p);
                }
            }
        },
    },
    Key {
        table: "links",
        name: "site_url",
        doc: "The site's own origin: absolute links to it are checked like site-root links.",
        example: r#""https://handbook.gitlab.com""#,
        default: "none",
        flag: Some(Flag {
            long: "site-url",
            value_name: "URL",
            heading: "Links",
            help: "The site's own origin (e.g. https://about.gitlab.com): absolute links to it are checked too",
            repeat: false,
            choices: &[],
            check: None,
            apply: |s, values| {
                s.site_url = last(values);
                Ok(())
            },
        }),
        read: |r, v, s| {
            if let Some(url) = r.string(v, "site_url") {
                if crate::site::is_origin(&url) {
                    s.site_url = Some(url);
                } else {
                    r.problem(
                        v.span(),
                        format!("site_url `{url}` is not an http(s) origin"),
                        Some("write it like \"https://about.gitlab.com\"".into()),
                    );
                }
            }
        },
    },
    Key {
        table: "links",
        name: "site_prefix",
        doc: "Judge only site paths under these prefixes (for a checkout that holds part of the site).",
        example: r#"["/job-families/"]"#,
        default: "every site path",
        flag: Some(Flag {
            long: "site-prefix",
            value_name: "PREFIX",
            heading: "Links",
            help: "Judge only site paths under this prefix, e.g. /job-families/ (repeatable)\n\n\
                   For a partial checkout: links into parts of the site that are not here are not reported.",
            repeat: true,
            choices: &[],
            check: None,
            apply: |s, values| {
                s.site_prefixes = values;
                Ok(())
            },
        }),
        read: |r, v, s| {
            for prefix in r.strings(v, "site_prefix").unwrap_or_default() {
                if prefix.get_ref().starts_with('/') {
                    s.site_prefixes.push(prefix.into_inner());
                } else {
                    r.problem(
                        prefix.span(),
                        format!("site_prefix `{}` is not a site path", prefix.get_ref()),
                        Some("write it like \"/job-families/\"".into()),
                    );
                }
            }
        },
    },
    Key {
        table: "links",
        name: "slug",
        doc: "How heading ids are made: \"auto\" (per page), \"hugo\", \"github\" or \"kramdown-gfm\".",
        example: r#""auto""#,
        default: "`auto`",
        flag: Some(Flag {
            long: "slug",
            value_name: "SLUG",
            heading: "Links",
            help: "How heading ids are made [default: auto]\n\n\
                   `auto` uses kramdown-gfm for Middleman pages (index.html.md, `layout: job_family_page`) \
                   and hugo for the rest.",
            repeat: false,
            choices: SLUGS,
            check: None,
            apply: |s, values| {
                if let Some(name) = last(values) {
                    s.slug = preset(&name);
                }
                Ok(())
            },
        }),
        read: |r, v, s| {
            if let Some(name) = r.choice(v, "slug", SLUGS) {
                s.slug = preset(name);
            }
        },
    },
    Key {
        table: "spelling",
        name: "locale",
        doc: "\"en\" accepts American and British spellings; \"en-US\" or \"en-GB\" reports the other one.",
        example: r#""en""#,
        default: "`en`",
        flag: Some(Flag {
            long: "locale",
            value_name: "LOCALE",
            heading: "Spelling",
            help: "Which English is right: `en` accepts American and British spellings, `en-US` and \
                   `en-GB` report the other one (spelling/variant) [default: en]",
            repeat: false,
            choices: LOCALES,
            check: None,
            apply: |s, values| {
                if let Some(locale) = last(values).as_deref().and_then(Locale::parse) {
                    s.locale = locale;
                }
                Ok(())
            },
        }),
        read: |r, v, s| {
            if let Some(name) = r.choice(v, "locale", LOCALES) {
                s.locale = Locale::parse(name).unwrap_or_default();
            }
        },
    },
    Key {
        table: "spelling",
        name: "words",
        doc: "Words to accept in any casing.",
        example: r#"["onboarding", "runbook"]"#,
        default: "none",
        flag: None,
        read: |r, v, s| {
            for word in r.strings(v, "words").unwrap_or_default() {
                // Known in any casing a word may take: `zuora`, `Zuora`, `ZUORA`.
                s.vocabulary.add(&word.get_ref().to_lowercase());
            }
        },
    },
    Key {
        table: "spelling",
        name: "words_file",
        doc: "Word lists, one entry per line (\"#\" comments). .jobfam-words.txt files beside the pages,\n\
              or in any folder above them, are read without being listed here.",
        example: r#""jobfam-words.txt""#,
        default: "none",
        flag: Some(Flag {
            long: "words",
            value_name: "FILE",
            heading: "Spelling",
            help: "A word list to accept: one word per line, `#` comments (repeatable)\n\n\
                   Lower-case entries match any case; entries with a capital (`Zuora`) are terms whose \
                   other casings are reported. `.jobfam-words.txt` files beside the pages, or in any folder \
                   above them, are read too. Added to the config's `words_file`.",
            repeat: true,
            choices: &[],
            check: None,
            apply: |s, values| {
                s.words.extend(values.into_iter().map(PathBuf::from));
                Ok(())
            },
        }),
        read: |r, v, s| {
            for file in r.strings(v, "words_file").unwrap_or_default() {
                if let Some(p) = r.resolve_path(&file, Kind::File) {
                    s.words.push(p);
                }
            }
        },
    },
    Key {
        table: "spelling",
        name: "terms",
        doc: "Names with one right casing: other casings are reported (spelling/term-case).",
        example: r#"["GitLab", "Zuora"]"#,
        default: "none",
        flag: None,
        read: |r, v, s| {
            for term in r.strings(v, "terms").unwrap_or_default() {
                if term.get_ref().chars().any(char::is_uppercase) {
                    s.vocabulary.add(term.get_ref());
                } else {
                    r.problem(
                        term.span(),
                        format!("term `{}` has no capital letter", term.get_ref()),
                        Some("a term is a name with one right casing, like \"GitLab\"; put plain words in `words`".into()),
                    );
                }
            }
        },
    },
    Key {
        table: "",
        name: "partials",
        doc: "The headings a partial renders into a page, by the name the page calls it by, for partials whose\n\
              file is not in the checkout. A partial whose file is found (Middleman's `_name.erb`, Hugo's\n\
              `layouts/shortcodes/name.html`) is read instead.",
        example: r#"{ "job-families/sales/performance" = ["Performance Indicators"] }"#,
        default: "none",
        flag: None,
        read: |r, v, s| {
            if let Some(lists) = r.string_lists(v, "partials") {
                s.partials.extend(lists);
            }
        },
    },
    Key {
        table: "grades",
        name: "table",
        doc: "Where the job-grades table lives: grade links must point here (grades/malformed).",
        example: "\"/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades\"",
        default: "GitLab's job-grades table",
        flag: None,
        read: |r, v, s| {
            let table = match r.string(v, "table") {
                Some(table) if GradeSettings::page_of(&table).is_some() => table,
                Some(table) => {
                    r.problem(
                        v.span(),
                        format!("`{table}` names no page"),
                        Some(format!(
                            "write the table's page and anchor, like \"{DEFAULT_TABLE}\""
                        )),
                    );
                    return;
                }
                None => return,
            };
            s.grades = GradeSettings::new(&table, s.grades.across_pages);
        },
    },
    Key {
        table: "grades",
        name: "across_pages",
        doc: "Compare grades across the pages of one run, not only within a page (grades/conflict).",
        example: "true",
        default: "`true`",
        flag: None,
        read: |r, v, s| {
            if let Some(across) = r.boolean(v, "across_pages") {
                s.grades = GradeSettings::new(&s.grades.table, across);
            }
        },
    },
];

/// Tables of their own, beside the settings at the top level.
pub const TABLES: &[&str] = &["rules", "overrides", "links", "spelling", "grades"];

/// The tables that hold settings, in the order the starter shows them.
pub const SETTING_TABLES: &[&str] = &["links", "spelling", "grades"];

/// The keys of one table: its settings (and, at the top level, the tables).
pub fn of(table: &str) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = in_table(table).map(|k| k.name).collect();
    if table.is_empty() {
        keys.extend(TABLES);
    }
    keys
}

/// The settings of one table.
pub fn in_table(table: &str) -> impl Iterator<Item = &'static Key> + '_ {
    KEYS.iter().filter(move |k| k.table == table)
}

/// The table a setting belongs in, for "`slug` belongs in the [links] table".
pub fn home(name: &str) -> Option<&'static str> {
    KEYS.iter()
        .find(|k| k.name == name && !k.table.is_empty())
        .map(|k| k.table)
}

/// The README's table of settings: key, flag, default and what it does.
pub fn markdown_table() -> String {
    let mut out = String::from("| setting | flag | default | what it does |\n|---|---|---|---|\n");
    for key in KEYS {
        let name = match key.table {
            "" => key.name.to_string(),
            table => format!("{table}.{}", key.name),
        };
        let flag = key
            .flag
            .map(|f| format!("`--{}`", f.long))
            .unwrap_or_default();
        let doc = key.doc.replace('\n', " ").replace('|', "\\|");
        out.push_str(&format!(
            "| `{name}` | {flag} | {} | {doc} |\n",
            key.default
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The settings of one table in a TOML text: lines `key =` or `# key =`, after its
    /// `[table]` header (the top level before the first header).
    fn shown(text: &str, table: &str) -> Vec<String> {
        let mut current = String::new();
        let mut names = Vec::new();
        for line in text.lines() {
            let line = line.trim_start_matches('#').trim();
            if let Some(header) = line.strip_prefix('[') {
                current = header
                    .trim_matches(['[', ']'])
                    .split(']')
                    .next()
                    .unwrap_or("")
                    .into();
                continue;
            }
            if let Some((name, _)) = line.split_once(" =") {
                if current == table && !name.contains([' ', '"']) {
                    names.push(name.to_string());
                }
            }
        }
        names
    }

    #[test]
    fn the_starter_shows_every_setting_in_its_table() {
        let starter = super::super::init::starter();
        for table in std::iter::once("").chain(SETTING_TABLES.iter().copied()) {
            let declared: Vec<String> = in_table(table).map(|k| k.name.to_string()).collect();
            assert_eq!(shown(&starter, table), declared, "the starter's [{table}]");
        }
    }

    #[test]
    fn every_setting_table_is_a_table_and_every_key_in_one() {
        for key in KEYS {
            assert!(
                key.table.is_empty() || SETTING_TABLES.contains(&key.table),
                "{} is in [{}], which is not read",
                key.name,
                key.table
            );
        }
        for table in SETTING_TABLES {
            assert!(TABLES.contains(table));
        }
    }
}

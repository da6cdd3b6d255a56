//! Every setting of `jobfam.toml`, declared once: the table it lives in, its key, and the
//! command-line flag that overrides it. The reader takes its known keys (for "unknown key"
//! and "did you mean") from here, and a test checks that the starter `jobfam init` writes,
//! the README's example and `jobfam check --help` cover every setting.

/// One setting.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// Its table: `""` for the top level, else `links`, `spelling` or `grades`.
    pub table: &'static str,
    /// The key in that table.
    pub name: &'static str,
    /// The `jobfam check` flag that overrides it, if one does.
    pub flag: Option<&'static str>,
}

const fn key(table: &'static str, name: &'static str, flag: Option<&'static str>) -> Key {
    Key { table, name, flag }
}

/// The settings, in the order "unknown key" lists them.
pub const KEYS: &[Key] = &[
    key("", "include", Some("--include")),
    key("", "exclude", Some("--exclude")),
    key("", "schema", Some("--schema")),
    key("", "max_file_size", Some("--max-file-size")),
    key("links", "site_root", Some("--site-root")),
    key("links", "site_url", Some("--site-url")),
    key("links", "site_prefix", Some("--site-prefix")),
    key("links", "slug", Some("--slug")),
    key("spelling", "locale", Some("--locale")),
    key("spelling", "words", None),
    key("spelling", "words_file", Some("--words")),
    key("spelling", "terms", None),
    key("grades", "table", None),
    key("grades", "across_pages", None),
];

/// Tables of their own, beside the settings at the top level.
pub const TABLES: &[&str] = &["rules", "overrides", "links", "spelling", "grades"];

/// The keys of one table: its settings (and, at the top level, the tables).
pub fn of(table: &str) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = KEYS
        .iter()
        .filter(|k| k.table == table)
        .map(|k| k.name)
        .collect();
    if table.is_empty() {
        keys.extend(TABLES);
    }
    keys
}

/// The table a setting belongs in, for "`slug` belongs in the [links] table".
pub fn home(name: &str) -> Option<&'static str> {
    KEYS.iter()
        .find(|k| k.name == name && !k.table.is_empty())
        .map(|k| k.table)
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
    fn the_starter_and_the_readme_show_every_setting() {
        let starter = include_str!("starter.toml");
        let readme = include_str!("../../README.md");
        let example = readme
            .split("```toml\n")
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .expect("the README has a TOML example");
        for table in ["", "links", "spelling", "grades"] {
            let sorted = |mut v: Vec<String>| {
                v.sort();
                v
            };
            let declared = sorted(
                of(table)
                    .into_iter()
                    .filter(|k| !TABLES.contains(k))
                    .map(String::from)
                    .collect(),
            );
            assert_eq!(
                sorted(shown(starter, table)),
                declared,
                "starter.toml, [{table}]"
            );
            assert_eq!(
                sorted(shown(example, table)),
                declared,
                "the README's example, [{table}]"
            );
        }
    }
}

//! The slug presets against the renderers themselves: every heading id Hugo, kramdown (GFM)
//! and comrak give `tests/cli/data/slug-headings.md` must be the id jobfam computes.
//!
//! Hugo and kramdown come from Debian's `hugo`, `ruby-kramdown` and `ruby-kramdown-parser-gfm`
//! packages, which `.ci/run` installs (and then sets JOBFAM_REQUIRE_RENDERERS=1, so a missing
//! renderer fails instead of skipping).

use jobfam::document::slug::Preset;
use jobfam::source::Source;
use regex::Regex;
use std::path::Path;
use std::process::Command;

const PAGE: &str = "tests/cli/data/slug-headings.md";

fn jobfam_ids(preset: Preset) -> Vec<String> {
    let source = Source::read(Path::new(PAGE)).unwrap();
    let page = jobfam::document::parse_with(&source, Some(preset)).unwrap();
    page.headings.into_iter().map(|h| h.anchor).collect()
}

fn html_ids(html: &str) -> Vec<String> {
    let re = Regex::new(r#"<h[1-6][^>]*\sid="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

fn body() -> String {
    let text = std::fs::read_to_string(PAGE).unwrap();
    text.splitn(3, "---\n").nth(2).unwrap().to_string()
}

/// Skips (or fails, under JOBFAM_REQUIRE_RENDERERS) when a renderer is missing.
fn available(program: &str, args: &[&str]) -> bool {
    let ok = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("JOBFAM_REQUIRE_RENDERERS").is_none(),
            "{program} is required here (JOBFAM_REQUIRE_RENDERERS is set) but does not run"
        );
        eprintln!(
            "skipped: `{program}` is not installed (Debian: apt-get install hugo ruby-kramdown ruby-kramdown-parser-gfm)"
        );
    }
    ok
}

#[test]
fn kramdown_gfm_preset_matches_kramdown() {
    if !available("ruby", &["-rkramdown", "-rkramdown-parser-gfm", "-e", "1"]) {
        return;
    }
    let out = Command::new("ruby")
        .args([
            "-rkramdown",
            "-rkramdown-parser-gfm",
            "-e",
            "puts Kramdown::Document.new(STDIN.read, input: 'GFM').to_html",
        ])
        .stdin(std::fs::File::open(write_temp(&body()).path()).unwrap())
        .output();
    let out = succeeded(out);
    assert_eq!(
        jobfam_ids(Preset::KramdownGfm),
        html_ids(&String::from_utf8(out.stdout).unwrap())
    );
}

#[test]
fn hugo_preset_matches_hugo() {
    if !available("hugo", &["version"]) {
        return;
    }
    let site = tempfile::TempDir::new().unwrap();
    let root = site.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::create_dir_all(root.join("layouts/_default")).unwrap();
    std::fs::write(root.join("config.toml"), "baseURL = 'http://localhost/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n").unwrap();
    std::fs::write(root.join("layouts/_default/single.html"), "{{ .Content }}").unwrap();
    std::fs::write(root.join("layouts/_default/list.html"), "{{ .Content }}").unwrap();
    std::fs::copy(PAGE, root.join("content/page.md")).unwrap();
    succeeded(
        Command::new("hugo")
            .args(["--quiet", "-d", "out"])
            .current_dir(root)
            .output(),
    );
    let html = std::fs::read_to_string(root.join("out/page/index.html")).unwrap();
    assert_eq!(jobfam_ids(Preset::Hugo), html_ids(&html));
}

#[test]
fn github_preset_matches_comrak() {
    let mut options = comrak::Options::default();
    options.extension.header_id_prefix = Some(String::new());
    let html = comrak::markdown_to_html(&body(), &options);
    assert_eq!(jobfam_ids(Preset::Github), html_ids(&html));
}

fn write_temp(text: &str) -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), text).unwrap();
    file
}

/// The output of a renderer that must have succeeded.
fn succeeded(out: std::io::Result<std::process::Output>) -> std::process::Output {
    let out = out.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

//! Links as a user's site has them: site roots, prefixes, the site's own URL, a pre-commit run
//! on one page, and the fix offered for a broken fragment.

use crate::jobfam;
use std::fs;
use tempfile::TempDir;

fn run(dir: &TempDir, args: &[&str]) -> (i32, String) {
    let (code, out, _) = crate::check_in(dir.path(), &[&["--select", "links"], args].concat());
    (code, out)
}

/// A monorepo: job families and the handbook live in two source folders of one site.
fn site() -> TempDir {
    let dir = TempDir::new().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write(
        "sites/jobs/job-families/engineering/backend-engineer/index.html.md",
        "## Senior Backend Engineer\n",
    );
    write(
        "sites/handbook/handbook/hiring/index.html.md",
        "## Interviews\n",
    );
    write(
        "sites/jobs/job-families/engineering/frontend-engineer/index.html.md",
        "## Links\n\
         [ok](/job-families/engineering/backend-engineer/#senior-backend-engineer)\n\
         [ok too](/handbook/hiring/#interviews)\n\
         [own site](https://about.gitlab.com/job-families/engineering/backend-engineer/)\n\
         [gone](/job-families/engineering/fullstack-engineer/)\n\
         [gone too](https://about.gitlab.com/job-families/sales/nope/)\n\
         [renamed](/job-families/engineering/backend-engineer/#senior)\n\
         [not judged](/company/culture/)\n\
         [other site](https://example.com/job-families/x/)\n",
    );
    dir
}

#[test]
fn site_root_links_resolve_under_every_root() {
    let dir = site();
    let page = "sites/jobs/job-families/engineering/frontend-engineer/index.html.md";
    let (code, out) = run(
        &dir,
        &[
            page,
            "--site-root",
            "sites/jobs",
            "--site-root",
            "sites/handbook",
            "--site-url",
            "https://about.gitlab.com",
            "--site-prefix",
            "/job-families/",
            "--site-prefix",
            "/handbook/",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "{page}:5:1: error links/broken-page: link target `/job-families/engineering/fullstack-engineer/` matches no page\n\
             {page}:6:1: error links/broken-page: link target `https://about.gitlab.com/job-families/sales/nope/` matches no page\n\
             {page}:7:1: error links/broken-page-fragment: `sites/jobs/job-families/engineering/backend-engineer/index.html.md` has no anchor `#senior`\n"
        )
    );
}

#[test]
fn without_a_site_root_site_links_are_not_judged() {
    let dir = site();
    let (code, out) = run(
        &dir,
        &["sites/jobs/job-families/engineering/frontend-engineer/index.html.md"],
    );
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn one_staged_page_still_checks_its_siblings_anchors() {
    // As a pre-commit hook runs it: only the changed page is named.
    let (code, out) = {
        let out = jobfam()
            .args([
                "check",
                "--format",
                "compact",
                "fixtures/links/broken-page-fragment/bad.md",
            ])
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
        )
    };
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "fixtures/links/broken-page-fragment/bad.md:21:9: error links/broken-page-fragment: `fixtures/links/broken-page/target-page.md` has no anchor `#level`\n\
         fixtures/links/broken-page-fragment/bad.md:21:82: error links/broken-page-fragment: `fixtures/links/broken-page/target-page.md` has no anchor `#job-grades`\n"
    );
}

#[test]
fn a_close_anchor_is_offered_as_a_fix() {
    let doc = crate::json_report(
        "links/broken-fragment",
        "fixtures/links/broken-fragment/bad.md",
    );
    let text = fs::read_to_string("fixtures/links/broken-fragment/bad.md").unwrap();
    let fixes: Vec<(String, String, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let fix = &d["fix"];
            let replaced = match fix.as_object() {
                Some(f) => {
                    let at = f["offset"].as_u64().unwrap() as usize;
                    text[at..at + f["length"].as_u64().unwrap() as usize].to_string()
                }
                None => String::new(),
            };
            (
                d["help"].as_str().unwrap().to_string(),
                replaced,
                fix["replacement"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        fixes,
        [
            (
                "did you mean `#senior-manager-internal-audit`?".into(),
                "#senior-manager-internal-audits".into(),
                "#senior-manager-internal-audit".into()
            ),
            (
                "did you mean `#trust--safety`?".into(),
                "#trust-safety".into(),
                "#trust--safety".into()
            ),
            (
                "did you mean `#levels`?".into(),
                "#Levels".into(),
                "#levels".into()
            ),
            (
                "link to a heading's id; `jobfam model PAGE` lists the page's anchors".into(),
                String::new(),
                String::new()
            ),
        ]
    );
}

#[test]
fn slug_preset_can_be_forced() {
    let dir = TempDir::new().unwrap();
    // A Middleman page: kramdown numbers repeats per base id, Hugo skips ids already taken.
    fs::write(
        dir.path().join("index.html.md"),
        "## Job Grade\n## Job Grade\n## Job Grade-1\n## Job Grade\n[x](#job-grade-1-1)\n",
    )
    .unwrap();
    let (code, out) = run(&dir, &["index.html.md"]);
    assert_eq!(code, 1, "kramdown gives no job-grade-1-1: {out}");
    let (code, out) = run(&dir, &["index.html.md", "--slug", "hugo"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn a_missing_page_suggests_the_closest_page_beside_it() {
    let doc = crate::json_report("links/broken-page", "fixtures/links/broken-page/bad.md");
    let helps: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["help"].as_str().unwrap())
        .collect();
    assert_eq!(
        helps,
        [
            "no file serves `../senior-release-manager/`; check the path, or link to where the page lives now",
            "did you mean `target-page.md`?",
        ]
    );
}

/// Issue 12: `paths::normalize("../../x")` returned `x`, so from a subfolder a valid link that
/// climbs out of it twice was reported as broken, while the same page named by its absolute
/// path passed.
#[test]
fn a_link_up_two_folders_from_a_page_named_with_dot_dot_resolves() {
    let page = "---\ntitle: \"Engineer\"\n---\n\nSee [the template](../../c/t.md).\n";
    let dir = crate::dir_with(&[
        ("x/b/page.md", page.as_bytes()),
        ("c/t.md", b"---\ntitle: \"T\"\n---\n"),
        ("x/a/.keep", b""),
    ]);
    let args = ["check", "--no-config", "--select", "links/broken-page"];
    let (code, out, err) = crate::run_in(
        &dir.path().join("x/a"),
        &[&args[..], &["../b/page.md"]].concat(),
    );
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "All checks passed (1 file)\n", "")
    );
    let absolute = dir.path().join("x/b/page.md");
    let (code, out, _) = crate::run_in(
        dir.path(),
        &[&args[..], &[absolute.to_str().unwrap()]].concat(),
    );
    assert_eq!((code, out.as_str()), (0, "All checks passed (1 file)\n"));
}

//! Where a run's time goes, stage by stage, on generated pages (so it runs on a fresh clone):
//!
//!     cargo bench --bench pipeline                 # everything
//!     cargo bench --bench pipeline -- parse        # one group of benchmarks
//!     JOBFAM_BENCH_DIR=../shared/corpus cargo bench --bench pipeline -- run
//!
//! Each benchmark reports time and throughput (bytes of Markdown per second):
//! - `parse::comrak`: comrak alone, with jobfam's options: the floor no linter built on it
//!   can beat;
//! - `parse::model`: comrak and jobfam's page model (front matter, headings, anchors, links,
//!   ladder, prose blocks, words);
//! - `spelling::judge`: the spell checker over a parsed page's words, its memo fresh each time;
//! - `rules::check`: a whole page checked with one group of rules on (its cost is this less
//!   `parse::model`);
//! - `startup::context`: settings to a ready context (the schema compiled, the rule table);
//! - `run::floor` and `run::check_paths`: a folder of pages (generated, or `JOBFAM_BENCH_DIR`)
//!   read and parsed by comrak on every core, against `check_paths` with every rule: how far
//!   the whole pipeline is from reading and parsing alone.
//!
//! These are measurements, never assertions: nothing here fails on a slow machine.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use divan::Bencher;
use divan::counter::BytesCount;
use jobfam::source::Source;

#[path = "../tests/common/pages.rs"]
mod pages;

fn main() {
    divan::main();
}

/// Page sizes, in job sections of about 1 KB each.
const SIZES: &[usize] = &[1, 8, 64];

fn source(n: usize) -> Source {
    Source::from_file_text("bench/page.md".into(), pages::page(n))
}

fn context(select: &[&str]) -> jobfam::rules::Context {
    let cli = jobfam::config::CommandLine {
        paths: Vec::new(),
        select: select.iter().map(|s| s.to_string()).collect(),
        ignore: Vec::new(),
        given: Vec::new(),
    };
    let settings = jobfam::config::Settings::default().apply(cli).unwrap();
    settings.context().unwrap()
}

mod parse {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn comrak(bencher: Bencher, n: usize) {
        let source = source(n);
        let options = jobfam::document::comrak_options();
        bencher
            .counter(BytesCount::of_str(&*source.text))
            .bench(|| {
                let arena = comrak::Arena::new();
                comrak::parse_document(&arena, &source.text, &options)
                    .descendants()
                    .count()
            });
    }

    #[divan::bench(args = SIZES)]
    fn model(bencher: Bencher, n: usize) {
        let source = source(n);
        bencher
            .counter(BytesCount::of_str(&*source.text))
            .bench(|| jobfam::document::parse(&source).unwrap());
    }
}

mod spelling {
    use super::*;
    use jobfam::spelling::{Locale, Vocabulary, check::SpellCheck};

    #[divan::bench(args = SIZES)]
    fn judge(bencher: Bencher, n: usize) {
        let source = source(n);
        let page = jobfam::document::parse(&source).unwrap();
        // The dictionaries are built in; a first judgement warms what is made on first use.
        SpellCheck::new(Locale::En, Vocabulary::default())
            .judge(&page, &source.path)
            .unwrap();
        bencher
            .counter(BytesCount::of_str(&*source.text))
            .with_inputs(|| SpellCheck::new(Locale::En, Vocabulary::default()))
            .bench_local_refs(|check| check.judge(&page, &source.path).unwrap());
    }
}

mod rules {
    use super::*;

    /// Every group of rules, each alone.
    const GROUPS: &[&str] = &[
        "structure",
        "links",
        "grades",
        "markdown",
        "style",
        "grammar",
        "spelling",
    ];

    #[divan::bench(args = GROUPS)]
    fn check(bencher: Bencher, group: &str) {
        let source = source(8);
        let ctx = context(&[group]);
        jobfam::check_source(&source, &ctx);
        bencher
            .counter(BytesCount::of_str(&*source.text))
            .bench(|| jobfam::check_source(&source, &ctx));
    }

    #[divan::bench(args = SIZES)]
    fn all(bencher: Bencher, n: usize) {
        let source = source(n);
        let ctx = context(&[]);
        jobfam::check_source(&source, &ctx);
        bencher
            .counter(BytesCount::of_str(&*source.text))
            .bench(|| jobfam::check_source(&source, &ctx));
    }
}

mod startup {
    #[divan::bench]
    fn context() -> jobfam::rules::Context {
        super::context(&[])
    }
}

mod run {
    use super::*;
    use rayon::prelude::*;
    use std::path::PathBuf;
    use std::sync::OnceLock;

    /// The folder the run benchmarks check: `JOBFAM_BENCH_DIR`, else 200 generated pages of
    /// 1 to 16 sections in a temporary folder (kept for the process).
    fn folder() -> &'static (PathBuf, Vec<PathBuf>, u64) {
        static FOLDER: OnceLock<(PathBuf, Vec<PathBuf>, u64)> = OnceLock::new();
        FOLDER.get_or_init(|| {
            let dir = match std::env::var_os("JOBFAM_BENCH_DIR") {
                Some(dir) => PathBuf::from(dir),
                None => {
                    let dir = tempfile::tempdir().unwrap().keep();
                    for i in 0..200 {
                        let page = dir.join(format!("role-{i}.md"));
                        std::fs::write(page, pages::page(1 + i % 16)).unwrap();
                    }
                    dir
                }
            };
            let (files, _) = jobfam::discover::discover(
                &[dir.to_string_lossy().into_owned()],
                &Default::default(),
            );
            let bytes = files
                .iter()
                .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
                .sum();
            (dir, files, bytes)
        })
    }

    /// Read and comrak-parse every page, on every core: the floor of a whole run.
    #[divan::bench]
    fn floor(bencher: Bencher) {
        let (_, files, bytes) = folder();
        let options = jobfam::document::comrak_options();
        bencher.counter(BytesCount::new(*bytes)).bench(|| {
            files
                .par_iter()
                .map(|path| {
                    let source = Source::read(path).unwrap();
                    let arena = comrak::Arena::new();
                    comrak::parse_document(&arena, &source.text, &options)
                        .descendants()
                        .count()
                })
                .sum::<usize>()
        });
    }

    /// The whole check of the same pages, every rule on.
    #[divan::bench]
    fn check_paths(bencher: Bencher) {
        let (dir, _, bytes) = folder();
        let paths = [dir.to_string_lossy().into_owned()];
        let contexts = jobfam::Contexts::one(context(&[]));
        let files = jobfam::discover::Files::default();
        jobfam::check_paths(&paths, &files, &contexts);
        bencher
            .counter(BytesCount::new(*bytes))
            .bench(|| jobfam::check_paths(&paths, &files, &contexts));
    }
}

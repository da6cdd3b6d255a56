//! Work per page grows linearly with the page: each hostile or heavy shape of page is generated
//! at 1×, 2×, 4× and 8× its base size, checked with every rule, and the 8× page must take at
//! most 10× the time of the 1× page (a quadratic step would take 64×).
//!
//! A test binary of its own, so cargo runs it alone, after the other tests: timings taken
//! beside a hundred other tests on two cores say little. Each size is timed several times and
//! the fastest run counts, which drops most of the noise a busy machine adds; a shape over the
//! limit is measured again before it fails. The ratio is a property of the code, not of the
//! machine, so it holds in a debug build and in CI alike.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

use std::time::Duration;

#[path = "common/pages.rs"]
mod pages;
use pages::{FRONT, job_page};

/// A shape of page: its name, its base size and how to make it at size `n`.
type Shape = (&'static str, usize, fn(usize) -> String);

/// The shapes of page, each generated at size `n`.
fn shapes() -> Vec<Shape> {
    vec![
        ("realistic page", 10, |n| {
            FRONT.to_string() + &(0..n).map(job_page).collect::<String>()
        }),
        ("one long line of prose", 250, |n| {
            FRONT.to_string()
                + &(0..n)
                    .map(|i| format!("word{i} **bold** [link](#x{i}) `code` the the Gitlab "))
                    .collect::<String>()
        }),
        ("sibling headings", 375, |n| {
            (0..n)
                .map(|i| format!("## Heading {i}\n\ntext {i}\n\n"))
                .collect()
        }),
        // Each fix in a heading asks whether the heading's id is custom: once per heading,
        // not a scan of every anchor (28× at 8× before).
        ("misspelled headings", 1500, |n| {
            (0..n)
                .map(|i| format!("## Responsibilties {i}\n\ntext\n\n"))
                .collect()
        }),
        ("identical headings", 375, |n| {
            "## Job Grade\n\ntext\n\n".repeat(n)
        }),
        ("level headings with grades", 150, |n| {
            (0..n)
                .map(|i| {
                    format!("### Senior Engineer {i}\n\n#### Job Grade\n\nThe Senior Engineer {i} is a grade {}.\n\n", i % 12)
                })
                .collect()
        }),
        // A level's label headings look back for their level: a running index per depth,
        // not a scan back over every heading.
        ("label headings under one level", 375, |n| {
            "## Senior Director, Legal\n\n".to_string()
                + &(0..n)
                    .map(|i| format!("### Director, Legal Requirements\n\nitem {i}\n\n"))
                    .collect::<String>()
        }),
        ("a ladder of many levels", 150, |n| {
            (0..n)
                .map(|i| {
                    let level = ["", "Senior ", "Staff ", "Manager, "][i % 4];
                    format!("### {level}Data Analyst {i}\n\nThe {level}Data Analyst {i} is a grade {}.\n\n[{level}Data Analyst](#data-analyst-{i})\n\n", 5 + i % 7)
                })
                .collect()
        }),
        ("broken fragments against many anchors", 150, |n| {
            (0..n)
                .map(|i| format!("## Anchor number {i}\n\n[to {i}](#anchor-nunber-{i})\n\n"))
                .collect()
        }),
        ("links in one paragraph", 750, |n| {
            (0..n).map(|i| format!("[grade {i}](#g{i}) ")).collect()
        }),
        ("suppressions", 375, |n| {
            (0..n)
                .map(|i| format!("<!-- jobfam-disable-next-line spelling -->\nteh word{i}\n\n"))
                .collect()
        }),
        ("table rows", 500, |n| {
            "| Role | Grade |\n|---|---|\n".to_string()
                + &(0..n)
                    .map(|i| format!("| Senior Role {i} | {} |\n", i % 12))
                    .collect::<String>()
        }),
        ("table columns", 250, |n| {
            let row = |cell: &str| format!("|{}\n", format!(" {cell} |").repeat(n));
            row("a") + &row("---") + &row("b") + &row("c")
        }),
        ("footnotes", 375, |n| {
            (0..n)
                .map(|i| format!("text[^{i}]\n\n[^{i}]: note {i}\n\n"))
                .collect()
        }),
        ("`[a](` soup", 2_500, |n| "[a](".repeat(n)),
        ("`[` soup", 2_500, |n| "[a ".repeat(n)),
        ("nested emphasis", 1_000, |n| {
            format!("{}a{}", "*".repeat(n), "*".repeat(n))
        }),
        ("nested strong", 500, |n| {
            format!("{}a{}", "**x ".repeat(n), " x**".repeat(n))
        }),
        ("nested links", 500, |n| {
            format!("{}a{}", "[x ".repeat(n), "](#b)".repeat(n))
        }),
        ("nested images", 500, |n| {
            format!("{}a{}", "![x ".repeat(n), "](b.png)".repeat(n))
        }),
        ("nested quotes", 1_000, |n| format!("{} a\n", ">".repeat(n))),
        ("template code in a paragraph", 750, |n| {
            "<%= x %> word ".repeat(n)
        }),
        ("HTML ids", 500, |n| {
            (0..n).map(|i| format!("<a id=\"x{i}\"></a>\n")).collect()
        }),
        ("list items", 750, |n| {
            (0..n).map(|i| format!("- item {i} with words\n")).collect()
        }),
        ("list items after template code", 500, |n| {
            (0..n)
                .map(|i| format!("- <%= partial(\"x{i}\") %> a item\nLost Item {i}.\n"))
                .collect()
        }),
        ("lists changing bullets", 500, |n| {
            (0..n)
                .map(|i| format!("{} item {i}\n", ["-", "*", "+"][i % 3]))
                .collect()
        }),
        ("partial calls", 500, |n| {
            (0..n)
                .map(|i| format!("## Level {i}\n\n{{{{% job-families/x/p{i} %}}}}\n\n"))
                .collect()
        }),
        // Each part of a hyphenated run carried its own copy of the whole compound: 40,000
        // parts (120 KB) took 7 s and 4.7 GB. The parts now share one.
        ("one long hyphenated compound", 2000, |n| {
            format!("# Title\n\nSee {} end.\n", vec!["ab"; n].join("-"))
        }),
    ]
}

/// Rounds of timing per shape.
const ROUNDS: usize = 15;

/// How many times a shape over the limit is measured before it fails.
const ATTEMPTS: usize = 5;

/// The most time 8× the input may take, as a multiple of 1×: linear work takes 8×, quadratic 64×.
const LIMIT: f64 = 10.0;

/// Times each page, in rounds over all four sizes keeping the fastest run of each (a burst of
/// other work on the machine slows one round, not one size); returns each page's size and
/// time, and the ratio of the largest page's time to the smallest's.
fn measure(pages: &[String], ctx: &jobfam::rules::Context) -> (Vec<(usize, Duration)>, f64) {
    let mut best = [Duration::MAX; 4];
    for _ in 0..ROUNDS {
        for (b, page) in best.iter_mut().zip(pages) {
            *b = (*b).min(time(page, ctx));
        }
    }
    let times: Vec<(usize, Duration)> = pages.iter().map(String::len).zip(best).collect();
    let ratio = times[3].1.as_secs_f64() / times[0].1.as_secs_f64().max(1e-6);
    (times, ratio)
}

/// The CPU time this thread has used: unlike the wall clock, it does not count the time other
/// processes (or a virtual machine's neighbours) take the core away.
#[cfg(unix)]
fn cpu_time() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(
        t.tv_sec.unsigned_abs(),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
}

/// Elsewhere, the wall clock since the first call.
#[cfg(not(unix))]
fn cpu_time() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// How long checking `text` takes.
fn time(text: &str, ctx: &jobfam::rules::Context) -> Duration {
    let start = cpu_time();
    let report = jobfam::check_text("page.md", text, ctx);
    let elapsed = cpu_time().saturating_sub(start);
    assert!(
        !report.diagnostics.iter().any(|d| d.fatal),
        "{:?}",
        report.diagnostics.first()
    );
    elapsed
}

#[test]
fn work_per_page_is_linear_in_its_size() {
    let settings = jobfam::config::Settings::default();
    let ctx = settings.context().unwrap();
    // Load the dictionary before any timing.
    jobfam::check_text("page.md", &job_page(0), &ctx);
    let mut failures = Vec::new();
    // `JOBFAM_GROWTH=table` runs the shapes whose name holds `table`, to profile one.
    let only = std::env::var("JOBFAM_GROWTH").unwrap_or_default();
    for (name, base, make) in shapes().into_iter().filter(|(n, ..)| n.contains(&only)) {
        let pages: Vec<String> = [1, 2, 4, 8].iter().map(|k| make(base * k)).collect();
        // The largest page first, untimed: the allocator then holds the memory every size
        // needs, so fresh pages from the kernel do not count against the larger sizes.
        jobfam::check_text("page.md", &pages[3], &ctx);
        // Noise only ever makes a size slower, so a shape over the limit is measured again,
        // up to five times, and its best ratio counts: a quadratic step (64×) fails every
        // time, a cache miss or a busy neighbour does not fail twice.
        let mut ratio = f64::INFINITY;
        for _ in 0..ATTEMPTS {
            let (times, r) = measure(&pages, &ctx);
            eprintln!(
                "{name:<40} {:>9} B {:>8.1?} | 2× {:>8.1?} | 4× {:>8.1?} | 8× {:>8.1?} | 8×/1× {r:.1}",
                times[0].0, times[0].1, times[1].1, times[2].1, times[3].1
            );
            ratio = ratio.min(r);
            if ratio <= LIMIT {
                break;
            }
        }
        if ratio > LIMIT {
            failures.push(format!("{name}: 8× the input took {ratio:.1}× the time"));
        }
    }
    assert!(failures.is_empty(), "superlinear: {failures:#?}");
}

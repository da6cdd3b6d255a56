//! The real pages in ../shared/corpus, when they are there: no crash, no file error.

use jobfam::config::Settings;
use std::path::Path;

#[test]
fn corpus_is_checked_without_file_errors() {
    let corpus = Path::new("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!(
            "skipped: ../shared/corpus is absent (it sits beside the project's checkout in development only)"
        );
        return;
    }
    let contexts = jobfam::Contexts::one(Settings::default().context().unwrap());
    let outcome = jobfam::check_paths(
        &[corpus.display().to_string()],
        &jobfam::discover::Files::default(),
        &contexts,
    );
    assert!(
        outcome.files_checked > 200,
        "{} pages",
        outcome.files_checked
    );
    let fatal: Vec<_> = outcome
        .reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .filter(|d| d.fatal)
        .collect();
    assert!(fatal.is_empty(), "{fatal:#?}");
    assert_eq!(outcome.exit_code(), 1);
}

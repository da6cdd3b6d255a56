//! Expands SCOWL's en_US Hunspell dictionary into every word form it accepts and stores them as
//! hash tables in `OUT_DIR`, which `src/spelling/dictionary.rs` embeds: checking a word is then
//! a lookup, and jobfam parses no dictionary when it starts (it took 12 ms of every run).
#![allow(clippy::disallowed_methods)] // A build script reads its inputs directly.

#[path = "src/spelling/hunspell.rs"]
mod hunspell;
#[path = "src/spelling/table.rs"]
mod table;

use std::path::PathBuf;

fn main() {
    let aff_path = "data/hunspell/en_US.aff";
    let dic_path = "data/hunspell/en_US.dic";
    let common_path = "data/common/en-common.txt";
    for path in [
        common_path,
        aff_path,
        dic_path,
        "src/spelling/hunspell.rs",
        "src/spelling/table.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let read = |path: &str| {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    };
    let forms = hunspell::expand(&read(aff_path), &read(dic_path));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, words) in [
        ("en_US.visible", &forms.visible),
        ("en_US.hidden", &forms.hidden),
    ] {
        let bytes = table::build(words.iter().map(String::as_str));
        write(&out.join(name), &bytes);
    }
    // The commonest English words, asked about for every correction weighed.
    let common = read(common_path);
    let words = common.lines().filter(|l| !l.starts_with('#'));
    write(&out.join("en-common"), &table::build(words));
}

fn write(path: &std::path::Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

//! Expands SCOWL's en_US Hunspell dictionary into every word form it accepts and stores them as
//! hash tables in `OUT_DIR`, which `src/spelling/dictionary.rs` embeds: checking a word is then
//! a lookup, and jobfam parses no dictionary when it starts (it took 12 ms of every run).
#![allow(clippy::disallowed_methods)] // A build script reads its inputs directly.

#[path = "src/spelling/hunspell.rs"]
mod hunspell;
#[path = "src/spelling/table.rs"]
mod table;
// Its pair reading only; the lookups are the library's.
#[allow(dead_code)]
#[path = "src/spelling/variants.rs"]
mod variants;

use std::path::PathBuf;

fn main() {
    let aff_path = "data/hunspell/en_US.aff";
    let dic_path = "data/hunspell/en_US.dic";
    let common_path = "data/common/en-common.txt";
    let variants_path = "data/variants/en-us-gb.txt";
    let frequency_path = "data/frequency/en-zipf.txt";
    for path in [
        frequency_path,
        common_path,
        variants_path,
        "src/spelling/variants.rs",
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
    // The common words by length: the rivals of a fix two letters longer are read from one
    // group.
    let common_words: Vec<&str> = common.lines().filter(|l| !l.starts_with('#')).collect();
    grouped(&out, "common-by-length", &common_words, |w| {
        w.len().to_string()
    });
    // The words a long typo may be two slips from: the common words and those used once in a
    // million words or more, by first byte and length.
    let frequency = read(frequency_path);
    let frequent = frequency.lines().filter_map(|l| {
        let (word, z) = l.split_once(' ')?;
        (z.parse::<u8>().ok()? >= TWO_SLIP_ZIPF).then_some(word)
    });
    let mut candidates: Vec<&str> = common_words.iter().copied().chain(frequent).collect();
    candidates.sort_unstable();
    candidates.dedup();
    grouped(&out, "two-slip", &candidates, |w| {
        format!("{}:{}", w.as_bytes()[0], w.len())
    });
    // American and British pairs, looked up for every word judged.
    let text = read(variants_path);
    let (by_us, by_gb) = variants::entries(&text);
    for (name, entries) in [("variants.us", by_us), ("variants.gb", by_gb)] {
        let pairs = entries.iter().map(|(k, v)| (*k, v.as_str()));
        write(&out.join(name), &table::build_map(pairs));
    }
}

/// How common (zipf×10) a word must be to be suggested two slips away: the library's
/// `spelling::TWO_SLIP_ZIPF`, which a unit test holds this to.
const TWO_SLIP_ZIPF: u8 = 30;

/// `NAME.txt`, the words grouped by `key` (each group's words in order, one per line), and
/// `NAME.index`, a table from each key to `start end`, the byte range of its group.
fn grouped(out: &std::path::Path, name: &str, words: &[&str], key: impl Fn(&str) -> String) {
    let mut keyed: Vec<(String, &str)> = words.iter().map(|w| (key(w), *w)).collect();
    keyed.sort();
    let mut text = String::new();
    // Each key with where its group starts and ends in `text`.
    let mut ranges: Vec<(String, usize, usize)> = Vec::new();
    for (k, w) in keyed {
        if ranges.last().is_none_or(|(last, ..)| *last != k) {
            ranges.push((k, text.len(), text.len()));
        }
        text.push_str(w);
        text.push('\n');
        if let Some((_, _, end)) = ranges.last_mut() {
            *end = text.len();
        }
    }
    write(&out.join(format!("{name}.txt")), text.as_bytes());
    let ranges: Vec<(String, String)> = ranges
        .into_iter()
        .map(|(k, start, end)| (k, format!("{start} {end}")))
        .collect();
    let pairs = ranges.iter().map(|(k, r)| (k.as_str(), r.as_str()));
    write(&out.join(format!("{name}.index")), &table::build_map(pairs));
}

fn write(path: &std::path::Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

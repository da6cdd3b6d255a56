//! A set of words as one byte string, built by the build script and used where it lies in the
//! binary: a lookup hashes the word and probes an open-addressed table, so nothing is built or
//! allocated when jobfam starts.
//!
//! Layout (all integers little-endian `u32`): the slot count (a power of two), then the slots,
//! then the words, each as a length byte and its bytes. A slot is `0` when empty, else the
//! word's offset in the word bytes plus one, shifted left by 8, with 8 bits of the word's hash
//! below it, so most probes for an absent word stop at the slot without reading a word.
//!
//! This file is compiled into the build script (which calls [`build`]) and into the library
//! (which calls [`contains`]).

/// The hash of a word (FNV-1a, 64 bits): the build script and the lookup must agree.
fn hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn read_u32(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

/// The table of `words` (words longer than 255 bytes are left out).
#[allow(dead_code)] // Called by the build script and the tests, not by the library.
pub fn build<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<u8> {
    entries(words.into_iter().map(|w| (w, w.to_string())))
}

/// The table of `key → value` pairs (`\t` parts them in the entry; later pairs replace
/// earlier ones with the same key), read with [`get`].
#[allow(dead_code)] // Called by the build script and the tests, not by the library.
pub fn build_map<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<u8> {
    let mut last: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    for (k, v) in pairs {
        last.insert(k, v);
    }
    entries(last.into_iter().map(|(k, v)| (k, format!("{k}\t{v}"))))
}

/// The table of entries, each hashed by its key.
#[allow(dead_code)] // Called by the build script and the tests, not by the library.
fn entries<'a>(items: impl Iterator<Item = (&'a str, String)>) -> Vec<u8> {
    let items: Vec<(&str, String)> = items.filter(|(_, e)| e.len() <= 255).collect();
    // At most two thirds full: an absent word, the common case when corrections are sought,
    // is known absent after a few probes, most of which read only the slot.
    let slots = (items.len() * 3 / 2).next_power_of_two().max(2);
    let mut table = vec![0u32; slots];
    let mut text = Vec::new();
    for (key, entry) in &items {
        let h = hash(key.as_bytes());
        let offset = u32::try_from(text.len() + 1).expect("word bytes under 16 MB");
        assert!(offset < 1 << 24, "word bytes under 16 MB");
        let mut i = (h >> 8) as usize & (slots - 1);
        while table[i] != 0 {
            i = (i + 1) & (slots - 1);
        }
        table[i] = (offset << 8) | (h & 0xff) as u32;
        text.push(u8::try_from(entry.len()).expect("length checked above"));
        text.extend_from_slice(entry.as_bytes());
    }
    let mut out = Vec::with_capacity(4 + slots * 4 + text.len());
    out.extend_from_slice(&u32::try_from(slots).expect("slot count fits").to_le_bytes());
    for slot in table {
        out.extend_from_slice(&slot.to_le_bytes());
    }
    out.extend_from_slice(&text);
    out
}

/// Whether the table `bytes` (made by [`build`]) holds `word`.
#[allow(dead_code)] // Called by the library and the tests, not by the build script.
pub fn contains(bytes: &[u8], word: &str) -> bool {
    find(bytes, word, |entry| entry == word.as_bytes()).is_some()
}

/// The value of `key` in the table `bytes` (made by [`build_map`]).
#[allow(dead_code)] // Called by the library and the tests, not by the build script.
pub fn get<'t>(bytes: &'t [u8], key: &str) -> Option<&'t str> {
    let entry = find(bytes, key, |entry| {
        entry.get(key.len()) == Some(&b'\t') && entry.starts_with(key.as_bytes())
    })?;
    std::str::from_utf8(&entry[key.len() + 1..]).ok()
}

/// The entry for `key` that `matches`, probing from the key's slot.
#[allow(dead_code)] // Called by the library and the tests, not by the build script.
fn find<'t>(bytes: &'t [u8], key: &str, matches: impl Fn(&[u8]) -> bool) -> Option<&'t [u8]> {
    let k = key.as_bytes();
    let slots = read_u32(bytes, 0) as usize;
    if slots == 0 || k.len() > 255 {
        return None;
    }
    let text = &bytes[(4 + slots * 4).min(bytes.len())..];
    let h = hash(k);
    let mut i = (h >> 8) as usize & (slots - 1);
    loop {
        let slot = read_u32(bytes, 4 + i * 4);
        if slot == 0 {
            return None;
        }
        if slot & 0xff == (h & 0xff) as u32 {
            let at = (slot >> 8) as usize - 1;
            let len = usize::from(text.get(at).copied().unwrap_or(0));
            if let Some(entry) = text.get(at + 1..at + 1 + len)
                && matches(entry)
            {
                return Some(entry);
            }
        }
        i = (i + 1) & (slots - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_maps() {
        let set = build(["manager", "senior", "staff"]);
        assert!(contains(&set, "manager") && contains(&set, "staff"));
        assert!(!contains(&set, "manage") && !contains(&set, "") && !contains(&set, "managers"));
        let empty = build([]);
        assert!(!contains(&empty, "x"));
        let map = build_map([("colour", "1color"), ("amongst", "0"), ("colour", "0color")]);
        assert_eq!(get(&map, "colour"), Some("0color"));
        assert_eq!(get(&map, "amongst"), Some("0"));
        assert_eq!(get(&map, "colou"), None);
        assert!(!contains(&map, "colour"));
    }
}

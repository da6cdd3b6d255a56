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
    let words: Vec<&[u8]> = words
        .into_iter()
        .map(str::as_bytes)
        .filter(|w| w.len() <= 255)
        .collect();
    // At most two thirds full: an absent word, the common case when corrections are sought,
    // is known absent after a few probes, most of which read only the slot.
    let slots = (words.len() * 3 / 2).next_power_of_two().max(2);
    let mut table = vec![0u32; slots];
    let mut text = Vec::new();
    for w in words {
        let h = hash(w);
        let offset = u32::try_from(text.len() + 1).expect("word bytes under 16 MB");
        assert!(offset < 1 << 24, "word bytes under 16 MB");
        let mut i = (h >> 8) as usize & (slots - 1);
        while table[i] != 0 {
            i = (i + 1) & (slots - 1);
        }
        table[i] = (offset << 8) | (h & 0xff) as u32;
        text.push(u8::try_from(w.len()).expect("length checked above"));
        text.extend_from_slice(w);
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
    let w = word.as_bytes();
    let slots = read_u32(bytes, 0) as usize;
    if slots == 0 || w.len() > 255 {
        return false;
    }
    let text = &bytes[(4 + slots * 4).min(bytes.len())..];
    let h = hash(w);
    let mut i = (h >> 8) as usize & (slots - 1);
    loop {
        let slot = read_u32(bytes, 4 + i * 4);
        if slot == 0 {
            return false;
        }
        if slot & 0xff == (h & 0xff) as u32 {
            let at = (slot >> 8) as usize - 1;
            let len = usize::from(text.get(at).copied().unwrap_or(0));
            if text.get(at + 1..at + 1 + len) == Some(w) {
                return true;
            }
        }
        i = (i + 1) & (slots - 1);
    }
}

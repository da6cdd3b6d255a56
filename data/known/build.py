#!/usr/bin/env python3
"""Builds en-extra.txt: real English words the en_US Hunspell dictionary does not know.

Inputs: SCOWL's huge American and British lists (Debian's wamerican-huge and wbritish-huge,
SCOWL 2020.12.07, in /usr/share/dict), the en_US Hunspell dictionary vendored in
data/hunspell (queried with Debian's `hunspell`), the common words in data/common, and
`wordfreq` (pip install wordfreq==3.1.1) for how common a word is.

SCOWL's huge size holds rare words that are one slip from a common one ("goup" for
"group", "wons", "efficiences"): a writer who types one of those meant the common word far
more often than the rare one. So a word is left out when a common word one slip away is
used at least 30 times as often (1.5 on wordfreq's zipf scale). Possessives are left out
(the checker strips `'s` itself).
Run from the repository root: python3 data/known/build.py > data/known/en-extra.txt
"""
import os
import subprocess
import wordfreq

DICT = os.environ.get("DICT_DIR", "/usr/share/dict")
LISTS = ["american-english-huge", "british-english-huge"]
HUNSPELL = "data/hunspell/en_US"
COMMON = "data/common/en-common.txt"
MARGIN = 1.5
ALPHABET = "abcdefghijklmnopqrstuvwxyz"

words = set()
for name in LISTS:
    with open(os.path.join(DICT, name), encoding="utf-8") as f:
        words.update(w.strip() for w in f if w.strip() and not w.strip().endswith("'s"))

unknown = subprocess.run(
    ["hunspell", "-d", HUNSPELL, "-l"],
    input="\n".join(sorted(words)), capture_output=True, text=True, check=True,
).stdout.split()

with open(COMMON, encoding="utf-8") as f:
    common = {w.strip() for w in f if w.strip() and not w.startswith("#")}


def one_slip(w):
    for i in range(len(w) + 1):
        a, b = w[:i], w[i:]
        if b:
            yield a + b[1:]
        if len(b) > 1:
            yield a + b[1] + b[0] + b[2:]
        for c in ALPHABET:
            if b:
                yield a + c + b[1:]
            yield a + c + b


def zipf(w):
    return wordfreq.zipf_frequency(w, "en")


out = []
for word in set(unknown):
    lower = word.lower()
    rivals = {c for c in one_slip(lower) if c != lower and c in common}
    if rivals and max(map(zipf, rivals)) - zipf(lower) >= MARGIN:
        continue
    out.append(word.encode("utf-8"))
for word in sorted(out):
    print(word.decode("utf-8"))

#!/usr/bin/env python3
"""Builds en-zipf.txt: how common each English word is, to rank corrections.

Input: the `wordfreq` package (pip install wordfreq==3.1.1), whose English figures blend
Wikipedia, subtitles, news, books, web text and social media. Output: one `word zipf` line
per word, sorted by word (bytewise), zipf times ten as a whole number (a word used once per
million words is 30, once per billion 0). Only words SCOWL's huge American or British list
has in lower case (Debian's wamerican-huge and wbritish-huge in /usr/share/dict), so the
misspellings that wordfreq counts too ("recieve", "teh") and names ("custer") are not in
it, and only words used at least about
once per 10 million words (zipf 2.0 or more); a word not listed is rarer than that.
Run from the repository root: python3 data/frequency/build.py > data/frequency/en-zipf.txt
"""
import os
import wordfreq

DICT = os.environ.get("DICT_DIR", "/usr/share/dict")
LISTS = ["american-english-huge", "british-english-huge"]
MIN_ZIPF = 2.0

known = set()
for name in LISTS:
    with open(os.path.join(DICT, name), encoding="utf-8") as f:
        known.update(w.strip() for w in f if w.strip() and w.strip() == w.strip().lower())

rows = []
for word in wordfreq.get_frequency_dict("en"):
    if word not in known or "'" in word:
        continue
    zipf = wordfreq.zipf_frequency(word, "en")
    if zipf >= MIN_ZIPF:
        rows.append((word.encode("utf-8"), round(zipf * 10)))
for word, zipf in sorted(rows):
    print(f"{word.decode('utf-8')} {zipf}")

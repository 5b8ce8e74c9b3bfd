#!/bin/sh
# make-encoding-fixtures.sh - regenerate tests/fixtures/encodings/ from
# data/articles with iconv: GB18030 copies of every sample article,
# UTF-16 (LE and BE, with BOM) copies of two, and Big5-HKSCS copies of the
# Traditional ones (000, 003).
#
# Big5-HKSCS cannot hold pinyin tone letters, U+FFFD or some characters of
# the garbled spans, so the Big5 copies are made from a "Big5-safe" UTF-8
# text (pinyin annotations removed, unrepresentable characters dropped),
# committed beside them as *.big5src.txt: the test compares the Big5 copy
# with that text, ingested as UTF-8.
set -eu
src=data/articles
out=tests/fixtures/encodings
mkdir -p "$out"
for f in "$src"/*.txt; do
	b=$(basename "$f" .txt)
	iconv -f UTF-8 -t GB18030 "$f" > "$out/$b.gb18030.txt"
done
for b in 001_fb79c2cc7258167d 000_851db24ed264abd6; do
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$src/$b.txt"; } > "$out/$b.utf16le.txt"
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$src/$b.txt"; } > "$out/$b.utf16be.txt"
done
for b in 000_851db24ed264abd6 003_b4f9f690818a8c05; do
	sed -E 's/\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)//g' "$src/$b.txt" |
		iconv -c -f UTF-8 -t BIG5-HKSCS | iconv -f BIG5-HKSCS -t UTF-8 > "$out/$b.big5src.txt"
	iconv -f UTF-8 -t BIG5-HKSCS "$out/$b.big5src.txt" > "$out/$b.big5.txt"
done

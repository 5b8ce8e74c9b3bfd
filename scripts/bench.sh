#!/bin/sh
# bench.sh BRIEF BENCH - print the benchmark figures (make bench).
set -eu
brief=$1
bench=$2
simp="data/articles/001_fb79c2cc7258167d.txt data/articles/002_aad395e038006355.txt data/articles/004_74212d2662a3d8db.txt"
trad="data/articles/000_851db24ed264abd6.txt data/articles/003_b4f9f690818a8c05.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# figures depend on what else runs: each section says the load it met
load() { echo "   (load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"; }

echo "== in-process, one core, 20 MB corpus of distinct copies"
load
echo "Simplified input:"
"$bench" extract $simp
echo "Traditional input:"
"$bench" extract $trad

echo "== whole command: brief ingest (decode, clean, extract, SQLite)"
load
for kind in simp trad; do
	mkdir -p "$tmp/$kind"
	eval files=\$$kind
	i=0; bytes=0
	while [ "$bytes" -lt 20000000 ]; do
		for f in $files; do
			i=$((i + 1))
			{ echo "第${i}期"; cat "$f"; } > "$tmp/$kind/a$i.txt"
		done
		bytes=$(du -sb "$tmp/$kind" | cut -f1)
	done
	start=$(date +%s.%N)
	"$brief" --db "$tmp/$kind.db" ingest -q "$tmp/$kind" 2>/dev/null
	end=$(date +%s.%N)
	echo "$kind $bytes $i $start $end" | awk '{ s = $5 - $4;
		printf "  %-4s %6.1f MB/s of input, %6.0f articles/s (%d articles, %.1f MB, %.2f s)\n",
		$1, $2 / 1e6 / s, $3 / s, $3, $2 / 1e6, s }'
done

echo "== hostile: 64 MiB on one line of region names and figures (issue 13.4; was killed at 600 s)"
/usr/bin/python3 - "$tmp/hostile.txt" <<'PY'
import sys
unit = "萧山区余杭区宁波市鼓楼区地区生产总值增长5%总投资1亿元的"
n = (64 << 20) - 64
with open(sys.argv[1], "w") as f:
    f.write((unit * (n // len(unit.encode()) + 1)).encode()[:n].decode("utf-8", "ignore"))
PY
/usr/bin/time -f '%e %M' -o "$tmp/htime" "$brief" --db "$tmp/hostile.db" ingest -q "$tmp/hostile.txt" \
	2>/dev/null || true
awk '{ printf "  ingest     %6.1f s, peak RSS %.0f MB (goal: within a minute)\n", $1, $2 / 1024 }' \
	"$tmp/htime"
rm -f "$tmp/hostile.txt" "$tmp/hostile.db"*

echo "== LaTeX briefing of 钱塘区 2025 (whole process, median of 11)"
load
"$brief" --db "$tmp/render.db" ingest -q data/articles 2>/dev/null
"$bench" exec 11 "$brief" --db "$tmp/render.db" render 钱塘区 --year 2025 -o "$tmp/b.tex" |
	awk '{ printf "  .tex       %6.1f ms\n", $1 }'
start=$(date +%s%N)
"$brief" --db "$tmp/render.db" render 钱塘区 --year 2025 -o "$tmp/b.tex" --compile >/dev/null
end=$(date +%s%N)
echo "$start $end $(stat -c %s "$tmp/b-xelatex.pdf")" | awk '{ printf "  xelatex    %6.0f ms (two runs), PDF %d KB\n", ($2 - $1) / 1e6, $3 / 1024 }'

echo "== PDF briefing of 钱塘区 2025 (libharu; whole process, median of 21)"
load
# the first run records the fonts fontconfig found (font.c); time the rest
"$brief" --db "$tmp/render.db" render 钱塘区 --year 2025 --format pdf -o "$tmp/b.pdf" >/dev/null 2>&1
"$bench" exec 21 "$brief" --db "$tmp/render.db" render 钱塘区 --year 2025 --format pdf \
	-o "$tmp/b.pdf" | awk '{ printf "  .pdf       %6.1f ms (goal 25)\n", $1 }'
"$bench" exec 21 "$brief" --version |
	awk '{ printf "  (starting the program alone: %.1f ms)\n", $1 }'
pages=$(pdfinfo "$tmp/b.pdf" | awk '/^Pages:/ { print $2 }')
echo "$(stat -c %s "$tmp/b.pdf") $pages" |
	awk '{ printf "  size       %6.1f KB, %d pages (bar 200 KB, goal 100 KB)\n", $1 / 1024, $2 }'
/usr/bin/time -f '%M' -o "$tmp/rss" "$brief" --db "$tmp/render.db" render 钱塘区 --year 2025 \
	--format pdf -o "$tmp/b.pdf" >/dev/null
awk '{ printf "  peak RSS   %6.1f MB\n", $1 / 1024 }' "$tmp/rss"
"$bench" pdf "$tmp/render.db"
echo "  the qpdf pass's deflate level (CPU time of one render in-process; size):"
"$bench" levels "$tmp/render.db" 钱塘区 2025
echo "== brief batch (PDF; whole command, SOURCE_DATE_EPOCH set)"
export SOURCE_DATE_EPOCH=1738713600
# time_batch DB J LABEL: wall seconds of one batch, and per briefing
time_batch() {
	rm -rf "$tmp/batch"
	start=$(date +%s%N)
	# %M: the largest process of the tree, the worker of the combined briefing
	/usr/bin/time -f %M -o "$tmp/brss" "$brief" --db "$1" batch --year 2025 --format pdf \
		--out "$tmp/batch" -j "$2" > "$tmp/batch.out"
	end=$(date +%s%N)
	n=$(grep -c '"kind": "briefing"' "$tmp/batch/2025/manifest.json")
	book=$(stat -c %s "$tmp/batch/2025/全部-合订本.pdf")
	echo "$3 $2 $n $start $end $(cat "$tmp/brss") $book" | awk '{ s = ($5 - $4) / 1e9;
		printf "  %-6s -j %d  %5d briefings + combined (%.1f MB)  %7.2f s  %6.2f ms/briefing  peak RSS %4.0f MB\n",
		$1, $2, $3, $7 / 1048576, s, s * 1000 / $3, $6 / 1024 }'
	load
}
time_batch "$tmp/render.db" 1 seed
time_batch "$tmp/render.db" 2 seed
scripts/synth-db.sh "$tmp/render.db" "$tmp/scale.db" 3000 | sed 's/^/  scale database: /'
time_batch "$tmp/scale.db" 1 scale
time_batch "$tmp/scale.db" 2 scale
/usr/bin/time -f %M -o "$tmp/brss" "$bench" book "$tmp/scale.db" 2025
awk '{ printf "   (in one process, peak RSS %.0f MB with every region'"'"'s model)\n", $1 / 1024 }' "$tmp/brss"
echo "== workbook: export --format xlsx (whole process, median of 11)"
"$bench" exec 11 "$brief" --db "$tmp/render.db" export -o "$tmp/w.xlsx" |
	awk '{ printf "  seed       %6.1f ms", $1 }'
echo " $(stat -c %s "$tmp/w.xlsx")" | awk '{ printf ", %d KB\n", $1 / 1024 }'
"$bench" exec 3 "$brief" --db "$tmp/scale.db" export -o "$tmp/w.xlsx" --year 2025 |
	awk '{ printf "  scale      %6.1f ms", $1 }'
echo " $(stat -c %s "$tmp/w.xlsx")" | awk '{ printf ", %d KB\n", $1 / 1024 }'
echo "== ingest from URLs: the seeds from python3's http.server on 127.0.0.1, --delay 0"
mkdir -p "$tmp/www" && cp data/articles/*.txt "$tmp/www/"
/usr/bin/python3 -u -m http.server -b 127.0.0.1 -d "$tmp/www" 0 > "$tmp/www.log" 2>&1 &
srv=$!
port=
for _ in $(seq 50); do
	port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$tmp/www.log" | head -n 1)
	[ -n "$port" ] && break
	sleep 0.1
done
urls=$(for f in "$tmp"/www/*.txt; do echo "http://127.0.0.1:$port/${f##*/}"; done)
# shellcheck disable=SC2086
"$bench" exec 5 "$brief" --db "$tmp/web.db" ingest -q --delay 0 $urls |
	awk '{ printf "  5 URLs     %6.1f ms (whole process; unchanged after the first run)\n", $1 }'
"$bench" exec 5 "$brief" --db "$tmp/web.db" ingest -q data/articles |
	awk '{ printf "  5 files    %6.1f ms (the same, from disk)\n", $1 }'
kill "$srv"

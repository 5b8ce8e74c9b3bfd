/*
 * regions-gen.c - regions-gen REGIONS.tsv OUT.c: the gazetteer's tables
 * (src/extract/regions_table.h) as C arrays, built once by make instead
 * of in every process that looks up a region.
 *
 * The names, their order and the sort order are the ones the run-time
 * loader used to build, so every lookup gives what it gave before.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/regions_table.h"
#include "util/utf8.h"

#define MAXNAMES 65535  /* indices are 16-bit */

typedef struct name {
	const char *s;
	size_t len, region;
	brief_name_kind kind;
	uint64_t pair;
} name;

typedef struct table {
	const char *path;
	brief_region *regions;
	size_t nregions;
	name *names;
	size_t nnames;
} table;

static void die(const char *path, const char *msg)
{
	fprintf(stderr, "regions-gen: %s: %s\n", path, msg);
	exit(1);
}

static void add_name(table *t, const char *s, size_t region, brief_name_kind kind)
{
	size_t len = strlen(s);
	if (brief_utf8_chars(s, len) < 2)
		return;
	if (t->nnames == MAXNAMES || len > 0xFFFF)
		die(t->path, "too many names for 16-bit indices");
	t->names[t->nnames++] = (name){ s, len, region, kind, brief_region_pair(s, len) };
}

/* Splits one TSV line in place into up to `max` fields. */
static size_t fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

/*
 * Most county-level cities (县级市) were counties until the 1980s-2020s
 * (横县 -> 横州市 in 2021, 庄河县 -> 庄河市 in 1992), and articles and
 * older reports still use the county's name: 横县 for 横州市. The former
 * name is the city's short form (or its name without 市) and 县.
 */
static void add_county_name(table *t, const brief_region *r, size_t idx)
{
	size_t n = strlen(r->name);
	if (r->level != BRIEF_LEVEL_COUNTY || n < 6 || strcmp(r->name + n - 3, "市"))
		return;
	const char *stem = r->short_name ? r->short_name : r->name;
	size_t k = r->short_name ? strlen(stem) : n - 3;
	char *d = malloc(k + 4);
	if (!d)
		die(t->path, "out of memory");
	if (brief_utf8_chars(stem, k) < 1) {
		free(d);
		return;
	}
	memcpy(d, stem, k);
	memcpy(d + k, "县", 4);
	add_name(t, d, idx, NAME_FORMER);
}

static void add_region(table *t, char **f)
{
	/* A prefecture-level city without counties (东莞市, 中山市, 儋州市) is
	 * listed again as its own county, parent itself: one division, kept
	 * once, or its parent chain would never reach the province. */
	if (*f[2] && !strcmp(f[0], f[2]))
		return;
	size_t idx = t->nregions++;
	brief_region *r = &t->regions[idx];
	r->code = f[0];
	r->name = f[1];
	r->parent_code = *f[2] ? f[2] : NULL;
	r->level = (brief_level)atoi(f[3]);
	r->short_name = *f[4] ? f[4] : NULL;
	if (r->level < BRIEF_LEVEL_PROVINCE || r->level > BRIEF_LEVEL_COUNTY)
		die(t->path, "a level outside 1-3");
	add_name(t, r->name, idx, NAME_FULL);
	if (r->short_name)
		add_name(t, r->short_name, idx, NAME_SHORT);
	add_county_name(t, r, idx);
	for (char *p = f[5], *end; p && *p; p = end) {
		end = strchr(p, ',');
		if (end)
			*end++ = '\0';
		add_name(t, p, idx, NAME_FORMER);
	}
}

static char *slurp(const char *path, size_t *lines)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die(path, strerror(errno));
	size_t cap = 1 << 20, n = 0;
	char *data = malloc(cap);
	for (size_t k; data && (k = fread(data + n, 1, cap - n - 1, f)) > 0;) {
		n += k;
		if (n + 1 == cap && !(data = realloc(data, cap *= 2)))
			break;
	}
	if (!data || ferror(f))
		die(path, "cannot read");
	fclose(f);
	data[n] = '\0';
	*lines = 0;
	for (size_t i = 0; i < n; i++)
		*lines += data[i] == '\n';
	return data;
}

static void load(table *t, char *data, size_t lines)
{
	t->regions = calloc(lines + 1, sizeof *t->regions);
	t->names = calloc(5 * (lines + 1), sizeof *t->names);
	if (!t->regions || !t->names)
		die(t->path, "out of memory");
	for (char *line = data, *next; line && *line; line = next) {
		char *f[6] = { 0 };
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (*line != '#' && fields(line, f, 6) == 6)
			add_region(t, f);
	}
}

static const table *sorting;

static int by_code(const void *a, const void *b)
{
	const brief_region *r = sorting->regions;
	return strcmp(r[*(const uint16_t *)a].code, r[*(const uint16_t *)b].code);
}

/* equal keys keep the table's order */
static int by_index(uint16_t x, uint16_t y)
{
	return (x > y) - (x < y);
}

static int by_text(const void *a, const void *b)
{
	uint16_t x = *(const uint16_t *)a, y = *(const uint16_t *)b;
	int c = strcmp(sorting->names[x].s, sorting->names[y].s);
	return c ? c : by_index(x, y);
}

static int by_pair(const void *a, const void *b)
{
	uint16_t x = *(const uint16_t *)a, y = *(const uint16_t *)b;
	uint64_t p = sorting->names[x].pair, q = sorting->names[y].pair;
	int c = (p > q) - (p < q);
	return c ? c : by_index(x, y);
}

static uint16_t *sorted(const table *t, size_t n, int (*cmp)(const void *, const void *))
{
	uint16_t *v = malloc((n ? n : 1) * sizeof *v);
	if (!v)
		die(t->path, "out of memory");
	for (size_t i = 0; i < n; i++)
		v[i] = (uint16_t)i;
	sorting = t;
	qsort(v, n, sizeof *v, cmp);
	return v;
}

/* A C string literal; bytes outside printable ASCII as octal escapes,
 * which never run on into the next character. */
static void put_str(FILE *o, const char *s)
{
	if (!s) {
		fputs("NULL", o);
		return;
	}
	fputc('"', o);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p == '"' || *p == '\\')
			fprintf(o, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7F)
			fprintf(o, "\\%03o", *p);
		else
			fputc(*p, o);
	fputc('"', o);
}

static void put_index(FILE *o, const char *decl, const uint16_t *v, size_t n)
{
	fprintf(o, "const uint16_t %s[] = {", decl);
	for (size_t i = 0; i < n; i++)
		fprintf(o, "%s%u,", i % 16 ? " " : "\n\t", v[i]);
	fputs("\n};\n", o);
}

static void check_codes(const table *t, const uint16_t *v)
{
	for (size_t i = 1; i < t->nregions; i++)
		if (!strcmp(t->regions[v[i]].code, t->regions[v[i - 1]].code)) {
			fprintf(stderr, "regions-gen: %s: code %s listed twice\n", t->path,
				t->regions[v[i]].code);
			exit(1);
		}
}

static void put_filter(FILE *o, const table *t)
{
	enum { WORDS = (1u << BRIEF_REGION_FILTER_BITS) / 64 };
	static uint64_t bits[WORDS];
	for (size_t i = 0; i < t->nnames; i++) {
		uint32_t b = brief_region_pair_bit(t->names[i].pair);
		bits[b >> 6] |= (uint64_t)1 << (b & 63);
	}
	fputs("const uint64_t brief_region_pair_filter[] = {", o);
	for (size_t i = 0; i < WORDS; i++)
		fprintf(o, "%s0x%llx,", i % 4 ? " " : "\n\t", (unsigned long long)bits[i]);
	fputs("\n};\n", o);
}

static void emit(FILE *o, const table *t)
{
	fprintf(o, "/* generated from %s by scripts/regions-gen.c; do not edit */\n"
		   "#include \"extract/regions_table.h\"\n\n", t->path);
	fputs("const brief_region brief_region_table[] = {\n", o);
	for (size_t i = 0; i < t->nregions; i++) {
		const brief_region *r = &t->regions[i];
		fputs("\t{ ", o);
		put_str(o, r->code);
		fputs(", ", o);
		put_str(o, r->name);
		fputs(", ", o);
		put_str(o, r->short_name);
		fputs(", ", o);
		put_str(o, r->parent_code);
		fprintf(o, ", %d },\n", (int)r->level);
	}
	fprintf(o, "};\nconst size_t brief_region_count = %zu;\n\n", t->nregions);
	fputs("const brief_region_name brief_region_names[] = {\n", o);
	for (size_t i = 0; i < t->nnames; i++) {
		fputs("\t{ ", o);
		put_str(o, t->names[i].s);
		fprintf(o, ", %zu, %zu, %d },\n", t->names[i].len, t->names[i].region,
			(int)t->names[i].kind);
	}
	fprintf(o, "};\nconst size_t brief_region_nnames = %zu;\n\n", t->nnames);
	uint16_t *code = sorted(t, t->nregions, by_code);
	check_codes(t, code);
	put_index(o, "brief_region_by_code_index", code, t->nregions);
	uint16_t *text = sorted(t, t->nnames, by_text);
	put_index(o, "brief_region_names_by_text", text, t->nnames);
	uint16_t *pair = sorted(t, t->nnames, by_pair);
	put_index(o, "brief_region_names_by_pair", pair, t->nnames);
	fputs("const uint64_t brief_region_pairs[] = {", o);
	for (size_t i = 0; i < t->nnames; i++)
		fprintf(o, "%s0x%llx,", i % 8 ? " " : "\n\t",
			(unsigned long long)t->names[pair[i]].pair);
	fputs("\n};\n", o);
	put_filter(o, t);
	free(code);
	free(text);
	free(pair);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: regions-gen REGIONS.tsv OUT.c\n");
		return 2;
	}
	table t = { .path = argv[1] };
	size_t lines;
	char *data = slurp(argv[1], &lines);
	load(&t, data, lines);
	if (!t.nregions)
		die(argv[1], "no regions");
	/* written beside and renamed: make never sees half a table */
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
	FILE *o = fopen(tmp, "w");
	if (!o)
		die(tmp, strerror(errno));
	emit(o, &t);
	if (fclose(o) || rename(tmp, argv[2])) {
		remove(tmp);
		die(argv[2], "cannot write");
	}
	return 0;
}

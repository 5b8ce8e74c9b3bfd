#include "render/pdf/font.h"

#include <fontconfig/fontconfig.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"


struct brief_font {
	char *path, *family;
	int index;
	hb_face_t *face;
	hb_font_t *font;        /* at upem scale: advances in font units */
	unsigned upem;
	hb_set_t *unicodes;     /* what the face covers */
	int refs;
};

/*
 * Faces found stay open for the life of the process, one per family: a
 * batch renders thousands of briefings with the same few fonts, and
 * fontconfig's matching and HarfBuzz's tables are then paid for once.
 */
static struct cached {
	char *family;
	brief_font *font;
} cache[32];
static size_t ncached;

/* libharu embeds only TrueType outlines; CFF-based OpenType will not do. */
static bool has_glyf(hb_face_t *face)
{
	hb_blob_t *glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
	bool ok = hb_blob_get_length(glyf) > 0;
	hb_blob_destroy(glyf);
	return ok;
}

static brief_font *font_open(const char *file, int index, const char *family)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(file);
	brief_font *f = blob ? calloc(1, sizeof *f) : NULL;
	if (!f) {
		hb_blob_destroy(blob);
		return NULL;
	}
	f->refs = 1;
	f->path = strdup(file);
	f->family = strdup(family);
	f->index = index;
	f->face = hb_face_create(blob, (unsigned)index);
	hb_blob_destroy(blob);
	f->upem = hb_face_get_upem(f->face);
	f->font = hb_font_create(f->face);
	f->unicodes = hb_set_create();
	hb_face_collect_unicodes(f->face, f->unicodes);
	if (!f->path || !f->family || !has_glyf(f->face)) {
		brief_font_free(f);
		return NULL;
	}
	return f;
}

static brief_font *lookup(const char *family);
static brief_font *recorded(const char *family, bool *known);
static void record(const char *family, const brief_font *f);
static void forget_record(void);

/* The face for family: from brief's record when it is fresh, else
 * from fontconfig (and then recorded). */
static brief_font *find(const char *family)
{
	bool known;
	brief_font *f = recorded(family, &known);
	if (known)
		return f;
	f = lookup(family);
	record(family, f);
	return f;
}

brief_font *brief_font_find(const char *family, brief_diag *d)
{
	for (size_t i = 0; i < ncached; i++)
		if (!strcmp(cache[i].family, family)) {
			if (cache[i].font)
				cache[i].font->refs++;
			else
				brief_error(d, family, "no such font installed (fontconfig)");
			return cache[i].font;
		}
	brief_font *f = find(family);
	if (!f)
		brief_error(d, family, "no such font installed (fontconfig)");
	if (ncached < sizeof cache / sizeof *cache && (cache[ncached].family = strdup(family))) {
		cache[ncached++].font = f;
		if (f)
			f->refs++;
	}
	return f;
}

void brief_font_cache_clear(void)
{
	for (size_t i = 0; i < ncached; i++) {
		brief_font_free(cache[i].font);
		free(cache[i].family);
	}
	ncached = 0;
	forget_record();
}

static brief_font *lookup(const char *family)
{
	FcPattern *pat = FcNameParse((const FcChar8 *)family), *match = NULL;
	FcResult res;
	FcChar8 *file = NULL;
	brief_font *f = NULL;
	int index = 0;

	if (!pat || !FcConfigSubstitute(NULL, pat, FcMatchPattern))
		goto out;
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	if (!match || FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch)
		goto out;
	FcPatternGetInteger(match, FC_INDEX, 0, &index);
	/* fontconfig falls back to any font; only the family asked for counts */
	bool same = false;
	FcChar8 *got = NULL;
	for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &got) == FcResultMatch; i++)
		same |= strcasecmp((const char *)got, family) == 0;
	if (!same)
		goto out;
	f = font_open((const char *)file, index, family);
out:
	if (match)
		FcPatternDestroy(match);
	if (pat)
		FcPatternDestroy(pat);
	return f;
}

/* ---------------------------------------------------------------- */
/* The record of family -> file.                                    */

/*
 * fontconfig's start (its configuration and the caches of every font
 * directory) costs more than the rest of a briefing's font work, and
 * gives the same answer until fonts or configuration change. brief
 * keeps the answers in $XDG_CACHE_HOME/brief/fonts (~/.cache/brief),
 * each line "family TAB file TAB index" (no file: not installed), under
 * a first line naming the state they were found in: the modification
 * times of fontconfig's configuration and cache directories (fc-cache,
 * run whenever a font package is installed, rewrites the caches) and of
 * the usual font directories, and the variables that point fontconfig
 * elsewhere. Any change of state, or a recorded file gone, and
 * fontconfig is asked again. The record is only ever a shortcut:
 * failing to read or write it changes nothing else.
 */
static struct {
	bool loaded;
	char *path;             /* NULL: no cache directory */
	char *state;
	brief_buf text;         /* the record's lines after the state */
} rec;

static void state_of(brief_buf *b, const char *dir, const char *sub)
{
	char p[4096];
	struct stat st;
	if (!dir || !*dir)
		return;
	snprintf(p, sizeof p, "%s%s", dir, sub);
	if (stat(p, &st) == 0)
		brief_buf_printf(b, "%s=%lld.%09ld;", p, (long long)st.st_mtim.tv_sec,
				 st.st_mtim.tv_nsec);
	else
		brief_buf_printf(b, "%s=-;", p);
}

static char *fc_state(void)
{
	static const char *const sys[] = {
		"/etc/fonts", "/etc/fonts/conf.d", "/etc/fonts/fonts.conf",
		"/var/cache/fontconfig", "/usr/share/fonts", "/usr/share/fonts/truetype",
		"/usr/local/share/fonts", NULL,
	};
	static const char *const env[] = {
		"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", NULL,
	};
	const char *home = getenv("HOME"), *xcache = getenv("XDG_CACHE_HOME");
	const char *config = getenv("XDG_CONFIG_HOME"), *data = getenv("XDG_DATA_HOME");
	brief_buf b = BRIEF_BUF_INIT;
	for (const char *const *e = env; *e; e++)
		brief_buf_printf(&b, "%s=%s;", *e, getenv(*e) ? getenv(*e) : "");
	for (const char *const *p = sys; *p; p++)
		state_of(&b, *p, "");
	if (xcache && *xcache)
		state_of(&b, xcache, "/fontconfig");
	else
		state_of(&b, home, "/.cache/fontconfig");
	if (config && *config)
		state_of(&b, config, "/fontconfig");
	else
		state_of(&b, home, "/.config/fontconfig");
	if (data && *data)
		state_of(&b, data, "/fonts");
	else
		state_of(&b, home, "/.local/share/fonts");
	state_of(&b, home, "/.fonts");
	state_of(&b, home, "/.fonts.conf");
	size_t n;
	return brief_buf_detach(&b, &n);
}

static char *record_path(void)
{
	const char *xcache = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char p[4096];
	if (xcache && *xcache == '/')
		snprintf(p, sizeof p, "%s/brief/fonts", xcache);
	else if (home && *home == '/')
		snprintf(p, sizeof p, "%s/.cache/brief/fonts", home);
	else
		return NULL;
	return strdup(p);
}

static void forget_record(void)
{
	free(rec.path);
	free(rec.state);
	brief_buf_free(&rec.text);
	rec.path = rec.state = NULL;
	rec.loaded = false;
}

/* Reads the record once; lines recorded under another state are dropped. */
static void load_record(void)
{
	if (rec.loaded)
		return;
	rec.loaded = true;
	rec.path = record_path();
	rec.state = fc_state();
	FILE *f = rec.path && rec.state ? fopen(rec.path, "r") : NULL;
	if (!f)
		return;
	char line[8192];
	bool fresh = false;
	if (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		fresh = !strcmp(line, rec.state);
	}
	while (fresh && fgets(line, sizeof line, f))
		if (strchr(line, '\n') && strchr(line, '\t'))
			brief_buf_put(&rec.text, line, strlen(line));
	fclose(f);
}

static brief_font *recorded(const char *family, bool *known)
{
	*known = false;
	load_record();
	size_t n = strlen(family);
	for (const char *p = rec.text.data, *end; p && *p; p = end + 1) {
		end = strchr(p, '\n');
		if (strncmp(p, family, n) || p[n] != '\t')
			continue;
		const char *file = p + n + 1, *tab = memchr(file, '\t', (size_t)(end - file));
		if (!tab)
			return NULL;
		if (tab == file) {
			*known = true;  /* recorded as not installed */
			return NULL;
		}
		char path[4096];
		snprintf(path, sizeof path, "%.*s", (int)(tab - file), file);
		brief_font *f = access(path, R_OK) ? NULL : font_open(path, atoi(tab + 1), family);
		*known = f != NULL;     /* a file gone or unreadable: ask fontconfig */
		return f;
	}
	return NULL;
}

/* Writes the record again with family's answer: beside it and renamed,
 * so that a reader (another batch worker) never sees half of it. */
static void record(const char *family, const brief_font *f)
{
	if (!rec.path || !rec.state || strpbrk(family, "\t\n") ||
	    (f && strpbrk(f->path, "\t\n")))
		return;
	brief_buf_printf(&rec.text, "%s\t%s\t%d\n", family, f ? f->path : "", f ? f->index : 0);
	char dir[4096], tmp[4200];
	snprintf(dir, sizeof dir, "%s", rec.path);
	for (char *s = strchr(dir + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(dir, 0700);
		*s = '/';
	}
	snprintf(tmp, sizeof tmp, "%s.%ld", rec.path, (long)getpid());
	FILE *o = brief_buf_ok(&rec.text) ? fopen(tmp, "w") : NULL;
	if (!o)
		return;
	bool ok = fprintf(o, "%s\n%s", rec.state, rec.text.data) > 0;
	if (fclose(o) || !ok || rename(tmp, rec.path))
		unlink(tmp);
}

void brief_font_free(brief_font *f)
{
	if (!f || --f->refs > 0)
		return;
	hb_set_destroy(f->unicodes);
	hb_font_destroy(f->font);
	hb_face_destroy(f->face);
	free(f->family);
	free(f->path);
	free(f);
}

const char *brief_font_path(const brief_font *f)
{
	return f->path;
}

int brief_font_index(const brief_font *f)
{
	return f->index;
}

brief_font *brief_font_find_for(uint32_t cp)
{
	FcPattern *pat = FcPatternCreate();
	FcCharSet *cs = FcCharSetCreate();
	FcFontSet *set = NULL;
	brief_font *f = NULL;
	FcResult res;

	if (!pat || !cs || !FcCharSetAddChar(cs, cp))
		goto out;
	FcPatternAddCharSet(pat, FC_CHARSET, cs);
	FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	set = FcFontSort(NULL, pat, FcFalse, NULL, &res);
	for (int i = 0; set && i < set->nfont && !f; i++) {
		FcChar8 *file, *family;
		FcCharSet *has;
		int index = 0;
		FcPattern *p = set->fonts[i];
		if (FcPatternGetCharSet(p, FC_CHARSET, 0, &has) != FcResultMatch ||
		    !FcCharSetHasChar(has, cp) ||
		    FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch ||
		    FcPatternGetString(p, FC_FAMILY, 0, &family) != FcResultMatch)
			continue;
		FcPatternGetInteger(p, FC_INDEX, 0, &index);
		f = font_open((const char *)file, index, (const char *)family);
		if (f && !brief_font_has(f, cp)) {
			brief_font_free(f);
			f = NULL;
		}
	}
out:
	if (set)
		FcFontSetDestroy(set);
	if (cs)
		FcCharSetDestroy(cs);
	if (pat)
		FcPatternDestroy(pat);
	return f;
}

const char *brief_font_family(const brief_font *f)
{
	return f->family;
}

int brief_font_advance(const brief_font *f, uint32_t cp)
{
	hb_codepoint_t gid;
	if (!hb_font_get_nominal_glyph(f->font, cp, &gid))
		return 0;
	unsigned adv = (unsigned)hb_font_get_glyph_h_advance(f->font, gid);
	return (int)(adv * 1000 / f->upem);
}

bool brief_font_has(const brief_font *f, uint32_t cp)
{
	return hb_set_has(f->unicodes, cp);
}

static void be16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

/* A cmap of one format 4 subtable (Windows, Unicode BMP): the segment
 * [first, first + n) through a glyph id array, and the closing 0xFFFF
 * segment. */
static hb_blob_t *coded_cmap(hb_face_t *sub, const uint32_t *cps, size_t n, uint32_t first)
{
	size_t len4 = 16 + 8 * 2 + 2 * n;
	size_t len = (12 + len4 + 3) & ~(size_t)3;      /* tables are 4-aligned */
	unsigned char *t = calloc(1, len);
	hb_font_t *font = hb_font_create(sub);
	if (!t || !font) {
		free(t);
		hb_font_destroy(font);
		return NULL;
	}
	be16(t + 2, 1);                         /* one encoding record */
	be16(t + 4, 3);
	be16(t + 6, 1);
	t[11] = 12;                             /* its offset */
	unsigned char *s = t + 12;
	be16(s, 4);
	be16(s + 2, (unsigned)len4);
	be16(s + 6, 4);                         /* segCountX2 */
	be16(s + 8, 4);                         /* searchRange */
	be16(s + 10, 1);                        /* entrySelector */
	be16(s + 14, (unsigned)(first + n - 1)); /* endCode */
	be16(s + 16, 0xFFFF);
	be16(s + 20, first);                    /* startCode, after reservedPad */
	be16(s + 22, 0xFFFF);
	be16(s + 26, 1);                        /* idDelta: 0, 1 */
	be16(s + 28, 4);                        /* idRangeOffset: to the array, 0 */
	for (size_t k = 0; k < n; k++) {
		hb_codepoint_t gid = 0;
		hb_font_get_nominal_glyph(font, cps[k], &gid);
		be16(s + 32 + 2 * k, gid);
	}
	hb_font_destroy(font);
	return hb_blob_create((const char *)t, (unsigned)len, HB_MEMORY_MODE_WRITABLE, t, free);
}

/* The subset face again, its cmap replaced. */
static hb_blob_t *rebuild(hb_face_t *built, hb_blob_t *cmap)
{
	/* a face from the subsetter lists no tables until serialised */
	hb_blob_t *bytes = hb_face_reference_blob(built);
	hb_face_t *sub = hb_face_create(bytes, 0);
	hb_blob_destroy(bytes);
	hb_face_t *b = hb_face_builder_create();
	hb_tag_t tags[64];
	unsigned n = 64;
	hb_face_get_table_tags(sub, 0, &n, tags);
	for (unsigned i = 0; i < n; i++) {
		if (tags[i] == HB_TAG('c', 'm', 'a', 'p'))
			continue;
		hb_blob_t *tb = hb_face_reference_table(sub, tags[i]);
		hb_face_builder_add_table(b, tags[i], tb);
		hb_blob_destroy(tb);
	}
	hb_face_builder_add_table(b, HB_TAG('c', 'm', 'a', 'p'), cmap);
	/*
	 * libharu 2.3.0 rewrites the font in the order OS/2 ... post prep and
	 * then seeks to each table's start; an empty last table starts at the
	 * end, and when that end falls on its 4,096-byte buffer boundary the
	 * seek fails and so does the whole PDF (about one font in a thousand).
	 * A prep program of one no-op (PUSHB 0, POP) is never empty.
	 */
	hb_blob_t *prep = hb_face_reference_table(sub, HB_TAG('p', 'r', 'e', 'p'));
	if (!hb_blob_get_length(prep)) {
		static const char noop[] = { (char)0xB0, 0x00, 0x21 };
		hb_blob_t *np = hb_blob_create(noop, sizeof noop, HB_MEMORY_MODE_READONLY, NULL, NULL);
		hb_face_builder_add_table(b, HB_TAG('p', 'r', 'e', 'p'), np);
		hb_blob_destroy(np);
	}
	hb_blob_destroy(prep);
	hb_blob_t *out = hb_face_reference_blob(b);
	hb_face_destroy(b);
	hb_face_destroy(sub);
	return out;
}

int brief_font_subset_coded(const brief_font *f, const uint32_t *cps, size_t n,
			    uint32_t first, char **out, size_t *out_len,
			    brief_diag *d)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *sub = NULL;
	hb_blob_t *cmap = NULL, *font = NULL;
	int rc = -1;

	*out = NULL;
	if (!in || n == 0 || first + n > 0xFFFF)
		goto out;
	for (size_t k = 0; k < n; k++)
		hb_set_add(hb_subset_input_unicode_set(in), cps[k]);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	if (!(sub = hb_subset_or_fail(f->face, in)) ||
	    !(cmap = coded_cmap(sub, cps, n, first)) || !(font = rebuild(sub, cmap)))
		goto out;
	unsigned len;
	const char *data = hb_blob_get_data(font, &len);
	if (len && (*out = malloc(len))) {
		memcpy(*out, data, len);
		*out_len = len;
		rc = 0;
	}
out:
	if (rc)
		brief_error(d, f->path, "cannot subset the font");
	hb_blob_destroy(font);
	hb_blob_destroy(cmap);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	return rc;
}

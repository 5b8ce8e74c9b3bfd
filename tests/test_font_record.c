/*
 * brief's record of family -> font file ($XDG_CACHE_HOME/brief/fonts):
 * written after fontconfig answered, used while fontconfig's state is
 * the one it was written under, ignored once that state changed or the
 * file it names is gone.
 */
#include <criterion/criterion.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/pdf/font.h"

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

static brief_diag quiet = { .sink = silent };
static char dir[64], path[128];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-fontrec-XXXXXX");
	cr_assert(mkdtemp(dir));
	setenv("XDG_CACHE_HOME", dir, 1);
	snprintf(path, sizeof path, "%s/brief/fonts", dir);
}

static void teardown(void)
{
	brief_font_cache_clear();
	FcFini();
	unlink(path);
	char sub[96];
	snprintf(sub, sizeof sub, "%s/brief", dir);
	rmdir(sub);
	rmdir(dir);
}

TestSuite(font_record, .init = setup, .fini = teardown);

/* The record's first line: the state it was written under. */
static char *first_line(void)
{
	static char line[8192];
	FILE *f = fopen(path, "r");
	cr_assert(f, "no record at %s", path);
	cr_assert(fgets(line, sizeof line, f));
	fclose(f);
	return line;
}

static void plant(const char *state, const char *body)
{
	FILE *f = fopen(path, "w");
	cr_assert(f);
	fprintf(f, "%s%s", state, body);
	fclose(f);
}

static const char *uming_path(void)
{
	static char p[4096];
	brief_font *f = brief_font_find("AR PL UMing CN", &quiet);
	cr_assert(f);
	snprintf(p, sizeof p, "%s", brief_font_path(f));
	brief_font_free(f);
	return p;
}

Test(font_record, fontconfig_answers_are_recorded)
{
	char *p = strdup(uming_path());
	brief_font_cache_clear();
	cr_assert_null(brief_font_find("No Such Family Anywhere", &quiet));
	FILE *f = fopen(path, "r");
	cr_assert(f);
	char buf[16384] = "";
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char want[4200];
	snprintf(want, sizeof want, "\nAR PL UMing CN\t%s\t0\n", p);
	cr_assert(strstr(buf, want), "record lacks UMing:\n%s", buf);
	cr_assert(strstr(buf, "\nNo Such Family Anywhere\t\t0\n"), "record:\n%s", buf);
	cr_assert(strstr(buf, "/etc/fonts"), "the state names fontconfig's configuration");
	free(p);
}

Test(font_record, a_fresh_record_is_believed)
{
	uming_path();
	char *state = strdup(first_line());
	brief_font_cache_clear();
	/* the record, not fontconfig, now decides: a family mapped to
	 * another installed file comes back as that file */
	FcPattern *pat = FcNameParse((const FcChar8 *)"DejaVu Sans");
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	FcPattern *m = FcFontMatch(NULL, pat, &res);
	FcChar8 *dejavu = NULL;
	cr_assert(m && FcPatternGetString(m, FC_FILE, 0, &dejavu) == FcResultMatch);
	char body[4200];
	snprintf(body, sizeof body, "AR PL UMing CN\t%s\t0\n", (const char *)dejavu);
	plant(state, body);
	brief_font *f = brief_font_find("AR PL UMing CN", &quiet);
	cr_assert(f);
	cr_assert_str_eq(brief_font_path(f), (const char *)dejavu);
	brief_font_free(f);
	FcPatternDestroy(m);
	FcPatternDestroy(pat);
	free(state);
}

Test(font_record, a_stale_record_or_a_lost_file_asks_fontconfig)
{
	char *real = strdup(uming_path());
	char *state = strdup(first_line());
	brief_font_cache_clear();
	plant("FONTCONFIG_FILE=elsewhere;\n", "AR PL UMing CN\t/usr/share/fonts/truetype/dejavu/"
	      "DejaVuSans.ttf\t0\n");
	brief_font *f = brief_font_find("AR PL UMing CN", &quiet);
	cr_assert(f);
	cr_assert_str_eq(brief_font_path(f), real, "another state's record was used");
	brief_font_free(f);
	brief_font_cache_clear();
	plant(state, "AR PL UMing CN\t/nonexistent/uming.ttc\t0\n");
	f = brief_font_find("AR PL UMing CN", &quiet);
	cr_assert(f);
	cr_assert_str_eq(brief_font_path(f), real, "a file that is gone was used");
	brief_font_free(f);
	free(real);
	free(state);
}

/* Tests of src/util: buffer, UTF-8, diagnostics. */
#include <criterion/criterion.h>
#include <string.h>

#include "util/buf.h"
#include "util/diag.h"
#include "util/utf8.h"

Test(buf, grows_and_detaches)
{
	brief_buf b = BRIEF_BUF_INIT;
	for (int i = 0; i < 1000; i++)
		brief_buf_printf(&b, "%d,", i);
	cr_assert(brief_buf_ok(&b));
	cr_assert(strncmp(b.data, "0,1,2,", 6) == 0);
	cr_assert_eq(b.len, strlen(b.data));
	size_t n;
	char *s = brief_buf_detach(&b, &n);
	cr_assert_eq(n, strlen(s));
	cr_assert_null(b.data);
	free(s);
}

Test(buf, embedded_nul_and_empty_detach)
{
	brief_buf b = BRIEF_BUF_INIT;
	brief_buf_put(&b, "a\0b", 3);
	cr_assert_eq(b.len, 3);
	cr_assert_eq(b.data[2], 'b');
	brief_buf_free(&b);
	char *e = brief_buf_detach(&b, NULL);
	cr_assert_str_eq(e, "");
	free(e);
}

Test(buf, put_cp_encodes_utf8)
{
	brief_buf b = BRIEF_BUF_INIT;
	brief_buf_put_cp(&b, 0x533A);   /* 区 */
	brief_buf_put_cp(&b, 0x25);
	brief_buf_put_cp(&b, 0xD800);   /* surrogate -> U+FFFD */
	cr_assert_str_eq(b.data, "区%\xEF\xBF\xBD");
	brief_buf_free(&b);
}

Test(utf8, next_and_offsets)
{
	const char *s = "GDP增长5.5%";
	size_t len = strlen(s), i = 3;
	cr_assert_eq(brief_utf8_next(s, len, &i), 0x589E);
	cr_assert_eq(i, 6);
	cr_assert_eq(brief_utf8_chars(s, len), 9);
	cr_assert_eq(brief_utf8_byte_offset(s, len, 5), 9);
	cr_assert_eq(brief_utf8_prev(s, 6), 3);
}

Test(utf8, malformed_becomes_replacement)
{
	const char bad[] = "\xE5\xA2";     /* truncated 3-byte sequence */
	size_t i = 0;
	cr_assert_eq(brief_utf8_next(bad, 2, &i), 0xFFFD);
	cr_assert_eq(i, 1);
	cr_assert_not(brief_utf8_valid(bad, 2));
	cr_assert(brief_utf8_valid("钱塘区", strlen("钱塘区")));
	cr_assert_not(brief_utf8_valid("\xC0\x80", 2));     /* overlong */
}

Test(utf8, width_counts_cjk_as_two)
{
	cr_assert_eq(brief_utf8_width("钱塘区 5.5%"), 11);
	cr_assert(brief_is_han(0x9322));
	cr_assert_not(brief_is_han(0x3002));
}

static void capture(void *user, brief_severity sev, const char *msg)
{
	strncpy(user, msg, 255);
	(void)sev;
}

Test(diag, names_the_file_and_counts)
{
	char got[256] = "";
	brief_diag d = { .sink = capture, .user = got };
	brief_error(&d, "a.txt", "empty file");
	cr_assert_str_eq(got, "a.txt: empty file");
	brief_warn(&d, NULL, "x %d", 3);
	cr_assert_str_eq(got, "x 3");
	cr_assert_eq(d.nerrors, 1);
	cr_assert_eq(d.nwarnings, 1);
}

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

#include "util/fsutil.h"

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

Test(fsutil, atomic_write_creates_dirs_and_leaves_no_temp)
{
	char dir[64], path[128];
	snprintf(dir, sizeof dir, "/tmp/brief-fsutil-%d", getpid());
	snprintf(path, sizeof path, "%s/2025/钱塘区.pdf", dir);
	brief_diag d = { .sink = silent };
	cr_assert_eq(brief_write_atomic(path, "%PDF-1.4", 8, &d), 0);
	cr_assert_eq(brief_write_atomic(path, "%PDF-1.7\n", 9, &d), 0);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f);
	char buf[16] = "";
	cr_assert_eq(fread(buf, 1, sizeof buf, f), 9);
	fclose(f);
	cr_assert_str_eq(buf, "%PDF-1.7\n");
	char sub[96];
	snprintf(sub, sizeof sub, "%s/2025", dir);
	DIR *dp = opendir(sub);
	int entries = 0;
	for (struct dirent *e; (e = readdir(dp));)
		entries += e->d_name[0] != '.';
	closedir(dp);
	cr_assert_eq(entries, 1, "a temporary file was left behind");
	unlink(path);
	rmdir(sub);
	rmdir(dir);
}

Test(fsutil, unwritable_place_is_an_error)
{
	brief_diag d = { .sink = silent };
	cr_assert_eq(brief_write_atomic("/proc/brief-no/x.pdf", "x", 1, &d), -1);
	cr_assert_eq(d.nerrors, 1);
}

#include "cli/cli.h"

Test(cli_path, names_from_data_cannot_escape)
{
	char *p = brief_cli_out_path("reports", 2025, "钱塘区", "pdf");
	cr_assert_str_eq(p, "reports/2025/钱塘区.pdf");
	free(p);
	p = brief_cli_out_path("out", 0, "../../etc/passwd", NULL);
	cr_assert_str_eq(p, "out/_._.._etc_passwd");
	free(p);
	p = brief_cli_out_path("out", 2024, "a\nb/c", "eml");
	cr_assert_str_eq(p, "out/2024/a_b_c.eml");
	free(p);
}

Test(utf8, first_and_last_occurrence_of_a_word)
{
	const char *s = "增长5%，比重提高，增长6%";
	size_t n = strlen(s);
	const char *first = brief_find_word(s, n, "增长");
	const char *last = brief_find_last_word(s, n, "增长");
	cr_assert_eq(first, s);
	cr_assert_str_eq(last, "增长6%");
	cr_assert_null(brief_find_last_word(s, n - strlen("增长6%") + 3, "增长6"));
	cr_assert_eq(brief_find_last_word(s, n, "增"), last);
	cr_assert_null(brief_find_word(s, 2, "增长"));
	cr_assert_null(brief_find_last_word(s, n, "下降"));
	cr_assert_null(brief_find_last_word(s, n, ""));
	cr_assert(brief_has_word(s, n, "比重"));
}

/* decode.c - raw bytes of unknown encoding -> UTF-8 (see decode.h). */
#include "ingest/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet.h>

#include "util/buf.h"
#include "util/utf8.h"

/*
 * Frequent Han characters of news text in both scripts. When the
 * detector is unsure between GB18030 and Big5, the reading that yields
 * more of these is the right one: the wrong reading of the same bytes
 * gives rare characters.
 */
static const char common_han[] =
	"的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可"
	"主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家"
	"电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合"
	"还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明"
	"看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
	"已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边"
	"流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战"
	"先回则任取据处府研市县镇村省增长亿元万项目投资产值经济发展建设推进全力确"
	"保力争突破实施重点推动打造城乡企业创新服务改革开放"
	"這個們來時會說對經發與區縣產業設進將為國過還關於實際當務總統價運點難開幾"
	"現應該從後裡兩億萬項資濟長鄉鎮級單態樣際團體區域條計劃區";

static bool in_common(uint32_t cp)
{
	static uint32_t set[1024];
	static size_t n;
	if (!n) {
		size_t len = sizeof common_han - 1, i = 0;
		while (i < len && n < sizeof set / sizeof set[0])
			set[n++] = brief_utf8_next(common_han, len, &i);
	}
	for (size_t k = 0; k < n; k++)
		if (set[k] == cp)
			return true;
	return false;
}

/* Converts with iconv; undecodable bytes become U+FFFD, one per byte. */
static int convert(const char *in, size_t n, const char *from, brief_buf *out,
		   size_t *invalid)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char chunk[16384];
	char *ip = (char *)in;
	size_t left = n;

	*invalid = 0;
	if (cd == (iconv_t)-1)
		return -1;
	while (left > 0) {
		char *op = chunk;
		size_t room = sizeof chunk;
		size_t rc = iconv(cd, &ip, &left, &op, &room);
		brief_buf_put(out, chunk, (size_t)(op - chunk));
		if (rc != (size_t)-1 || errno == E2BIG)
			continue;
		/* EILSEQ, or EINVAL for a sequence cut off at the end */
		brief_buf_put_cp(out, 0xFFFD);
		(*invalid)++;
		ip++;
		left--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return brief_buf_ok(out) ? 0 : -1;
}

/* How good a decoding looks: common characters count, U+FFFD costs. */
static long score(const brief_buf *b)
{
	long s = 0;
	size_t i = 0;
	while (i < b->len) {
		uint32_t cp = brief_utf8_next(b->data, b->len, &i);
		if (cp == 0xFFFD)
			s -= 20;
		else if (cp >= 0x3400 && in_common(cp))
			s += 1;
	}
	return s;
}

static const char *detect(const char *bytes, size_t n)
{
	uchardet_t ud = uchardet_new();
	const char *name, *pick = NULL;
	if (!ud)
		return NULL;
	if (uchardet_handle_data(ud, bytes, n) == 0) {
		uchardet_data_end(ud);
		name = uchardet_get_charset(ud);
		if (!strcasecmp(name, "GB18030") || !strcasecmp(name, "GB2312") ||
		    !strcasecmp(name, "GBK") || !strcasecmp(name, "HZ-GB-2312"))
			pick = "GB18030";
		else if (!strcasecmp(name, "BIG5") || !strcasecmp(name, "EUC-TW"))
			pick = "BIG5-HKSCS";
	}
	uchardet_delete(ud);
	return pick;
}

/* Decodes as the better of GB18030 and Big5-HKSCS (uchardet's pick when
 * it is sure of one of them, else the one that scores higher). */
static int decode_cjk(const char *bytes, size_t n, brief_decoded *out,
		      brief_buf *b)
{
	static const char *const cand[] = { "GB18030", "BIG5-HKSCS" };
	const char *pick = detect(bytes, n);
	brief_buf alt = BRIEF_BUF_INIT;
	size_t inv, alt_inv;

	if (convert(bytes, n, pick ? pick : cand[0], b, &inv))
		return -1;
	if (!pick || inv) {
		const char *other = pick && !strcmp(pick, cand[1]) ? cand[0] : cand[1];
		if (convert(bytes, n, other, &alt, &alt_inv) == 0 &&
		    score(&alt) > score(b)) {
			brief_buf_free(b);
			*b = alt;
			alt = (brief_buf)BRIEF_BUF_INIT;
			inv = alt_inv;
			pick = other;
		} else if (!pick) {
			pick = cand[0];
		}
	}
	brief_buf_free(&alt);
	snprintf(out->encoding, sizeof out->encoding, "%s", pick);
	out->invalid_bytes = inv;
	return 0;
}

/*
 * UTF-16 without a BOM. Plain UTF-8 and the CJK encodings never hold a
 * NUL; in UTF-16 the NULs are the high bytes of ASCII and line breaks and
 * the low bytes of U+xx00 characters (一 is common). Chinese-heavy text
 * has few of them (4-7 %), so where they sit decides, not their share:
 * the parity holding more of them is the high byte, tried first.
 */
static const char *utf16_order(const char *s, size_t n, int which)
{
	size_t even = 0, odd = 0, m = n < 65536 ? n : 65536;
	for (size_t i = 0; i < m; i++)
		if (s[i] == '\0') {
			if (i % 2)
				odd++;
			else
				even++;
		}
	bool le = odd >= even;
	return le == (which == 0) ? "UTF-16LE" : "UTF-16BE";
}

/* A guessed UTF-16 reading must look like Chinese text: nearly every
 * character printable ASCII, Han or CJK punctuation. Binary data with
 * NULs on one parity reads as random code points instead. */
static bool plausible_utf16(const brief_buf *b, size_t invalid)
{
	size_t good = 0, all = 0, i = 0;
	if (invalid)
		return false;
	while (i < b->len) {
		uint32_t cp = brief_utf8_next(b->data, b->len, &i);
		all++;
		good += (cp >= 0x20 && cp < 0x7F) || cp == '\n' || cp == '\r' ||
			cp == '\t' || brief_is_han(cp) ||
			(cp >= 0x3000 && cp <= 0x303F) ||
			(cp >= 0xFF00 && cp <= 0xFFEF) || cp == 0xFEFF ||
			(cp >= 0x2010 && cp <= 0x206F);
	}
	return all > 0 && good * 10 >= all * 9;
}

/* The charset a page declares in <meta>, mapped to what we decode with. */
static const char *meta_charset(const char *s, size_t n)
{
	size_t m = n < 4096 ? n : 4096;
	for (size_t i = 0; i + 8 < m; i++) {
		if (strncasecmp(s + i, "charset=", 8) != 0)
			continue;
		const char *v = s + i + 8;
		while (v < s + m && (*v == '"' || *v == '\'' || *v == ' '))
			v++;
		if (!strncasecmp(v, "utf-8", 5) || !strncasecmp(v, "utf8", 4))
			return "UTF-8";
		if (!strncasecmp(v, "gb", 2))
			return "GB18030";
		if (!strncasecmp(v, "big5", 4))
			return "BIG5-HKSCS";
		return NULL;
	}
	return NULL;
}

static bool looks_html(const char *s, size_t n)
{
	size_t m = n < 1024 ? n : 1024, i = 0;
	while (i < m && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' ||
			 s[i] == '\t'))
		i++;
	if (i >= m || s[i] != '<')
		return false;
	static const char *const tags[] = { "<!doctype html", "<html", "<head",
					    "<body", "<meta" };
	for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++)
		for (size_t j = i; j + strlen(tags[k]) <= m; j++)
			if (!strncasecmp(s + j, tags[k], strlen(tags[k])))
				return true;
	return false;
}

/* Copies UTF-8 with CRLF and CR folded to LF. */
static void put_lf(brief_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r') {
			brief_buf_putc(b, '\n');
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else {
			brief_buf_putc(b, s[i]);
		}
	}
}

/* Share of control characters and replacement characters: text or not.
 * Bytes suffice: UTF-8 puts no byte below 0x80 inside a sequence. */
static bool is_text(const brief_buf *b, size_t invalid, size_t in_len)
{
	size_t ctrl = 0, chars = 0;
	for (size_t i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->data[i];
		chars += (c & 0xC0) != 0x80;
		ctrl += (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ||
			c == 0x7F;
	}
	return chars > 0 && ctrl * 50 < chars && invalid * 4 < in_len;
}

/*
 * Length of an incomplete sequence at the very end (a file cut in the
 * middle of its last character), 0 if the end is complete or malformed.
 */
static size_t cut_tail(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		unsigned char lead = u[n - k];
		if ((lead & 0xC0) == 0x80)
			continue;
		size_t need = lead >= 0xF0 && lead <= 0xF4 ? 4 :
			      lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
		return need > k && lead < 0xF5 ? k : 0;
	}
	return 0;
}

/* Valid UTF-8 save for a cut final character: UTF-8 with one bad
 * character, not a reason to try the CJK encodings. */
static bool utf8_cut(const char *s, size_t n, brief_decoded *out, brief_buf *b)
{
	size_t cut = cut_tail(s, n);
	if (!cut || !brief_utf8_valid(s, n - cut))
		return false;
	brief_buf_put(b, s, n - cut);
	brief_buf_put_cp(b, 0xFFFD);
	snprintf(out->encoding, sizeof out->encoding, "UTF-8");
	out->invalid_bytes = 1;
	return true;
}

static int decode_body(const char *s, size_t n, const char *enc,
		       brief_decoded *out, brief_buf *b)
{
	if (enc && strcmp(enc, "UTF-8") != 0) {
		snprintf(out->encoding, sizeof out->encoding, "%s", enc);
		return convert(s, n, enc, b, &out->invalid_bytes);
	}
	if (enc || brief_utf8_valid(s, n)) {
		/* Valid UTF-8 (the common case) is copied, not converted. */
		snprintf(out->encoding, sizeof out->encoding, "UTF-8");
		if (!brief_utf8_valid(s, n))
			return convert(s, n, "UTF-8", b, &out->invalid_bytes);
		brief_buf_put(b, s, n);
		return brief_buf_ok(b) ? 0 : -1;
	}
	if (utf8_cut(s, n, out, b))
		return brief_buf_ok(b) ? 0 : -1;
	return decode_cjk(s, n, out, b);
}

static const char *bom(const char **s, size_t *n)
{
	const unsigned char *u = (const unsigned char *)*s;
	const char *enc = NULL;
	size_t skip = 0;
	if (*n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		enc = "UTF-8", skip = 3;
	else if (*n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		enc = "UTF-16LE", skip = 2;
	else if (*n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		enc = "UTF-16BE", skip = 2;
	*s += skip;
	*n -= skip;
	return enc;
}

/* Bytes with NULs and no BOM: the UTF-16 reading that looks like text,
 * tried in the order the NULs suggest; -1 if neither does (binary). */
static int decode_nul(const char *bytes, size_t n, brief_decoded *out,
		      brief_buf *raw)
{
	for (int k = 0; k < 2; k++) {
		const char *enc = utf16_order(bytes, n, k);
		snprintf(out->encoding, sizeof out->encoding, "%s", enc);
		if (convert(bytes, n, enc, raw, &out->invalid_bytes) == 0 &&
		    plausible_utf16(raw, out->invalid_bytes))
			return 0;
		brief_buf_free(raw);
	}
	return -1;
}

int brief_decode(const char *bytes, size_t n, bool html_hint,
		 brief_decoded *out, char *why, size_t whysz)
{
	brief_buf raw = BRIEF_BUF_INIT, b = BRIEF_BUF_INIT;
	const char *enc;
	bool wide = false;

	memset(out, 0, sizeof *out);
	if (n == 0) {
		snprintf(why, whysz, "empty file");
		return -1;
	}
	enc = bom(&bytes, &n);
	if (!enc && memchr(bytes, '\0', n)) {
		if (decode_nul(bytes, n, out, &raw)) {
			snprintf(why, whysz, "binary file (NUL bytes)");
			goto fail;
		}
		enc = out->encoding;
		wide = true;
	}
	out->html = (enc == NULL || !strncmp(enc, "UTF-8", 5)) &&
		    (html_hint || looks_html(bytes, n));
	if (!enc && out->html)
		enc = meta_charset(bytes, n);
	if (!wide && decode_body(bytes, n, enc, out, &raw)) {
		snprintf(why, whysz, "cannot decode (%s)", enc ? enc : "?");
		goto fail;
	}
	if (!is_text(&raw, out->invalid_bytes, n)) {
		snprintf(why, whysz, "not text in any supported encoding");
		goto fail;
	}
	if (!strncmp(enc ? enc : "", "UTF-16", 6))
		out->html = html_hint || looks_html(raw.data, raw.len);
	/* A BOM may also stand inside converted UTF-16. */
	size_t skip = raw.len >= 3 && !memcmp(raw.data, "\xEF\xBB\xBF", 3) ? 3 : 0;
	put_lf(&b, raw.data + skip, raw.len - skip);
	brief_buf_free(&raw);
	if (!(out->text = brief_buf_detach(&b, &out->len))) {
		snprintf(why, whysz, "out of memory");
		return -1;
	}
	return 0;
fail:
	brief_buf_free(&raw);
	brief_buf_free(&b);
	out->invalid_bytes = 0;
	return -1;
}

void brief_decoded_free(brief_decoded *d)
{
	if (!d)
		return;
	free(d->text);
	d->text = NULL;
	d->len = 0;
}

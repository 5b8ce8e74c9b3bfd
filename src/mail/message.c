#include "mail/message.h"
#include "render/format.h"

#include <gmime/gmime.h>
#include <stdio.h>
#include <string.h>

static const char *const headline[] = {
	"GDP", "规上工业增加值", "固定资产投资", "社会消费品零售总额",
};

static bool is_headline(const brief_row *r)
{
	for (size_t i = 0; i < sizeof headline / sizeof headline[0]; i++)
		if (r->indicator && strcmp(r->indicator, headline[i]) == 0)
			return true;
	return false;
}

/* The targets the mail lists: the headline indicators, else the first
 * five targets. Returns how many were written to out. */
static size_t pick_targets(const brief_doc *doc, const brief_row **out,
			   size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->targets.n && n < max; i++)
		if (is_headline(&doc->targets.v[i]) && doc->targets.v[i].has_value)
			out[n++] = &doc->targets.v[i];
	for (size_t i = 0; n == 0 && i < doc->targets.n && i < max; i++)
		if (doc->targets.v[i].has_value)
			out[n++] = &doc->targets.v[i];
	return n;
}

static void html_escape(brief_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': BRIEF_BUF_PUTSL(b, "&lt;"); break;
		case '>': BRIEF_BUF_PUTSL(b, "&gt;"); break;
		case '&': BRIEF_BUF_PUTSL(b, "&amp;"); break;
		case '"': BRIEF_BUF_PUTSL(b, "&quot;"); break;
		default: brief_buf_putc(b, *s);
		}
	}
}

static void body_text(const brief_mail *m, brief_buf *t, brief_buf *h)
{
	const brief_doc *d = m->doc;
	const brief_row *rows[8];
	size_t n = pick_targets(d, rows, 8);
	char v[96];

	brief_buf_printf(t, "%s，您好：\n\n附件是%s %d 年度简报（PDF）。\n",
			 m->to_name && *m->to_name ? m->to_name : "您好", d->region,
			 d->year);
	BRIEF_BUF_PUTSL(h, "<!DOCTYPE html>\n<html><body>\n<p>");
	html_escape(h, m->to_name && *m->to_name ? m->to_name : "您好");
	BRIEF_BUF_PUTSL(h, "，您好：</p>\n<p>附件是");
	html_escape(h, d->region);
	brief_buf_printf(h, " %d 年度简报（PDF）。</p>\n", d->year);
	if (n) {
		BRIEF_BUF_PUTSL(t, "\n主要目标：\n");
		BRIEF_BUF_PUTSL(h, "<p>主要目标：</p>\n<table>\n");
	}
	for (size_t i = 0; i < n; i++) {
		brief_format_value(v, sizeof v, rows[i]);
		brief_buf_printf(t, "- %s %s%s\n", rows[i]->indicator, v,
				 rows[i]->conflict ? "（来源不一致）" : "");
		BRIEF_BUF_PUTSL(h, "<tr><td>");
		html_escape(h, rows[i]->indicator);
		BRIEF_BUF_PUTSL(h, "</td><td>");
		html_escape(h, v);
		brief_buf_printf(h, "%s</td></tr>\n",
				 rows[i]->conflict ? "（来源不一致）" : "");
	}
	if (n)
		BRIEF_BUF_PUTSL(h, "</table>\n");
	brief_buf_printf(t, "\n重点项目 %zu 个，产业集群 %zu 个，资料来源 %zu 篇。\n\n"
			    "—— 本邮件由 brief 生成\n",
			 d->projects.n, d->clusters.n, d->nsources);
	brief_buf_printf(h, "<p>重点项目 %zu 个，产业集群 %zu 个，资料来源 %zu 篇。</p>\n"
			    "<p>—— 本邮件由 brief 生成</p>\n</body></html>\n",
			 d->projects.n, d->clusters.n, d->nsources);
}

void brief_mail_key(const brief_mail *m, char key[65])
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	char year[16];
	snprintf(year, sizeof year, "%d", m->doc->year);
	g_checksum_update(c, (const guchar *)year, -1);
	g_checksum_update(c, (const guchar *)m->doc->region, -1);
	g_checksum_update(c, (const guchar *)m->to, -1);
	g_checksum_update(c, (const guchar *)m->pdf, (gssize)m->pdf_len);
	snprintf(key, 65, "%s", g_checksum_get_string(c));
	g_checksum_free(c);
}

static GMimePart *text_part(const char *subtype, const brief_buf *b)
{
	GMimeTextPart *p = g_mime_text_part_new_with_subtype(subtype);
	g_mime_text_part_set_text(p, b->data);
	g_mime_part_set_content_encoding(GMIME_PART(p),
					 GMIME_CONTENT_ENCODING_BASE64);
	return GMIME_PART(p);
}

static GMimePart *pdf_part(const brief_mail *m)
{
	GMimePart *p = g_mime_part_new_with_type("application", "pdf");
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(m->pdf, m->pdf_len);
	GMimeDataWrapper *w = g_mime_data_wrapper_new_with_stream(
		s, GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(p, w);
	g_mime_part_set_content_encoding(p, GMIME_CONTENT_ENCODING_BASE64);
	g_mime_part_set_filename(p, m->pdf_name);
	g_object_unref(w);
	g_object_unref(s);
	return p;
}

static void set_headers(GMimeMessage *msg, const brief_mail *m,
			const char *key)
{
	char subject[256], id[128], *domain = strrchr(m->from, '@');
	snprintf(subject, sizeof subject, "%s %d 年度简报", m->doc->region,
		 m->doc->year);
	snprintf(id, sizeof id, "%.32s.brief@%s", key, domain ? domain + 1 : "localhost");
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, "brief", m->from);
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, m->to_name, m->to);
	if (m->cc)
		g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_CC, NULL, m->cc);
	g_mime_message_set_subject(msg, subject, "utf-8");
	g_mime_message_set_message_id(msg, id);
	GDateTime *date = m->epoch >= 0 ? g_date_time_new_from_unix_utc(m->epoch)
					: g_date_time_new_now_utc();
	g_mime_message_set_date(msg, date);
	g_date_time_unref(date);
}

static GMimeObject *build_body(const brief_mail *m, const char *key)
{
	brief_buf t = BRIEF_BUF_INIT, h = BRIEF_BUF_INIT;
	char boundary[80];
	GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
	GMimeMultipart *alt = g_mime_multipart_new_with_subtype("alternative");

	body_text(m, &t, &h);
	/* Fixed boundaries keep the output byte-identical across runs. */
	snprintf(boundary, sizeof boundary, "=_brief_mixed_%.24s", key);
	g_mime_multipart_set_boundary(mixed, boundary);
	snprintf(boundary, sizeof boundary, "=_brief_alt_%.24s", key);
	g_mime_multipart_set_boundary(alt, boundary);
	GMimePart *plain = text_part("plain", &t), *html = text_part("html", &h);
	GMimePart *pdf = pdf_part(m);
	g_mime_multipart_add(alt, GMIME_OBJECT(plain));
	g_mime_multipart_add(alt, GMIME_OBJECT(html));
	g_mime_multipart_add(mixed, GMIME_OBJECT(alt));
	g_mime_multipart_add(mixed, GMIME_OBJECT(pdf));
	g_object_unref(plain);
	g_object_unref(html);
	g_object_unref(pdf);
	g_object_unref(alt);
	brief_buf_free(&t);
	brief_buf_free(&h);
	return GMIME_OBJECT(mixed);
}

int brief_mail_build(const brief_mail *m, brief_buf *out, char **msgid,
		     brief_diag *d)
{
	char key[65];
	static gsize once;

	if (g_once_init_enter(&once)) {
		g_mime_init();
		g_once_init_leave(&once, 1);
	}
	brief_mail_key(m, key);
	GMimeMessage *msg = g_mime_message_new(TRUE);
	GMimeObject *body = build_body(m, key);
	set_headers(msg, m, key);
	g_mime_message_set_mime_part(msg, body);
	g_object_unref(body);

	GMimeFormatOptions *fo = g_mime_format_options_new();
	g_mime_format_options_set_newline_format(fo, GMIME_NEWLINE_FORMAT_DOS);
	GByteArray *bytes = g_byte_array_new();
	GMimeStream *s = g_mime_stream_mem_new_with_byte_array(bytes);
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(s), FALSE);
	ssize_t n = g_mime_object_write_to_stream(GMIME_OBJECT(msg), fo, s);
	int rc = n < 0 ? -1 : 0;
	if (rc == 0) {
		brief_buf_put(out, bytes->data, bytes->len);
		*msgid = strdup(g_mime_message_get_message_id(msg));
		if (!*msgid)
			rc = -1;
	} else {
		brief_error(d, m->to, "cannot build the message");
	}
	g_object_unref(s);
	g_byte_array_free(bytes, TRUE);
	g_mime_format_options_free(fo);
	g_object_unref(msg);
	return rc;
}

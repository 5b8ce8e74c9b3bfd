/*
 * table.c - rows of a flattened table: a plan report's table of main
 * indicators, each row a line of cells joined by '|' (序号 | 指标名称 |
 * 单位 | 目标 | 上半年实绩 …). The header row says which columns hold goals
 * and which results; each row names its indicator and unit once for all
 * of its values (measure.c makes the facts).
 */
#include <stdio.h>
#include <string.h>

#include "extract/measure.h"
#include "extract/number.h"
#include "util/lexicon.h"
#include "util/utf8.h"

typedef struct cell {
	size_t s, e;            /* byte offsets into the article's text */
} cell;

enum { MAXCELLS = 24 };

/* Offset of the first word of class cls in s[0..n), or n. */
static size_t first_of(const char *s, size_t n, const char *cls)
{
	size_t best = n;
	for (const char *const *w = brief_words("cues.tsv", cls); *w; w++) {
		size_t k = strlen(*w);
		for (size_t i = 0; i + k <= n && i < best; i++)
			if (!memcmp(s + i, *w, k)) {
				best = i;
				break;
			}
	}
	return best;
}

bool brief_table_is_row(const char *s, size_t n)
{
	size_t bars = 0;
	for (size_t i = 0; i < n; i++)
		bars += s[i] == '|';
	return bars >= 3;
}

static size_t split(const char *t, size_t ss, size_t se, cell *c)
{
	size_t n = 0, from = ss;
	for (size_t i = ss; i <= se && n < MAXCELLS; i++) {
		if (i < se && t[i] != '|')
			continue;
		size_t a = from, b = i;
		while (a < b && (t[a] == ' ' || t[a] == '\t'))
			a++;
		while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t'))
			b--;
		if (b > a)
			c[n++] = (cell){ a, b };
		from = i + 1;
	}
	return n;
}

bool brief_table_header(brief_table *tb, const char *s, size_t n)
{
	if (!brief_has_word(s, n, "指标"))
		return false;
	size_t g = first_of(s, n, "table-goal"), r = first_of(s, n, "table-result");
	if (g == n && r == n)
		return false;
	tb->seen = true;
	tb->goal_col = g < n;
	tb->result_col = r < n;
	tb->goal_first = g < r;
	return true;
}

/* The first digit of a cell that opens with at most a verb: 增长6%以上. */
static size_t digits_at(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i <= 12 && !(s[i] >= '0' && s[i] <= '9'))
		i++;
	return i < n && i <= 12 && s[i] >= '0' && s[i] <= '9' ? i : n;
}

/* A value cell: 增长6%以上, 4297.8, 74.5, 下降3%. */
static bool read_value(const char *s, size_t n, brief_table_value *v)
{
	size_t b = digits_at(s, n), i = b;
	if (b == n)
		return false;
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
		i++;
	if (!brief_number_parse(s + b, i - b, &v->value))
		return false;
	v->growth = brief_has_word(s, b, "增长") || brief_has_word(s, b, "下降") || brief_has_word(s, b, "提高");
	if (brief_has_word(s, b, "下降"))
		v->value = -v->value;
	v->pct = i < n && s[i] == '%';
	const char *rest = s + i + v->pct;
	size_t rn = n - i - v->pct;
	v->bound = brief_has_word(rest, rn, "以上") ? "min" : brief_has_word(rest, rn, "左右") ? "approx"
		 : brief_has_word(rest, rn, "以内") || brief_has_word(rest, rn, "以下") ? "max" : "exact";
	return true;
}

/* The indicator's cell: the one after the row's number (序号), else the
 * first; none when it holds a number itself. */
static size_t indicator_cell(const char *t, const cell *c, size_t n)
{
	for (size_t j = 0; j + 1 < n; j++) {
		size_t len = c[j].e - c[j].s;
		bool num = len && len <= 3;
		for (size_t q = c[j].s; q < c[j].e; q++)
			num &= t[q] >= '0' && t[q] <= '9';
		if (num)
			return j + 1;
	}
	return 0;
}

bool brief_table_read(const brief_table *tb, const char *t, size_t ss, size_t se,
		      int section, brief_table_row *row)
{
	cell c[MAXCELLS];
	size_t n = split(t, ss, se, c), i = indicator_cell(t, c, n);
	memset(row, 0, sizeof *row);
	if (i >= n || digits_at(t + c[i].s, c[i].e - c[i].s) != c[i].e - c[i].s)
		return false;
	row->ind_s = c[i].s;
	row->ind_e = c[i].e;
	i++;
	size_t un = i < n ? c[i].e - c[i].s : 0;
	if (un && un < sizeof row->unit && digits_at(t + c[i].s, un) == un) {
		memcpy(row->unit, t + c[i].s, un);
		row->unit[un] = '\0';
		i++;
	}
	for (size_t col = 0; i < n && row->n < BRIEF_TABLE_VALUES; i++, col++) {
		brief_table_value v = { 0 };
		bool goal = tb->seen ? !tb->result_col ||
				       (tb->goal_col && tb->goal_first && col == 0)
				     : section > 0;
		/* the result columns: the level in the row's unit, then its
		 * growth; a dash holds the level's place */
		size_t rcol = tb->seen && tb->goal_col && tb->goal_first ? col - 1 : col;
		if (!read_value(t + c[i].s, c[i].e - c[i].s, &v))
			continue;
		v.target = goal;
		v.start = c[i].s;
		v.end = c[i].e;
		v.growth |= !goal && !v.pct && rcol >= 1 && tb->seen;
		row->v[row->n++] = v;
	}
	return row->n > 0;
}

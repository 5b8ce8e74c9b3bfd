/* lexicon.c - the embedded language tables (lexicon.h). */
#include "util/lexicon.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/embed.h"

struct brief_lexicon {
	char *name;
	char *data;
	brief_lex_entry *e;
	size_t n;
	/* class -> its words, NULL-terminated: built on demand, one per class
	 * asked for; hashed, the finders ask for a class per number they read */
	GHashTable *lists;
	struct brief_lexicon *next;
};

static brief_lexicon *loaded;   /* every table parsed so far */

static char *field(char **p)
{
	char *s = *p, *tab = s ? strchr(s, '\t') : NULL;
	if (!s)
		return NULL;
	if (tab) {
		*tab = '\0';
		*p = tab + 1;
	} else {
		*p = NULL;
	}
	return s;
}

static brief_lexicon *parse(const char *name, const char *src, size_t len)
{
	brief_lexicon *l = calloc(1, sizeof *l);
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += src[i] == '\n';
	if (!l || !(l->data = strndup(src, len)) || !(l->name = strdup(name)) ||
	    !(l->e = calloc(lines, sizeof *l->e))) {
		if (l) {
			free(l->data);
			free(l->name);
		}
		free(l);
		return NULL;
	}
	for (char *line = l->data, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		size_t k = strlen(line);
		if (k && line[k - 1] == '\r')
			line[k - 1] = '\0';
		if (*line == '#' || *line == '\0')
			continue;
		char *p = line, *cls = field(&p), *word = field(&p), *value = field(&p);
		char *extra = field(&p);
		if (!word || !*word)
			continue;
		l->e[l->n++] = (brief_lex_entry){ cls, word, value ? value : "",
					       extra ? extra : "" };
	}
	return l;
}

const brief_lexicon *brief_lexicon_get(const char *name)
{
	for (brief_lexicon *l = loaded; l; l = l->next)
		if (!strcmp(l->name, name))
			return l;
	size_t len;
	const char *src = brief_embed(name, &len);
	brief_lexicon *l = src ? parse(name, src, len) : NULL;
	if (l) {
		l->next = loaded;
		loaded = l;
	}
	return l;
}

const brief_lex_entry *brief_lex_entries(const brief_lexicon *l, size_t *n)
{
	*n = l ? l->n : 0;
	return l ? l->e : NULL;
}

const char *const *brief_lex_words(const brief_lexicon *cl, const char *cls)
{
	brief_lexicon *l = (brief_lexicon *)cl;   /* the cache is ours */
	if (!l->lists)
		l->lists = g_hash_table_new(g_str_hash, g_str_equal);
	const char **w = g_hash_table_lookup(l->lists, cls);
	if (w)
		return w;
	size_t k = 0;
	for (size_t i = 0; i < l->n; i++)
		k += !strcmp(l->e[i].cls, cls);
	w = calloc(k + 1, sizeof *w);
	char *c = strdup(cls);
	if (!w || !c) {
		free(w);
		free(c);
		return NULL;
	}
	k = 0;
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->e[i].cls, cls))
			w[k++] = l->e[i].word;
	g_hash_table_insert(l->lists, c, w);
	return w;
}

static int longer_first(const void *a, const void *b)
{
	size_t x = strlen(*(const char *const *)a), y = strlen(*(const char *const *)b);
	return x < y ? 1 : x > y ? -1 : 0;
}

char *brief_lex_alternation(const brief_lexicon *l, const char *cls, int regex)
{
	const char *const *w = cls ? brief_lex_words(l, cls) : NULL;
	size_t n = 0;
	if (cls && !w)
		return NULL;
	if (cls)
		while (w[n])
			n++;
	else
		n = l->n;
	const char **v = malloc((n + 1) * sizeof *v);
	if (!v)
		return NULL;
	for (size_t i = 0; i < n; i++)
		v[i] = cls ? w[i] : l->e[i].word;
	/* the longest word first: PCRE2 takes the first alternative that fits */
	qsort(v, n, sizeof *v, longer_first);
	brief_buf b = BRIEF_BUF_INIT;
	brief_buf_puts(&b, "(?:");
	for (size_t i = 0; i < n; i++) {
		if (i)
			brief_buf_putc(&b, '|');
		brief_buf_puts(&b, regex ? "" : "\\Q");
		brief_buf_puts(&b, v[i]);
		brief_buf_puts(&b, regex ? "" : "\\E");
	}
	if (!n)
		brief_buf_puts(&b, "(*FAIL)");
	brief_buf_putc(&b, ')');
	free(v);
	return brief_buf_detach(&b, NULL);
}

const char *const *brief_words(const char *table, const char *cls)
{
	static const char *const none[] = { NULL };
	const brief_lexicon *l = brief_lexicon_get(table);
	const char *const *w = l ? brief_lex_words(l, cls) : NULL;
	return w ? w : none;
}

/* template.c - the template language of template.h. */
#include "render/latex/template.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- */
/* Values.                                                           */

struct brief_tval {
	brief_tv_kind kind;
	char *s;
	brief_tval **items;
	char **keys;            /* maps only, parallel to items */
	size_t n;
};

static brief_tval *tv_new(brief_tv_kind kind)
{
	brief_tval *v = calloc(1, sizeof *v);
	if (v)
		v->kind = kind;
	return v;
}

brief_tval *brief_tv_str(const char *s)
{
	brief_tval *v = tv_new(BRIEF_TV_STR);
	if (v && !(v->s = strdup(s ? s : ""))) {
		free(v);
		return NULL;
	}
	return v;
}

brief_tval *brief_tv_list(void)
{
	return tv_new(BRIEF_TV_LIST);
}

brief_tval *brief_tv_map(void)
{
	return tv_new(BRIEF_TV_MAP);
}

static int append(brief_tval *c, const char *key, brief_tval *v)
{
	brief_tval **items = realloc(c->items, (c->n + 1) * sizeof *items);
	if (!items)
		return -1;
	c->items = items;
	if (key) {
		char **keys = realloc(c->keys, (c->n + 1) * sizeof *keys);
		if (!keys)
			return -1;
		c->keys = keys;
		if (!(keys[c->n] = strdup(key)))
			return -1;
	}
	items[c->n++] = v;
	return 0;
}

int brief_tv_push(brief_tval *list, brief_tval *v)
{
	if (!list || !v || append(list, NULL, v)) {
		brief_tv_free(v);
		return -1;
	}
	return 0;
}

int brief_tv_set(brief_tval *map, const char *key, brief_tval *v)
{
	if (!map || !v || append(map, key, v)) {
		brief_tv_free(v);
		return -1;
	}
	return 0;
}

int brief_tv_set_str(brief_tval *map, const char *key, const char *s)
{
	return brief_tv_set(map, key, brief_tv_str(s));
}

void brief_tv_free(brief_tval *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++) {
		brief_tv_free(v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->s);
	free(v);
}

static const brief_tval *field(const brief_tval *map, const char *key,
			       size_t klen)
{
	if (!map || map->kind != BRIEF_TV_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strlen(map->keys[i]) == klen && !memcmp(map->keys[i], key, klen))
			return map->items[i];
	return NULL;
}

/* ---------------------------------------------------------------- */
/* Parsing.                                                          */

typedef enum { N_TEXT, N_VAR, N_FOR, N_IF } node_kind;

typedef struct node {
	node_kind kind;
	char *text;             /* N_TEXT: literal; else the value's path */
	size_t len;
	int line;
	struct node *body, *alt, *next;
} node;

struct brief_template {
	node *root;
	char *name;
};

typedef struct parser {
	const char *s, *end;
	int line;
	const char *name;
	char *err;
	size_t errsz;
	bool failed;
} parser;

static void fail(parser *p, int line, const char *fmt, ...)
{
	va_list ap;
	int n;
	if (p->failed)
		return;
	p->failed = true;
	n = snprintf(p->err, p->errsz, "%s:%d: ", p->name, line);
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < p->errsz)
		vsnprintf(p->err + n, p->errsz - (size_t)n, fmt, ap);
	va_end(ap);
}

static void free_nodes(node *n)
{
	while (n) {
		node *next = n->next;
		free(n->text);
		free_nodes(n->body);
		free_nodes(n->alt);
		free(n);
		n = next;
	}
}

static node *new_node(node_kind kind, const char *text, size_t len, int line)
{
	node *n = calloc(1, sizeof *n);
	if (n && !(n->text = strndup(text, len))) {
		free(n);
		return NULL;
	}
	if (n) {
		n->kind = kind;
		n->len = len;
		n->line = line;
	}
	return n;
}

static bool is_path(const char *s, size_t n)
{
	if (!n || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '.'))
			return false;
	return true;
}

/* The directive at p->s (just after a '$'): its text up to the closing
 * '$' on the same line. */
static bool directive(parser *p, const char **d, size_t *n)
{
	const char *e = p->s;
	while (e < p->end && *e != '$' && *e != '\n' && e - p->s < 80)
		e++;
	if (e >= p->end || *e != '$') {
		fail(p, p->line, "unterminated '$' (write $$ for a dollar sign)");
		return false;
	}
	*d = p->s;
	*n = (size_t)(e - p->s);
	p->s = e + 1;
	return true;
}

static bool word_is(const char *d, size_t n, const char *w)
{
	return strlen(w) == n && !memcmp(d, w, n);
}

/* "for(x)" / "if(x)": the x, or NULL. */
static const char *argument(const char *d, size_t n, const char *word,
			    size_t *an)
{
	size_t k = strlen(word);
	if (n < k + 2 || memcmp(d, word, k) || d[k] != '(' || d[n - 1] != ')')
		return NULL;
	*an = n - k - 2;
	return d + k + 1;
}

static node *parse_seq(parser *p, const char *const *stops, const char **stop);

static node *parse_block(parser *p, node_kind kind, const char *arg, size_t an,
			 int line)
{
	static const char *const for_stops[] = { "sep", "endfor", NULL };
	static const char *const if_stops[] = { "else", "endif", NULL };
	const char *stop = NULL;
	node *n = new_node(kind, arg, an, line);
	if (!n) {
		fail(p, line, "out of memory");
		return NULL;
	}
	n->body = parse_seq(p, kind == N_FOR ? for_stops : if_stops, &stop);
	/* else: the other branch of an if; sep: what a loop puts between
	 * two items (a rule between rows, never after the last) */
	if (kind == N_IF && stop && !strcmp(stop, "else"))
		n->alt = parse_seq(p, if_stops + 1, &stop);
	else if (kind == N_FOR && stop && !strcmp(stop, "sep"))
		n->alt = parse_seq(p, for_stops + 1, &stop);
	if (!p->failed && !stop)
		fail(p, line, "$%s(%.*s)$ is never closed (no $%s$)",
		     kind == N_FOR ? "for" : "if", (int)an, arg,
		     kind == N_FOR ? "endfor" : "endif");
	return n;
}

static node *parse_directive(parser *p, const char *const *stops,
			     const char **stop)
{
	const char *d, *arg;
	size_t n, an;
	int line = p->line;
	if (!directive(p, &d, &n))
		return NULL;
	for (const char *const *s = stops; s && *s; s++)
		if (word_is(d, n, *s)) {
			*stop = *s;
			return NULL;
		}
	if ((arg = argument(d, n, "for", &an)) && is_path(arg, an))
		return parse_block(p, N_FOR, arg, an, line);
	if ((arg = argument(d, n, "if", &an)) && is_path(arg, an))
		return parse_block(p, N_IF, arg, an, line);
	if (is_path(d, n) && !word_is(d, n, "endfor") && !word_is(d, n, "endif") &&
	    !word_is(d, n, "else") && !word_is(d, n, "sep")) {
		node *v = new_node(N_VAR, d, n, line);
		if (!v)
			fail(p, line, "out of memory");
		return v;
	}
	fail(p, line, "unexpected $%.*s$", (int)n, d);
	return NULL;
}

/* Text and directives until one of `stops` (set in *stop) or the end. */
static node *parse_seq(parser *p, const char *const *stops, const char **stop)
{
	node *head = NULL, **tail = &head;
	*stop = NULL;
	while (p->s < p->end && !p->failed && !*stop) {
		const char *t = p->s;
		while (t < p->end && *t != '$')
			t++;
		if (t > p->s) {
			node *n = new_node(N_TEXT, p->s, (size_t)(t - p->s), p->line);
			for (const char *c = p->s; c < t; c++)
				p->line += *c == '\n';
			p->s = t;
			if (!n) {
				fail(p, p->line, "out of memory");
				break;
			}
			*tail = n;
			tail = &n->next;
			continue;
		}
		p->s++;         /* the '$' */
		if (p->s < p->end && *p->s == '$') {
			node *n = new_node(N_TEXT, "$", 1, p->line);
			p->s++;
			if (n) {
				*tail = n;
				tail = &n->next;
			}
			continue;
		}
		node *n = parse_directive(p, stops, stop);
		if (n) {
			*tail = n;
			tail = &n->next;
		}
	}
	return head;
}

brief_template *brief_template_parse(const char *src, size_t len,
				     const char *name, char *err, size_t errsz)
{
	parser p = { src, src + len, 1, name, err, errsz, false };
	const char *stop = NULL;
	static const char *const none[] = { "endfor", "endif", "else", "sep", NULL };
	brief_template *t = calloc(1, sizeof *t);
	if (!t) {
		snprintf(err, errsz, "%s: out of memory", name);
		return NULL;
	}
	t->root = parse_seq(&p, none, &stop);
	if (!p.failed && stop)
		fail(&p, p.line, "$%s$ without its opening $%s(…)$", stop,
		     !strcmp(stop, "endfor") || !strcmp(stop, "sep") ? "for" : "if");
	if (p.failed || !(t->name = strdup(name))) {
		brief_template_free(t);
		return NULL;
	}
	return t;
}

void brief_template_free(brief_template *t)
{
	if (!t)
		return;
	free_nodes(t->root);
	free(t->name);
	free(t);
}

/* ---------------------------------------------------------------- */
/* Rendering.                                                        */

#define MAX_DEPTH 16

typedef struct scope {
	const char *name[MAX_DEPTH];
	size_t len[MAX_DEPTH];
	const brief_tval *value[MAX_DEPTH];
	int n;
} scope;

typedef struct renderer {
	const brief_template *t;
	const brief_tval *root;
	brief_escaper esc;
	brief_buf *out;
	char *err;
	size_t errsz;
	scope sc;
} renderer;

/* The value a dotted path names: loop variables first, then the root. */
static const brief_tval *lookup(const renderer *r, const char *path)
{
	const char *dot = strchr(path, '.');
	size_t first = dot ? (size_t)(dot - path) : strlen(path);
	const brief_tval *v = NULL;
	for (int i = r->sc.n - 1; i >= 0 && !v; i--)
		if (r->sc.len[i] == first && !memcmp(r->sc.name[i], path, first))
			v = r->sc.value[i];
	if (!v)
		v = field(r->root, path, first);
	while (v && dot) {
		const char *seg = dot + 1;
		dot = strchr(seg, '.');
		size_t n = dot ? (size_t)(dot - seg) : strlen(seg);
		v = field(v, seg, n);
	}
	return v;
}

static bool truthy(const brief_tval *v)
{
	if (!v)
		return false;
	if (v->kind == BRIEF_TV_STR)
		return v->s[0] != '\0';
	if (v->kind == BRIEF_TV_LIST)
		return v->n > 0;
	return true;
}

static int error(renderer *r, const node *n, const char *what)
{
	snprintf(r->err, r->errsz, "%s:%d: %s '%s'", r->t->name, n->line, what,
		 n->text);
	return -1;
}

static int run(renderer *r, const node *n);

static int run_for(renderer *r, const node *n)
{
	const brief_tval *list = lookup(r, n->text);
	if (!list)
		return 0;       /* an absent list is an empty one */
	if (list->kind != BRIEF_TV_LIST)
		return error(r, n, "not a list:");
	if (r->sc.n == MAX_DEPTH)
		return error(r, n, "loops nested too deep at");
	const char *last = strrchr(n->text, '.');
	last = last ? last + 1 : n->text;
	int depth = r->sc.n++;
	r->sc.name[depth] = last;
	r->sc.len[depth] = strlen(last);
	int rc = 0;
	for (size_t i = 0; i < list->n && rc == 0; i++) {
		r->sc.value[depth] = list->items[i];
		rc = run(r, n->body);
		if (rc == 0 && i + 1 < list->n)
			rc = run(r, n->alt);
	}
	r->sc.n--;
	return rc;
}

static int run(renderer *r, const node *n)
{
	for (; n; n = n->next) {
		const brief_tval *v;
		int rc = 0;
		switch (n->kind) {
		case N_TEXT:
			brief_buf_put(r->out, n->text, n->len);
			break;
		case N_VAR:
			v = lookup(r, n->text);
			if (!v || v->kind != BRIEF_TV_STR)
				return error(r, n, v ? "not a text value:" : "unknown value");
			r->esc(r->out, v->s);
			break;
		case N_FOR:
			rc = run_for(r, n);
			break;
		case N_IF:
			rc = run(r, truthy(lookup(r, n->text)) ? n->body : n->alt);
			break;
		}
		if (rc)
			return rc;
	}
	return 0;
}

int brief_template_render(const brief_template *t, const brief_tval *root,
			  brief_escaper esc, brief_buf *out, char *err,
			  size_t errsz)
{
	renderer r = { t, root, esc, out, err, errsz, { { 0 }, { 0 }, { 0 }, 0 } };
	if (run(&r, t->root))
		return -1;
	if (!brief_buf_ok(out)) {
		snprintf(err, errsz, "%s: out of memory", t->name);
		return -1;
	}
	return 0;
}

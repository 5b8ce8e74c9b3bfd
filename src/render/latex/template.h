/*
 * template.h - a small template language for document sources.
 *
 *   $name$                  a value, passed through the escaping filter
 *   $item.field$            a field of the current item of a loop
 *   $for(list)$…$endfor$    once per item of a list; inside, $list.field$
 *                           names the current item's fields
 *   $for(list)$…$sep$…$endfor$  what follows $sep$ comes between two
 *                           items, never after the last
 *   $if(name)$…$else$…$endif$   a non-empty string, list or true flag
 *   $$                      a literal dollar sign
 *
 * Every substitution goes through the escaper the caller gives, so text
 * taken from articles cannot inject markup. A template is parsed once;
 * errors name the line.
 */
#ifndef BRIEF_TEMPLATE_H
#define BRIEF_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Values the template reads: strings, lists and maps. */
typedef enum { BRIEF_TV_STR, BRIEF_TV_LIST, BRIEF_TV_MAP } brief_tv_kind;

typedef struct brief_tval brief_tval;

brief_tval *brief_tv_str(const char *s);          /* copies s; NULL = "" */
brief_tval *brief_tv_list(void);
brief_tval *brief_tv_map(void);
/* Adds to a list / sets in a map, taking ownership of v. 0 or -1. */
int brief_tv_push(brief_tval *list, brief_tval *v);
int brief_tv_set(brief_tval *map, const char *key, brief_tval *v);
int brief_tv_set_str(brief_tval *map, const char *key, const char *s);
void brief_tv_free(brief_tval *v);

typedef struct brief_template brief_template;

/*
 * Parses `src`; `name` is used in messages. NULL with "NAME:LINE: what is
 * wrong" written to err on a malformed template.
 */
brief_template *brief_template_parse(const char *src, size_t len,
				     const char *name, char *err, size_t errsz);
void brief_template_free(brief_template *t);

/* Appends text to out, escaped for the target language. */
typedef void (*brief_escaper)(brief_buf *out, const char *text);

/* Renders with `root` as the top-level map. 0, or -1 with "NAME:LINE:
 * unknown value 'x'" in err. */
int brief_template_render(const brief_template *t, const brief_tval *root,
			  brief_escaper esc, brief_buf *out, char *err,
			  size_t errsz);

#endif

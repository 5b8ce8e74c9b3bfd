#include "util/rx.h"

#include <stdlib.h>

pcre2_code *brief_rx_compile(const char *pattern)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				      PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
	if (c && !getenv("BRIEF_NO_JIT"))
		pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
	return c;
}

int brief_rxset_init(brief_rxset *s, const char *const *patterns, size_t n,
		     uint32_t match_limit)
{
	s->n = n;
	s->rx = calloc(n, sizeof *s->rx);
	s->md = pcre2_match_data_create(32, NULL);
	s->mc = pcre2_match_context_create(NULL);
	if (!s->rx || !s->md || !s->mc)
		goto fail;
	for (size_t i = 0; i < n; i++)
		if (!(s->rx[i] = brief_rx_compile(patterns[i])))
			goto fail;
	pcre2_set_match_limit(s->mc, match_limit);
	pcre2_set_depth_limit(s->mc, match_limit / 100 + 100);
	return 0;
fail:
	brief_rxset_free(s);
	return -1;
}

void brief_rxset_free(brief_rxset *s)
{
	for (size_t i = 0; s->rx && i < s->n; i++)
		pcre2_code_free(s->rx[i]);
	free(s->rx);
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mc);
	s->rx = NULL;
	s->md = NULL;
	s->mc = NULL;
	s->n = 0;
}

PCRE2_SIZE *brief_rxset_match(brief_rxset *s, size_t i, const char *t,
			      size_t start, size_t end)
{
	if (pcre2_match(s->rx[i], (PCRE2_SPTR)t, end, start, 0, s->md, s->mc) < 0)
		return NULL;
	return pcre2_get_ovector_pointer(s->md);
}

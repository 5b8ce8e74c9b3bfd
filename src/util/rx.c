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

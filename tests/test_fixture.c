/* The renderers' fixture model is itself well formed. */
#include <criterion/criterion.h>
#include <string.h>

#include "support/doc_fixture.h"

Test(fixture, tiers_point_into_clusters)
{
	brief_doc d;
	brief_test_doc_long(&d, 50);
	cr_assert_eq(d.projects.n, 54);
	size_t n = 0;
	for (size_t i = 0; i < d.ntiers; i++)
		for (size_t j = 0; j < d.tiers[i].n; j++) {
			const brief_row *r = d.tiers[i].rows[j];
			cr_assert(r >= d.clusters.v && r < d.clusters.v + d.clusters.n);
			n++;
		}
	cr_assert_eq(n, d.clusters.n);
	cr_assert_str_eq(d.compare[0].v[1].region, "钱塘区");
	cr_assert(d.compare[0].v[1].self);
	brief_doc_free(&d);
	cr_assert_null(d.region);
}

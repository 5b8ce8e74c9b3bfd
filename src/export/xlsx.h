/*
 * xlsx.h - the dataset as a workbook (brief export --format xlsx, and
 * the year's workbook of brief batch), written with libxlsxwriter.
 *
 * Sheets, each with a frozen header row and an autofilter:
 *   目标, 实绩   one row per target / result: region, code, year,
 *               indicator, kind, value (a number), unit, bound,
 *               qualifier, period, scope, evidence, source (title,
 *               linked to its URL), document
 *   项目         projects: name, investment (亿元, a number), status ...
 *   集群         clusters: name, tier, value, unit ...
 *   来源         one row per document the facts come from: title and URL
 *               (links), source, published, file, facts in the workbook
 *   对比         the year's headline targets, one row per region, one
 *               column per indicator: the columns and values of the
 *               combined briefing's overview (render/overview.h); a cell
 *               holds the value as a number, shown with its bound
 *               (增长5.5%以上), and a comment naming its sources.
 * The bytes depend only on the data and the epoch (the workbook's
 * creation time; libxlsxwriter stamps its zip entries with a fixed date).
 */
#ifndef BRIEF_XLSX_H
#define BRIEF_XLSX_H

#include "brief.h"
#include "extract/regions.h"
#include "store/db.h"
#include "util/diag.h"

typedef struct brief_xlsx_opts {
	/* the fact sheets: facts of this region and what lies in it (NULL:
	 * every fact), of the briefings of `year` (targets, projects and
	 * clusters of the year, results of the year before; 0: every year) */
	const brief_region *region;
	int year;
	/* 对比: the regions within `scope` (NULL: all) with a briefing for
	 * `year` (0: the latest year with targets among them) */
	const brief_region *scope;
	long long epoch;        /* SOURCE_DATE_EPOCH; -1: now */
} brief_xlsx_opts;

/*
 * Writes the workbook to `path` (through a temporary file beside it,
 * renamed into place: never half a workbook). `book`, when given, is
 * the 对比 sheet's set of briefings (batch has them); otherwise they are
 * aggregated here. 0, or -1 after reporting.
 */
int brief_xlsx_write(brief_db *db, const brief_xlsx_opts *o, const brief_book *book,
		     const char *path, brief_diag *d);

#endif

/* xlsx_internal.h - what the workbook's files share (xlsx.c, xlsx_compare.c). */
#ifndef BRIEF_XLSX_INTERNAL_H
#define BRIEF_XLSX_INTERNAL_H

#include <xlsxwriter.h>

#include "export/xlsx.h"

typedef struct xlsx_out {
	lxw_workbook *wb;
	lxw_format *header;
	/* number formats by their spec, made once each (Excel keeps a table) */
	struct { char *spec; lxw_format *fmt; } *nums;
	size_t nnums, capnums;
} xlsx_out;

/* Header row (frozen) and column widths of a sheet. */
void xlsx_header(xlsx_out *x, lxw_worksheet *ws, const char *const *names,
		 const double *widths, size_t n);
/* The format showing a number as `spec` says, NULL when it cannot be made. */
lxw_format *xlsx_num_format(xlsx_out *x, const char *spec);
/* text as a link to url, or as text when there is no URL or Excel
 * would not take it (too long, too many links). */
void xlsx_link(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *url,
	       const char *text);

/* The 对比 sheet of book b. 0, or -1 on OOM. */
int xlsx_compare_sheet(xlsx_out *x, const brief_book *b);

#endif

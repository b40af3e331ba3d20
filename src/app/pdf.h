/* A small PDF writer over libharu (libhpdf) for the reports the server
 * renders (a review; a team's or a person's objectives, export_pdf.c): A4 pages,
 * DejaVu Sans (regular and bold, UTF-8: French accents), text that wraps
 * and flows onto new pages, table rows, progress bars drawn. Numbers and
 * dates are formatted by the caller (pdf_num, pdf_date help, by locale).
 * The document is written into a buffer: nothing touches the disk but the
 * fonts read from PDF_FONT_DIR. */
#ifndef CIBLE_APP_PDF_H
#define CIBLE_APP_PDF_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"

#ifndef PDF_FONT_DIR
#define PDF_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#endif

struct pdf;

/* A new document with its first page; NULL with *e set (500) when the
 * fonts cannot be loaded. */
struct pdf *pdf_new(const char *title, struct err *e);
void pdf_free(struct pdf *p);

/* A paragraph at the left margin, wrapped at the page's width. */
void pdf_text(struct pdf *p, const char *text, float size, bool bold);
/* A title line: bold, with room above. */
void pdf_heading(struct pdf *p, const char *text, float size);
void pdf_gap(struct pdf *p, float points);
/* One row of a table: cells in columns of the given widths (points; the
 * last takes what is left), each wrapped in its column. */
void pdf_row(struct pdf *p, const char *const *cells, const float *widths, size_t n,
	     bool bold);
/* A progress bar: share 0..1 (more is drawn full, in another colour),
 * width points wide, with label to its right. share < 0: no bar, the label
 * alone. */
void pdf_bar(struct pdf *p, double share, float width, const char *label);
/* A new page unless points of room are left on this one: what follows
 * (a block of lines) stays together. */
void pdf_keep(struct pdf *p, float points);
/* A thin rule across the page. */
void pdf_rule(struct pdf *p);

/* The document's bytes appended to out. */
int pdf_save(struct pdf *p, struct buf *out, struct err *e);

/* Formatting by the organisation's locale ("fr": 1 234,5 and 25/11/2026;
 * otherwise 1,234.5 and 2026-11-25); out holds 48 bytes. */
void pdf_num(double v, int decimals, const char *locale, char out[48]);
void pdf_date(day_t d, const char *locale, char out[16]);

#endif

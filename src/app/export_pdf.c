/* A team's or a person's objectives as a PDF report (export_lists.h): the
 * table the CSV and XLSX exports send, drawn with the reviews' writer
 * (app/pdf.h). One block per objective, kept on one page: its title, its
 * owner and indicator, then its figures on one line, so that a reader (and
 * pdftotext) finds each figure beside its name. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/export_lists.h"
#include "app/pdf.h"
#include "core/figure.h"

#define T(fr, en) (words == LANG_FR ? (fr) : (en))

static void date_text(day_t d, enum lang lang, struct buf *b)
{
	char iso[11];
	date_format_iso(d, iso);
	if (lang == LANG_FR)
		buf_addf(b, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	else
		buf_adds(b, iso);
}

/* a fraction as a percentage with one decimal: "81,5 %", "81.5%"; "—" when unknown */
static void percent_text(double v, enum lang lang, struct buf *b)
{
	if (!isfinite(v)) {
		buf_adds(b, "—");
		return;
	}
	buf_add_num(b, v * 100, 1, NUM_FIXED, lang);
	buf_adds(b, lang == LANG_FR ? "\xE2\x80\xAF%" : "%");
}

static void figure_text(double v, const char *unit, enum lang lang, struct buf *b)
{
	if (!isfinite(v))
		buf_adds(b, "—");
	else
		buf_add_figure(b, v, unit, lang);
}

int export_objectives_pdf(const struct export_table *t, enum export_report kind, day_t today,
			  enum lang words, struct buf *out, struct err *e)
{
	if (!t->row || t->ncols != OC_N)
		return err_set(e, 500, "internal", NULL, "the PDF could not be written", NULL);
	struct export_cell c[OC_N];
	enum lang nums = t->lang;
	/* first walk: the period the objectives span, how many by progress status */
	day_t from = DAY_NONE, to = DAY_NONE;
	size_t n = 0;
	int rc;
	for (;; n++) {
		for (size_t k = 0; k < OC_N; k++)
			c[k] = (struct export_cell){ NULL, NAN, DAY_NONE };
		if ((rc = t->row(t->ctx, n, c, e)) <= 0)
			break;
		if (c[OC_START].day != DAY_NONE && (from == DAY_NONE || c[OC_START].day < from))
			from = c[OC_START].day;
		if (c[OC_DUE].day != DAY_NONE && (to == DAY_NONE || c[OC_DUE].day > to))
			to = c[OC_DUE].day;
	}
	if (rc < 0)
		return -1;
	if (n > EXPORT_PDF_MAX_ROWS) {
		char got[24], max[24];
		snprintf(got, sizeof(got), "%zu", n);
		snprintf(max, sizeof(max), "%d", EXPORT_PDF_MAX_ROWS);
		return err_set(e, 422, "report_too_long", "format", got, max);
	}
	struct buf b = BUF_INIT;
	buf_adds(&b, kind == REPORT_UNIT ? T("Tableau de bord : ", "Dashboard: ")
					 : T("Objectifs : ", "Objectives: "));
	buf_adds(&b, t->title ? t->title : "");
	struct pdf *p = pdf_new(b.data, e);
	if (!p) {
		buf_free(&b);
		return -1;
	}
	pdf_heading(p, b.data, 16);
	buf_reset(&b);
	buf_adds(&b, T("Période : ", "Period: "));
	if (from != DAY_NONE && to != DAY_NONE) {
		buf_adds(&b, T("du ", "from "));
		date_text(from, nums, &b);
		buf_adds(&b, T(" au ", " to "));
		date_text(to, nums, &b);
	} else {
		buf_adds(&b, "—");
	}
	pdf_text(p, b.data, 10, false);
	buf_reset(&b);
	buf_adds(&b, T("Mesuré le ", "Measured on "));
	date_text(today, nums, &b);
	buf_addf(&b, T(" · %zu objectif%s", " · %zu objective%s"), n, n == 1 ? "" : "s");
	pdf_text(p, b.data, 10, false);
	pdf_rule(p);
	if (!n)
		pdf_text(p, T("Aucun objectif.", "No objectives."), 10, false);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < OC_N; k++)
			c[k] = (struct export_cell){ NULL, NAN, DAY_NONE };
		if ((rc = t->row(t->ctx, i, c, e)) <= 0)
			break;
		const char *unit = c[OC_MEASURE_UNIT].text;
		/* the block on one page: a title, two lines, a gap */
		pdf_keep(p, 64);
		pdf_text(p, c[OC_TITLE].text ? c[OC_TITLE].text : "", 10.5f, true);
		buf_reset(&b);
		if (c[OC_OWNER].text)
			buf_addf(&b, "%s · ", c[OC_OWNER].text);
		buf_adds(&b, T("Indicateur : ", "Indicator: "));
		buf_adds(&b, c[OC_INDICATOR].text && *c[OC_INDICATOR].text ? c[OC_INDICATOR].text
									  : T("saisi à la main", "entered by hand"));
		if (c[OC_DUE].day != DAY_NONE) {
			buf_adds(&b, T(" · échéance ", " · due "));
			date_text(c[OC_DUE].day, nums, &b);
		}
		pdf_text(p, b.data, 9, false);
		buf_reset(&b);
		buf_adds(&b, T("Valeur ", "Value "));
		figure_text(c[OC_VALUE].num, unit, nums, &b);
		buf_adds(&b, T(" · Cible ", " · Target "));
		figure_text(c[OC_TARGET].num, unit, nums, &b);
		buf_adds(&b, T(" · Atteinte ", " · Attainment "));
		percent_text(c[OC_ATTAINMENT].num, nums, &b);
		buf_adds(&b, T(" · Prévision ", " · Forecast "));
		percent_text(c[OC_FORECAST].num, nums, &b);
		buf_adds(&b, " · ");
		buf_adds(&b, c[OC_PSTATUS].text ? c[OC_PSTATUS].text : "");
		pdf_text(p, b.data, 9, false);
		pdf_gap(p, 6);
	}
	buf_free(&b);
	if (rc < 0) {
		pdf_free(p);
		return -1;
	}
	rc = pdf_save(p, out, e);
	pdf_free(p);
	return rc;
}

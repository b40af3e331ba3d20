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

/* the report's words (core/msg.h); {0} and {1} are values */
static const struct msg report_catalog[] = {
	{ "unit_title", "Tableau de bord : {0}", "Dashboard: {0}" },
	{ "person_title", "Objectifs : {0}", "Objectives: {0}" },
	{ "period", "Période : du {0} au {1}", "Period: from {0} to {1}" },
	{ "no_period", "Période : —", "Period: —" },
	{ "measured", "Mesuré le {0} · {1} objectifs", "Measured on {0} · {1} objectives" },
	{ "measured_one", "Mesuré le {0} · 1 objectif", "Measured on {0} · 1 objective" },
	{ "none", "Aucun objectif.", "No objectives." },
	{ "indicator", "Indicateur : {0}", "Indicator: {0}" },
	{ "by_hand", "saisi à la main", "entered by hand" },
	{ "due", " · échéance {0}", " · due {0}" },
	{ "value", "Valeur {0}", "Value {0}" },
	{ "target", " · Cible {0}", " · Target {0}" },
	{ "attainment", " · Atteinte {0}", " · Attainment {0}" },
	{ "forecast", " · Prévision {0}", " · Forecast {0}" },
	{ NULL, NULL, NULL }
};

static void say(struct buf *b, const char *key, const char *a0, const char *a1, enum lang lang)
{
	msg_render(b, msg_text(report_catalog, key, lang), a0, a1);
}

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
	/* first walk: how many, and the period they span */
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
	struct buf b = BUF_INIT, x = BUF_INIT, y = BUF_INIT;
	say(&b, kind == REPORT_UNIT ? "unit_title" : "person_title", t->title ? t->title : "", NULL,
	    words);
	struct pdf *p = pdf_new(b.data, e);
	if (!p) {
		buf_free(&b);
		return -1;
	}
	pdf_heading(p, b.data, 16);
	buf_reset(&b);
	if (from != DAY_NONE && to != DAY_NONE) {
		date_text(from, nums, &x);
		date_text(to, nums, &y);
		say(&b, "period", x.data, y.data, words);
	} else {
		say(&b, "no_period", NULL, NULL, words);
	}
	pdf_text(p, b.data, 10, false);
	buf_reset(&b);
	buf_reset(&x);
	buf_reset(&y);
	date_text(today, nums, &x);
	buf_add_num(&y, (double)n, 0, 0, nums);
	say(&b, n == 1 ? "measured_one" : "measured", x.data, y.data, words);
	pdf_text(p, b.data, 10, false);
	pdf_rule(p);
	if (!n) {
		buf_reset(&b);
		say(&b, "none", NULL, NULL, words);
		pdf_text(p, b.data, 10, false);
	}
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
		say(&b, "indicator", c[OC_INDICATOR].text && *c[OC_INDICATOR].text
			? c[OC_INDICATOR].text : msg_text(report_catalog, "by_hand", words), NULL, words);
		if (c[OC_DUE].day != DAY_NONE) {
			buf_reset(&x);
			date_text(c[OC_DUE].day, nums, &x);
			say(&b, "due", x.data, NULL, words);
		}
		pdf_text(p, b.data, 9, false);
		buf_reset(&b);
		static const char *const keys[] = { "value", "target", "attainment", "forecast" };
		for (int k = 0; k < 4; k++) {
			buf_reset(&x);
			if (k == 0)
				figure_text(c[OC_VALUE].num, unit, nums, &x);
			else if (k == 1)
				figure_text(c[OC_TARGET].num, unit, nums, &x);
			else
				percent_text(c[k == 2 ? OC_ATTAINMENT : OC_FORECAST].num, nums, &x);
			say(&b, keys[k], x.data, NULL, words);
		}
		buf_adds(&b, " · ");
		buf_adds(&b, c[OC_PSTATUS].text ? c[OC_PSTATUS].text : "");
		pdf_text(p, b.data, 9, false);
		pdf_gap(p, 6);
	}
	buf_free(&b);
	buf_free(&x);
	buf_free(&y);
	if (rc < 0) {
		pdf_free(p);
		return -1;
	}
	rc = pdf_save(p, out, e);
	pdf_free(p);
	return rc;
}

/* The lists a manager exports (issue 14, item 6), as tables of typed columns
 * (app/export.h), titles in the reader's language (a->lang): the same rows
 * as the JSON of each list and the same access (404 for what one may not
 * read, 403 for a dashboard or trail one may not see). The tables live in
 * a->arena; the audit trail's rows are read a page at a time while the
 * answer is sent (the table's row function), so that it is never held
 * whole. The adapter sets the dialect (t->lang) and sends the bytes.
 *
 * Objectives come with their progress measured on a->clock.today (one
 * measure_many for the whole list) and their last check-in. */
#ifndef CIBLE_APP_EXPORT_LISTS_H
#define CIBLE_APP_EXPORT_LISTS_H
#include "app/export.h"
#include "app/usecase.h"

/* The columns of an objectives table (the three above that make one:
 * app_export_objectives, _unit, _person), in this order. */
enum {
	OC_ID, OC_TITLE, OC_LEVEL, OC_OWNER, OC_UNIT, OC_STATUS, OC_INDICATOR, OC_MEASURE_UNIT,
	OC_BASELINE, OC_TARGET, OC_VALUE, OC_ATTAINMENT, OC_EXPECTED, OC_FORECAST, OC_PSTATUS,
	OC_START, OC_DUE, OC_DAYS_LEFT, OC_WEIGHT, OC_LAST, OC_CONFIDENCE, OC_N
};

/* GET /api/objectives's list: f's filters, what a->me may read */
int app_export_objectives(struct app *a, const struct objective_filter *f,
			  struct export_table *t, struct err *e);
/* a unit's dashboard: its subtree's objectives, not cancelled (app_unit_dashboard) */
int app_export_unit(struct app *a, id_t64 unit, struct export_table *t, struct err *e);
/* a person's dashboard: their objectives, then their team's collective ones */
int app_export_person(struct app *a, id_t64 person, struct export_table *t, struct err *e);
/* an objective's check-ins, newest first */
int app_export_checkins(struct app *a, id_t64 objective, struct export_table *t,
			struct err *e);
/* the audit trail (entity, entity_id: as GET /api/audit filters; NULL, 0:
 * all), newest first; the rows are read while the answer is sent, on
 * a->store, which must stay open until the table's done runs */
int app_export_audit(struct app *a, const char *entity, id_t64 entity_id,
		     struct export_table *t, struct err *e);

/* At most this many objectives in a PDF report: libharu holds the whole
 * document until it is saved (about 1.8 KB a drawn objective), so a report
 * past it is refused (422 report_too_long, field format) before anything
 * is drawn; CSV and XLSX stream any size (bench/README.md). */
#define EXPORT_PDF_MAX_ROWS 5000
/* An objectives table (app_export_unit, app_export_person) as a PDF report
 * (app/pdf.h): its title and heading, the period its objectives span, the
 * day it was measured on, then each objective with its indicator, measured
 * value, target, attainment, forecast and progress status in words. The
 * words in words (the reader's language), the numbers in t->lang (the
 * dialect: the organisation's locale or ?dialect=). Rows are read once to
 * find the period, once to draw; the document grows in out. */
enum export_report { REPORT_UNIT, REPORT_PERSON };
int export_objectives_pdf(const struct export_table *t, enum export_report kind, day_t today,
			  enum lang words, struct buf *out, struct err *e);

#endif

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

#endif

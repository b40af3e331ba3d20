/* The organisation's records as JSON: what the API answers and what the
 * audit trail keeps as before/after, written once so that every surface
 * (API, pages, CLI) audits the same document. */
#ifndef CIBLE_APP_RECORD_H
#define CIBLE_APP_RECORD_H
#include <jansson.h>
#include "store/store.h"

json_t *json_org(const struct org *o);
json_t *json_unit(const struct unit *u);
json_t *json_person(const struct person *p);
json_t *json_axis(const struct axis *x);
json_t *json_date(day_t d);  /* "YYYY-MM-DD", or null for DAY_NONE */

#endif

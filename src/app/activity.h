/* Recording activity (POST /api/activity): a batch of records from the
 * organisation's systems (telephony, CRM, order systems), all or nothing
 * unless the caller keeps the good ones; re-sending a batch stores nothing
 * twice, thanks to each record's source id. Admins and managers record (a
 * manager for the people of the units they lead); the records, the
 * indicators' states and the audit entry are written in one transaction. */
#ifndef CIBLE_APP_ACTIVITY_H
#define CIBLE_APP_ACTIVITY_H
#include "app/usecase.h"

#define ACTIVITY_BATCH_MAX 10000

struct activity_record_input {
	const char *source_id, *person, *at;  /* at: a date or date-time */
	json_t *fields;         /* an object of plain values, or NULL */
	struct err shape;       /* set by the adapter: a malformed record, rejected as is */
};
struct activity_batch_input {
	const char *kind;       /* 1 to 32 of a-z, 0-9, _ */
	bool keep_good;
	const struct activity_record_input *records;  /* NULL: 422 missing "records" */
	size_t n;
};
struct activity_rejection {
	size_t index;
	struct err err;
};
struct activity_batch_result {
	size_t read, stored, duplicates;  /* stored and duplicates: 0 unless committed */
	struct activity_rejection *rejected;  /* in a->arena */
	size_t nrejected;
};

/* 403 forbidden unless a->me may record activity (admins and managers). */
int app_activity_check(struct app *a, struct err *e);
/* 0 with *out, or -1 with *e; *out is filled in both cases (a batch refused
 * for its wrong records answers 422 invalid_value "records" with them). */
int app_activity_add(struct app *a, const struct activity_batch_input *in,
		     struct activity_batch_result *out, struct err *e);

#endif

/* The indicators' use cases: define one (create), change it, delete it,
 * and try an expression on the stored records. Admins define indicators
 * (core/access: access_org_write); a new or changed expression or kind
 * recomputes the indicator's states from the stored records, in the same
 * transaction as the change and its audit entry (before and after). */
#ifndef CIBLE_APP_INDICATOR_H
#define CIBLE_APP_INDICATOR_H
#include "app/measure.h"
#include "app/usecase.h"

/* An indicator as the API shows it and the audit trail keeps it. */
json_t *app_indicator_json(const struct mind *m);

enum { IND_KEY = 1, IND_KIND = 2, IND_EXPR = 4, IND_UNIT = 8, IND_NAME_FR = 16,
       IND_NAME_EN = 32 };
struct indicator_input {
	unsigned set;           /* which fields are given (an update keeps the others) */
	const char *key;        /* 1 to 40 of a-z, 0-9, _ */
	const char *kind;       /* the activity kind it reads: 1 to 40 of a-z, 0-9, _ */
	const char *expr;       /* core/indicator.h: count(), sum(amount)... */
	const char *unit;       /* default "" */
	const char *name_fr, *name_en;  /* name_en defaults to name_fr */
};
int app_indicator_create(struct app *a, const struct indicator_input *in, struct mind *out,
			 struct err *e);
/* A key that objectives measure stays (409 conflict on "key"). */
int app_indicator_update(struct app *a, id_t64 id, const struct indicator_input *in,
			 struct mind *out, struct err *e);
/* 409 conflict while objectives measure it. */
int app_indicator_delete(struct app *a, id_t64 id, struct err *e);

/* An expression tried on stored records of kind, over [from, to] (DAY_NONE:
 * open): one readable person's (a name, an email or an id), or everyone's
 * for those who read the whole trail (admin, hr). */
struct indicator_try {
	const char *expr, *kind, *person;
	day_t from, to;
};
struct indicator_tried {
	double value;           /* NaN: no value */
	bool cumulative;
};
int app_indicator_try(struct app *a, const struct indicator_try *in,
		      struct indicator_tried *out, struct err *e);

#endif

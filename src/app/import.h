/* Importing activity records from a file (CSV in its English and French
 * dialects, or JSON lines) through a column mapping: the CLI's `cible import`
 * and the API's POST /api/import share it. The file is read in chunks
 * (memory stays bounded whatever its size), in one transaction: a file with
 * errors stores nothing unless keep_good; every record carries its source id,
 * so importing a file twice counts nothing twice; indicator states are
 * updated in the same transaction. */
#ifndef CIBLE_APP_IMPORT_H
#define CIBLE_APP_IMPORT_H
#include <stdio.h>
#include "core/csvread.h"
#include "app/usecase.h"
#include "store/store.h"

#define IMPORT_MAX_FIELDS 32
#define IMPORT_MAX_REPORTED 20

/* F_TIME: hh:mm:ss as seconds; F_DURATION: mm:ss, h:mm:ss or a number of
 * seconds, or of minutes when the column's header says so ("durée (min)");
 * F_MINUTES: a number of minutes (decimal: 3,77), or mm:ss, h:mm:ss. All
 * three are stored in seconds. */
enum import_ftype { F_TEXT, F_NUMBER, F_BOOL, F_TIME, F_DATE, F_DURATION, F_MINUTES,
		    F__COUNT };

struct import_field {
	char *name, *column;   /* the record's field, the file's column (a name or #N) */
	enum import_ftype type;
	int col;
	bool minutes;          /* a plain number counts minutes (set from type and header) */
};

struct import_spec {
	char *kind, *person, *date, *time, *id;  /* columns; time and id may be NULL */
	struct import_field fields[IMPORT_MAX_FIELDS];
	int nfields;
	bool keep_good, extra_ok, jsonl;
	const char *save_as;   /* save the mapping under this name when stored */
	/* Whose records the importer may bring in (NULL: anyone's); set by
	 * app_import for managers. */
	bool (*allow)(void *ctx, id_t64 person);
	void *allow_ctx;
};

struct import_reject {
	long line;
	char column[64];
	char why[96];     /* in English, as the API reports it */
	char why_fr[128]; /* the same in French */
};
/* The reasons a cell or a row is rejected, keyed by their English text. */
extern const struct msg import_reasons[];

struct import_report {
	long read, stored, duplicates, rejected;
	struct import_reject first[IMPORT_MAX_REPORTED];
	int nfirst;
	struct csv_dialect d;
	bool kept;  /* the transaction was committed */
};

typedef void (*import_progress_fn)(void *ctx, long rows, long long bytes);

/* The one entry of an import, for POST /api/import, the import page and
 * `cible import`: admins and managers import (a manager only the records
 * of the people they may record activity for; a row for someone else is
 * rejected). The mapping is completed from a saved one (in->mapping), then
 * checked: kind, person and date columns given (422 missing_field), kind
 * 1 to 32 of a-z, 0-9, _ (422 invalid_value), format csv or jsonl. Then the
 * file is read and stored in one transaction with its audit entry ("activity
 * import", after: kind and counts) and the saved mapping (spec->save_as).
 * 0 with *rep filled (rep->kept says whether anything was stored: false
 * when rows were rejected without keep_good), or -1 with *e: 403, a check
 * above, a column of the mapping not in the header (unknown_column), an
 * unreadable file (csv_malformed), a database error. */
struct import_input {
	struct import_spec *spec;   /* the mapping; completed and checked here */
	const char *mapping;        /* NULL, or the name of a saved mapping */
	const char *format;         /* "csv", "jsonl", or NULL: spec->jsonl as it is */
	FILE *data;                 /* NULL (or empty): 422 missing_field "data" */
	import_progress_fn progress;
	void *progress_ctx;
};
int app_import(struct app *a, const struct import_input *in, struct import_report *rep,
	       struct err *e);
/* 403 forbidden unless a->me may import (admins and managers). */
int app_import_check(struct app *a, struct err *e);

/* The mapping's own checks, before any file or store (app_import runs
 * them): kind, person and date given (422 missing_field), kind 1 to 32 of
 * a-z, 0-9, _ (422 invalid_value), every column, field name and the name
 * it is saved under in UTF-8 (422 invalid_value: they go into the records'
 * JSON and the saved mapping). */
int import_spec_check(const struct import_spec *spec, struct err *e);
/* "NAME=COLUMN[:TYPE]": 0, or -1 when malformed. */
int import_field_parse(const char *arg, struct import_field *f);
const char *import_ftype_name(enum import_ftype t);
int import_ftype_parse(const char *s);
/* The mapping as JSON text (malloc'd) and back (fills what spec lacks). */
char *import_spec_json(const struct import_spec *spec);
int import_spec_load(struct import_spec *spec, const char *json);
void import_spec_free(struct import_spec *spec);

#endif

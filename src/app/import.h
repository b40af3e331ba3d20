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
#include "store/store.h"

#define IMPORT_MAX_FIELDS 32
#define IMPORT_MAX_REPORTED 20

enum import_ftype { F_TEXT, F_NUMBER, F_BOOL, F_TIME, F_DATE };

struct import_field {
	char *name, *column;   /* the record's field, the file's column (a name or #N) */
	enum import_ftype type;
	int col;
};

struct import_spec {
	char *kind, *person, *date, *time, *id;  /* columns; time and id may be NULL */
	struct import_field fields[IMPORT_MAX_FIELDS];
	int nfields;
	bool keep_good, extra_ok, jsonl;
	const char *save_as;   /* save the mapping under this name when stored */
	/* Whose records the importer may bring in (NULL: anyone's, the CLI's
	 * case); a row for someone else is rejected. */
	bool (*allow)(void *ctx, id_t64 person);
	void *allow_ctx;
};

struct import_reject {
	long line;
	char column[64];
	char why[96];
};

struct import_report {
	long read, stored, duplicates, rejected;
	struct import_reject first[IMPORT_MAX_REPORTED];
	int nfirst;
	struct csv_dialect d;
	bool kept;  /* the transaction was committed */
};

typedef void (*import_progress_fn)(void *ctx, long rows, long long bytes);

/* Runs the import of f for org. 0 with *rep filled (rep->kept says whether
 * anything was stored: false when rows were rejected without keep_good), or
 * -1 with *e: a column of the mapping not in the header (unknown_column), an
 * unreadable file (csv_malformed), a database error. */
int import_run(struct store *s, id_t64 org, id_t64 actor, const struct import_spec *spec,
	       FILE *f, import_progress_fn progress, void *ctx, struct import_report *rep,
	       struct err *e);

/* "NAME=COLUMN[:TYPE]": 0, or -1 when malformed. */
int import_field_parse(const char *arg, struct import_field *f);
const char *import_ftype_name(enum import_ftype t);
int import_ftype_parse(const char *s);
/* The mapping as JSON text (malloc'd) and back (fills what spec lacks). */
char *import_spec_json(const struct import_spec *spec);
int import_spec_load(struct import_spec *spec, const char *json);
void import_spec_free(struct import_spec *spec);

#endif

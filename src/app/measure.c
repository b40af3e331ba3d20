/* Measurement (see measure.h). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app/measure.h"

int measure_indicators(struct store *s, id_t64 org, struct arena *a, struct mind **out,
		       size_t *n, struct err *e)
{
	struct indicator_row *rows;
	size_t nrows;
	if (store_indicator_list(s, org, a, &rows, &nrows, e))
		return -1;
	struct mind *v = arena_alloc(a, (nrows ? nrows : 1) * sizeof(*v));
	for (size_t i = 0; i < nrows; i++) {
		struct err pe;
		v[i].row = rows[i];
		v[i].ok = !indicator_parse(rows[i].expr, &v[i].prog, &pe);
	}
	*out = v;
	*n = nrows;
	return 0;
}

const struct mind *measure_find(const struct mind *v, size_t n, const char *key)
{
	for (size_t i = 0; key && i < n; i++)
		if (!strcmp(v[i].row.key, key))
			return &v[i];
	return NULL;
}

int bucket_parse(const char *s)
{
	if (!s || !strcmp(s, "day"))
		return B_DAY;
	if (!strcmp(s, "week"))
		return B_WEEK;
	if (!strcmp(s, "month"))
		return B_MONTH;
	return -1;
}

/* --- batches ------------------------------------------------------------ */

#define MONTH_ROWS 2048  /* month rows a store call writes at most */
#define MONTH_POOL (512u << 10)  /* and the doubles of their days (4 MiB) */
#define BATCH_FLUSH 262144  /* states held before they are written (~30 MB) */

struct slot_entry {
	id_t64 person;  /* 0: empty */
	day_t day;
	int ind;
	size_t off;     /* into states */
};

/* A unit's month of one indicator, gathered from its people's in a flush. */
struct uacc {
	int ind;
	id_t64 unit;
	day_t month;
	double *v;
};

/* Whom a person's states also count for: their unit and every unit above. */
struct chain_entry {
	id_t64 person;  /* 0: empty */
	size_t off, n;  /* into chains */
};

struct measure_batch {
	struct store *s;
	id_t64 org;
	const struct mind *inds;
	size_t ninds;
	struct chain_entry *ctab;
	size_t ccap, cused;
	id_t64 *chains;
	size_t nchains, capchains;
	struct uacc *uv;
	size_t nu, capu, *uslot, nuslot;
	size_t ubytes;  /* held in uv's months */
	/* the current kind's indicators and their field bindings */
	int active[64];
	int nactive;
	int map[64][IND_MAX_FIELDS];
	/* open-addressing table of (indicator, person, day) -> state */
	struct slot_entry *tab;
	size_t cap, used;
	double *states;
	size_t nstates, capstates;
	/* the last binding (names pointers that stay valid: import, demo) */
	char *last_kind;
	const char *const *last_names;
	size_t last_n;
	bool stable_names;
	/* the people whose states moved (open addressing; 0: empty) */
	id_t64 *ptab;
	size_t pcap, pused;
};

static void person_touched(struct measure_batch *b, id_t64 person)
{
	if (person <= 0)
		return;
	if (2 * (b->pused + 1) > b->pcap) {
		size_t cap = b->pcap ? 2 * b->pcap : 256;
		id_t64 *t = calloc(cap, sizeof(*t));
		if (!t)
			abort();
		for (size_t i = 0; i < b->pcap; i++)
			if (b->ptab[i])
				for (size_t h = (size_t)b->ptab[i] * 2654435761u % cap;; h = (h + 1) % cap)
					if (!t[h]) {
						t[h] = b->ptab[i];
						break;
					}
		free(b->ptab);
		b->ptab = t;
		b->pcap = cap;
	}
	for (size_t h = (size_t)person * 2654435761u % b->pcap;; h = (h + 1) % b->pcap) {
		if (b->ptab[h] == person)
			return;
		if (!b->ptab[h]) {
			b->ptab[h] = person;
			b->pused++;
			return;
		}
	}
}

static int cmp_person(const void *x, const void *y)
{
	id_t64 a = *(const id_t64 *)x, c = *(const id_t64 *)y;
	return a < c ? -1 : a > c;
}

void measure_batch_people(const struct measure_batch *b, struct arena *a, struct ids *out)
{
	out->v = arena_alloc(a, (b->pused + 1) * sizeof(id_t64));
	out->n = 0;
	for (size_t i = 0; i < b->pcap; i++)
		if (b->ptab[i])
			out->v[out->n++] = b->ptab[i];
	qsort(out->v, out->n, sizeof(id_t64), cmp_person);
}

struct measure_batch *measure_batch_new(struct store *s, id_t64 org, const struct mind *inds,
				       size_t n)
{
	struct measure_batch *b = calloc(1, sizeof(*b));
	if (!b)
		abort();
	b->s = s;
	b->org = org;
	b->inds = inds;
	b->ninds = n;
	b->cap = 1 << 12;
	b->stable_names = true;
	b->tab = calloc(b->cap, sizeof(*b->tab));
	if (!b->tab)
		abort();
	return b;
}

void measure_batch_free(struct measure_batch *b)
{
	if (!b)
		return;
	free(b->tab);
	free(b->states);
	free(b->last_kind);
	free(b->ctab);
	free(b->chains);
	for (size_t i = 0; i < b->nu; i++)
		free(b->uv[i].v);
	free(b->uv);
	free(b->uslot);
	free(b->ptab);
	free(b);
}

void measure_batch_fields(struct measure_batch *b, const char *kind, const char *const *names,
			  size_t n)
{
	/* the same kind and names as the last record: the bindings stand */
	if (b->last_names == names && b->last_n == n && b->last_kind && !strcmp(b->last_kind, kind) &&
	    names)
		return;
	free(b->last_kind);
	b->last_kind = strdup(kind);
	b->last_names = b->stable_names ? names : NULL;
	b->last_n = n;
	b->nactive = 0;
	for (size_t i = 0; i < b->ninds && b->nactive < 64; i++) {
		const struct mind *m = &b->inds[i];
		if (!m->ok || !m->prog.mergeable || strcmp(m->row.kind, kind))
			continue;
		indicator_bind(&m->prog, names, n, b->map[b->nactive]);
		b->active[b->nactive++] = (int)i;
	}
}

static uint64_t slot_hash(int ind, id_t64 person, day_t day)
{
	uint64_t h = (uint64_t)person * 0x9E3779B97F4A7C15ull;
	h ^= (uint64_t)(uint32_t)day * 0xC2B2AE3D27D4EB4Full;
	h ^= (uint64_t)ind * 0x165667B19E3779F9ull;
	return h ^ (h >> 29);
}

static void grow(struct measure_batch *b)
{
	size_t ncap = b->cap * 2;
	struct slot_entry *nt = calloc(ncap, sizeof(*nt));
	if (!nt)
		abort();
	for (size_t i = 0; i < b->cap; i++) {
		if (!b->tab[i].person)
			continue;
		size_t j = slot_hash(b->tab[i].ind, b->tab[i].person, b->tab[i].day) & (ncap - 1);
		while (nt[j].person)
			j = (j + 1) & (ncap - 1);
		nt[j] = b->tab[i];
	}
	free(b->tab);
	b->tab = nt;
	b->cap = ncap;
}

static double *state_for(struct measure_batch *b, int ind, id_t64 person, day_t day)
{
	size_t j = slot_hash(ind, person, day) & (b->cap - 1);
	while (b->tab[j].person) {
		struct slot_entry *x = &b->tab[j];
		if (x->person == person && x->day == day && x->ind == ind)
			return b->states + x->off;
		j = (j + 1) & (b->cap - 1);
	}
	const struct indicator *p = &b->inds[ind].prog;
	size_t len = indicator_state_len(p);
	if (b->nstates + len > b->capstates) {
		b->capstates = b->capstates ? 2 * b->capstates : 4096;
		while (b->capstates < b->nstates + len)
			b->capstates *= 2;
		b->states = realloc(b->states, b->capstates * sizeof(double));
		if (!b->states)
			abort();
	}
	struct slot_entry *x = &b->tab[j];
	x->person = person;
	x->day = day;
	x->ind = ind;
	x->off = b->nstates;
	b->nstates += len;
	size_t off = x->off;
	indicator_state_init(p, b->states + off);
	if (++b->used * 2 > b->cap)
		grow(b);  /* x moves; off does not */
	return b->states + off;
}

int measure_batch_add(struct measure_batch *b, id_t64 person, day_t day,
		      const struct ival *vals, struct err *e)
{
	for (int k = 0; k < b->nactive; k++) {
		const struct mind *m = &b->inds[b->active[k]];
		struct ival rec[IND_MAX_FIELDS];
		for (int f = 0; f < m->prog.nfields; f++) {
			int at = b->map[k][f];
			if (at >= 0)
				rec[f] = vals[at];
			else
				rec[f] = (struct ival){ IV_NULL, 0, NULL };
		}
		indicator_state_add(&m->prog, state_for(b, b->active[k], person, day), rec);
	}
	if (b->nactive)
		person_touched(b, person);
	if (b->used >= BATCH_FLUSH)
		return measure_batch_flush(b, e);
	return 0;
}

static struct ival ival_of(json_t *v)
{
	struct ival x = { IV_NULL, 0, NULL };
	if (json_is_string(v)) {
		x.type = IV_STR;
		x.str = json_string_value(v);
	} else if (json_is_number(v)) {
		x.type = IV_NUM;
		x.num = json_number_value(v);
	} else if (json_is_boolean(v)) {
		x.type = IV_BOOL;
		x.num = json_is_true(v);
	}
	return x;
}

int measure_batch_add_json(struct measure_batch *b, const char *kind, id_t64 person, day_t day,
			   json_t *fields, struct err *e)
{
	const char *names[64];
	struct ival vals[64];
	size_t n = 0;
	const char *key;
	json_t *v;
	json_object_foreach(fields, key, v) {
		if (n == 64)
			break;
		names[n] = key;
		vals[n++] = ival_of(v);
	}
	bool stable = b->stable_names;
	b->stable_names = false;  /* names on the stack: never cached */
	measure_batch_fields(b, kind, names, n);
	b->stable_names = stable;
	return measure_batch_add(b, person, day, vals, e);
}

static int cmp_entry(const void *a, const void *b)
{
	const struct slot_entry *x = a, *y = b;
	if (x->ind != y->ind)
		return x->ind < y->ind ? -1 : 1;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->day < y->day ? -1 : x->day > y->day;
}

/* The units above person (their unit first), looked up once a batch. */
static int chain_of(struct measure_batch *b, id_t64 person, const id_t64 **out, size_t *n,
		    struct err *e)
{
	if (b->cused * 2 >= b->ccap) {
		size_t ncap = b->ccap ? 2 * b->ccap : 256;
		struct chain_entry *nt = calloc(ncap, sizeof(*nt));
		if (!nt)
			abort();
		for (size_t i = 0; i < b->ccap; i++)
			if (b->ctab[i].person) {
				size_t j = slot_hash(0, b->ctab[i].person, 0) & (ncap - 1);
				while (nt[j].person)
					j = (j + 1) & (ncap - 1);
				nt[j] = b->ctab[i];
			}
		free(b->ctab);
		b->ctab = nt;
		b->ccap = ncap;
	}
	size_t j = slot_hash(0, person, 0) & (b->ccap - 1);
	while (b->ctab[j].person && b->ctab[j].person != person)
		j = (j + 1) & (b->ccap - 1);
	struct chain_entry *x = &b->ctab[j];
	if (!x->person) {
		struct arena a;
		arena_init(&a);
		struct person p;
		struct ids units = { NULL, 0 };
		if (store_person_get(b->s, b->org, person, &a, &p, e) ||
		    (p.unit_id && store_unit_chain(b->s, b->org, p.unit_id, &a, &units, e))) {
			arena_free(&a);
			return -1;
		}
		if (b->nchains + units.n > b->capchains) {
			b->capchains = 2 * (b->nchains + units.n) + 64;
			b->chains = realloc(b->chains, b->capchains * sizeof(id_t64));
			if (!b->chains)
				abort();
		}
		x->person = person;
		x->off = b->nchains;
		x->n = units.n;
		if (units.n)
			memcpy(b->chains + b->nchains, units.v, units.n * sizeof(id_t64));
		b->nchains += units.n;
		b->cused++;
		arena_free(&a);
	}
	*out = x->n ? b->chains + x->off : NULL;
	*n = x->n;
	return 0;
}

static size_t uacc_hash(int ind, id_t64 unit, day_t month)
{
	return (size_t)slot_hash(ind, unit, month);
}

/* The unit's month of indicator ind, created empty. */
static double *unit_month(struct measure_batch *b, int ind, id_t64 unit, day_t month)
{
	if ((b->nu + 1) * 2 > b->nuslot) {
		size_t ns = b->nuslot ? 2 * b->nuslot : 1024;
		size_t *nt = malloc(ns * sizeof(size_t));
		if (!nt)
			abort();
		for (size_t i = 0; i < ns; i++)
			nt[i] = SIZE_MAX;
		for (size_t k = 0; k < b->nu; k++) {
			size_t j = uacc_hash(b->uv[k].ind, b->uv[k].unit, b->uv[k].month) & (ns - 1);
			while (nt[j] != SIZE_MAX)
				j = (j + 1) & (ns - 1);
			nt[j] = k;
		}
		free(b->uslot);
		b->uslot = nt;
		b->nuslot = ns;
	}
	size_t j = uacc_hash(ind, unit, month) & (b->nuslot - 1);
	while (b->uslot[j] != SIZE_MAX) {
		struct uacc *x = &b->uv[b->uslot[j]];
		if (x->ind == ind && x->unit == unit && x->month == month)
			return x->v;
		j = (j + 1) & (b->nuslot - 1);
	}
	if (b->nu == b->capu) {
		b->capu = b->capu ? 2 * b->capu : 256;
		b->uv = realloc(b->uv, b->capu * sizeof(*b->uv));
		if (!b->uv)
			abort();
	}
	const struct indicator *p = &b->inds[ind].prog;
	size_t len = indicator_state_len(p);
	struct uacc *x = &b->uv[b->nu];
	x->ind = ind;
	x->unit = unit;
	x->month = month;
	x->v = malloc(31 * len * sizeof(double));
	if (!x->v)
		abort();
	b->ubytes += 31 * len * sizeof(double);
	for (size_t d = 0; d < 31; d++)
		indicator_state_init(p, x->v + d * len);
	b->uslot[j] = b->nu++;
	return x->v;
}

static int cmp_uacc(const void *a, const void *b)
{
	const struct uacc *x = a, *y = b;
	if (x->ind != y->ind)
		return x->ind < y->ind ? -1 : 1;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return x->month < y->month ? -1 : x->month > y->month;
}

/* The units' months gathered so far, merged into the store in key order,
 * a few thousand rows a call. */
static int flush_units(struct measure_batch *b, struct err *e)
{
	if (b->nu)
		qsort(b->uv, b->nu, sizeof(*b->uv), cmp_uacc);
	int rc = 0;
	struct measure_month_row *rows = malloc(MONTH_ROWS * sizeof(*rows));
	size_t nrows = 0;
	if (!rows)
		abort();
	for (size_t k = 0; k < b->nu; k++) {
		const struct uacc *x = &b->uv[k];
		rows[nrows++] = (struct measure_month_row){ b->inds[x->ind].row.id, x->unit, 1,
			x->month, x->v, indicator_state_len(&b->inds[x->ind].prog) };
		if (nrows == MONTH_ROWS || k + 1 == b->nu) {
			if (!rc)
				rc = store_measure_merge_months(b->s, rows, nrows, e);
			nrows = 0;
		}
	}
	free(rows);
	for (size_t k = 0; k < b->nu; k++)
		free(b->uv[k].v);
	b->nu = 0;
	b->ubytes = 0;
	for (size_t i = 0; i < b->nuslot; i++)
		b->uslot[i] = SIZE_MAX;
	return rc;
}

#define UNIT_BYTES_HELD (16u << 20)  /* units' months held before they are written */

/* The entries in cmp_entry's order, by an LSD radix sort of one 64-bit key
 * each (indicator, person, day): the same order as qsort's, keys being
 * distinct, in a few passes rather than n log n calls. Entries whose fields
 * do not fit the key go to qsort. */
static void sort_entries(struct slot_entry *v, size_t n)
{
	bool fits = true;
	for (size_t i = 0; i < n && fits; i++)
		fits = v[i].ind >= 0 && v[i].ind < 256 && v[i].person > 0 &&
		       v[i].person < ((id_t64)1 << 36) && v[i].day > -(1 << 19) && v[i].day < (1 << 19);
	uint64_t *key = fits && n > 64 ? malloc(2 * n * sizeof(uint64_t)) : NULL;
	struct slot_entry *tmp = key ? malloc(n * sizeof(*tmp)) : NULL;
	if (!tmp) {
		free(key);
		qsort(v, n, sizeof(*v), cmp_entry);
		return;
	}
	uint64_t *ktmp = key + n;
	for (size_t i = 0; i < n; i++)
		key[i] = (uint64_t)v[i].ind << 56 | (uint64_t)v[i].person << 20 |
			 (uint64_t)(v[i].day + (1 << 19));
	for (int shift = 0; shift < 64; shift += 8) {
		size_t count[257] = { 0 };
		for (size_t i = 0; i < n; i++)
			count[((key[i] >> shift) & 0xff) + 1]++;
		if (count[((key[0] >> shift) & 0xff) + 1] == n)
			continue;  /* every key has this byte: the pass would move nothing */
		for (int b = 0; b < 256; b++)
			count[b + 1] += count[b];
		for (size_t i = 0; i < n; i++) {
			size_t to = count[(key[i] >> shift) & 0xff]++;
			ktmp[to] = key[i];
			tmp[to] = v[i];
		}
		memcpy(key, ktmp, n * sizeof(*key));
		memcpy(v, tmp, n * sizeof(*v));
	}
	free(tmp);
	free(key);
}

/* The people's month rows made so far, merged into the store. */
static int flush_months(struct measure_batch *b, struct measure_month_row *rows, size_t *nrows,
			struct err *e)
{
	int rc = store_measure_merge_months(b->s, rows, *nrows, e);
	*nrows = 0;
	return rc;
}

int measure_batch_flush(struct measure_batch *b, struct err *e)
{
	/* in key order: the month rows are written once each, walking the
	 * table's B-tree forward, a few thousand a store call */
	size_t n = 0;
	for (size_t i = 0; i < b->cap; i++)
		if (b->tab[i].person)
			b->tab[n++] = b->tab[i];
	sort_entries(b->tab, n);
	double *pool = malloc(MONTH_POOL * sizeof(double));
	struct measure_month_row *rows = malloc(MONTH_ROWS * sizeof(*rows));
	size_t nrows = 0, used = 0;
	if (!pool || !rows)
		abort();
	int rc = 0;
	for (size_t i = 0; i < n && !rc;) {
		const struct slot_entry *x = &b->tab[i];
		const struct indicator *p = &b->inds[x->ind].prog;
		size_t len = indicator_state_len(p);
		day_t ms = date_month_start(x->day), me = date_month_end(x->day);
		if (used + 31 * len > MONTH_POOL)
			rc = flush_months(b, rows, &nrows, e);
		if (rc)
			break;
		if (!nrows)
			used = 0;
		double *month = pool + used;
		used += 31 * len;
		for (day_t d = ms; d <= me; d++)
			indicator_state_init(p, month + (size_t)(d - ms) * len);
		size_t j = i;
		for (; j < n && b->tab[j].ind == x->ind && b->tab[j].person == x->person &&
		       b->tab[j].day <= me; j++)
			memcpy(month + (size_t)(b->tab[j].day - ms) * len, b->states + b->tab[j].off,
			       len * sizeof(double));
		rows[nrows++] = (struct measure_month_row){ b->inds[x->ind].row.id, x->person, 0, ms,
							    month, len };
		/* the same days count for their unit and every unit above */
		const id_t64 *units;
		size_t nunits;
		if (chain_of(b, x->person, &units, &nunits, e)) {
			rc = -1;
			break;
		}
		for (size_t u = 0; u < nunits; u++) {
			double *um = unit_month(b, x->ind, units[u], ms);
			for (day_t d = ms; d <= me; d++)
				indicator_state_merge(p, um + (size_t)(d - ms) * len,
						      month + (size_t)(d - ms) * len);
		}
		if (nrows == MONTH_ROWS)
			rc = flush_months(b, rows, &nrows, e);
		if (!rc && b->ubytes >= UNIT_BYTES_HELD)
			rc = flush_months(b, rows, &nrows, e) || flush_units(b, e);
		i = j;
	}
	if (!rc)
		rc = flush_months(b, rows, &nrows, e) || flush_units(b, e);
	free(pool);
	free(rows);
	if (rc)
		return -1;
	memset(b->tab, 0, b->cap * sizeof(*b->tab));
	b->used = 0;
	b->nstates = 0;
	return 0;
}

/* --- backfill and raw scans --------------------------------------------- */

struct scan {
	const struct mind *m;
	struct measure_batch *b;  /* backfill */
	struct ind_raw *raw;      /* raw value over everything */
	struct ind_raw *days;     /* raw per bucket (series), or NULL */
	day_t from;
	const enum bucket *bk;
	size_t nb;
	day_t *bstart;
	struct err *e;
	int failed;
};

static int raw_record(const struct mind *m, const struct activity *x, struct ind_raw *r1,
		      struct ind_raw *r2)
{
	json_error_t je;
	json_t *f = json_loads(x->fields, 0, &je);
	if (!json_is_object(f)) {
		json_decref(f);
		return 0;  /* a record without readable fields counts as all-missing */
	}
	struct ival rec[IND_MAX_FIELDS];
	for (int i = 0; i < m->prog.nfields; i++)
		rec[i] = ival_of(json_object_get(f, indicator_field(&m->prog, i)));
	indicator_raw_add(&m->prog, r1, rec);
	if (r2)
		indicator_raw_add(&m->prog, r2, rec);
	json_decref(f);
	return 0;
}

static day_t day_of(int64_t at)
{
	return (day_t)(at >= 0 ? at / 86400 : -((-at + 86399) / 86400));
}

static int on_backfill(void *ctx, const struct activity *x)
{
	struct scan *sc = ctx;
	json_error_t je;
	json_t *f = json_loads(x->fields, 0, &je);
	if (!json_is_object(f)) {
		json_decref(f);
		return 0;
	}
	int rc = measure_batch_add_json(sc->b, x->kind, x->person_id, day_of(x->at), f, sc->e);
	json_decref(f);
	if (rc)
		sc->failed = 1;
	return rc;
}

int measure_backfill(struct store *s, id_t64 org, const struct mind *m, struct err *e)
{
	if (store_measure_clear(s, m->row.id, e))
		return -1;
	if (!m->ok || !m->prog.mergeable)
		return 0;
	struct measure_batch *b = measure_batch_new(s, org, m, 1);
	struct scan sc = { .m = m, .b = b, .e = e };
	int rc = store_activity_scan(s, org, m->row.kind, NULL, 0, 0, on_backfill, &sc, e);
	if (!rc && sc.failed)
		rc = -1;
	if (!rc)
		rc = measure_batch_flush(b, e);
	measure_batch_free(b);
	return rc;
}

/* --- values over a period ------------------------------------------------ */

static day_t bucket_start(enum bucket bk, day_t d)
{
	return bk == B_MONTH ? date_month_start(d) : bk == B_WEEK ? date_week_start(d) : d;
}

struct acc {
	const struct indicator *p;
	double *total;
	double *bucket;   /* one state per bucket */
	size_t nb;
	day_t from;
	enum bucket bk;
	const day_t *bstart;
	size_t len;
};

static size_t bucket_index(const struct acc *c, day_t day)
{
	if (c->bk == B_DAY && c->bstart[0] == c->from) {
		/* days in a row: the index is the distance */
		long k = (long)day - (long)c->from;
		return k < 0 ? 0 : (size_t)k < c->nb ? (size_t)k : c->nb - 1;
	}
	/* buckets are sorted: binary search their starts */
	day_t s = bucket_start(c->bk, day);
	size_t lo = 0, hi = c->nb;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->bstart[mid] < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->nb ? lo : c->nb - 1;
}

static int on_state(void *ctx, id_t64 person, day_t day, const double *st, size_t n)
{
	struct acc *c = ctx;
	(void)person;
	if (n != c->len)
		return 0;  /* a state of an older shape: skipped until backfilled */
	if (c->total)
		indicator_state_merge(c->p, c->total, st);
	if (c->bucket)
		indicator_state_merge(c->p, c->bucket + c->len * bucket_index(c, day), st);
	return 0;
}

struct rawacc {
	const struct mind *m;
	struct ind_raw *total, *buckets;
	struct acc *c;
};

static int on_raw(void *ctx, const struct activity *x)
{
	struct rawacc *r = ctx;
	struct ind_raw *b = r->buckets ? &r->buckets[bucket_index(r->c, day_of(x->at))] : NULL;
	return raw_record(r->m, x, r->total, b);
}

int measure_value(struct store *s, id_t64 org, const struct mind *m, const struct ids *people,
		  day_t from, day_t to, double *value, struct err *e)
{
	*value = NAN;
	if (!m->ok)
		return err_set(e, 422, "invalid_value", "indicator", m->row.key,
			       "its expression does not compile");
	if (m->prog.mergeable) {
		double total[4 * IND_MAX_SLOTS];
		indicator_state_init(&m->prog, total);
		struct acc c = { &m->prog, total, NULL, 0, from, B_DAY, NULL,
				 indicator_state_len(&m->prog) };
		if (store_measure_scan(s, m->row.id, people, from, to, on_state, &c, e))
			return -1;
		*value = indicator_value(&m->prog, total);
		return 0;
	}
	struct ind_raw raw;
	indicator_raw_init(&m->prog, &raw);
	struct rawacc r = { m, &raw, NULL, NULL };
	int rc = store_activity_scan(s, org, m->row.kind, people, (int64_t)from * 86400,
				     ((int64_t)to + 1) * 86400, on_raw, &r, e);
	if (!rc)
		*value = indicator_raw_value(&m->prog, &raw);
	indicator_raw_free(&raw);
	return rc;
}

int measure_owner_value(struct store *s, const struct objective *o, const struct mind *m,
			day_t from, day_t to, struct arena *a, double *value, struct err *e)
{
	*value = NAN;
	if (m->ok && m->prog.mergeable && !o->owner_person_id && o->owner_unit_id) {
		/* a unit's own states: everyone under it, in as many rows as days */
		double total[4 * IND_MAX_SLOTS];
		indicator_state_init(&m->prog, total);
		struct acc c = { &m->prog, total, NULL, 0, from, B_DAY, NULL,
				 indicator_state_len(&m->prog) };
		id_t64 unit = o->owner_unit_id;
		struct ids one = { &unit, 1 };
		if (store_measure_scan_units(s, m->row.id, &one, from, to, on_state, &c, e))
			return -1;
		*value = indicator_value(&m->prog, total);
		return 0;
	}
	struct ids people;
	if (measure_people(s, o, a, &people, e))
		return -1;
	return measure_value(s, o->org_id, m, &people, from, to, value, e);
}

int measure_people(struct store *s, const struct objective *o, struct arena *a,
		   struct ids *out, struct err *e)
{
	if (o->owner_person_id) {
		out->v = arena_alloc(a, sizeof(id_t64));
		out->v[0] = o->owner_person_id;
		out->n = 1;
		return 0;
	}
	struct ids units;
	if (store_unit_subtree(s, o->org_id, o->owner_unit_id, a, &units, e))
		return -1;
	return store_people_of_units(s, o->org_id, &units, a, out, e);
}

static int measure_one(struct store *s, const struct org *org, const struct objective *o,
		       day_t today, enum bucket bk, const struct mind *inds, size_t ninds,
		       struct arena *a, struct measured *out, int depth, struct err *e);

/* Children's attainment, weighted: the second way a collective objective
 * rolls up. */
static int rollup(struct store *s, const struct org *org, const struct objective *o,
		  day_t today, const struct mind *inds, size_t ninds, struct arena *a,
		  struct measured *out, int depth, struct err *e)
{
	out->rollup = -1;
	if (depth > 2 || !o->id)
		return 0;
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = f.to = DAY_NONE;
	f.parent = o->id;
	struct objective *kids;
	size_t n;
	if (store_objective_list(s, o->org_id, &f, a, &kids, &n, NULL, e))
		return -1;
	double *att = arena_alloc(a, (n ? n : 1) * sizeof(double));
	double *w = arena_alloc(a, (n ? n : 1) * sizeof(double));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (kids[i].status == ST_CANCELLED)
			continue;
		struct measured m;
		if (measure_one(s, org, &kids[i], today, B_MONTH, inds, ninds, a, &m, depth + 1, e))
			return -1;
		double v = m.has_progress ? m.p.attainment : m.rollup >= 0 ? m.rollup : NAN;
		if (isnan(v))
			continue;
		att[k] = v;
		w[k++] = kids[i].weight;
	}
	out->nchildren = (int)k;
	out->rollup = progress_rollup(att, w, k);
	return 0;
}

/* An objective's period cut into the buckets asked for, from the start to the
 * due date (future ones stay empty); the pace and the trend always read days. */
struct frame {
	day_t upto;      /* min(today, due) */
	size_t ndays;    /* days from the start to upto */
	day_t *bstart;   /* first day of each bucket */
	size_t nb;
};

static void frame_of(const struct objective *o, day_t today, enum bucket bk, struct arena *a,
		     struct frame *f)
{
	f->upto = today < o->due ? today : o->due;
	f->ndays = f->upto >= o->start ? (size_t)(f->upto - o->start + 1) : 0;
	f->bstart = NULL;
	f->nb = 0;
	size_t capb = 0;
	for (day_t d = bucket_start(bk, o->start); d <= o->due && f->nb < 5000;) {
		*(day_t *)arena_push(a, &f->bstart, &f->nb, &capb, sizeof(day_t)) = d;
		d = bk == B_MONTH ? date_add_months(d, 1) : bk == B_WEEK ? d + 7 : d + 1;
	}
}

/* The series, the value and the progress, once the values are known. */
static void finish(const struct org *org, const struct objective *o, const struct mind *m,
		   day_t today, const struct frame *f, const double *vals, const double *cum,
		   const struct point *pts, size_t npts, double value, double recent,
		   struct arena *a, struct measured *out)
{
	out->series = arena_alloc(a, f->nb * sizeof(*out->series) + 1);
	for (size_t i = 0; i < f->nb; i++) {
		out->series[i].start = f->bstart[i];
		out->series[i].value = vals[i];
		out->series[i].to_date = cum ? cum[i] : NAN;
	}
	out->nseries = f->nb;
	/* a cumulative indicator is worth 0 when nothing happened; a level is unknown */
	if (isnan(value) && m->prog.cumulative && f->upto >= o->start)
		value = 0;
	out->has_value = !isnan(value);
	out->value = value;
	if (!o->has_target)
		return;
	struct progress_input in = {
		o->direction, o->baseline, o->target, o->has_baseline, o->start, o->due, today,
		m->prog.cumulative, org->working_days, value, out->has_value,
		m->prog.cumulative ? NULL : pts, m->prog.cumulative ? 0 : npts, recent,
		!m->prog.cumulative && !isnan(recent) };
	out->has_progress = !progress_compute(&in, &out->p);
}

/* A mergeable indicator's objective from its days' states (f->ndays of
 * them, from the start). */
static void measured_from_days(const struct org *org, const struct objective *o,
			       const struct mind *m, day_t today, const struct frame *f,
			       const double *days, struct arena *a, struct measured *out)
{
	const struct indicator *p = &m->prog;
	size_t len = indicator_state_len(p), ndays = f->ndays, nb = f->nb;
	double *vals = arena_alloc(a, nb * sizeof(double) + 1);
	double *cum = arena_alloc(a, nb * sizeof(double) + 1);
	for (size_t i = 0; i < nb; i++)
		vals[i] = cum[i] = NAN;
	struct point *pts = malloc((ndays + 1) * sizeof(*pts));
	if (!pts)
		abort();
	size_t npts = 0;
	/* the last four weeks, for a level's forecast */
	double last[4 * IND_MAX_SLOTS], run[4 * IND_MAX_SLOTS], part[4 * IND_MAX_SLOTS];
	indicator_state_init(p, last);
	for (size_t d = ndays > 28 ? ndays - 28 : 0; d < ndays; d++)
		indicator_state_merge(p, last, days + d * len);
	double recent = indicator_value(p, last);
	indicator_state_init(p, run);
	size_t d = 0;
	for (size_t i = 0; i < nb; i++) {
		day_t end = i + 1 < nb ? f->bstart[i + 1] : o->due + 1;
		indicator_state_init(p, part);
		bool any = false;
		for (; d < ndays && o->start + (day_t)d < end; d++) {
			const double *ds = days + d * len;
			indicator_state_merge(p, part, ds);
			indicator_state_merge(p, run, ds);
			/* a level's trend is drawn through its value to date, day by
			 * day: one day's rate is too noisy to extrapolate */
			if (!p->cumulative && d >= ndays / 4) {
				double dv = indicator_value(p, run);
				if (!isnan(dv)) {
					pts[npts].day = o->start + (day_t)d;
					pts[npts++].value = dv;
				}
			}
			any = true;
		}
		if (any) {
			vals[i] = indicator_value(p, part);
			cum[i] = indicator_value(p, run);
		}
	}
	double value = ndays ? indicator_value(p, run) : NAN;
	finish(org, o, m, today, f, vals, cum, pts, npts, value, recent, a, out);
	free(pts);
}

static int measure_one(struct store *s, const struct org *org, const struct objective *o,
		       day_t today, enum bucket bk, const struct mind *inds, size_t ninds,
		       struct arena *a, struct measured *out, int depth, struct err *e)
{
	memset(out, 0, sizeof(*out));
	out->rollup = -1;
	out->ind = measure_find(inds, ninds, o->indicator);
	if (rollup(s, org, o, today, inds, ninds, a, out, depth, e))
		return -1;
	if (!out->ind || !out->ind->ok || o->start == DAY_NONE || o->due == DAY_NONE)
		return 0;
	const struct mind *m = out->ind;
	struct frame f;
	frame_of(o, today, bk, a, &f);
	size_t len = indicator_state_len(&m->prog), ndays = f.ndays, nb = f.nb;
	if (m->prog.mergeable) {
		/* a person's own states, or the unit's (everyone under it) */
		double *days = arena_alloc(a, ndays * len * sizeof(double) + 1);
		for (size_t i = 0; i < ndays; i++)
			indicator_state_init(&m->prog, days + i * len);
		struct acc c = { &m->prog, NULL, days, ndays, o->start, B_DAY, &o->start, len };
		id_t64 owner = o->owner_person_id ? o->owner_person_id : o->owner_unit_id;
		struct ids one = { &owner, 1 };
		if (ndays && owner &&
		    (o->owner_person_id
		     ? store_measure_scan(s, m->row.id, &one, o->start, f.upto, on_state, &c, e)
		     : store_measure_scan_units(s, m->row.id, &one, o->start, f.upto, on_state, &c, e)))
			return -1;
		measured_from_days(org, o, m, today, &f, days, a, out);
		return 0;
	}
	struct ids people;
	if (measure_people(s, o, a, &people, e))
		return -1;
	/* distinct() and percentile() read the records, by bucket */
	double *vals = arena_alloc(a, nb * sizeof(double) + 1);
	struct point *pts = arena_alloc(a, nb * sizeof(*pts) + 1);
	size_t npts = 0;
	double value = NAN;
	for (size_t i = 0; i < nb; i++)
		vals[i] = NAN;
	if (ndays) {
		struct acc c = { &m->prog, NULL, NULL, nb, o->start, bk, f.bstart, len };
		struct ind_raw total;
		struct ind_raw *bucket = calloc(nb ? nb : 1, sizeof(*bucket));
		if (!bucket)
			abort();
		indicator_raw_init(&m->prog, &total);
		for (size_t i = 0; i < nb; i++)
			indicator_raw_init(&m->prog, &bucket[i]);
		struct rawacc r = { m, &total, bucket, &c };
		int rc = store_activity_scan(s, o->org_id, m->row.kind, &people,
					     (int64_t)o->start * 86400, ((int64_t)f.upto + 1) * 86400,
					     on_raw, &r, e);
		if (!rc) {
			value = indicator_raw_value(&m->prog, &total);
			for (size_t i = 0; i < nb && f.bstart[i] <= f.upto; i++) {
				vals[i] = indicator_raw_value(&m->prog, &bucket[i]);
				if (!isnan(vals[i])) {
					pts[npts].day = f.bstart[i];
					pts[npts++].value = vals[i];
				}
			}
		}
		indicator_raw_free(&total);
		for (size_t i = 0; i < nb; i++)
			indicator_raw_free(&bucket[i]);
		free(bucket);
		if (rc)
			return -1;
	}
	finish(org, o, m, today, &f, vals, NULL, pts, npts, value, NAN, a, out);
	return 0;
}

int measure_objective(struct store *s, const struct org *org, const struct objective *o,
		      day_t today, enum bucket bk, const struct mind *inds, size_t ninds,
		      struct arena *a, struct measured *out, struct err *e)
{
	return measure_one(s, org, o, today, bk, inds, ninds, a, out, 0, e);
}

static json_t *num_or_null(double v)
{
	return isnan(v) || isinf(v) ? json_null() : json_real(v);
}

static json_t *day_json(day_t d)
{
	if (d == DAY_NONE)
		return json_null();
	char iso[11];
	date_format_iso(d, iso);
	return json_string(iso);
}

json_t *measured_json(const struct objective *o, const struct measured *m, enum lang lang)
{
	json_t *j = json_object();
	json_object_set_new(j, "objective_id", json_integer(o->id));
	if (m->ind) {
		json_object_set_new(j, "indicator", json_pack("{s:s, s:s, s:s, s:b, s:s}",
			"key", m->ind->row.key, "name", lang == LANG_EN ? m->ind->row.name_en
			: m->ind->row.name_fr, "unit", m->ind->row.unit, "cumulative",
			m->ind->prog.cumulative, "kind", m->ind->row.kind));
	} else {
		json_object_set_new(j, "indicator", json_null());
	}
	json_object_set_new(j, "measured", json_boolean(m->ind != NULL));
	json_object_set_new(j, "start", day_json(o->start));
	json_object_set_new(j, "due", day_json(o->due));
	json_object_set_new(j, "value", m->has_value ? num_or_null(m->value) : json_null());
	json_object_set_new(j, "target", o->has_target ? json_real(o->target) : json_null());
	json_object_set_new(j, "direction", json_string(direction_name(o->direction)));
	if (m->has_progress) {
		const struct progress *p = &m->p;
		json_object_set_new(j, "attainment", num_or_null(p->attainment));
		json_object_set_new(j, "expected", num_or_null(p->expected));
		json_object_set_new(j, "expected_working", num_or_null(p->expected_working));
		json_object_set_new(j, "status", json_string(pstatus_name(p->status)));
		json_object_set_new(j, "forecast", num_or_null(p->forecast));
		json_object_set_new(j, "forecast_attainment", num_or_null(p->forecast_attainment));
		json_object_set_new(j, "days_left", json_integer(p->days_left));
	} else {
		json_object_set_new(j, "status", json_string("unknown"));
	}
	json_t *series = json_array();
	for (size_t i = 0; i < m->nseries; i++)
		json_array_append_new(series, json_pack("{s:o, s:o, s:o}", "start",
			day_json(m->series[i].start), "value", num_or_null(m->series[i].value),
			"to_date", num_or_null(m->series[i].to_date)));
	json_object_set_new(j, "series", series);
	json_object_set_new(j, "rollup", m->rollup >= 0 ? json_pack("{s:f, s:i}", "attainment",
			    m->rollup, "children", m->nchildren) : json_null());
	return j;
}

static __thread const struct objective *cmp_objs;

static int cmp_parent(const void *a, const void *b)
{
	id_t64 x = cmp_objs[*(const size_t *)a].parent_id, y = cmp_objs[*(const size_t *)b].parent_id;
	return x < y ? -1 : x > y;
}

/* --- many objectives: one scan per indicator -------------------------------
 *
 * Objectives on the same mergeable indicator share one scan of its states:
 * the people's rows for the individual objectives, the units' rows (each the
 * merge of everyone under the unit) for the collective ones. The scan gives
 * each owner's days together, so an owner's objectives are finished as soon
 * as it moves on: only one owner's days are in memory at a time. */

struct owned {
	id_t64 owner;  /* a person, or a unit */
	size_t obj;
};

struct shared {
	const struct org *org;
	const struct objective *v;
	struct measured *out;
	const struct mind *m;
	size_t len;
	day_t today;
	enum bucket bk;
	struct arena *a;
	bool *done;
	struct owned *own;  /* by owner */
	size_t nown;
	/* the owner being read: their objectives [lo, hi) and their days */
	id_t64 cur;
	size_t lo, hi;
	double *scratch;
	size_t cap;
};

static int cmp_owned(const void *a, const void *b)
{
	const struct owned *x = a, *y = b;
	return x->owner < y->owner ? -1 : x->owner > y->owner ? 1
	       : x->obj < y->obj ? -1 : x->obj > y->obj;
}

static size_t obj_days(const struct objective *o, day_t today)
{
	day_t upto = today < o->due ? today : o->due;
	return upto >= o->start ? (size_t)(upto - o->start + 1) : 0;
}

/* the current owner's objectives are complete: their progress */
static void finish_owner(struct shared *sh)
{
	double *d = sh->scratch;
	for (size_t k = sh->lo; k < sh->hi; k++) {
		const struct objective *o = &sh->v[sh->own[k].obj];
		struct frame f;
		frame_of(o, sh->today, sh->bk, sh->a, &f);
		measured_from_days(sh->org, o, sh->m, sh->today, &f, d, sh->a,
				   &sh->out[sh->own[k].obj]);
		d += f.ndays * sh->len;
		sh->done[sh->own[k].obj] = true;
	}
	sh->lo = sh->hi = 0;
}

static void start_owner(struct shared *sh, id_t64 owner)
{
	sh->cur = owner;
	size_t lo = 0, hi = sh->nown;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (sh->own[mid].owner < owner)
			lo = mid + 1;
		else
			hi = mid;
	}
	sh->lo = sh->hi = lo;
	size_t need = 0;
	while (sh->hi < sh->nown && sh->own[sh->hi].owner == owner)
		need += obj_days(&sh->v[sh->own[sh->hi++].obj], sh->today) * sh->len;
	if (need > sh->cap) {
		free(sh->scratch);
		sh->cap = need;
		sh->scratch = malloc(need * sizeof(double));
		if (!sh->scratch)
			abort();
	}
	for (size_t i = 0; i < need; i += sh->len)
		indicator_state_init(&sh->m->prog, sh->scratch + i);
}

static int on_shared(void *ctx, id_t64 owner, day_t day, const double *st, size_t n)
{
	struct shared *sh = ctx;
	if (n != sh->len)
		return 0;  /* a state of an older shape: skipped until backfilled */
	if (owner != sh->cur) {
		finish_owner(sh);
		start_owner(sh, owner);
	}
	double *d = sh->scratch;
	for (size_t k = sh->lo; k < sh->hi; k++) {
		const struct objective *o = &sh->v[sh->own[k].obj];
		size_t nd = obj_days(o, sh->today);
		if (day >= o->start && (size_t)(day - o->start) < nd)
			indicator_state_merge(&sh->m->prog, d + (size_t)(day - o->start) * sh->len, st);
		d += nd * sh->len;
	}
	return 0;
}

/* An objective measured from day states: a mergeable indicator, dates, an
 * owner. */
static bool shareable(const struct objective *o, const struct mind *m)
{
	return m && m->ok && m->prog.mergeable && o->start != DAY_NONE && o->due != DAY_NONE &&
	       (o->owner_person_id || o->owner_unit_id);
}

/* The objectives of v on indicator m not yet done[] and owned by a person
 * (units false) or by a unit (units true), measured with one scan (out[i].ind
 * already found); done[i] is set for each objective measured. */
static int measure_shared(struct store *s, const struct org *org, const struct objective *v,
			  size_t n, bool *done, const struct mind *m, bool units, day_t today,
			  enum bucket bk, struct arena *a, struct measured *out, struct err *e)
{
	struct shared sh;
	memset(&sh, 0, sizeof(sh));
	sh.org = org;
	sh.v = v;
	sh.out = out;
	sh.m = m;
	sh.len = indicator_state_len(&m->prog);
	sh.today = today;
	sh.bk = bk;
	sh.a = a;
	sh.done = done;
	sh.own = arena_alloc(a, (n + 1) * sizeof(*sh.own));
	day_t from = 0, to = 0;
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		const struct objective *o = &v[i];
		if (done[i] || out[i].ind != m || !shareable(o, m) || units != !o->owner_person_id)
			continue;
		sh.own[sh.nown].owner = units ? o->owner_unit_id : o->owner_person_id;
		sh.own[sh.nown++].obj = i;
		size_t nd = obj_days(o, today);
		if (!nd)
			continue;
		day_t upto = o->start + (day_t)nd - 1;
		if (!any || o->start < from)
			from = o->start;
		if (!any || upto > to)
			to = upto;
		any = true;
	}
	if (!sh.nown)
		return 0;
	qsort(sh.own, sh.nown, sizeof(*sh.own), cmp_owned);
	struct ids owners = { arena_alloc(a, sh.nown * sizeof(id_t64)), 0 };
	for (size_t k = 0; k < sh.nown; k++)
		if (!owners.n || owners.v[owners.n - 1] != sh.own[k].owner)
			owners.v[owners.n++] = sh.own[k].owner;
	int rc = 0;
	if (any)
		rc = units ? store_measure_scan_units(s, m->row.id, &owners, from, to, on_shared, &sh, e)
			   : store_measure_scan(s, m->row.id, &owners, from, to, on_shared, &sh, e);
	if (!rc) {
		finish_owner(&sh);
		/* owners without a single day of records */
		for (size_t k = 0; k < sh.nown; k++)
			if (!done[sh.own[k].obj]) {
				start_owner(&sh, sh.own[k].owner);
				finish_owner(&sh);
			}
	}
	free(sh.scratch);
	return rc;
}

int measure_many_alone(struct store *s, const struct org *org, const struct objective *v,
		       size_t n, day_t today, enum bucket bk, const struct mind *inds,
		       size_t ninds, struct arena *a, struct measured *out, struct err *e)
{
	/* each objective once, without descending into its children: those on a
	 * mergeable indicator one scan per indicator, the others alone... */
	bool *done = arena_alloc(a, n + 1);
	bool *used = arena_alloc(a, ninds + 1);
	size_t nshare = 0;
	for (size_t i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		out[i].rollup = -1;
		out[i].ind = measure_find(inds, ninds, v[i].indicator);
		if (shareable(&v[i], out[i].ind)) {
			used[out[i].ind - inds] = true;
			nshare++;
		}
	}
	for (size_t k = 0; k < ninds && nshare; k++)
		if (used[k] && (measure_shared(s, org, v, n, done, &inds[k], false, today, bk, a, out, e) ||
				measure_shared(s, org, v, n, done, &inds[k], true, today, bk, a, out, e)))
			return -1;
	for (size_t i = 0; i < n; i++)
		if (!done[i] && measure_one(s, org, &v[i], today, bk, inds, ninds, a, &out[i], 99, e))
			return -1;
	return 0;
}

void measure_rollups(const struct objective *v, size_t n, struct arena *a, struct measured *out)
{
	/* ...then the roll-up from the results, children before parents: an
	 * objective's level is deeper than its parent's, so four passes from the
	 * individual level up settle every chain. Children are found through an
	 * index sorted by parent id. */
	size_t *by_parent = arena_alloc(a, (n + 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		by_parent[i] = i;
	cmp_objs = v;
	qsort(by_parent, n, sizeof(size_t), cmp_parent);
	for (int level = LEVEL_INDIVIDUAL; level >= LEVEL_STRATEGIC; level--)
		for (size_t i = 0; i < n; i++) {
			if ((int)v[i].level != level)
				continue;
			/* the first child: binary search on parent id */
			size_t lo = 0, hi = n;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (v[by_parent[mid]].parent_id < v[i].id)
					lo = mid + 1;
				else
					hi = mid;
			}
			double att[256], w[256];
			size_t k = 0;
			for (size_t q = lo; q < n && k < 256 && v[by_parent[q]].parent_id == v[i].id; q++) {
				size_t j = by_parent[q];
				if (v[j].status == ST_CANCELLED)
					continue;
				double x = out[j].has_progress ? out[j].p.attainment
					 : out[j].rollup >= 0 ? out[j].rollup : NAN;
				if (isnan(x))
					continue;
				att[k] = x;
				w[k++] = v[j].weight;
			}
			out[i].nchildren = (int)k;
			out[i].rollup = progress_rollup(att, w, k);
		}
}

int measure_many(struct store *s, const struct org *org, const struct objective *v, size_t n,
		 day_t today, enum bucket bk, const struct mind *inds, size_t ninds,
		 struct arena *a, struct measured *out, struct err *e)
{
	if (measure_many_alone(s, org, v, n, today, bk, inds, ninds, a, out, e))
		return -1;
	measure_rollups(v, n, a, out);
	return 0;
}

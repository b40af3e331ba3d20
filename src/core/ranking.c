/* Challenge rankings (see ranking.h for the rules). */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "core/ranking.h"

static const char *const rule_names[] = { "raw", "attainment", "improvement" };
static const char *const agg_names[] = { "average", "sum" };

const char *rank_rule_name(enum rank_rule r)
{
	return (int)r >= 0 && r < RANK__COUNT ? rule_names[r] : "raw";
}

int rank_rule_parse(const char *s)
{
	for (int i = 0; s && i < RANK__COUNT; i++)
		if (!strcmp(s, rule_names[i]))
			return i;
	return -1;
}

const char *team_agg_name(enum team_agg a)
{
	return (int)a >= 0 && a < TEAM__COUNT ? agg_names[a] : "average";
}

int team_agg_parse(const char *s)
{
	for (int i = 0; s && i < TEAM__COUNT; i++)
		if (!strcmp(s, agg_names[i]))
			return i;
	return -1;
}

/* value against a reference on the "1 = reference reached" scale: above it
 * is better for a higher-is-better indicator; for lower-is-better, 1 at the
 * reference, 2 at zero, 0 at twice the reference — linear, never negative */
static double against(bool lower_better, double value, double ref)
{
	if (!lower_better)
		return value / ref;
	return fmax(0, 2 - value / ref);
}

double rank_metric_score(enum rank_rule rule, const struct rank_metric *m, double value,
			 double own_target, double baseline)
{
	if (isnan(value))
		return NAN;
	switch (rule) {
	case RANK_RAW:
		return against(m->lower_better, value, m->target);
	case RANK_ATTAINMENT:
		if (isnan(own_target) || own_target <= 0)
			return NAN;
		/* from one's own baseline to one's own target when the way is known */
		if (!isnan(baseline) && baseline != own_target &&
		    (m->lower_better ? baseline > own_target : baseline < own_target))
			return (value - baseline) / (own_target - baseline);
		return against(m->lower_better, value, own_target);
	case RANK_IMPROVEMENT:
		if (isnan(baseline) || baseline == 0)
			return NAN;
		return (m->lower_better ? baseline - value : value - baseline) / fabs(baseline);
	default:
		return NAN;
	}
}

/* the entries qsort compares: one per thread (boards ranked side by side) */
static _Thread_local const struct rank_entry *cmp_v;

static int same(double a, double b)
{
	return fabs(a - b) <= RANK_EPSILON * fmax(1, fmax(fabs(a), fabs(b)));
}

/* league, then scored first, then score descending, then id */
static int cmp_entry(const void *pa, const void *pb)
{
	const struct rank_entry *a = &cmp_v[*(const size_t *)pa], *b = &cmp_v[*(const size_t *)pb];
	if (a->league != b->league)
		return a->league < b->league ? -1 : 1;
	if (a->scored != b->scored)
		return a->scored ? -1 : 1;
	if (a->scored && !same(a->score, b->score))
		return a->score > b->score ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static bool tied(const struct rank_entry *a, const struct rank_entry *b)
{
	return a->league == b->league && a->scored && b->scored && same(a->score, b->score);
}

/* the place and rank of the entry at k of order[], sorted, from the one
 * before: equal scores share a rank, the next skips */
static void rank_at(struct rank_entry *v, const size_t *order, size_t k)
{
	struct rank_entry *e = &v[order[k]];
	const struct rank_entry *prev = k ? &v[order[k - 1]] : NULL;
	e->pos = prev && prev->league == e->league ? prev->pos + 1 : 1;
	if (!e->scored)
		e->rank = 0;
	else
		e->rank = prev && tied(prev, e) ? prev->rank : e->pos;
}

/* ranks along order[], sorted */
static void ranks_along(struct rank_entry *v, size_t n, const size_t *order)
{
	for (size_t k = 0; k < n; k++)
		rank_at(v, order, k);
}

/* ranks in order[] (sorted) */
static void assign_ranks(struct rank_entry *v, size_t n, size_t *order)
{
	cmp_v = v;
	qsort(order, n, sizeof(*order), cmp_entry);
	ranks_along(v, n, order);
}

static void rank_sorted(struct rank_entry *v, size_t n, size_t *order)
{
	size_t *o = order ? order : malloc((n ? n : 1) * sizeof(*o));
	if (!o)
		return;
	for (size_t i = 0; i < n; i++)
		o[i] = i;
	assign_ranks(v, n, o);
	if (!order)
		free(o);
}

static int metrics_ok(enum rank_rule rule, const struct rank_metric *m, size_t nm, double *wsum)
{
	if (!nm || nm > RANK_METRICS_MAX || (int)rule < 0 || rule >= RANK__COUNT)
		return -1;
	*wsum = 0;
	for (size_t j = 0; j < nm; j++) {
		if (!(m[j].weight > 0) || !isfinite(m[j].weight))
			return -1;
		if (rule == RANK_RAW && (!(m[j].target > 0) || !isfinite(m[j].target)))
			return -1;
		*wsum += m[j].weight;
	}
	return 0;
}

static void score_entry(enum rank_rule rule, const struct rank_metric *m, size_t nm,
			double wsum, struct rank_entry *e)
{
	double sum = 0;
	int any = 0;
	for (size_t j = 0; j < nm; j++) {
		double s = rank_metric_score(rule, &m[j], e->value[j], e->own_target[j],
					     e->baseline[j]);
		if (isnan(s) || !isfinite(s))
			continue;
		any = 1;
		if (nm > 1 && s > RANK_CAP)
			s = RANK_CAP;
		sum += m[j].weight * s;
	}
	e->scored = any;
	e->score = any ? sum / wsum : NAN;
}

int rank_compute(enum rank_rule rule, const struct rank_metric *m, size_t nm,
		 struct rank_entry *v, size_t n, size_t *order)
{
	double wsum;
	if (metrics_ok(rule, m, nm, &wsum))
		return -1;
	for (size_t i = 0; i < n; i++)
		score_entry(rule, m, nm, wsum, &v[i]);
	rank_sorted(v, n, order);
	return 0;
}

int rank_update(enum rank_rule rule, const struct rank_metric *m, size_t nm,
		struct rank_entry *v, size_t n, size_t *order, const size_t *changed, size_t nc,
		size_t *from, size_t *to)
{
	double wsum;
	*from = *to = 0;
	if (metrics_ok(rule, m, nm, &wsum))
		return -1;
	if (!nc)
		return 0;
	bool *moved = calloc(n ? n : 1, sizeof(*moved));
	size_t *mine = malloc(nc * sizeof(*mine));
	size_t *merged = malloc((n ? n : 1) * sizeof(*merged));
	if (!moved || !mine || !merged) {
		free(moved);
		free(mine);
		free(merged);
		return -1;
	}
	size_t k = 0;
	for (size_t q = 0; q < nc; q++) {
		size_t i = changed[q];
		if (i >= n || moved[i])
			continue;
		moved[i] = true;
		score_entry(rule, m, nm, wsum, &v[i]);
		mine[k++] = i;
	}
	cmp_v = v;
	qsort(mine, k, sizeof(*mine), cmp_entry);
	/* the others keep their order: merge the two sorted runs; the places
	 * that changed are those of the changed entries and those between */
	size_t a = 0, b = 0, out = 0, lo = n, hi = 0;
	while (a < n || b < k) {
		while (a < n && moved[order[a]])
			a++;
		if (a >= n && b >= k)
			break;
		if (b >= k || (a < n && cmp_entry(&order[a], &mine[b]) <= 0))
			merged[out] = order[a++];
		else {
			merged[out] = mine[b++];
			if (out < lo)
				lo = out;
			hi = out + 1;
		}
		if (merged[out] != order[out]) {
			if (out < lo)
				lo = out;
			if (out + 1 > hi)
				hi = out + 1;
		}
		out++;
	}
	memcpy(order, merged, n * sizeof(*order));
	free(moved);
	free(mine);
	free(merged);
	if (lo >= hi)
		return 0;
	/* ranks from lo; past hi, the first place and those tied with the one
	 * before them may have a rank of their own anew, the rest not */
	size_t q = lo;
	for (; q < n; q++) {
		if (q > hi && !tied(&v[order[q - 1]], &v[order[q]]))
			break;
		rank_at(v, order, q);
	}
	*from = lo;
	*to = q;
	return 0;
}

void rank_teams(const struct rank_entry *members, const int *member_team, size_t n,
		enum team_agg agg, struct rank_entry *teams, size_t nteams, size_t *order)
{
	int *count = calloc(nteams ? nteams : 1, sizeof(*count));
	if (!count)
		return;
	for (size_t t = 0; t < nteams; t++)
		teams[t].score = 0;
	for (size_t i = 0; i < n; i++) {
		int t = member_team[i];
		if (t < 0 || (size_t)t >= nteams || !members[i].scored)
			continue;
		teams[t].score += members[i].score;
		count[t]++;
	}
	for (size_t t = 0; t < nteams; t++) {
		teams[t].scored = count[t] > 0;
		if (!count[t])
			teams[t].score = NAN;
		else if (agg == TEAM_AVG)
			teams[t].score /= count[t];
	}
	free(count);
	rank_sorted(teams, nteams, order);
}

void rank_window(size_t n, size_t pos, size_t around, size_t *from, size_t *to)
{
	if (!n || !around) {
		*from = *to = 0;
		return;
	}
	if (pos >= n)
		pos = n - 1;
	if (around > n)
		around = n;
	size_t half = around / 2;
	size_t f = pos > half ? pos - half : 0;
	if (f + around > n)
		f = n - around;
	*from = f;
	*to = f + around;
}

int rank_league_by_seniority(day_t hired, day_t today, const int *bounds_months, size_t nb)
{
	if (hired == DAY_NONE)
		return (int)nb;
	for (size_t i = 0; i < nb; i++)
		if (today < date_add_months(hired, bounds_months[i]))
			return (int)i;
	return (int)nb;
}

double rank_reward(int rank, double score, const double *points_by_rank, size_t nranks,
		   double threshold, double threshold_points)
{
	double p = 0;
	if (rank >= 1 && (size_t)rank <= nranks)
		p += points_by_rank[rank - 1];
	if (threshold > 0 && !isnan(score) && score >= threshold - RANK_EPSILON)
		p += threshold_points;
	return p;
}

/* A team objective shared out among its members, ramp-up plans per job and
 * the suggested target of a person, as use cases (app/usecase.h; the rules
 * are core/share.h's).
 *
 * A share-out drafts one individual objective per member of the team that
 * owns a collective objective (the people of the unit, its lead aside), the
 * targets adding up to the team's for an additive indicator (their mean
 * reaching it for a rate), by one of four methods: even, weights, ramp (even
 * shares fitted to each member's ramp-up plan) or history (each member's own
 * level of the indicator over the last period as long as the objective's).
 * Each draft then enters negotiation as a proposal by the caller (bounds 90 %
 * to 110 %), or stays a draft (propose false). A preview computes the same and
 * writes nothing. Only an admin or a manager of the team's scope shares out;
 * every draft is checked as the objective's create would be. */
#ifndef CIBLE_APP_SHARE_H
#define CIBLE_APP_SHARE_H
#include <jansson.h>
#include "app/objective.h"
#include "app/usecase.h"
#include "core/share.h"

struct share_weight {
	id_t64 person_id;
	double weight;
};

struct share_input {
	enum share_method method;
	const struct share_weight *weights;  /* method weights: the members, each with a weight */
	size_t nweights;
	bool weights_given;
	bool preview;                        /* compute, write nothing */
	bool propose;                        /* each draft opens a round (default) */
};

struct share_member {
	struct person p;
	double share;          /* s_i: 1, the weight, the ramp factor or the history */
	bool has_history;
	double history;        /* their level over the last period, NaN: none */
	double factor;         /* the ramp-up plan's share (1: none) */
	int ramp_month;        /* 1-based month within the plan; 0: not within one */
	double target;
	bool remainder;        /* took the rounding remainder */
	struct objective o;    /* the draft (id 0 in a preview) */
};

struct share_result {
	struct objective team;
	enum share_method method;
	bool cumulative, preview, proposed;
	double quantum, total;   /* total: the sum of the targets (cumulative) or their mean */
	day_t history_from, history_to;
	struct share_member *members;
	size_t n;
};

int app_share_out(struct app *a, id_t64 objective, const struct share_input *in,
		  struct share_result *out, struct err *e);
json_t *app_share_json(const struct share_result *r);

/* The targets of an objective's children on its own indicator against its
 * target: their sum for an additive indicator, their mean for a rate; a
 * child on a shorter period than the parent's counts at the parent's
 * target prorated to its days. has: some child measures the same
 * indicator. */
struct children_total {
	bool has, rate;
	int n;
	double total, expected, gap;  /* gap = expected - total */
	bool adds_up;                 /* within 0.5 % of expected */
};
void app_children_total(struct store *s, id_t64 org, const struct objective *o,
			struct arena *a, struct children_total *out);
json_t *app_children_total_json(const struct children_total *t);

/* Ramp-up plans: read by anyone of the organisation; set (created or
 * replaced by job) and deleted by an admin or HR. */
struct ramp_input {
	const char *job;
	const double *steps;
	int nsteps;
	bool above_100;
};
int app_ramp_list(struct app *a, struct ramp_plan **out, size_t *n, struct err *e);
int app_ramp_put(struct app *a, const struct ramp_input *in, struct ramp_plan *out,
		 struct err *e);
int app_ramp_delete(struct app *a, id_t64 id, struct err *e);
json_t *app_ramp_json(const struct ramp_plan *p);
/* The plan of a job among v (NULL: none). */
const struct ramp_plan *app_ramp_find(const struct ramp_plan *v, size_t n, const char *job);

/* The suggested target of person for objective's indicator and period: the
 * person's last levels, the peers of the same job and year of seniority,
 * their share of the objective when it is their team's, the ramp-up plan;
 * the reasoning in a->lang. The person must be readable (404). */
struct suggested {
	struct person p;
	struct objective o;
	struct suggest_input in;
	struct suggestion s;
	const char *period;        /* month, quarter, year, period */
	const char *reasoning;
};
int app_suggest_target(struct app *a, id_t64 person, id_t64 objective, struct suggested *out,
		       struct err *e);
json_t *app_suggested_json(const struct suggested *s);

/* The new-hire alert's second case: individual objectives of people within
 * their ramp-up plan whose target is above the plan's share of the standard
 * (the median target of their siblings on the same indicator held by people
 * past their plan) by more than 10 %. */
struct ramp_alert {
	const struct person *p;
	struct objective o;
	double fitted;       /* the plan's share of the standard */
	double factor;
	int month;
};
int app_ramp_alerts(struct app *a, struct ramp_alert **out, size_t *n, struct err *e);

#endif

/* Challenge rankings: scores by rule, "lower is better" continuous, ties,
 * leagues, teams, the window around a person, rewards. */
#include "t.h"
#include "core/ranking.h"

static struct rank_entry entry(id_t64 id, int league, double value, double own_target,
			       double baseline)
{
	struct rank_entry e;
	memset(&e, 0, sizeof(e));
	e.id = id;
	e.league = league;
	for (int j = 0; j < RANK_METRICS_MAX; j++)
		e.value[j] = e.own_target[j] = e.baseline[j] = NAN;
	e.value[0] = value;
	e.own_target[0] = own_target;
	e.baseline[0] = baseline;
	return e;
}

static const struct {
	const char *what;
	enum rank_rule rule;
	bool lower;
	double target, value, own_target, baseline, expect;  /* expect NaN: not scored */
} metric_cases[] = {
	{ "raw: the challenge's target reached is 1", RANK_RAW, false, 100, 100, NAN, NAN, 1 },
	{ "raw: half the target is 0.5", RANK_RAW, false, 100, 50, NAN, NAN, 0.5 },
	{ "raw: twice the target is 2 (no cap with one indicator)", RANK_RAW, false, 100, 200, NAN, NAN, 2 },
	{ "raw, lower is better: at the target 1", RANK_RAW, true, 300, 300, NAN, NAN, 1 },
	{ "raw, lower is better: 10 % under the target 1.1", RANK_RAW, true, 300, 270, NAN, NAN, 1.1 },
	{ "raw, lower is better: 20 % over the target 0.8, not 0", RANK_RAW, true, 300, 360, NAN, NAN, 0.8 },
	{ "raw, lower is better: never below 0", RANK_RAW, true, 300, 900, NAN, NAN, 0 },
	{ "raw: no figure is not scored", RANK_RAW, false, 100, NAN, NAN, NAN, NAN },
	{ "attainment: own target, no baseline", RANK_ATTAINMENT, false, 100, 30, 40, NAN, 0.75 },
	{ "attainment: from own baseline to own target", RANK_ATTAINMENT, false, 100, 35, 40, 30, 0.5 },
	{ "attainment, lower is better: from 400 s down to 325 s, at 369 s", RANK_ATTAINMENT, true, 300, 369, 325, 400, 31.0 / 75 },
	{ "attainment, lower is better, no baseline: 10 % under own target", RANK_ATTAINMENT, true, 300, 292.5, 325, NAN, 1.1 },
	{ "attainment: a baseline on the wrong side is ignored", RANK_ATTAINMENT, false, 100, 20, 40, 50, 0.5 },
	{ "attainment without an own target is not scored", RANK_ATTAINMENT, false, 100, 30, NAN, NAN, NAN },
	{ "improvement: +20 % over own baseline", RANK_IMPROVEMENT, false, 100, 60, NAN, 50, 0.2 },
	{ "improvement: a fall is negative", RANK_IMPROVEMENT, false, 100, 40, NAN, 50, -0.2 },
	{ "improvement, lower is better: 400 s down to 360 s is +10 %", RANK_IMPROVEMENT, true, 300, 360, NAN, 400, 0.1 },
	{ "improvement without a baseline is not scored", RANK_IMPROVEMENT, false, 100, 60, NAN, NAN, NAN },
	{ "improvement over a zero baseline is not scored", RANK_IMPROVEMENT, false, 100, 60, NAN, 0, NAN },
};

TEST("each rule scores one indicator as the table says")
{
	for (size_t i = 0; i < sizeof(metric_cases) / sizeof(metric_cases[0]); i++) {
		struct rank_metric m = { metric_cases[i].lower, metric_cases[i].target, 1 };
		double s = rank_metric_score(metric_cases[i].rule, &m, metric_cases[i].value,
					     metric_cases[i].own_target, metric_cases[i].baseline);
		if (isnan(metric_cases[i].expect)) {
			CHECK(isnan(s));
		} else {
			CHECK_NEAR(s, metric_cases[i].expect, 1e-9);
		}
		if (isnan(metric_cases[i].expect) != isnan(s) ||
		    (!isnan(s) && fabs(s - metric_cases[i].expect) > 1e-9))
			fprintf(stderr, "    case: %s\n", metric_cases[i].what);
	}
}

TEST("a newcomer with a low volume but the best attainment of their own target leads the fair board; the veteran leads the raw one")
{
	/* veteran: 40 k€ on a 42 k€ target; newcomer: 14 k€ on a ramp-up target of 12 k€ */
	struct rank_metric m = { false, 40000, 1 };
	struct rank_entry raw[2] = { entry(1, 0, 40000, 42000, NAN), entry(2, 0, 14000, 12000, NAN) };
	struct rank_entry fair[2] = { raw[0], raw[1] };
	size_t o[2];
	CHECK_INT(rank_compute(RANK_RAW, &m, 1, raw, 2, o), 0);
	CHECK_INT(raw[0].rank, 1);
	CHECK_INT(raw[1].rank, 2);
	CHECK_INT(rank_compute(RANK_ATTAINMENT, &m, 1, fair, 2, o), 0);
	CHECK_INT(fair[1].rank, 1);
	CHECK_INT(fair[0].rank, 2);
	CHECK_INT((long long)fair[o[0]].id, 2);
}

TEST("handling time ranks continuously: every second less moves one up")
{
	struct rank_metric m = { true, 300, 1 };
	struct rank_entry v[4] = { entry(1, 0, 310, NAN, NAN), entry(2, 0, 301, NAN, NAN),
				   entry(3, 0, 299, NAN, NAN), entry(4, 0, 420, NAN, NAN) };
	size_t o[4];
	CHECK_INT(rank_compute(RANK_RAW, &m, 1, v, 4, o), 0);
	CHECK_INT(v[2].rank, 1);
	CHECK_INT(v[1].rank, 2);
	CHECK_INT(v[0].rank, 3);
	CHECK_INT(v[3].rank, 4);
	CHECK(v[1].score > v[0].score && v[0].score > v[3].score && v[3].score > 0);
}

TEST("equal scores share a rank and the next rank skips; people without figures are not ranked")
{
	struct rank_metric m = { false, 10, 1 };
	struct rank_entry v[5] = { entry(5, 0, 8, NAN, NAN), entry(3, 0, 10, NAN, NAN),
				   entry(4, 0, 10, NAN, NAN), entry(1, 0, NAN, NAN, NAN),
				   entry(2, 0, 7, NAN, NAN) };
	size_t o[5];
	CHECK_INT(rank_compute(RANK_RAW, &m, 1, v, 5, o), 0);
	CHECK_INT(v[1].rank, 1);
	CHECK_INT(v[2].rank, 1);
	CHECK_INT(v[0].rank, 3);
	CHECK_INT(v[4].rank, 4);
	CHECK_INT(v[3].rank, 0);
	CHECK(!v[3].scored);
	/* by rank, ties by id, the unranked last */
	CHECK_INT((long long)v[o[0]].id, 3);
	CHECK_INT((long long)v[o[1]].id, 4);
	CHECK_INT((long long)v[o[4]].id, 1);
}

TEST("leagues are ranked each on their own")
{
	struct rank_metric m = { false, 10, 1 };
	struct rank_entry v[4] = { entry(1, 0, 5, NAN, NAN), entry(2, 1, 9, NAN, NAN),
				   entry(3, 0, 6, NAN, NAN), entry(4, 1, 3, NAN, NAN) };
	size_t o[4];
	CHECK_INT(rank_compute(RANK_RAW, &m, 1, v, 4, o), 0);
	CHECK_INT(v[2].rank, 1);
	CHECK_INT(v[0].rank, 2);
	CHECK_INT(v[1].rank, 1);
	CHECK_INT(v[3].rank, 2);
	CHECK_INT(v[o[0]].league, 0);
	CHECK_INT(v[o[3]].league, 1);
}

TEST("several indicators: a weighted mean, each capped so one runaway cannot hide the others")
{
	struct rank_metric m[2] = { { false, 75, 2 }, { true, 300, 1 } };
	struct rank_entry a = entry(1, 0, 75, NAN, NAN), b = entry(2, 0, 300, NAN, NAN);
	a.value[1] = 300;   /* both targets: 1 */
	b.value[0] = 750;   /* ten times the first target, capped at 1.5 */
	b.value[1] = 600;   /* the second at 0 */
	struct rank_entry v[2] = { a, b };
	CHECK_INT(rank_compute(RANK_RAW, m, 2, v, 2, NULL), 0);
	CHECK_NEAR(v[0].score, 1, 1e-12);
	CHECK_NEAR(v[1].score, (2 * 1.5 + 0) / 3, 1e-12);
	CHECK_INT(v[0].rank, 1);
	/* a missing indicator counts 0 */
	struct rank_entry c = entry(3, 0, 75, NAN, NAN);
	CHECK_INT(rank_compute(RANK_RAW, m, 2, &c, 1, NULL), 0);
	CHECK_NEAR(c.score, 2.0 / 3, 1e-12);
}

TEST("bad challenges are refused: no indicator, a weight of zero, a raw target of zero")
{
	struct rank_entry v = entry(1, 0, 5, NAN, NAN);
	struct rank_metric zero_w = { false, 10, 0 }, zero_t = { false, 0, 1 }, ok = { false, 0, 1 };
	CHECK_INT(rank_compute(RANK_RAW, &zero_w, 1, &v, 1, NULL), -1);
	CHECK_INT(rank_compute(RANK_RAW, &zero_t, 1, &v, 1, NULL), -1);
	CHECK_INT(rank_compute(RANK_RAW, &ok, 0, &v, 1, NULL), -1);
	/* the attainment rule needs no challenge target */
	v.own_target[0] = 10;
	CHECK_INT(rank_compute(RANK_ATTAINMENT, &ok, 1, &v, 1, NULL), 0);
	CHECK_NEAR(v.score, 0.5, 1e-12);
}

TEST("a team's score is the mean or the sum of its scored members")
{
	struct rank_metric m = { false, 10, 1 };
	struct rank_entry p[5] = { entry(1, 0, 10, NAN, NAN), entry(2, 0, 5, NAN, NAN),
				   entry(3, 0, 8, NAN, NAN), entry(4, 0, NAN, NAN, NAN),
				   entry(5, 0, 8, NAN, NAN) };
	int team[5] = { 0, 0, 1, 1, 1 };
	CHECK_INT(rank_compute(RANK_RAW, &m, 1, p, 5, NULL), 0);
	struct rank_entry t[3] = { entry(100, 0, NAN, NAN, NAN), entry(200, 0, NAN, NAN, NAN),
				   entry(300, 0, NAN, NAN, NAN) };
	size_t o[3];
	rank_teams(p, team, 5, TEAM_AVG, t, 3, o);
	CHECK_NEAR(t[0].score, 0.75, 1e-12);
	CHECK_NEAR(t[1].score, 0.8, 1e-12);
	CHECK_INT(t[1].rank, 1);
	CHECK_INT(t[0].rank, 2);
	CHECK(!t[2].scored);
	CHECK_INT(t[2].rank, 0);
	rank_teams(p, team, 5, TEAM_SUM, t, 3, o);
	CHECK_NEAR(t[0].score, 1.5, 1e-12);
	CHECK_NEAR(t[1].score, 1.6, 1e-12);
}

TEST("the window around a person holds five, centred where it can be")
{
	size_t f, t;
	rank_window(100, 50, 5, &f, &t);
	CHECK_INT(f, 48);
	CHECK_INT(t, 53);
	rank_window(100, 0, 5, &f, &t);
	CHECK_INT(f, 0);
	CHECK_INT(t, 5);
	rank_window(100, 99, 5, &f, &t);
	CHECK_INT(f, 95);
	CHECK_INT(t, 100);
	rank_window(3, 1, 5, &f, &t);
	CHECK_INT(f, 0);
	CHECK_INT(t, 3);
}

TEST("seniority leagues and rewards by rank and threshold")
{
	int bounds[2] = { 12, 36 };
	day_t today = date_from_ymd(2026, 12, 2);
	CHECK_INT(rank_league_by_seniority(date_from_ymd(2026, 6, 1), today, bounds, 2), 0);
	CHECK_INT(rank_league_by_seniority(date_from_ymd(2025, 12, 2), today, bounds, 2), 1);
	CHECK_INT(rank_league_by_seniority(date_from_ymd(2020, 1, 1), today, bounds, 2), 2);
	CHECK_INT(rank_league_by_seniority(DAY_NONE, today, bounds, 2), 2);
	double pts[3] = { 100, 50, 25 };
	CHECK_NEAR(rank_reward(1, 1.2, pts, 3, 1.0, 10), 110, 0);
	CHECK_NEAR(rank_reward(3, 0.9, pts, 3, 1.0, 10), 25, 0);
	CHECK_NEAR(rank_reward(4, 1.0, pts, 3, 1.0, 10), 10, 0);
	CHECK_NEAR(rank_reward(0, NAN, pts, 3, 1.0, 10), 0, 0);
	CHECK_INT(rank_rule_parse("attainment"), RANK_ATTAINMENT);
	CHECK_INT(rank_rule_parse("volume"), -1);
	CHECK_STR(team_agg_name(TEAM_SUM), "sum");
}

T_MAIN("ranking")

/* rank_update against rank_compute from scratch: the same order and ranks
 * after each change, whatever changes (a value up, down, to none, to a tie
 * with another, in another league), under each rule and with two metrics */
static const struct {
	const char *what;
	enum rank_rule rule;
	size_t nm;
	bool lower;
	int leagues;    /* entries spread over this many leagues */
	int values;     /* values drawn in 0..values-1: few values, many ties */
	size_t changes; /* entries changed a round */
	double none;    /* the share of values drawn as "no figure" */
} update_cases[] = {
	{ "raw, one metric, ties everywhere, one change a round", RANK_RAW, 1, false, 1, 6, 1, 0.1 },
	{ "raw, lower is better, two leagues, five changes", RANK_RAW, 1, true, 2, 40, 5, 0.1 },
	{ "attainment, two metrics, three leagues, many changes", RANK_ATTAINMENT, 2, false, 3, 25, 60, 0.2 },
	{ "improvement, one metric, all changed at once", RANK_IMPROVEMENT, 1, false, 2, 10, 200, 0.1 },
	{ "raw, mostly no figure", RANK_RAW, 2, false, 1, 5, 7, 0.7 },
};

static unsigned rnd_state = 12345;
static unsigned rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) & 0xffffff;
}

static void draw(struct rank_entry *e, size_t nm, int values, double none)
{
	for (size_t j = 0; j < nm; j++) {
		e->value[j] = (double)(rnd() % 1000) / 1000 < none ? NAN : 1 + (double)(rnd() % (unsigned)values);
		e->own_target[j] = 5 + (double)(e->id % 7);
		e->baseline[j] = 1 + (double)(e->id % 3);
	}
}

TEST("rank_update re-ranks the changed entries as a full rank_compute would (table-driven, random rounds)")
{
	enum { N = 200, ROUNDS = 40 };
	for (size_t c = 0; c < sizeof(update_cases) / sizeof(update_cases[0]); c++) {
		struct rank_metric m[2] = { { update_cases[c].lower, 10, 1 }, { false, 20, 2 } };
		size_t nm = update_cases[c].nm;
		static struct rank_entry v[N], w[N];
		static size_t ov[N], ow[N], ch[N];
		for (size_t i = 0; i < N; i++) {
			v[i] = entry((id_t64)(1000 - i * 3), (int)(i % (size_t)update_cases[c].leagues), NAN,
				     NAN, NAN);
			draw(&v[i], nm, update_cases[c].values, update_cases[c].none);
		}
		CHECK_INT(rank_compute(update_cases[c].rule, m, nm, v, N, ov), 0);
		int bad = 0;
		for (int r = 0; r < ROUNDS && !bad; r++) {
			size_t nc = update_cases[c].changes;
			for (size_t q = 0; q < nc; q++) {
				ch[q] = rnd() % N;  /* repeats allowed */
				draw(&v[ch[q]], nm, update_cases[c].values, update_cases[c].none);
			}
			static size_t before[N];
			static int rank_before[N];
			memcpy(before, ov, sizeof(before));
			for (size_t k = 0; k < N; k++)
				rank_before[k] = v[ov[k]].rank;
			size_t from, to;
			CHECK_INT(rank_update(update_cases[c].rule, m, nm, v, N, ov, ch, nc, &from, &to), 0);
			/* outside [from, to) nothing moved: same entry, same rank */
			for (size_t k = 0; k < N && !bad; k++)
				if ((k < from || k >= to) && (ov[k] != before[k] || v[ov[k]].rank != rank_before[k]))
					bad = 2;
			memcpy(w, v, sizeof(w));
			CHECK_INT(rank_compute(update_cases[c].rule, m, nm, w, N, ow), 0);
			for (size_t k = 0; k < N && !bad; k++)
				if (ov[k] != ow[k] || v[ov[k]].rank != w[ow[k]].rank ||
				    v[ov[k]].scored != w[ow[k]].scored)
					bad = 1;
		}
		CHECK_INT(bad, 0);
		if (bad)
			fprintf(stderr, "    case: %s\n", update_cases[c].what);
	}
	/* bad metrics: refused as rank_compute does */
	struct rank_metric zero = { false, 10, 0 };
	struct rank_entry one = entry(1, 0, 3, NAN, NAN);
	size_t o = 0, ch0 = 0, from, to;
	CHECK_INT(rank_update(RANK_RAW, &zero, 1, &one, 1, &o, &ch0, 1, &from, &to), -1);
}

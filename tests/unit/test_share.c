/* Share-outs (sums exact after rounding), ramp-up plans, suggested targets. */
#include <math.h>
#include <string.h>
#include "t.h"
#include "core/share.h"

static double sum(const double *v, size_t n)
{
	double s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	return s;
}

TEST("an even share of 468 000 among 9 is 52 000 each, adding up")
{
	double s[9], out[9];
	for (int i = 0; i < 9; i++)
		s[i] = 1;
	double q = share_quantum(468000, true);
	CHECK_NEAR(q, 100, 0);
	share_compute(9, NULL, s, 468000, q, out);
	for (int i = 0; i < 9; i++)
		CHECK_NEAR(out[i], 52000, 0);
	CHECK_NEAR(sum(out, 9), 468000, 0);
}

TEST("the rounding remainder goes to the largest share, the first on a tie")
{
	double s[3] = { 1, 1, 1 }, out[3];
	int k = share_compute(3, NULL, s, 100, 1, out);
	CHECK_INT(k, 0);
	CHECK_NEAR(out[0], 34, 0);
	CHECK_NEAR(out[1], 33, 0);
	CHECK_NEAR(out[2], 33, 0);
	double w[3] = { 1, 3, 1 };
	k = share_compute(3, NULL, w, 1000, 1, out);
	CHECK_INT(k, 1);
	CHECK_NEAR(out[0], 200, 0);
	CHECK_NEAR(out[1], 600, 0);
	CHECK_NEAR(sum(out, 3), 1000, 0);
	/* by history: 34, 38, 40 k€ share out 150 k€ in steps of 100 */
	double h[3] = { 34000, 38000, 40000 };
	share_compute(3, NULL, h, 150000, share_quantum(150000, true), out);
	CHECK_NEAR(out[0], 45500, 0);  /* 150000 * 34 / 112 = 45535.7 */
	CHECK_NEAR(out[2], 53600, 0);
	CHECK_NEAR(sum(out, 3), 150000, 0);
}

TEST("a ramp-up share: 25 % for a first-month hire, the rest at the standard")
{
	double f[4] = { 0.25, 1, 1, 1 }, out[4];
	share_compute(4, NULL, f, 130000, share_quantum(130000, true), out);
	/* standard 130000 / 3.25 = 40000 */
	CHECK_NEAR(out[0], 10000, 0);
	CHECK_NEAR(out[1], 40000, 0);
	CHECK_NEAR(sum(out, 4), 130000, 0);
}

TEST("a rate: the members' mean is the team's, by history each keeps their gap")
{
	double h[3] = { 70, 74, 78 }, one[3] = { 1, 1, 1 }, out[3];
	double q = share_quantum(77, false);
	CHECK_NEAR(q, 0.1, 0);
	/* t_i = h_i + (77 - 74): total 3 * 77 */
	share_compute(3, h, one, 3 * 77, q, out);
	CHECK_NEAR(out[0], 73, 1e-9);
	CHECK_NEAR(out[1], 77, 1e-9);
	CHECK_NEAR(out[2], 81, 1e-9);
	CHECK_NEAR(sum(out, 3) / 3, 77, 1e-9);
	/* from a baseline of 70 with ramp factors: the new hire's gain is half */
	double b[3] = { 70, 70, 70 }, f[3] = { 0.5, 1, 1 };
	share_compute(3, b, f, 3 * 77, q, out);
	CHECK_NEAR(sum(out, 3), 231, 1e-9);
	CHECK_NEAR(out[0], 70 + 0.5 * 21 / 2.5, 0.051);
}

TEST("weights: negative or summing to zero are refused, naming the field")
{
	struct err e;
	double bad[2] = { 1, -1 }, zero[2] = { 0, 0 }, good[2] = { 0, 2 };
	err_clear(&e);
	CHECK(share_weights_check(bad, 2, "weights", &e) < 0);
	CHECK_STR(e.field, "weights[1].weight");
	err_clear(&e);
	CHECK(share_weights_check(zero, 2, "weights", &e) < 0);
	CHECK_STR(e.field, "weights");
	err_clear(&e);
	CHECK_INT(share_weights_check(good, 2, "weights", &e), 0);
}

TEST("a ramp-up plan must rise and stay at 100 % unless allowed")
{
	struct err e;
	double ok[3] = { 25, 50, 75 }, flat[3] = { 25, 25, 75 }, over[2] = { 50, 120 };
	CHECK_INT(ramp_plan_check(ok, 3, false, &e), 0);
	CHECK(ramp_plan_check(flat, 3, false, &e) < 0);
	CHECK_STR(e.field, "steps[1]");
	CHECK(ramp_plan_check(over, 2, false, &e) < 0);
	CHECK_STR(e.field, "steps[1]");
	CHECK_INT(ramp_plan_check(over, 2, true, &e), 0);
	CHECK(ramp_plan_check(ok, 0, false, &e) < 0);
	CHECK_STR(e.field, "steps");
}

TEST("the plan's factor follows the months since the hire, then 100 %")
{
	struct ramp_plan p;
	memset(&p, 0, sizeof(p));
	p.nsteps = 3;
	p.steps[0] = 25;
	p.steps[1] = 50;
	p.steps[2] = 75;
	day_t hired = date_from_ymd(2026, 10, 15);
	int step;
	CHECK_NEAR(ramp_factor(&p, hired, date_from_ymd(2026, 11, 1), &step), 0.25, 0);
	CHECK_INT(step, 0);
	CHECK_NEAR(ramp_factor(&p, hired, date_from_ymd(2026, 11, 15), &step), 0.5, 0);
	CHECK_NEAR(ramp_factor(&p, hired, date_from_ymd(2027, 1, 14), &step), 0.75, 0);
	CHECK_NEAR(ramp_factor(&p, hired, date_from_ymd(2027, 1, 15), &step), 1, 0);
	CHECK_INT(step, -1);
	CHECK_NEAR(ramp_factor(&p, DAY_NONE, date_from_ymd(2027, 1, 15), &step), 1, 0);
	/* hired after the period starts: their first month */
	CHECK_NEAR(ramp_factor(&p, hired, date_from_ymd(2026, 10, 1), &step), 0.25, 0);
}

TEST("the suggestion of the issue: 34, 38, 40 k€; peers 36 k€; team 39 k€ -> 38 k€")
{
	double own[3] = { 40000, 38000, 34000 };
	struct suggest_input in;
	memset(&in, 0, sizeof(in));
	in.own = own;
	in.nown = 3;
	in.has_peers = true;
	in.peers_median = 36000;
	in.peers_year = 2;
	in.peers_n = 4;
	in.has_team = true;
	in.team_share = 39000;
	in.unit = "€";
	struct suggestion s;
	suggest_target(&in, &s);
	CHECK(s.has_value);
	CHECK_NEAR(s.value, 38000, 0);
	struct buf fr = BUF_INIT, en = BUF_INIT;
	suggest_reasoning(&in, &s, "month", LANG_FR, &fr);
	suggest_reasoning(&in, &s, "month", LANG_EN, &en);
	CHECK_STR(fr.data, "vos trois derniers mois : 34, 38, 40 k€ ; pairs en 2e année : "
		  "médiane 36 k€ ; part de l'équipe : 39 k€ → proposé 38 k€");
	CHECK_STR(en.data, "your last three months: 34, 38, 40 k€; peers in their second year: "
		  "median 36 k€; team share: 39 k€ → suggested 38 k€");
	buf_free(&fr);
	buf_free(&en);
	memset(&in, 0, sizeof(in));
	suggest_target(&in, &s);
	CHECK(!s.has_value);
}
T_MAIN("share")

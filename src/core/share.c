/* Share-outs, ramp-up plans, suggested targets (see share.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/figure.h"
#include "core/share.h"

static const char *const method_names[SHARE__COUNT] = { "even", "weights", "ramp", "history" };

const char *share_method_name(enum share_method m)
{
	return (unsigned)m < SHARE__COUNT ? method_names[m] : NULL;
}

int share_method_parse(const char *s)
{
	for (int i = 0; s && i < SHARE__COUNT; i++)
		if (!strcmp(s, method_names[i]))
			return i;
	return -1;
}

static bool multiple_of(double x, double q)
{
	double k = x / q;
	return fabs(k - nearbyint(k)) < 1e-6;
}

double share_quantum(double target, bool cumulative)
{
	if (cumulative) {
		if (fabs(target) >= 10000 && multiple_of(target, 100))
			return 100;
		if (multiple_of(target, 1))
			return 1;
	} else if (multiple_of(target, 0.1)) {
		return 0.1;
	}
	return multiple_of(target, 0.01) ? 0.01 : 1e-6;
}

int share_compute(size_t n, const double *base, const double *s, double total, double q,
		  double *out)
{
	if (!n)
		return -1;
	double sum_s = 0, sum_b = 0;
	for (size_t i = 0; i < n; i++) {
		sum_s += s[i];
		sum_b += base ? base[i] : 0;
	}
	long long tu = llround(total / q), got = 0;
	size_t k = 0;
	double best = -INFINITY;
	/* whole steps first (exact in a double below 2^53), then the figures */
	for (size_t i = 0; i < n; i++) {
		double raw = ((base ? base[i] : 0) + (total - sum_b) * s[i] / sum_s) / q;
		out[i] = (double)llround(raw);
		got += llround(raw);
		if (raw > best + 1e-9) {
			best = raw;
			k = i;
		}
	}
	out[k] += (double)(tu - got);
	for (size_t i = 0; i < n; i++)
		out[i] = q >= 1 ? out[i] * q : out[i] / nearbyint(1 / q);
	return (int)k;
}

int share_weights_check(const double *w, size_t n, const char *field, struct err *e)
{
	double sum = 0;
	char name[64];
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(w[i]) || w[i] < 0) {
			snprintf(name, sizeof(name), "%s[%zu].weight", field, i);
			return err_set(e, 422, "invalid_value", name, name, "a number 0 or more");
		}
		sum += w[i];
	}
	if (!(sum > 0))
		return err_set(e, 422, "invalid_value", field, field, "weights whose sum is above 0");
	return 0;
}

int ramp_plan_check(const double *steps, int n, bool above_100, struct err *e)
{
	char name[32];
	if (n < 1 || n > RAMP_STEPS_MAX)
		return err_set(e, 422, "invalid_value", "steps", "steps", "1 to 24 monthly steps");
	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "steps[%d]", i);
		if (!isfinite(steps[i]) || steps[i] <= 0 || steps[i] > 1000)
			return err_set(e, 422, "invalid_value", name, name,
				       "a percentage above 0");
		if (i && steps[i] <= steps[i - 1])
			return err_set(e, 422, "invalid_value", name, name,
				       "a step above the one before");
		if (steps[i] > 100 && !above_100)
			return err_set(e, 422, "invalid_value", name, name,
				       "100 % at most (the plan does not allow more)");
	}
	return 0;
}

int months_since(day_t hired_on, day_t day)
{
	if (hired_on == DAY_NONE || day == DAY_NONE || day < hired_on)
		return -1;
	int y1, m1, d1, y2, m2, d2;
	date_to_ymd(hired_on, &y1, &m1, &d1);
	date_to_ymd(day, &y2, &m2, &d2);
	return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1);
}

double ramp_factor(const struct ramp_plan *p, day_t hired_on, day_t day, int *step)
{
	int m = months_since(hired_on, day);
	if (step)
		*step = -1;
	if (!p || !p->nsteps)
		return 1;
	if (hired_on != DAY_NONE && day != DAY_NONE && day < hired_on)
		m = 0;  /* hired after the period starts: their first month */
	if (m < 0 || m >= p->nsteps)
		return 1;
	if (step)
		*step = m;
	return p->steps[m] / 100;
}

static double round2(double v)
{
	if (v == 0 || !isfinite(v))
		return v;
	double mag = pow(10, floor(log10(fabs(v))) - 1);
	return nearbyint(v / mag) * mag;
}

void suggest_target(const struct suggest_input *in, struct suggestion *out)
{
	double sum = 0;
	int n = 0;
	if (in->nown) {
		sum += in->own[0];
		n++;
	}
	if (in->has_peers) {
		sum += in->peers_median;
		n++;
	}
	if (in->has_team) {
		sum += in->team_share;
		n++;
	}
	out->has_value = n > 0;
	out->value = n ? round2(sum / n) : 0;
}

/* a number with up to `dec` decimals, trailing zeros dropped, in lang */
static void num(struct buf *out, double x, int dec, enum lang lang)
{
	buf_add_num(out, x, dec, 0, lang);
}

void share_figure(double x, const char *unit, enum lang lang, struct buf *out)
{
	bool money = unit && (!strcmp(unit, "€") || !strcmp(unit, "EUR"));
	if (money && fabs(x) >= 1e6) {
		num(out, x / 1e6, 2, lang);
		buf_addf(out, " M€");
	} else if (money && fabs(x) >= 1e4) {
		num(out, x / 1e3, 1, lang);
		buf_addf(out, " k€");
	} else {
		num(out, x, 2, lang);
		if (unit && *unit)
			buf_addf(out, "%s%s", strcmp(unit, "%") ? " " : " ", unit);
	}
}

static const char *const fr_count[] = { "", "", "deux", "trois" };
static const char *const en_count[] = { "", "", "two", "three" };

void suggest_reasoning(const struct suggest_input *in, const struct suggestion *s,
		       const char *period, enum lang lang, struct buf *out)
{
	bool fr = lang == LANG_FR;
	int parts = 0;
	size_t nown = in->nown > 3 ? 3 : in->nown;
	if (nown) {
		/* the period's words: month, quarter, year or period */
		bool fem = fr && (!strcmp(period, "year") || !strcmp(period, "period"));
		const char *one_fr = !strcmp(period, "month") ? "mois" : !strcmp(period, "quarter")
				     ? "trimestre" : !strcmp(period, "year") ? "année" : "période";
		const char *many_fr = !strcmp(period, "month") ? "mois" : !strcmp(period, "quarter")
				      ? "trimestres" : !strcmp(period, "year") ? "années" : "périodes";
		const char *one_en = !strcmp(period, "month") ? "month" : !strcmp(period, "quarter")
				     ? "quarter" : !strcmp(period, "year") ? "year" : "period";
		if (nown == 1)
			buf_addf(out, fr ? (fem ? "votre dernière %s : " : "votre dernier %s : ")
				    : "your last %s: ", fr ? one_fr : one_en);
		else if (fr)
			buf_addf(out, fem ? "vos %s dernières %s : " : "vos %s derniers %s : ",
				 fr_count[nown], many_fr);
		else
			buf_addf(out, "your last %s %ss: ", en_count[nown], one_en);
		/* oldest first, the unit once at the end */
		for (size_t i = nown; i-- > 0;) {
			struct buf f = BUF_INIT;
			share_figure(in->own[i], in->unit, lang, &f);
			const char *t = f.data ? f.data : "";
			if (i) {
				/* the figure without its unit */
				const char *sp = strrchr(t, ' ');
				buf_addf(out, "%.*s, ", sp ? (int)(sp - t) : (int)strlen(t), t);
			} else {
				buf_addf(out, "%s", t);
			}
			buf_free(&f);
		}
		parts++;
	}
	if (in->has_peers) {
		if (parts++)
			buf_addf(out, fr ? " ; " : "; ");
		static const char *const en_ord[] = { "first", "second", "third", "fourth", "fifth" };
		if (fr)
			buf_addf(out, in->peers_year == 1 ? "pairs en 1re année : médiane "
							  : "pairs en %de année : médiane ", in->peers_year);
		else if (in->peers_year >= 1 && in->peers_year <= 5)
			buf_addf(out, "peers in their %s year: median ", en_ord[in->peers_year - 1]);
		else
			buf_addf(out, "peers in year %d: median ", in->peers_year);
		share_figure(in->peers_median, in->unit, lang, out);
	}
	if (in->has_team) {
		if (parts++)
			buf_addf(out, fr ? " ; " : "; ");
		buf_addf(out, fr ? "part de l'équipe : " : "team share: ");
		share_figure(in->team_share, in->unit, lang, out);
		if (in->has_ramp)
			buf_addf(out, fr ? " (plan de montée en compétence, mois %d : %g %%)"
				    : " (ramp-up plan, month %d: %g %%)", in->ramp_month,
				 in->ramp * 100);
	}
	if (!s->has_value) {
		buf_addf(out, fr ? "ni historique, ni pairs, ni part d'équipe : aucune proposition"
			    : "no history, no peers, no team share: nothing to suggest");
		return;
	}
	buf_addf(out, fr ? " → proposé " : " → suggested ");
	share_figure(s->value, in->unit, lang, out);
}

/* The SMART analyzer (see smart.h). Each criterion is a small function that
 * adds reasons; the verdict of a criterion is its worst reason. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/share.h"
#include "core/smart.h"

const struct msg smart_messages[] = {
	{ "vague_verb", "l'énoncé emploie un verbe vague sans quantité (« améliorer », « optimiser »…)",
	  "the statement uses a vague verb with no amount ('improve', 'optimise'...)" },
	{ "short_statement", "l'énoncé est trop court pour dire quoi, qui et combien",
	  "the statement is too short to say what, who and how much" },
	{ "no_what", "l'objet de l'objectif (quoi) n'est pas précisé", "what the objective is about is not said" },
	{ "team_unnamed", "un objectif collectif doit nommer son équipe",
	  "a collective objective should name its team" },
	{ "no_indicator", "aucun indicateur ne mesure cet objectif", "no indicator measures this objective" },
	{ "no_target", "aucune cible chiffrée", "no numeric target" },
	{ "change_no_baseline", "une variation sans valeur de départ : la cible ne se chiffre pas",
	  "a change with no baseline: the target cannot be worked out" },
	{ "indicator_unknown", "« {0} » ne correspond à aucun indicateur connu",
	  "'{0}' matches no known indicator" },
	{ "no_baseline", "pas de valeur de départ : le progrès ne se lira pas",
	  "no baseline: progress cannot be read" },
	{ "no_unit", "l'unité de mesure manque", "the unit of measure is missing" },
	{ "beyond_history", "la progression demandée dépasse tout ce qui a été réalisé",
	  "the change asked for is beyond anything ever achieved" },
	{ "ambitious", "la progression demandée dépasse 90 % de ce qui a été réalisé",
	  "the change asked for is above 90 % of what was ever achieved" },
	{ "not_ambitious", "la progression demandée est bien en deçà du niveau habituel",
	  "the change asked for is far below the usual level" },
	{ "no_history", "pas d'historique pour juger de l'atteignabilité",
	  "no history to judge whether it is achievable" },
	{ "ramp_up", "recrutement récent : la cible dépasse la montée en compétence attendue",
	  "recent hire: the target is above the expected ramp-up" },
	{ "beyond_history_level", "la cible dépasse tout niveau atteint sur une période aussi longue",
	  "the target is above any level ever reached over a period as long" },
	{ "no_history_no_baseline", "ni valeur de départ ni historique : l'atteignabilité ne se juge pas",
	  "neither a baseline nor a history: whether it is achievable cannot be judged" },
	{ "attained", "la cible est déjà atteinte", "the target is already reached" },
	{ "not_aligned", "l'objectif n'est rattaché à aucun axe stratégique",
	  "the objective is not linked to any strategic axis" },
	{ "service_mismatch", "l'indicateur ne correspond pas au métier du service",
	  "the indicator does not fit the owner's service" },
	{ "duplicate", "un objectif voisin dit presque la même chose",
	  "a sibling objective says almost the same thing" },
	{ "no_due", "pas d'échéance", "no due date" },
	{ "due_past", "l'échéance est déjà passée", "the due date has passed" },
	{ "no_start", "pas de date de début", "no start date" },
	{ "objective_not_fitted_to_ramp_up",
	  "objectif non adapté au plan de montée en compétence de la recrue",
	  "objective not fitted to the new hire's ramp-up plan" },
	{ "children_gap",
	  "les objectifs en dessous totalisent {0} pour une cible de {1} : un écart de {2}",
	  "the objectives below add up to {0} against a target of {1}: a gap of {2}" },
	{ "children_gap_rate",
	  "les objectifs en dessous visent en moyenne {0} pour une cible de {1} : un écart de {2}",
	  "the objectives below aim at {0} on average against a target of {1}: a gap of {2}" },
	{ "new_hire_without_objective", "une nouvelle recrue n'a encore aucun objectif",
	  "a new hire has no objective yet" },
	{ "period_too_long", "période trop longue pour un indicateur suivi au jour le jour",
	  "period too long for an indicator followed day by day" },
	{ "period_too_short", "période trop courte pour cet indicateur",
	  "period too short for this indicator" },
	{ "no_checkpoints", "plus d'un trimestre sans étape intermédiaire",
	  "more than a quarter with no checkpoint" },
	{ NULL, NULL, NULL }
};

const struct msg smart_suggestions[] = {
	{ "vague_verb", "Remplacez le verbe par un résultat chiffré : « porter le taux de résolution au premier contact de 70 % à 78 % ».",
	  "Replace the verb with a measured result: 'raise first-contact resolution from 70 % to 78 %'." },
	{ "short_statement", "Écrivez une phrase complète : qui, quoi, combien, pour quand.",
	  "Write a whole sentence: who, what, how much, by when." },
	{ "no_what", "Précisez ce qui doit changer (le champ « quoi »).", "Say what must change (the 'what' field)." },
	{ "team_unnamed", "Nommez l'équipe dans l'énoncé ou le champ « qui ».",
	  "Name the team in the statement or the 'who' field." },
	{ "no_indicator", "Choisissez un indicateur : appels traités, taux de décroché, chiffre d'affaires…",
	  "Pick an indicator: calls handled, answer rate, revenue..." },
	{ "no_target", "Fixez une cible chiffrée.", "Set a numeric target." },
	{ "change_no_baseline", "Indiquez la valeur de départ, ou la cible à atteindre plutôt que la variation.",
	  "Give the baseline, or the level to reach rather than the change." },
	{ "indicator_unknown", "Choisissez l'indicateur que désignent ces mots, ou ajoutez-les comme synonyme dans l'administration.",
	  "Pick the indicator these words mean, or add them as a synonym in the administration page." },
	{ "no_baseline", "Indiquez la valeur de départ (la dernière période connue).",
	  "Give the baseline (the last known period)." },
	{ "no_unit", "Indiquez l'unité : %, €, appels, secondes…", "Give the unit: %, €, calls, seconds..." },
	{ "beyond_history", "Rapprochez la cible du meilleur résultat connu, ou renforcez les moyens.",
	  "Bring the target closer to the best known result, or strengthen the means." },
	{ "ambitious", "Vérifiez les moyens (temps, formation, soutien) avant de valider.",
	  "Check the means (time, training, support) before agreeing." },
	{ "not_ambitious", "Relevez la cible vers le niveau habituel de la personne.",
	  "Raise the target towards the person's usual level." },
	{ "no_history", "Importez l'activité passée pour comparer.", "Import past activity to compare." },
	{ "ramp_up", "Adaptez la cible à l'ancienneté et relevez-la à mesure de l'expérience.",
	  "Fit the target to seniority and raise it as experience grows." },
	{ "beyond_history_level", "Rapprochez la cible du meilleur niveau connu par période, ou renforcez les moyens.",
	  "Bring the target closer to the best level known per period, or strengthen the means." },
	{ "no_history_no_baseline", "Indiquez la valeur de départ ou importez l'activité passée.",
	  "Give the baseline or import past activity." },
	{ "attained", "Envisagez de relever la cible.", "Consider raising the target." },
	{ "not_aligned", "Rattachez l'objectif à un objectif parent ou à un axe stratégique.",
	  "Link the objective to a parent objective or a strategic axis." },
	{ "service_mismatch", "Choisissez un indicateur du métier : pour un centre d'appels, la résolution ou le décroché.",
	  "Pick an indicator of the trade: for a call centre, resolution or answer rate." },
	{ "duplicate", "Fusionnez les deux objectifs ou distinguez-les clairement.",
	  "Merge the two objectives or tell them clearly apart." },
	{ "no_due", "Fixez une échéance : un objectif sans date cède aux urgences.",
	  "Set a due date: an undated objective loses to daily urgencies." },
	{ "due_past", "Reportez l'échéance ou clôturez l'objectif.", "Move the due date or close the objective." },
	{ "no_start", "Indiquez le début de la période mesurée.", "Give the start of the measured period." },
	{ "objective_not_fitted_to_ramp_up",
	  "Ramenez la cible à la part que prévoit le plan pour ce mois d'ancienneté.",
	  "Bring the target down to the share the plan gives for this month of seniority." },
	{ "children_gap",
	  "Répartissez l'objectif entre les membres (« Répartir ») ou ajustez la cible.",
	  "Share the objective out among the members ('Share out') or adjust the target." },
	{ "children_gap_rate",
	  "Répartissez l'objectif entre les membres (« Répartir ») ou ajustez la cible.",
	  "Share the objective out among the members ('Share out') or adjust the target." },
	{ "new_hire_without_objective", "Fixez avec elle ses premiers objectifs, adaptés à son ancienneté.",
	  "Set their first objectives with them, fitted to their seniority." },
	{ "period_too_long", "Découpez en objectifs trimestriels.", "Split it into quarterly objectives." },
	{ "period_too_short", "Allongez la période (au moins un mois).", "Lengthen the period (a month at least)." },
	{ "no_checkpoints", "Ajoutez des étapes au plan d'action, au moins une par trimestre.",
	  "Add steps to the action plan, at least one a quarter." },
	{ NULL, NULL, NULL }
};

const char *smart_criterion_name(enum smart_criterion c)
{
	static const char *const n[] = { "specific", "measurable", "achievable", "relevant",
					 "time_bound" };
	return (int)c >= 0 && c < SMART__COUNT ? n[c] : "?";
}

const char *smart_verdict_name(enum smart_verdict v)
{
	return v == SV_PASS ? "pass" : v == SV_WARN ? "warn" : "fail";
}

const char *smart_message(const char *code, enum lang lang)
{
	return msg_text(smart_messages, code, lang);
}

const char *smart_suggestion(const char *code, enum lang lang)
{
	return msg_text(smart_suggestions, code, lang);
}

const char *smart_question_text(enum smart_question q, enum lang lang)
{
	static const struct { enum smart_question q; const char *fr, *en; } t[] = {
		{ Q_WHO, "Qui porte l'objectif ?", "Who owns the objective?" },
		{ Q_WHAT, "Que mesure-t-on ?", "What is measured?" },
		{ Q_HOW_MUCH, "Combien ?", "How much?" },
		{ Q_WHEN, "Pour quand ?", "By when?" },
		{ Q_WHY, "Pourquoi ?", "Why?" },
		{ Q_HOW, "Comment ?", "How?" },
		{ Q_WHERE, "Où ?", "Where?" },
		{ Q_WHICH, "Quel indicateur ?", "Which indicator?" } };
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].q == q)
			return lang == LANG_EN ? t[i].en : t[i].fr;
	return "?";
}

static void add(struct smart_result *r, enum smart_criterion c, enum smart_verdict v,
		const char *code)
{
	if (r->nreasons < SMART_MAX_REASONS)
		r->reasons[r->nreasons++] = (struct smart_reason){ c, v, code };
	if (v > r->verdict[c])
		r->verdict[c] = v;
}

/* ASCII-folded lower-case copy, enough to match French verbs with or
 * without accents. */
static void fold(const char *in, char *out, size_t n)
{
	size_t j = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && j + 1 < n; p++) {
		if (*p == 0xc3 && p[1]) {
			unsigned char c = p[1];
			char f = (c >= 0xa0 && c <= 0xa5) || (c >= 0x80 && c <= 0x85) ? 'a'
				: (c >= 0xa8 && c <= 0xab) || (c >= 0x88 && c <= 0x8b) ? 'e'
				: (c >= 0xac && c <= 0xaf) || (c >= 0x8c && c <= 0x8f) ? 'i'
				: (c >= 0xb2 && c <= 0xb6) || (c >= 0x92 && c <= 0x96) ? 'o'
				: (c >= 0xb9 && c <= 0xbc) || (c >= 0x99 && c <= 0x9c) ? 'u'
				: c == 0xa7 || c == 0x87 ? 'c' : '?';
			out[j++] = f;
			p++;
			continue;
		}
		out[j++] = (char)tolower(*p);
	}
	out[j] = '\0';
}

static bool has_digit(const char *s)
{
	for (; *s; s++)
		if (isdigit((unsigned char)*s))
			return true;
	return false;
}

static void check_specific(const struct objective *o, struct smart_result *r)
{
	static const char *const vague[] = { "ameliorer", "optimiser", "faire mieux", "dynamiser",
		"developper", "renforcer", "booster", "improve", "boost", "optimise", "optimize",
		"enhance", "do better", "strengthen" };
	char t[512];
	fold(o->title ? o->title : "", t, sizeof(t));
	bool numbers = has_digit(t);
	for (size_t i = 0; i < sizeof(vague) / sizeof(vague[0]); i++)
		if (strstr(t, vague[i]) && !numbers) {
			add(r, SMART_S, SV_FAIL, "vague_verb");
			break;
		}
	if (strlen(t) < 15)
		add(r, SMART_S, SV_WARN, "short_statement");
	if ((!o->what || !*o->what) && !numbers)
		add(r, SMART_S, SV_WARN, "no_what");
	if (o->level == LEVEL_COLLECTIVE && (!o->who || !*o->who) &&
	    !strstr(t, "equipe") && !strstr(t, "team") && !strstr(t, "plateau") &&
	    !strchr(o->title ? o->title : "", ':'))
		add(r, SMART_S, SV_WARN, "team_unnamed");
}

static void check_measurable(const struct objective *o, struct smart_result *r)
{
	if (!o->indicator || !*o->indicator)
		add(r, SMART_M, SV_FAIL, "no_indicator");
	if (!o->has_target && o->has_change)
		add(r, SMART_M, SV_WARN, "change_no_baseline");
	else if (!o->has_target)
		add(r, SMART_M, SV_FAIL, "no_target");
	else if (!o->has_baseline && o->direction != DIR_REACH)
		add(r, SMART_M, SV_WARN, "no_baseline");
	if (o->has_target && (!o->unit_label || !*o->unit_label))
		add(r, SMART_M, SV_WARN, "no_unit");
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The p-th percentile (0..100) of v (sorted copy in tmp, at most 256 values). */
static double percentile(const double *v, size_t n, double p, double *tmp)
{
	if (n > 256)
		n = 256;
	memcpy(tmp, v, n * sizeof(double));
	qsort(tmp, n, sizeof(double), cmp_double);
	double k = (double)(n - 1) * p / 100;
	size_t lo = (size_t)k;
	return lo + 1 < n ? tmp[lo] + (tmp[lo + 1] - tmp[lo]) * (k - (double)lo) : tmp[n - 1];
}

/* Ramp-up norm: the share of a full target expected by month of seniority
 * (month 1: 40 %, 2: 55 %, 3: 70 %, 4: 80 %, 5: 90 %, then 100 %). */
static double ramp_share(int months)
{
	static const double share[] = { 0.40, 0.55, 0.70, 0.80, 0.90 };
	return months < 1 ? share[0] : months <= 5 ? share[months - 1] : 1.0;
}

/* The organisation's ramp-up plan for the owner's job when there is one,
 * else the usual curve. */
static double ramp_of(const struct smart_context *c, int months)
{
	return c->ramp_plan > 0 ? c->ramp_plan : ramp_share(months);
}

/* Judges `want` (a gain, or a level, in the direction wanted) against
 * values v (the same kind, signed the same way): beyond the best fails,
 * beyond the 90th percentile warns, under half the owner's median is not
 * ambitious. */
static void judge(struct smart_result *r, double want, const double *all, size_t n,
		  const double *own, size_t nown, const char *beyond)
{
	double tmp[256];
	double best = all[0];
	for (size_t i = 1; i < n; i++)
		best = fmax(best, all[i]);
	double p90 = percentile(all, n, 90, tmp);
	if (want > best)
		add(r, SMART_A, SV_FAIL, beyond);
	else if (want > p90)
		add(r, SMART_A, SV_WARN, "ambitious");
	if (nown >= 2) {
		double median = percentile(own, nown, 50, tmp);
		if (median > 0 && want < median * 0.5)
			add(r, SMART_A, SV_WARN, "not_ambitious");
	}
}

/* Months of seniority at the objective's due date (1 = the first month), or
 * 0 when the owner is not a recent hire (hired 180 days or more before the
 * start). */
static int new_hire_months(const struct objective *o, const struct smart_context *c)
{
	if (c->hired_on == DAY_NONE || o->start == DAY_NONE || o->start - c->hired_on >= 180)
		return 0;
	int days = (o->due != DAY_NONE ? o->due : o->start) - c->hired_on;
	return days < 0 ? 1 : days / 30 + 1;
}

static void check_achievable(const struct objective *o, const struct smart_context *c,
			     struct smart_result *r)
{
	if (!o->has_target || (o->direction != DIR_INCREASE && o->direction != DIR_DECREASE))
		return;
	double sign = o->direction == DIR_INCREASE ? 1 : -1;
	/* already there: whatever history says, it is within reach */
	if (c->has_current && sign * (c->current - o->target) >= 0) {
		add(r, SMART_A, SV_PASS, "attained");
		return;
	}
	int months = new_hire_months(o, c);
	double all[512], own[256], tmp[256];
	size_t n = 0, k = 0;
	if (c->cumulative || !o->has_baseline) {
		/* the level asked for against the levels reached per period; a new
		 * hire's own past is the ramp-up, not a norm: peers count */
		double want = sign * o->target;
		if (!months)
			for (size_t i = 0; i < c->nown_levels && k < 256; i++)
				own[k++] = all[n++] = sign * c->own_levels[i];
		size_t peers = n;
		for (size_t i = 0; i < c->npeer_levels && n < 512; i++)
			all[n++] = sign * c->peer_levels[i];
		if (!c->cumulative) {
			/* a rate with no baseline: its latest level stands for it */
			double base;
			if (c->nown_levels)
				base = c->own_levels[0];
			else if (n)
				base = sign * percentile(all, n, 50, tmp);
			else {
				add(r, SMART_A, SV_WARN, "no_history_no_baseline");
				return;
			}
			double gain = sign * (o->target - base);
			n = k = 0;
			for (size_t i = 0; i < c->nown && n < 256; i++)
				own[k++] = all[n++] = sign * c->own_changes[i];
			for (size_t i = 0; i < c->npeer && n < 512; i++)
				all[n++] = sign * c->peer_changes[i];
			if (!n) {
				/* levels but no change: the level itself is the yardstick */
				if (gain > 0)
					add(r, SMART_A, SV_WARN, "ambitious");
				return;
			}
			judge(r, gain, all, n, own, k, "beyond_history");
			return;
		}
		if (!n) {
			add(r, SMART_A, SV_PASS, "no_history");
			return;
		}
		judge(r, want, all, n, own, k, "beyond_history_level");
		if (months && n > peers) {
			double median = percentile(all + peers, n - peers, 50, tmp);
			if (median > 0 && want > median * ramp_of(c, months) * 1.1)
				add(r, SMART_A, SV_WARN, "ramp_up");
		}
		return;
	}
	/* a rate or an average from a baseline: the change asked for */
	double want = sign * (o->target - o->baseline);
	for (size_t i = 0; i < c->nown && k < 256; i++)
		own[k++] = all[n++] = sign * c->own_changes[i];
	for (size_t i = 0; i < c->npeer && n < 512; i++)
		all[n++] = sign * c->peer_changes[i];
	if (!n) {
		add(r, SMART_A, SV_PASS, "no_history");
		return;
	}
	judge(r, want, all, n, own, k, "beyond_history");
	if (months && c->npeer) {
		/* a new hire is held to a share of what peers achieve */
		double peers[256];
		size_t np = 0;
		for (size_t i = 0; i < c->npeer && np < 256; i++)
			peers[np++] = sign * c->peer_changes[i];
		double median = percentile(peers, np, 50, tmp);
		if (median > 0 && want > median * ramp_of(c, months) * 1.1)
			add(r, SMART_A, SV_WARN, "ramp_up");
	}
}

static bool indicator_in(const char *ind, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(ind, list[i]))
			return true;
	return false;
}

static double jaccard(const char *a, const char *b)
{
	char fa[512], fb[512];
	fold(a, fa, sizeof(fa));
	fold(b, fb, sizeof(fb));
	/* words of 3 letters or more; small sets, compared pairwise */
	const char *wa[64], *wb[64];
	size_t na = 0, nb = 0;
	char *save;
	for (char *tok = strtok_r(fa, " ,.;:!?'()", &save); tok && na < 64;
	     tok = strtok_r(NULL, " ,.;:!?'()", &save))
		if (strlen(tok) >= 3)
			wa[na++] = tok;
	for (char *tok = strtok_r(fb, " ,.;:!?'()", &save); tok && nb < 64;
	     tok = strtok_r(NULL, " ,.;:!?'()", &save))
		if (strlen(tok) >= 3)
			wb[nb++] = tok;
	if (!na || !nb)
		return 0;
	size_t common = 0;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (!strcmp(wa[i], wb[j])) {
				common++;
				break;
			}
	return (double)common / (double)(na + nb - common);
}

static void check_relevant(const struct objective *o, const struct smart_context *c,
			   struct smart_result *r)
{
	/* the ready-made keys (core/indicator.c), and the names used before them */
	static const char *const sales_only[] = { "revenue", "contracts", "conversion", "deal_size",
						  "upsell_revenue", "qualified_leads", "won_revenue",
						  "contracts_signed", "conversion_rate", "avg_deal_size" };
	static const char *const calls_only[] = { "aht", "asa", "answer_rate", "service_level",
						  "service_level_20s", "calls_handled", "fcr" };
	if (!c->aligned)
		add(r, SMART_R, SV_FAIL, "not_aligned");
	if (o->indicator && *o->indicator) {
		if (c->service == SERVICE_CALL_CENTRE && indicator_in(o->indicator, sales_only, 10))
			add(r, SMART_R, SV_WARN, "service_mismatch");
		if (c->service == SERVICE_SALES && indicator_in(o->indicator, calls_only, 7))
			add(r, SMART_R, SV_WARN, "service_mismatch");
	}
	for (size_t i = 0; i < c->nsiblings; i++) {
		/* the same template for another owner is a share-out, not a duplicate */
		if (c->sibling_person && c->sibling_unit &&
		    (c->sibling_person[i] != o->owner_person_id ||
		     c->sibling_unit[i] != o->owner_unit_id))
			continue;
		if (c->siblings[i] && o->title && jaccard(o->title, c->siblings[i]) >= 0.8) {
			add(r, SMART_R, SV_WARN, "duplicate");
			break;
		}
	}
}

/* A parent whose children on its indicator do not add up to its target
 * (their sum, or their mean for a rate), beyond 0.5 %. */
static void check_children(const struct objective *o, const struct smart_context *c,
			   struct smart_result *r)
{
	if (!c->has_children || !o->has_target)
		return;
	double gap = c->children_expected - c->children_total;
	if (fabs(gap) <= 0.005 * fabs(c->children_expected) + 1e-9)
		return;
	add(r, SMART_R, SV_WARN, c->children_rate ? "children_gap_rate" : "children_gap");
	r->gap_total = c->children_total;
	r->gap_expected = c->children_expected;
	r->gap_unit = o->unit_label;
}

static void check_time_bound(const struct objective *o, const struct smart_context *c,
			     struct smart_result *r)
{
	static const char *const daily[] = { "calls_handled", "asa", "answer_rate", "service_level",
					     "aht", "service_level_20s" };
	static const char *const slow[] = { "revenue", "contracts", "deal_size", "retention", "nps",
					    "contracts_signed", "avg_deal_size" };
	if (o->due == DAY_NONE) {
		add(r, SMART_T, SV_FAIL, "no_due");
		return;
	}
	if (o->due < c->today && (o->status == ST_DRAFT || o->status == ST_PROPOSED ||
				  o->status == ST_AGREED))
		add(r, SMART_T, SV_FAIL, "due_past");
	if (o->start == DAY_NONE) {
		add(r, SMART_T, SV_WARN, "no_start");
		return;
	}
	int days = o->due - o->start + 1;
	if (o->indicator && indicator_in(o->indicator, daily, 6) && days > 400)
		add(r, SMART_T, SV_WARN, "period_too_long");
	if (o->indicator && indicator_in(o->indicator, slow, 7) && days < 7)
		add(r, SMART_T, SV_WARN, "period_too_short");
	if (days > 92 && (!o->plan_json || !strcmp(o->plan_json, "[]")))
		add(r, SMART_T, SV_WARN, "no_checkpoints");
}

static int score_of(const struct smart_result *r)
{
	int score = 0;
	for (int c = 0; c < SMART__COUNT; c++)
		score += r->verdict[c] == SV_PASS ? 20 : r->verdict[c] == SV_WARN ? 10 : 0;
	return score;
}

void smart_ask_indicator(struct smart_result *r, const char *words)
{
	if (!words || !*words)
		return;
	r->indicator_words = words;
	add(r, SMART_M, SV_WARN, "indicator_unknown");
	r->questions = (r->questions & ~(unsigned)Q_WHAT) | Q_WHICH;
	r->score = score_of(r);
}

/* t with {0} replaced by words */
static void fill_words(const char *t, const char *words, struct buf *out)
{
	for (const char *p = t; *p; p++) {
		if (p[0] == '{' && p[1] == '0' && p[2] == '}') {
			buf_addf(out, "%s", words ? words : "");
			p += 2;
		} else {
			buf_addf(out, "%c", *p);
		}
	}
}

void smart_question_render(const struct smart_result *r, enum smart_question q, enum lang lang,
			   struct buf *out)
{
	if (q == Q_WHICH)
		fill_words(lang == LANG_EN ? "Which indicator does '{0}' mean?"
					   : "Quel indicateur désigne « {0} » ?", r->indicator_words, out);
	else
		buf_addf(out, "%s", smart_question_text(q, lang));
}

void smart_check(const struct objective *o, const struct smart_context *ctx,
		 struct smart_result *out)
{
	memset(out, 0, sizeof(*out));
	check_specific(o, out);
	check_measurable(o, out);
	check_achievable(o, ctx, out);
	check_relevant(o, ctx, out);
	check_children(o, ctx, out);
	check_time_bound(o, ctx, out);
	out->score = score_of(out);
	if (!o->owner_person_id && !o->owner_unit_id)
		out->questions |= Q_WHO;
	if (!o->indicator || !*o->indicator)
		out->questions |= Q_WHAT;
	if (!o->has_target && !o->has_change)
		out->questions |= Q_HOW_MUCH;
	if (o->due == DAY_NONE)
		out->questions |= Q_WHEN;
	if ((!o->why || !*o->why) && !ctx->aligned)
		out->questions |= Q_WHY;
	if ((!o->how || !*o->how) && (!o->plan_json || !strcmp(o->plan_json, "[]")))
		out->questions |= Q_HOW;
}

void smart_reason_message(const struct smart_result *r, const struct smart_reason *x,
			  enum lang lang, struct buf *out)
{
	const char *t = smart_message(x->code, lang);
	if (!strcmp(x->code, "indicator_unknown")) {
		fill_words(t, r->indicator_words, out);
		return;
	}
	if (strcmp(x->code, "children_gap") && strcmp(x->code, "children_gap_rate")) {
		buf_addf(out, "%s", t);
		return;
	}
	struct buf f[3] = { BUF_INIT, BUF_INIT, BUF_INIT };
	share_figure(r->gap_total, r->gap_unit, lang, &f[0]);
	share_figure(r->gap_expected, r->gap_unit, lang, &f[1]);
	share_figure(fabs(r->gap_expected - r->gap_total), r->gap_unit, lang, &f[2]);
	for (const char *p = t; *p; p++) {
		if (p[0] == '{' && p[1] >= '0' && p[1] <= '2' && p[2] == '}') {
			buf_addf(out, "%s", f[p[1] - '0'].data);
			p += 2;
		} else {
			buf_addf(out, "%c", *p);
		}
	}
	for (int i = 0; i < 3; i++)
		buf_free(&f[i]);
}

bool smart_new_hire_without_objective(day_t hired_on, day_t today, int objectives)
{
	return hired_on != DAY_NONE && hired_on <= today && today - hired_on <= 90 && objectives == 0;
}

void smart_render_text(const struct smart_result *r, enum lang lang, struct buf *out)
{
	static const char *const fr[] = { "Spécifique", "Mesurable", "Atteignable", "Pertinent",
					  "Temporel" };
	static const char *const en[] = { "Specific", "Measurable", "Achievable", "Relevant",
					  "Time-bound" };
	static const char *const vfr[] = { "oui", "à revoir", "non" };
	static const char *const ven[] = { "pass", "warn", "fail" };
	buf_addf(out, "SMART: %d/100\n", r->score);
	for (int c = 0; c < SMART__COUNT; c++) {
		/* pad by characters, not bytes: "Spécifique" has an é */
		const char *name = lang == LANG_EN ? en[c] : fr[c];
		int width = 0;
		for (const char *p = name; *p; p++)
			width += ((unsigned char)*p & 0xc0) != 0x80;
		buf_addf(out, "  %s%*s %s\n", name, 12 - width, "",
			 lang == LANG_EN ? ven[r->verdict[c]] : vfr[r->verdict[c]]);
		for (int i = 0; i < r->nreasons; i++)
			if ((int)r->reasons[i].criterion == c && r->reasons[i].verdict != SV_PASS) {
				buf_addf(out, "    - ");
				smart_reason_message(r, &r->reasons[i], lang, out);
				buf_addf(out, "\n");
				buf_addf(out, "      > %s\n", smart_suggestion(r->reasons[i].code, lang));
			}
	}
	for (unsigned q = 1; q <= Q_LAST; q <<= 1)
		if (r->questions & q) {
			buf_addf(out, "  ? ");
			smart_question_render(r, (enum smart_question)q, lang, out);
			buf_addf(out, "\n");
		}
}

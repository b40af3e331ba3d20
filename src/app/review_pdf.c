/* The review's PDF (review_pdf.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "app/pdf.h"
#include "app/review_pdf.h"

#define T(fr, en) (lang == LANG_FR ? (fr) : (en))

static double jnum(json_t *o, const char *k, bool *has)
{
	json_t *v = json_object_get(o, k);
	*has = json_is_number(v);
	return *has ? json_number_value(v) : 0;
}

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

/* a number with the objective's unit: "34 500 €", "81 %" */
static void with_unit(double v, const char *unit, const char *locale, char *out, size_t n)
{
	char s[48];
	pdf_num(v, fabs(v - round(v)) < 0.005 ? 0 : 2, locale, s);
	snprintf(out, n, "%s%s%s", s, unit && *unit ? " " : "", unit ? unit : "");
}

static void time_day(int64_t t, const char *locale, char out[16])
{
	pdf_date((day_t)(t / 86400), locale, out);
}

static void section(struct pdf *p, const char *title, const char *text, enum lang lang)
{
	pdf_heading(p, title, 12);
	pdf_text(p, text && *text ? text : T("(rien d'écrit)", "(nothing written)"), 10, false);
}

int app_review_pdf(struct app *a, id_t64 id, enum lang lang, struct buf *out, struct err *e)
{
	struct review r;
	struct org org;
	if (app_review_get(a, id, &r, e))
		return -1;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e)) {
		json_decref(r.objectives);
		return -1;
	}
	const struct review_row *rv = &r.row;
	const char *loc = org.locale;
	char title[512], d1[16], d2[16], line[1024];
	bool year = !strcmp(rv->period, "year");
	char y[11];
	date_format_iso(rv->start, y);
	y[4] = '\0';
	int q = 0;
	{
		char iso[11];
		date_format_iso(rv->start, iso);
		q = (atoi(iso + 5) + 2) / 3;
	}
	if (year)
		snprintf(title, sizeof(title), "%s %s — %s", T("Bilan annuel", "Yearly review"), y,
			 rv->subject_name ? rv->subject_name : "");
	else
		snprintf(title, sizeof(title), "%s %s%d %s — %s",
			 T("Bilan trimestriel", "Quarterly review"), T("T", "Q"), q, y,
			 rv->subject_name ? rv->subject_name : "");
	struct pdf *p = pdf_new(title, e);
	if (!p) {
		json_decref(r.objectives);
		return -1;
	}
	pdf_text(p, org.name, 10, false);
	pdf_heading(p, title, 18);
	pdf_date(rv->start, loc, d1);
	pdf_date(rv->end, loc, d2);
	snprintf(line, sizeof(line), "%s %s %s %s · %s %d", T("Période du", "Period from"), d1,
		 T("au", "to"), d2, T("version", "version"), rv->version);
	pdf_text(p, line, 10, false);
	snprintf(line, sizeof(line), "%s : %s · %s : %s",
		 !strcmp(rv->subject, "unit") ? T("Responsable de l'équipe", "Team lead")
					      : T("Collaborateur", "Person"),
		 rv->reviewee_name ? rv->reviewee_name : "", T("Manager", "Manager"),
		 rv->manager_name ? rv->manager_name : "");
	pdf_text(p, line, 10, false);
	if (rv->reopen_reason) {
		snprintf(line, sizeof(line), "%s : %s", T("Rouvert", "Reopened"), rv->reopen_reason);
		pdf_text(p, line, 10, false);
	}
	pdf_rule(p);

	pdf_heading(p, T("Objectifs de la période", "Objectives of the period"), 13);
	size_t n = json_array_size(r.objectives);
	if (!n)
		pdf_text(p, T("Aucun objectif à échéance dans la période.",
			      "No objective due in the period."), 10, false);
	static const float widths[] = { 215, 80, 80, 0 };
	if (n) {
		const char *head[] = { T("Objectif", "Objective"), T("Cible", "Target"),
				       T("Mesuré", "Measured"), T("Résultat", "Outcome") };
		pdf_row(p, head, widths, 4, true);
	}
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(r.objectives, i);
		bool ht, hv, ha;
		double target = jnum(o, "target", &ht), value = jnum(o, "value", &hv),
		       att = jnum(o, "attainment", &ha);
		char ts[64] = "—", vs[64] = "—", os[128], pct[48];
		if (ht)
			with_unit(target, jstr(o, "unit"), loc, ts, sizeof(ts));
		if (hv)
			with_unit(value, jstr(o, "unit"), loc, vs, sizeof(vs));
		const char *outcome = jstr(o, "outcome");
		if (ha) {
			pdf_num(att * 100, 0, loc, pct);
			snprintf(os, sizeof(os), "%s (%s %%)", review_outcome_word(outcome, lang), pct);
		} else {
			snprintf(os, sizeof(os), "%s", review_outcome_word(outcome, lang));
		}
		const char *cells[] = { jstr(o, "title"), ts, vs, os };
		pdf_row(p, cells, widths, 4, false);
		if (ha) {
			snprintf(line, sizeof(line), "%s %% %s", pct, T("de la cible", "of the target"));
			pdf_bar(p, att, 215, line);
		}
	}
	pdf_rule(p);
	section(p, T("Ce qui a marché", "What worked"), rv->worked, lang);
	section(p, T("Ce qui n'a pas marché, et pourquoi", "What did not work, and why"),
		rv->not_worked, lang);
	section(p, T("Idées pour la suite", "Ideas for next time"), rv->ideas, lang);
	bool self_shown = r.both_submitted || r.me == SIDE_REVIEWEE;
	bool mgr_shown = r.both_submitted || r.me == SIDE_MANAGER;
	const char *hidden = T("(montrée quand les deux appréciations sont remises)",
			       "(shown once both assessments are submitted)");
	section(p, T("Auto-évaluation", "Self-assessment"), self_shown ? rv->self_text : hidden,
		lang);
	section(p, T("Appréciation du manager", "Manager's assessment"),
		mgr_shown ? rv->manager_text : hidden, lang);
	pdf_rule(p);
	pdf_heading(p, T("Signatures", "Signatures"), 12);
	if (rv->reviewee_signed_at) {
		time_day(rv->reviewee_signed_at, loc, d1);
		snprintf(line, sizeof(line), "%s %s %s %s", T("Signé par", "Signed by"),
			 rv->reviewee_signed_name ? rv->reviewee_signed_name : "", T("le", "on"), d1);
	} else {
		snprintf(line, sizeof(line), "%s : %s", rv->reviewee_name ? rv->reviewee_name : "",
			 T("pas encore signé", "not signed yet"));
	}
	pdf_text(p, line, 10, false);
	if (rv->manager_signed_at) {
		time_day(rv->manager_signed_at, loc, d1);
		snprintf(line, sizeof(line), "%s %s %s %s", T("Signé par", "Signed by"),
			 rv->manager_signed_name ? rv->manager_signed_name : "", T("le", "on"), d1);
	} else {
		snprintf(line, sizeof(line), "%s : %s", rv->manager_name ? rv->manager_name : "",
			 T("pas encore signé", "not signed yet"));
	}
	pdf_text(p, line, 10, false);
	pdf_date(a->clock.today, loc, d1);
	pdf_gap(p, 12);
	snprintf(line, sizeof(line), "%s %s", T("Édité le", "Printed on"), d1);
	pdf_text(p, line, 8, false);
	json_decref(r.objectives);
	int rc = pdf_save(p, out, e);
	pdf_free(p);
	return rc;
}

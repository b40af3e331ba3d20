/* Challenge pages: the list, a live board (bars, the reader's own row
 * highlighted, movement since yesterday, the rule in words, the team board),
 * the frozen results with every run, and the trophy case and wins shown on
 * a person's page and on the team dashboard. Sentences in the catalog below
 * (fr/en). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "app/badge.h"
#include "app/challenge.h"
#include "web/web.h"

const struct msg challenge_page_catalog[] = {
	{ "ch.title", "Défis", "Challenges" },
	{ "ch.none", "Aucun défi pour l'instant.", "No challenge yet." },
	{ "ch.period", "Du {0} au {1}", "From {0} to {1}" },
	{ "ch.open", "En cours", "Running" },
	{ "ch.closed", "Clos", "Closed" },
	{ "ch.rule.raw", "valeur brute", "raw value" },
	{ "ch.rule.attainment", "atteinte de son objectif", "attainment of own target" },
	{ "ch.rule.improvement", "progrès sur sa référence", "improvement over own baseline" },
	{ "ch.mode.individual", "individuel", "individual" },
	{ "ch.mode.team", "par équipes", "teams" },
	{ "ch.as_of", "Chiffres au {0}, mis à jour à chaque import.",
	  "Figures as of {0}, updated with every import." },
	{ "ch.frozen", "Résultat figé le {0} (calcul n° {1}) : les imports suivants ne le changent pas.",
	  "Result frozen on {0} (run {1}): later imports do not change it." },
	{ "ch.rank", "Rang", "Rank" },
	{ "ch.name", "Participant", "Participant" },
	{ "ch.team", "Équipe", "Team" },
	{ "ch.score", "Score", "Score" },
	{ "ch.move", "Depuis hier", "Since yesterday" },
	{ "ch.reward", "Récompense", "Reward" },
	{ "ch.up", "gagne {0}", "up {0}" },
	{ "ch.down", "perd {0}", "down {0}" },
	{ "ch.same", "inchangé", "unchanged" },
	{ "ch.new", "nouveau", "new" },
	{ "ch.you", "(vous)", "(you)" },
	{ "ch.yours", "Votre équipe", "Your team" },
	{ "ch.your_rank", "Vous êtes {0}e sur {1}.", "You are number {0} of {1}." },
	{ "ch.not_ranked", "pas encore classé", "not ranked yet" },
	{ "ch.around", "Autour de vous", "Around you" },
	{ "ch.teams", "Classement des équipes", "Team board" },
	{ "ch.members", "Les membres", "The members" },
	{ "ch.points", "{0} pts", "{0} pts" },
	{ "ch.results", "Résultats", "Results" },
	{ "ch.export_csv", "Exporter (CSV)", "Export (CSV)" },
	{ "ch.export_xlsx", "Exporter (Excel)", "Export (Excel)" },
	{ "ch.run", "Calcul n° {0}, au {1}", "Run {0}, as of {1}" },
	{ "ch.no_result", "Le défi court encore : pas de résultat figé.",
	  "The challenge is still running: no frozen result." },
	{ "ch.winners", "Vainqueurs", "Winners" },
	{ "ch.board", "Classement", "Board" },
	{ "ch.bar", "score {0}", "score {0}" },
	{ "badge.title", "Trophées", "Trophies" },
	{ "badge.none", "Pas encore de trophée.", "No trophy yet." },
	{ "badge.team", "Trophées et victoires de l'équipe", "The team's trophies and wins" },
	{ "badge.on", "le {0}", "on {0}" },
	{ NULL, NULL, NULL }
};

static const char *L(struct req *r, const char *key)
{
	const char *t = msg_text(challenge_page_catalog, key, r->lang);
	return t ? t : key;
}

static void say(struct req *r, const char *key, const char *a0, const char *a1)
{
	struct buf b = BUF_INIT;
	msg_render(&b, L(r, key), a0, a1);
	html(r, b.data);
	buf_free(&b);
}

static void day_text(struct req *r, day_t d, char out[11])
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	if (r->lang == LANG_FR)
		snprintf(out, 11, "%02d/%02d/%04d", dd, m, y);
	else
		date_format_iso(d, out);
}

static void score_text(struct req *r, double v, char *out, size_t n)
{
	snprintf(out, n, r->lang == LANG_FR ? "%.2f" : "%.2f", v);
	if (r->lang == LANG_FR)
		for (char *p = out; *p; p++)
			if (*p == '.')
				*p = ',';
}

int page_challenges(struct req *r)
{
	struct app a;
	req_app(r, &a);
	a.lang = r->lang;
	struct challenge *v;
	size_t n;
	if (app_challenge_list(&a, &v, &n, &r->err))
		return -1;
	page_open(r, L(r, "ch.title"));
	buf_adds(&r->out, "<h1>");
	html(r, L(r, "ch.title"));
	buf_adds(&r->out, "</h1>");
	if (!n) {
		buf_adds(&r->out, "<p>");
		html(r, L(r, "ch.none"));
		buf_adds(&r->out, "</p>");
		return page_close(r);
	}
	buf_adds(&r->out, "<ul class=\"challenges\">");
	for (size_t i = 0; i < n; i++) {
		char s0[11], s1[11], key[40];
		day_text(r, v[i].start, s0);
		day_text(r, v[i].end, s1);
		buf_addf(&r->out, "<li><a href=\"/challenges/%lld\">", (long long)v[i].id);
		html(r, v[i].name);
		buf_adds(&r->out, "</a> <span class=\"muted\">");
		say(r, "ch.period", s0, s1);
		buf_adds(&r->out, " · ");
		snprintf(key, sizeof(key), "ch.rule.%s", rank_rule_name(v[i].rule));
		html(r, L(r, key));
		buf_adds(&r->out, " · ");
		snprintf(key, sizeof(key), "ch.mode.%s", ch_mode_name(v[i].mode));
		html(r, L(r, key));
		buf_adds(&r->out, " · ");
		html(r, L(r, v[i].closed ? "ch.closed" : "ch.open"));
		buf_adds(&r->out, "</span></li>");
	}
	buf_adds(&r->out, "</ul>");
	return page_close(r);
}

static double max_score(const struct board_row *v, size_t from, size_t to)
{
	double m = 0;
	for (size_t i = from; i < to; i++)
		if (v[i].scored && v[i].score > m)
			m = v[i].score;
	return m > 0 ? m : 1;
}

static void row(struct req *r, const struct board *b, const struct board_row *x, double max,
		bool mine)
{
	char sc[32], num[24];
	buf_addf(&r->out, "<tr%s data-id=\"%lld\">", mine ? " class=\"mine\" aria-current=\"true\"" : "",
		 (long long)x->id);
	buf_adds(&r->out, "<td class=\"num rank\">");
	if (x->rank)
		buf_addf(&r->out, "%d", x->rank);
	else
		html(r, L(r, "ch.not_ranked"));
	buf_adds(&r->out, "</td><th scope=\"row\">");
	html(r, x->name);
	if (mine) {
		buf_adds(&r->out, " <strong>");
		html(r, L(r, "ch.you"));
		buf_adds(&r->out, "</strong>");
	}
	buf_adds(&r->out, "</th><td>");
	if (x->scored) {
		score_text(r, x->score, sc, sizeof(sc));
		int w = (int)fmin(100, fmax(0, 100 * x->score / max) + 0.5);
		struct buf label = BUF_INIT;
		msg_render(&label, L(r, "ch.bar"), sc, NULL);
		buf_adds(&r->out, "<span class=\"bar\"><svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\""
			 " role=\"img\" class=\"bar-svg\" aria-label=\"");
		html(r, label.data);
		buf_addf(&r->out, "\"><rect class=\"bar-bg\" width=\"100\" height=\"10\"/>"
			 "<rect class=\"bar-fill%s\" width=\"%d\" height=\"10\"/></svg>"
			 "<span class=\"bar-text score\">", x->score >= 1 - 1e-9 ? " ps-on_track" : "", w);
		html(r, sc);
		buf_adds(&r->out, "</span></span>");
		buf_free(&label);
	} else
		buf_adds(&r->out, "<span class=\"muted\">—</span>");
	buf_adds(&r->out, "</td><td class=\"move\">");
	if (!x->rank || !x->prev_rank)
		html(r, L(r, x->rank && !b->frozen ? "ch.new" : "ch.same"));
	else if (x->prev_rank > x->rank) {
		snprintf(num, sizeof(num), "%d", x->prev_rank - x->rank);
		buf_adds(&r->out, "<span class=\"up\" aria-hidden=\"true\">▲</span> ");
		say(r, "ch.up", num, NULL);
	} else if (x->prev_rank < x->rank) {
		snprintf(num, sizeof(num), "%d", x->rank - x->prev_rank);
		buf_adds(&r->out, "<span class=\"down\" aria-hidden=\"true\">▼</span> ");
		say(r, "ch.down", num, NULL);
	} else
		html(r, L(r, "ch.same"));
	buf_adds(&r->out, "</td><td>");
	if (x->points > 0) {
		snprintf(num, sizeof(num), "%g", x->points);
		say(r, "ch.points", num, NULL);
	}
	if (x->prize) {
		buf_adds(&r->out, x->points > 0 ? " · " : "");
		html(r, x->prize);
	}
	buf_adds(&r->out, "</td></tr>");
}

/* the table scrolls sideways at phone width: a focusable region, named */
static void table_open(struct req *r, bool team, const char *label)
{
	buf_adds(&r->out, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"");
	html(r, label);
	buf_adds(&r->out, "\"><table class=\"board\"><thead><tr><th scope=\"col\">");
	html(r, L(r, "ch.rank"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, L(r, team ? "ch.team" : "ch.name"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, L(r, "ch.score"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, L(r, "ch.move"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, L(r, "ch.reward"));
	buf_adds(&r->out, "</th></tr></thead><tbody>");
}

static void board_html(struct req *r, const struct board *b, size_t top, bool head_words)
{
	bool team = b->c.mode == CH_TEAM;
	if (head_words) {
		struct buf words = BUF_INIT, ties = BUF_INIT;
		bool lower = false;
		for (size_t j = 0; j < b->c.nind; j++)
			lower |= b->c.ind[j].lower_better;
		challenge_rule_words(&words, b->c.rule, b->c.mode, b->c.team_score, lower,
				     b->c.nind > 1, r->lang);
		challenge_tie_words(&ties, r->lang);
		buf_adds(&r->out, "<p class=\"rule\">");
		html(r, words.data);
		buf_adds(&r->out, " ");
		html(r, ties.data);
		buf_adds(&r->out, "</p>");
		buf_free(&words);
		buf_free(&ties);
	}
	for (int l = 0; l < b->nleagues; l++) {
		size_t from = 0;
		while (from < b->n && b->rows[from].league < l)
			from++;
		size_t to = from, mine = (size_t)-1;
		while (to < b->n && b->rows[to].league == l) {
			if (b->me && b->rows[to].id == b->me)
				mine = to;
			to++;
		}
		double max = max_score(b->rows, from, to);
		buf_adds(&r->out, "<section class=\"league\"><h2>");
		html(r, b->nleagues > 1 ? b->league_names[l] : L(r, "ch.board"));
		buf_adds(&r->out, "</h2>");
		if (mine != (size_t)-1 && b->rows[mine].rank) {
			char a0[16], a1[16];
			snprintf(a0, sizeof(a0), "%d", b->rows[mine].rank);
			snprintf(a1, sizeof(a1), "%zu", to - from);
			buf_adds(&r->out, "<p class=\"my-rank\">");
			say(r, "ch.your_rank", a0, a1);
			buf_adds(&r->out, "</p>");
		}
		const char *lname = b->nleagues > 1 ? b->league_names[l] : L(r, "ch.board");
		table_open(r, team, lname);
		size_t shown = from + top < to ? from + top : to;
		for (size_t i = from; i < shown; i++)
			row(r, b, &b->rows[i], max, i == mine);
		buf_adds(&r->out, "</tbody></table></div>");
		if (mine != (size_t)-1 && mine >= shown) {
			size_t f, t;
			rank_window(to - from, mine - from, 5, &f, &t);
			buf_adds(&r->out, "<h3>");
			html(r, L(r, "ch.around"));
			buf_adds(&r->out, "</h3>");
			table_open(r, team, L(r, "ch.around"));
			for (size_t i = from + f; i < from + t; i++)
				row(r, b, &b->rows[i], max, i == mine);
			buf_adds(&r->out, "</tbody></table></div>");
		}
		buf_adds(&r->out, "</section>");
	}
	if (b->nteams && !team) {
		buf_adds(&r->out, "<section><h2>");
		html(r, L(r, "ch.teams"));
		buf_adds(&r->out, "</h2>");
		table_open(r, true, L(r, "ch.teams"));
		double max = max_score(b->teams, 0, b->nteams);
		for (size_t i = 0; i < b->nteams && i < top; i++)
			row(r, b, &b->teams[i], max, false);
		buf_adds(&r->out, "</tbody></table></div></section>");
	}
}

int page_challenge(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct board b;
	if (app_challenge_board(&a, param_id(r, 0), &b, &r->err))
		return -1;
	page_open(r, b.c.name);
	buf_adds(&r->out, "<h1>");
	html(r, b.c.name);
	buf_adds(&r->out, "</h1><p class=\"muted\">");
	char s0[11], s1[11], run[12];
	day_text(r, b.c.start, s0);
	day_text(r, b.c.end, s1);
	say(r, "ch.period", s0, s1);
	buf_adds(&r->out, " · ");
	for (size_t j = 0; j < b.c.nind; j++) {
		if (j)
			buf_adds(&r->out, ", ");
		html(r, b.c.ind[j].name ? b.c.ind[j].name : b.c.ind[j].key);
	}
	buf_adds(&r->out, "</p><p class=\"as-of\">");
	day_text(r, b.as_of, s0);
	snprintf(run, sizeof(run), "%d", b.run);
	if (b.frozen)
		say(r, "ch.frozen", s0, run);
	else
		say(r, "ch.as_of", s0, NULL);
	buf_adds(&r->out, "</p>");
	board_html(r, &b, 10, true);
	buf_addf(&r->out, "<p class=\"links\"><a href=\"/challenges/%lld/results\">", (long long)b.c.id);
	html(r, L(r, "ch.results"));
	buf_addf(&r->out, "</a> · <a href=\"/api/challenges/%lld/export?format=csv\">", (long long)b.c.id);
	html(r, L(r, "ch.export_csv"));
	buf_addf(&r->out, "</a> · <a href=\"/api/challenges/%lld/export?format=xlsx\">", (long long)b.c.id);
	html(r, L(r, "ch.export_xlsx"));
	buf_adds(&r->out, "</a></p>");
	return page_close(r);
}

int page_challenge_results(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct board *v;
	size_t n;
	if (app_challenge_results(&a, param_id(r, 0), &v, &n, &r->err))
		return -1;
	struct challenge c;
	if (app_challenge_get(&a, param_id(r, 0), &c, &r->err))
		return -1;
	page_open(r, c.name);
	buf_adds(&r->out, "<h1>");
	html(r, L(r, "ch.results"));
	buf_adds(&r->out, " — ");
	html(r, c.name);
	buf_adds(&r->out, "</h1>");
	if (!n) {
		buf_adds(&r->out, "<p>");
		html(r, L(r, "ch.no_result"));
		buf_adds(&r->out, "</p>");
	}
	for (size_t i = 0; i < n; i++) {
		char d[11], run[12];
		day_text(r, v[i].as_of, d);
		snprintf(run, sizeof(run), "%d", v[i].run);
		buf_addf(&r->out, "<section class=\"run\" data-run=\"%d\"><h2>", v[i].run);
		say(r, "ch.run", run, d);
		buf_adds(&r->out, "</h2>");
		/* headings one level down inside a run */
		board_html(r, &v[i], 10, i == 0);
		buf_adds(&r->out, "</section>");
	}
	buf_addf(&r->out, "<p><a href=\"/challenges/%lld\">", (long long)c.id);
	html(r, L(r, "ch.board"));
	buf_adds(&r->out, "</a></p>");
	return page_close(r);
}

static void badge_list(struct req *r, const struct badge_row *v, size_t n, bool who)
{
	if (!n) {
		buf_adds(&r->out, "<p>");
		html(r, L(r, "badge.none"));
		buf_adds(&r->out, "</p>");
		return;
	}
	buf_adds(&r->out, "<ul class=\"badges\">");
	for (size_t i = 0; i < n; i++) {
		char d[11];
		day_text(r, v[i].awarded_on, d);
		buf_addf(&r->out, "<li class=\"badge badge-%s\"><strong>", v[i].kind);
		html(r, badge_name(v[i].kind, r->lang));
		buf_adds(&r->out, "</strong> — ");
		if (who) {
			struct person p;
			struct unit u;
			struct err e;
			if (v[i].person_id &&
			    !store_person_get(r->store, r->me.org_id, v[i].person_id, &r->arena, &p, &e)) {
				html(r, p.name);
				buf_adds(&r->out, " : ");
			} else if (v[i].unit_id &&
				   !store_unit_get(r->store, r->me.org_id, v[i].unit_id, &r->arena, &u, &e)) {
				html(r, u.name);
				buf_adds(&r->out, " : ");
			}
		}
		struct buf why = BUF_INIT;
		badge_reason(&v[i], r->lang, &why);
		html(r, why.data);
		buf_free(&why);
		buf_adds(&r->out, " <span class=\"muted\">");
		say(r, "badge.on", d, NULL);
		buf_adds(&r->out, "</span></li>");
	}
	buf_adds(&r->out, "</ul>");
}

void trophy_case(struct req *r, id_t64 person)
{
	struct app a;
	req_app(r, &a);
	struct badge_row *v;
	size_t n;
	struct err e;
	if (app_badges_person(&a, person, &v, &n, &e))
		return;  /* the page stands without it */
	buf_adds(&r->out, "<section class=\"trophies\"><h2>");
	html(r, L(r, "badge.title"));
	buf_adds(&r->out, "</h2>");
	badge_list(r, v, n, false);
	buf_adds(&r->out, "</section>");
}

void team_trophies(struct req *r, id_t64 unit)
{
	struct app a;
	req_app(r, &a);
	struct badge_row *v;
	size_t n;
	struct err e;
	if (app_badges_unit(&a, unit, &v, &n, &e))
		return;
	buf_adds(&r->out, "<section class=\"trophies\"><h2>");
	html(r, L(r, "badge.team"));
	buf_adds(&r->out, "</h2>");
	/* the latest first on the dashboard */
	struct badge_row *w = arena_alloc(&r->arena, (n + 1) * sizeof(*w));
	for (size_t i = 0; i < n; i++)
		w[i] = v[n - 1 - i];
	badge_list(r, w, n < 20 ? n : 20, true);
	buf_adds(&r->out, "</section>");
}

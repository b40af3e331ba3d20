/* The demo organisation (see demo.h). A splitmix64 generator drives every
 * choice, so output depends on the seed and sizes only. Emails are made
 * unique with an open-addressing set over the arena. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/buf.h"
#include "core/demo.h"
#include "core/figure.h"

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rng_int(struct rng *r, int n)  /* 0 .. n-1 */
{
	return n > 0 ? (int)(rng_next(r) % (uint64_t)n) : 0;
}

static const char *const women[] = {
	"Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Emma", "Julie", "Laura", "Pauline",
	"Marine", "Claire", "Sophie", "Nathalie", "Isabelle", "Sandrine", "Céline", "Aurélie",
	"Émilie", "Élodie", "Hélène", "Valérie", "Christine", "Margaux", "Lucie", "Anaïs",
	"Océane", "Mélanie", "Audrey", "Caroline", "Agathe", "Zoé" };
static const char *const men[] = {
	"Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Alexandre", "Kévin", "Romain",
	"Guillaume", "Mathieu", "Sébastien", "Pierre", "François", "Laurent", "Olivier", "Éric",
	"Stéphane", "Jérôme", "Yannick", "Karim", "Mehdi", "Hugo", "Louis", "Lucas", "Théo",
	"Baptiste", "Quentin", "Benoît", "Cédric", "Loïc", "Gaël", "Yann" };
static const char *const surnames[] = {
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
	"Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
	"Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont",
	"Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau",
	"Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
	"Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
	"Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
	"Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand",
	"Dufour", "Blanchard", "Le Gall", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt",
	"Leroux", "Colin", "Fernandez", "Benali", "Haddad", "Le Bihan", "Kerbrat" };
static const char *const places[] = {
	"Nantes", "Rennes", "Angers", "Brest", "Le Mans", "Tours", "Vannes", "Lorient", "Quimper",
	"Saint-Nazaire", "La Rochelle", "Niort", "Poitiers", "Laval", "Cholet", "Saint-Brieuc" };

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- unique emails ---- */

struct email_set {
	const char **slot;
	size_t cap;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* 1 when s was new (and is now in the set) */
static int email_add(struct email_set *set, const char *s)
{
	size_t i = hash_str(s) & (set->cap - 1);
	while (set->slot[i]) {
		if (!strcmp(set->slot[i], s))
			return 0;
		i = (i + 1) & (set->cap - 1);
	}
	set->slot[i] = s;
	return 1;
}

/* "Élodie Le Gall" -> "elodie.le-gall": ASCII, lower case */
static void email_local(struct buf *out, const char *first, const char *last)
{
	static const struct { const char *from; char to; } fold[] = {
		{ "é", 'e' }, { "è", 'e' }, { "ê", 'e' }, { "ë", 'e' }, { "É", 'e' }, { "à", 'a' },
		{ "â", 'a' }, { "ï", 'i' }, { "î", 'i' }, { "ô", 'o' }, { "ç", 'c' }, { "ù", 'u' },
		{ "û", 'u' } };
	const char *parts[2] = { first, last };
	for (int k = 0; k < 2; k++) {
		if (k)
			buf_addc(out, '.');
		for (const char *p = parts[k]; *p;) {
			int done = 0;
			for (int i = 0; i < N(fold) && !done; i++) {
				size_t n = strlen(fold[i].from);
				if (!strncmp(p, fold[i].from, n)) {
					buf_addc(out, fold[i].to);
					p += n;
					done = 1;
				}
			}
			if (done)
				continue;
			char c = *p++;
			if (c == ' ' || c == '\'')
				buf_addc(out, '-');
			else if (c >= 'A' && c <= 'Z')
				buf_addc(out, (char)(c - 'A' + 'a'));
			else if ((c >= 'a' && c <= 'z') || c == '-')
				buf_addc(out, c);
		}
	}
}

/* ---- generation state ---- */

struct gen {
	const struct demo_options *opt;
	const struct demo_sink *sink;
	struct arena *a;
	struct demo_result *res;
	struct rng rng;
	struct email_set emails;
	id_t64 org;
	day_t q_start, q_end, y_start, y_end;
	int quarter, year;
	int serial;  /* objectives emitted, to vary statuses */
	day_t last_hired_on;  /* of the last person emitted */
	struct objective last; /* the last objective emitted */
};

static const char *fr_num(struct gen *g, double v)
{
	struct buf b = BUF_INIT;
	buf_add_num(&b, v, 1, 0, LANG_FR);  /* "1 200", "3,5": as French writes them */
	const char *r = arena_strdup(g->a, b.len ? b.data : "");
	buf_free(&b);
	return r;
}

static int emit_person(struct gen *g, id_t64 unit, id_t64 manager, enum role role,
		       const char *job_f, const char *job_m, int new_hire, id_t64 *id,
		       const char **email_out)
{
	int woman = rng_int(&g->rng, 2);
	const char *first = woman ? women[rng_int(&g->rng, N(women))] : men[rng_int(&g->rng, N(men))];
	const char *last = surnames[rng_int(&g->rng, N(surnames))];
	struct buf b = BUF_INIT;
	email_local(&b, first, last);
	size_t base = b.len;
	const char *email = NULL;
	for (int n = 1; !email; n++) {
		b.len = base;
		if (n > 1)
			buf_addf(&b, "%d", n);
		else
			b.data[b.len] = '\0';
		buf_addf(&b, "@%s", g->opt->domain);
		char *cand = arena_strdup(g->a, b.data);
		if (email_add(&g->emails, cand))
			email = cand;
	}
	buf_free(&b);
	struct person p;
	memset(&p, 0, sizeof(p));
	p.org_id = g->org;
	p.unit_id = unit;
	p.manager_id = manager;
	p.name = arena_printf(g->a, "%s %s", first, last);
	p.email = email;
	p.job = woman ? job_f : job_m;
	p.role = role;
	p.active = true;
	if (new_hire)
		p.hired_on = g->opt->today - 5 - rng_int(&g->rng, 80);
	else
		p.hired_on = g->opt->today - 200 - rng_int(&g->rng, 365 * 12);
	g->res->people++;
	g->last_hired_on = p.hired_on;
	if (email_out)
		*email_out = email;
	return g->sink->person(g->sink->ctx, &p, id);
}

static void login(struct gen *g, const char *email, const char *what)
{
	if (g->res->nlogins >= 8)
		return;
	struct demo_login *l = &g->res->logins[g->res->nlogins++];
	l->email = email;
	l->what = what;
}

static int emit_unit(struct gen *g, id_t64 parent, const char *name, enum unit_kind kind,
		     enum service_type sv, id_t64 *id)
{
	struct unit u = { 0, g->org, parent, 0, name, kind, sv };
	g->res->units++;
	return g->sink->unit(g->sink->ctx, &u, id);
}

static const char *plan_json(struct gen *g, const char *const *steps, int n, day_t from,
			     day_t to)
{
	struct buf b = BUF_INIT;
	buf_addc(&b, '[');
	for (int i = 0; i < n; i++) {
		char d[11];
		date_format_iso(from + (to - from) * (i + 1) / (n + 1), d);
		buf_addf(&b, "%s{\"title\":\"", i ? "," : "");
		for (const char *p = steps[i]; *p; p++) {
			if (*p == '"' || *p == '\\')
				buf_addc(&b, '\\');
			buf_addc(&b, *p);
		}
		buf_addf(&b, "\",\"due\":\"%s\",\"done\":%s}", d,
			 from + (to - from) * (i + 1) / (n + 1) < g->opt->today ? "true" : "false");
	}
	buf_addc(&b, ']');
	const char *r = arena_strdup(g->a, b.data);
	buf_free(&b);
	return r;
}

struct obj_spec {
	enum level level;
	id_t64 parent, axis, owner_person, owner_unit;
	const char *title, *indicator, *unit, *what, *who, *where, *why, *how;
	enum direction dir;
	double baseline, target;
	int yearly;
	double budget, hours;
	const char *support;
	const char *const *steps;
	int nsteps;
	const char *skills;
};

static int emit_objective(struct gen *g, const struct obj_spec *s, id_t64 *id)
{
	struct objective o;
	objective_init(&o);
	o.org_id = g->org;
	o.level = s->level;
	o.parent_id = s->parent;
	o.axis_id = s->axis;
	o.owner_person_id = s->owner_person;
	o.owner_unit_id = s->owner_unit;
	o.title = s->title;
	o.what = s->what;
	o.who = s->who;
	o.where_ = s->where;
	o.why = s->why;
	o.how = s->how;
	o.indicator = s->indicator;
	o.unit_label = s->unit;
	o.direction = s->dir;
	if (s->indicator) {
		o.has_baseline = o.has_target = true;
		o.baseline = s->baseline;
		o.target = s->target;
	}
	o.start = s->yearly ? g->y_start : g->q_start;
	o.due = s->yearly ? g->y_end : g->q_end;
	o.weight = s->level == LEVEL_INDIVIDUAL ? 1 + rng_int(&g->rng, 3) : 1;
	o.means_budget = s->budget > 0 ? s->budget : -1;
	o.means_time_hours = s->hours > 0 ? s->hours : -1;
	o.means_support = s->support;
	o.plan_json = s->nsteps ? plan_json(g, s->steps, s->nsteps, o.start, o.due) : "[]";
	o.skills_json = s->skills ? s->skills : "[]";
	int k = g->serial++;
	o.status = !s->indicator ? ST_DRAFT : k % 11 == 5 ? ST_PROPOSED : k % 17 == 9 ? ST_DRAFT
									      : ST_AGREED;
	o.confidence = o.status == ST_AGREED ? 0.5 + 0.1 * rng_int(&g->rng, 5) : -1;
	o.created_at = o.updated_at = (int64_t)o.start * 86400 + 9 * 3600;
	g->res->objectives++;
	int rc = g->sink->objective(g->sink->ctx, &o, id);
	g->last = o;
	g->last.id = id ? *id : 0;
	return rc;
}

static int update_objective(struct gen *g, const struct objective *o)
{
	return g->sink->objective_update && o->id
		? g->sink->objective_update(g->sink->ctx, o) : 0;
}

/* "5,4 M€" */
static const char *meur(struct gen *g, double v)
{
	char s[32];
	snprintf(s, sizeof(s), "%.1f", v / 1e6);
	size_t l = strlen(s);
	if (l > 2 && !strcmp(s + l - 2, ".0"))
		s[l - 2] = 0;
	for (char *p = s; *p; p++)
		if (*p == '.')
			*p = ',';
	return arena_printf(g->a, "%s M€", s);
}

void demo_options_default(struct demo_options *o, day_t today)
{
	o->seed = 42;
	o->people = 48;
	o->team_size = 11;
	o->today = today;
	o->domain = "verdier-energie.fr";
	o->calls_per_day = 16;
}

/* A year of a person's work up to today, from their own random stream (so
 * that activity never changes the organisation the seed draws). Agents take
 * calls; reps make sales and work deals. Each has a level of skill that
 * shows in every figure, and a new hire's volume ramps up. */
static int person_activity(struct gen *g, id_t64 pid, int agent, day_t hired_on)
{
	if (!g->sink->activity || g->opt->calls_per_day <= 0)
		return 0;
	struct rng r;
	r.s = g->opt->seed * 7919 + (uint64_t)pid * 104729;
	double skill = 0.5 + rng_int(&r, 1000) / 1000.0;  /* 0.5 .. 1.5 */
	day_t from = g->y_start > hired_on ? g->y_start : hired_on;
	static const char *const call_names[] = { "answered", "resolved", "speed", "talk", "csat", "topic" };
	static const char *const sale_names[] = { "amount", "product", "upsell" };
	static const char *const deal_names[] = { "stage", "value" };
	static const char *const topics[] = { "Facturation", "Contrat", "Dépannage", "Déménagement",
					      "Paiement" };
	static const char *const products[] = { "Électricité Verte", "Gaz Confort", "Duo Énergie",
						"Entretien chaudière" };
	long serial = 0;
	for (day_t d = from; d <= g->opt->today; d++) {
		if (date_weekday(d) > 5)
			continue;
		int seniority = d - hired_on;
		double ramp = seniority < 30 ? 0.4 : seniority < 90 ? 0.7 : 1.0;
		int volume = agent ? g->opt->calls_per_day : 1 + g->opt->calls_per_day / 4;
		int n = (int)(volume * ramp * (0.8 + rng_int(&r, 40) / 100.0) + 0.5);
		int last = d == g->opt->today ? 11 * 3600 : 18 * 3600;  /* today: the morning */
		for (int i = 0; i < n; i++) {
			struct demo_record rec;
			struct ival v[6];
			memset(v, 0, sizeof(v));
			rec.person = pid;
			rec.at = (int64_t)d * 86400 + 8 * 3600 + rng_int(&r, (int)(last - 8 * 3600));
			if (agent) {
				int answered = rng_int(&r, 1000) < 880 + (int)(70 * skill);
				int fast = rng_int(&r, 1000) < 900 + (int)(60 * skill);
				int csat = 2 + rng_int(&r, 2) + (rng_int(&r, 100) < 55 * skill) +
					   (rng_int(&r, 100) < 40 * skill);
				v[0] = (struct ival){ IV_BOOL, answered, NULL };
				v[1] = answered ? (struct ival){ IV_BOOL, rng_int(&r, 100) < 56 + (int)(16 * skill), NULL }
						: (struct ival){ IV_NULL, 0, NULL };
				v[2] = answered ? (struct ival){ IV_NUM, fast ? 1 + rng_int(&r, 15)
								   : 15 + rng_int(&r, (int)(60 / skill)), NULL }
						: (struct ival){ IV_NULL, 0, NULL };
				v[3] = answered ? (struct ival){ IV_NUM, 250 + rng_int(&r, (int)(160 / skill)), NULL }
						: (struct ival){ IV_NULL, 0, NULL };
				v[4] = answered && rng_int(&r, 3) == 0
					? (struct ival){ IV_NUM, csat > 5 ? 5 : csat, NULL }
					: (struct ival){ IV_NULL, 0, NULL };
				v[5] = (struct ival){ IV_STR, 0, topics[rng_int(&r, 5)] };
				rec.kind = "call";
				rec.names = call_names;
				rec.n = 6;
			} else if (i % 2 == 0) {
				v[0] = (struct ival){ IV_NUM, (double)(100 + 5 * rng_int(&r, (int)(180 * skill))), NULL };
				v[1] = (struct ival){ IV_STR, 0, products[rng_int(&r, 4)] };
				v[2] = (struct ival){ IV_BOOL, rng_int(&r, 5) == 0, NULL };
				rec.kind = "sale";
				rec.names = sale_names;
				rec.n = 3;
			} else {
				int won = rng_int(&r, 100) < (int)(22 * skill);
				v[0] = (struct ival){ IV_STR, 0, won ? "Won" : "Lost" };
				v[1] = (struct ival){ IV_NUM, won ? (double)(800 + 50 * rng_int(&r, 60)) : 0, NULL };
				rec.kind = "deal";
				rec.names = deal_names;
				rec.n = 2;
			}
			rec.vals = v;
			snprintf(rec.source_id, sizeof(rec.source_id), "demo-%lld-%ld", (long long)pid, serial++);
			if (g->sink->activity(g->sink->ctx, &rec))
				return -1;
		}
	}
	return 0;
}

static const char *const sales_steps[] = { "Revue du portefeuille clients",
					   "Atelier découverte des besoins",
					   "Point pipeline avec le manager" };
static const char *const call_steps[] = { "Formation à l'écoute active",
					  "Double écoute avec le superviseur",
					  "Revue des motifs de rappel" };

/* Check-ins on an individual objective: most owners wrote one in the last
 * fortnight, and half of those got their manager's answer. A stream of its
 * own per objective, so the rest of the demo stays as it was. */
static int checkins(struct gen *g, id_t64 objective, id_t64 owner, id_t64 manager, int sales)
{
	static const char *const said_calls[] = {
		"Bonne semaine : moins de rappels grâce à la base de connaissances.",
		"Deux jours de formation : je rattrape la semaine prochaine.",
		"Beaucoup d'appels sur les factures ; je revois les scripts avec mon superviseur.",
		"La double écoute m'aide, je résous davantage au premier appel.",
	};
	static const char *const said_sales[] = {
		"Trois rendez-vous signés cette semaine, le pipeline est bien rempli.",
		"Deux gros devis en attente de réponse ; je relance jeudi.",
		"Mois difficile : plusieurs clients repoussent leur décision.",
		"La nouvelle offre plaît, je la propose à tous mes comptes.",
	};
	static const char *const answers[] = {
		"Merci, c'est noté ; on en reparle en point d'équipe.",
		"Bien vu. Je te libère un créneau pour les relances.",
		"D'accord ; prends appui sur les bonnes pratiques partagées lundi.",
	};
	if (!g->sink->checkin || !manager || manager == owner)
		return 0;
	struct rng r;
	r.s = g->opt->seed * 15485863 + (uint64_t)objective * 32452843;
	if (rng_int(&r, 3) == 0)
		return 0;
	day_t day = g->opt->today - 5 - rng_int(&r, 10);
	if (day < g->q_start)
		return 0;
	struct checkin c;
	memset(&c, 0, sizeof(c));
	c.org_id = g->org;
	c.objective_id = objective;
	c.author_id = owner;
	int mood = rng_int(&r, 10);
	c.confidence = mood < 6 ? CONF_ON_TRACK : mood < 9 ? CONF_AT_RISK : CONF_OFF_TRACK;
	c.comment = sales ? said_sales[rng_int(&r, 4)] : said_calls[rng_int(&r, 4)];
	c.created_at = (int64_t)day * 86400 + 16 * 3600;
	if (g->sink->checkin(g->sink->ctx, &c))
		return -1;
	if (rng_int(&r, 2))
		return 0;
	c.author_id = manager;
	c.confidence = CONF_NONE;
	c.comment = answers[rng_int(&r, 3)];
	c.created_at += 86400 + 3600 * rng_int(&r, 3);
	return g->sink->checkin(g->sink->ctx, &c);
}

/* A sales rep's or an agent's individual objective under their team's; *out
 * its id (0 for the vague one). */
/* What person_activity makes rep pid sell, on average, over the working days
 * of [from, to] at full volume: the same skill from the same stream, the same
 * number of sales a day (every other record of the day) and their mean amount.
 * The demo's revenue targets are drawn around it, so that they fit the
 * activity the demo measures (and add up to what a team sells). */
static double expected_revenue(const struct gen *g, id_t64 pid, day_t from, day_t to)
{
	struct rng r;
	r.s = g->opt->seed * 7919 + (uint64_t)pid * 104729;
	double skill = 0.5 + rng_int(&r, 1000) / 1000.0;
	int range = (int)(180 * skill);
	double amount = 100 + 5 * (range - 1) / 2.0;
	int volume = 1 + g->opt->calls_per_day / 4;
	double sales = 0;
	for (int u = 0; u < 40; u++)
		sales += ((int)(volume * (0.8 + u / 100.0) + 0.5) + 1) / 2;
	sales /= 40;
	int days = 0;
	for (day_t d = from; d <= to; d++)
		days += date_weekday(d) <= 5;
	return days * sales * amount;
}

/* A rep's revenue objective for the quarter: a baseline near what they sell
 * (the last quarter's pace), a target from 94 % to 109 % of it, scaled for a
 * new hire; d1 and d2 are two draws from 0 to 29 and 0 to 7. */
static void revenue_spec(struct gen *g, struct obj_spec *s, id_t64 person, int new_hire,
			 double ramp, int d1, int d2, const char *q)
{
	double e = g->opt->calls_per_day > 0 ? expected_revenue(g, person, g->q_start, g->q_end)
					     : 40000 + 1000 * d1;
	double base = (double)llround(e * (0.96 + 0.002 * d1) / 100) * 100;
	double tgt = (double)llround(e * (0.94 + 0.02 * d2) * ramp / 100) * 100;
	if (tgt < 1000)
		tgt = 1000;
	s->indicator = "revenue";
	s->unit = "€";
	s->dir = DIR_INCREASE;
	s->baseline = new_hire ? 0 : base;
	s->target = tgt;
	if (!new_hire && tgt <= s->baseline)
		s->baseline = tgt > 2000 ? (double)llround(tgt * 0.95 / 100) * 100 : 0;
	s->title = arena_printf(g->a, "Réaliser %s € de chiffre d'affaires %s", fr_num(g, tgt), q);
	s->what = "Chiffre d'affaires signé sur mon portefeuille";
	s->how = "Relance des clients dormants et ventes additionnelles";
}

static int individual(struct gen *g, int sales, id_t64 team_obj, id_t64 person,
		      int new_hire, int k, id_t64 *out)
{
	*out = 0;
	struct obj_spec s;
	memset(&s, 0, sizeof(s));
	s.level = LEVEL_INDIVIDUAL;
	s.parent = team_obj;
	s.owner_person = person;
	s.yearly = 0;
	/* the ramp-up: a new hire's targets fit their experience */
	double ramp = new_hire ? 0.6 : 1.0;
	const char *q = arena_printf(g->a, "au T%d %d", g->quarter, g->year);
	if (k % 23 == 7) {
		s.title = "Améliorer la qualité de service";  /* vague: SMART will say so */
		s.why = "Les clients se plaignent";
		return emit_objective(g, &s, NULL);
	}
	if (sales) {
		switch (k % 3) {
		case 0: {
			int d1 = rng_int(&g->rng, 30);
			revenue_spec(g, &s, person, new_hire, ramp, d1, rng_int(&g->rng, 8), q);
			break;
		}
		case 1: {
			double base = 18 + rng_int(&g->rng, 10), tgt = base + 3 + rng_int(&g->rng, 4);
			if (new_hire)
				tgt = base = 0, tgt = 12;
			s.indicator = "contracts";
			s.unit = "contrats";
			s.dir = DIR_INCREASE;
			s.baseline = base;
			s.target = tgt;
			s.title = arena_printf(g->a, "Signer %s contrats %s", fr_num(g, tgt), q);
			s.what = "Nouveaux contrats d'énergie signés";
			s.how = "Deux demi-journées de prospection par semaine";
			break;
		}
		default: {
			double base = 22 + rng_int(&g->rng, 8), tgt = base + 3;
			s.indicator = "conversion";
			s.unit = "%";
			s.dir = DIR_INCREASE;
			s.baseline = base;
			s.target = tgt;
			s.title = arena_printf(g->a, "Porter mon taux de transformation de %s %% à %s %% %s",
					       fr_num(g, base), fr_num(g, tgt), q);
			s.what = "Part des rendez-vous qui aboutissent à une signature";
			s.how = "Préparation systématique des rendez-vous";
			break;
		}
		}
		s.steps = sales_steps;
		s.nsteps = 3;
		s.skills = "[\"Négociation\",\"Connaissance des offres\"]";
		s.why = "Contribuer à la croissance du chiffre d'affaires de l'équipe";
		if (k % 3) {
			/* every rep carries a share of the team's revenue: the contracts
			 * or conversion objective above comes with one (emitted last, so
			 * that it is the one checked in on and summed by the team), drawn
			 * from the rep's own stream so the organisation's draws stay */
			s.where = "Site de Nantes";
			if (emit_objective(g, &s, NULL))
				return -1;
			struct rng r, keep = g->rng;
			int serial = g->serial;
			r.s = g->opt->seed * 104723 + (uint64_t)person * 7907;
			int d1 = rng_int(&r, 30);
			revenue_spec(g, &s, person, new_hire, ramp, d1, rng_int(&r, 8), q);
			g->rng = r;
			int rc = emit_objective(g, &s, out);
			g->rng = keep;
			g->serial = serial;
			return rc;
		}
	} else {
		switch (k % 4) {
		case 0: {
			double tgt = (double)(int)((900 + 10 * rng_int(&g->rng, 30)) * ramp);
			s.indicator = "calls_handled";
			s.unit = "appels";
			s.dir = DIR_REACH;
			s.baseline = new_hire ? 0 : tgt - 60;
			s.target = tgt;
			s.title = arena_printf(g->a, "Traiter %s appels %s", fr_num(g, tgt), q);
			s.what = "Appels entrants traités";
			break;
		}
		case 1: {
			double base = 68 + rng_int(&g->rng, 6), tgt = base + 5;
			s.indicator = "fcr";
			s.unit = "%";
			s.dir = DIR_INCREASE;
			s.baseline = base;
			s.target = tgt;
			s.title = arena_printf(g->a, "Porter la résolution au premier contact de %s %% à %s %% %s",
					       fr_num(g, base), fr_num(g, tgt), q);
			s.what = "Demandes résolues dès le premier appel";
			break;
		}
		case 2: {
			double base = 320 + 5 * rng_int(&g->rng, 8), tgt = base - 30;
			s.indicator = "aht";
			s.unit = "s";
			s.dir = DIR_DECREASE;
			s.baseline = base;
			s.target = tgt;
			s.title = arena_printf(g->a, "Réduire la durée moyenne de traitement de %s s à %s s %s",
					       fr_num(g, base), fr_num(g, tgt), q);
			s.what = "Durée moyenne de traitement des appels";
			break;
		}
		default: {
			double base = 3.3 + 0.1 * rng_int(&g->rng, 4), tgt = base + 0.3;
			s.indicator = "csat";
			s.unit = "points";
			s.dir = DIR_INCREASE;
			s.baseline = base;
			s.target = tgt;
			s.title = arena_printf(g->a, "Porter ma satisfaction client de %s à %s sur 5 %s",
					       fr_num(g, base), fr_num(g, tgt), q);
			s.what = "Note moyenne des enquêtes après appel";
			break;
		}
		}
		s.how = "Appliquer les scripts de résolution et la base de connaissances";
		s.why = "Tenir l'objectif de l'équipe et la promesse faite aux clients";
		s.steps = call_steps;
		s.nsteps = 3;
		s.skills = "[\"Écoute active\",\"Outils CRM\"]";
	}
	s.where = "Site de Nantes";
	return emit_objective(g, &s, out);
}

/* The demo's fixed top: the units and leaders the teams hang under, and the
 * objectives their targets roll up into. */
struct top {
	id_t64 company, sales_dir, crc, ceo, dc, rcrc;
	id_t64 axes[4], strat[4];
	id_t64 op_sales, op_calls, op_fcr;
	struct objective strat_revenue, obj_sales, obj_calls, obj_fcr;
	const char *yr;
};

/* What the teams add up to, for the roll-up; and the state that runs across
 * teams (one new hire left without objectives, the members' serial). */
struct sums {
	double sales_quarters, calls_sum, fcr_sum;
	int calls_n, fcr_n;
	int new_hire_skipped, k;
};

static void gen_init(struct gen *g, const struct demo_options *opt, const struct demo_sink *sink,
		     struct arena *a, struct demo_result *res, int people)
{
	memset(g, 0, sizeof(*g));
	memset(res, 0, sizeof(*res));
	g->opt = opt;
	g->sink = sink;
	g->a = a;
	g->res = res;
	g->rng.s = opt->seed;
	g->emails.cap = 64;
	while (g->emails.cap < (size_t)people * 2)
		g->emails.cap *= 2;
	g->emails.slot = arena_alloc(a, g->emails.cap * sizeof(*g->emails.slot));
	g->q_start = date_quarter_start(opt->today);
	g->q_end = date_quarter_end(opt->today);
	g->y_start = date_year_start(opt->today);
	g->y_end = date_add_months(g->y_start, 12) - 1;
	int y, m, d;
	date_to_ymd(opt->today, &y, &m, &d);
	g->year = y;
	g->quarter = (m - 1) / 3 + 1;
}

/* A unit under parent and its lead (a manager reporting to boss). */
static int led_unit(struct gen *g, id_t64 parent, const char *name, enum unit_kind kind,
		    enum service_type sv, id_t64 boss, const char *job_f, const char *job_m,
		    id_t64 *unit, id_t64 *lead, const char **email)
{
	return emit_unit(g, parent, name, kind, sv, unit) ||
	       emit_person(g, *unit, boss, ROLE_MANAGER, job_f, job_m, 0, lead, email) ||
	       g->sink->unit_lead(g->sink->ctx, *unit, *lead) ? -1 : 0;
}

/* The organisation, the company and its two sides with their leaders. */
static int leadership(struct gen *g, struct top *tp)
{
	const struct demo_sink *sink = g->sink;
	struct org org = { 0, "Maison Verdier Énergie", "fr", "EUR",
		"Devenir d'ici 2028 la référence du service client et de la vente d'énergie "
		"dans le Grand Ouest", 0x1f, "Europe/Paris", false };
	if (sink->org(sink->ctx, &org, &g->org))
		return -1;
	id_t64 hr;
	const char *email;
	if (emit_unit(g, 0, "Maison Verdier Énergie", UNIT_COMPANY, SERVICE_NONE, &tp->company) ||
	    emit_person(g, tp->company, 0, ROLE_ADMIN, "Directrice générale", "Directeur général", 0,
			&tp->ceo, &email) ||
	    sink->unit_lead(sink->ctx, tp->company, tp->ceo))
		return -1;
	login(g, email, "admin — direction générale");
	if (emit_person(g, tp->company, tp->ceo, ROLE_HR, "Responsable RH", "Responsable RH", 0,
			&hr, &email))
		return -1;
	login(g, email, "hr — ressources humaines");
	if (led_unit(g, tp->company, "Direction commerciale", UNIT_DIRECTION, SERVICE_SALES,
		     tp->ceo, "Directrice commerciale", "Directeur commercial", &tp->sales_dir,
		     &tp->dc, &email))
		return -1;
	login(g, email, "manager — direction commerciale");
	if (led_unit(g, tp->company, "Centre de relation client", UNIT_SERVICE,
		     SERVICE_CALL_CENTRE, tp->ceo, "Responsable du centre de relation client",
		     "Responsable du centre de relation client", &tp->crc, &tp->rcrc, &email))
		return -1;
	login(g, email, "manager — centre de relation client");

	return 0;
}

/* The axes and the strategic objectives under the ambition. */
static int strategy(struct gen *g, struct top *tp)
{
	const struct demo_sink *sink = g->sink;
	struct arena *a = g->a;
	/* axes and the top of the cascade */
	static const char *const axis_titles[] = { "Satisfaction client",
		"Croissance du chiffre d'affaires", "Efficacité opérationnelle",
		"Engagement des équipes" };
	static const char *const axis_desc[] = {
		"Chaque client obtient une réponse rapide et juste, dès le premier contact.",
		"Gagner des clients et développer le portefeuille dans le Grand Ouest.",
		"Traiter mieux et plus vite, sans dégrader la qualité.",
		"Des objectifs clairs, suivis et reconnus pour chacun." };
	for (int i = 0; i < 4; i++) {
		struct axis x = { 0, g->org, axis_titles[i], axis_desc[i], i + 1 };
		if (sink->axis(sink->ctx, &x, &tp->axes[i]))
			return -1;
	}
	struct obj_spec st[4];
	memset(st, 0, sizeof(st));
	st[0] = (struct obj_spec){ LEVEL_STRATEGIC, 0, tp->axes[0], 0, tp->company,
		arena_printf(a, "Porter la satisfaction client de 3,4 à 4,2 sur 5 d'ici fin %s", tp->yr),
		"csat", "points", "Satisfaction mesurée après chaque contact", "Toute l'entreprise",
		"Tous les canaux", "Fidéliser nos clients", "Résoudre au premier contact",
		DIR_INCREASE, 3.4, 4.2, 1, 250000, 0, "Programme qualité", NULL, 0, NULL };
	st[1] = (struct obj_spec){ LEVEL_STRATEGIC, 0, tp->axes[1], 0, tp->company,
		arena_printf(a, "Augmenter le chiffre d'affaires de 18 M€ à 20,2 M€ en %s", tp->yr),
		"revenue", "€", "Chiffre d'affaires annuel", "Toute l'entreprise", "Grand Ouest",
		"Financer notre développement", "Conquête et ventes additionnelles", DIR_INCREASE,
		18e6, 20.2e6, 1, 400000, 0, NULL, NULL, 0, NULL };
	st[2] = (struct obj_spec){ LEVEL_STRATEGIC, 0, tp->axes[2], 0, tp->company,
		arena_printf(a, "Réduire la durée moyenne de traitement de 330 s à 290 s d'ici fin %s", tp->yr),
		"aht", "s", "Durée moyenne de traitement", "Toute l'entreprise", "Centre de relation client",
		"Absorber la croissance sans recruter au même rythme", "Outils et base de connaissances",
		DIR_DECREASE, 330, 290, 1, 120000, 0, NULL, NULL, 0, NULL };
	st[3] = (struct obj_spec){ LEVEL_STRATEGIC, 0, tp->axes[3], 0, tp->company,
		arena_printf(a, "Atteindre 90 %% de collaborateurs suivis chaque trimestre en %s", tp->yr),
		"checkin_rate", "%", "Entretiens trimestriels tenus", "Tous les managers", "Partout",
		"Des objectifs vivants", "Un point trimestriel pour chacun", DIR_REACH, 55, 90, 1, 0,
		200, NULL, NULL, 0, NULL };
	for (int i = 0; i < 4; i++) {
		if (emit_objective(g, &st[i], &tp->strat[i]))
			return -1;
		if (i == 1)
			tp->strat_revenue = g->last;
	}

	return 0;
}

/* The sales direction's year and the call centre's two rates: their targets
 * are set again once the teams' are known (roll_up). */
static int operational(struct gen *g, struct top *tp)
{
	struct arena *a = g->a;
	/* the direction's yearly revenue: its teams' quarters, once they are
	 * known (the targets add up from the ambition down) */
	struct obj_spec op = { LEVEL_OPERATIONAL, tp->strat[1], tp->axes[1], 0, tp->sales_dir,
		arena_printf(a, "Réaliser le chiffre d'affaires de la direction commerciale en %s", tp->yr),
		"revenue", "€", "Chiffre d'affaires signé", "Direction commerciale", "Grand Ouest",
		"Porter la croissance du chiffre d'affaires", "Prospection et fidélisation",
		DIR_INCREASE, 1000, 1200, 1, 150000, 0, "Campagne marketing", NULL, 0, NULL };
	if (emit_objective(g, &op, &tp->op_sales))
		return -1;
	tp->obj_sales = g->last;
	op = (struct obj_spec){ LEVEL_OPERATIONAL, tp->strat[0], tp->axes[0], 0, tp->crc,
		arena_printf(a, "Décrocher 92 %% des appels en moins de 20 secondes en %s", tp->yr),
		"service_level_20s", "%", "Appels décrochés en moins de 20 secondes",
		"Centre de relation client", "Plateaux de Nantes et Rennes",
		"Un client qui attend est un client qui part", "Planification des effectifs",
		DIR_INCREASE, 84, 92, 1, 80000, 0, "Outil de planification", NULL, 0, NULL };
	if (emit_objective(g, &op, &tp->op_calls))
		return -1;
	tp->obj_calls = g->last;
	op = (struct obj_spec){ LEVEL_OPERATIONAL, tp->strat[2], tp->axes[2], 0, tp->crc,
		arena_printf(a, "Porter la résolution au premier contact de 70 %% à 78 %% en %s", tp->yr),
		"fcr", "%", "Demandes résolues au premier contact", "Centre de relation client",
		"Tous les plateaux", "Moins de rappels, moins d'attente", "Base de connaissances",
		DIR_INCREASE, 70, 78, 1, 40000, 0, NULL, NULL, 0, NULL };
	if (emit_objective(g, &op, &tp->op_fcr))
		return -1;
	tp->obj_fcr = g->last;
	return 0;
}

/* One team of side (0 sales, 1 call centre), number t of its side, of size
 * people with its lead: its unit, its objective, its members with theirs and
 * their check-ins, then the team's target set to its members' sum (a rate:
 * their mean). */
static int team(struct gen *g, const struct top *tp, int side, int t, int size, struct sums *su)
{
	struct arena *a = g->a;
	const char *place = places[t % N(places)];
	const char *tname = side
		? arena_printf(a, "Plateau %s %c%s", place, 'A' + (t / N(places)) % 26,
			       t >= 26 * N(places) ? arena_printf(a, "%d", t) : "")
		: t == 0 ? "Équipe Grands comptes"
		: arena_printf(a, "Équipe PME %s%s", place,
			       t / N(places) ? arena_printf(a, " %d", t / N(places) + 1) : "");
	id_t64 unit, lead, tobj;
	const char *lead_email;
	if (led_unit(g, side ? tp->crc : tp->sales_dir, tname, UNIT_TEAM,
		     side ? SERVICE_CALL_CENTRE : SERVICE_SALES, side ? tp->rcrc : tp->dc,
		     side ? "Superviseure" : "Responsable d'équipe commerciale",
		     side ? "Superviseur" : "Responsable d'équipe commerciale", &unit, &lead,
		     &lead_email))
		return -1;
	if (t == 0)
		login(g, lead_email, side ? "manager — plateau d'appels"
					       : "manager — équipe commerciale");
	struct obj_spec c;
	memset(&c, 0, sizeof(c));
	c.level = LEVEL_COLLECTIVE;
	c.owner_unit = unit;
	c.who = tname;
	c.where = place;
	if (side) {
		c.parent = t % 2 ? tp->op_fcr : tp->op_calls;
		c.indicator = t % 2 ? "fcr" : "service_level_20s";
		c.unit = "%";
		c.dir = DIR_INCREASE;
		c.baseline = t % 2 ? 70 : 84;
		c.target = t % 2 ? 77 : 91;
		c.title = t % 2
			? arena_printf(a, "%s : 77 %% de résolution au premier contact au T%d %d",
				       tname, g->quarter, g->year)
			: arena_printf(a, "%s : 91 %% d'appels décrochés en moins de 20 s au T%d %d",
				       tname, g->quarter, g->year);
		c.why = "Contribuer à l'objectif du centre de relation client";
		c.how = "Briefs quotidiens et partage des bonnes pratiques";
	} else {
		double tgt = (double)(size - 1) * 52000;
		c.parent = tp->op_sales;
		c.indicator = "revenue";
		c.unit = "€";
		c.dir = DIR_INCREASE;
		c.baseline = tgt * 0.9;
		c.target = tgt;
		c.title = arena_printf(a, "%s : %s € de chiffre d'affaires au T%d %d", tname,
				       fr_num(g, tgt), g->quarter, g->year);
		c.why = "Contribuer à la croissance de la direction commerciale";
		c.how = "Revue hebdomadaire du pipeline";
	}
	c.budget = 5000;
	c.support = "Challenge d'équipe trimestriel";
	if (emit_objective(g, &c, &tobj))
		return -1;
	struct objective team_obj = g->last;
	double kids = 0;
	int nkids = 0;
	for (int i = 1; i < size; i++, su->k++) {
		int new_hire = rng_int(&g->rng, 10) == 0;
		id_t64 pid;
		const char *pe;
		if (emit_person(g, unit, lead, ROLE_MEMBER,
				side ? "Téléconseillère" : "Commerciale",
				side ? "Téléconseiller" : "Commercial", new_hire, &pid, &pe) ||
		    person_activity(g, pid, side, g->last_hired_on))
			return -1;
		if (t == 0 && i == 1)
			login(g, pe, side ? "membre — téléconseiller"
					       : "membre — commercial");
		/* the seeds: new hires are never to be left without objectives;
		 * the demo leaves one so that cible can show it */
		if (new_hire && !su->new_hire_skipped) {
			su->new_hire_skipped = 1;
			continue;
		}
		id_t64 iobj;
		if (individual(g, !side, tobj, pid, new_hire, su->k, &iobj))
			return -1;
		if (iobj && g->last.indicator && !strcmp(g->last.indicator, c.indicator)) {
			kids += g->last.target;
			nkids++;
		}
		if (iobj && checkins(g, iobj, pid, lead, !side))
			return -1;
	}
	/* the team's target: its members' sum (a rate: their mean) */
	if (nkids) {
		double tgt = side ? (double)llround(kids / nkids * 10) / 10 : kids;
		team_obj.target = tgt;
		team_obj.baseline = side ? team_obj.baseline
					 : (double)llround(tgt * 0.9 / 100) * 100;
		if (side && team_obj.baseline >= tgt)
			team_obj.baseline = tgt - 3;
		team_obj.title = !side
			? arena_printf(a, "%s : %s € de chiffre d'affaires au T%d %d", tname,
				       fr_num(g, tgt), g->quarter, g->year)
			: t % 2
			? arena_printf(a, "%s : %s %% de résolution au premier contact au T%d %d",
				       tname, fr_num(g, tgt), g->quarter, g->year)
			: arena_printf(a, "%s : %s %% d'appels décrochés en moins de 20 s au T%d %d",
				       tname, fr_num(g, tgt), g->quarter, g->year);
		if (update_objective(g, &team_obj))
			return -1;
	}
	if (!side)
		su->sales_quarters += team_obj.target;
	else if (t % 2) {
		su->fcr_sum += team_obj.target;
		su->fcr_n++;
	} else {
		su->calls_sum += team_obj.target;
		su->calls_n++;
	}
	return 0;
}

/* Up the cascade: the direction's year is its teams' quarter prorated (a
 * quarter of the year's days), the ambition the direction's; the call
 * centre's rates the mean of its teams'. */
static int roll_up(struct gen *g, struct top *tp, const struct sums *su)
{
	struct arena *a = g->a;
	double qlen = g->q_end - g->q_start + 1, ylen = g->y_end - g->y_start + 1;
	double year = (double)llround(su->sales_quarters * ylen / qlen / 1000) * 1000;
	if (year > 0) {
		tp->obj_sales.target = year;
		tp->obj_sales.baseline = (double)llround(year * 0.9 / 1000) * 1000;
		tp->obj_sales.title = arena_printf(a, "Réaliser %s de chiffre d'affaires en %s",
					       meur(g, year), tp->yr);
		tp->strat_revenue.target = year;
		tp->strat_revenue.baseline = tp->obj_sales.baseline;
		tp->strat_revenue.title = arena_printf(a, "Augmenter le chiffre d'affaires de %s à %s en %s",
						   meur(g, tp->obj_sales.baseline), meur(g, year), tp->yr);
		if (update_objective(g, &tp->obj_sales) || update_objective(g, &tp->strat_revenue))
			return -1;
	}
	if (su->calls_n) {
		tp->obj_calls.target = (double)llround(su->calls_sum / su->calls_n * 10) / 10;
		tp->obj_calls.title = arena_printf(a, "Décrocher %s %% des appels en moins de 20 secondes en %s",
					       fr_num(g, tp->obj_calls.target), tp->yr);
		if (update_objective(g, &tp->obj_calls))
			return -1;
	}
	if (su->fcr_n) {
		tp->obj_fcr.target = (double)llround(su->fcr_sum / su->fcr_n * 10) / 10;
		tp->obj_fcr.title = arena_printf(a,
			"Porter la résolution au premier contact de 70 %% à %s %% en %s",
			fr_num(g, tp->obj_fcr.target), tp->yr);
		if (update_objective(g, &tp->obj_fcr))
			return -1;
	}
	return 0;
}

int demo_generate(const struct demo_options *opt, const struct demo_sink *sink,
		  struct arena *a, struct demo_result *res)
{
	struct gen g;
	int people = opt->people < 12 ? 12 : opt->people;
	int team_size = opt->team_size < 8 ? 8 : opt->team_size > 15 ? 15 : opt->team_size;
	gen_init(&g, opt, sink, a, res, people);
	struct top tp;
	memset(&tp, 0, sizeof(tp));
	tp.yr = arena_printf(a, "%d", g.year);
	if (leadership(&g, &tp) || strategy(&g, &tp) || operational(&g, &tp))
		return -1;
	/* teams: sales get 45 % of the rest, the call centre the others */
	struct sums su;
	memset(&su, 0, sizeof(su));
	int rest = people - 4;
	int sales_people = rest * 45 / 100, call_people = rest - sales_people;
	int nsales = (sales_people + team_size - 1) / team_size;
	int ncall = (call_people + team_size - 1) / team_size;
	for (int side = 0; side < 2; side++) {
		int nteams = side ? ncall : nsales, left = side ? call_people : sales_people;
		for (int t = 0; t < nteams; t++) {
			int size = left / (nteams - t);
			left -= size;
			if (team(&g, &tp, side, t, size, &su))
				return -1;
		}
	}
	return roll_up(&g, &tp, &su);
}

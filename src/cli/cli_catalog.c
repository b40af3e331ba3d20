/* Every sentence the command line prints, in French and English (the --help
 * texts excepted: they stay in the command table). Keys are "<command>.<what>";
 * "cli." ones are shared. Checked by tests/unit/test_catalog.c: both
 * languages, unmixed, the same arguments, and every key the sources name. */
#include <stdio.h>
#include "cli/cli.h"

const struct msg cli_catalog[] = {
	/* shared */
	{ "cli.orgs", "la base contient {0} organisations : dites laquelle avec --org",
	  "the database holds {0} organisations: say which with --org" },
	{ "cli.lang", "--lang vaut fr ou en", "--lang is fr or en" },
	{ "cli.today", "--today prend une date AAAA-MM-JJ", "--today takes a date YYYY-MM-DD" },
	{ "cli.unknown_command", "commande inconnue « {0} »", "unknown command '{0}'" },
	{ "cli.cannot_read", "impossible de lire {0}", "cannot read {0}" },
	/* init */
	{ "init.database", "base : {0}", "database: {0}" },
	{ "init.org", "organisation : {0} (id {1})", "organisation: {0} (id {1})" },
	{ "init.admin", "administrateur : {0}", "admin: {0}" },
	{ "init.password", "mot de passe : {0}", "password: {0}" },
	/* demo */
	{ "demo.made", "organisation de démonstration dans {0} : {1}", "demo organisation in {0}: {1}" },
	{ "demo.people", "{0} personnes, {1} unités", "{0} people, {1} units" },
	{ "demo.objectives", "{0} objectifs", "{0} objectives" },
	{ "demo.records", "{0} enregistrements d'activité, {1} points d'étape",
	  "{0} activity records, {1} check-ins" },
	{ "demo.challenges", "{0} challenges, {1} badges gagnés", "{0} challenges, {1} badges earned" },
	{ "demo.negotiations", "{0} objectifs convenus après une négociation, {1} négociations en cours",
	  "{0} objectives agreed after a negotiation, {1} negotiations open" },
	{ "demo.feedback", "{0} messages de feedback, {1} entretiens individuels",
	  "{0} feedback messages, {1} one-to-ones" },
	{ "demo.late", "{0} personnes en retard sur leurs points d'étape",
	  "{0} people late with their check-ins" },
	{ "demo.ramp", "montée en charge des commerciaux et des conseillers : 25 %, 50 %, 75 %, puis 100 %",
	  "ramp-up plans for sales reps and agents: 25 %, 50 %, 75 %, then 100 %" },
	{ "demo.reviews", "entretiens annuels : {0} signé, {1} en cours de rédaction",
	  "reviews: {0} signed, {1} being written" },
	{ "demo.logins", "connexions (mot de passe : {0}) :", "logins (password: {0}):" },
	/* progress */
	{ "progress.which", "dites lequel : « --objective ID », « --person CLÉ », « --unit ID » ou « --all »",
	  "say which: --objective ID, --person KEY, --unit ID or --all" },
	{ "progress.by", "--by vaut day, week ou month", "--by is day, week or month" },
	{ "progress.not_measured", "non mesuré : aucun indicateur de l'organisation n'a cette clé",
	  "not measured: no indicator of the organisation has this key" },
	{ "progress.children", "atteinte des sous-objectifs : {0} ({1})",
	  "children's attainment: {0} ({1})" },
	{ "progress.value", "{0} : {1}", "{0}: {1}" },
	{ "progress.target", " / cible {0}", " / target {0}" },
	{ "progress.attainment", "atteinte {0}", "attainment {0}" },
	{ "progress.pace", "rythme attendu {0}", "pace {0}" },
	{ "progress.status", "statut {0}", "status {0}" },
	{ "progress.forecast", "prévision {0}", "forecast {0}" },
	{ "progress.days_left", "jours restants {0}", "days left {0}" },
	{ "progress.summary", "{0} objectifs en {1} ms :", "{0} objectives in {1} ms:" },
	{ "progress.summary_count", "{0} {1}", "{0} {1}" },
	{ "progress.no_indicator", "sans indicateur", "no indicator" },
	/* check */
	{ "check.objective", "« --objective » prend l'identifiant d'un objectif",
	  "--objective takes an objective id" },
	{ "check.read", "Lu :", "Read:" },
	{ "check.direction", "sens : {0}", "direction: {0}" },
	{ "check.indicator", "indicateur : « {0} »", "indicator: \"{0}\"" },
	{ "check.indicator_key", "indicateur : « {0} » ({1})", "indicator: \"{0}\" ({1})" },
	{ "check.baseline", "de : {0}", "from: {0}" },
	{ "check.magnitude", "ampleur : {0}", "magnitude: {0}" },
	{ "check.magnitude_kind", "ampleur : {0} ({1})", "magnitude: {0} ({1})" },
	{ "check.threshold", "seuil : {0} en moins de {1}", "threshold: {0} within {1}" },
	{ "check.period", "période : {0} → {1}", "period: {0} → {1}" },
	{ "check.owner", "porteur : {0} ({1})", "owner: {0} ({1})" },
	/* challenge */
	{ "challenge.top", "--top prend un nombre de 1 à 100000", "--top takes a number from 1 to 100000" },
	{ "challenge.id", "{0} prend l'identifiant d'un challenge", "{0} takes a challenge id" },
	{ "challenge.frozen", "résultat figé, calcul n° {0}, au {1}", "frozen result, run {0}, as of {1}" },
	{ "challenge.as_of", "chiffres au {0}", "figures as of {0}" },
	{ "challenge.points", "{0} pts", "{0} pts" },
	{ "challenge.closed", "clos", "closed" },
	{ "challenge.open", "ouvert", "open" },
	/* rhythm */
	{ "rhythm.id", "cadence prend l'identifiant d'une unité, d'une personne ou d'un objectif",
	  "cadence takes a unit, person or objective id" },
	{ "rhythm.due", "attendu le", "due" },
	{ "rhythm.late", "j de retard", "days late" },
	{ "rhythm.last", "dernier", "last" },
	/* import */
	{ "import.field", "--field prend NOM=COLONNE[:text|number|bool|time|date|duration|minutes|mmss]",
	  "--field takes NAME=COLUMN[:text|number|bool|time|date|duration|minutes|mmss]" },
	{ "import.format", "--format vaut csv ou jsonl", "--format is csv or jsonl" },
	{ "import.no_mapping", "aucune correspondance enregistrée « {0} »", "no saved mapping \"{0}\"" },
	{ "import.needed", "--kind, --person et --date sont nécessaires (ou --mapping)",
	  "--kind, --person and --date are needed (or --mapping)" },
	{ "import.no_column", "{0} : pas de colonne « {1} » dans l'en-tête",
	  "{0}: no column \"{1}\" in the header" },
	{ "import.jsonl", "{0} : lignes JSON, {1}", "{0}: JSON lines, {1}" },
	{ "import.csv", "{0} : {1}", "{0}: {1}" },
	{ "import.sep_semicolon", "séparateur « ; »", "';'-separated" },
	{ "import.sep_tab", "séparateur tabulation", "tab-separated" },
	{ "import.sep_comma", "séparateur « , »", "','-separated" },
	{ "import.decimal_comma", "virgule décimale", "decimal comma" },
	{ "import.decimal_point", "point décimal", "decimal point" },
	{ "import.read", "{0} lignes lues : ", "read {0} rows: " },
	{ "import.stored", "{0} enregistrées, {1} doublons, ", "{0} stored, {1} duplicates, " },
	{ "import.rejected", "{0} rejetées", "{0} rejected" },
	{ "import.cell", "ligne {0}, colonne « {1} » : ", "line {0}, column \"{1}\": " },
	{ "import.more", "... et {0} de plus", "... and {0} more" },
	{ "import.nothing", "rien n'a été enregistré : corrigez les lignes ci-dessus, ou gardez les bonnes avec --keep-good",
	  "nothing was stored: fix the rows above, or keep the good rows with --keep-good" },
	{ "import.saved", "correspondance « {0} » enregistrée : la prochaine fois, cible import --mapping {0} FICHIER",
	  "mapping \"{0}\" saved: next time, cible import --mapping {0} FILE" },
	/* metric */
	{ "metric.by", "--by vaut person, day, week ou month", "--by is person, day, week or month" },
	{ "metric.dates", "--from et --to prennent des dates AAAA-MM-JJ",
	  "--from and --to take dates YYYY-MM-DD" },
	{ "metric.records", "{0} enregistrements « {1} » lus", "{0} {1} records read" },
	{ "metric.added", "indicateur {0} (id {1}) ajouté", "indicator {0} (id {1}) added" },
	{ "metric.updated", "indicateur {0} (id {1}) mis à jour", "indicator {0} (id {1}) updated" },
	{ "metric.measured", ", mesuré à partir des enregistrements « {0} » stockés",
	  ", measured from the stored {0} records" },
	/* user */
	{ "user.accounts", "{0} a un compte dans {1} organisations : précisez --org",
	  "{0} has an account in {1} organisations: give --org" },
	{ "user.unit", "--unit prend l'identifiant d'une unité", "--unit takes a unit's id" },
	{ "user.added", "{0} ajouté (id {1})", "added {0} (id {1})" },
	{ "user.password", "mot de passe : {0}", "password: {0}" },
	{ "user.changed", "mot de passe changé pour {0}", "password changed for {0}" },
	{ "user.name", "--name est obligatoire", "--name is required" },
	{ "user.url", "l'adresse publique « {0} » n'est pas une URL http:// ou https://",
	  "public-url '{0}' is not an http:// or https:// URL" },
	{ "user.link", "un lien pour {0}, valable 24 heures, une fois",
	  "a link for {0}, valid 24 hours, once" },
	{ "user.unlocked", "délais de connexion levés pour {0} ({1} échecs oubliés)",
	  "login delays lifted for {0} ({1} failures forgotten)" },
	{ "user.subcommand", "sous-commande inconnue « {0} »", "unknown subcommand '{0}'" },
	/* restore */
	{ "restore.exists", "{0} existe : ajoutez --force pour remplacer son contenu",
	  "{0} exists: add --force to replace its content" },
	{ NULL, NULL, NULL }
};

const char *cli_text(const char *key, enum lang lang)
{
	const char *t = msg_text(cli_catalog, key, lang);
	return t ? t : key;
}

void cli_render(struct buf *b, const char *key, enum lang lang, const char *a0, const char *a1)
{
	msg_render(b, cli_text(key, lang), a0, a1);
}

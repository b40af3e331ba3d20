/* The error catalog and its rendering. Codes are API: clients match on them,
 * so a code is never renamed; messages may be reworded freely. */
#include <stdio.h>
#include <string.h>
#include "core/err.h"

const struct msg err_catalog[] = {
	{ "malformed_json", "le corps de la requête n'est pas du JSON valide : {0}",
	  "the request body is not valid JSON: {0}" },
	{ "invalid_type", "le champ « {0} » doit être {1}", "field '{0}' must be {1}" },
	{ "unknown_field", "le champ « {0} » est inconnu", "unknown field '{0}'" },
	{ "missing_field", "le champ « {0} » est obligatoire", "field '{0}' is required" },
	{ "invalid_value", "valeur invalide pour « {0} » : {1}", "invalid value for '{0}': {1}" },
	{ "invalid_date", "date invalide pour « {0} » : {1}", "invalid date for '{0}': {1}" },
	{ "due_before_start", "l'échéance doit être postérieure au début",
	  "due must be after start" },
	{ "target_direction",
	  "la cible {0} ne va pas dans le sens « {1} » par rapport à la référence",
	  "target {0} does not go the '{1}' way from the baseline" },
	{ "owner_required", "un objectif a un seul propriétaire : une personne ou une unité",
	  "an objective has exactly one owner: a person or a unit" },
	{ "parent_required", "un objectif doit être rattaché à un objectif parent ou à un axe",
	  "an objective must link to a parent objective or an axis" },
	{ "cycle", "ce rattachement créerait un cycle dans la cascade",
	  "this link would create a cycle in the cascade" },
	{ "not_found", "{0} introuvable", "{0} not found" },
	{ "unknown_reference", "« {0} » désigne {1} qui n'existe pas",
	  "'{0}' refers to {1} that does not exist" },
	{ "conflict", "conflit : {0}", "conflict: {0}" },
	{ "email_taken", "l'adresse {0} est déjà utilisée", "email {0} is already in use" },
	{ "unauthenticated", "connexion requise", "authentication required" },
	{ "bad_credentials", "adresse ou mot de passe incorrect", "wrong email or password" },
	{ "too_many_attempts", "trop de tentatives : réessayez dans {0} secondes",
	  "too many attempts: try again in {0} seconds" },
	{ "csrf", "jeton CSRF absent ou invalide (en-tête X-CSRF-Token)",
	  "missing or invalid CSRF token (X-CSRF-Token header)" },
	{ "forbidden", "vous n'avez pas le droit de {0}", "you are not allowed to {0}" },
	{ "body_too_large", "le corps de la requête dépasse {0} octets",
	  "the request body exceeds {0} bytes" },
	{ "method_not_allowed", "méthode non permise sur {0}", "method not allowed on {0}" },
	{ "no_route", "aucune ressource à l'adresse {0}", "no resource at {0}" },
	{ "invalid_status_change", "passage de « {0} » à « {1} » impossible",
	  "cannot go from '{0}' to '{1}'" },
	{ "invalid_query", "paramètre « {0} » invalide : {1}", "invalid parameter '{0}': {1}" },
	{ "weak_password", "le mot de passe doit compter au moins {0} caractères",
	  "the password must have at least {0} characters" },
	{ "internal", "erreur interne : {0}", "internal error: {0}" },
	{ "schema_too_new",
	  "la base est au schéma {0}, plus récent que ce programme ({1}) : mettez cible à jour",
	  "the database is at schema {0}, newer than this program ({1}): upgrade cible" },
	{ "not_cible_database", "{0} n'est pas une base cible saine",
	  "{0} is not a sound cible database" },
	{ "database", "erreur de base de données : {0}", "database error: {0}" },
	{ "database_busy", "la base de données est occupée, réessayez dans un instant ({0})",
	  "the database is busy, try again in a moment ({0})" },
	{ "database_unreachable",
	  "impossible de joindre la base PostgreSQL {0}, réessayez dans un instant ({1})",
	  "cannot reach the PostgreSQL database at {0}, try again in a moment ({1})" },
	{ "backup_engine",
	  "cible ne sauvegarde pas une base {0} : utilisez les outils du serveur (pg_dump, pg_basebackup)",
	  "cible does not back up a {0} database: use the server's own tools (pg_dump, pg_basebackup)" },
	{ "store_engine",
	  "ce cible ne sait pas encore ouvrir une base {0} ({1}…) : donnez un fichier SQLite (CHEMIN ou sqlite:CHEMIN)",
	  "this cible cannot open a {0} database yet ({1}…): give a SQLite file (PATH or sqlite:PATH)" },
	{ "csv_malformed", "fichier CSV illisible à la ligne {0} : {1}",
	  "unreadable CSV file at line {0}: {1}" },
	{ "unknown_column", "aucune colonne « {1} » dans l'en-tête du fichier ({0})",
	  "no column '{1}' in the file's header ({0})" },
	{ "ind_empty", "l'expression de l'indicateur est vide : écrivez par exemple count() ou sum(amount)",
	  "the indicator expression is empty: write for example count() or sum(amount)" },
	{ "ind_expected", "expression, position {0} : « {1} » attendu ici",
	  "expression, position {0}: '{1}' expected here" },
	{ "ind_expected_value", "expression, position {0} : une valeur est attendue, pas « {1} »",
	  "expression, position {0}: a value is expected, not '{1}'" },
	{ "ind_expected_field", "expression, position {0} : un nom de champ est attendu, pas « {1} »",
	  "expression, position {0}: a field name is expected, not '{1}'" },
	{ "ind_unexpected", "expression, position {0} : « {1} » inattendu",
	  "expression, position {0}: unexpected '{1}'" },
	{ "ind_unterminated_string", "expression, position {0} : texte entre apostrophes non fermé",
	  "expression, position {0}: quoted text is not closed" },
	{ "ind_unknown_function",
	  "expression, position {0} : fonction « {1} » inconnue (count, sum, avg, min, max, distinct, share, percentile, ratio)",
	  "expression, position {0}: unknown function '{1}' (count, sum, avg, min, max, distinct, share, percentile, ratio)" },
	{ "ind_bad_percentile", "expression, position {0} : le rang du centile est un nombre de 0 à 100",
	  "expression, position {0}: the percentile rank is a number from 0 to 100" },
	{ "ind_outside_aggregate",
	  "expression, position {0} : « {1} » porte sur un enregistrement et doit être dans un agrégat ou son where, par exemple count() where {1}",
	  "expression, position {0}: '{1}' is about one record and belongs inside an aggregate or its where, e.g. count() where {1}" },
	{ "ind_nested_aggregate", "expression, position {0} : un agrégat ne peut pas contenir « {1} »",
	  "expression, position {0}: an aggregate cannot contain '{1}'" },
	{ "ind_where_placement",
	  "expression, position {0} : where suit l'agrégat qu'il filtre, par exemple sum(amount) where won",
	  "expression, position {0}: where follows the aggregate it filters, e.g. sum(amount) where won" },
	{ "ind_no_aggregate", "l'expression ne mesure rien : il faut au moins un agrégat (count, sum, avg…)",
	  "the expression measures nothing: it needs at least one aggregate (count, sum, avg...)" },
	{ "ind_too_complex", "expression, position {0} : expression trop longue ou trop imbriquée",
	  "expression, position {0}: the expression is too long or too deeply nested" },
	/* challenges (src/app/challenge.c) */
	{ "invalid_choice", "valeur invalide pour « {0} » : choisissez parmi {1}",
	  "invalid value for '{0}': choose among {1}" },
	{ "ch_too_many", "« {0} » : {1} éléments au plus", "'{0}': {1} items at most" },
	{ "ch_too_long", "« {0} » : {1} caractères au plus", "'{0}': {1} characters at most" },
	{ "ch_weight_negative", "le poids « {0} » doit être un nombre positif ou nul",
	  "weight '{0}' must be a number of zero or more" },
	{ "ch_bounds",
	  "les ligues par ancienneté demandent des bornes en mois, croissantes, de 1 à 600 (par exemple [12, 36])",
	  "seniority leagues need bounds in months, ascending, from 1 to 600 (for example [12, 36])" },
	{ "ch_threshold", "le seuil de récompense est un score supérieur à 0 (1 = cible atteinte)",
	  "the reward threshold is a score above 0 (1 = target reached)" },
	{ "ch_period_reversed", "la fin du défi ({1}) précède son début ({0})",
	  "the challenge's end ({1}) comes before its start ({0})" },
	{ "ch_period_long", "un défi dure au plus un an", "a challenge lasts a year at most" },
	{ "ch_indicator_unknown", "l'indicateur « {0} » n'existe pas dans l'organisation",
	  "indicator '{0}' does not exist in the organisation" },
	{ "ch_indicator_unrankable",
	  "l'indicateur « {0} » ne peut pas être classé en direct : son expression ne compile pas ou demande chaque enregistrement (distinct, percentile)",
	  "indicator '{0}' cannot be ranked live: its expression does not compile or needs every record (distinct, percentile)" },
	{ "ch_indicator_twice", "l'indicateur « {0} » figure deux fois", "indicator '{0}' is listed twice" },
	{ "ch_target_required",
	  "la règle « valeur brute » demande une cible positive pour l'indicateur « {0} »",
	  "the raw rule needs a positive target for indicator '{0}'" },
	{ "ch_weights_zero",
	  "les poids des indicateurs font zéro au total : donnez un poids positif à au moins l'un d'eux",
	  "the indicators' weights sum to zero: give at least one of them a positive weight" },
	{ "ch_teams_required", "un défi par équipes nomme ses équipes (participants.teams)",
	  "a team challenge names its teams (participants.teams)" },
	{ "ch_team_leagues", "un défi par équipes n'a pas de ligues", "a team challenge has no leagues" },
	{ "ch_out_of_reach",
	  "« {0} » est hors de votre périmètre : un défi ne réunit que des personnes et des équipes que vous encadrez",
	  "'{0}' is outside your reach: a challenge brings together only people and teams you manage" },
	{ "ch_no_participant", "aucun participant actif ne correspond à cette sélection",
	  "no active participant matches this selection" },
	{ "ch_closed", "ce défi est déjà clos : son résultat est figé", "this challenge is already closed: its result is frozen" },
	{ "ch_running", "ce défi court jusqu'au {0} : il ne peut être clos qu'après",
	  "this challenge runs until {0}: it can only be closed after that" },
	{ "ch_not_closed", "ce défi n'est pas encore clos : il n'y a pas de résultat à relancer",
	  "this challenge is not closed yet: there is no result to re-run" },
	{ "ch_rerun_admin", "seul un administrateur peut relancer le résultat figé d'un défi",
	  "only an admin may re-run a challenge's frozen result" },
	{ NULL, NULL, NULL }
};

static void copy_arg(char *dst, size_t n, const char *src)
{
	if (!src) {
		dst[0] = '\0';
		return;
	}
	snprintf(dst, n, "%s", src);
}

int err_set(struct err *e, int status, const char *code, const char *field,
	    const char *a0, const char *a1)
{
	e->status = status;
	e->code = code;
	copy_arg(e->field, sizeof(e->field), field);
	copy_arg(e->arg[0], sizeof(e->arg[0]), a0);
	copy_arg(e->arg[1], sizeof(e->arg[1]), a1);
	return -1;
}

void err_clear(struct err *e)
{
	memset(e, 0, sizeof(*e));
}

void err_message(const struct err *e, enum lang lang, struct buf *out)
{
	const char *t = e->code ? msg_text(err_catalog, e->code, lang) : NULL;
	msg_render(out, t ? t : (e->code ? e->code : "error"), e->arg[0], e->arg[1]);
}

/* The route table: one entry per route (see http.h for how to add one):
 * method, pattern, handler, flags, then what the request may carry: the query
 * parameters the handler reads (the dispatcher refuses any other) and its
 * body. test_openapi checks every entry against docs/openapi.json. */
#include <stddef.h>
#include "http/http.h"

const struct route routes[] = {
	{ "GET", "/healthz", api_healthz, R_PUBLIC, "", BODY_NONE },
	{ "GET", "/api/openapi.json", api_openapi, R_PUBLIC, "", BODY_NONE },
	{ "POST", "/api/login", api_login, R_PUBLIC | R_NO_CSRF, "", BODY_JSON },
	{ "POST", "/api/logout", api_logout, 0, "", BODY_NONE },
	{ "GET", "/api/me", api_me, 0, "", BODY_NONE },
	{ "POST", "/api/me/password", api_me_password, 0, "", BODY_JSON },
	{ "GET", "/api/tokens", api_tokens_list, 0, "", BODY_NONE },
	{ "POST", "/api/tokens", api_tokens_create, 0, "", BODY_JSON },
	{ "DELETE", "/api/tokens/{id}", api_tokens_revoke, 0, "", BODY_NONE },
	{ "GET", "/api/org", api_org_get, 0, "", BODY_NONE },
	{ "PATCH", "/api/org", api_org_update, 0, "", BODY_JSON },
	{ "GET", "/api/units", api_units_list, 0, "", BODY_NONE },
	{ "POST", "/api/units", api_units_create, 0, "", BODY_JSON },
	{ "GET", "/api/units/{id}", api_units_get, 0, "", BODY_NONE },
	{ "PATCH", "/api/units/{id}", api_units_update, 0, "", BODY_JSON },
	{ "GET", "/api/units/{id}/dashboard", api_units_dashboard, 0, "today", BODY_NONE },
	{ "GET", "/api/people", api_people_list, 0, "limit offset unit active", BODY_NONE },
	{ "POST", "/api/people", api_people_create, 0, "", BODY_JSON },
	{ "GET", "/api/people/{id}", api_people_get, 0, "", BODY_NONE },
	{ "GET", "/api/people/{id}/dashboard", api_people_dashboard, 0, "today", BODY_NONE },
	{ "PATCH", "/api/people/{id}", api_people_update, 0, "", BODY_JSON },
	{ "GET", "/api/axes", api_axes_list, 0, "", BODY_NONE },
	{ "POST", "/api/axes", api_axes_create, 0, "", BODY_JSON },
	{ "GET", "/api/axes/{id}", api_axes_get, 0, "", BODY_NONE },
	{ "PATCH", "/api/axes/{id}", api_axes_update, 0, "", BODY_JSON },
	{ "GET", "/api/axes/{id}/cascade", api_axes_cascade, 0, "", BODY_NONE },
	{ "GET", "/api/objectives", api_objectives_list, 0,
	  "limit offset owner owner_unit unit parent axis level status from to", BODY_NONE },
	{ "POST", "/api/objectives", api_objectives_create, 0, "", BODY_JSON },
	{ "GET", "/api/objectives/{id}", api_objectives_get, 0, "", BODY_NONE },
	{ "PATCH", "/api/objectives/{id}", api_objectives_update, 0, "", BODY_JSON },
	{ "POST", "/api/objectives/{id}/cancel", api_objectives_cancel, 0, "", BODY_NONE },
	{ "GET", "/api/objectives/{id}/cascade", api_objectives_cascade, 0, "", BODY_NONE },
	{ "GET", "/api/objectives/{id}/path", api_objectives_path, 0, "", BODY_NONE },
	{ "GET", "/api/objectives/{id}/audit", api_objectives_audit, 0, "limit offset", BODY_NONE },
	{ "GET", "/api/objectives/{id}/progress", api_objectives_progress, 0,
	  "today by", BODY_NONE },
	{ "GET", "/api/objectives/{id}/checkins", api_checkins_list, 0, "limit offset", BODY_NONE },
	{ "POST", "/api/objectives/{id}/checkins", api_checkins_create, 0, "", BODY_JSON },
	{ "GET", "/api/objectives/{id}/rounds", api_rounds_list, 0, "", BODY_NONE },
	{ "POST", "/api/objectives/{id}/rounds", api_rounds_create, 0, "", BODY_JSON },
	{ "POST", "/api/objectives/{id}/share-out", api_objectives_share_out, 0, "", BODY_JSON },
	{ "GET", "/api/ramp-plans", api_ramp_list, 0, "", BODY_NONE },
	{ "POST", "/api/ramp-plans", api_ramp_put, 0, "", BODY_JSON },
	{ "DELETE", "/api/ramp-plans/{id}", api_ramp_delete, 0, "", BODY_NONE },
	{ "GET", "/api/people/{id}/suggested-target", api_people_suggested_target, 0, "goal",
	  BODY_NONE },
	{ "GET", "/api/audit", api_audit_list, 0, "limit offset entity entity_id", BODY_NONE },
	{ "POST", "/api/smart/check", api_smart_check, 0, "", BODY_JSON },
	{ "GET", "/api/alerts", api_alerts, 0, "", BODY_NONE },
	{ "GET", "/api/activity", api_activity_list, 0,
	  "limit offset person kind from to", BODY_NONE },
	{ "POST", "/api/activity", api_activity_add, 0, "", BODY_JSON },
	{ "POST", "/api/import", api_import, 0, "", BODY_FILE },
	{ "GET", "/api/indicators", api_indicators_list, 0, "", BODY_NONE },
	{ "POST", "/api/indicators", api_indicators_create, 0, "", BODY_JSON },
	{ "POST", "/api/indicators/try", api_indicators_try, 0, "", BODY_JSON },
	{ "GET", "/api/indicators/{id}", api_indicators_get, 0, "", BODY_NONE },
	{ "PATCH", "/api/indicators/{id}", api_indicators_update, 0, "", BODY_JSON },
	{ "DELETE", "/api/indicators/{id}", api_indicators_delete, 0, "", BODY_NONE },
	{ "GET", "/api/challenges", api_challenges_list, 0, "", BODY_NONE },
	{ "POST", "/api/challenges", api_challenges_create, 0, "", BODY_JSON },
	{ "GET", "/api/challenges/{id}", api_challenges_get, 0, "", BODY_NONE },
	{ "GET", "/api/challenges/{id}/board", api_challenges_board, 0, "top", BODY_NONE },
	{ "POST", "/api/challenges/{id}/close", api_challenges_close, 0, "", BODY_NONE },
	{ "POST", "/api/challenges/{id}/rerun", api_challenges_rerun, 0, "", BODY_NONE },
	{ "GET", "/api/challenges/{id}/results", api_challenges_results, 0, "", BODY_NONE },
	{ "GET", "/api/challenges/{id}/export", api_challenges_export, 0, "format", BODY_NONE },
	{ "GET", "/api/people/{id}/badges", api_people_badges, 0, "", BODY_NONE },
	{ "GET", "/api/units/{id}/badges", api_units_badges, 0, "", BODY_NONE },
	{ NULL, NULL, NULL, 0, NULL, BODY_NONE }
};

const struct route_gate route_gates[] = {
	{ api_import, api_import_gate },  /* a member may not import: 403 before the file */
	{ NULL, NULL }
};

const struct surface api_surface = { routes, NULL, NULL, NULL };

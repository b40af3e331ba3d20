/* From a request to a use case's context (app/usecase.h): who is asking, on
 * which store, in which language, on the request's clock. */
#include "http/http.h"

void req_app(struct req *r, struct app *a)
{
	a->store = r->store;
	a->me = r->me;
	a->clock = r->clock;
	a->lang = r->lang;
	a->arena = &r->arena;
	a->client = r->client_ip;
	a->session = r->auth == AUTH_COOKIE ? r->session_hash : NULL;
}

/* A list as a file (app/export.h): ?format=csv or xlsx on the routes whose
 * lists a manager exports, ?dialect= fr or en (else the organisation's
 * locale); the answer is streamed (server.c reads it from the export as the
 * client takes it) with a download name. */
#include <stdio.h>
#include <string.h>
#include "app/export.h"
#include "http/http.h"

int req_export_format(struct req *r, int *format)
{
	const char *f = query(r, "format");
	const char *d = query(r, "dialect");
	*format = -1;
	if (d && strcmp(d, "fr") && strcmp(d, "en"))
		return fail(r, 400, "invalid_query", "dialect", "dialect", "fr or en");
	if (!f || !strcmp(f, "json"))
		return 0;
	*format = export_format_parse(f);
	if (*format < 0)
		return fail(r, 400, "invalid_query", "format", "format", "json, csv or xlsx");
	return 0;
}

static long stream_read(void *cls, char *out, size_t max, struct err *e)
{
	return export_stream_read(cls, out, max, e);
}

static void stream_close(void *cls)
{
	export_stream_close(cls);
}

int reply_export(struct req *r, struct export_table *t, int format, const char *name)
{
	const char *d = query(r, "dialect");
	if (d) {
		t->lang = !strcmp(d, "fr") ? LANG_FR : LANG_EN;
	} else {
		struct org org;
		if (store_org_get(r->store, r->me.org_id, &r->arena, &org, &r->err)) {
			if (t->done)
				t->done(t->ctx);
			return -1;
		}
		t->lang = export_dialect_of_locale(org.locale);
	}
	struct export_stream *s = export_stream_open(t, (enum export_format)format, &r->err);
	if (!s)
		return -1;
	r->reader = stream_read;
	r->reader_free = stream_close;
	r->reader_cls = s;
	r->status = 200;
	r->content_type = export_media_type((enum export_format)format);
	char day[11];
	date_format_iso(r->clock.today, day);
	snprintf(r->disposition, sizeof(r->disposition), "attachment; filename=\"%s-%s.%s\"", name,
		 day, format == EXPORT_XLSX ? "xlsx" : "csv");
	return 0;
}

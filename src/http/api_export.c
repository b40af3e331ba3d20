/* A list as a file (app/export.h): ?format=csv or xlsx on the routes whose
 * lists a manager exports, and pdf on a team's and a person's dashboard (a
 * report, export_lists.h, made whole then sent), ?dialect= fr or en (else the organisation's
 * locale); the answer is streamed (server.c reads it from the export as the
 * client takes it) with a download name. */
#include <stdio.h>
#include <string.h>
#include "app/export_lists.h"
#include "http/http.h"

static int export_format(struct req *r, int *format, bool pdf)
{
	const char *f = query(r, "format");
	const char *d = query(r, "dialect");
	*format = -1;
	if (d && strcmp(d, "fr") && strcmp(d, "en"))
		return fail(r, 400, "invalid_query", "dialect", "dialect", "fr or en");
	if (!f || !strcmp(f, "json"))
		return 0;
	*format = pdf && !strcmp(f, "pdf") ? EXPORT_PDF : export_format_parse(f);
	if (*format < 0)
		return fail(r, 400, "invalid_query", "format", "format",
			    pdf ? "json, csv, xlsx or pdf" : "json, csv or xlsx");
	return 0;
}

int req_export_format(struct req *r, int *format)
{
	return export_format(r, format, false);
}

int req_report_format(struct req *r, int *format)
{
	return export_format(r, format, true);
}

static long stream_read(void *cls, char *out, size_t max, struct err *e)
{
	return export_stream_read(cls, out, max, e);
}

static void stream_close(void *cls)
{
	export_stream_close(cls);
}

/* t->lang: ?dialect= or the organisation's locale */
static int dialect(struct req *r, struct export_table *t)
{
	const char *d = query(r, "dialect");
	if (d) {
		t->lang = !strcmp(d, "fr") ? LANG_FR : LANG_EN;
		return 0;
	}
	struct org org;
	if (store_org_get(r->store, r->me.org_id, &r->arena, &org, &r->err)) {
		if (t->done)
			t->done(t->ctx);
		return -1;
	}
	t->lang = export_dialect_of_locale(org.locale);
	return 0;
}

static void disposition(struct req *r, const char *name, const char *ext)
{
	char day[11];
	date_format_iso(r->clock.today, day);
	snprintf(r->disposition, sizeof(r->disposition), "attachment; filename=\"%s-%s.%s\"", name,
		 day, ext);
}

int reply_report(struct req *r, struct export_table *t, int format, int kind, day_t today,
		 const char *name)
{
	if (format != EXPORT_PDF)
		return reply_export(r, t, format, name);
	if (dialect(r, t))
		return -1;
	buf_reset(&r->out);
	int rc = export_objectives_pdf(t, (enum export_report)kind, today, r->lang, &r->out,
				       &r->err);
	if (t->done)
		t->done(t->ctx);
	if (rc)
		return -1;
	r->status = 200;
	r->content_type = "application/pdf";
	disposition(r, name, "pdf");
	return 0;
}

int reply_export(struct req *r, struct export_table *t, int format, const char *name)
{
	if (dialect(r, t))
		return -1;
	struct export_stream *s = export_stream_open(t, (enum export_format)format, &r->err);
	if (!s)
		return -1;
	r->reader = stream_read;
	r->reader_free = stream_close;
	r->reader_cls = s;
	r->status = 200;
	r->content_type = export_media_type((enum export_format)format);
	disposition(r, name, format == EXPORT_XLSX ? "xlsx" : "csv");
	return 0;
}

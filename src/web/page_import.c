/* The import page: choose a CSV (or JSON-lines) file, map its columns with a
 * preview of the first rows, run the import, read the report. The file is
 * read and previewed in the browser (static/import.js), then sent whole to
 * POST /api/import — the same import as `cible import`. Without the script
 * the page says what to do instead. */
#include <string.h>
#include "web/web.h"

static void select_field(struct req *r, const char *id, const char *key, bool optional)
{
	buf_addf(&r->out, "<div class=\"field\"><label for=\"%s\">", id);
	html(r, T(r, key));
	buf_addf(&r->out, "</label><select id=\"%s\" name=\"%s\"%s>", id, id + 2,
		 optional ? "" : " required");
	if (optional) {
		buf_adds(&r->out, "<option value=\"\">—</option>");
	}
	buf_adds(&r->out, "</select></div>");
}

int page_import(struct req *r)
{
	if (r->me.role != ROLE_ADMIN && r->me.role != ROLE_MANAGER)
		return forbidden(r, "import activity");
	page_open_script(r, T(r, "import.title"), "import.js");
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "import.title"));
	buf_adds(&r->out, "</h1><p>");
	html(r, T(r, "import.intro"));
	buf_adds(&r->out, "</p><noscript><p class=\"error\">");
	html(r, T(r, "import.noscript"));
	buf_adds(&r->out, "</p></noscript>");
	buf_adds(&r->out, "<form id=\"import-form\"><div class=\"field\"><label for=\"f-file\">");
	html(r, T(r, "import.file"));
	buf_adds(&r->out, "</label><input id=\"f-file\" name=\"file\" type=\"file\""
		 " accept=\".csv,.txt,.tsv,.jsonl,.ndjson,text/csv\"></div>");
	buf_adds(&r->out, "<section id=\"preview-section\" hidden><h2>");
	html(r, T(r, "import.preview"));
	buf_adds(&r->out, "</h2><p id=\"dialect\" class=\"muted\"></p><div class=\"scroll\">"
		 "<table id=\"preview\"></table></div></section>");
	buf_adds(&r->out, "<section id=\"mapping-section\" hidden><h2>");
	html(r, T(r, "import.mapping"));
	buf_adds(&r->out, "</h2><div class=\"field\"><label for=\"f-kind\">");
	html(r, T(r, "import.kind"));
	buf_adds(&r->out, "</label><input id=\"f-kind\" name=\"kind\" list=\"kinds\" value=\"call\" required>"
		 "<datalist id=\"kinds\"><option value=\"call\"><option value=\"sale\">"
		 "<option value=\"deal\"><option value=\"ticket\"><option value=\"appointment\">"
		 "<option value=\"lead\"><option value=\"survey\"></datalist></div>");
	select_field(r, "f-person", "import.person", false);
	select_field(r, "f-date", "import.date", false);
	select_field(r, "f-time", "import.time", true);
	select_field(r, "f-id", "import.id", true);
	buf_adds(&r->out, "<h3>");
	html(r, T(r, "import.fields"));
	buf_adds(&r->out, "</h3><div class=\"scroll\"><table id=\"fields\"><thead><tr><th scope=\"col\">");
	html(r, T(r, "import.use"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "import.column"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "import.name"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "import.type"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "import.sample"));
	buf_adds(&r->out, "</th></tr></thead><tbody></tbody></table></div>");
	/* one row per column, cloned by the script with its labels in place */
	buf_adds(&r->out, "<template id=\"field-row\"><tr><td><input type=\"checkbox\" class=\"use\" aria-label=\"");
	html(r, T(r, "import.use"));
	buf_adds(&r->out, "\"></td><th scope=\"row\" class=\"col\"></th><td><input class=\"name\" aria-label=\"");
	html(r, T(r, "import.name"));
	buf_adds(&r->out, "\"></td><td><select class=\"type\" aria-label=\"");
	html(r, T(r, "import.type"));
	buf_adds(&r->out, "\">");
	static const char *const types[] = { "text", "number", "bool", "time", "date", "duration",
					     "minutes" };
	for (size_t i = 0; i < sizeof(types) / sizeof(*types); i++) {
		char key[32];
		snprintf(key, sizeof(key), "import.t_%s", types[i]);
		buf_addf(&r->out, "<option value=\"%s\">", types[i]);
		html(r, T(r, key));
		buf_adds(&r->out, "</option>");
	}
	buf_adds(&r->out, "</select></td><td class=\"sample\"></td></tr></template>");
	buf_adds(&r->out, "<div class=\"field check\"><input id=\"f-keep\" name=\"keep_good\" type=\"checkbox\">"
		 "<label for=\"f-keep\">");
	html(r, T(r, "import.keep_good"));
	buf_adds(&r->out, "</label></div><div class=\"field\"><label for=\"f-save\">");
	html(r, T(r, "import.save"));
	buf_adds(&r->out, "</label><input id=\"f-save\" name=\"save_mapping\"></div><p><button type=\"submit\">");
	html(r, T(r, "import.run"));
	buf_adds(&r->out, "</button> <progress id=\"running\" hidden></progress></p></section></form>");
	buf_adds(&r->out, "<section id=\"report\" aria-live=\"polite\"></section>");
	/* words the script shows, in the page's language */
	buf_adds(&r->out, "<div id=\"import-words\" hidden");
	static const char *const words[] = { "read", "stored", "duplicates", "rejected", "nothing",
					     "line", "column", "done", "failed", "dialect_comma",
					     "dialect_semicolon", "dialect_tab", "decimal_comma" };
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		char key[40];
		snprintf(key, sizeof(key), "import.w_%s", words[i]);
		buf_addf(&r->out, " data-%s=\"", words[i]);
		html(r, T(r, key));
		buf_adds(&r->out, "\"");
	}
	buf_adds(&r->out, "></div>");
	return page_close(r);
}

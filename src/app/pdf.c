/* The PDF writer (pdf.h) over libharu. */
#include <hpdf.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "app/pdf.h"
#include "core/figure.h"

#define PAGE_W 595.0f   /* A4 in points */
#define PAGE_H 842.0f
#define MARGIN 50.0f

struct pdf {
	HPDF_Doc doc;
	HPDF_Page page;
	HPDF_Font regular, bold;
	float y;             /* the baseline of the next line */
	int failed;
};

static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	(void)code;
	(void)detail;
	((struct pdf *)data)->failed = 1;
}

static void new_page(struct pdf *p)
{
	p->page = HPDF_AddPage(p->doc);
	HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	p->y = PAGE_H - MARGIN;
}

static void room(struct pdf *p, float h)
{
	if (p->y - h < MARGIN)
		new_page(p);
}

struct pdf *pdf_new(const char *title, struct err *e)
{
	struct pdf *p = calloc(1, sizeof(*p));
	if (!p) {
		err_set(e, 500, "internal", NULL, "the PDF could not be written", NULL);
		return NULL;
	}
	p->doc = HPDF_New(on_error, p);
	if (!p->doc)
		goto fail;
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->doc);
	HPDF_SetCurrentEncoder(p->doc, "UTF-8");
	const char *r = HPDF_LoadTTFontFromFile(p->doc, PDF_FONT_DIR "/DejaVuSans.ttf", HPDF_TRUE);
	const char *b = HPDF_LoadTTFontFromFile(p->doc, PDF_FONT_DIR "/DejaVuSans-Bold.ttf",
						 HPDF_TRUE);
	if (!r || !b || p->failed)
		goto fail;
	p->regular = HPDF_GetFont(p->doc, r, "UTF-8");
	p->bold = HPDF_GetFont(p->doc, b, "UTF-8");
	if (!p->regular || !p->bold || p->failed)
		goto fail;
	if (title)
		HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, title);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "cible");
	new_page(p);
	if (p->failed)
		goto fail;
	return p;
fail:
	pdf_free(p);
	err_set(e, 500, "internal", NULL, "the PDF could not be written", NULL);
	return NULL;
}

void pdf_free(struct pdf *p)
{
	if (!p)
		return;
	if (p->doc)
		HPDF_Free(p->doc);
	free(p);
}

/* Draws text wrapped in [x, x + width] from the current line down; returns
 * the height used. Lines break at spaces; a word longer than the width is
 * cut where it must. */
static float wrap(struct pdf *p, float x, float width, const char *text, float size, bool bold,
		  float top)
{
	HPDF_Font f = bold ? p->bold : p->regular;
	float lead = size * 1.35f, y = top;
	const char *s = text ? text : "";
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		char line[2048];
		if (len >= sizeof(line))
			len = sizeof(line) - 1;
		memcpy(line, s, len);
		line[len] = '\0';
		s += len + (nl ? 1 : 0);
		const char *t = line;
		if (!*t)
			y -= lead;
		while (*t) {
			HPDF_REAL real;
			HPDF_UINT n = HPDF_Font_MeasureText(f, (const HPDF_BYTE *)t, (HPDF_UINT)strlen(t),
							    width, size, 0, 0, HPDF_TRUE, &real);
			if (!n)   /* one word wider than the column: cut it */
				n = HPDF_Font_MeasureText(f, (const HPDF_BYTE *)t,
							  (HPDF_UINT)strlen(t), width, size, 0, 0,
							  HPDF_FALSE, &real);
			if (!n)
				n = 1;
			while (n < strlen(t) && ((unsigned char)t[n] & 0xC0) == 0x80)
				n--;   /* never split a character */
			if (!n)
				n = 1;
			char part[2048];
			memcpy(part, t, n);
			part[n] = '\0';
			y -= lead;
			HPDF_Page_BeginText(p->page);
			HPDF_Page_SetFontAndSize(p->page, f, size);
			HPDF_Page_TextOut(p->page, x, y + lead - size, part);
			HPDF_Page_EndText(p->page);
			t += n;
			while (*t == ' ')
				t++;
		}
	}
	return top - y;
}

void pdf_text(struct pdf *p, const char *text, float size, bool bold)
{
	const char *s = text ? text : "";
	/* a paragraph flows over pages: one line at a time */
	char line[2048];
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		if (len >= sizeof(line))
			len = sizeof(line) - 1;
		memcpy(line, s, len);
		line[len] = '\0';
		s += len + (nl ? 1 : 0);
		/* measure first: the height the line takes */
		HPDF_Font f = bold ? p->bold : p->regular;
		HPDF_REAL real;
		float lead = size * 1.35f;
		const char *t = line;
		if (!*t) {
			p->y -= lead;
			continue;
		}
		while (*t) {
			HPDF_UINT n = HPDF_Font_MeasureText(f, (const HPDF_BYTE *)t, (HPDF_UINT)strlen(t),
							    PAGE_W - 2 * MARGIN, size, 0, 0, HPDF_TRUE,
							    &real);
			if (!n)
				n = (HPDF_UINT)strlen(t);
			char part[2048];
			memcpy(part, t, n);
			part[n] = '\0';
			room(p, lead);
			p->y -= wrap(p, MARGIN, PAGE_W - 2 * MARGIN, part, size, bold, p->y);
			t += n;
			while (*t == ' ')
				t++;
		}
	}
}

void pdf_heading(struct pdf *p, const char *text, float size)
{
	room(p, size * 4);
	p->y -= size * 0.6f;
	pdf_text(p, text, size, true);
	p->y -= size * 0.3f;
}

void pdf_gap(struct pdf *p, float points)
{
	p->y -= points;
	if (p->y < MARGIN)
		new_page(p);
}

void pdf_keep(struct pdf *p, float points)
{
	room(p, points);
}

void pdf_rule(struct pdf *p)
{
	room(p, 8);
	p->y -= 4;
	HPDF_Page_SetLineWidth(p->page, 0.5f);
	HPDF_Page_SetRGBStroke(p->page, 0.7f, 0.7f, 0.7f);
	HPDF_Page_MoveTo(p->page, MARGIN, p->y);
	HPDF_Page_LineTo(p->page, PAGE_W - MARGIN, p->y);
	HPDF_Page_Stroke(p->page);
	p->y -= 4;
}

/* the height cells take, measured without drawing */
static float row_height(struct pdf *p, const char *const *cells, const float *w, size_t n,
			float size, bool bold)
{
	HPDF_Font f = bold ? p->bold : p->regular;
	float lead = size * 1.35f, h = lead;
	for (size_t i = 0; i < n; i++) {
		const char *t = cells[i] ? cells[i] : "";
		float lines = 0;
		while (*t) {
			HPDF_REAL real;
			HPDF_UINT k = HPDF_Font_MeasureText(f, (const HPDF_BYTE *)t, (HPDF_UINT)strlen(t),
							    w[i] - 6, size, 0, 0, HPDF_TRUE, &real);
			if (!k)
				k = HPDF_Font_MeasureText(f, (const HPDF_BYTE *)t, (HPDF_UINT)strlen(t),
							  w[i] - 6, size, 0, 0, HPDF_FALSE, &real);
			t += k ? k : 1;
			while (*t == ' ')
				t++;
			lines++;
		}
		if (lines * lead > h)
			h = lines * lead;
	}
	return h;
}

void pdf_row(struct pdf *p, const char *const *cells, const float *widths, size_t n, bool bold)
{
	float w[16], left = PAGE_W - 2 * MARGIN, size = 9.5f;
	if (n > 16)
		n = 16;
	for (size_t i = 0; i < n; i++) {
		w[i] = i + 1 == n ? left : widths[i];
		left -= w[i];
	}
	float h = row_height(p, cells, w, n, size, bold);
	room(p, h + 4);
	float x = MARGIN;
	for (size_t i = 0; i < n; i++) {
		wrap(p, x, w[i] - 6, cells[i], size, bold, p->y);
		x += w[i];
	}
	p->y -= h + 4;
}

void pdf_bar(struct pdf *p, double share, float width, const char *label)
{
	float h = 9, size = 9.5f;
	room(p, h + 8);
	float top = p->y - 2;
	if (share >= 0 && isfinite(share)) {
		double fillw = share > 1 ? 1 : share;
		HPDF_Page_SetRGBFill(p->page, 0.9f, 0.91f, 0.93f);
		HPDF_Page_Rectangle(p->page, MARGIN, top - h, width, h);
		HPDF_Page_Fill(p->page);
		if (share >= 1)
			HPDF_Page_SetRGBFill(p->page, 0.13f, 0.55f, 0.33f);
		else if (share >= 0.5)
			HPDF_Page_SetRGBFill(p->page, 0.16f, 0.39f, 0.75f);
		else
			HPDF_Page_SetRGBFill(p->page, 0.80f, 0.42f, 0.13f);
		if (fillw > 0) {
			HPDF_Page_Rectangle(p->page, MARGIN, top - h, (float)(width * fillw), h);
			HPDF_Page_Fill(p->page);
		}
		HPDF_Page_SetRGBStroke(p->page, 0.5f, 0.5f, 0.55f);
		HPDF_Page_SetLineWidth(p->page, 0.5f);
		HPDF_Page_Rectangle(p->page, MARGIN, top - h, width, h);
		HPDF_Page_Stroke(p->page);
		HPDF_Page_SetRGBFill(p->page, 0, 0, 0);
	} else {
		width = 0;
	}
	if (label) {
		HPDF_Page_BeginText(p->page);
		HPDF_Page_SetFontAndSize(p->page, p->regular, size);
		HPDF_Page_TextOut(p->page, MARGIN + width + (width ? 8 : 0), top - h + 1.5f, label);
		HPDF_Page_EndText(p->page);
	}
	p->y = top - h - 6;
}

int pdf_save(struct pdf *p, struct buf *out, struct err *e)
{
	if (p->failed || HPDF_SaveToStream(p->doc) != HPDF_OK)
		return err_set(e, 500, "internal", NULL, "the PDF could not be written", NULL);
	HPDF_UINT32 size = HPDF_GetStreamSize(p->doc);
	HPDF_ResetStream(p->doc);
	char chunk[8192];
	while (size) {
		HPDF_UINT32 n = size < sizeof(chunk) ? size : (HPDF_UINT32)sizeof(chunk);
		HPDF_STATUS st = HPDF_ReadFromStream(p->doc, (HPDF_BYTE *)chunk, &n);
		if (n)
			buf_add(out, chunk, n);
		size -= n;
		if (st != HPDF_OK || !n)
			break;
	}
	if (size)
		return err_set(e, 500, "internal", NULL, "the PDF could not be written", NULL);
	return 0;
}

void pdf_num(double v, int decimals, const char *locale, char out[48])
{
	struct buf t = BUF_INIT;
	buf_add_num(&t, v, decimals, NUM_FIXED, !locale || !strcmp(locale, "fr") ? LANG_FR : LANG_EN);
	snprintf(out, 48, "%s", t.len ? t.data : "");
	buf_free(&t);
}

void pdf_date(day_t d, const char *locale, char out[16])
{
	char iso[11];
	date_format_iso(d, iso);
	if (!locale || !strcmp(locale, "fr"))
		snprintf(out, 16, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	else
		snprintf(out, 16, "%s", iso);
}

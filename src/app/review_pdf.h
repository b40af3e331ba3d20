/* A review as a PDF (app/pdf.h): the words in lang (the reader's), the
 * numbers and dates in the organisation's locale, the objectives with their
 * outcomes and progress bars, the texts, the assessments as the reader may
 * see them, the signatures. */
#ifndef CIBLE_APP_REVIEW_PDF_H
#define CIBLE_APP_REVIEW_PDF_H
#include "app/review.h"

int app_review_pdf(struct app *a, id_t64 id, enum lang lang, struct buf *out,
		   struct err *e);

#endif

/* The indicator language: a recursive-descent parser into a fixed node array,
 * evaluation per record (three-valued logic: a comparison with a missing
 * value is unknown, and an unknown condition counts a record neither in nor
 * out), and the outer arithmetic over aggregate slots. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/buf.h"
#include "core/indicator.h"

enum op {
	N_NUM, N_STR, N_FIELD, N_BOOL, N_NULL,
	N_ADD, N_SUB, N_MUL, N_DIV, N_NEG,
	N_AGG,
	N_AND, N_OR, N_NOT, N_EQ, N_NE, N_LT, N_LE, N_GT, N_GE,
	N_IN, N_LIST, N_ISNULL, N_NOTNULL,
};

enum agg { A_COUNT, A_SUM, A_AVG, A_MIN, A_MAX, A_SHARE, A_DISTINCT, A_PERCENTILE };

static const struct { const char *name; enum agg agg; } aggs[] = {
	{ "count", A_COUNT }, { "sum", A_SUM }, { "avg", A_AVG }, { "min", A_MIN },
	{ "max", A_MAX }, { "share", A_SHARE }, { "distinct", A_DISTINCT },
	{ "percentile", A_PERCENTILE },
};

enum tok { T_END, T_NUM, T_IDENT, T_QIDENT, T_STR, T_LP, T_RP, T_COMMA, T_PLUS, T_MINUS,
	   T_STAR, T_SLASH, T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE, T_BAD };

enum ctx { OUTER, RECORD };

struct parser {
	const char *src;
	size_t len, at;
	/* the current token */
	enum tok t;
	size_t tstart, tlen;
	double tnum;
	struct indicator *ind;
	struct err *e;
	int depth;
	bool failed;
};

/* --- errors ------------------------------------------------------------ */

static int fail(struct parser *p, size_t pos, const char *code, const char *what)
{
	if (p->failed)
		return -1;
	p->failed = true;
	char at[24];
	snprintf(at, sizeof(at), "%zu", pos + 1);
	char piece[48];
	if (!what) {
		if (p->t == T_END) {
			what = "(fin)";
		} else {
			size_t n = p->tlen < sizeof(piece) - 1 ? p->tlen : sizeof(piece) - 1;
			memcpy(piece, p->src + p->tstart, n);
			piece[n] = '\0';
			what = piece;
		}
	}
	err_set(p->e, 422, code, at, at, what);
	snprintf(p->e->field, sizeof(p->e->field), "expr");
	return -1;
}

/* --- tokens ------------------------------------------------------------ */

static void next(struct parser *p)
{
	const char *s = p->src;
	while (p->at < p->len && isspace((unsigned char)s[p->at]))
		p->at++;
	p->tstart = p->at;
	p->tlen = 0;
	if (p->at >= p->len) {
		p->t = T_END;
		return;
	}
	unsigned char c = (unsigned char)s[p->at];
	if (isdigit(c) || (c == '.' && p->at + 1 < p->len && isdigit((unsigned char)s[p->at + 1]))) {
		size_t i = p->at;
		while (i < p->len && (isdigit((unsigned char)s[i]) || s[i] == '.'))
			i++;
		if (i < p->len && (s[i] == 'e' || s[i] == 'E')) {
			size_t j = i + 1;
			if (j < p->len && (s[j] == '+' || s[j] == '-'))
				j++;
			if (j < p->len && isdigit((unsigned char)s[j])) {
				while (j < p->len && isdigit((unsigned char)s[j]))
					j++;
				i = j;
			}
		}
		char num[64];
		size_t n = i - p->at;
		p->tlen = n;
		if (n >= sizeof(num)) {
			p->t = T_BAD;
			return;
		}
		memcpy(num, s + p->at, n);
		num[n] = '\0';
		char *end;
		p->tnum = strtod(num, &end);
		p->t = *end || !isfinite(p->tnum) ? T_BAD : T_NUM;
		p->at = i;
		return;
	}
	if (isalpha(c) || c == '_' || c >= 0x80) {
		size_t i = p->at;
		while (i < p->len && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '.' ||
				      (unsigned char)s[i] >= 0x80))
			i++;
		p->t = T_IDENT;
		p->tlen = i - p->at;
		p->at = i;
		return;
	}
	if (c == '\'' || c == '"') {
		size_t i = p->at + 1;
		for (;;) {
			if (i >= p->len) {
				p->t = T_BAD;
				p->tlen = i - p->at;
				p->at = i;
				return;
			}
			if ((unsigned char)s[i] == c) {
				if (i + 1 < p->len && (unsigned char)s[i + 1] == c) {
					i += 2;  /* '' is a quote inside */
					continue;
				}
				break;
			}
			i++;
		}
		p->t = c == '\'' ? T_STR : T_QIDENT;
		p->tlen = i + 1 - p->at;
		p->at = i + 1;
		return;
	}
	p->tlen = 1;
	p->at++;
	char d = p->at < p->len ? s[p->at] : '\0';
	switch (c) {
	case '(': p->t = T_LP; return;
	case ')': p->t = T_RP; return;
	case ',': p->t = T_COMMA; return;
	case '+': p->t = T_PLUS; return;
	case '-': p->t = T_MINUS; return;
	case '*': p->t = T_STAR; return;
	case '/': p->t = T_SLASH; return;
	case '=':
		if (d == '=') { p->at++; p->tlen = 2; }
		p->t = T_EQ;
		return;
	case '!':
		if (d == '=') { p->at++; p->tlen = 2; p->t = T_NE; return; }
		break;
	case '<':
		if (d == '=') { p->at++; p->tlen = 2; p->t = T_LE; return; }
		if (d == '>') { p->at++; p->tlen = 2; p->t = T_NE; return; }
		p->t = T_LT;
		return;
	case '>':
		if (d == '=') { p->at++; p->tlen = 2; p->t = T_GE; return; }
		p->t = T_GT;
		return;
	}
	p->t = T_BAD;
}

static bool is_word(const struct parser *p, const char *w)
{
	return p->t == T_IDENT && strlen(w) == p->tlen && !strncasecmp(p->src + p->tstart, w, p->tlen);
}

/* the character after the current token, skipping blanks */
static char peek_char(const struct parser *p)
{
	size_t i = p->at;
	while (i < p->len && isspace((unsigned char)p->src[i]))
		i++;
	return i < p->len ? p->src[i] : '\0';
}

/* --- nodes ------------------------------------------------------------- */

static int node(struct parser *p, enum op op, int a, int b, size_t pos)
{
	struct indicator *ind = p->ind;
	if (ind->nnodes == IND_MAX_NODES)
		return fail(p, pos, "ind_too_complex", NULL);
	struct ind_node *n = &ind->node[ind->nnodes];
	memset(n, 0, sizeof(*n));
	n->op = (uint8_t)op;
	n->a = (int16_t)a;
	n->b = (int16_t)b;
	n->field = n->slot = -1;
	n->pos = (int)pos + 1;
	return ind->nnodes++;
}

/* Copies len bytes (with '' or "" unescaped when q) into the pool. */
static int pool_add(struct parser *p, const char *s, size_t len, char q, size_t pos)
{
	struct indicator *ind = p->ind;
	if ((size_t)ind->npool + len + 1 > IND_POOL)
		return fail(p, pos, "ind_too_complex", NULL);
	int off = ind->npool;
	char *out = ind->pool + off;
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		out[k++] = s[i];
		if (q && s[i] == q && i + 1 < len && s[i + 1] == q)
			i++;
	}
	out[k] = '\0';
	ind->npool += (int)k + 1;
	return off;
}

static int field_ref(struct parser *p, const char *name, size_t len, char q, size_t pos)
{
	struct indicator *ind = p->ind;
	char tmp[128];
	if (len >= sizeof(tmp) || len == 0)
		return fail(p, pos, "ind_expected_field", NULL);
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		tmp[k++] = name[i];
		if (q && name[i] == q && i + 1 < len && name[i + 1] == q)
			i++;
	}
	tmp[k] = '\0';
	int idx = -1;
	for (int i = 0; i < ind->nfields; i++)
		if (!strcmp(ind->pool + ind->field[i], tmp))
			idx = i;
	if (idx < 0) {
		if (ind->nfields == IND_MAX_FIELDS)
			return fail(p, pos, "ind_too_complex", NULL);
		int off = pool_add(p, tmp, k, 0, pos);
		if (off < 0)
			return -1;
		idx = ind->nfields++;
		ind->field[idx] = (uint16_t)off;
	}
	int n = node(p, N_FIELD, -1, -1, pos);
	if (n >= 0)
		ind->node[n].field = (int16_t)idx;
	return n;
}

/* --- grammar ----------------------------------------------------------- *
 *   expr    := or
 *   or      := and ('or' and)*          (record context only)
 *   and     := not ('and' not)*
 *   not     := 'not' not | cmp
 *   cmp     := add [ (=|!=|<>|<|<=|>|>=) add | ['not'] 'in' '(' add {, add} ')'
 *                    | 'is' ['not'] 'null' ]
 *   add     := mul (('+'|'-') mul)*
 *   mul     := unary (('*'|'/') unary)*
 *   unary   := '-' unary | primary
 *   primary := number | '(' expr ')' | aggregate | ratio(expr, expr)
 *              | field | "quoted field" | 'string' | true | false | null
 *   aggregate := name '(' [args] ')' ['where' or]
 * Fields, strings and conditions live inside aggregates (record context);
 * outside, only numbers and aggregates combine. */

static int p_or(struct parser *p, enum ctx c);
static int p_add(struct parser *p, enum ctx c);

static int enter(struct parser *p)
{
	if (++p->depth > 40)
		return fail(p, p->tstart, "ind_too_complex", NULL);
	return 0;
}

static int expect(struct parser *p, enum tok t, const char *what)
{
	if (p->t != t)
		return fail(p, p->tstart, "ind_expected", what);
	next(p);
	return 0;
}

static int p_aggregate(struct parser *p, size_t pos, size_t nlen)
{
	struct indicator *ind = p->ind;
	const char *name = p->src + pos;
	if (nlen == 5 && !strncasecmp(name, "ratio", 5)) {
		next(p);  /* ( */
		next(p);
		int a = p_add(p, OUTER);
		if (a < 0 || expect(p, T_COMMA, ","))
			return -1;
		int b = p_add(p, OUTER);
		if (b < 0 || expect(p, T_RP, ")"))
			return -1;
		return node(p, N_DIV, a, b, pos);
	}
	int agg = -1;
	for (size_t i = 0; i < sizeof(aggs) / sizeof(aggs[0]); i++)
		if (strlen(aggs[i].name) == nlen && !strncasecmp(name, aggs[i].name, nlen))
			agg = (int)aggs[i].agg;
	if (agg < 0) {
		char fn[48];
		snprintf(fn, sizeof(fn), "%.*s", (int)(nlen < 40 ? nlen : 40), name);
		return fail(p, pos, "ind_unknown_function", fn);
	}
	if (ind->nslots == IND_MAX_SLOTS)
		return fail(p, pos, "ind_too_complex", NULL);
	int si = ind->nslots++;
	struct ind_slot *s = &ind->slot[si];
	memset(s, 0, sizeof(*s));
	s->agg = (uint8_t)agg;
	s->field = s->where = s->hit = -1;
	next(p);  /* ( */
	next(p);
	if (agg == A_COUNT) {
		if (p->t == T_STAR) {
			next(p);
		} else if (p->t != T_RP) {
			int a = p_add(p, RECORD);
			if (a < 0)
				return -1;
			s->field = (int16_t)a;  /* count(x): records where x is not missing */
		}
	} else if (agg == A_SHARE) {
		int h = p_or(p, RECORD);
		if (h < 0)
			return -1;
		s->hit = (int16_t)h;
	} else {
		if (p->t == T_RP)
			return fail(p, p->tstart, "ind_expected_field", NULL);
		int a = p_add(p, RECORD);
		if (a < 0)
			return -1;
		s->field = (int16_t)a;
		if (agg == A_PERCENTILE) {
			if (expect(p, T_COMMA, ","))
				return -1;
			size_t rpos = p->tstart;
			if (p->t != T_NUM || p->tnum < 0 || p->tnum > 100)
				return fail(p, rpos, "ind_bad_percentile", NULL);
			s->rank = p->tnum;
			next(p);
		}
	}
	if (expect(p, T_RP, ")"))
		return -1;
	if (is_word(p, "where")) {
		next(p);
		int w = p_or(p, RECORD);
		if (w < 0)
			return -1;
		s->where = (int16_t)w;
	}
	int n = node(p, N_AGG, -1, -1, pos);
	if (n >= 0)
		ind->node[n].slot = (int16_t)si;
	return n;
}

static int p_primary(struct parser *p, enum ctx c)
{
	size_t pos = p->tstart;
	int n;
	switch (p->t) {
	case T_NUM:
		n = node(p, N_NUM, -1, -1, pos);
		if (n >= 0)
			p->ind->node[n].num = p->tnum;
		next(p);
		return n;
	case T_LP:
		next(p);
		if (enter(p))
			return -1;
		n = c == RECORD ? p_or(p, c) : p_add(p, c);
		p->depth--;
		if (n < 0 || expect(p, T_RP, ")"))
			return -1;
		return n;
	case T_STR:
		if (c == OUTER)
			return fail(p, pos, "ind_outside_aggregate", NULL);
		n = node(p, N_STR, -1, -1, pos);
		if (n >= 0) {
			int off = pool_add(p, p->src + pos + 1, p->tlen - 2, '\'', pos);
			if (off < 0)
				return -1;
			p->ind->node[n].str = (uint16_t)off;
		}
		next(p);
		return n;
	case T_QIDENT:
		if (c == OUTER)
			return fail(p, pos, "ind_outside_aggregate", NULL);
		n = field_ref(p, p->src + pos + 1, p->tlen - 2, '"', pos);
		next(p);
		return n;
	case T_IDENT:
		if (peek_char(p) == '(') {
			if (c == RECORD)
				return fail(p, pos, "ind_nested_aggregate", NULL);
			return p_aggregate(p, pos, p->tlen);
		}
		if (c == OUTER)
			return fail(p, pos, "ind_outside_aggregate", NULL);
		if (is_word(p, "true") || is_word(p, "false")) {
			n = node(p, N_BOOL, -1, -1, pos);
			if (n >= 0)
				p->ind->node[n].num = is_word(p, "true");
			next(p);
			return n;
		}
		if (is_word(p, "null")) {
			next(p);
			return node(p, N_NULL, -1, -1, pos);
		}
		static const char *const reserved[] = { "and", "or", "not", "in", "is", "where" };
		for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
			if (is_word(p, reserved[i]))
				return fail(p, pos, "ind_expected_value", NULL);
		n = field_ref(p, p->src + pos, p->tlen, 0, pos);
		next(p);
		return n;
	case T_END:
		return fail(p, pos, p->ind->nnodes ? "ind_expected_value" : "ind_empty", NULL);
	case T_BAD:
		if (p->src[pos] == '\'' || p->src[pos] == '"')
			return fail(p, pos, "ind_unterminated_string", "'");
		return fail(p, pos, "ind_unexpected", NULL);
	default:
		return fail(p, pos, "ind_expected_value", NULL);
	}
}

static int p_unary(struct parser *p, enum ctx c)
{
	if (p->t == T_MINUS) {
		size_t pos = p->tstart;
		next(p);
		if (enter(p))
			return -1;
		int a = p_unary(p, c);
		p->depth--;
		return a < 0 ? -1 : node(p, N_NEG, a, -1, pos);
	}
	return p_primary(p, c);
}

static int p_mul(struct parser *p, enum ctx c)
{
	int a = p_unary(p, c);
	while (a >= 0 && (p->t == T_STAR || p->t == T_SLASH)) {
		enum op op = p->t == T_STAR ? N_MUL : N_DIV;
		size_t pos = p->tstart;
		next(p);
		int b = p_unary(p, c);
		a = b < 0 ? -1 : node(p, op, a, b, pos);
	}
	return a;
}

static int p_add(struct parser *p, enum ctx c)
{
	int a = p_mul(p, c);
	while (a >= 0 && (p->t == T_PLUS || p->t == T_MINUS)) {
		enum op op = p->t == T_PLUS ? N_ADD : N_SUB;
		size_t pos = p->tstart;
		next(p);
		int b = p_mul(p, c);
		a = b < 0 ? -1 : node(p, op, a, b, pos);
	}
	return a;
}

static int p_cmp(struct parser *p, enum ctx c)
{
	int a = p_add(p, c);
	if (a < 0)
		return -1;
	size_t pos = p->tstart;
	static const struct { enum tok t; enum op op; } cmps[] = {
		{ T_EQ, N_EQ }, { T_NE, N_NE }, { T_LT, N_LT }, { T_LE, N_LE }, { T_GT, N_GT },
		{ T_GE, N_GE } };
	for (size_t i = 0; i < sizeof(cmps) / sizeof(cmps[0]); i++)
		if (p->t == cmps[i].t) {
			next(p);
			int b = p_add(p, c);
			return b < 0 ? -1 : node(p, cmps[i].op, a, b, pos);
		}
	bool negate = false;
	if (is_word(p, "not")) {
		next(p);
		if (!is_word(p, "in"))
			return fail(p, p->tstart, "ind_expected", "in");
		negate = true;
	}
	if (is_word(p, "in")) {
		next(p);
		if (expect(p, T_LP, "("))
			return -1;
		int head = -1, tail = -1;
		for (;;) {
			int v = p_add(p, c);
			if (v < 0)
				return -1;
			int l = node(p, N_LIST, v, -1, pos);
			if (l < 0)
				return -1;
			if (tail >= 0)
				p->ind->node[tail].b = (int16_t)l;
			else
				head = l;
			tail = l;
			if (p->t != T_COMMA)
				break;
			next(p);
		}
		if (expect(p, T_RP, ")"))
			return -1;
		int n = node(p, N_IN, a, head, pos);
		return n < 0 || !negate ? n : node(p, N_NOT, n, -1, pos);
	}
	if (is_word(p, "is")) {
		next(p);
		bool isnot = false;
		if (is_word(p, "not")) {
			isnot = true;
			next(p);
		}
		if (!is_word(p, "null"))
			return fail(p, p->tstart, "ind_expected", "null");
		next(p);
		return node(p, isnot ? N_NOTNULL : N_ISNULL, a, -1, pos);
	}
	return a;
}

static int p_not(struct parser *p, enum ctx c)
{
	if (is_word(p, "not")) {
		size_t pos = p->tstart;
		next(p);
		if (enter(p))
			return -1;
		int a = p_not(p, c);
		p->depth--;
		return a < 0 ? -1 : node(p, N_NOT, a, -1, pos);
	}
	return p_cmp(p, c);
}

static int p_and(struct parser *p, enum ctx c)
{
	int a = p_not(p, c);
	while (a >= 0 && is_word(p, "and")) {
		size_t pos = p->tstart;
		next(p);
		int b = p_not(p, c);
		a = b < 0 ? -1 : node(p, N_AND, a, b, pos);
	}
	return a;
}

static int p_or(struct parser *p, enum ctx c)
{
	if (enter(p))
		return -1;
	int a = p_and(p, c);
	while (a >= 0 && is_word(p, "or")) {
		size_t pos = p->tstart;
		next(p);
		int b = p_and(p, c);
		a = b < 0 ? -1 : node(p, N_OR, a, b, pos);
	}
	p->depth--;
	return a;
}

/* A sum of counts and sums (scaled by constants) adds up over time. */
static bool is_cumulative(const struct indicator *ind, int n)
{
	const struct ind_node *x = &ind->node[n];
	switch (x->op) {
	case N_AGG: {
		int agg = ind->slot[x->slot].agg;
		return agg == A_COUNT || agg == A_SUM;
	}
	case N_ADD: case N_SUB:
		return is_cumulative(ind, x->a) && is_cumulative(ind, x->b);
	case N_NEG:
		return is_cumulative(ind, x->a);
	case N_MUL:
		return (ind->node[x->a].op == N_NUM && is_cumulative(ind, x->b)) ||
		       (ind->node[x->b].op == N_NUM && is_cumulative(ind, x->a));
	case N_DIV:
		return ind->node[x->b].op == N_NUM && is_cumulative(ind, x->a);
	default:
		return false;
	}
}

static bool has_aggregate(const struct indicator *ind, int n)
{
	if (n < 0)
		return false;
	const struct ind_node *x = &ind->node[n];
	return x->op == N_AGG || has_aggregate(ind, x->a) || has_aggregate(ind, x->b);
}

int indicator_parse(const char *src, struct indicator *ind, struct err *e)
{
	memset(ind, 0, sizeof(*ind));
	ind->root = -1;
	struct parser p = { .src = src, .len = strlen(src), .ind = ind, .e = e };
	if (p.len > IND_MAX_LEN)
		return fail(&p, IND_MAX_LEN, "ind_too_complex", "…");
	ind->npool = 1;  /* offset 0 is the empty string */
	next(&p);
	if (p.t == T_END)
		return fail(&p, 0, "ind_empty", NULL);
	int root = p_add(&p, OUTER);
	if (root < 0)
		return -1;
	if (p.t != T_END) {
		if (is_word(&p, "where"))
			return fail(&p, p.tstart, "ind_where_placement", NULL);
		if (is_word(&p, "and") || is_word(&p, "or") || (p.t >= T_EQ && p.t <= T_GE))
			return fail(&p, p.tstart, "ind_outside_aggregate", NULL);
		return fail(&p, p.tstart, "ind_unexpected", NULL);
	}
	if (!has_aggregate(ind, root))
		return fail(&p, 0, "ind_no_aggregate", NULL);
	ind->root = root;
	ind->cumulative = is_cumulative(ind, root);
	ind->mergeable = true;
	for (int i = 0; i < ind->nslots; i++)
		if (ind->slot[i].agg == A_DISTINCT || ind->slot[i].agg == A_PERCENTILE)
			ind->mergeable = false;
	return 0;
}

const char *indicator_field(const struct indicator *ind, int i)
{
	return i >= 0 && i < ind->nfields ? ind->pool + ind->field[i] : NULL;
}

void indicator_bind(const struct indicator *ind, const char *const *names, size_t n, int *map)
{
	for (int i = 0; i < ind->nfields; i++) {
		map[i] = -1;
		for (size_t k = 0; k < n; k++)
			if (names[k] && !strcmp(names[k], ind->pool + ind->field[i])) {
				map[i] = (int)k;
				break;
			}
	}
}

/* --- evaluation on one record ------------------------------------------ */

static const struct ival VNULL = { IV_NULL, 0, NULL };

static struct ival vbool(int b)
{
	struct ival v = { IV_BOOL, b ? 1 : 0, NULL };
	return v;
}

static struct ival vnum(double d)
{
	struct ival v = { IV_NUM, d, NULL };
	return v;
}

/* "Y", "oui", "true", "1"... as a boolean: 1, 0, or -1 when it is not one */
static int yes_no(const char *s)
{
	static const char *const yes[] = { "y", "yes", "o", "oui", "true", "vrai", "1" };
	static const char *const no[] = { "n", "no", "non", "false", "faux", "0" };
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!strcasecmp(s, yes[i]))
			return 1;
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (!strcasecmp(s, no[i]))
			return 0;
	return -1;
}

/* 1 true, 0 false, -1 unknown */
static int truth(struct ival v)
{
	switch (v.type) {
	case IV_BOOL: case IV_NUM: return v.num != 0;
	case IV_STR: return yes_no(v.str);
	default: return -1;
	}
}

static bool numeric(struct ival v)
{
	return v.type == IV_NUM || v.type == IV_BOOL;
}

/* <0, 0, >0, or 2 when the two cannot be compared (-2 never) */
static int compare(struct ival a, struct ival b, bool *ok)
{
	*ok = true;
	if (a.type == IV_BOOL && b.type == IV_STR) {
		int y = yes_no(b.str);
		if (y >= 0)
			return (int)a.num - y;
	}
	if (b.type == IV_BOOL && a.type == IV_STR) {
		int y = yes_no(a.str);
		if (y >= 0)
			return y - (int)b.num;
	}
	if (numeric(a) && numeric(b))
		return a.num < b.num ? -1 : a.num > b.num;
	if (a.type == IV_STR && b.type == IV_STR)
		return strcmp(a.str, b.str);
	*ok = false;
	return 0;
}

static struct ival eval(const struct indicator *ind, int n, const struct ival *rec)
{
	const struct ind_node *x = &ind->node[n];
	struct ival a, b;
	bool ok;
	switch ((enum op)x->op) {
	case N_NUM: return vnum(x->num);
	case N_STR: { struct ival v = { IV_STR, 0, ind->pool + x->str }; return v; }
	case N_FIELD: return rec[x->field];
	case N_BOOL: return vbool((int)x->num);
	case N_NULL: return VNULL;
	case N_ADD: case N_SUB: case N_MUL: case N_DIV:
		a = eval(ind, x->a, rec);
		b = eval(ind, x->b, rec);
		if (!numeric(a) || !numeric(b))
			return VNULL;
		switch ((enum op)x->op) {
		case N_ADD: return vnum(a.num + b.num);
		case N_SUB: return vnum(a.num - b.num);
		case N_MUL: return vnum(a.num * b.num);
		default: return b.num == 0 ? VNULL : vnum(a.num / b.num);
		}
	case N_NEG:
		a = eval(ind, x->a, rec);
		return numeric(a) ? vnum(-a.num) : VNULL;
	case N_AND: case N_OR: {
		int ta = truth(eval(ind, x->a, rec));
		int tb = truth(eval(ind, x->b, rec));
		if (x->op == N_AND) {
			if (ta == 0 || tb == 0)
				return vbool(0);
			return ta < 0 || tb < 0 ? VNULL : vbool(1);
		}
		if (ta == 1 || tb == 1)
			return vbool(1);
		return ta < 0 || tb < 0 ? VNULL : vbool(0);
	}
	case N_NOT: {
		int t = truth(eval(ind, x->a, rec));
		return t < 0 ? VNULL : vbool(!t);
	}
	case N_EQ: case N_NE: case N_LT: case N_LE: case N_GT: case N_GE: {
		a = eval(ind, x->a, rec);
		b = eval(ind, x->b, rec);
		if (a.type == IV_NULL || b.type == IV_NULL)
			return VNULL;
		int c = compare(a, b, &ok);
		if (!ok)
			return x->op == N_EQ ? vbool(0) : x->op == N_NE ? vbool(1) : VNULL;
		switch ((enum op)x->op) {
		case N_EQ: return vbool(c == 0);
		case N_NE: return vbool(c != 0);
		case N_LT: return vbool(c < 0);
		case N_LE: return vbool(c <= 0);
		case N_GT: return vbool(c > 0);
		default: return vbool(c >= 0);
		}
	}
	case N_IN:
		a = eval(ind, x->a, rec);
		if (a.type == IV_NULL)
			return VNULL;
		for (int l = x->b; l >= 0; l = ind->node[l].b) {
			b = eval(ind, ind->node[l].a, rec);
			if (b.type != IV_NULL && compare(a, b, &ok) == 0 && ok)
				return vbool(1);
		}
		return vbool(0);
	case N_ISNULL: case N_NOTNULL:
		a = eval(ind, x->a, rec);
		return vbool((a.type == IV_NULL) == (x->op == N_ISNULL));
	default:
		return VNULL;  /* N_AGG, N_LIST: not in record context */
	}
}

/* --- mergeable states: n, sum, min, max per slot ----------------------- */

size_t indicator_state_len(const struct indicator *ind)
{
	return (size_t)ind->nslots * 4;
}

void indicator_state_init(const struct indicator *ind, double *st)
{
	for (int i = 0; i < ind->nslots; i++) {
		st[4 * i] = st[4 * i + 1] = 0;
		st[4 * i + 2] = INFINITY;
		st[4 * i + 3] = -INFINITY;
	}
}

/* The value slot i takes from rec, or false when the record does not count. */
static bool slot_value(const struct indicator *ind, int i, const struct ival *rec, double *v,
		       struct ival *raw)
{
	const struct ind_slot *s = &ind->slot[i];
	if (s->where >= 0 && truth(eval(ind, s->where, rec)) != 1)
		return false;
	switch ((enum agg)s->agg) {
	case A_COUNT:
		if (s->field >= 0 && eval(ind, s->field, rec).type == IV_NULL)
			return false;
		*v = 1;
		return true;
	case A_SHARE: {
		int t = truth(eval(ind, s->hit, rec));
		if (t < 0)
			return false;
		*v = t;
		return true;
	}
	case A_DISTINCT: {
		struct ival x = eval(ind, s->field, rec);
		if (x.type == IV_NULL)
			return false;
		if (raw)
			*raw = x;
		*v = x.num;
		return true;
	}
	default: {
		struct ival x = eval(ind, s->field, rec);
		if (!numeric(x))
			return false;
		*v = x.num;
		return true;
	}
	}
}

void indicator_state_add(const struct indicator *ind, double *st, const struct ival *rec)
{
	for (int i = 0; i < ind->nslots; i++) {
		double v;
		if (!slot_value(ind, i, rec, &v, NULL))
			continue;
		double *s = st + 4 * i;
		s[0] += 1;
		s[1] += v;
		if (v < s[2])
			s[2] = v;
		if (v > s[3])
			s[3] = v;
	}
}

void indicator_state_merge(const struct indicator *ind, double *into, const double *from)
{
	for (int i = 0; i < ind->nslots; i++) {
		double *s = into + 4 * i;
		const double *f = from + 4 * i;
		s[0] += f[0];
		s[1] += f[1];
		if (f[2] < s[2])
			s[2] = f[2];
		if (f[3] > s[3])
			s[3] = f[3];
	}
}

static double outer(const struct indicator *ind, int n, const double *slotval)
{
	const struct ind_node *x = &ind->node[n];
	switch ((enum op)x->op) {
	case N_NUM: return x->num;
	case N_AGG: return slotval[x->slot];
	case N_NEG: return -outer(ind, x->a, slotval);
	case N_ADD: return outer(ind, x->a, slotval) + outer(ind, x->b, slotval);
	case N_SUB: return outer(ind, x->a, slotval) - outer(ind, x->b, slotval);
	case N_MUL: return outer(ind, x->a, slotval) * outer(ind, x->b, slotval);
	case N_DIV: {
		double b = outer(ind, x->b, slotval);
		return b == 0 ? NAN : outer(ind, x->a, slotval) / b;
	}
	default: return NAN;
	}
}

static double mergeable_value(enum agg agg, const double *s)
{
	switch (agg) {
	case A_COUNT: return s[0];
	case A_SUM: return s[1];  /* the sum of nothing is 0: no sale, no revenue */
	case A_AVG: case A_SHARE: return s[0] ? s[1] / s[0] : NAN;
	case A_MIN: return s[0] ? s[2] : NAN;
	case A_MAX: return s[0] ? s[3] : NAN;
	default: return NAN;
	}
}

double indicator_value(const struct indicator *ind, const double *st)
{
	double slotval[IND_MAX_SLOTS];
	if (ind->root < 0)
		return NAN;
	for (int i = 0; i < ind->nslots; i++)
		slotval[i] = mergeable_value(ind->slot[i].agg, st + 4 * i);
	return outer(ind, ind->root, slotval);
}

/* --- raw evaluation ----------------------------------------------------- */

void indicator_raw_init(const struct indicator *ind, struct ind_raw *r)
{
	memset(r, 0, sizeof(*r));
	r->st = calloc(indicator_state_len(ind) + 1, sizeof(double));
	if (!r->st)
		abort();
	indicator_state_init(ind, r->st);
}

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;  /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

void indicator_raw_add(const struct indicator *ind, struct ind_raw *r, const struct ival *rec)
{
	indicator_state_add(ind, r->st, rec);
	for (int i = 0; i < ind->nslots; i++) {
		int agg = ind->slot[i].agg;
		if (agg != A_DISTINCT && agg != A_PERCENTILE)
			continue;
		double v;
		struct ival x = VNULL;
		if (!slot_value(ind, i, rec, &v, &x))
			continue;
		if (agg == A_DISTINCT) {
			/* strings by hash, numbers by value: kept as the bits of a double */
			uint64_t h = x.type == IV_STR ? hash_str(x.str) : (uint64_t)0;
			if (x.type != IV_STR)
				memcpy(&h, &v, sizeof(h));
			memcpy(&v, &h, sizeof(v));
		}
		if (r->vals[i].n == r->vals[i].cap) {
			size_t cap = r->vals[i].cap ? 2 * r->vals[i].cap : 64;
			double *nv = realloc(r->vals[i].v, cap * sizeof(double));
			if (!nv)
				abort();
			r->vals[i].v = nv;
			r->vals[i].cap = cap;
		}
		r->vals[i].v[r->vals[i].n++] = v;
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int cmp_bits(const void *a, const void *b)
{
	uint64_t x, y;
	memcpy(&x, a, sizeof(x));
	memcpy(&y, b, sizeof(y));
	return x < y ? -1 : x > y;
}

double indicator_raw_value(const struct indicator *ind, struct ind_raw *r)
{
	double slotval[IND_MAX_SLOTS];
	if (ind->root < 0)
		return NAN;
	for (int i = 0; i < ind->nslots; i++) {
		double *v = r->vals[i].v;
		size_t n = r->vals[i].n;
		switch (ind->slot[i].agg) {
		case A_DISTINCT: {
			if (n)  /* no values: v is NULL, which qsort may not be given */
				qsort(v, n, sizeof(double), cmp_bits);
			size_t d = 0;
			for (size_t k = 0; k < n; k++)
				if (!k || cmp_bits(&v[k], &v[k - 1]))
					d++;
			slotval[i] = (double)d;
			break;
		}
		case A_PERCENTILE: {
			if (!n) {
				slotval[i] = NAN;
				break;
			}
			/* linear between closest ranks, as PERCENTILE_CONT and numpy */
			qsort(v, n, sizeof(double), cmp_double);
			double h = (double)(n - 1) * ind->slot[i].rank / 100.0;
			size_t lo = (size_t)floor(h);
			size_t hi = lo + 1 < n ? lo + 1 : lo;
			slotval[i] = v[lo] + (h - (double)lo) * (v[hi] - v[lo]);
			break;
		}
		default:
			slotval[i] = mergeable_value(ind->slot[i].agg, r->st + 4 * i);
		}
	}
	return outer(ind, ind->root, slotval);
}

void indicator_raw_free(struct ind_raw *r)
{
	free(r->st);
	for (int i = 0; i < IND_MAX_SLOTS; i++)
		free(r->vals[i].v);
	memset(r, 0, sizeof(*r));
}

/* --- ready-made indicators ------------------------------------------------ *
 * Standard fields (docs/indicators.md): call — answered, resolved (yes/no),
 * speed (seconds to answer), talk (handling seconds), csat (1-5), topic;
 * sale — amount, product, upsell (yes/no); deal — stage, value; lead —
 * qualified; ticket — first_response (seconds); survey — csat, nps (0-10). */
const struct indicator_def indicator_catalog[] = {
	{ "calls_handled", "call", "count() where answered", "appels",
	  "Appels traités", "Calls handled" },
	{ "answer_rate", "call", "100 * share(answered)", "%",
	  "Taux de décroché", "Answer rate" },
	{ "fcr", "call", "100 * share(resolved) where answered", "%",
	  "Résolution au premier contact", "First-contact resolution" },
	{ "aht", "call", "avg(talk) where answered", "s",
	  "Durée moyenne de traitement (DMT)", "Average handling time (AHT)" },
	{ "asa", "call", "avg(speed) where answered", "s",
	  "Temps moyen de réponse", "Average speed of answer" },
	{ "service_level_20s", "call", "100 * share(answered and speed <= 20)", "%",
	  "Niveau de service (décroché en 20 s)", "Service level (answered within 20 s)" },
	{ "csat", "call", "avg(csat)", "/5",
	  "Satisfaction client (CSAT)", "Customer satisfaction (CSAT)" },
	{ "revenue", "sale", "sum(amount)", "€",
	  "Chiffre d'affaires", "Revenue" },
	{ "contracts", "deal", "count() where stage = 'Won'", "contrats",
	  "Contrats signés", "Contracts signed" },
	{ "deal_size", "deal", "avg(value) where stage = 'Won'", "€",
	  "Panier moyen", "Average deal size" },
	{ "conversion", "deal", "100 * share(stage = 'Won') where stage in ('Won', 'Lost')", "%",
	  "Taux de transformation", "Conversion rate" },
	{ "won_revenue", "deal", "sum(value) where stage = 'Won'", "€",
	  "CA signé", "Won revenue" },
	{ "appointments", "appointment", "count()", "rendez-vous",
	  "Rendez-vous pris", "Appointments booked" },
	{ "qualified_leads", "lead", "count() where qualified", "leads",
	  "Leads qualifiés", "Qualified leads" },
	{ "upsell_revenue", "sale", "sum(amount) where upsell", "€",
	  "CA additionnel (ventes croisées, montées en gamme)", "Cross-sell and upsell revenue" },
	{ "response_12h", "ticket", "100 * share(first_response <= 43200)", "%",
	  "Demandes traitées en moins de 12 h", "Requests answered within 12 h" },
	{ "nps", "survey", "100 * share(nps >= 9) - 100 * share(nps <= 6)", "points",
	  "Net Promoter Score", "Net Promoter Score" },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

const struct indicator_def *indicator_catalog_find(const char *key)
{
	for (const struct indicator_def *d = indicator_catalog; key && d->key; d++)
		if (!strcmp(d->key, key))
			return d;
	return NULL;
}

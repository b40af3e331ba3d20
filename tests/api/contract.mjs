// The API's contract as docs/openapi.json states it, checked on every answer
// the API tests receive (harness.mjs's Client calls checkResponse): the status
// must be documented for the operation, and the body must match the schema of
// that status and content type.
//
// The schemas are OpenAPI 3.0.3 Schema Objects, which are not JSON Schema: they
// are read here in that dialect and handed to Ajv's draft-04 validator (3.0's
// schemas come from draft wright-00, hence a boolean exclusiveMinimum):
// - `nullable: true` adds null to the `type` (and to an `enum`); without a
//   `type` it has no effect in 3.0.3, so it is refused as a mistake;
// - siblings of a `$ref` are ignored by 3.0, so any but a description is
//   refused as a mistake;
// - example, externalDocs, xml, deprecated, readOnly and writeOnly are
//   annotations; any other keyword Ajv does not know is an error (strict);
// - an object schema that lists `properties` and says nothing of
//   `additionalProperties` is read as closed: an answer carries exactly the
//   documented fields. allOf of objects is merged first so that this holds
//   across a composition (Me = Person + its own fields).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
export const DOC_PATH = join(here, '..', '..', 'docs', 'openapi.json');

const ANNOTATIONS = ['example', 'externalDocs', 'xml', 'deprecated', 'readOnly', 'writeOnly'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// "#/components/schemas/Objective" -> the raw schema it names
function rawRef(doc, ref, where) {
	const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
	if (!m || !doc.components?.schemas?.[m[1]])
		throw new Error(`${where}: $ref ${ref} names no schema of #/components/schemas`);
	return doc.components.schemas[m[1]];
}

// allOf of object schemas, merged into one object schema (raw, not converted).
function mergeAllOf(doc, s, where, depth = 0) {
	if (depth > 16) throw new Error(`${where}: allOf nested too deep`);
	const out = { type: 'object', properties: {}, required: [] };
	for (const [k, v] of Object.entries(s))
		if (k !== 'allOf' && k !== 'type' && k !== 'properties' && k !== 'required') out[k] = v;
	const parts = [s, ...s.allOf.map((p, i) => {
		let q = p.$ref ? rawRef(doc, p.$ref, `${where}/allOf/${i}`) : p;
		if (q.allOf) q = mergeAllOf(doc, q, `${where}/allOf/${i}`, depth + 1);
		return q;
	})];
	parts.forEach((p, i) => {
		if (i > 0) {
			const odd = Object.keys(p).filter((k) => !['type', 'properties', 'required',
				'description', 'additionalProperties', 'title'].includes(k));
			if (odd.length || (p.type && p.type !== 'object'))
				throw new Error(`${where}/allOf/${i - 1}: only object schemas (type, properties, `
					+ `required) can be composed with allOf here, not ${odd.join(', ') || p.type}`);
			if (p.additionalProperties !== undefined) out.additionalProperties = p.additionalProperties;
		}
		if (p.type && p.type !== 'object')
			throw new Error(`${where}: allOf of a ${p.type}`);
		Object.assign(out.properties, p.properties || {});
		for (const r of p.required || []) if (!out.required.includes(r)) out.required.push(r);
	});
	if (!out.required.length) delete out.required;
	return out;
}

// One OpenAPI 3.0 Schema Object -> draft-04 JSON Schema (see the top).
export function toJsonSchema(doc, s, where) {
	if (s === true || s === false) return s;
	if (!s || typeof s !== 'object' || Array.isArray(s))
		throw new Error(`${where}: a schema must be an object`);
	if (s.$ref !== undefined) {
		const odd = Object.keys(s).filter((k) => k !== '$ref' && k !== 'description');
		if (odd.length)
			throw new Error(`${where}: ${odd.join(', ')} beside $ref, which OpenAPI 3.0 ignores `
				+ '(wrap the $ref in allOf or anyOf)');
		rawRef(doc, s.$ref, where);
		return { $ref: `openapi#/definitions/${s.$ref.split('/').pop()}` };
	}
	if (s.discriminator !== undefined)
		throw new Error(`${where}: discriminator is not read by this harness`);
	if (s.nullable === true && !s.type)
		throw new Error(`${where}: nullable without type has no effect in OpenAPI 3.0.3 `
			+ '(give the type, or use anyOf with #/components/schemas/Null)');
	if (s.allOf) s = mergeAllOf(doc, s, where);
	const out = {};
	for (const [k, v] of Object.entries(s)) {
		if (ANNOTATIONS.includes(k) || k === 'nullable') continue;
		if (k === 'properties') {
			out.properties = {};
			for (const [name, p] of Object.entries(v))
				out.properties[name] = toJsonSchema(doc, p, `${where}/properties/${name}`);
		} else if (k === 'items' || k === 'not' ||
			   (k === 'additionalProperties' && typeof v === 'object')) {
			out[k] = toJsonSchema(doc, v, `${where}/${k}`);
		} else if (k === 'anyOf' || k === 'oneOf') {
			out[k] = v.map((p, i) => toJsonSchema(doc, p, `${where}/${k}/${i}`));
		} else {
			out[k] = v;
		}
	}
	if (s.nullable === true) {
		out.type = [s.type, 'null'];
		if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
	}
	if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
	return out;
}

export function loadDoc() {
	return JSON.parse(readFileSync(DOC_PATH, 'utf8'));
}

// An Ajv holding #/components/schemas as "openapi#/definitions/NAME". With
// `errors`, a schema that does not convert is noted there (and left empty);
// without, it throws.
function newAjv(doc, errors) {
	const ajv = new Ajv04({ strict: true, strictTypes: false, strictRequired: true,
		allErrors: true });
	addFormats(ajv, ['date', 'date-time', 'email', 'uri']);
	const definitions = {};
	for (const [name, s] of Object.entries(doc.components?.schemas || {})) {
		try {
			definitions[name] = toJsonSchema(doc, s, `#/components/schemas/${name}`);
		} catch (e) {
			if (!errors) throw e;
			errors.push(e.message);
			definitions[name] = {};
		}
	}
	ajv.addSchema({ definitions }, 'openapi');
	return ajv;
}

// A $ref to #/components/responses/X (or requestBodies, parameters) followed.
function follow(doc, v) {
	for (let i = 0; i < 8 && v && v.$ref; i++) {
		const parts = v.$ref.replace(/^#\//, '').split('/')
			.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
		v = parts.reduce((o, p) => (o ? o[p] : undefined), doc);
	}
	return v;
}

// The document's operations as [method, template, regexp, op], literal
// templates before those with {parameters}.
function operations(doc) {
	const ops = [];
	for (const [template, item] of Object.entries(doc.paths || {})) {
		const re = new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
			.replace(/\{[^}]+\}/g, '[^/]+') + '$');
		for (const m of METHODS)
			if (item[m]) ops.push({ method: m.toUpperCase(), template, re, op: item[m],
				literal: !template.includes('{') });
	}
	ops.sort((a, b) => Number(b.literal) - Number(a.literal));
	return ops;
}

// Every schema of the document (components, parameters, bodies, answers)
// compiled in the 3.0 dialect: the errors, as "pointer: message" lines.
export function compileAll(doc = loadDoc()) {
	const errors = [];
	const ajv = newAjv(doc, errors);
	try {
		ajv.getSchema('openapi');
	} catch (e) {
		errors.push(`#/components/schemas: ${e.message}`);
		return errors;
	}
	const compile = (s, where) => {
		try { ajv.compile(toJsonSchema(doc, s, where)); } catch (e) { errors.push(`${where}: ${e.message}`); }
	};
	for (const [template, item] of Object.entries(doc.paths || {}))
		for (const m of METHODS) {
			const op = item[m];
			if (!op) continue;
			const at = `#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${m}`;
			for (const [i, p] of [...(item.parameters || []), ...(op.parameters || [])].entries())
				if (follow(doc, p)?.schema) compile(follow(doc, p).schema, `${at}/parameters/${i}/schema`);
			const rb = follow(doc, op.requestBody);
			for (const [type, c] of Object.entries(rb?.content || {}))
				if (c.schema) compile(c.schema, `${at}/requestBody/content/${type}/schema`);
			for (const [status, r] of Object.entries(op.responses || {}))
				for (const [type, c] of Object.entries(follow(doc, r)?.content || {}))
					if (c.schema) compile(c.schema, `${at}/responses/${status}/content/${type}/schema`);
		}
	return errors;
}

let state;
function contract() {
	if (!state) {
		const doc = loadDoc();
		try {
			const ajv = newAjv(doc);
			ajv.getSchema('openapi');
			state = { doc, ajv, ops: operations(doc), validators: new Map() };
		} catch (e) {
			throw new Error(`docs/openapi.json cannot check answers: ${e.message} `
				+ '(tests/api/openapi.test.mjs names every fault)');
		}
	}
	return state;
}

function describeErrors(errors) {
	return errors.slice(0, 8).map((e) => {
		const at = e.instancePath || '(the body)';
		const extra = e.params?.additionalProperty !== undefined
			? ` ('${e.params.additionalProperty}')`
			: e.params?.missingProperty !== undefined ? ` ('${e.params.missingProperty}')`
			: e.params?.allowedValues ? ` (${JSON.stringify(e.params.allowedValues)})` : '';
		return `${at} ${e.message}${extra}`;
	}).join('; ') + (errors.length > 8 ? `; and ${errors.length - 8} more` : '');
}

// Why the answer breaks the contract, or null when it keeps it.
// res: { status, contentType, text, body (parsed JSON or null) }
export function contractError(method, url, res) {
	const c = contract();
	const path = url.split('?')[0].split('#')[0];
	const m = method === 'HEAD' ? 'GET' : method;
	const hit = c.ops.find((o) => o.method === m && o.re.test(path));
	if (!hit) {
		const other = c.ops.filter((o) => o.re.test(path)).map((o) => o.method);
		return other.length
			? `${method} is not documented for ${path} (documented: ${[...new Set(other)].join(', ')})`
			: `no documented operation for ${path}`;
	}
	const op = `${hit.method} ${hit.template}`;
	const responses = hit.op.responses || {};
	const key = [String(res.status), `${String(res.status)[0]}XX`, 'default']
		.find((k) => responses[k] !== undefined);
	if (!key)
		return `status ${res.status} is not documented for ${op} (documented: `
			+ `${Object.keys(responses).join(', ')})`;
	const response = follow(c.doc, responses[key]);
	const content = response?.content;
	const type = (res.contentType || '').split(';')[0].trim().toLowerCase();
	if (method === 'HEAD') return null;
	if (!content || !Object.keys(content).length)
		return res.text ? `${op} ${res.status}: a body where the document says none` : null;
	const media = content[type];
	if (!media)
		return `${op} ${res.status}: content type '${type}' is not documented `
			+ `(documented: ${Object.keys(content).join(', ')})`;
	if (!media.schema) return null;
	if (!/^application\/(.+\+)?json$/.test(type)) return null;
	if (res.body === null || res.body === undefined)
		return `${op} ${res.status}: an empty or unreadable JSON body`;
	const id = `${op} ${key} ${type}`;
	let validate = c.validators.get(id);
	if (!validate) {
		validate = c.ajv.compile(toJsonSchema(c.doc, media.schema,
			`${op} responses/${key}/content/${type}/schema`));
		c.validators.set(id, validate);
	}
	if (validate(res.body)) return null;
	return `${op} ${res.status}: the body does not match its schema: ${describeErrors(validate.errors)}`;
}

// A message that mixes the languages ("vous n'avez pas le droit de check in
// on this objective"): the first word of the other language found in its
// prose (outside « » in French, outside « » and ' ' in English), or null.
// The same marks as tests/unit/test_catalog.c, which checks the catalog
// itself; this one sees what reaches people, arguments included.
const MARKS = {
	fr: ['the', 'is', 'must', 'not', 'this', 'with', 'and', 'you', 'objective', 'cannot', 'at most', 'of'],
	en: ['le', 'la', 'les', 'est', 'doit', 'pas', 'une', 'des', 'objectif', 'au plus', 'du', 'ou', 'vous'],
};
export function mixedLanguage(message, lang) {
	let prose = message.replace(/«[^»]*»/g, ' ');
	if (lang === 'en') prose = prose.replace(/'[^']*'/g, ' ');
	for (const w of MARKS[lang]) {
		const re = new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'u');
		if (re.test(prose)) return w;
	}
	return null;
}

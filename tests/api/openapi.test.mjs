// The document the server serves at /api/openapi.json: valid OpenAPI 3.0.3 to
// a standard validator (@apidevtools/swagger-parser), every schema readable in
// the 3.0 dialect the harness checks answers with (contract.mjs), and that
// check seen to refuse what breaks the document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { compileAll, contractError, loadDoc } from './contract.mjs';
import { startServer } from './harness.mjs';

let server, served;

before(async () => {
	server = await startServer();
	// the document is what this file judges: its answer is not checked against itself
	const r = await server.anon.get('/api/openapi.json',
		{ unchecked: 'the document under test; the tests below judge it' });
	assert.equal(r.status, 200, r.text);
	served = r.body;
});
after(async () => { await server.stop(); });

test('the served document validates against OpenAPI 3.0.3 with swagger-parser', async () => {
	assert.equal(served.openapi, '3.0.3');
	try {
		await SwaggerParser.validate(structuredClone(served));
	} catch (e) {
		const lines = (e.details || []).map((d) => `  ${d.instancePath || d.path || ''} ${d.message}`);
		assert.fail(`swagger-parser rejects /api/openapi.json:\n${e.message}\n${lines.join('\n')}`);
	}
});

test('the served document is docs/openapi.json, the one every answer is checked against', () => {
	assert.deepEqual(served, loadDoc());
});

test('every schema of the document compiles in the OpenAPI 3.0 dialect (nullable, $ref, closed objects)', () => {
	const errors = compileAll(served);
	assert.deepEqual(errors, [], errors.join('\n'));
});

test('no operation answers a placeholder: every JSON answer of 2xx has a schema with a type or a $ref', () => {
	const bare = [];
	for (const [path, item] of Object.entries(served.paths))
		for (const [method, op] of Object.entries(item)) {
			if (method === 'parameters') continue;
			for (const [status, r] of Object.entries(op.responses))
				for (const [type, c] of Object.entries(r.content || {})) {
					const s = c.schema || {};
					if (status.startsWith('2') && !s.type && !s.$ref && !s.allOf && !s.anyOf)
						bare.push(`${method.toUpperCase()} ${path} ${status} ${type}`);
				}
		}
	assert.deepEqual(bare, []);
});

test('every object an answer holds says which of its fields are always there (required)', () => {
	// the keys of a count by status are the statuses that have objectives
	const open = new Set(['#/components/schemas/StatusCounts']);
	const seen = new Set();
	const missing = [];
	const walk = (s, where) => {
		if (!s || typeof s !== 'object') return;
		if (s.$ref) {
			if (seen.has(s.$ref)) return;
			seen.add(s.$ref);
			return walk(served.components.schemas[s.$ref.split('/').pop()], s.$ref);
		}
		if (s.properties && Object.keys(s.properties).length && !s.required && !open.has(where))
			missing.push(where);
		for (const [k, p] of Object.entries(s.properties || {})) walk(p, `${where}/properties/${k}`);
		walk(s.items, `${where}/items`);
		if (typeof s.additionalProperties === 'object')
			walk(s.additionalProperties, `${where}/additionalProperties`);
		// the parts of an allOf are read merged: Page holds required for them all
		for (const k of ['anyOf', 'oneOf'])
			(s[k] || []).forEach((p, i) => walk(p, `${where}/${k}/${i}`));
		(s.allOf || []).forEach((p, i) => {
			if (p.$ref) walk(p, `${where}/allOf/${i}`);
			else for (const [k, q] of Object.entries(p.properties || {}))
				walk(q, `${where}/allOf/${i}/properties/${k}`);
		});
	};
	for (const [path, item] of Object.entries(served.paths))
		for (const [method, op] of Object.entries(item)) {
			if (method === 'parameters') continue;
			for (const [status, r] of Object.entries(op.responses)) {
				const resp = r.$ref ? served.components.responses[r.$ref.split('/').pop()] : r;
				for (const [type, c] of Object.entries(resp.content || {}))
					walk(c.schema, `${method.toUpperCase()} ${path} ${status} ${type}`);
			}
		}
	assert.deepEqual(missing, []);
});

// The check of answers refuses each way an answer can leave the document.
const person = { id: 3, unit_id: 2, manager_id: null, name: 'Marie', email: 'm@cible.test',
	job: '', role: 'member', hired_on: null, active: true };
const answer = (status, body) => ({ status, body, text: JSON.stringify(body),
	contentType: 'application/json; charset=utf-8' });

test('the check of answers accepts a documented answer', () => {
	assert.equal(contractError('GET', '/api/people/3', answer(200, person)), null);
	assert.equal(contractError('GET', '/api/people/3?x=1', answer(404,
		{ error: { code: 'not_found', message: 'personne introuvable' } })), null);
});

test('the check of answers names a field of the wrong type', () => {
	assert.match(contractError('GET', '/api/people/3', answer(200, { ...person, id: '3' })),
		/GET \/api\/people\/\{id\} 200: the body does not match its schema: \/id must be integer/);
});

test('the check of answers names a missing required field and an undocumented one', () => {
	const { email, ...noEmail } = person;
	assert.ok(email);
	assert.match(contractError('GET', '/api/people/3', answer(200, noEmail)),
		/must have required property 'email'/);
	assert.match(contractError('GET', '/api/people/3', answer(200, { ...person, salary: 1 })),
		/must NOT have additional properties \('salary'\)/);
});

test('the check of answers names an undocumented status, method, path or content type', () => {
	assert.match(contractError('GET', '/api/people/3', answer(418, {})),
		/status 418 is not documented for GET \/api\/people\/\{id\}/);
	assert.match(contractError('PUT', '/api/people/3', answer(200, person)),
		/PUT is not documented for \/api\/people\/3 \(documented: GET, PATCH\)/);
	assert.match(contractError('GET', '/api/salaries', answer(200, {})),
		/no documented operation for \/api\/salaries/);
	assert.match(contractError('GET', '/api/people/3', { status: 200, body: null,
		text: '<p>', contentType: 'text/html' }), /content type 'text\/html' is not documented/);
});

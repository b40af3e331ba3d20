// Bad input: every malformed, mistyped, impossible or dangerous request gets a
// clear error that names the field at fault, and leaves the database exactly
// as it was (the object reads back the same, the lists keep their length, the
// audit trail gains nothing).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTotal, ok, startFixture } from './harness.mjs';

let fx, admin;

before(async () => {
	fx = await startFixture();
	admin = fx.clients.admin;
});
after(async () => { await fx.server.stop(); });

// What a refused request must not change.
async function snapshot(paths) {
	const out = { audit: await auditTotal(admin) };
	for (const p of paths) out[p] = await ok(admin.get(p));
	return out;
}

// Sends the request as `client` (admin by default), checks the error and that
// the snapshot of `paths` (plus the audit length) is unchanged.
async function refused(req, { status, code, field }, paths = [], client = admin) {
	const before = await snapshot(paths);
	const [method, path, body, opts] = req;
	const r = await client.request(method, path, body, opts);
	assert.equal(r.status, status, `${method} ${path}: ${r.text}`);
	assert.ok(r.body && r.body.error, r.text);
	assert.equal(r.body.error.code, code, r.text);
	assert.equal(typeof r.body.error.message, 'string');
	assert.ok(r.body.error.message.length > 0);
	if (field !== undefined) assert.equal(r.body.error.field, field, r.text);
	assert.deepEqual(await snapshot(paths), before, 'the database is unchanged');
	return r.body.error;
}

const objPath = () => `/api/objectives/${fx.obj.I1}`;
const objList = () => '/api/objectives?limit=500';
// a valid individual objective for member1, to be spoiled one field at a time
const goodObjective = (extra = {}) => ({ level: 'individual', parent_id: fx.obj.CA,
	owner_person_id: fx.people.member1, title: 'Marie : un objectif valide', ...extra });

describe('malformed bodies', () => {
	test('a body that is not JSON is refused with 400 malformed_json', async () => {
		const e = await refused(['POST', '/api/objectives', undefined, { raw: '{"title": "x",' }],
			{ status: 400, code: 'malformed_json' }, [objList()]);
		assert.match(e.message, /ligne 1, colonne 14/);
	});
	test('a JSON body that is not an object is refused with 400 malformed_json', async () => {
		await refused(['POST', '/api/axes', undefined, { raw: '["Satisfaction"]' }],
			{ status: 400, code: 'malformed_json' }, ['/api/axes']);
	});
	test('an empty body on a write is refused with 400 malformed_json', async () => {
		await refused(['PATCH', objPath(), undefined, { raw: '' }],
			{ status: 400, code: 'malformed_json' }, [objPath()]);
	});
	test('a key given twice is refused with 400 malformed_json', async () => {
		await refused(['PATCH', objPath(), undefined, { raw: '{"title":"a","title":"b"}' }],
			{ status: 400, code: 'malformed_json' }, [objPath()]);
	});
	test('a body over 1 MiB is refused with 413 body_too_large', async () => {
		const big = JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) });
		await refused(['PATCH', objPath(), undefined, { raw: big }],
			{ status: 413, code: 'body_too_large' }, [objPath()]);
	});
	test('a body of exactly 1 MiB is read (and judged on its content)', async () => {
		const pad = 1024 * 1024 - JSON.stringify({ title: '' }).length;
		const body = JSON.stringify({ title: 'x'.repeat(pad) });
		assert.equal(body.length, 1024 * 1024);
		await refused(['PATCH', objPath(), undefined, { raw: body }],
			{ status: 422, code: 'invalid_value', field: 'title' }, [objPath()]);
	});
	test('a string with a NUL character is refused with 400 malformed_json', async () => {
		const e = await refused(['PATCH', objPath(), undefined, { raw: '{"title":"a\\u0000b"}' }],
			{ status: 400, code: 'malformed_json' }, [objPath()]);
		assert.match(e.message, /u0000/);
	});
});

describe('wrong types and unknown fields', () => {
	const cases = [
		['a title that is a number', { title: 5 }, 'title'],
		['a weight that is a string', { weight: 'lourd' }, 'weight'],
		['a parent_id that is negative', { parent_id: -3 }, 'parent_id'],
		['a parent_id that is a string', { parent_id: '12' }, 'parent_id'],
		['a parent_id that is a fraction', { parent_id: 1.5 }, 'parent_id'],
		['a plan that is an object', { plan: { title: 'x' } }, 'plan'],
		['means that are an array', { means: [] }, 'means'],
		['a required field set to null', { title: null }, 'title'],
		['a date that is a number', { due: 20270630 }, 'due'],
		['a plan step that is a string', { plan: ['appeler'] }, 'plan[0]'],
		['skills that are not strings', { skills: [1, 2] }, 'skills'],
	];
	for (const [what, body, field] of cases)
		test(`${what} is refused with 400 invalid_type naming ${field}`, async () => {
			await refused(['PATCH', objPath(), body], { status: 400, code: 'invalid_type', field },
				[objPath()]);
		});
	const unknown = [
		['a top-level field', { colour: 'rouge' }, 'colour'],
		['a field inside means', { means: { money: 3 } }, 'means.money'],
		['a field inside a plan step', { plan: [{ title: 'Former', owner: 'moi' }] }, 'plan[0].owner'],
		['a field of the stored row not part of the API', { org_id: 2 }, 'org_id'],
	];
	for (const [what, body, field] of unknown)
		test(`${what} that does not exist is refused with 400 unknown_field naming ${field}`, async () => {
			await refused(['PATCH', objPath(), body], { status: 400, code: 'unknown_field', field },
				[objPath()]);
		});
	test('an unknown field on a new unit, person or axis is refused with 400 unknown_field', async () => {
		await refused(['POST', '/api/units', { name: 'X', parent_id: fx.units.direction, colour: 1 }],
			{ status: 400, code: 'unknown_field', field: 'colour' }, ['/api/units']);
		await refused(['POST', '/api/people', { name: 'X', email: 'x@cible.test', salary: 1 }],
			{ status: 400, code: 'unknown_field', field: 'salary' }, ['/api/people?limit=500']);
		await refused(['POST', '/api/axes', { title: 'X', id: 1 }],
			{ status: 400, code: 'unknown_field', field: 'id' }, ['/api/axes']);
	});
	test('an unknown enumeration value is refused with 422 invalid_value naming the field', async () => {
		for (const [body, field] of [[{ level: 'tactique' }, 'level'], [{ status: 'fini' }, 'status'],
			[{ direction: 'sideways' }, 'direction']])
			await refused(['PATCH', objPath(), body], { status: 422, code: 'invalid_value', field },
				[objPath()]);
		await refused(['POST', '/api/units', { name: 'X', kind: 'galaxy', parent_id: fx.units.company }],
			{ status: 422, code: 'invalid_value', field: 'kind' }, ['/api/units']);
		await refused(['POST', '/api/people', { name: 'X', email: 'x@cible.test', role: 'king' }],
			{ status: 422, code: 'invalid_value', field: 'role' }, ['/api/people?limit=500']);
	});
	test('out-of-range numbers are refused with 422 invalid_value naming the field', async () => {
		for (const [body, field] of [[{ weight: 0 }, 'weight'], [{ weight: 1001 }, 'weight'],
			[{ confidence: 1.5 }, 'confidence'], [{ confidence: -0.5 }, 'confidence'],
			[{ means: { budget: -5 } }, 'means.budget'],
			[{ means: { time_hours: -1 } }, 'means.time_hours']])
			await refused(['PATCH', objPath(), body], { status: 422, code: 'invalid_value', field },
				[objPath()]);
	});
	test('a missing or empty title is refused with 422 missing_field title', async () => {
		await refused(['PATCH', objPath(), { title: '' }],
			{ status: 422, code: 'missing_field', field: 'title' }, [objPath()]);
		const { title, ...untitled } = goodObjective();
		await refused(['POST', '/api/objectives', untitled],
			{ status: 422, code: 'missing_field', field: 'title' }, [objList()]);
	});
	test('a title over 500 characters is refused with 422 naming title', async () => {
		await refused(['PATCH', objPath(), { title: 'x'.repeat(501) }],
			{ status: 422, code: 'invalid_value', field: 'title' }, [objPath()]);
	});
	test('an objective with two owners is refused with 422 owner_required', async () => {
		await refused(['POST', '/api/objectives', goodObjective({ owner_unit_id: fx.units.teamA })],
			{ status: 422, code: 'owner_required', field: 'owner_person_id' }, [objList()]);
	});
	test('an objective linked to neither a parent nor an axis is refused with 422 parent_required', async () => {
		await refused(['POST', '/api/objectives', goodObjective({ parent_id: null })],
			{ status: 422, code: 'parent_required', field: 'parent_id' }, [objList()]);
	});
	test('an objective at a level that does not fit under its parent is refused with 422 naming level', async () => {
		await refused(['POST', '/api/objectives', goodObjective({ level: 'collective',
			owner_person_id: null, owner_unit_id: fx.units.teamA, parent_id: fx.obj.I1 })],
			{ status: 422, code: 'invalid_value', field: 'level' }, [objList()]);
	});
	test('a person with an implausible email is refused with 422 naming email', async () => {
		await refused(['POST', '/api/people', { name: 'X', email: 'pas-une-adresse' }],
			{ status: 422, code: 'invalid_value', field: 'email' }, ['/api/people?limit=500']);
	});
	test('a person with an email already in use (in any case) is refused with 409 email_taken', async () => {
		await refused(['POST', '/api/people', { name: 'X', email: 'MEMBRE1@cible.test' }],
			{ status: 409, code: 'email_taken', field: 'email' }, ['/api/people?limit=500']);
		await refused(['PATCH', `/api/people/${fx.people.member2}`, { email: 'membre1@cible.test' }],
			{ status: 409, code: 'email_taken', field: 'email' }, [`/api/people/${fx.people.member2}`]);
	});
});

describe('unknown ids and references', () => {
	const NOPE = 987654321;
	test('every route with an id answers 404 not_found for an id that does not exist', async () => {
		for (const [method, path, body] of [
			['GET', `/api/objectives/${NOPE}`], ['PATCH', `/api/objectives/${NOPE}`, { title: 'x' }],
			['POST', `/api/objectives/${NOPE}/cancel`], ['GET', `/api/objectives/${NOPE}/cascade`],
			['GET', `/api/objectives/${NOPE}/path`], ['GET', `/api/objectives/${NOPE}/audit`],
			['GET', `/api/units/${NOPE}`], ['PATCH', `/api/units/${NOPE}`, { name: 'x' }],
			['GET', `/api/people/${NOPE}`], ['PATCH', `/api/people/${NOPE}`, { name: 'x' }],
			['GET', `/api/axes/${NOPE}`], ['PATCH', `/api/axes/${NOPE}`, { title: 'x' }],
			['GET', `/api/axes/${NOPE}/cascade`], ['DELETE', `/api/tokens/${NOPE}`]])
			await refused([method, path, body], { status: 404, code: 'not_found' });
	});
	const refs = [
		['an objective whose parent does not exist', () => goodObjective({ parent_id: NOPE }), 'parent_id'],
		['an objective on an axis that does not exist', () => ({ level: 'strategic', axis_id: NOPE,
			owner_unit_id: fx.units.company, title: 'Sur un axe fantôme' }), 'axis_id'],
		['an objective owned by a person who does not exist', () => goodObjective({ owner_person_id: NOPE }),
			'owner_person_id'],
		['an objective owned by a unit that does not exist', () => goodObjective({ level: 'collective',
			owner_person_id: null, owner_unit_id: NOPE }), 'owner_unit_id'],
		['an objective owned by a person of another organisation', () => goodObjective({
			owner_person_id: fx.clients.otherAdmin.me.id }), 'owner_person_id'],
	];
	for (const [what, body, field] of refs)
		test(`${what} is refused with 422 unknown_reference naming ${field}`, async () => {
			await refused(['POST', '/api/objectives', body()],
				{ status: 422, code: 'unknown_reference', field }, [objList()]);
		});
	test('a unit or person pointing at an unknown unit or person is refused with 422 unknown_reference', async () => {
		for (const [path, body, field, list] of [
			['/api/units', { name: 'X', parent_id: NOPE }, 'parent_id', '/api/units'],
			['/api/units', { name: 'X', parent_id: fx.units.direction, lead_id: NOPE }, 'lead_id', '/api/units'],
			['/api/people', { name: 'X', email: 'y@cible.test', unit_id: NOPE }, 'unit_id', '/api/people?limit=500'],
			['/api/people', { name: 'X', email: 'y@cible.test', manager_id: NOPE }, 'manager_id',
				'/api/people?limit=500']])
			await refused(['POST', path, body], { status: 422, code: 'unknown_reference', field }, [list]);
		await refused(['PATCH', `/api/units/${fx.units.teamA}`, { lead_id: NOPE }],
			{ status: 422, code: 'unknown_reference', field: 'lead_id' }, [`/api/units/${fx.units.teamA}`]);
	});
	test('malformed query parameters are refused with 400 invalid_query naming the parameter', async () => {
		for (const [q, field] of [['limit=0', 'limit'], ['limit=501', 'limit'], ['limit=abc', 'limit'],
			['offset=-1', 'offset'], ['owner=abc', 'owner'], ['unit=0', 'unit'], ['level=haut', 'level'],
			['status=fini', 'status'], ['from=2027-13-01', 'from'], ['to=2027-02-30', 'to']])
			await refused(['GET', `/api/objectives?${q}`], { status: 400, code: 'invalid_query', field });
		await refused(['GET', '/api/audit?entity=salaire'], { status: 400, code: 'invalid_query',
			field: 'entity' });
		await refused(['GET', '/api/people?active=oui'], { status: 400, code: 'invalid_query',
			field: 'active' });
	});
	test('a query parameter the route does not read is refused with 400 invalid_query naming it, in French and in English', async () => {
		const fr = await refused(['GET', '/api/people?limit=5&tri=nom'], { status: 400,
			code: 'invalid_query', field: 'tri' }, ['/api/people?limit=500']);
		assert.equal(fr.message, 'paramètre « tri » invalide : cette adresse ne le lit pas '
			+ '(paramètres acceptés : limit, offset, unit, active)');
		const en = await refused(['GET', '/api/people?sort=name', undefined,
			{ headers: { 'accept-language': 'en' } }], { status: 400, code: 'invalid_query',
			field: 'sort' });
		assert.equal(en.message, "invalid parameter 'sort': this address does not read it "
			+ '(accepted: limit, offset, unit, active)');
		const none = await refused(['GET', '/api/org?x=1', undefined,
			{ headers: { 'accept-language': 'en' } }], { status: 400, code: 'invalid_query',
			field: 'x' });
		assert.equal(none.message, "invalid parameter 'x': this address takes no query parameter");
		// a name that is not printable text is echoed as '?', never as raw bytes
		const odd = await refused(['GET', '/api/org?%C3%A9t%01=1'], { status: 400,
			code: 'invalid_query' });
		assert.match(odd.message, /« \?\?t\? »/);
	});
	test('every documented operation refuses an unknown query parameter before it reads or writes anything', async () => {
		const doc = await ok(admin.get('/api/openapi.json'));
		let n = 0;
		for (const [path, item] of Object.entries(doc.paths))
			for (const method of Object.keys(item)) {
				if (method === 'parameters') continue;
				const url = path.replace('{id}', String(fx.obj.I1)).replace('{feed}', 'cal_x.ics')
					+ '?cible_nope=1';
				await refused([method.toUpperCase(), url, method === 'get' ? undefined : {}], { status: 400,
					code: 'invalid_query', field: 'cible_nope' }, [objPath()]);
				n++;
			}
		assert.ok(n > 40, `${n} operations`);
	});
});

describe('dates', () => {
	for (const [what, value] of [['an invalid month', '2027-13-01'], ['an impossible day', '2027-02-30'],
		['the 29th of February of a common year', '2027-02-29'], ['a day 00', '2027-01-00'],
		['a date with a time', '2027-01-01T10:00'], ['a French date', '01/02/2027'], ['an empty date', '']])
		test(`${what} ("${value}") is refused with 422 invalid_date naming the field`, async () => {
			await refused(['PATCH', objPath(), { due: value }],
				{ status: 422, code: 'invalid_date', field: 'due' }, [objPath()]);
			await refused(['POST', '/api/objectives', goodObjective({ start: value })],
				{ status: 422, code: 'invalid_date', field: 'start' }, [objList()]);
		});
	test('the 29th of February of a leap year is a date', async () => {
		const o = await ok(admin.post('/api/objectives', goodObjective({ start: '2028-02-29',
			due: '2028-03-31' })), 201);
		assert.equal(o.start, '2028-02-29');
	});
	test('an impossible hiring date is refused with 422 invalid_date naming hired_on', async () => {
		await refused(['PATCH', `/api/people/${fx.people.member1}`, { hired_on: '2027-02-30' }],
			{ status: 422, code: 'invalid_date', field: 'hired_on' }, [`/api/people/${fx.people.member1}`]);
	});
	test('an impossible date in a plan step is refused with 422 invalid_date naming the step\'s due', async () => {
		await refused(['PATCH', objPath(), { plan: [{ title: 'Former', due: '2027-02-30' }] }],
			{ status: 422, code: 'invalid_date', field: 'plan[0].due' }, [objPath()]);
	});
	test('a plan step without a title is refused with 422 missing_field naming the step\'s title', async () => {
		await refused(['PATCH', objPath(), { plan: [{ title: 'Former' }, { title: '', done: false }] }],
			{ status: 422, code: 'missing_field', field: 'plan[1].title' }, [objPath()]);
	});
	test('a due date before the start is refused with 422 due_before_start naming due', async () => {
		await refused(['POST', '/api/objectives', goodObjective({ start: '2027-06-01', due: '2027-05-31' })],
			{ status: 422, code: 'due_before_start', field: 'due' }, [objList()]);
		// I1 starts on 2027-02-01: a due date before it, alone in the PATCH, is refused too
		await refused(['PATCH', objPath(), { due: '2027-01-15' }],
			{ status: 422, code: 'due_before_start', field: 'due' }, [objPath()]);
		await refused(['PATCH', objPath(), { start: '2027-06-30' }],
			{ status: 422, code: 'due_before_start', field: 'due' }, [objPath()]);
	});
});

describe('cycles', () => {
	test('an objective made its own parent is refused with 409 cycle', async () => {
		await refused(['PATCH', `/api/objectives/${fx.obj.CA}`, { parent_id: fx.obj.CA }],
			{ status: 409, code: 'cycle', field: 'parent_id' }, [`/api/objectives/${fx.obj.CA}`, objList()]);
	});
	test('an objective moved under its own descendant is refused with 409 cycle', async () => {
		// a collective objective under team A's one, and team A's moved under it
		const sub = await ok(admin.post('/api/objectives', { level: 'collective', parent_id: fx.obj.CA,
			owner_unit_id: fx.units.teamA, title: 'Équipe A : binôme du matin' }), 201);
		const deeper = await ok(admin.post('/api/objectives', { level: 'collective', parent_id: sub.id,
			owner_unit_id: fx.units.teamA, title: 'Équipe A : binôme du matin, lundi' }), 201);
		for (const target of [sub.id, deeper.id])
			await refused(['PATCH', `/api/objectives/${fx.obj.CA}`, { parent_id: target }],
				{ status: 409, code: 'cycle', field: 'parent_id' },
				[`/api/objectives/${fx.obj.CA}`, `/api/objectives/${fx.obj.S}/cascade`]);
	});
	test('a unit moved under its own subtree is refused with 409 cycle', async () => {
		for (const [unit, under] of [[fx.units.direction, fx.units.teamA],
			[fx.units.teamA, fx.units.teamA], [fx.units.company, fx.units.callCentre]])
			await refused(['PATCH', `/api/units/${unit}`, { parent_id: under }],
				{ status: 409, code: 'cycle', field: 'parent_id' }, ['/api/units']);
	});
	test('a person made their own manager is refused with 409 cycle', async () => {
		await refused(['PATCH', `/api/people/${fx.people.member1}`, { manager_id: fx.people.member1 }],
			{ status: 409, code: 'cycle', field: 'manager_id' }, [`/api/people/${fx.people.member1}`]);
	});
});

describe('targets and directions', () => {
	for (const [what, body] of [
		['an increase whose target is below the baseline', { direction: 'increase', baseline: 50, target: 40 }],
		['an increase whose target equals the baseline', { direction: 'increase', baseline: 50, target: 50 }],
		['a decrease whose target is above the baseline', { direction: 'decrease', baseline: 24, target: 48 }]])
		test(`${what} is refused with 422 target_direction naming target`, async () => {
			const e = await refused(['POST', '/api/objectives', goodObjective(body)],
				{ status: 422, code: 'target_direction', field: 'target' }, [objList()]);
			assert.match(e.message, new RegExp(String(body.target)));
		});
	test('turning an increase into a decrease without moving the target is refused with 422 target_direction', async () => {
		await refused(['PATCH', objPath(), { direction: 'decrease' }],
			{ status: 422, code: 'target_direction', field: 'target' }, [objPath()]);
		await refused(['PATCH', objPath(), { target: 10 }],
			{ status: 422, code: 'target_direction', field: 'target' }, [objPath()]);
	});
	for (const [field, body] of [
		['target', { direction: 'increase', baseline: 0, target: 1e308 }],
		['baseline', { direction: 'increase', baseline: -1e308, target: 10 }],
		['target', { direction: 'reach', baseline: 0, target: 1.000001e12 }],
		['means.budget', { means: { budget: 1e13 } }]])
		test(`a figure beyond 10^12 (${field} ${JSON.stringify(body)}) is refused with 422 naming it`, async () => {
			const e = await refused(['POST', '/api/objectives', goodObjective(body)],
				{ status: 422, code: 'invalid_value', field }, [objList()]);
			assert.match(e.message, /un nombre fini de -10\^12 à 10\^12/);
		});
	test('a figure of exactly 10^12 is taken', async () => {
		await ok(admin.post('/api/objectives', goodObjective({ direction: 'reach', baseline: -1e12, target: 1e12 })), 201);
	});
	test('reach, stay_above and stay_below accept a target on either side of the baseline', async () => {
		for (const direction of ['reach', 'stay_above', 'stay_below'])
			await ok(admin.post('/api/objectives', goodObjective({ direction, baseline: 50, target: 40 })), 201);
	});
});

describe('CSRF', () => {
	test('a cookie write without the X-CSRF-Token header is refused with 403 csrf', async () => {
		await refused(['PATCH', objPath(), { title: 'Sans jeton' }, { csrf: false }],
			{ status: 403, code: 'csrf' }, [objPath()]);
		await refused(['POST', '/api/axes', { title: 'Sans jeton' }, { csrf: false }],
			{ status: 403, code: 'csrf' }, ['/api/axes']);
		await refused(['POST', `/api/objectives/${fx.obj.I1}/cancel`, undefined, { csrf: false }],
			{ status: 403, code: 'csrf' }, [objPath()]);
	});
	test('a cookie write with a wrong or another session\'s CSRF token is refused with 403 csrf', async () => {
		await refused(['PATCH', objPath(), { title: 'Mauvais jeton' },
			{ csrf: false, headers: { 'x-csrf-token': 'f'.repeat(64) } }], { status: 403, code: 'csrf' }, [objPath()]);
		await refused(['PATCH', objPath(), { title: 'Jeton d\'un autre' },
			{ csrf: false, headers: { 'x-csrf-token': fx.clients.managerA.csrf } }],
			{ status: 403, code: 'csrf' }, [objPath()]);
		await refused(['PATCH', objPath(), { title: 'Jeton vide' },
			{ csrf: false, headers: { 'x-csrf-token': '' } }], { status: 403, code: 'csrf' }, [objPath()]);
	});
	test('logging out without the CSRF token is refused, and the session lives on', async () => {
		await refused(['POST', '/api/logout', undefined, { csrf: false }], { status: 403, code: 'csrf' });
		await ok(admin.get('/api/me'));
	});
	test('a malformed Authorization header is refused with 401, even next to a valid cookie', async () => {
		await refused(['GET', '/api/me', undefined, { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }],
			{ status: 401, code: 'unauthenticated' });
		await refused(['PATCH', objPath(), { title: 'x' }, { headers: { authorization: 'Bearer ' + 'a'.repeat(300) } }],
			{ status: 401, code: 'unauthenticated' }, [objPath()]);
	});
});

describe('login', () => {
	test('a login with a missing or mistyped field is refused with 400 naming it', async () => {
		await refused(['POST', '/api/login', { email: 'x@cible.test' }],
			{ status: 400, code: 'missing_field', field: 'password' }, [], fx.server.anon);
		await refused(['POST', '/api/login', { email: 5, password: 'x' }],
			{ status: 400, code: 'invalid_type', field: 'email' }, [], fx.server.anon);
		await refused(['POST', '/api/login', { email: 'x@cible.test', password: 'x', remember: true }],
			{ status: 400, code: 'unknown_field', field: 'remember' }, [], fx.server.anon);
	});
});

// The story of a new user, through the API: an admin sets a strategic
// objective on an axis, cascades it down to one person, and reads the cascade,
// the path up to the ambition and the audit trail back; then lists, paging,
// status changes, sessions, tokens, and what every answer carries (headers,
// errors, limits).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PASSWORD, auditTotal, ok, startServer } from './harness.mjs';

let server, admin, ids = {};

before(async () => {
	server = await startServer();
	admin = await server.login(server.adminEmail);
	const company = (await ok(admin.get('/api/units'))).items[0];
	ids.company = company.id;
	ids.direction = (await ok(admin.post('/api/units', { name: 'Direction commerciale',
		kind: 'direction', service: 'sales', parent_id: company.id }), 201)).id;
	ids.team = (await ok(admin.post('/api/units', { name: 'Plateau Lyon', kind: 'team',
		service: 'call_centre', parent_id: ids.direction }), 201)).id;
	ids.agent = (await ok(admin.post('/api/people', { name: 'Inès Agent',
		email: 'ines@cible.test', unit_id: ids.team, password: PASSWORD }), 201)).id;
});

after(async () => { await server.stop(); });

test('the admin logs in and reads who they are', async () => {
	const me = await ok(admin.get('/api/me'));
	assert.equal(me.email, server.adminEmail);
	assert.equal(me.role, 'admin');
	assert.ok(me.managed_units.includes(ids.company), 'the admin leads the company');
	assert.match(me.csrf_token, /^[0-9a-f]{64}$/);
});

test('the admin cascades a strategic objective down to one person and reads it all back', async () => {
	const axis = await ok(admin.post('/api/axes', { title: 'Excellence de la relation client',
		position: 1 }), 201);
	const s = await ok(admin.post('/api/objectives', { level: 'strategic', axis_id: axis.id,
		owner_unit_id: ids.company, title: 'Atteindre un NPS de 50 en 2027', indicator: 'nps',
		direction: 'increase', baseline: 32, target: 50, start: '2027-01-01',
		due: '2027-12-31' }), 201);
	assert.equal(s.level, 'strategic');
	assert.equal(s.status, 'draft');
	assert.equal(s.axis_id, axis.id);
	assert.equal(s.created_by, admin.me.id);
	const o = await ok(admin.post('/api/objectives', { level: 'operational', parent_id: s.id,
		owner_unit_id: ids.direction, title: 'Répondre à 90 % des appels en moins de 30 s',
		direction: 'increase', baseline: 70, target: 90, unit: '%' }), 201);
	const i = await ok(admin.post('/api/objectives', { level: 'individual', parent_id: o.id,
		owner_person_id: ids.agent, title: 'Inès : décrocher en moins de 20 s',
		direction: 'decrease', baseline: 35, target: 20, unit: 's',
		means: { budget: 500, time_hours: 12, support: 'Formation écoute active' },
		plan: [{ title: 'Formation', due: '2027-02-15', done: false }],
		skills: ['écoute', 'CRM'], confidence: 0.7 }), 201);
	assert.deepEqual(i.means, { budget: 500, time_hours: 12, support: 'Formation écoute active' });
	assert.deepEqual(i.plan, [{ title: 'Formation', due: '2027-02-15', done: false }]);
	assert.deepEqual(i.skills, ['écoute', 'CRM']);
	ids.story = { axis: axis.id, s: s.id, o: o.id, i: i.id };

	// the stored version is the one returned
	assert.deepEqual(await ok(admin.get(`/api/objectives/${i.id}`)), i);

	const cascade = await ok(admin.get(`/api/objectives/${s.id}/cascade`));
	assert.equal(cascade.id, s.id);
	assert.deepEqual(cascade.children.map((c) => c.id), [o.id]);
	assert.deepEqual(cascade.children[0].children.map((c) => c.id), [i.id]);
	assert.deepEqual(cascade.children[0].children[0].children, []);

	const byAxis = await ok(admin.get(`/api/axes/${axis.id}/cascade`));
	assert.equal(byAxis.id, axis.id);
	assert.equal(byAxis.title, 'Excellence de la relation client');
	assert.deepEqual(byAxis.children.map((c) => c.id), [s.id]);
	assert.deepEqual(byAxis.children[0].children[0].children.map((c) => c.id), [i.id]);

	const path = await ok(admin.get(`/api/objectives/${i.id}/path`));
	assert.deepEqual(path.path.map((x) => x.id), [i.id, o.id, s.id]);
	assert.equal(path.axis.id, axis.id);
	assert.equal(path.ambition, server.ambition);
	assert.equal(path.organisation, server.orgName);

	const audit = await ok(admin.get(`/api/objectives/${i.id}/audit`));
	assert.equal(audit.total, 1);
	const [created] = audit.items;
	assert.equal(created.action, 'create');
	assert.equal(created.entity, 'objective');
	assert.equal(created.entity_id, i.id);
	assert.equal(created.actor_id, admin.me.id);
	assert.equal(created.actor, 'Alice Admin');
	assert.equal(created.before, null);
	assert.equal(created.after.title, 'Inès : décrocher en moins de 20 s');
});

test('a PATCH changes only the fields it names and is recorded in the audit trail with before and after', async () => {
	const { i } = ids.story;
	const before = await ok(admin.get(`/api/objectives/${i}`));
	const after = await ok(admin.patch(`/api/objectives/${i}`, { target: 18,
		title: 'Inès : décrocher en moins de 18 s' }));
	assert.equal(after.target, 18);
	assert.equal(after.title, 'Inès : décrocher en moins de 18 s');
	for (const k of ['baseline', 'direction', 'parent_id', 'owner_person_id', 'plan', 'means'])
		assert.deepEqual(after[k], before[k], `${k} is kept`);
	const audit = await ok(admin.get(`/api/objectives/${i}/audit`));
	assert.equal(audit.total, 2);
	const [update] = audit.items;  // newest first
	assert.equal(update.action, 'update');
	assert.equal(update.before.target, 20);
	assert.equal(update.after.target, 18);
	assert.equal(update.before.title, 'Inès : décrocher en moins de 20 s');
	assert.equal(update.after.title, 'Inès : décrocher en moins de 18 s');
	// the whole trail, filtered on the entity, says the same
	const all = await ok(admin.get(`/api/audit?entity=objective&entity_id=${i}`));
	assert.deepEqual(all.items.map((x) => x.id), audit.items.map((x) => x.id));
});

test('status moves along draft, proposed, agreed, achieved and refuses a jump with 422 invalid_status_change', async () => {
	const { o } = ids.story;
	const x = await ok(admin.post('/api/objectives', { level: 'collective', parent_id: o,
		owner_unit_id: ids.team, title: 'Plateau : 0 appel abandonné le lundi' }), 201);
	const refused = await admin.patch(`/api/objectives/${x.id}`, { status: 'achieved' });
	assert.equal(refused.status, 422);
	assert.equal(refused.body.error.code, 'invalid_status_change');
	assert.equal(refused.body.error.field, 'status');
	assert.match(refused.body.error.message, /draft.*achieved/);
	assert.equal((await ok(admin.get(`/api/objectives/${x.id}`))).status, 'draft');
	for (const st of ['proposed', 'agreed', 'achieved'])
		assert.equal((await ok(admin.patch(`/api/objectives/${x.id}`, { status: st }))).status, st);
	const closed = await admin.patch(`/api/objectives/${x.id}`, { status: 'missed' });
	assert.equal(closed.status, 422);
	assert.equal(closed.body.error.code, 'invalid_status_change');
	// reopening a wrongly closed objective is allowed
	assert.equal((await ok(admin.patch(`/api/objectives/${x.id}`, { status: 'agreed' }))).status,
		'agreed');
});

test('cancel sets the status to cancelled, is audited, and a cancelled objective takes no children', async () => {
	const { o } = ids.story;
	const x = await ok(admin.post('/api/objectives', { level: 'collective', parent_id: o,
		owner_unit_id: ids.team, title: 'Plateau : un projet abandonné' }), 201);
	const c = await ok(admin.post(`/api/objectives/${x.id}/cancel`));
	assert.equal(c.status, 'cancelled');
	const audit = await ok(admin.get(`/api/objectives/${x.id}/audit`));
	assert.equal(audit.items[0].action, 'cancel');
	assert.equal(audit.items[0].before.status, 'draft');
	assert.equal(audit.items[0].after.status, 'cancelled');
	const child = await admin.post('/api/objectives', { level: 'individual', parent_id: x.id,
		owner_person_id: ids.agent, title: 'Sous un objectif annulé' });
	assert.equal(child.status, 422);
	assert.equal(child.body.error.field, 'parent_id');
	const back = await admin.patch(`/api/objectives/${x.id}`, { status: 'agreed' });
	assert.equal(back.status, 422);
	assert.equal(back.body.error.code, 'invalid_status_change');
});

test('lists filter by owner, unit subtree, level, status and period', async () => {
	const { s, o, i } = ids.story;
	const list = async (q) => (await ok(admin.get(`/api/objectives?limit=500&${q}`))).items
		.map((x) => x.id);
	assert.deepEqual(await list(`owner=${ids.agent}`), [i]);
	assert.deepEqual(await list(`owner_unit=${ids.company}`), [s]);
	const underDirection = await list(`unit=${ids.direction}`);
	assert.ok(underDirection.includes(o) && underDirection.includes(i));
	assert.ok(!underDirection.includes(s), 'the company is above the direction');
	assert.deepEqual(await list(`unit=${ids.team}&level=individual`), [i]);
	assert.deepEqual(await list('level=strategic'), [s]);
	assert.deepEqual(await list(`level=operational&parent=${s}`), [o]);
	assert.deepEqual(await list(`axis=${ids.story.axis}`), [s]);
	const cancelled = await list('status=cancelled');
	assert.equal(cancelled.length, 1);
	assert.ok(!(await list('status=draft')).includes(cancelled[0]));

	// periods: an objective is listed when [start, due] overlaps [from, to]
	const q1 = await ok(admin.post('/api/objectives', { level: 'collective', parent_id: o,
		owner_unit_id: ids.team, title: 'Premier trimestre 2026', start: '2026-01-01',
		due: '2026-03-31' }), 201);
	const inWindow = (q) => list(q).then((v) => v.includes(q1.id));
	assert.equal(await inWindow('from=2026-03-01&to=2026-05-01'), true);
	assert.equal(await inWindow('from=2026-03-31'), true, 'the due day is inside the period');
	assert.equal(await inWindow('from=2026-04-01'), false);
	assert.equal(await inWindow('to=2025-12-31'), false);
	assert.equal(await inWindow('to=2026-01-01'), true, 'the start day is inside the period');
	assert.equal(await inWindow('from=2026-02-01&to=2026-02-02'), true);
	const bad = await admin.get('/api/objectives?from=2026-05-01&to=2026-04-01');
	assert.equal(bad.status, 400);
	assert.equal(bad.body.error.field, 'to');
});

test('lists page with limit and offset and report the total', async () => {
	const made = [];
	for (let k = 0; k < 7; k++)
		made.push((await ok(admin.post('/api/objectives', { level: 'individual',
			parent_id: ids.story.o, owner_person_id: ids.agent,
			title: `Inès : appel de suivi n° ${k}` }), 201)).id);
	const page = (o) => ok(admin.get(`/api/objectives?owner=${ids.agent}&limit=3&offset=${o}`));
	const p0 = await page(0), p1 = await page(3), p2 = await page(6);
	assert.equal(p0.total, 8);
	assert.equal(p0.limit, 3);
	assert.equal(p1.offset, 3);
	assert.deepEqual([p0, p1, p2].map((p) => p.items.length), [3, 3, 2]);
	const all = [...p0.items, ...p1.items, ...p2.items].map((x) => x.id);
	assert.deepEqual(all, [ids.story.i, ...made], 'pages are disjoint, in id order');
	const past = await page(50);
	assert.deepEqual(past.items, []);
	assert.equal(past.total, 8);
	const dflt = await ok(admin.get('/api/objectives'));
	assert.equal(dflt.limit, 50);
	assert.equal(dflt.offset, 0);
});

test('logout ends the session: the old cookie no longer works', async () => {
	const c = await server.login(server.adminEmail);
	await ok(c.get('/api/me'));
	const r = await c.post('/api/logout');
	assert.equal(r.status, 200);
	assert.match(r.headers.get('set-cookie'), /cible_session=;.*Max-Age=0/);
	const after = await c.get('/api/me');
	assert.equal(after.status, 401);
	assert.equal(after.body.error.code, 'unauthenticated');
	assert.equal((await c.post('/api/axes', { title: 'Après la déconnexion' })).status, 401);
	// the other session of the same person lives on
	await ok(admin.get('/api/me'));
});

test('an API token is created once, works without CSRF, is listed without its secret, and dies when revoked', async () => {
	const t = await ok(admin.post('/api/tokens', { name: 'export nocturne' }), 201);
	assert.match(t.token, /^cbl_[0-9a-f]{64}$/);
	const bot = server.tokenClient(t.token);
	assert.equal((await ok(bot.get('/api/me'))).id, admin.me.id);
	const axis = await ok(bot.post('/api/axes', { title: 'Créé par script' }), 201);
	assert.equal(axis.title, 'Créé par script');
	const list = await ok(admin.get('/api/tokens'));
	const listed = list.items.find((x) => x.id === t.id);
	assert.equal(listed.name, 'export nocturne');
	assert.ok(!JSON.stringify(list).includes(t.token), 'the secret is never shown again');
	await ok(admin.delete(`/api/tokens/${t.id}`));
	assert.equal((await bot.get('/api/me')).status, 401);
	assert.equal((await admin.delete(`/api/tokens/${t.id}`)).status, 404);
	assert.ok(!(await ok(admin.get('/api/tokens'))).items.some((x) => x.id === t.id));
	const wrong = server.tokenClient('cbl_' + '0'.repeat(64));
	assert.equal((await wrong.get('/api/me')).status, 401);
});

test('a person changes their password with the current one, and only with it', async () => {
	const ines = await server.login('ines@cible.test');
	const wrong = await ines.post('/api/me/password', { current: 'pas le bon', new: 'nouveau-mot-de-passe' });
	assert.equal(wrong.status, 403);
	assert.equal(wrong.body.error.field, 'current');
	const weak = await ines.post('/api/me/password', { current: PASSWORD, new: 'court' });
	assert.equal(weak.status, 422);
	assert.equal(weak.body.error.code, 'weak_password');
	await ok(ines.post('/api/me/password', { current: PASSWORD, new: 'nouveau-mot-de-passe' }));
	await server.login('ines@cible.test', 'nouveau-mot-de-passe');
	const old = await server.anon.post('/api/login', { email: 'ines@cible.test', password: PASSWORD });
	assert.equal(old.status, 401);
});

test('/healthz answers ok with the schema version, without authentication', async () => {
	const h = await ok(server.anon.get('/healthz'));
	assert.equal(h.status, 'ok');
	assert.ok(Number.isInteger(h.schema) && h.schema >= 1);
});

test('the OpenAPI document is served as JSON without authentication', async () => {
	const r = await server.anon.get('/api/openapi.json');
	assert.equal(r.status, 200);
	assert.match(r.headers.get('content-type'), /^application\/json/);
	assert.match(r.body.openapi, /^3\./);
	assert.equal(typeof r.body.paths, 'object');
});

test('an unknown route answers 404 no_route in JSON', async () => {
	for (const path of ['/api/nothing', '/api/objectives/12/nothing', '/api/objectives/abc',
		'/api/objectives/' + '9'.repeat(19)]) {
		const r = await admin.get(path, { unchecked: 'an unknown path is in no document' });
		assert.equal(r.status, 404, path);
		assert.equal(r.body.error.code, 'no_route', path);
	}
});

test('a wrong method answers 405 with an Allow header listing the right ones', async () => {
	const unchecked = 'a method the path does not have is in no document';
	const r = await admin.delete('/api/objectives', { unchecked });
	assert.equal(r.status, 405);
	assert.equal(r.body.error.code, 'method_not_allowed');
	assert.equal(r.headers.get('allow'), 'GET, POST');
	const r2 = await admin.request('PUT', `/api/objectives/${ids.story.i}`, {}, { unchecked });
	assert.equal(r2.status, 405);
	assert.equal(r2.headers.get('allow'), 'GET, PATCH');
	const r3 = await server.anon.request('PUT', '/healthz', undefined, { unchecked });
	assert.equal(r3.status, 405);
	assert.equal(r3.headers.get('allow'), 'GET');
});

test('every answer carries the security headers, errors included', async () => {
	for (const r of [await server.anon.get('/', { unchecked: 'a page, not the API' }),
		await server.anon.get('/api/me'), await admin.get('/api/org'),
		await admin.get('/api/nothing', { unchecked: 'an unknown path is in no document' })]) {
		const csp = r.headers.get('content-security-policy') || '';
		assert.match(csp, /default-src 'self'/);
		assert.match(csp, /frame-ancestors 'none'/);
		assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
		assert.equal(r.headers.get('x-frame-options'), 'DENY');
		assert.equal(r.headers.get('cache-control'), 'no-store');
	}
});

test('the session cookie is HttpOnly, SameSite=Strict, on the whole site', async () => {
	const r = await server.anon.post('/api/login', { email: server.adminEmail, password: PASSWORD });
	assert.equal(r.status, 200);
	const cookie = r.headers.get('set-cookie');
	assert.match(cookie, /^cible_session=[0-9a-f]{64};/);
	assert.match(cookie, /; HttpOnly/);
	assert.match(cookie, /; SameSite=Strict/);
	assert.match(cookie, /; Path=\//);
	assert.ok(!('cible_session' in r.body), 'the session secret is not in the body');
});

test('a wrong password and an unknown address get the same 401 bad_credentials', async () => {
	const a = await server.anon.post('/api/login', { email: 'ines@cible.test', password: 'mauvais-mdp' });
	const b = await server.anon.post('/api/login', { email: 'personne@cible.test', password: 'mauvais-mdp' });
	assert.equal(a.status, 401);
	assert.equal(b.status, 401);
	assert.deepEqual(a.body, b.body);
	assert.equal(a.body.error.code, 'bad_credentials');
	assert.equal(a.headers.get('set-cookie'), null);
});

test('after 5 failed logins for one address, the 6th is refused with 429 and Retry-After, even with the right password', async () => {
	const email = 'limite@cible.test';
	await ok(admin.post('/api/people', { name: 'Léa Limite', email, unit_id: ids.team,
		password: PASSWORD }), 201);
	for (let k = 0; k < 5; k++) {
		const r = await server.anon.post('/api/login', { email, password: `essai-${k}-raté` });
		assert.equal(r.status, 401, `attempt ${k + 1}`);
	}
	const r = await server.anon.post('/api/login', { email, password: PASSWORD });
	assert.equal(r.status, 429);
	assert.equal(r.body.error.code, 'too_many_attempts');
	const wait = Number(r.headers.get('retry-after'));
	assert.ok(Number.isInteger(wait) && wait > 0 && wait <= 900, `Retry-After: ${wait}`);
	assert.equal(r.headers.get('set-cookie'), null);
	// the limit is per address: others still log in
	await server.login('ines@cible.test', 'nouveau-mot-de-passe');
});

test('the home page sends a visitor without a session to the login page', async () => {
	const r = await fetch(server.base + '/', { redirect: 'manual' });
	assert.equal(r.status, 302);
	assert.equal(r.headers.get('location'), '/login');
	const login = await server.anon.get('/login', { unchecked: 'a page, not the API' });
	assert.equal(login.status, 200);
	assert.match(login.headers.get('content-type'), /^text\/html/);
	assert.match(login.text, /<form method="post" action="\/login"/);
});

test('the audit trail grows by exactly one entry per accepted write', async () => {
	const n0 = await auditTotal(admin);
	await ok(admin.post('/api/axes', { title: 'Un axe de plus' }), 201);
	assert.equal(await auditTotal(admin), n0 + 1);
});

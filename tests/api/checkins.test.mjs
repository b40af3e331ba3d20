// Check-ins: the owner and their manager say, in turn, where an objective
// stands; each keeps the measured figures of its moment; bad input stores
// nothing and names the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { auditTotal, ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

const list = async (client, id) => ok(client.get(`/api/objectives/${id}/checkins`));

test('the owner and their manager check in, in turn; both read the thread, newest first', async () => {
	const { member1, managerA } = fx.clients;
	const id = fx.obj.I1;
	const a = await ok(member1.post(`/api/objectives/${id}/checkins`,
		{ comment: 'Deux jours de formation : je rattrape la semaine prochaine.', confidence: 'at_risk' }), 201);
	assert.equal(a.author_id, fx.people.member1);
	assert.equal(a.author_name, 'Marie Membre 1');
	assert.equal(a.confidence, 'at_risk');
	assert.equal(a.value, null);  // no indicator on this objective: nothing measured
	const b = await ok(managerA.post(`/api/objectives/${id}/checkins`,
		{ comment: 'D\'accord ; je te libère le créneau de 14 h pour les rappels.' }), 201);
	assert.equal(b.confidence, null);
	for (const client of [member1, managerA, fx.clients.hr]) {
		const l = await list(client, id);
		assert.ok(l.total >= 2);
		assert.deepEqual(l.items.slice(0, 2).map((x) => x.id), [b.id, a.id]);
	}
	const one = await ok(fx.clients.admin.get(`/api/objectives/${id}/checkins?limit=1&offset=1`));
	assert.deepEqual([one.items.length, one.items[0].id, one.limit, one.offset], [1, a.id, 1, 1]);
	const audit = await ok(fx.clients.admin.get(`/api/objectives/${id}/audit`));
	assert.ok(audit.items.some((x) => x.action === 'checkin' && x.after.id === b.id));
});

test('a check-in keeps the value and attainment measured at that moment', async () => {
	const admin = fx.clients.admin;
	const o = await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member2, title: 'Paul : 20 appels décrochés en janvier 2026',
		indicator: 'calls_handled', direction: 'increase', baseline: 0, target: 20,
		start: '2026-01-01', due: '2026-01-31' }), 201);
	const records = Array.from({ length: 5 }, (_, i) => ({ source_id: `ck-${i}`,
		person: String(fx.people.member2), at: `2026-01-0${i + 4}T10:00:00Z`, fields: { answered: true } }));
	await ok(admin.post('/api/activity', { kind: 'call', records }));
	const c = await ok(fx.clients.member2.post(`/api/objectives/${o.id}/checkins`,
		{ comment: 'Cinq appels, la campagne démarre lundi.', confidence: 'on_track' }), 201);
	assert.equal(c.value, 5);
	assert.equal(c.attainment, 0.25);
	// more calls later do not change what was said then
	await ok(admin.post('/api/activity', { kind: 'call', records: [{ source_id: 'ck-9',
		person: String(fx.people.member2), at: '2026-01-12T10:00:00Z', fields: { answered: true } }] }));
	const l = await list(admin, o.id);
	assert.equal(l.items[0].value, 5);
});

test('bad check-ins name their field and store nothing', async () => {
	const { member1 } = fx.clients;
	const url = `/api/objectives/${fx.obj.I1}/checkins`;
	const before = (await list(member1, fx.obj.I1)).total;
	const trail = await auditTotal(fx.clients.admin);
	const cases = [
		[{}, 422, 'missing_field', 'comment'],
		[{ comment: '  \n ' }, 422, 'missing_field', 'comment'],
		[{ comment: 'x'.repeat(2001) }, 422, 'invalid_value', 'comment'],
		[{ comment: 'ok', confidence: 'confiant' }, 422, 'invalid_value', 'confidence'],
		[{ comment: 5 }, 400, 'invalid_type', 'comment'],
		[{ comment: 'ok', mood: 'good' }, 400, 'unknown_field', 'mood'],
	];
	for (const [body, status, code, field] of cases) {
		const r = await member1.post(url, body);
		assert.equal(r.status, status, JSON.stringify(body).slice(0, 60));
		assert.deepEqual([r.body.error.code, r.body.error.field], [code, field]);
	}
	const raw = await member1.post(url, undefined, { raw: '{"comment": "ok"' });
	assert.equal(raw.status, 400);
	assert.equal((await list(member1, fx.obj.I1)).total, before);
	assert.equal(await auditTotal(fx.clients.admin), trail);
	// 2,000 characters are allowed, accents counting one each
	await ok(member1.post(url, { comment: 'é'.repeat(2000) }), 201);
});

test('no check-in on a cancelled objective, nor on an unknown one', async () => {
	const admin = fx.clients.admin;
	const o = await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member1, title: 'Marie : objectif abandonné' }), 201);
	await ok(admin.post(`/api/objectives/${o.id}/cancel`));
	const r = await fx.clients.member1.post(`/api/objectives/${o.id}/checkins`, { comment: 'Encore là ?' });
	assert.equal(r.status, 409);
	assert.equal((await list(admin, o.id)).total, 0);
	const u = await admin.post('/api/objectives/999999/checkins', { comment: 'Rien' });
	assert.equal(u.status, 404);
});

test('dashboards give each objective its last check-in', async () => {
	const c = await ok(fx.clients.managerA.post(`/api/objectives/${fx.obj.I2}/checkins`,
		{ comment: 'Paul : on fait le point jeudi.', confidence: 'on_track' }), 201);
	const person = await ok(fx.clients.member2.get(`/api/people/${fx.people.member2}/dashboard`));
	const mine = person.objectives.find((o) => o.id === fx.obj.I2);
	assert.equal(mine.last_checkin.id, c.id);
	assert.equal(mine.last_checkin.author_name, 'Marc Manager A');
	const unit = await ok(fx.clients.managerA.get(`/api/units/${fx.units.teamA}/dashboard`));
	const paul = unit.members.find((m) => m.person.id === fx.people.member2);
	assert.equal(paul.objectives.find((o) => o.id === fx.obj.I2).last_checkin.id, c.id);
	const ca = unit.collective.find((o) => o.id === fx.obj.CA);
	assert.ok(ca, 'team A\'s collective objective');
	assert.ok(ca.last_checkin === null || typeof ca.last_checkin.id === 'number');
});

// The rhythm of objectives (issue 11, items 3-5): check-ins on a cadence and
// who is late, two-way feedback, one-to-ones. What each test shows is in its
// name; bad input names its field and leaves the database as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CIBLE_BIN, auditTotal, dbExec, dbQuery, ok, startFixture } from './harness.mjs';

let fx;
const DAY = 86400;
const iso = (d) => new Date(d * DAY * 1000).toISOString().slice(0, 10);
const today = Math.floor(Date.now() / 1000 / DAY);  // the org's day: its time zone is set to UTC
const obj = {};

before(async () => {
	fx = await startFixture();
	const admin = fx.clients.admin;
	await ok(admin.patch('/api/org', { time_zone: 'UTC' }));
	// objectives running now (the fixture's start in 2027): member1's and member2's
	const mk = async (key, owner, extra = {}) => {
		obj[key] = (await ok(admin.post('/api/objectives', { level: 'individual',
			parent_id: fx.obj.CA, owner_person_id: owner, title: `${key} : relancer les devis`,
			direction: 'increase', baseline: 0, target: 40, start: iso(today - 30),
			due: iso(today + 60), ...extra }), 201)).id;
	};
	await mk('M1', fx.people.member1);
	await mk('M2', fx.people.member2);
	// measured on calls: 2 calls of 100 with half the period gone, so at risk
	await mk('Calls', fx.people.member1, { indicator: 'calls_handled', target: 100,
		due: iso(today + 30), title: 'Marie : 100 appels décrochés ce trimestre' });
	const records = [0, 1].map((i) => ({ source_id: `rh-${i}`, person: String(fx.people.member1),
		at: `${iso(today - 3)}T10:00:00Z`, fields: { answered: true } }));
	await ok(admin.post('/api/activity', { kind: 'call', records }));
});
after(async () => { await fx.server.stop(); });

const teamA = async (client = fx.clients.managerA) =>
	ok(client.get(`/api/units/${fx.units.teamA}/dashboard`));
const member = (dash, id) => dash.members.find((m) => m.person.id === id);
const rhythmOf = (r, id) => r.objectives.find((o) => o.objective_id === id);

test('the member checks in twice on the cadence while a teammate shows as late; cadence: objective > person > unit > org', async () => {
	const { member1, managerA, admin } = fx.clients;
	const first = await ok(member1.post(`/api/objectives/${obj.M1}/checkins`, {
		comment: 'Dix devis relancés, trois signés.', confidence: 'on_track',
		blockers: 'Le CRM est lent le lundi.', next_steps: 'Relancer les devis de mars.',
		value: 12 }), 201);
	assert.deepEqual([first.blockers, first.next_steps, first.value, first.value_given],
		['Le CRM est lent le lundi.', 'Relancer les devis de mars.', 12, true]);
	assert.equal(first.attainment, 0.3);   // 12 of 0 -> 40
	// that check-in was eight days ago
	dbExec(fx.server.db, `UPDATE checkin SET created_at = created_at - ${8 * DAY} WHERE id = ${first.id}`);
	let d = await teamA();
	let m1 = member(d, fx.people.member1).rhythm, m2 = member(d, fx.people.member2).rhythm;
	assert.equal(m1.today, iso(today));
	assert.deepEqual([rhythmOf(m1, obj.M1).last_checkin, rhythmOf(m1, obj.M1).next_due,
		rhythmOf(m1, obj.M1).late, rhythmOf(m1, obj.M1).days_late, rhythmOf(m1, obj.M1).cadence,
		rhythmOf(m1, obj.M1).cadence_from], [iso(today - 8), iso(today - 1), true, 1, 'weekly', 'default']);
	// never checked in: due a week after the start
	assert.deepEqual([m2.late, m2.days_late, m2.next_due, m2.last_checkin],
		[true, 23, iso(today - 23), null]);
	assert.ok(d.late_checkins >= 2);

	// every two weeks for team A: member1 is on time again
	await ok(managerA.put('/api/cadences', { scope: 'unit', scope_id: fx.units.teamA, every: 'biweekly' }));
	d = await teamA();
	let x = rhythmOf(member(d, fx.people.member1).rhythm, obj.M1);
	assert.deepEqual([x.cadence, x.cadence_from, x.next_due, x.late], ['biweekly', 'unit', iso(today + 6), false]);
	// a person's weekly rhythm wins over the unit's, an objective's over the person's
	await ok(managerA.put('/api/cadences', { scope: 'person', scope_id: fx.people.member1, every: 'weekly' }));
	x = rhythmOf(member(await teamA(), fx.people.member1).rhythm, obj.M1);
	assert.deepEqual([x.cadence_from, x.late], ['person', true]);
	await ok(managerA.put('/api/cadences', { scope: 'objective', scope_id: obj.M1, every: 'monthly' }));
	x = rhythmOf(member(await teamA(), fx.people.member1).rhythm, obj.M1);
	assert.deepEqual([x.cadence, x.cadence_from, x.late], ['monthly', 'objective', false]);
	// removed: back to the person's
	const all = await ok(managerA.put('/api/cadences', { scope: 'objective', scope_id: obj.M1, every: null }));
	assert.ok(!all.items.some((c) => c.scope === 'objective'));
	x = rhythmOf(member(await teamA(), fx.people.member1).rhythm, obj.M1);
	assert.deepEqual([x.cadence_from, x.late], ['person', true]);
	// the organisation's, for someone with nothing nearer (team B has no setting)
	await ok(admin.put('/api/cadences', { scope: 'org', every: 'monthly' }));
	const b = await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CB,
		owner_person_id: fx.people.member3, title: 'Zoé : relancer les devis', start: iso(today - 3),
		due: iso(today + 60) }), 201);
	const zoe = await ok(fx.clients.member3.get(`/api/people/${fx.people.member3}/dashboard`));
	assert.deepEqual([rhythmOf(zoe.rhythm, b.id).cadence_from, zoe.rhythm.late], ['org', false]);

	// member1 checks in again: on time, next one due in a week
	await ok(member1.post(`/api/objectives/${obj.M1}/checkins`, { comment: 'Point de la semaine.' }), 201);
	await ok(member1.post(`/api/objectives/${obj.Calls}/checkins`, { comment: 'Deux appels seulement.',
		confidence: 'at_risk' }), 201);
	d = await teamA();
	m1 = member(d, fx.people.member1).rhythm;
	m2 = member(d, fx.people.member2).rhythm;
	assert.deepEqual([m1.late, m1.next_due, m1.last_checkin], [false, iso(today + 7), iso(today)]);
	assert.equal(m2.late, true);
	// each person sees their next check-in
	const mine = await ok(member1.get(`/api/people/${fx.people.member1}/dashboard`));
	assert.equal(mine.rhythm.next_due, iso(today + 7));

	// the alerts: managerA sees member2 late, not member1; manager B sees neither
	const late = (r) => r.items.filter((a) => a.kind === 'late_checkin').map((a) => a.person_id);
	const la = late(await ok(managerA.get('/api/alerts')));
	assert.ok(la.includes(fx.people.member2) && !la.includes(fx.people.member1), JSON.stringify(la));
	const alert = (await ok(managerA.get('/api/alerts'))).items.find((a) => a.person_id === fx.people.member2);
	assert.match(alert.message, /Aucun point d'étape/);
	const lb = late(await ok(fx.clients.managerB.get('/api/alerts')));
	assert.ok(!lb.includes(fx.people.member2));
	const en = await ok(managerA.get('/api/alerts', { headers: { 'Accept-Language': 'en' } }));
	assert.match(en.items.find((a) => a.person_id === fx.people.member2).message, /No check-in yet/);
});

test('bad cadences and check-ins name their field and change nothing', async () => {
	const { managerA, managerB, member1, admin } = fx.clients;
	const before = await ok(admin.get('/api/cadences'));
	const trail = await auditTotal(admin);
	const cases = [
		[managerA, { scope: 'unit', scope_id: fx.units.teamA, every: 'daily' }, 422, 'invalid_value', 'every'],
		[managerA, { scope: 'team', scope_id: fx.units.teamA, every: 'weekly' }, 422, 'invalid_value', 'scope'],
		[managerA, { scope: 'unit', every: 'weekly' }, 422, 'missing_field', 'scope_id'],
		[managerA, { scope: 'unit', scope_id: fx.units.teamA }, 422, 'missing_field', 'every'],
		[managerA, { scope: 'unit', scope_id: 999999, every: 'weekly' }, 422, 'unknown_reference', 'scope_id'],
		[managerA, { scope: 'unit', scope_id: fx.units.teamA, every: 3 }, 400, 'invalid_type', 'every'],
		[managerB, { scope: 'unit', scope_id: fx.units.teamA, every: 'weekly' }, 403, 'forbidden', null],
		[member1, { scope: 'person', scope_id: fx.people.member1, every: 'monthly' }, 403, 'forbidden', null],
		[managerA, { scope: 'org', every: 'weekly' }, 403, 'forbidden', null],
	];
	for (const [client, body, status, code, field] of cases) {
		const r = await client.put('/api/cadences', body);
		assert.equal(r.status, status, JSON.stringify(body));
		assert.deepEqual([r.body.error.code, r.body.error.field ?? null], [code, field]);
	}
	const fr = await managerA.put('/api/cadences', { scope: 'unit', scope_id: fx.units.teamA, every: 'daily' });
	assert.match(fr.body.error.message, /« weekly »/);
	assert.deepEqual(await ok(admin.get('/api/cadences')), before);
	// a value by hand on a measured objective, blockers too long
	const url = `/api/objectives/${obj.Calls}/checkins`;
	const n0 = (await ok(admin.get(url))).total;
	for (const [body, field] of [[{ comment: 'ok', value: 3 }, 'value'],
		[{ comment: 'ok', blockers: 'x'.repeat(2001) }, 'blockers'],
		[{ comment: 'ok', next_steps: 'x'.repeat(2001) }, 'next_steps']]) {
		const r = await member1.post(url, body);
		assert.deepEqual([r.status, r.body.error.field], [422, field]);
	}
	assert.equal((await ok(admin.get(url))).total, n0);
	const tz = await admin.patch('/api/org', { time_zone: 'Mars/Olympus' });
	assert.deepEqual([tz.status, tz.body.error.field], [422, 'time_zone']);
	assert.equal(await auditTotal(admin), trail);
});

let thread;
test('the manager gives feedback and the member answers; a third member and another team\'s manager get 404', async () => {
	const { managerA, member1, member2, managerB, hr, admin } = fx.clients;
	const secret = 'Très bon travail sur les relances de devis, continue ainsi.';
	thread = await ok(managerA.post('/api/feedback', { to_id: fx.people.member1,
		objective_id: obj.M1, text: secret }), 201);
	assert.deepEqual([thread.from_id, thread.to_id, thread.objective_id, thread.open, thread.replies],
		[fx.people.managerA, fx.people.member1, obj.M1, true, []]);
	const answer = await ok(member1.post(`/api/feedback/${thread.id}/replies`,
		{ text: 'Merci ! J\'aurais besoin d\'un créneau pour les gros comptes.' }), 201);
	assert.deepEqual([answer.from_id, answer.to_id, answer.thread_id], [fx.people.member1,
		fx.people.managerA, thread.id]);
	for (const c of [managerA, member1, hr]) {
		const t = await ok(c.get(`/api/feedback/${thread.id}`));
		assert.deepEqual(t.replies.map((x) => x.id), [answer.id]);
	}
	for (const c of [member2, managerB, admin, fx.clients.otherAdmin]) {
		const r = await c.get(`/api/feedback/${thread.id}`);
		assert.equal(r.status, 404);
		assert.equal((await c.post(`/api/feedback/${thread.id}/replies`, { text: 'Moi aussi' })).status, 404);
	}
	// hr reads, but answers nothing
	assert.equal((await hr.post(`/api/feedback/${thread.id}/replies`, { text: 'RH' })).status, 403);
	// an admin reads it only when the organisation says so
	await ok(admin.patch('/api/org', { admins_read_feedback: true }));
	await ok(admin.get(`/api/feedback/${thread.id}`));
	await ok(admin.patch('/api/org', { admins_read_feedback: false }));
	// member to manager, in general
	const up = await ok(member2.post('/api/feedback', { to_id: fx.people.managerA,
		text: 'Les points du lundi sont trop longs pour moi.' }), 201);
	assert.equal(up.objective_id, null);
	// lists: the two people's own, nobody else's
	assert.ok((await ok(member1.get('/api/feedback'))).items.some((f) => f.id === thread.id));
	assert.ok(!(await ok(member2.get('/api/feedback'))).items.some((f) => f.id === thread.id));
	assert.ok(!(await ok(managerB.get('/api/feedback'))).items.some((f) => f.id === thread.id));
	assert.equal((await member2.get(`/api/feedback?person=${fx.people.member1}`)).status, 403);
	assert.ok((await ok(hr.get(`/api/feedback?person=${fx.people.member1}`))).items.some((f) => f.id === thread.id));
	// never on a dashboard nor in the audit's text
	for (const [c, path] of [[managerA, `/api/units/${fx.units.teamA}/dashboard`],
		[member1, `/api/people/${fx.people.member1}/dashboard`], [admin, '/api/audit?limit=500']]) {
		const r = await c.get(path);
		assert.ok(!r.text.includes('relances de devis, continue'), path);
	}
	const audit = await ok(admin.get(`/api/audit?entity=feedback&entity_id=${thread.id}`));
	assert.deepEqual(audit.items.map((x) => x.action).sort(), ['answer', 'give']);
	assert.ok(audit.items.every((x) => !('text' in x.after)));
});

test('feedback outside one\'s reach, to oneself or empty is refused and stores nothing', async () => {
	const { member1, managerB, admin } = fx.clients;
	const n0 = dbQuery(fx.server.db, 'SELECT count(*) AS n FROM feedback')[0].n;
	const trail = await auditTotal(admin);
	const cases = [
		[member1, { to_id: fx.people.managerB, text: 'Bonjour' }, 422, 'to_id'],
		[member1, { to_id: fx.people.member2, text: 'Bonjour' }, 422, 'to_id'],
		[managerB, { to_id: fx.people.member1, text: 'Bonjour' }, 422, 'to_id'],
		[member1, { to_id: fx.people.member1, text: 'Bonjour' }, 422, 'to_id'],
		[member1, { to_id: 999999, text: 'Bonjour' }, 422, 'to_id'],
		[member1, { to_id: fx.people.managerA, text: '  ' }, 422, 'text'],
		[member1, { to_id: fx.people.managerA, text: 'x'.repeat(4001) }, 422, 'text'],
		[member1, { to_id: fx.people.managerA, text: 'Bonjour', objective_id: fx.obj.I3 }, 422, 'objective_id'],
		[member1, { to_id: fx.people.managerA }, 400, 'to_id'],
	];
	for (const [client, body, status, field] of cases) {
		const r = await client.post('/api/feedback', body);
		if (status === 400) { assert.ok([400, 422].includes(r.status)); continue; }
		assert.deepEqual([r.status, r.body.error.field], [status, field], JSON.stringify(body));
	}
	const fr = await member1.post('/api/feedback', { to_id: fx.people.managerB, text: 'Bonjour' });
	assert.match(fr.body.error.message, /to_id/);
	assert.equal(dbQuery(fx.server.db, 'SELECT count(*) AS n FROM feedback')[0].n, n0);
	assert.equal(await auditTotal(admin), trail);
});

test('a one-to-one\'s agenda shows the at-risk objective and last time\'s open action; private notes stay with their author', async () => {
	const { managerA, member1, member2, managerB, hr, admin } = fx.clients;
	const past = await ok(managerA.post('/api/one-to-ones', { member_id: fx.people.member1,
		day: iso(today - 1), shared_notes: 'Revue des relances.', private_notes: 'Marie semble fatiguée.' }), 201);
	assert.deepEqual([past.manager_id, past.member_id, past.upcoming, past.private_notes],
		[fx.people.managerA, fx.people.member1, false, 'Marie semble fatiguée.']);
	const act = await ok(member1.post(`/api/one-to-ones/${past.id}/actions`, { owner_id: fx.people.member1,
		title: 'Préparer la liste des gros comptes', due: iso(today + 5) }), 201);
	const done = await ok(managerA.post(`/api/one-to-ones/${past.id}/actions`, { owner_id: fx.people.managerA,
		title: 'Réserver le créneau du jeudi', due: iso(today + 2) }), 201);
	await ok(managerA.patch(`/api/actions/${done.id}`, { done: true }));
	// the member plans the next one with their manager
	const next = await ok(member1.post('/api/one-to-ones', { manager_id: fx.people.managerA,
		day: iso(today + 6) }), 201);
	assert.equal(next.upcoming, true);
	const ag = next.agenda;
	assert.equal(ag.previous_day, iso(today - 1));
	const risk = ag.at_risk.find((x) => x.objective_id === obj.Calls);
	assert.ok(risk, JSON.stringify(ag.at_risk));
	assert.equal(risk.why, 'measured');
	assert.ok(['at_risk', 'off_track'].includes(risk.status));
	assert.deepEqual(ag.open_actions.map((x) => x.id), [act.id]);
	assert.equal(ag.open_actions[0].title, 'Préparer la liste des gros comptes');
	assert.ok(ag.feedback.some((f) => f.id === thread.id));
	assert.ok(ag.checkins.length >= 2 && ag.checkins.every((c) => c.created_at >= (today - 1) * DAY));
	// notes: shared for both, the private one for its author only
	const seenByMember = await ok(member1.get(`/api/one-to-ones/${past.id}`));
	assert.deepEqual([seenByMember.shared_notes, seenByMember.private_notes], ['Revue des relances.', null]);
	await ok(member1.patch(`/api/one-to-ones/${past.id}`, { private_notes: 'Demander une formation.' }));
	assert.equal((await ok(managerA.get(`/api/one-to-ones/${past.id}`))).private_notes, 'Marie semble fatiguée.');
	assert.equal((await ok(member1.get(`/api/one-to-ones/${past.id}`))).private_notes, 'Demander une formation.');
	assert.equal((await ok(hr.get(`/api/one-to-ones/${past.id}`))).private_notes, null);
	const audit = await ok(admin.get(`/api/audit?entity=one_to_one&entity_id=${past.id}`));
	assert.ok(!JSON.stringify(audit).includes('fatiguée'));
	// only the two, hr (and an admin when allowed)
	for (const c of [member2, managerB, admin])
		assert.equal((await c.get(`/api/one-to-ones/${next.id}`)).status, 404);
	assert.equal((await hr.patch(`/api/one-to-ones/${next.id}`, { shared_notes: 'RH' })).status, 403);
	// lists: past and upcoming
	const list = await ok(member1.get('/api/one-to-ones'));
	assert.deepEqual(list.items.map((x) => [x.id, x.upcoming]), [[next.id, true], [past.id, false]]);
	// done, the action leaves the next agenda
	await ok(member1.patch(`/api/actions/${act.id}`, { done: true }));
	assert.deepEqual((await ok(managerA.get(`/api/one-to-ones/${next.id}`))).agenda.open_actions, []);
});

test('a one-to-one with oneself, outside the chain, or without a day is refused and stores nothing', async () => {
	const { managerA, managerB, member1, member2, admin } = fx.clients;
	const n0 = dbQuery(fx.server.db, 'SELECT count(*) AS n FROM one_to_one')[0].n;
	const trail = await auditTotal(admin);
	const cases = [
		[managerA, { manager_id: fx.people.managerA, member_id: fx.people.managerA, day: iso(today) }, 422, 'member_id'],
		[member1, { member_id: fx.people.member1, day: iso(today) }, 422, 'manager_id'],
		[managerB, { member_id: fx.people.member1, day: iso(today) }, 422, 'manager_id'],
		[member1, { manager_id: fx.people.member2, day: iso(today) }, 422, 'manager_id'],
		[managerA, { member_id: fx.people.member1 }, 422, 'day'],
		[managerA, { member_id: fx.people.member1, day: '2026-02-30' }, 422, 'day'],
		[member2, { manager_id: fx.people.managerA, member_id: fx.people.member1, day: iso(today) }, 403, null],
	];
	for (const [client, body, status, field] of cases) {
		const r = await client.post('/api/one-to-ones', body);
		assert.deepEqual([r.status, r.body.error.field ?? null], [status, field], JSON.stringify(body));
	}
	const fr = await managerA.post('/api/one-to-ones', { manager_id: fx.people.managerA,
		member_id: fx.people.managerA, day: iso(today) });
	assert.match(fr.body.error.message, /deux/);
	const m = (await ok(managerA.get('/api/one-to-ones'))).items[0];
	for (const [body, field] of [[{ owner_id: fx.people.member2, title: 'x' }, 'owner_id'],
		[{ owner_id: fx.people.member1, title: ' ' }, 'title'],
		[{ owner_id: fx.people.member1, title: 'x'.repeat(201) }, 'title']]) {
		const r = await managerA.post(`/api/one-to-ones/${m.id}/actions`, body);
		assert.deepEqual([r.status, r.body.error.field], [422, field]);
	}
	assert.equal(dbQuery(fx.server.db, 'SELECT count(*) AS n FROM one_to_one')[0].n, n0);
	assert.equal(await auditTotal(admin), trail);
});

test('cible rhythm lists who is late as the API does, and refuses a cadence that is not one without writing', async () => {
	const org = String((await ok(fx.clients.admin.get('/api/org'))).id);  // the file holds two
	const out = fx.server.cli(['rhythm', '--org', org, '--json', 'late']);
	const late = JSON.parse(out);
	assert.ok(late.some((x) => x.person_id === fx.people.member2 && x.kind === 'late_checkin'));
	assert.ok(!late.some((x) => x.person_id === fx.people.member1));
	assert.match(fx.server.cli(['rhythm', '--org', org, 'late']), /Paul Membre 2/);
	const trail = await auditTotal(fx.clients.admin);
	const bad = spawnSync(CIBLE_BIN, ['rhythm', '--db', fx.server.db, '--org', org, 'cadence', 'unit',
		String(fx.units.teamB), 'daily'], { encoding: 'utf8' });
	assert.equal(bad.status, 2);
	assert.match(bad.stderr, /every/);
	assert.equal(await auditTotal(fx.clients.admin), trail);
	fx.server.cli(['rhythm', '--org', org, 'cadence', 'unit', String(fx.units.teamB), 'biweekly']);
	const c = await ok(fx.clients.admin.get('/api/cadences'));
	assert.ok(c.items.some((x) => x.scope === 'unit' && x.scope_id === fx.units.teamB && x.every === 'biweekly'));
	assert.equal(await auditTotal(fx.clients.admin), trail + 1);
});

// One clock: with CIBLE_TODAY set, one server judges (the SMART check), alerts
// (new hires without objectives), measures (progress, dashboards), dates its
// check-ins and renders its pages on that same day, and the CLI measures and
// judges on it too. The day is years away from the real one, so any
// computation still reading the machine's clock gives another answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CIBLE_BIN, PASSWORD, ok, startServer } from './harness.mjs';

const DAY = '2031-01-15';
const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;

let srv, admin, company, paul, nina, running, late;

before(async () => {
	// this file runs in its own process: the server and the CLI inherit it
	process.env.CIBLE_TODAY = DAY;
	srv = await startServer({ org: 'Horloge', email: 'admin@horloge.test' });
	admin = await srv.login('admin@horloge.test');
	company = (await ok(admin.get('/api/units'))).items.find((u) => u.kind === 'company').id;
	await ok(admin.post('/api/indicators', { key: 'calls', kind: 'call', expr: 'count()',
		name_fr: 'Appels', name_en: 'Calls' }), 201);
	paul = (await ok(admin.post('/api/people', { name: 'Paul Ancien', email: 'paul@horloge.test',
		unit_id: company, hired_on: '2020-01-06' }), 201)).id;
	// hired ten days before DAY: a new hire on DAY, not on the machine's day
	nina = (await ok(admin.post('/api/people', { name: 'Nina Nouvelle', email: 'nina@horloge.test',
		unit_id: company, hired_on: '2031-01-05' }), 201)).id;
	const axis = (await ok(admin.post('/api/axes', { title: 'Volume' }), 201)).id;
	const base = { level: 'individual', owner_person_id: paul, axis_id: axis, indicator: 'calls',
		direction: 'increase', baseline: 0, target: 100, unit: 'appels' };
	running = (await ok(admin.post('/api/objectives', { ...base,
		title: 'Passer 100 appels au premier trimestre', start: '2031-01-01', due: '2031-03-31',
		status: 'agreed' }), 201));
	// due before DAY but after the machine's day: "due_past" only on DAY
	late = (await ok(admin.post('/api/objectives', { ...base,
		title: 'Passer 100 appels avant le 10 janvier', start: '2030-12-01', due: '2031-01-10',
		status: 'draft' }), 201));
});
after(async () => { delete process.env.CIBLE_TODAY; await srv?.stop(); });

const reasons = (smart) => Object.values(smart.criteria).flatMap((c) => c.reasons.map((r) => r.code));

test('the SMART check judges on CIBLE_TODAY: an objective due before that day is "due_past"', async () => {
	assert.ok(reasons(late.smart).includes('due_past'), JSON.stringify(late.smart.criteria.time_bound));
	assert.ok(!reasons(running.smart).includes('due_past'));
	const again = await ok(admin.get(`/api/objectives/${late.id}`));
	assert.ok(reasons(again.smart).includes('due_past'));
});

test('alerts count the days since hire from CIBLE_TODAY', async () => {
	const alerts = (await ok(admin.get('/api/alerts'))).items;
	const a = alerts.find((x) => x.person_id === nina);
	assert.ok(a, JSON.stringify(alerts));
	assert.equal(a.days_since_hire, dayNumber(DAY) - dayNumber('2031-01-05'));
	assert.ok(!alerts.some((x) => x.kind === 'new_hire_without_objective' && x.person_id === paul));
});

test('progress and dashboards measure on CIBLE_TODAY, and ?today= still picks another day', async () => {
	const p = await ok(admin.get(`/api/objectives/${running.id}/progress`));
	assert.equal(p.days_left, dayNumber('2031-03-31') - dayNumber(DAY));
	const same = await ok(admin.get(`/api/objectives/${running.id}/progress?today=${DAY}`));
	assert.deepEqual(same, p);
	const later = await ok(admin.get(`/api/objectives/${running.id}/progress?today=2031-02-15`));
	assert.equal(later.days_left, dayNumber('2031-03-31') - dayNumber('2031-02-15'));
	const unit = await ok(admin.get(`/api/units/${company}/dashboard`));
	assert.equal(unit.today, DAY);
	const mine = unit.members.find((m) => m.person.id === paul).objectives;
	assert.equal(mine.find((o) => o.id === running.id).progress.days_left, p.days_left);
	const person = await ok(admin.get(`/api/people/${paul}/dashboard`));
	assert.equal(person.today, DAY);
});

test('a check-in is dated on CIBLE_TODAY', async () => {
	const c = await ok(admin.post(`/api/objectives/${running.id}/checkins`,
		{ comment: 'Premier point', confidence: 'on_track' }), 201);
	assert.equal(Math.floor(c.created_at / 86400), dayNumber(DAY));
	const o = await ok(admin.get(`/api/objectives/${running.id}`));
	assert.equal(Math.floor(o.created_at / 86400), dayNumber(DAY));
});

test('the pages and the CLI are on the same day as the API', async () => {
	const page = await admin.get(`/objectives/${running.id}`, { unchecked: 'a page, not the API' });
	assert.equal(page.status, 200);
	// the SMART section of the late objective's page says it is past due
	const latePage = await admin.get(`/objectives/${late.id}`, { unchecked: 'a page, not the API' });
	const p = await ok(admin.get(`/api/objectives/${late.id}`));
	const dueMsg = Object.values(p.smart.criteria).flatMap((c) => c.reasons)
		.find((r) => r.code === 'due_past').message;
	assert.ok(latePage.text.includes(dueMsg.replace(/'/g, '&#39;').replace(/"/g, '&quot;')) ||
		latePage.text.includes(dueMsg), 'the page shows the due_past reason');
	const env = { ...process.env, CIBLE_PASSWORD: PASSWORD };
	const prog = spawnSync(CIBLE_BIN, ['progress', '--db', srv.db, '--objective', String(running.id),
		'--json'], { env, encoding: 'utf8' });
	assert.equal(prog.status, 0, prog.stderr);
	const api = await ok(admin.get(`/api/objectives/${running.id}/progress`));
	const cli = JSON.parse(prog.stdout);
	const one = Array.isArray(cli) ? cli[0] : (cli.items ? cli.items[0] : cli);
	assert.equal(one.days_left, api.days_left);
	const check = spawnSync(CIBLE_BIN, ['check', '--db', srv.db, '--objective', String(late.id),
		'--json'], { env, encoding: 'utf8' });
	assert.equal(check.status, 0, check.stderr);
	assert.ok(reasons(JSON.parse(check.stdout)).includes('due_past'));
});

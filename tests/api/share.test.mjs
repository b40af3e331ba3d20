// A team objective shared out among its members (issue 12, item 3) and
// targets that fit the person (item 2): ramp-up plans per job, the share-out
// by each method with the members' targets adding up to the team's (checked
// here by summing them independently), a preview that writes nothing, the
// drafts entering negotiation as proposals, the team objective's
// children_total and SMART warning naming the gap, bad input refused with
// the field named and nothing written, the suggested target with its
// reasoning in words, and the alert for objectives not fitted to the plan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EMAILS, auditTotal, ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

const iso = (d) => d.toISOString().slice(0, 10);
const today = new Date(`${iso(new Date())}T00:00:00Z`);
const daysAgo = (n) => iso(new Date(today.getTime() - n * 86400000));
// the next quarter: a period that starts after today
const q = Math.floor(today.getUTCMonth() / 3);
const start = new Date(Date.UTC(today.getUTCFullYear(), q * 3 + 3, 1));
const due = new Date(Date.UTC(today.getUTCFullYear(), q * 3 + 6, 0));
const period = { start: iso(start), due: iso(due) };

// a revenue objective of team A for next quarter
async function teamRevenue(target, extra = {}) {
	return (await ok(fx.clients.admin.post('/api/objectives', { level: 'collective',
		parent_id: fx.obj.O, owner_unit_id: fx.units.teamA, indicator: 'revenue', unit: '€',
		title: `Équipe A : ${target} € de chiffre d'affaires`, direction: 'increase',
		target, ...period, ...extra }), 201)).id;
}

const sum = (v) => v.reduce((s, x) => s + x, 0);
const shareOut = (client, id, body) => client.post(`/api/objectives/${id}/share-out`, body);

// A refusal: status, code, field, and nothing written.
async function refused(client, id, body, status, code, field) {
	const admin = fx.clients.admin;
	const trail = await auditTotal(admin);
	const kids = (await ok(admin.get(`/api/objectives?parent=${id}`))).total;
	const r = await shareOut(client, id, body);
	assert.equal(r.status, status, r.text);
	assert.equal(r.body.error.code, code, r.text);
	if (field !== undefined) assert.equal(r.body.error.field, field, r.text);
	assert.equal(await auditTotal(admin), trail, 'the audit trail is unchanged');
	assert.equal((await ok(admin.get(`/api/objectives?parent=${id}`))).total, kids,
		'no objective was drafted');
}

test('even: 100 001 € among the two members of team A add up, the remainder to the first', async () => {
	const id = await teamRevenue(100001);
	const trail = await auditTotal(fx.clients.admin);
	const pre = await ok(shareOut(fx.clients.managerA, id, { method: 'even', preview: true }));
	assert.equal(pre.preview, true);
	assert.equal(await auditTotal(fx.clients.admin), trail, 'a preview writes nothing');
	assert.deepEqual(pre.members.map((m) => m.person_id), [fx.people.member1, fx.people.member2],
		'the members are the team\'s people, its lead aside');
	// 50 000.5 each, rounded up, and the remainder (-1) to the first
	assert.deepEqual(pre.members.map((m) => m.target), [50000, 50001]);
	assert.equal(sum(pre.members.map((m) => m.target)), 100001);
	assert.deepEqual(pre.members.map((m) => m.remainder), [true, false]);
	assert.ok(pre.members.every((m) => m.objective_id === null));

	const done = await ok(shareOut(fx.clients.managerA, id, { method: 'even' }), 201);
	assert.equal(done.proposed, true);
	const kids = (await ok(fx.clients.admin.get(`/api/objectives?parent=${id}`))).items;
	assert.equal(kids.length, 2);
	assert.equal(sum(kids.map((k) => k.target)), 100001, 'the drafts add up to the team\'s target');
	for (const k of kids) {
		assert.equal(k.status, 'proposed');
		assert.equal(k.indicator, 'revenue');
		const n = await ok(fx.clients.admin.get(`/api/objectives/${k.id}/rounds`));
		assert.equal(n.rounds?.length ?? n.moves?.length ?? 1, 1);
	}
	const team = await ok(fx.clients.admin.get(`/api/objectives/${id}`));
	assert.deepEqual(team.children_total, { kind: 'sum', children: 2, total: 100001,
		expected: 100001, gap: 0, adds_up: true });
	assert.ok(!JSON.stringify(team.smart).includes('children_gap'));

	// a second share-out of the same objective would count the members twice
	await refused(fx.clients.managerA, id, { method: 'even' }, 409, 'conflict', 'members[0]');
});

test('weights: 1 and 3 give a quarter and three quarters; bad weights are refused by field', async () => {
	const id = await teamRevenue(80000);
	const w = (a, b) => ({ method: 'weights', preview: true, weights: [
		{ person_id: fx.people.member1, weight: a }, { person_id: fx.people.member2, weight: b }] });
	const r = await ok(shareOut(fx.clients.managerA, id, w(1, 3)));
	assert.deepEqual(r.members.map((m) => m.target), [20000, 60000]);
	await refused(fx.clients.managerA, id, { ...w(1, -2), preview: false }, 422, 'invalid_value',
		'weights[1].weight');
	await refused(fx.clients.managerA, id, { ...w(0, 0), preview: false }, 422, 'invalid_value',
		'weights');
	await refused(fx.clients.managerA, id, { method: 'weights', weights: [
		{ person_id: fx.people.member3, weight: 1 }] }, 422, 'invalid_value', 'weights[0].person_id');
	await refused(fx.clients.managerA, id, { method: 'weights' }, 422, 'missing_field', 'weights');
	await refused(fx.clients.managerA, id, { method: 'evenly' }, 422, 'invalid_value', 'method');
	// outside the caller's reach: team B's manager, a member
	await refused(fx.clients.managerB, id, { method: 'even' }, 404, 'not_found');
	await refused(fx.clients.member1, id, { method: 'even' }, 403, 'forbidden');
	// a team with no members
	const empty = (await ok(fx.clients.admin.post('/api/units', { name: 'Équipe vide', kind: 'team',
		parent_id: fx.units.direction }), 201)).id;
	const lonely = (await ok(fx.clients.admin.post('/api/objectives', { level: 'collective',
		parent_id: fx.obj.O, owner_unit_id: empty, title: 'Équipe vide : 10 000 €',
		indicator: 'revenue', unit: '€', direction: 'increase', target: 10000, ...period }),
		201)).id;
	await refused(fx.clients.admin, lonely, { method: 'even' }, 422, 'invalid_value', 'owner_unit_id');
	// an individual objective is not shared out
	await refused(fx.clients.admin, fx.obj.I1, { method: 'even' }, 422, 'invalid_value',
		'owner_unit_id');
});

test('ramp-up plans: steps that rise, set by the organisation; ramp shares fit the plan', async () => {
	const admin = fx.clients.admin;
	const bad = async (body, field) => {
		const trail = await auditTotal(admin);
		const r = await admin.post('/api/ramp-plans', body);
		assert.equal(r.status, 422, r.text);
		assert.equal(r.body.error.field, field, r.text);
		assert.equal(await auditTotal(admin), trail);
	};
	await bad({ job: 'Commercial', steps: [25, 25, 75] }, 'steps[1]');
	await bad({ job: 'Commercial', steps: [50, 120] }, 'steps[1]');
	await bad({ job: 'Commercial', steps: [] }, 'steps');
	await bad({ job: '', steps: [50] }, 'job');
	assert.equal((await fx.clients.managerA.post('/api/ramp-plans',
		{ job: 'Commercial', steps: [50] })).status, 403);
	const plan = await ok(admin.post('/api/ramp-plans', { job: 'Commercial', steps: [25, 50, 75] }));
	assert.deepEqual(plan.steps, [25, 50, 75]);
	const over = await ok(admin.post('/api/ramp-plans', { job: 'Senior', steps: [90, 110],
		above_100: true }));
	assert.equal(over.above_100, true);
	assert.equal((await ok(fx.clients.member1.get('/api/ramp-plans'))).total, 2);

	// Paul becomes a Commercial hired in the month before the period starts:
	// his second month at its start, 50 % of the standard
	const hired = iso(new Date(start.getTime() - 20 * 86400000));
	await ok(admin.patch(`/api/people/${fx.people.member2}`, { job: 'Commercial', hired_on: hired }));
	const id = await teamRevenue(90000);
	const r = await ok(shareOut(fx.clients.managerA, id, { method: 'ramp', preview: true }));
	const paul = r.members.find((m) => m.person_id === fx.people.member2);
	const marie = r.members.find((m) => m.person_id === fx.people.member1);
	assert.equal(paul.ramp_month, 1);
	assert.equal(paul.ramp_factor, 0.25);
	// standard s: s + 0.25 s = 90 000 -> 72 000 and 18 000
	assert.equal(marie.target, 72000);
	assert.equal(paul.target, 18000);
	assert.equal(marie.target + paul.target, 90000);
	// the new hire's suggested target: their share on the plan, said in words
	const sug = await ok(fx.clients.managerA.get(
		`/api/people/${fx.people.member2}/suggested-target?goal=${id}`));
	assert.equal(sug.team_share, 18000);
	assert.deepEqual(sug.ramp, { month: 1, factor: 0.25 });
	assert.equal(sug.suggested, 18000);
	assert.equal(sug.reasoning, 'part de l\'équipe : 18 k€ (plan de montée en compétence, mois 1 : 25 %)'
		+ ' → proposé 18 k€');

	// an objective of Paul's above the plan's share is flagged
	const mine = await ok(admin.post('/api/objectives', { level: 'individual', parent_id: id,
		owner_person_id: fx.people.member2, indicator: 'revenue', unit: '€', direction: 'increase',
		title: 'Paul : 45 000 € de chiffre d\'affaires', target: 45000, ...period }), 201);
	await ok(admin.post('/api/objectives', { level: 'individual', parent_id: id,
		owner_person_id: fx.people.member1, indicator: 'revenue', unit: '€', direction: 'increase',
		title: 'Marie : 45 000 € de chiffre d\'affaires', target: 45000, ...period }), 201);
	const alerts = (await ok(fx.clients.managerA.get('/api/alerts'))).items;
	const a = alerts.find((x) => x.kind === 'objective_not_fitted_to_ramp_up' &&
		x.objective_id === mine.id);
	assert.ok(a, JSON.stringify(alerts));
	assert.equal(a.person_id, fx.people.member2);
	assert.equal(a.fitted, 45000 * 0.25);
	assert.match(a.message, /montée en compétence/);
	await ok(admin.post(`/api/objectives/${mine.id}/cancel`));
	await ok(admin.delete(`/api/ramp-plans/${over.id}`));
	assert.equal((await ok(admin.get('/api/ramp-plans'))).total, 1);
});

test('history: each member\'s last period shares the target; a suggestion says why in words', async () => {
	const admin = fx.clients.admin;
	const sale = (id, person, at, amount) => ({ source_id: id, person, at: `${at}T10:00:00Z`,
		fields: { amount } });
	await ok(admin.post('/api/activity', { kind: 'sale', records: [
		sale('h-1', EMAILS.member1, daysAgo(3), 3000), sale('h-2', EMAILS.member1, daysAgo(10), 3000),
		sale('h-3', EMAILS.member2, daysAgo(4), 2000)] }));
	const id = await teamRevenue(160000);
	const r = await ok(shareOut(fx.clients.managerA, id, { method: 'history', propose: false }), 201);
	assert.deepEqual(r.members.map((m) => m.history), [6000, 2000]);
	assert.deepEqual(r.members.map((m) => m.target), [120000, 40000]);
	const kids = (await ok(admin.get(`/api/objectives?parent=${id}`))).items;
	assert.equal(sum(kids.map((k) => k.target)), 160000);
	assert.ok(kids.every((k) => k.status === 'draft'));

	const s = await ok(fx.clients.managerA.get(
		`/api/people/${fx.people.member1}/suggested-target?goal=${id}`));
	assert.deepEqual(s.own, [6000]);
	assert.equal(s.period, 'quarter');
	assert.ok(s.suggested > 0);
	assert.match(s.reasoning, /votre dernier trimestre : 6 000 €|votre dernier trimestre : 6\u202f000 €/);
	assert.match(s.reasoning, /→ proposé/);
	const en = await ok(fx.clients.managerA.get(
		`/api/people/${fx.people.member1}/suggested-target?goal=${id}`,
		{ headers: { 'Accept-Language': 'en' } }));
	assert.match(en.reasoning, /your last quarter: 6,000 €/);
	assert.match(en.reasoning, /→ suggested/);
	assert.equal((await fx.clients.managerB.get(
		`/api/people/${fx.people.member1}/suggested-target?goal=${id}`)).status, 404);
});

test('the SMART check of a team objective names the gap when its members do not add up', async () => {
	const admin = fx.clients.admin;
	const id = await teamRevenue(468000);
	for (const [who, t] of [[fx.people.member1, 120000], [fx.people.member2, 78000]])
		await ok(admin.post('/api/objectives', { level: 'individual', parent_id: id,
			owner_person_id: who, indicator: 'revenue', unit: '€', direction: 'increase',
			title: `${t} € de chiffre d'affaires`, target: t, ...period }), 201);
	const team = await ok(admin.get(`/api/objectives/${id}`));
	assert.equal(team.children_total.total, 198000);
	assert.equal(team.children_total.gap, 270000);
	assert.equal(team.children_total.adds_up, false);
	const reasons = Object.values(team.smart.criteria).flatMap((c) => c.reasons);
	const gap = reasons.find((x) => x.code === 'children_gap');
	assert.ok(gap, JSON.stringify(team.smart));
	assert.equal(gap.verdict, 'warn');
	assert.match(gap.message, /198 k€/);
	assert.match(gap.message, /468 k€/);
	assert.match(gap.message, /270 k€/);
	assert.ok(team.smart.score < 100);
});

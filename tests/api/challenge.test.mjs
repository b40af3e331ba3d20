// Challenges: sales contests and call-centre games on the measured
// indicators. Boards are read from the measure states each import updates in
// its own transaction, so an import moves them at once; the fair rule
// (attainment of one's own target) lets a newcomer beat a veteran who leads
// on raw volume; lower-is-better handling time scores continuously; ties
// share a rank; the close freezes the winners against later imports until an
// admin re-runs it (audited, both results kept); badges are awarded once;
// bad input names its field and writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { auditTotal, CIBLE_BIN, dbQuery, ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const START = iso(today - 10 * DAY), END = iso(today + 20 * DAY);
let seq = 0;

// calls for a person: n records on day t (ms), each with these fields
function calls(person, n, t, fields = {}) {
	return Array.from({ length: n }, () => ({ source_id: `ch-${seq++}`, person: String(person),
		at: `${iso(t)}T10:00:00Z`, fields: { answered: true, resolved: true, talk: 300, ...fields } }));
}
async function pushCalls(records) {
	const r = await ok(fx.clients.admin.post('/api/activity', { kind: 'call', records }));
	assert.equal(r.stored, records.length);
}
async function person(name, unit, hired, job = 'Conseiller') {
	return (await ok(fx.clients.admin.post('/api/people', { name, unit_id: unit, hired_on: hired,
		job, email: `${name.toLowerCase().replace(/[^a-z]/g, '')}.${seq++}@cible.test` }), 201)).id;
}
async function objective(owner, indicator, baseline, target, start = START, due = END) {
	return (await ok(fx.clients.admin.post('/api/objectives', { level: 'individual',
		parent_id: fx.obj.CA, owner_person_id: owner, title: `Objectif ${indicator} ${seq++}`,
		indicator, direction: 'increase', baseline, target, start, due }), 201)).id;
}
const board = (client, id, q = '') => ok(client.get(`/api/challenges/${id}/board${q}`));
const rowOf = (b, id) => b.leagues.flatMap((l) => l.top).find((r) => r.id === id);

test('a newcomer with low raw volume but the best attainment of own target leads the fair board; a veteran leads the raw one', async () => {
	const admin = fx.clients.admin;
	const unit = (await ok(admin.post('/api/units', { name: 'Plateau Équité', kind: 'team',
		service: 'call_centre', parent_id: fx.units.callCentre }), 201)).id;
	const veteran = await person('Vera Veterane', unit, '2015-03-01');
	const newcomer = await person('Noah Nouveau', unit, iso(today - 60 * DAY));
	await objective(veteran, 'calls_handled', 0, 100);
	await objective(newcomer, 'calls_handled', 0, 20);
	await pushCalls([...calls(veteran, 80, today - 3 * DAY), ...calls(newcomer, 18, today - 3 * DAY)]);
	const base = { start: START, end: END, participants: { units: [unit] } };
	const fair = await ok(admin.post('/api/challenges', { ...base, name: 'Défi équitable',
		rule: 'attainment', indicators: [{ key: 'calls_handled' }] }), 201);
	const raw = await ok(admin.post('/api/challenges', { ...base, name: 'Défi brut', rule: 'raw',
		indicators: [{ key: 'calls_handled', target: 50 }] }), 201);
	const f = await board(admin, fair.id), r = await board(admin, raw.id);
	// fair: 18/20 = 0.9 against 80/100 = 0.8
	assert.deepEqual(f.leagues[0].top.map((x) => [x.id, x.rank, +x.score.toFixed(6)]),
		[[newcomer, 1, 0.9], [veteran, 2, 0.8]]);
	assert.deepEqual(rowOf(f, newcomer).values, [{ key: 'calls_handled', value: 18, own_target: 20 }]);
	// raw: 80/50 = 1.6 against 18/50 = 0.36
	assert.deepEqual(r.leagues[0].top.map((x) => [x.id, x.rank, +x.score.toFixed(6)]),
		[[veteran, 1, 1.6], [newcomer, 2, 0.36]]);
	assert.match(f.rule_text, /propre objectif/);
	const en = await ok(admin.get(`/api/challenges/${fair.id}/board`,
		{ headers: { 'accept-language': 'en' } }));
	assert.match(en.rule_text, /own objective/);
	assert.match(en.ties_text, /share a rank/);
});

test('lower-is-better handling time ranks continuously, and equal scores share a rank', async () => {
	const admin = fx.clients.admin;
	const unit = (await ok(admin.post('/api/units', { name: 'Plateau DMT', kind: 'team',
		service: 'call_centre', parent_id: fx.units.callCentre }), 201)).id;
	const talks = [240, 300, 330, 330, 420];
	const ids = [];
	for (const [i, t] of talks.entries()) {
		ids.push(await person(`Agent DMT ${'ABCDE'[i]}`, unit, '2020-01-01'));
		await pushCalls(calls(ids[i], 4, today - 2 * DAY, { talk: t }));
	}
	const c = await ok(admin.post('/api/challenges', { name: 'DMT la plus courte', start: START,
		end: END, rule: 'raw', participants: { teams: [unit] },
		indicators: [{ key: 'aht', target: 300, better: 'lower' }] }), 201);
	const b = await board(admin, c.id);
	const got = b.leagues[0].top.map((x) => [x.id, x.rank, +x.score.toFixed(6)]);
	// 2 - talk/300: linear, never 0-or-100 %
	assert.deepEqual(got, [[ids[0], 1, 1.2], [ids[1], 2, 1], [ids[2], 3, 0.9], [ids[3], 3, 0.9],
		[ids[4], 5, 0.6]]);
	assert.match(b.rule_text, /moins vaut mieux/);
	// a duration is lower-is-better unless the creator says otherwise
	const d = await ok(admin.post('/api/challenges', { name: 'DMT sans précision', start: START,
		end: END, rule: 'raw', participants: { teams: [unit] },
		indicators: [{ key: 'aht', target: 300 }] }), 201);
	assert.equal(d.indicators[0].better, 'lower');
	assert.deepEqual((await board(admin, d.id)).leagues[0].top.map((x) => [x.id, x.rank]),
		got.map(([id, rank]) => [id, rank]));
});

test('an import moves the board at once; the caller sees their rank, the five around them, the top and the movement since yesterday', async () => {
	const admin = fx.clients.admin;
	const { member1, member2 } = fx.people;
	const unit = fx.units.teamA;
	await pushCalls([...calls(member1, 10, today - 1 * DAY), ...calls(member2, 5, today - 1 * DAY)]);
	const c = await ok(admin.post('/api/challenges', { name: 'Course aux appels', start: START,
		end: END, rule: 'raw', participants: { teams: [unit] },
		indicators: [{ key: 'calls_handled', target: 10 }],
		rewards: { ranks: [{ points: 100, prize: 'Bon cadeau 50 €' }, { points: 50 }],
			threshold: { score: 1, points: 10 } } }), 201);
	let b = await board(fx.clients.member2, c.id);
	assert.equal(b.me.id, member2);
	assert.equal(b.me.rank, 2);
	assert.equal(b.me.me, true);
	assert.ok(b.leagues[0].around.some((x) => x.id === member2));
	assert.ok(b.leagues[0].around.length <= 5);
	assert.equal(rowOf(b, member1).prize, 'Bon cadeau 50 €');
	assert.equal(rowOf(b, member1).points, 110);  // rank 1 and over the threshold
	// today's calls: Paul passes Marie
	await pushCalls(calls(member2, 8, today));
	b = await board(fx.clients.member2, c.id);
	assert.deepEqual([b.me.rank, b.me.score, b.me.movement], [1, 1.3, 1]);
	assert.equal(rowOf(b, member1).movement, -1);
	assert.ok(b.teams.some((t) => t.id === unit));
	// the CSV export has the same figures
	const csv = await admin.get(`/api/challenges/${c.id}/export?format=csv`);
	assert.equal(csv.status, 200);
	assert.match(csv.text, /Paul Membre 2;1,3/);
});

test('a team board: each team scored by the average of its members', async () => {
	const admin = fx.clients.admin;
	const { member1, member2, member3 } = fx.people;
	const s = today - 4 * DAY;
	const mk = (p, amount) => ({ source_id: `sale-${seq++}`, person: String(p),
		at: `${iso(s)}T11:00:00Z`, fields: { amount } });
	await ok(admin.post('/api/activity', { kind: 'sale', records: [mk(member1, 1000),
		mk(member2, 3000), mk(member3, 4000)] }));
	for (const [p, t] of [[member1, 2000], [member2, 2000], [member3, 5000]])
		await objective(p, 'revenue', 0, t);
	const c = await ok(admin.post('/api/challenges', { name: 'Challenge ventes par équipe',
		start: START, end: END, mode: 'team', rule: 'attainment', team_score: 'average',
		participants: { teams: [fx.units.teamA, fx.units.teamB] },
		indicators: [{ key: 'revenue' }] }), 201);
	const b = await board(fx.clients.member3, c.id);
	// team A: (0.5 + 1.5) / 2 = 1; team B: 0.8
	assert.deepEqual(b.leagues[0].top.map((x) => [x.id, x.rank, +x.score.toFixed(6)]),
		[[fx.units.teamA, 1, 1], [fx.units.teamB, 2, 0.8]]);
	assert.equal(b.me.id, fx.units.teamB);
	assert.ok(b.members.some((m) => m.id === member3));
});

test('the close freezes the winners; a later import changes nothing until an admin re-runs it, audited, with both results', async () => {
	const admin = fx.clients.admin;
	const unit = (await ok(admin.post('/api/units', { name: 'Plateau Janvier', kind: 'team',
		service: 'call_centre', parent_id: fx.units.callCentre }), 201)).id;
	const a = await person('Ana Janvier', unit, '2019-01-01');
	const z = await person('Zack Janvier', unit, '2019-01-01');
	const jan = Date.UTC(2026, 0, 15);
	await pushCalls([...calls(a, 30, jan), ...calls(z, 20, jan)]);
	const c = await ok(admin.post('/api/challenges', { name: 'Janvier', start: '2026-01-01',
		end: '2026-01-31', rule: 'raw', participants: { units: [unit] },
		indicators: [{ key: 'calls_handled', target: 25 }] }), 201);
	// a manager who does not reach the unit cannot close it; a read after the end shows the
	// board as of its last day and writes nothing; the admin's close freezes it
	const closedBy = await fx.clients.managerA.post(`/api/challenges/${c.id}/close`);
	assert.equal(closedBy.status, 403);
	const live = await board(admin, c.id);
	assert.equal(live.frozen, false);
	assert.equal(live.as_of, '2026-01-31');
	assert.equal(live.challenge.status, 'open');
	await ok(admin.post(`/api/challenges/${c.id}/close`));
	const b1 = await board(admin, c.id);
	assert.equal(b1.frozen, true);
	assert.equal(b1.run, 1);
	assert.equal(b1.challenge.status, 'closed');
	assert.deepEqual(b1.leagues[0].top.map((x) => x.id), [a, z]);
	const again = await admin.post(`/api/challenges/${c.id}/close`);
	assert.equal(again.status, 409);
	assert.equal(again.body.error.code, 'ch_closed');
	// January records imported afterwards: the frozen result stands
	await pushCalls(calls(z, 40, jan));
	const b2 = await board(admin, c.id);
	assert.deepEqual(b2.leagues[0].top.map((x) => [x.id, x.score]), b1.leagues[0].top.map((x) => [x.id, x.score]));
	// the winner's badge, once
	const badges = async () => (await ok(admin.get(`/api/people/${a}/badges`))).items
		.filter((x) => x.kind === 'challenge_won');
	assert.equal((await badges()).length, 1);
	assert.equal((await badges()).length, 1);
	assert.match((await badges())[0].reason, /Janvier/);
	// a re-run by a non-admin is refused and writes nothing
	const n = await auditTotal(admin);
	const refused = await fx.clients.managerA.post(`/api/challenges/${c.id}/rerun`);
	assert.ok([403, 404].includes(refused.status));
	const hrRefused = await fx.clients.hr.post(`/api/challenges/${c.id}/rerun`);
	assert.equal(hrRefused.status, 403);
	assert.equal(hrRefused.body.error.code, 'ch_rerun_admin');
	assert.equal(hrRefused.body.error.field, 'run');
	assert.equal(await auditTotal(admin), n);
	// the admin's re-run: run 2 with Zack ahead, run 1 kept
	const rr = await ok(admin.post(`/api/challenges/${c.id}/rerun`));
	assert.deepEqual(rr.runs.map((x) => x.run), [2, 1]);
	assert.deepEqual(rr.runs[0].leagues[0].top.map((x) => x.id), [z, a]);
	assert.deepEqual(rr.runs[1].leagues[0].top.map((x) => x.id), [a, z]);
	const audit = await ok(admin.get(`/api/audit?entity=challenge&entity_id=${c.id}`));
	const rerun = audit.items.find((x) => x.action === 'rerun');
	assert.equal(rerun.before.run, 1);
	assert.equal(rerun.after.run, 2);
	assert.equal(rerun.before.rows[0].id, a);
	assert.equal(rerun.after.rows[0].id, z);
	const results = await ok(admin.get(`/api/challenges/${c.id}/results`));
	assert.deepEqual(results.runs.map((x) => x.run), [2, 1]);
	// the frozen figures are the records': the engine's own client over the raw data
	const counted = dbQuery(fx.server.db, `SELECT count(*) AS n FROM activity
		WHERE person_id = ${z} AND at < ${Date.UTC(2026, 1, 1) / 1000}`)[0].n;
	assert.equal(rr.runs[0].leagues[0].top[0].values[0].value, Number(counted));
});

test('seniority leagues rank each league on its own', async () => {
	const admin = fx.clients.admin;
	const unit = (await ok(admin.post('/api/units', { name: 'Plateau Ligues', kind: 'team',
		service: 'call_centre', parent_id: fx.units.callCentre }), 201)).id;
	const junior = await person('Jade Junior', unit, iso(today - 100 * DAY));
	const senior1 = await person('Serge Senior', unit, '2018-01-01');
	const senior2 = await person('Sonia Senior', unit, '2017-01-01');
	await pushCalls([...calls(junior, 5, today - DAY), ...calls(senior1, 9, today - DAY),
		...calls(senior2, 12, today - DAY)]);
	const c = await ok(admin.post('/api/challenges', { name: 'Ligues', start: START, end: END,
		rule: 'raw', participants: { units: [unit] }, leagues: { by: 'seniority', bounds_months: [12] },
		indicators: [{ key: 'calls_handled', target: 10 }] }), 201);
	const b = await board(admin, c.id);
	assert.deepEqual(b.leagues.map((l) => [l.name, l.top.map((x) => [x.id, x.rank])]), [
		["Moins de 12 mois d'ancienneté", [[junior, 1]]],
		["12 mois d'ancienneté et plus", [[senior2, 1], [senior1, 2]]]]);
});

test('bad challenges name their field (fr/en) and write nothing', async () => {
	const admin = fx.clients.admin;
	const good = { name: 'Défi', start: START, end: END, rule: 'raw',
		participants: { teams: [fx.units.teamA] }, indicators: [{ key: 'calls_handled', target: 10 }] };
	const n = await auditTotal(admin);
	const cases = [
		[{ ...good, start: END, end: START }, 422, 'ch_period_reversed', 'end', /précède/],
		[{ ...good, indicators: [{ key: 'nope', target: 1 }] }, 422, 'ch_indicator_unknown', 'indicators[0].key', /n'existe pas/],
		[{ ...good, indicators: [{ key: 'calls_handled' }] }, 422, 'ch_target_required', 'indicators[0].target', /cible positive/],
		[{ ...good, indicators: [{ key: 'calls_handled', target: 5, weight: 0 }, { key: 'aht', target: 300, weight: 0 }] },
			422, 'ch_weights_zero', 'indicators', /zéro/],
		[{ ...good, indicators: [{ key: 'calls_handled', target: 5, weight: -1 }] }, 422, 'ch_weight_negative', 'indicators[0].weight', /poids/],
		[{ ...good, rule: 'luck' }, 422, 'invalid_choice', 'rule', /raw, attainment, improvement/],
		[{ ...good, participants: { teams: [999999] } }, 422, 'unknown_reference', 'participants.teams', /n'existe pas/],
		[{ ...good, participants: {} }, 422, 'missing_field', 'participants', /obligatoire/],
		[{ ...good, mode: 'team', participants: { people: [fx.people.member1] } }, 422, 'ch_teams_required', 'participants.teams', /équipes/],
		[{ ...good, leagues: { by: 'seniority' } }, 422, 'ch_bounds', 'leagues.bounds_months', /bornes/],
		[{ ...good, colour: 'red' }, 400, 'unknown_field', 'colour', /inconnu/],
	];
	for (const [body, status, code, field, fr] of cases) {
		const r = await admin.post('/api/challenges', body);
		assert.equal(r.status, status, `${code}: ${r.text}`);
		assert.equal(r.body.error.code, code);
		assert.equal(r.body.error.field, field);
		assert.match(r.body.error.message, fr);
		const en = await admin.post('/api/challenges', body, { headers: { 'accept-language': 'en' } });
		assert.equal(en.body.error.code, code);
		assert.notEqual(en.body.error.message, r.body.error.message);
	}
	// an indicator that cannot be ranked live (distinct())
	await ok(admin.post('/api/indicators', { key: 'topics_seen', kind: 'call',
		expr: 'distinct(topic)', name_fr: 'Motifs vus', name_en: 'Topics seen' }), 201);
	const n2 = await auditTotal(admin);
	const un = await admin.post('/api/challenges', { ...good, indicators: [{ key: 'topics_seen', target: 3 }] });
	assert.equal(un.status, 422);
	assert.equal(un.body.error.code, 'ch_indicator_unrankable');
	assert.equal(un.body.error.field, 'indicators[0].key');
	// participants outside the creator's reach: manager A names team B
	const out = await fx.clients.managerA.post('/api/challenges', { ...good,
		participants: { teams: [fx.units.teamB] } });
	assert.equal(out.status, 422);
	assert.equal(out.body.error.code, 'ch_out_of_reach');
	assert.equal(out.body.error.field, 'participants.teams');
	const outP = await fx.clients.managerA.post('/api/challenges', { ...good,
		participants: { people: [fx.people.member3] } });
	assert.equal(outP.body.error.code, 'ch_out_of_reach');
	assert.equal(outP.body.error.field, 'participants.people');
	// a member may not create one
	const m = await fx.clients.member1.post('/api/challenges', good);
	assert.equal(m.status, 403);
	assert.equal(await auditTotal(admin), n2);
	assert.ok(n2 === n + 1);  // only the indicator
	// manager A on their own team: accepted
	await ok(fx.clients.managerA.post('/api/challenges', good), 201);
});

test('visibility: a "participants" challenge is hidden from others, a "managers" one from members', async () => {
	const admin = fx.clients.admin;
	const base = { start: START, end: END, rule: 'raw', participants: { teams: [fx.units.teamA] },
		indicators: [{ key: 'calls_handled', target: 10 }] };
	const p = await ok(admin.post('/api/challenges', { ...base, name: 'Entre nous', visibility: 'participants' }), 201);
	const m = await ok(admin.post('/api/challenges', { ...base, name: 'Pour les managers', visibility: 'managers' }), 201);
	assert.equal((await fx.clients.member1.get(`/api/challenges/${p.id}/board`)).status, 200);
	assert.equal((await fx.clients.member3.get(`/api/challenges/${p.id}/board`)).status, 404);
	assert.equal((await fx.clients.member1.get(`/api/challenges/${m.id}`)).status, 404);
	assert.equal((await fx.clients.managerA.get(`/api/challenges/${m.id}`)).status, 200);
	assert.equal((await fx.clients.managerB.get(`/api/challenges/${m.id}`)).status, 404);
	const list = (await ok(fx.clients.member3.get('/api/challenges'))).items.map((x) => x.id);
	assert.ok(!list.includes(p.id) && !list.includes(m.id));
	assert.equal((await fx.clients.otherAdmin.get(`/api/challenges/${p.id}`)).status, 404);
});

test('badges: a first objective achieved, four weeks on track, best progress of the month, a team objective met — each awarded once, with reason and date', async () => {
	const admin = fx.clients.admin;
	const unit = (await ok(admin.post('/api/units', { name: 'Plateau Trophées', kind: 'team',
		service: 'call_centre', parent_id: fx.units.callCentre }), 201)).id;
	const p = await person('Tina Trophée', unit, '2020-01-01');
	// an objective over the last six weeks, met: 10 calls a day against a target of 200
	const start = iso(today - 42 * DAY), due = iso(today + 7 * DAY);
	const o = (await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: p, title: 'Tina : 200 appels traités', indicator: 'calls_handled',
		direction: 'increase', baseline: 0, target: 200, start, due }), 201)).id;
	const team = (await ok(admin.post('/api/objectives', { level: 'collective', parent_id: fx.obj.O,
		owner_unit_id: unit, title: 'Plateau Trophées : 150 appels', indicator: 'calls_handled',
		direction: 'increase', baseline: 0, target: 150, start, due }), 201)).id;
	const recs = [];
	for (let d = 42; d >= 1; d--) recs.push(...calls(p, 6, today - d * DAY));
	// the badges are earned by the import that moves the figures, in its transaction;
	// reading the trophy case writes nothing
	const auditBefore = await auditTotal(admin);
	await pushCalls(recs);
	const auditAfter = await auditTotal(admin);
	const first = await ok(admin.get(`/api/people/${p}/badges`));
	const again = await ok(admin.get(`/api/people/${p}/badges`));
	assert.equal(await auditTotal(admin), auditAfter);
	// the import's own entry, the badges', the team's
	assert.equal(auditAfter - auditBefore, 1 + 3 + 1);
	assert.deepEqual(again.items.map((b) => b.id), first.items.map((b) => b.id));
	const kinds = first.items.map((b) => b.kind).sort();
	assert.deepEqual(kinds, ['best_progress', 'first_objective', 'four_weeks']);
	const fo = first.items.find((b) => b.kind === 'first_objective');
	assert.equal(fo.figures.objective_id, o);
	assert.equal(fo.awarded_on, iso(today));
	assert.match(fo.reason, /atteint à \d+ %/);
	assert.equal(fo.name, 'Premier objectif atteint');
	const en = await ok(admin.get(`/api/people/${p}/badges`, { headers: { 'accept-language': 'en' } }));
	assert.equal(en.items.find((b) => b.kind === 'four_weeks').name, 'Four weeks on track');
	const tb = await ok(admin.get(`/api/units/${unit}/badges`));
	const met = tb.items.filter((b) => b.kind === 'team_objective');
	assert.equal(met.length, 1);
	assert.equal(met[0].unit_id, unit);
	assert.equal(met[0].figures.objective_id, team);
	assert.equal((await ok(admin.get(`/api/units/${unit}/badges`))).items.length, tb.items.length);
	// the import also gave the team's best progress of last month: Tina, its only member
	const prev = new Date(Date.UTC(new Date(today).getUTCFullYear(), new Date(today).getUTCMonth() - 1, 1));
	const bp = (await ok(admin.get(`/api/people/${p}/badges`))).items.filter((b) => b.kind === 'best_progress');
	assert.equal(bp.length, 1);
	assert.equal(bp[0].figures.month, prev.toISOString().slice(0, 7));
	assert.ok(bp[0].figures.gain > 0);
	// the awards are in the audit trail
	const audit = await ok(admin.get(`/api/audit?entity=person&entity_id=${p}`));
	assert.deepEqual(audit.items.filter((x) => x.action === 'badge').map((x) => x.after.kind).sort(),
		['best_progress', 'first_objective', 'four_weeks']);
	const ua = await ok(admin.get(`/api/audit?entity=unit&entity_id=${unit}`));
	assert.equal(ua.items.filter((x) => x.action === 'badge').length, 1);
});

test('cible challenge prints the same board as the API, and lists the challenge', async () => {
	const admin = fx.clients.admin;
	const c = await ok(admin.post('/api/challenges', { name: 'Défi en ligne de commande',
		start: START, end: END, rule: 'raw', participants: { teams: [fx.units.teamA] },
		indicators: [{ key: 'calls_handled', target: 10 }] }), 201);
	const api = await board(admin, c.id);
	const org = String((await ok(admin.get('/api/org'))).id);
	const cli = JSON.parse(fx.server.cli(['challenge', 'board', String(c.id), '--json', '--org', org]));
	assert.deepEqual(cli.leagues[0].top.map((x) => [x.id, x.rank, x.score]),
		api.leagues[0].top.map((x) => [x.id, x.rank, x.score]));
	const text = fx.server.cli(['challenge', 'board', String(c.id), '--org', org, '--lang', 'en']);
	assert.match(text, new RegExp(`#${c.id} Défi en ligne de commande`));
	assert.match(text, /Paul Membre 2|Marie Membre 1/);
	assert.match(fx.server.cli(['challenge', 'list', '--org', org, '--lang', 'en']), new RegExp(`${c.id} .* open +individual +raw value +Défi en ligne de commande`));
	// by default in the organisation's language (French here), words and no codes
	const fr = fx.server.cli(['challenge', 'list', '--org', org]);
	assert.match(fr, new RegExp(`${c.id} .* ouvert +individuel +valeur brute +Défi en ligne de commande`));
});

test('a GET writes nothing: a finished challenge stays open through every read, the next write closes it', async () => {
	const admin = fx.clients.admin;
	const unit = (await ok(admin.post('/api/units', { name: 'Plateau Février', kind: 'team',
		service: 'call_centre', parent_id: fx.units.callCentre }), 201)).id;
	const a = await person('Alba Février', unit, '2019-01-01');
	const z = await person('Zoé Février', unit, '2019-01-01');
	const feb = Date.UTC(2026, 1, 10);
	await pushCalls([...calls(a, 12, feb), ...calls(z, 8, feb)]);
	const c = await ok(admin.post('/api/challenges', { name: 'Février', start: '2026-02-01',
		end: '2026-02-28', rule: 'raw', participants: { units: [unit] },
		indicators: [{ key: 'calls_handled', target: 10 }] }), 201);
	const counts = async () => ({
		audit: await auditTotal(admin),
		rows: dbQuery(fx.server.db, `SELECT (SELECT count(*) FROM badge) AS badges,
			(SELECT count(*) FROM challenge_result) AS results,
			(SELECT count(*) FROM challenge WHERE status = 'closed') AS closed,
			(SELECT count(*) FROM activity) AS activity`)[0],
	});
	const before = await counts();
	for (const client of [admin, fx.clients.managerA, fx.clients.hr]) {
		await client.get(`/api/challenges/${c.id}/board`);
		await client.get(`/api/challenges/${c.id}/results`);
		await client.get(`/api/challenges/${c.id}/export?format=csv`, { unchecked: 'a CSV' });
		await client.get(`/api/challenges/${c.id}`);
		await client.get('/api/challenges');
		await client.get(`/api/people/${a}/badges`);
		await client.get(`/api/units/${unit}/badges`);
		await client.get(`/api/units/${fx.units.callCentre}/badges`);
		await client.get(`/challenges/${c.id}`, { unchecked: 'a page' });
		await client.get(`/challenges/${c.id}/results`, { unchecked: 'a page' });
	}
	assert.deepEqual(await counts(), before);
	const b = await board(admin, c.id);
	assert.equal(b.frozen, false);
	assert.equal(b.challenge.status, 'open');
	// the next write closes it first (as the system, audited), before its records land
	await pushCalls(calls(z, 30, feb));
	const closed = await board(admin, c.id);
	assert.equal(closed.frozen, true);
	assert.equal(closed.run, 1);
	assert.deepEqual(closed.leagues[0].top.map((x) => x.id), [a, z]);
	const won = (await ok(admin.get(`/api/people/${a}/badges`))).items.filter((x) => x.kind === 'challenge_won');
	assert.equal(won.length, 1);
	const audit = await ok(admin.get(`/api/audit?entity=challenge&entity_id=${c.id}`));
	assert.deepEqual(audit.items.map((x) => x.action), ['close', 'create']);
});

test('a challenge ends at the end of its last day in the organisation\'s time zone, not UTC', async () => {
	const admin = fx.clients.admin;
	const unit = (await ok(admin.post('/api/units', { name: 'Plateau Mars', kind: 'team',
		service: 'call_centre', parent_id: fx.units.callCentre }), 201)).id;
	const a = await person('Aya Mars', unit, '2019-01-01');
	await pushCalls(calls(a, 5, Date.UTC(2026, 2, 5)));
	const c = await ok(admin.post('/api/challenges', { name: 'Mars à Tokyo', start: '2026-03-01',
		end: '2026-03-10', rule: 'raw', participants: { units: [unit] },
		indicators: [{ key: 'calls_handled', target: 10 }] }), 201);
	const org = String((await ok(admin.get('/api/org'))).id);
	const at = (now, args) => spawnSync(CIBLE_BIN, ['challenge', ...args, '--org', org, '--db', fx.server.db],
		{ env: { ...process.env, CIBLE_TODAY: now, CIBLE_LANG: 'en' }, encoding: 'utf8' });
	const status = () => at('2026-12-01T00:00:00Z', ['list']).stdout.split('\n')
		.find((l) => l.includes('Mars à Tokyo'));
	try {
		// 15:00 UTC on the 10th: in UTC the last day still runs
		await ok(admin.patch('/api/org', { time_zone: 'UTC' }));
		const utc = at('2026-03-10T15:00:00Z', ['close', String(c.id)]);
		assert.equal(utc.status, 1);
		assert.match(utc.stderr, /2026-03-10/);
		assert.equal(at('2026-03-10T15:00:00Z', ['close-due']).status, 0);
		assert.match(status(), / open /);
		// in Tokyo (UTC+9) 14:59:59 UTC is 23:59:59 on the 10th: still running
		await ok(admin.patch('/api/org', { time_zone: 'Asia/Tokyo' }));
		const late = at('2026-03-10T14:59:59Z', ['close', String(c.id)]);
		assert.equal(late.status, 1);
		assert.equal(at('2026-03-10T14:59:59Z', ['close-due']).status, 0);
		assert.match(status(), / open /);
		// one second later it is midnight there: the scan closes it
		const due = at('2026-03-10T15:00:00Z', ['close-due']);
		assert.equal(due.status, 0, due.stderr);
		assert.ok(Number(due.stdout) >= 1);
		assert.match(status(), / closed /);
		const b = await board(admin, c.id);
		assert.equal(b.frozen, true);
		assert.equal(b.leagues[0].top[0].id, a);
	} finally {
		await ok(admin.patch('/api/org', { time_zone: 'Europe/Paris' }));
	}
});

// Kept challenge figures (migration 0022): a board reads each participant's
// figures from challenge_score, which every activity batch and import
// updates for the people it touched, in its own transaction. This test is
// differential: after random batches of calls (POST /api/activity and
// `cible import`), people moved between teams, newcomers, objectives added
// (own targets) and a write on another day (every kept row rebuilt), each
// challenge's kept board must equal the board computed from scratch
// (?fresh=1, admin only) — whole JSON, every row — and the raw board's
// counts must equal a count of the stored records by the database's own
// client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CIBLE_BIN, dbQuery, ok, startFixture, seeded } from './harness.mjs';

let fx, tmp;
before(async () => {
	fx = await startFixture();
	tmp = mkdtempSync(join(tmpdir(), 'cible-kept-'));
});
after(async () => {
	await fx.server.stop();
	rmSync(tmp, { recursive: true, force: true });
});

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const START = iso(today - 12 * DAY), END = iso(today + 15 * DAY);

const { rand, pick, int } = seeded(20261207);
let seq = 0;

test('after random imports, calls, moves, newcomers and new objectives, every kept board equals the board computed from scratch (SQLite and PostgreSQL)', async () => {
	const admin = fx.clients.admin;
	const unit = async (name) => (await ok(admin.post('/api/units', { name, kind: 'team',
		service: 'call_centre', parent_id: fx.units.callCentre }), 201)).id;
	const teams = [await unit('Plateau Nord'), await unit('Plateau Sud')];
	const org = String((await ok(admin.get('/api/org'))).id);
	const people = [];  // { id, email }
	const hire = async (hired) => {
		const email = `agent.kept${seq++}@cible.test`;
		const id = (await ok(admin.post('/api/people', { name: `Agent ${seq}`, unit_id: pick(teams),
			hired_on: hired, job: 'Téléconseiller', email }), 201)).id;
		people.push({ id, email });
		return id;
	};
	for (let i = 0; i < 10; i++)
		await hire(iso(today - int(30, 2000) * DAY));
	const objective = async (owner) => ok(admin.post('/api/objectives', { level: 'individual',
		parent_id: fx.obj.CA, owner_person_id: owner, title: `Appels ${seq++}`,
		indicator: 'calls_handled', direction: 'increase', baseline: 0, target: int(10, 60),
		start: iso(today - int(0, 40) * DAY), due: iso(today + int(1, 40) * DAY) }), 201);
	for (const p of people.slice(0, 5))
		await objective(p.id);
	const base = { start: START, end: END, participants: { teams } };
	const made = [
		await ok(admin.post('/api/challenges', { ...base, name: 'Brut', rule: 'raw',
			indicators: [{ key: 'calls_handled', target: 20 }] }), 201),
		await ok(admin.post('/api/challenges', { ...base, name: 'Atteinte et DMT',
			rule: 'attainment', indicators: [{ key: 'calls_handled', target: 25 },
				{ key: 'aht', target: 300, better: 'lower', weight: 2 }],
			leagues: { by: 'seniority', bounds_months: [12] },
			rewards: { ranks: [{ points: 100, prize: 'Casque' }, { points: 50 }] } }), 201),
		await ok(admin.post('/api/challenges', { ...base, name: 'Équipes', mode: 'team',
			team_score: 'sum', rule: 'raw', indicators: [{ key: 'calls_handled', target: 15 }] }), 201),
		// a shorter period on the same indicators: one scan serves both
		await ok(admin.post('/api/challenges', { ...base, name: 'Sprint', start: iso(today - 4 * DAY),
			rule: 'raw', indicators: [{ key: 'aht', target: 280 }, { key: 'calls_handled', target: 8 }] }), 201),
	];
	const kept = (id) => dbQuery(fx.server.db,
		`SELECT count(*) AS n, (SELECT kept_on FROM challenge WHERE id = ${id}) AS kept_on
		 FROM challenge_score WHERE challenge_id = ${id}`)[0];
	// created with its figures kept for today, one row per participant
	for (const c of made)
		assert.deepEqual(kept(c.id), { n: 10, kept_on: iso(today) });

	const records = (n) => Array.from({ length: n }, () => ({
		person: pick(people), day: today - int(-2, 14) * DAY, talk: int(60, 600) }));
	const post = async (rs) => {
		const r = await ok(admin.post('/api/activity', { kind: 'call', records: rs.map((x) => ({
			source_id: `kept-${seq++}`, person: String(x.person.id), at: `${iso(x.day)}T09:30:00Z`,
			fields: { answered: true, resolved: rand() < 0.7, talk: x.talk } })) }));
		assert.equal(r.stored, rs.length);
	};
	const cli = (args, env = {}) => {
		const r = spawnSync(CIBLE_BIN, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
		assert.equal(r.status, 0, r.stderr);
		return r;
	};
	const csvImport = (rs, env) => {
		const f = join(tmp, `b${seq++}.csv`);
		writeFileSync(f, 'Call Id,Agent,Date,Answered,Resolved,Talk\n' + rs.map((x) =>
			`K${seq++},${x.person.email},${iso(x.day)},Y,${rand() < 0.5 ? 'Y' : 'N'},${x.talk}`).join('\n') + '\n');
		cli(['import', '--db', fx.server.db, '--org', org, '--kind', 'call', '--id', 'Call Id', '--person', 'Agent',
			'--date', 'Date', '--field', 'answered=Answered:bool', '--field', 'resolved=Resolved:bool',
			'--field', 'talk=Talk', f], env);
	};
	const same = async (step) => {
		for (const c of made) {
			const q = `/api/challenges/${c.id}/board?top=10000`;
			const k = await ok(admin.get(q)), f = await ok(admin.get(`${q}&fresh=1`));
			assert.deepEqual(k, f, `${step}: challenge ${c.name}`);
		}
		// the raw board's counts against the stored records, counted by the engine
		const raw = await ok(admin.get(`/api/challenges/${made[0].id}/board?top=10000`));
		const counted = dbQuery(fx.server.db, `SELECT person_id AS id, count(*) AS n FROM activity
			WHERE kind = 'call' AND at >= ${(today - 12 * DAY) / 1000} AND at < ${(today + DAY) / 1000}
			GROUP BY person_id`);
		const want = new Map(counted.map((r) => [Number(r.id), Number(r.n)]));
		for (const r of raw.leagues[0].top)
			assert.equal(r.values[0].value ?? 0, want.get(r.id) ?? 0, `${step}: person ${r.id}`);
	};

	await same('created');
	for (let round = 0; round < 14; round++) {
		const what = pick(['calls', 'calls', 'import', 'move', 'hire', 'objective']);
		if (what === 'calls')
			await post(records(int(1, 40)));
		else if (what === 'import')
			csvImport(records(int(1, 40)));
		else if (what === 'move') {
			const p = pick(people);
			await ok(admin.patch(`/api/people/${p.id}`, { unit_id: pick(teams) }));
		} else if (what === 'hire') {
			const id = await hire(iso(today - int(1, 400) * DAY));
			await post(records(3).map((x) => ({ ...x, person: people.find((p) => p.id === id) })));
		} else
			await objective(pick(people).id);
		await same(`round ${round} (${what})`);
	}
	// a write on another day rebuilds every kept row for that day; the next
	// write of today rebuilds them for today
	csvImport(records(5), { CIBLE_TODAY: iso(today + DAY) });
	assert.equal(kept(made[0].id).kept_on, iso(today + DAY));
	await same('kept for tomorrow, read today');
	await post(records(5));
	assert.deepEqual(kept(made[1].id), { n: people.length, kept_on: iso(today) });
	await same('rebuilt for today');
	// a member may not ask for the recomputation
	const r = await fx.clients.member1.get(`/api/challenges/${made[0].id}/board?fresh=1`);
	assert.equal(r.status, 403);
});

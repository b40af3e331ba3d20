// Kept objective results (issue 17, item 2; migration 0026): every
// objective's result (value, attainment, pace, status, forecast, the
// monthly series) is kept in objective_result, and the transactions that
// bring activity (POST /api/activity, `cible import`) recompute the rows of
// the objectives they touch: the people's own, those of their units and
// every unit above, on the batch's indicators. This test is differential:
// after random batches of calls (through the API and the CLI), people moved
// between teams, targets edited, objectives added and cancelled, a
// distinct() indicator and a write on another day, every unit's dashboard
// read from the kept results equals the dashboard computed from scratch
// (?fresh=1, admin only), whole JSON; `cible progress --all --json` equals
// its --recompute; and once a batch has run, every measured objective has
// a current row whose figures are the computed ones (the dashboards did
// read kept rows, not only computed ones).
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
	tmp = mkdtempSync(join(tmpdir(), 'cible-fresh-'));
});
after(async () => {
	await fx.server.stop();
	rmSync(tmp, { recursive: true, force: true });
});

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());

const { rand, pick, int } = seeded(20261208);
let seq = 0;

test('after random batches, imports, moves, edits and new objectives, the kept results equal a full recomputation (SQLite and PostgreSQL)', async () => {
	const admin = fx.clients.admin;
	const unit = async (name) => (await ok(admin.post('/api/units', { name, kind: 'team',
		service: 'call_centre', parent_id: fx.units.callCentre }), 201)).id;
	const teams = [await unit('Plateau Nord'), await unit('Plateau Sud')];
	const units = [fx.units.company, fx.units.direction, fx.units.callCentre, ...teams];
	const org = String((await ok(admin.get('/api/org'))).id);
	// a distinct() indicator reads the records, not the states
	await ok(admin.post('/api/indicators', { key: 'callers', kind: 'call',
		expr: 'distinct(caller) where answered', name_fr: 'Appelants distincts' }), 201);
	const people = [];
	for (let i = 0; i < 8; i++) {
		const email = `agent.fresh${seq++}@cible.test`;
		const id = (await ok(admin.post('/api/people', { name: `Agent ${seq}`, unit_id: pick(teams),
			hired_on: iso(today - 400 * DAY), job: 'Téléconseiller', email }), 201)).id;
		people.push({ id, email });
	}
	const objectives = [];
	const period = () => ({ start: iso(today - int(0, 60) * DAY), due: iso(today + int(1, 60) * DAY) });
	const objective = async (body) => {
		const o = await ok(admin.post('/api/objectives', { ...period(), ...body }), 201);
		objectives.push(o);
		return o;
	};
	const individual = (owner) => {
		const k = pick(['calls_handled', 'aht', 'callers']);
		return objective({ level: 'individual', parent_id: fx.obj.CA, owner_person_id: owner,
			title: `Objectif ${seq++}`, indicator: k, direction: k === 'aht' ? 'decrease' : 'increase',
			baseline: k === 'aht' ? 400 : 0, target: k === 'aht' ? int(200, 300) : int(5, 40) });
	};
	for (const p of people)
		await individual(p.id);
	for (const t of teams)
		await objective({ level: 'collective', parent_id: fx.obj.O, owner_unit_id: t,
			title: `Équipe ${seq++}`, indicator: 'calls_handled', direction: 'increase', baseline: 0,
			target: int(40, 120) });
	await objective({ level: 'operational', parent_id: fx.obj.S, owner_unit_id: fx.units.callCentre,
		title: 'Le centre', indicator: 'aht', direction: 'decrease', baseline: 420, target: 260 });

	const records = (n) => Array.from({ length: n }, () => ({
		person: pick(people), day: today - int(-1, 50) * DAY, talk: int(60, 600),
		caller: `c${int(1, 30)}` }));
	const post = async (rs) => {
		const r = await ok(admin.post('/api/activity', { kind: 'call', records: rs.map((x) => ({
			source_id: `fresh-${seq++}`, person: String(x.person.id), at: `${iso(x.day)}T09:30:00Z`,
			fields: { answered: rand() < 0.9, resolved: rand() < 0.7, talk: x.talk,
				caller: x.caller } })) }));
		assert.equal(r.stored, rs.length);
	};
	const cli = (args, env = {}) => {
		const r = spawnSync(CIBLE_BIN, args, { env: { ...process.env, ...env }, encoding: 'utf8',
			maxBuffer: 1 << 26 });
		assert.equal(r.status, 0, r.stderr);
		return r.stdout;
	};
	const csvImport = (rs, env) => {
		const f = join(tmp, `b${seq++}.csv`);
		writeFileSync(f, 'Call Id,Agent,Date,Answered,Resolved,Talk,Caller\n' + rs.map((x) =>
			`F${seq++},${x.person.email},${iso(x.day)},Y,${rand() < 0.5 ? 'Y' : 'N'},${x.talk},${x.caller}`)
			.join('\n') + '\n');
		cli(['import', '--db', fx.server.db, '--org', org, '--kind', 'call', '--id', 'Call Id',
			'--person', 'Agent', '--date', 'Date', '--field', 'answered=Answered:bool',
			'--field', 'resolved=Resolved:bool', '--field', 'talk=Talk', '--field', 'caller=Caller', f], env);
	};
	// the rows that a read takes: for today, under the organisation's
	// generation, at the objective's version
	const current = () => dbQuery(fx.server.db, `SELECT r.objective_id AS id, r.value, r.attainment,
		r.status FROM objective_result r JOIN objective o ON o.org_id = r.org_id AND o.id = r.objective_id
		JOIN objective_result_org g ON g.org_id = r.org_id
		WHERE r.org_id = ${org} AND r.day = '${iso(today)}' AND r.gen = g.gen AND r.version = o.version`);
	const close = (a, b) => (a == null && b == null) ||
		(a != null && b != null && Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b))));
	const same = async (step) => {
		const fresh = new Map();
		for (const u of units) {
			const q = `/api/units/${u}/dashboard`;
			const k = await ok(admin.get(q)), f = await ok(admin.get(`${q}?fresh=1`));
			assert.deepEqual(k, f, `${step}: unit ${u}`);
			for (const it of [...f.collective, ...f.members.flatMap((m) => m.objectives)])
				fresh.set(it.id, it.progress);
		}
		const env = { CIBLE_TODAY: iso(today) };
		const args = ['progress', '--db', fx.server.db, '--org', org, '--all', '--json'];
		assert.equal(cli(args, env), cli([...args, '--recompute'], env), `${step}: cible progress`);
		// --recompute kept every row again: the check below is made before it
		return fresh;
	};
	const rowsMatch = (step, rows, fresh) => {
		for (const r of rows) {
			const p = fresh.get(Number(r.id));
			if (!p)
				continue;  // cancelled: not on a dashboard
			assert.ok(close(r.value, p.value), `${step}: objective ${r.id} value ${r.value} vs ${p.value}`);
			assert.ok(close(r.attainment, p.attainment ?? null), `${step}: objective ${r.id} attainment`);
			assert.equal(r.status, p.status, `${step}: objective ${r.id} status`);
		}
	};
	// every objective of the test has its current row (a move makes them all
	// stale until the next batch)
	const allKept = (step, rows) => {
		const have = new Set(rows.map((r) => Number(r.id)));
		for (const o of objectives)
			assert.ok(have.has(o.id), `${step}: objective ${o.id} kept`);
	};

	await post(records(20));   // the first batch of the day keeps every objective
	let rows = current();
	allKept('first batch', rows);
	rowsMatch('first batch', rows, await same('first batch'));
	let moved = false;
	for (let round = 0; round < 16; round++) {
		const what = pick(['calls', 'calls', 'import', 'move', 'edit', 'objective', 'cancel']);
		if (what === 'calls')
			await post(records(int(1, 30)));
		else if (what === 'import')
			csvImport(records(int(1, 30)));
		else if (what === 'move')
			await ok(admin.patch(`/api/people/${pick(people).id}`, { unit_id: pick(teams) }));
		else if (what === 'edit') {
			const o = pick(objectives.filter((x) => x.status !== 'cancelled'));
			const edited = await ok(admin.patch(`/api/objectives/${o.id}`,
				{ target: Number(o.target) + int(1, 9) }, { headers: { 'If-Match': `"${o.version}"` } }));
			objectives[objectives.indexOf(o)] = edited;
		} else if (what === 'objective')
			await individual(pick(people).id);
		else {
			const o = pick(objectives.filter((x) => x.status !== 'cancelled' && x.level === 'individual'));
			const edited = await ok(admin.patch(`/api/objectives/${o.id}`, { status: 'cancelled' },
				{ headers: { 'If-Match': `"${o.version}"` } }));
			objectives[objectives.indexOf(o)] = edited;
		}
		// the rows current before the comparison (which recomputes them all)
		rows = current();
		const fresh = await same(`round ${round} (${what})`);
		rowsMatch(`round ${round} (${what})`, rows, fresh);
		if (what === 'move')
			moved = true;   // every row stale until the next batch rebuilds them
		else if (what === 'calls' || what === 'import')
			moved = false;
		if (!moved)
			allKept(`round ${round} (${what})`, rows);
	}
	// a write on another day keeps every row for that day; read today, the
	// dashboards compute, and the next write of today keeps them for today
	csvImport(records(5), { CIBLE_TODAY: iso(today + DAY) });
	assert.equal(dbQuery(fx.server.db, `SELECT kept_on FROM objective_result_org WHERE org_id = ${org}`)[0]
		.kept_on, iso(today + DAY));
	assert.equal(current().length, 0);
	await ok(admin.get(`/api/units/${fx.units.company}/dashboard`));
	assert.equal(current().length, 0, 'a read writes nothing');
	await post(records(5));
	rows = current();
	allKept('rebuilt for today', rows);
	rowsMatch('rebuilt for today', rows, await same('rebuilt for today'));
	// only an admin may ask for the recomputation
	const r = await fx.clients.managerA.get(`/api/units/${fx.units.teamA}/dashboard?fresh=1`);
	assert.equal(r.status, 403);
	const bad = await admin.get(`/api/units/${fx.units.teamA}/dashboard?fresh=yes`);
	assert.equal(bad.status, 400);
});

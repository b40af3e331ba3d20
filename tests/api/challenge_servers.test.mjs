// Two servers on one database (issue 13, item 5; migration 0025): each
// keeps boards in its memory between reads, and must never show one the
// other's writes made stale. Server B reads (and so keeps) every board; then
// server A posts calls, moves a person to another team, renames one, hires
// one, gives one an objective, and after each, B's kept board must equal the
// board B computes from scratch (?fresh=1), whole JSON, and show the change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client, PASSWORD, ok, serveProcess, startFixture } from './harness.mjs';

let fx, b;
before(async () => {
	fx = await startFixture();
	b = await serveProcess(['--db', fx.server.db, '--port', '0', '--log-level', 'warn']);
});
after(async () => {
	await b?.stop();
	await fx.server.stop();
});

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());

test('a board kept by one server follows the writes made through another (calls, a move, a rename, a hire, an objective)', async () => {
	const a = fx.clients.admin;
	const onB = new Client(b.addr);
	const r = await onB.post('/api/login', { email: fx.server.adminEmail, password: PASSWORD });
	assert.equal(r.status, 200, r.text);
	onB.cookie = (r.headers.get('set-cookie') || '').split(';')[0];
	onB.csrf = r.body.csrf_token;
	const unit = async (name) => (await ok(a.post('/api/units', { name, kind: 'team',
		service: 'call_centre', parent_id: fx.units.callCentre }), 201)).id;
	const teams = [await unit('Plateau Est'), await unit('Plateau Ouest')];
	let n = 0;
	const hire = async (team) => (await ok(a.post('/api/people', { name: `Agent ${++n}`,
		unit_id: team, hired_on: iso(today - 400 * DAY), job: 'Téléconseiller',
		email: `agent.two${n}@cible.test` }), 201)).id;
	const people = [await hire(teams[0]), await hire(teams[0]), await hire(teams[1])];
	const calls = async (person, k) => ok(a.post('/api/activity', { kind: 'call',
		records: Array.from({ length: k }, () => ({ source_id: `two-${++n}`, person: String(person),
			at: `${iso(today)}T09:00:00Z`, fields: { answered: true, resolved: true, talk: 200 } })) }));
	await calls(people[0], 3);
	await calls(people[1], 1);
	const base = { start: iso(today - 3 * DAY), end: iso(today + 3 * DAY), participants: { teams } };
	const made = [
		await ok(a.post('/api/challenges', { ...base, name: 'Brut à deux', rule: 'raw',
			indicators: [{ key: 'calls_handled', target: 5 }] }), 201),
		await ok(a.post('/api/challenges', { ...base, name: 'Atteinte à deux', rule: 'attainment',
			indicators: [{ key: 'calls_handled', target: 4 }] }), 201),
		await ok(a.post('/api/challenges', { ...base, name: 'Équipes à deux', mode: 'team',
			rule: 'raw', indicators: [{ key: 'calls_handled', target: 3 }] }), 201),
	];
	const board = async (c) => ok(onB.get(`/api/challenges/${c.id}/board?top=100`));
	const same = async (step) => {
		for (const c of made) {
			const q = `/api/challenges/${c.id}/board?top=100`;
			assert.deepEqual(await ok(onB.get(q)), await ok(onB.get(`${q}&fresh=1`)),
				`${step}: ${c.name}`);
		}
	};
	const leader = async () => (await board(made[0])).leagues[0].top[0];
	await same('read by B');
	assert.equal((await leader()).id, people[0]);
	// A's calls put the third agent ahead: B shows it at its next read
	await calls(people[2], 6);
	await same('calls through A');
	assert.equal((await leader()).id, people[2]);
	assert.equal((await leader()).values[0].value, 6);
	// a move between teams (the team board), a rename (the name shown)
	await ok(a.patch(`/api/people/${people[2]}`, { unit_id: teams[0] }));
	await same('a move through A');
	const teamBoard = await board(made[2]);
	assert.equal(teamBoard.leagues[0].top[0].id, teams[0]);
	await ok(a.patch(`/api/people/${people[2]}`, { name: 'Agente Renommée' }));
	await same('a rename through A');
	assert.equal((await leader()).name, 'Agente Renommée');
	// a newcomer in a participating team, then their calls
	const newcomer = await hire(teams[1]);
	await same('a hire through A');
	assert.ok((await board(made[0])).leagues[0].total === 4);
	await calls(newcomer, 9);
	await same('the newcomer\'s calls through A');
	assert.equal((await leader()).id, newcomer);
	// an own objective for the attainment board: 1 call on an own target of
	// 0.4 (250 %) puts its owner ahead of the newcomer's 9 on the challenge's 4
	await ok(a.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: people[1], title: 'Appels du sprint', indicator: 'calls_handled',
		direction: 'increase', baseline: 0, target: 0.4, start: base.start, due: base.end }), 201);
	await same('an objective through A');
	const fair = (await board(made[1])).leagues[0].top[0];
	assert.equal(fair.id, people[1]);
	assert.equal(fair.values[0].own_target, 0.4);
});

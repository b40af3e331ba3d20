// A collective objective is measured on everyone under its unit, kept as the
// unit's own states: they follow each new batch, and someone moving to another
// team, or a team moving to another direction, moves their figures with them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

const TODAY = '2026-03-31';

async function calls(people) {
	let n = 0;
	const records = [];
	for (const [person, count] of people)
		for (let i = 0; i < count; i++)
			records.push({ source_id: `u-${person}-${n++}-${Math.random()}`, person: String(person),
				at: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, fields: { answered: true } });
	await ok(fx.clients.admin.post('/api/activity', { kind: 'call', records }));
}

async function value(id) {
	const p = await ok(fx.clients.admin.get(`/api/objectives/${id}/progress?today=${TODAY}`));
	return p.value;
}

async function collective(unit, parent, title) {
	const o = await ok(fx.clients.admin.post('/api/objectives', { level: parent === fx.obj.S ? 'operational' : 'collective',
		parent_id: parent, owner_unit_id: unit, title, indicator: 'calls_handled', direction: 'increase',
		baseline: 0, target: 100, start: '2026-03-01', due: '2026-03-31' }), 201);
	return o.id;
}

test('a unit\'s figure is everyone\'s under it, and follows people and teams who move', async () => {
	const { units: u, people: p } = fx;
	const dir = await collective(u.direction, fx.obj.S, 'Direction : appels de mars');
	const a = await collective(u.teamA, fx.obj.O, 'Équipe A : appels de mars');
	const b = await collective(u.teamB, fx.obj.O, 'Équipe B : appels de mars');
	await calls([[p.member1, 7], [p.member2, 5], [p.member3, 3], [p.managerA, 2]]);
	assert.deepEqual([await value(a), await value(b), await value(dir)], [14, 3, 17]);
	// a second batch adds up
	await calls([[p.member3, 4]]);
	assert.deepEqual([await value(b), await value(dir)], [7, 21]);
	// member2 moves to team B: their calls go with them, the direction keeps them
	await ok(fx.clients.admin.patch(`/api/people/${p.member2}`, { unit_id: u.teamB }));
	assert.deepEqual([await value(a), await value(b), await value(dir)], [9, 12, 21]);
	// team B moves up to the company: the direction no longer counts it
	await ok(fx.clients.admin.patch(`/api/units/${u.teamB}`, { parent_id: u.company }));
	assert.deepEqual([await value(a), await value(b), await value(dir)], [9, 12, 9]);
	// and back
	await ok(fx.clients.admin.patch(`/api/units/${u.teamB}`, { parent_id: u.direction }));
	await ok(fx.clients.admin.patch(`/api/people/${p.member2}`, { unit_id: u.teamA }));
	assert.deepEqual([await value(a), await value(b), await value(dir)], [14, 7, 21]);
});

// Negotiation (issue 11, item 1) and closing rules (item 2). The manager
// proposes a target with bounds, the member answers with the means first,
// then a target within the bounds; a target outside is refused naming the
// bound and nothing is written; they agree (both names, the day, the locked
// terms); the manager's later change of the target opens a new round instead
// of changing what was agreed. "achieved" and "missed" follow the outcome
// measured at the due date, otherwise only with a written reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { auditTotal, ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

const rounds = (client, id) => ok(client.get(`/api/objectives/${id}/rounds`));
const move = (client, id, body) => client.post(`/api/objectives/${id}/rounds`, body);

// a draft by manager A for member1, under team A's collective objective
async function draftForMarie(extra = {}) {
	return (await ok(fx.clients.managerA.post('/api/objectives', { level: 'individual',
		parent_id: fx.obj.CA, owner_person_id: fx.people.member1,
		title: 'Marie : 73 rappels traités par semaine', direction: 'increase', baseline: 50,
		target: 73, start: '2027-01-01', due: '2027-06-30', ...extra }), 201)).id;
}

// A refusal: its status, code and field, and nothing written (the thread,
// the objective and the audit trail read back the same).
async function refused(client, id, body, status, code, field) {
	const admin = fx.clients.admin;
	const [trail, thread, obj] = [await auditTotal(admin), await rounds(admin, id),
		await ok(admin.get(`/api/objectives/${id}`))];
	const r = await move(client, id, body);
	assert.equal(r.status, status, r.text);
	assert.equal(r.body.error.code, code, r.text);
	if (field !== undefined) assert.equal(r.body.error.field, field, r.text);
	assert.equal(await auditTotal(admin), trail, 'the audit trail is unchanged');
	assert.deepEqual(await rounds(admin, id), thread, 'the thread is unchanged');
	assert.deepEqual(await ok(admin.get(`/api/objectives/${id}`)), obj, 'the objective is unchanged');
	return r;
}

test('propose with bounds, counter the means then a target within them, agree; a later change opens a new round', async () => {
	const { managerA, member1 } = fx.clients;
	const id = await draftForMarie();
	// the manager proposes: 73, may move from 90 % to 110 % of it
	const p = await ok(move(managerA, id, { kind: 'proposal', target: 73,
		bounds: { low_pct: 90, high_pct: 110 },
		means: { budget: 500, time_hours: 10, support: 'Un binôme le lundi' },
		reason: 'La moyenne de l\'équipe' }), 201);
	assert.equal(p.status, 'proposed');
	assert.equal(p.open, true);
	assert.equal(p.my_side, 'manager');
	assert.deepEqual([p.offer.target, p.offer.bounds.low, p.offer.bounds.high], [73, 65.7, 80.3]);
	assert.deepEqual(p.owner, { id: fx.people.member1, name: 'Marie Membre 1' });
	assert.equal(p.rounds.length, 1);
	assert.equal(p.rounds[0].kind, 'proposal');
	assert.equal(p.rounds[0].author_name, 'Marc Manager A');
	// the manager's totals under team A's objective: the proposal counts
	assert.equal(p.totals.parent_id, fx.obj.CA);
	assert.equal(p.totals.parent_target, 95);
	assert.ok(p.totals.proposed >= 73);
	// the member: what they may do now; means first
	const seen = await rounds(member1, id);
	assert.equal(seen.my_side, 'owner');
	assert.deepEqual(seen.next, ['counter_means', 'accept']);
	assert.equal(seen.totals, null, 'a member does not see the team\'s totals');
	await refused(member1, id, { kind: 'counter_target', target: 70, reason: 'Trop haut' },
		409, 'means_first', 'target');
	await refused(member1, id, { kind: 'counter_means', means: { time_hours: 20 } },
		422, 'missing_field', 'reason');
	await refused(member1, id, { kind: 'counter_means', means: { time_hours: 10 }, reason: 'Pareil' },
		422, 'no_change', 'means');
	await refused(member1, id, { kind: 'counter_means', target: 70, reason: 'x' },
		422, 'invalid_value', 'target');
	await refused(member1, id, { kind: 'counter_means', means: { time_hours: 20 },
		bounds: { low: 0, high: 100 }, reason: 'x' }, 422, 'invalid_value', 'bounds');
	const c1 = await ok(move(member1, id, { kind: 'counter_means',
		means: { time_hours: 20 }, reason: 'Deux heures de plus par semaine pour les rappels' }), 201);
	assert.deepEqual(c1.rounds.at(-1).changed, ['means.time_hours']);
	assert.equal(c1.offer.means.time_hours, 20);
	assert.equal(c1.offer.side, 'owner');
	// a target outside the bounds names the bound; nothing is written
	const high = await refused(member1, id, { kind: 'counter_target', target: 90,
		reason: 'Avec le temps en plus' }, 422, 'out_of_bounds', 'target');
	assert.match(high.body.error.message, /80[.,]3/);
	const enHigh = await member1.post(`/api/objectives/${id}/rounds`, { kind: 'counter_target',
		target: 90, reason: 'x' }, { headers: { 'accept-language': 'en' } });
	assert.match(enHigh.body.error.message, /above the high bound 80.3/);
	const low = await refused(member1, id, { kind: 'counter_target', target: 60,
		reason: 'Trop haut encore' }, 422, 'out_of_bounds', 'target');
	assert.match(low.body.error.message, /65[.,]7/);
	const c2 = await ok(move(member1, id, { kind: 'counter_target', target: 70,
		reason: 'Le mardi est pris par la formation' }), 201);
	assert.deepEqual(c2.rounds.at(-1).changed, ['target']);
	// the first round: the objective holds the offer on the table
	assert.equal((await ok(managerA.get(`/api/objectives/${id}`))).target, 70);
	// one's own offer is the other side's to accept
	await refused(member1, id, { kind: 'accept' }, 409, 'own_offer', 'kind');
	// who is not a party: hr reads (403), member2 and manager B do not (404)
	await refused(fx.clients.hr, id, { kind: 'accept' }, 403, 'forbidden');
	await refused(fx.clients.member2, id, { kind: 'accept' }, 404, 'not_found');
	await refused(fx.clients.managerB, id, { kind: 'accept' }, 404, 'not_found');
	// the manager accepts: agreed, both names and the day, the terms locked
	const agreed = await ok(move(managerA, id, { kind: 'accept', reason: 'D\'accord' }), 201);
	assert.equal(agreed.status, 'agreed');
	assert.equal(agreed.open, false);
	assert.equal(agreed.agreements.length, 1);
	const g = agreed.agreements[0];
	assert.deepEqual([g.owner.name, g.manager.name], ['Marie Membre 1', 'Marc Manager A']);
	assert.match(g.agreed_on, /^\d{4}-\d\d-\d\d$/);
	assert.deepEqual([g.terms.target, g.terms.means.time_hours, g.terms.means.budget,
		g.terms.start, g.terms.due], [70, 20, 500, '2027-01-01', '2027-06-30']);
	assert.deepEqual(agreed.rounds.map((x) => [x.kind, x.side]), [['proposal', 'manager'],
		['counter_means', 'owner'], ['counter_target', 'owner'], ['accept', 'manager']]);
	const o = await ok(managerA.get(`/api/objectives/${id}`));
	assert.deepEqual([o.status, o.target, o.means.time_hours], ['agreed', 70, 20]);
	// agreeing twice
	await refused(managerA, id, { kind: 'accept' }, 409, 'already_agreed');
	await refused(member1, id, { kind: 'accept' }, 409, 'already_agreed');
	// the manager's later change of the target opens a new round
	const trail = await auditTotal(fx.clients.admin);
	const changed = await ok(managerA.patch(`/api/objectives/${id}`, { target: 80,
		reason: 'Le plateau ouvre le samedi' }));
	assert.equal(changed.status, 'proposed');
	assert.equal(changed.target, 70, 'the agreed target stays in force');
	assert.ok(await auditTotal(fx.clients.admin) >= trail + 2, 'the change and its round are audited');
	const reopened = await rounds(member1, id);
	assert.equal(reopened.round, 2);
	assert.equal(reopened.open, true);
	assert.equal(reopened.offer.target, 80);
	assert.equal(reopened.agreed.target, 70, 'the agreed version beside the proposal');
	assert.deepEqual(reopened.rounds.at(-1).changed, ['target']);
	assert.equal(reopened.rounds.at(-1).kind, 'reopen');
	assert.equal(reopened.rounds.at(-1).reason, 'Le plateau ouvre le samedi');
	// 80 is within 90-110 % of itself: the bounds' shares carry to the new offer
	assert.deepEqual([reopened.offer.bounds.low, reopened.offer.bounds.high], [72, 88]);
	const audit = await ok(fx.clients.admin.get(`/api/objectives/${id}/audit`));
	assert.ok(audit.items.some((x) => x.action === 'round' && x.after.kind === 'reopen'));
	// while the round is open, the locked fields are the round's
	const locked = await managerA.patch(`/api/objectives/${id}`, { target: 85 });
	assert.equal(locked.status, 409);
	assert.deepEqual([locked.body.error.code, locked.body.error.field], ['in_negotiation', 'target']);
	const st = await managerA.patch(`/api/objectives/${id}`, { status: 'agreed' });
	assert.deepEqual([st.status, st.body.error.code], [409, 'in_negotiation']);
	// a title is no term: it changes freely
	await ok(managerA.patch(`/api/objectives/${id}`, { title: 'Marie : 80 rappels par semaine' }));
	// the member may now answer; so may the manager amend the offer
	const amended = await ok(move(managerA, id, { kind: 'counter_means', means: { budget: 800 },
		reason: 'Et un budget de 800 € pour les primes du samedi' }), 201);
	assert.deepEqual([amended.offer.target, amended.offer.means.budget], [80, 800]);
	const again = await ok(move(member1, id, { kind: 'accept' }), 201);
	assert.equal(again.status, 'agreed');
	assert.equal(again.agreements.length, 2);
	const final = await ok(managerA.get(`/api/objectives/${id}`));
	assert.deepEqual([final.target, final.means.budget, final.status], [80, 800, 'agreed']);
	// the status back to proposed is a reopening too, with the terms as they are
	const back = await ok(managerA.patch(`/api/objectives/${id}`, { status: 'proposed' }));
	assert.equal(back.status, 'proposed');
	const third = await rounds(member1, id);
	assert.deepEqual([third.round, third.open, third.offer.target, third.agreed.target,
		third.next], [3, true, 80, 80, ['counter_means', 'accept']]);
	// a cancel goes through a negotiation; nothing waits after it
	await ok(managerA.post(`/api/objectives/${id}/cancel`));
	const cancelled = await rounds(member1, id);
	assert.deepEqual([cancelled.open, cancelled.next], [false, []]);
	await refused(member1, id, { kind: 'accept' }, 422, 'invalid_status_change', 'status');
});

test('a person proposes their own objective with absolute bounds; their manager accepts; they may not open one they did not propose', async () => {
	const { member1, managerA } = fx.clients;
	const mine = (await ok(member1.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member1, title: 'Marie : 30 devis relancés par mois',
		direction: 'increase', baseline: 10, target: 30, start: '2027-01-01', due: '2027-03-31' }), 201)).id;
	const p = await ok(move(member1, mine, { kind: 'proposal', bounds: { low: 25, high: 35 },
		plan: [{ title: 'Lister les devis ouverts', due: '2027-01-10', done: false }] }), 201);
	assert.deepEqual([p.offer.target, p.offer.bounds.low, p.offer.bounds.high, p.offer.side],
		[30, 25, 35, 'owner']);
	assert.equal(p.offer.plan[0].title, 'Lister les devis ouverts');
	const a = await ok(move(managerA, mine, { kind: 'accept' }), 201);
	assert.deepEqual([a.agreements[0].owner.name, a.agreements[0].manager.name],
		['Marie Membre 1', 'Marc Manager A']);
	// the owner reopens an agreed objective through a proposal
	const r = await ok(move(member1, mine, { kind: 'proposal', target: 28,
		reason: 'Un mois de congé en février' }), 201);
	assert.deepEqual([r.status, r.offer.target, r.agreed.target, r.rounds.at(-1).kind],
		['proposed', 28, 30, 'reopen']);
	await refused(member1, mine, { kind: 'proposal', target: 27 }, 409, 'round_open', 'kind');
	// one that manager A drafted for her: the manager opens it
	const theirs = await draftForMarie();
	await refused(member1, theirs, { kind: 'proposal', bounds: { low_pct: 90, high_pct: 110 } },
		403, 'forbidden');
	await refused(managerA, theirs, { kind: 'accept' }, 409, 'no_open_round', 'kind');
});

test('bad proposals name their field and store nothing', async () => {
	const { managerA } = fx.clients;
	const id = await draftForMarie();
	const cases = [
		[{ kind: 'proposal', target: 73 }, 422, 'missing_field', 'bounds'],
		[{ kind: 'proposal', bounds: { low_pct: 120, high_pct: 130 } }, 422, 'invalid_value', 'bounds.low_pct'],
		[{ kind: 'proposal', bounds: { low_pct: 90, high_pct: 90 } }, 422, 'invalid_value', 'bounds.high_pct'],
		[{ kind: 'proposal', bounds: { low: 60, high_pct: 110 } }, 422, 'invalid_value', 'bounds'],
		[{ kind: 'proposal', bounds: { low: 60 } }, 422, 'missing_field', 'bounds.high'],
		[{ kind: 'proposal', bounds: { low: 75, high: 80 } }, 422, 'bounds_exclude_target', 'bounds.low'],
		[{ kind: 'proposal', bounds: { low: 60, high: 70 } }, 422, 'bounds_exclude_target', 'bounds.high'],
		[{ kind: 'proposal', target: 40, bounds: { low: 30, high: 50 } }, 422, 'target_direction', 'target'],
		[{ kind: 'proposal', bounds: { lo: 1 } }, 400, 'unknown_field', 'bounds.lo'],
		[{ kind: 'proposal', means: { budget: -5 }, bounds: { low: 60, high: 80 } }, 422, 'invalid_value', 'means.budget'],
		[{ kind: 'proposal', plan: [{ due: '2027-01-01' }], bounds: { low: 60, high: 80 } }, 422, 'missing_field', 'plan[0].title'],
		[{ kind: 'haggle' }, 422, 'invalid_value', 'kind'],
		[{ kind: 'reopen' }, 422, 'invalid_value', 'kind'],
		[{ target: 73 }, 422, 'missing_field', 'kind'],
		[{ kind: 'proposal', target: '73' }, 400, 'invalid_type', 'target'],
		[{ kind: 'proposal', mood: 'bon' }, 400, 'unknown_field', 'mood'],
		[{ kind: 'accept' }, 409, 'no_open_round', 'kind'],
	];
	for (const [body, status, code, field] of cases)
		await refused(managerA, id, body, status, code, field);
	const unknown = await move(managerA, 999999, { kind: 'accept' });
	assert.equal(unknown.status, 404);
	assert.equal((await rounds(managerA, id)).rounds.length, 0);
});

test('the team\'s totals add the agreed and the proposed targets under the team objective', async () => {
	const { managerA, member1 } = fx.clients;
	const before = (await rounds(managerA, fx.obj.I1)).totals;
	const a = await draftForMarie({ target: 60 });
	await ok(move(managerA, a, { kind: 'proposal', bounds: { low_pct: 90, high_pct: 110 } }), 201);
	const b = await draftForMarie({ target: 55 });
	await ok(move(managerA, b, { kind: 'proposal', bounds: { low_pct: 90, high_pct: 110 } }), 201);
	await ok(move(member1, b, { kind: 'accept' }), 201);
	const t = (await rounds(managerA, a)).totals;
	assert.equal(t.proposed, before.proposed + 60);
	assert.equal(t.agreed, before.agreed + 55);
	assert.equal(t.total, t.agreed + t.proposed);
	assert.equal(t.count_agreed, before.count_agreed + 1);
	assert.equal(t.unit, null);
});

test('achieved and missed follow the outcome measured at the due date; otherwise a reason, by a manager, audited', async () => {
	const { admin, managerA, member2 } = fx.clients;
	// January 2026 is over: 5 calls of 20
	const o = await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member2, title: 'Paul : 20 appels décrochés en janvier 2026',
		indicator: 'calls_handled', direction: 'increase', baseline: 0, target: 20,
		start: '2026-01-01', due: '2026-01-31' }), 201);
	const records = Array.from({ length: 5 }, (_, i) => ({ source_id: `neg-${i}`,
		person: String(fx.people.member2), at: `2026-01-0${i + 4}T10:00:00Z`, fields: { answered: true } }));
	await ok(admin.post('/api/activity', { kind: 'call', records }));
	for (const st of ['proposed', 'agreed'])
		await ok(managerA.patch(`/api/objectives/${o.id}`, { status: st }));
	const trail = await auditTotal(admin);
	const r = await managerA.patch(`/api/objectives/${o.id}`, { status: 'achieved' });
	assert.equal(r.status, 422);
	assert.deepEqual([r.body.error.code, r.body.error.field], ['close_against_outcome', 'reason']);
	assert.match(r.body.error.message, /2026-01-31/);
	assert.equal(await auditTotal(admin), trail);
	assert.equal((await ok(admin.get(`/api/objectives/${o.id}`))).status, 'agreed');
	// the owner may not close it, with or without a reason
	const own = await member2.patch(`/api/objectives/${o.id}`, { status: 'achieved', reason: 'J\'ai fait mieux' });
	assert.equal(own.status, 403);
	// what the measure says needs no reason
	await ok(managerA.patch(`/api/objectives/${o.id}`, { status: 'missed' }));
	await ok(managerA.patch(`/api/objectives/${o.id}`, { status: 'agreed' }));
	// against it, a manager with a written reason; audited as "close"
	const closed = await ok(managerA.patch(`/api/objectives/${o.id}`, { status: 'achieved',
		reason: 'Les appels du 2e numéro ne sont pas encore importés' }));
	assert.equal(closed.status, 'achieved');
	const audit = await ok(admin.get(`/api/objectives/${o.id}/audit`));
	const close = audit.items.find((x) => x.action === 'close' && x.after.status === 'achieved');
	assert.ok(close, 'the close is audited');
	assert.deepEqual([close.after.outcome, close.after.attainment, close.after.measured_on],
		['missed', 0.25, '2026-01-31']);
	assert.equal(close.after.reason, 'Les appels du 2e numéro ne sont pas encore importés');
	// a closed objective keeps its terms
	const terms = await managerA.patch(`/api/objectives/${o.id}`, { target: 5 });
	assert.deepEqual([terms.status, terms.body.error.code, terms.body.error.field], [409, 'conflict', 'target']);
	// nothing closes before its due date without a reason
	for (const st of ['proposed', 'agreed'])
		await ok(managerA.patch(`/api/objectives/${fx.obj.I2}`, { status: st }));
	const early = await managerA.patch(`/api/objectives/${fx.obj.I2}`, { status: 'missed', reason: '  ' });
	assert.deepEqual([early.status, early.body.error.code, early.body.error.field], [422, 'close_early', 'reason']);
	assert.match(early.body.error.message, /2027-06-30/);
	await ok(managerA.patch(`/api/objectives/${fx.obj.I2}`, { status: 'missed', reason: 'Paul change de poste en mars' }));
	// a reason is a change's, not a new objective's
	const create = await admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member2, title: 'x', reason: 'y' });
	assert.deepEqual([create.status, create.body.error.field], [400, 'reason']);
});

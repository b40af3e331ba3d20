// Reviews (issue 12, item 1): a year's or a quarter's look back written by
// the person and their manager, each assessment hidden from the other until
// both are submitted, signed by both, read-only after, reopened as a new
// version, printed as a PDF, and next year's objectives drafted from it.
// Bad input is refused with a clear error and writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditTotal, dbQuery, ok, startFixture } from './harness.mjs';

let fx;
const obj = {};

before(async () => {
	fx = await startFixture();
	const admin = fx.clients.admin;
	const mk = async (key, body) => {
		obj[key] = (await ok(admin.post('/api/objectives', { level: 'individual',
			parent_id: fx.obj.CA, owner_person_id: fx.people.member1, indicator: 'calls_handled',
			unit: 'appels', direction: 'increase', start: '2026-01-01', due: '2026-11-30',
			...body }), 201)).id;
	};
	// 12 calls answered in March 2026: 10 is achieved, 1 200 is 1 % there, 20 from June is missed
	await mk('Won', { title: 'Marie : 10 appels décrochés en 2026', baseline: 0, target: 10 });
	await mk('Part', { title: 'Marie : 1 200 appels décrochés en 2026', baseline: 0, target: 1200 });
	await mk('Miss', { title: 'Marie : 20 appels décrochés de juin à novembre', baseline: 0,
		target: 20, start: '2026-06-01' });
	// another period's objective is not in the 2026 review
	await mk('Later', { title: 'Marie : 30 appels en 2027', baseline: 0, target: 30,
		start: '2027-01-01', due: '2027-03-31' });
	const records = Array.from({ length: 12 }, (_, i) => ({ source_id: `rv-${i}`,
		person: String(fx.people.member1), at: `2026-03-${String(i + 2).padStart(2, '0')}T10:00:00Z`,
		fields: { answered: true } }));
	await ok(admin.post('/api/activity', { kind: 'call', records }));
});
after(async () => { await fx.server.stop(); });

const byTitle = (r) => Object.fromEntries(r.objectives.map((o) => [o.objective_id, o]));

async function unchanged(fn) {
	const admin = fx.clients.admin;
	const before = await auditTotal(admin);
	const rows = dbQuery(fx.server.db, 'SELECT count(*) AS n FROM review')[0].n;
	const r = await fn();
	assert.equal(await auditTotal(admin), before, 'no audit row');
	assert.equal(dbQuery(fx.server.db, 'SELECT count(*) AS n FROM review')[0].n, rows, 'no review row');
	return r;
}

test('a yearly review of member1: outcomes as measured, assessments hidden until both are submitted, both sign, read-only after', async () => {
	const { managerA, member1, managerB, member2, hr, admin } = fx.clients;
	const r = await ok(managerA.post('/api/reviews', { person_id: fx.people.member1,
		period: 'year', year: 2026 }), 201);
	assert.deepEqual([r.start, r.end, r.status, r.version, r.my_side, r.reviewee_id, r.manager_id],
		['2026-01-01', '2026-12-31', 'writing', 1, 'manager', fx.people.member1, fx.people.managerA]);
	const o = byTitle(r);
	assert.deepEqual(Object.keys(o).map(Number).sort(), [obj.Won, obj.Part, obj.Miss].sort());
	assert.deepEqual([o[obj.Won].outcome, o[obj.Won].value, o[obj.Won].attainment], ['achieved', 12, 1.2]);
	assert.deepEqual([o[obj.Part].outcome, o[obj.Part].value, o[obj.Part].attainment], ['partly', 12, 0.01]);
	assert.equal(o[obj.Miss].outcome, 'missed');
	assert.deepEqual([o[obj.Miss].value, o[obj.Miss].attainment], [0, 0]);
	// one current review per person and period
	const dup = await unchanged(() => member1.post('/api/reviews', { person_id: fx.people.member1,
		period: 'year', year: 2026 }));
	assert.equal(dup.status, 409);

	await ok(member1.patch(`/api/reviews/${r.id}`, { worked: 'Les relances du mardi.',
		not_worked: 'Le CRM lent en mars : les rappels ont pris du retard.', ideas: 'Un script d\'appel.',
		self_assessment: 'Une année réussie sur les volumes, à confirmer sur la qualité.' }));
	await ok(managerA.patch(`/api/reviews/${r.id}`, { manager_assessment: 'Marie a dépassé son objectif d\'appels.' }));
	// each sees their own assessment only
	let m = await ok(member1.get(`/api/reviews/${r.id}`));
	assert.equal(m.manager_assessment, null);
	assert.match(m.self_assessment, /réussie/);
	let g = await ok(managerA.get(`/api/reviews/${r.id}`));
	assert.equal(g.self_assessment, null);
	assert.equal((await ok(hr.get(`/api/reviews/${r.id}`))).self_assessment, null);
	assert.equal(g.worked, 'Les relances du mardi.');

	// writing the other side's part, or signing before both submitted: refused, nothing written
	let bad = await unchanged(() => member1.patch(`/api/reviews/${r.id}`, { manager_assessment: 'Parfait.' }));
	assert.deepEqual([bad.status, bad.body.error.code, bad.body.error.field], [403, 'forbidden', 'manager_assessment']);
	assert.match(bad.body.error.message, /l'appréciation de l'autre partie/);
	bad = await unchanged(() => managerA.post(`/api/reviews/${r.id}/sign`));
	assert.deepEqual([bad.status, bad.body.error.code], [409, 'conflict']);
	assert.match(bad.body.error.message, /les deux appréciations doivent d'abord être remises/);
	// a reader who is not a party (an admin above, hr) signs nothing; others do not see it
	for (const c of [admin, hr]) {
		bad = await unchanged(() => c.post(`/api/reviews/${r.id}/sign`));
		assert.deepEqual([bad.status, bad.body.error.code], [403, 'forbidden']);
		assert.match(bad.body.error.message, /signer ce bilan/);
	}
	for (const c of [managerB, member2])
		assert.equal((await unchanged(() => c.post(`/api/reviews/${r.id}/sign`))).status, 404);

	await ok(member1.post(`/api/reviews/${r.id}/submit`));
	m = await ok(member1.get(`/api/reviews/${r.id}`));
	assert.equal(m.manager_assessment, null, 'still hidden: the manager has not submitted');
	bad = await unchanged(() => member1.patch(`/api/reviews/${r.id}`, { self_assessment: 'Autre chose.' }));
	assert.equal(bad.status, 409);
	g = await ok(managerA.post(`/api/reviews/${r.id}/submit`));
	assert.equal(g.status, 'signing');
	assert.match(g.self_assessment, /réussie/);
	assert.match((await ok(member1.get(`/api/reviews/${r.id}`))).manager_assessment, /dépassé/);

	const s1 = await ok(member1.post(`/api/reviews/${r.id}/sign`));
	assert.equal(s1.reviewee_signature.name, 'Marie Membre 1');
	assert.equal((await unchanged(() => member1.post(`/api/reviews/${r.id}/sign`))).status, 409);
	bad = await unchanged(() => managerA.patch(`/api/reviews/${r.id}`, { ideas: 'Encore une idée.' }));
	assert.equal(bad.status, 409);
	assert.match(bad.body.error.message, /le bilan est signé : rouvrez-le pour le modifier/);
	const s2 = await ok(managerA.post(`/api/reviews/${r.id}/sign`));
	assert.deepEqual([s2.status, s2.manager_signature.name], ['signed', 'Marc Manager A']);
	assert.ok(s2.manager_signature.at >= s1.reviewee_signature.at);
	// the outcomes are kept as they were at signing
	const kept = JSON.parse(dbQuery(fx.server.db, `SELECT outcomes FROM review WHERE id = ${r.id}`)[0].outcomes);
	assert.equal(kept.length, 3);
	const trail = await ok(admin.get(`/api/audit?limit=500`));
	const mine = trail.items.filter((e) => e.entity === 'review' && e.entity_id === r.id).map((e) => e.action);
	assert.deepEqual(mine.sort(), ['create', 'sign', 'sign', 'submit', 'submit', 'write', 'write'].sort());
	obj.review = r.id;
});

test('the review as a PDF: the objectives and their outcomes, French accents, the organisation\'s formats; in English on asking', async () => {
	const r = await fx.clients.member1.get(`/api/reviews/${obj.review}/pdf`);
	assert.equal(r.status, 200);
	assert.equal(r.headers.get('content-type'), 'application/pdf');
	const dir = mkdtempSync(join(tmpdir(), 'cible-review-'));
	const read = async (client, q) => {
		const res = await fetch(`${fx.server.base}/api/reviews/${obj.review}/pdf${q}`,
			{ headers: { cookie: client.cookie } });
		assert.equal(res.status, 200);
		const file = join(dir, `r${q.length}.pdf`);
		writeFileSync(file, Buffer.from(await res.arrayBuffer()));
		// libharu 2.3's ToUnicode map draws a warning from poppler on stderr: the text reads right
		return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'] });
	};
	const fr = await read(fx.clients.member1, '');
	for (const s of ['Bilan annuel 2026', 'Marie Membre 1', 'Marc Manager A',
		'Marie : 10 appels décrochés en 2026', 'Marie : 1 200 appels décrochés en 2026',
		'atteint (120 %)', 'en partie (1 %)', 'manqué', 'Ce qui n\'a pas marché, et pourquoi',
		'Le CRM lent en mars', 'Période du 01/01/2026 au 31/12/2026', 'Signé par Marie Membre 1',
		'Signé par Marc Manager A', 'Une année réussie'])
		assert.ok(fr.includes(s), `the French PDF holds '${s}':\n${fr}`);
	// the target in the organisation's format (1 200, its space a narrow no-break one)
	assert.match(fr, /1[\u202f\u00a0 ]200 appels +12 appels +en partie/);
	const en = await read(fx.clients.member1, '?lang=en');
	for (const s of ['Yearly review 2026', 'achieved (120 %)', 'partly (1 %)', 'missed',
		'What did not work, and why', 'Signed by Marc Manager A', '01/01/2026'])
		assert.ok(en.includes(s), `the English PDF holds '${s}':\n${en}`);
	const other = await fx.clients.managerB.get(`/api/reviews/${obj.review}/pdf`);
	assert.equal(other.status, 404);
});

test('a signed review changes only through a reopened version, audited; the old one is kept', async () => {
	const { member1, managerA } = fx.clients;
	const bad = await unchanged(() => member1.post(`/api/reviews/${obj.review}/reopen`, { reason: ' ' }));
	assert.deepEqual([bad.status, bad.body.error.field], [422, 'reason']);
	const v2 = await ok(member1.post(`/api/reviews/${obj.review}/reopen`,
		{ reason: 'Les chiffres de novembre ont été corrigés.' }), 201);
	assert.deepEqual([v2.version, v2.previous_id, v2.status, v2.reopen_reason, v2.worked],
		[2, obj.review, 'writing', 'Les chiffres de novembre ont été corrigés.', 'Les relances du mardi.']);
	const v1 = await ok(managerA.get(`/api/reviews/${obj.review}`));
	assert.deepEqual([v1.status, v1.manager_signature.name], ['superseded', 'Marc Manager A']);
	assert.equal((await unchanged(() => managerA.patch(`/api/reviews/${obj.review}`, { ideas: 'x' }))).status, 409);
	assert.equal((await unchanged(() => managerA.post(`/api/reviews/${obj.review}/reopen`,
		{ reason: 'Encore' }))).status, 409);
	await ok(managerA.patch(`/api/reviews/${v2.id}`, { ideas: 'Un script d\'appel, testé en janvier.' }));
	const list = await ok(member1.get(`/api/reviews?person_id=${fx.people.member1}&current=true`));
	assert.deepEqual(list.items.map((x) => x.id), [v2.id]);
	const trail = await ok(fx.clients.admin.get('/api/audit?limit=500'));
	const reopen = trail.items.find((e) => e.entity === 'review' && e.entity_id === obj.review && e.action === 'reopen');
	assert.ok(reopen, 'the reopening is in the audit trail');
	obj.v2 = v2.id;
});

test('next year\'s objectives drafted from the signed review: kept, raised and new, as drafts', async () => {
	const { member1, managerA } = fx.clients;
	// the reopened version is not signed: nothing drafted from it
	assert.equal((await unchanged(() => managerA.post(`/api/reviews/${obj.v2}/drafts`,
		{ items: [{ objective_id: obj.Won }] }))).status, 409);
	// sign v2 again
	await ok(member1.post(`/api/reviews/${obj.v2}/submit`));
	await ok(managerA.post(`/api/reviews/${obj.v2}/submit`));
	await ok(member1.post(`/api/reviews/${obj.v2}/sign`));
	await ok(managerA.post(`/api/reviews/${obj.v2}/sign`));
	// the person does not draft; an objective from elsewhere is refused, nothing written
	assert.equal((await unchanged(() => member1.post(`/api/reviews/${obj.v2}/drafts`,
		{ items: [{ objective_id: obj.Won }] }))).status, 403);
	const bad = await unchanged(() => managerA.post(`/api/reviews/${obj.v2}/drafts`,
		{ items: [{ objective_id: obj.Won }, { objective_id: obj.Later, target: 40 }] }));
	assert.deepEqual([bad.status, bad.body.error.field], [422, 'items[1].objective_id']);
	const d = await ok(managerA.post(`/api/reviews/${obj.v2}/drafts`, { items: [
		{ objective_id: obj.Won }, { objective_id: obj.Part, target: 1300 },
		{ title: 'Marie : former deux nouveaux collègues en 2027' }] }), 201);
	assert.deepEqual(d.items.map((o) => [o.status, o.start, o.due, o.owner_person_id]),
		Array(3).fill(['draft', '2027-01-01', '2027-12-31', fx.people.member1]));
	assert.deepEqual(d.items.map((o) => o.target), [10, 1300, null]);
	assert.equal(d.items[0].indicator, 'calls_handled');
	assert.equal(d.items[2].title, 'Marie : former deux nouveaux collègues en 2027');
});

test('bad input: a period, a subject, a team without members\' lead, a text too long', async () => {
	const { managerA, member1 } = fx.clients;
	for (const [body, field] of [
		[{ person_id: fx.people.member1, period: 'month', year: 2026 }, 'period'],
		[{ person_id: fx.people.member1, period: 'quarter', year: 2026 }, 'quarter'],
		[{ person_id: fx.people.member1, period: 'quarter', year: 2026, quarter: 5 }, 'quarter'],
		[{ person_id: fx.people.member1, period: 'year', year: 1999 }, 'year'],
		[{ period: 'year', year: 2026 }, 'person_id'],
		[{ person_id: 999999, period: 'year', year: 2026 }, 'person_id']]) {
		const r = await unchanged(() => managerA.post('/api/reviews', body));
		assert.equal(r.status, 422, JSON.stringify(body));
		assert.equal(r.body.error.field, field, JSON.stringify(body));
	}
	const q = await ok(managerA.post('/api/reviews', { person_id: fx.people.member1,
		period: 'quarter', year: 2026, quarter: 4 }), 201);
	assert.deepEqual([q.start, q.end], ['2026-10-01', '2026-12-31']);
	const r = await unchanged(() => member1.patch(`/api/reviews/${q.id}`, { worked: 'x'.repeat(10001) }));
	assert.deepEqual([r.status, r.body.error.field], [422, 'worked']);
	const s = await unchanged(() => member1.post(`/api/reviews/${q.id}/submit`));
	assert.deepEqual([s.status, s.body.error.field], [422, 'self_assessment']);
});

test('a team\'s review: its collective objectives, its lead on the person\'s side', async () => {
	const { admin, managerA } = fx.clients;
	const r = await ok(admin.post('/api/reviews', { unit_id: fx.units.teamA, period: 'year', year: 2027 }), 201);
	assert.equal(r.subject, 'unit');
	assert.equal(r.reviewee_id, fx.people.managerA);
	assert.deepEqual(r.objectives.map((o) => o.objective_id), [fx.obj.CA]);
	assert.equal((await ok(managerA.get(`/api/reviews/${r.id}`))).my_side, 'reviewee');
});

test('the two parties writing at the same moment keep each other\'s part', async () => {
	const { managerA, member1 } = fx.clients;
	const q = await ok(managerA.post('/api/reviews', { person_id: fx.people.member1,
		period: 'quarter', year: 2026, quarter: 3 }), 201);
	await Promise.all([
		ok(member1.patch(`/api/reviews/${q.id}`, { self_assessment: 'Un été solide.', ideas: 'Idée A' })),
		ok(managerA.patch(`/api/reviews/${q.id}`, { manager_assessment: 'D\'accord.', worked: 'Les relances' }))]);
	const row = dbQuery(fx.server.db, `SELECT self_text, manager_text, ideas, worked FROM review WHERE id = ${q.id}`)[0];
	assert.deepEqual([row.self_text, row.manager_text, row.ideas, row.worked],
		['Un été solide.', 'D\'accord.', 'Idée A', 'Les relances']);
});

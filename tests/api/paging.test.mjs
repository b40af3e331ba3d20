// Lists proportional to the page (issue 17, item 4): GET /api/objectives
// pages by keyset (after= the previous page's next), answers a member from
// the indexes of what they may see, and counts a first page only. What each
// caller may see is computed here from the raw tables (the engine's own
// client, not cible), by the rule of core/access.c written again in JS.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dbQuery, ok, startFixture } from './harness.mjs';

let fx;
before(async () => {
	fx = await startFixture();
	// more objectives than a page holds, for each member and each team
	const mk = (body) => ok(fx.clients.admin.post('/api/objectives', {
		level: 'individual', direction: 'increase', baseline: 1, target: 2,
		start: '2027-01-01', due: '2027-12-31', ...body }), 201);
	const owners = [fx.people.member1, fx.people.member2, fx.people.member3, fx.people.managerA];
	for (let i = 0; i < 24; i++)
		await mk({ owner_person_id: owners[i % owners.length], parent_id: i % 2 ? fx.obj.CA : fx.obj.CB,
			title: `Objectif de paging numéro ${i} pour la personne ${i % owners.length}` });
	// team A gets more sub-units than the store reads as candidates
	// (SCOPE_UNITS_WIDE): manager A's list walks the organisation's index and
	// tests each row, manager B's reads the candidates; both are held below
	const cells = [];
	for (let i = 0; i < 34; i++)
		cells.push((await ok(fx.clients.admin.post('/api/units', { name: `Cellule ${i}`,
			kind: 'team', service: 'sales', parent_id: fx.units.teamA }), 201)).id);
	const sub = [fx.units.teamA, fx.units.teamB, fx.units.callCentre, cells[0], cells[33]];
	for (const [i, unit] of sub.entries())
		await mk({ level: 'collective', owner_unit_id: unit, parent_id: fx.obj.O,
			title: `Objectif collectif de paging numéro ${i}` });
});
after(async () => { await fx.server.stop(); });

// Who may read what, from the tables: admin and hr everything of their
// organisation; anyone their own, their unit's and its ancestors', the
// objectives above those; a manager too everything scoped in the units they
// lead and their subtrees (scope: the owning unit, else the owner's unit).
function visibleIds(personId) {
	const db = fx.server.db;
	const me = dbQuery(db, `SELECT id, org_id, unit_id, role FROM person WHERE id = ${personId}`)[0];
	const objs = dbQuery(db, `SELECT o.id, o.parent_id, o.owner_person_id, o.owner_unit_id,
		coalesce(o.owner_unit_id, p.unit_id) AS scope FROM objective o
		LEFT JOIN person p ON p.id = o.owner_person_id WHERE o.org_id = ${me.org_id} ORDER BY o.id`);
	if (me.role === 'admin' || me.role === 'hr')
		return objs.map((o) => o.id);
	const units = dbQuery(db, `SELECT id, parent_id, lead_id FROM unit WHERE org_id = ${me.org_id}`);
	const unitById = new Map(units.map((u) => [u.id, u]));
	const chain = new Set();
	for (let u = me.unit_id; u; u = unitById.get(u)?.parent_id) chain.add(u);
	const managed = new Set();
	if (me.role === 'manager') {
		const add = (id) => {
			managed.add(id);
			for (const u of units) if (u.parent_id === id && !managed.has(u.id)) add(u.id);
		};
		for (const u of units) if (u.lead_id === me.id) add(u.id);
	}
	const byId = new Map(objs.map((o) => [o.id, o]));
	const above = new Set();
	for (const o of objs)
		if (o.owner_person_id === me.id || chain.has(o.owner_unit_id))
			for (let p = o.parent_id; p && !above.has(p); p = byId.get(p)?.parent_id) above.add(p);
	return objs.filter((o) => o.owner_person_id === me.id || managed.has(o.scope) ||
		(o.owner_unit_id && chain.has(o.owner_unit_id)) || above.has(o.id)).map((o) => o.id);
}

// Every page of a list by keyset, as a client walks it.
async function walk(client, query, limit, between = async () => {}) {
	const seen = [];
	let first = null, cursor = null, pages = 0;
	do {
		const q = `/api/objectives?limit=${limit}${query}${cursor ? `&after=${cursor}` : ''}`;
		const page = await ok(client.get(q));
		if (!first) first = page;
		else assert.equal(page.total, null, 'a page after a cursor is not counted');
		assert.ok(page.items.length <= limit);
		if (page.next !== null) {
			assert.equal(page.items.length, limit, 'only a full page has a next one');
			assert.equal(page.next, page.items.at(-1).id);
		}
		seen.push(...page.items.map((o) => o.id));
		cursor = page.next;
		pages++;
		await between(pages);
	} while (cursor);
	return { seen, first, pages };
}

describe('keyset pages of GET /api/objectives', () => {
	test('each caller walks exactly what they may read, once each, in id order', async () => {
		for (const who of ['admin', 'hr', 'managerA', 'managerB', 'member1', 'member2', 'member3']) {
			const expected = visibleIds(fx.clients[who].me.id);
			const { seen, first } = await walk(fx.clients[who], '', 5);
			assert.deepEqual(seen, expected, who);
			assert.equal(first.total, expected.length, `${who}'s first page counts every match`);
		}
	});

	test('a member never sees another member\'s objectives on any page', async () => {
		const mine = await walk(fx.clients.member1, '', 3);
		const owners = dbQuery(fx.server.db, `SELECT id, owner_person_id FROM objective
			WHERE owner_person_id IS NOT NULL`);
		const others = new Set(owners.filter((o) => o.owner_person_id !== fx.people.member1)
			.map((o) => o.id));
		assert.ok(mine.seen.length > 6, 'member1 has several pages');
		assert.deepEqual(mine.seen.filter((id) => others.has(id)), []);
		// nor through the filters the pages use
		const theirs = await walk(fx.clients.member1, `&owner=${fx.people.member2}`, 3);
		assert.deepEqual(theirs.seen, []);
		assert.equal(theirs.first.total, 0);
	});

	test('pages cover every visible objective exactly once while objectives are added', async () => {
		const mk = (owner, i) => ok(fx.clients.admin.post('/api/objectives', {
			level: 'individual', owner_person_id: owner, parent_id: fx.obj.CA, direction: 'increase',
			baseline: 1, target: 3, start: '2027-01-01', due: '2027-12-31',
			title: `Objectif ajouté pendant la lecture ${i}` }), 201);
		for (const who of ['managerA', 'member1']) {
			const me = fx.clients[who].me.id;
			const before_ = visibleIds(me);
			let added = 0;
			const { seen } = await walk(fx.clients[who], '', 4, async (page) => {
				// between pages, two writers at once: one for the reader, one for another
				await Promise.all([mk(me, `${who}-${page}-a`),
					mk(fx.people.member3, `${who}-${page}-b`)]);
				added++;
			});
			assert.ok(added >= 3, 'objectives were added during the walk');
			assert.equal(new Set(seen).size, seen.length, `${who}: no objective twice`);
			assert.deepEqual([...seen].sort((a, b) => a - b), seen, `${who}: id order`);
			const missing = before_.filter((id) => !seen.includes(id));
			assert.deepEqual(missing, [], `${who}: every objective there before is on a page`);
			const now = new Set(visibleIds(me));
			assert.deepEqual(seen.filter((id) => !now.has(id)), [], `${who}: nothing unreadable`);
			// what was added behind the cursor shows on the pages still to come
			assert.ok(seen.length > before_.length, `${who}: the additions ahead of the cursor`);
		}
	});

	test('the filters the pages use, combined with the cursor, match the tables', async () => {
		const db = fx.server.db;
		const ids = (sql) => dbQuery(db, sql).map((r) => r.id);
		const org = dbQuery(db, `SELECT org_id FROM person WHERE id = ${fx.people.admin}`)[0].org_id;
		// unit=: scoped in the unit's subtree
		const units = dbQuery(db, `SELECT id, parent_id FROM unit WHERE org_id = ${org}`);
		const subtree = (id) => [id, ...units.filter((u) => u.parent_id === id)
			.flatMap((u) => subtree(u.id))].join(', ');
		const cases = [
			[`&owner=${fx.people.member2}`, ids(`SELECT id FROM objective
				WHERE owner_person_id = ${fx.people.member2} ORDER BY id`)],
			[`&owner_unit=${fx.units.teamA}`, ids(`SELECT id FROM objective
				WHERE owner_unit_id = ${fx.units.teamA} ORDER BY id`)],
			[`&unit=${fx.units.teamA}`, ids(`SELECT o.id FROM objective o
				LEFT JOIN person p ON p.id = o.owner_person_id
				WHERE coalesce(o.owner_unit_id, p.unit_id) IN (${subtree(fx.units.teamA)}) ORDER BY o.id`)],
			[`&unit=${fx.units.company}`, ids(`SELECT o.id FROM objective o
				LEFT JOIN person p ON p.id = o.owner_person_id
				WHERE coalesce(o.owner_unit_id, p.unit_id) IN (${subtree(fx.units.company)}) ORDER BY o.id`)],
			['&level=collective', ids(`SELECT id FROM objective WHERE org_id = ${org}
				AND level = 'collective' ORDER BY id`)],
			[`&parent=${fx.obj.CA}&level=individual`, ids(`SELECT id FROM objective
				WHERE parent_id = ${fx.obj.CA} AND level = 'individual' ORDER BY id`)],
		];
		for (const [q, expected] of cases) {
			assert.ok(expected.length > 0, q);
			const { seen, first } = await walk(fx.clients.admin, q, 4);
			assert.deepEqual(seen, expected, q);
			assert.equal(first.total, expected.length, q);
		}
		// a manager's filtered walk is the filter within what they may read
		const mayA = new Set(visibleIds(fx.people.managerA));
		const unitB = await walk(fx.clients.managerA, `&unit=${fx.units.teamB}`, 4);
		const expectedB = ids(`SELECT o.id FROM objective o LEFT JOIN person p ON p.id = o.owner_person_id
			WHERE coalesce(o.owner_unit_id, p.unit_id) IN (${subtree(fx.units.teamB)}) ORDER BY o.id`)
			.filter((id) => mayA.has(id));
		assert.deepEqual(unitB.seen, expectedB);
	});

	test('the offset form is kept and gives the same rows as the keyset', async () => {
		const { seen } = await walk(fx.clients.managerA, '', 6);
		const byOffset = [];
		for (let offset = 0; ; offset += 6) {
			const page = await ok(fx.clients.managerA.get(`/api/objectives?limit=6&offset=${offset}`));
			assert.equal(page.total, seen.length);
			assert.equal(page.offset, offset);
			byOffset.push(...page.items.map((o) => o.id));
			if (page.next === null) break;
		}
		assert.deepEqual(byOffset, seen);
	});

	test('a cursor with an offset, or not an id, is refused naming the parameter', async () => {
		const both = await fx.clients.member1.get(`/api/objectives?after=${fx.obj.S}&offset=2`);
		assert.equal(both.status, 400);
		assert.equal(both.body.error.code, 'invalid_query');
		assert.equal(both.body.error.field, 'offset');
		assert.match(both.body.error.message, /offset ou after/);
		for (const bad of ['0', '-1', 'abc', '1.5']) {
			const r = await fx.clients.member1.get(`/api/objectives?after=${bad}`);
			assert.equal(r.status, 400, bad);
			assert.equal(r.body.error.field, 'after', bad);
		}
		const en = await fx.clients.member1.get(`/api/objectives?after=${fx.obj.S}&offset=2`,
			{ headers: { 'accept-language': 'en' } });
		assert.match(en.body.error.message, /either offset or after, not both/);
	});

	test('a cursor past the last objective gives an empty last page', async () => {
		const last = (await walk(fx.clients.admin, '', 500)).seen.at(-1);
		const page = await ok(fx.clients.admin.get(`/api/objectives?after=${last}`));
		assert.deepEqual(page.items, []);
		assert.equal(page.next, null);
		assert.equal(page.total, null);
	});
});

describe('a big unit\'s dashboard by pages of members', () => {
	const strip = (m) => ({ person: m.person.id, objectives: m.objectives.map((o) => o.objective?.id ?? o.id) });

	test('the pages of members are the whole dashboard\'s members, in order, each once', async () => {
		const path = `/api/units/${fx.units.company}/dashboard?today=2027-03-15`;
		const whole = await ok(fx.clients.admin.get(path));
		const db = fx.server.db;
		const org = dbQuery(db, `SELECT org_id FROM unit WHERE id = ${fx.units.company}`)[0].org_id;
		const active = dbQuery(db, `SELECT count(*) AS n FROM person WHERE org_id = ${org}
			AND active <> 0 AND unit_id IS NOT NULL`)[0].n;
		assert.equal(whole.members_total, active);
		assert.equal(whole.members.length, active);
		const paged = [];
		let late = 0;
		for (let offset = 0; offset < whole.members_total; offset += 3) {
			const page = await ok(fx.clients.admin.get(`${path}&limit=3&offset=${offset}`));
			assert.equal(page.members_total, whole.members_total);
			assert.ok(page.members.length <= 3);
			paged.push(...page.members);
			late += page.late_checkins;
		}
		assert.deepEqual(paged.map(strip), whole.members.map(strip));
		// each member's figures are the same measured alone on their page
		assert.deepEqual(paged, whole.members);
		assert.equal(late, whole.late_checkins);
	});

	test('a page keeps the collective objectives of the unit and the units right under it', async () => {
		const path = `/api/units/${fx.units.company}/dashboard?today=2027-03-15`;
		const whole = await ok(fx.clients.admin.get(path));
		const page = await ok(fx.clients.admin.get(`${path}&limit=2`));
		const db = fx.server.db;
		const near = new Set(dbQuery(db, `SELECT id FROM unit WHERE id = ${fx.units.company}
			OR parent_id = ${fx.units.company}`).map((r) => r.id));
		const expected = whole.collective.filter((c) => near.has(c.objective?.owner_unit_id ?? c.owner_unit_id));
		assert.ok(expected.length > 0 && expected.length < whole.collective.length,
			'the fixture has near and far collective objectives');
		assert.deepEqual(page.collective, expected);
		// a manager's page holds only what they may read
		const mgr = await ok(fx.clients.managerA.get(`/api/units/${fx.units.teamA}/dashboard?limit=1`));
		const may = new Set(visibleIds(fx.people.managerA));
		for (const m of mgr.members)
			for (const o of m.objectives) assert.ok(may.has(o.objective?.id ?? o.id));
		assert.equal(mgr.members.length, 1);
	});

	test('a bad page size is refused naming the parameter', async () => {
		for (const q of ['limit=0', 'limit=501', 'offset=-1', 'limit=x']) {
			const r = await fx.clients.admin.get(`/api/units/${fx.units.company}/dashboard?${q}`);
			assert.equal(r.status, 400, q);
			assert.equal(r.body.error.field, q.split('=')[0], q);
		}
	});
});

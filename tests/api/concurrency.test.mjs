// Optimistic concurrency on objectives: every objective carries a version (1
// when made, one more at every change), given as its ETag. A PATCH or a
// cancel with If-Match naming an older version is refused with 412
// stale_version and the current version (error.current_version and the
// ETag header), and writes nothing. Then 32 writers at once on one
// objective, each reading it and writing it back with If-Match until it
// goes through: no update is lost and no answer is a 5xx. On both stores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { auditTotal, ok, startFixture } from './harness.mjs';

let fx;
// 32 request threads, so that the 32 writers are 32 transactions at once on
// the database, not 4 threads' worth in turn
before(async () => {
	process.env.CIBLE_THREADS = '32';
	try { fx = await startFixture(); } finally { delete process.env.CIBLE_THREADS; }
});
after(async () => { await fx?.server.stop(); });

const etag = (r) => r.headers.get('etag');

test('an objective gives its version as the ETag; If-Match with it goes through, a stale one is 412 with the current version and writes nothing', async () => {
	const { admin } = fx.clients;
	const path = `/api/objectives/${fx.obj.I2}`;
	const got = await admin.get(path);
	assert.equal(got.status, 200);
	const v = got.body.version;
	assert.ok(Number.isInteger(v) && v >= 1);
	assert.equal(etag(got), `"${v}"`);

	const w = await admin.patch(path, { title: 'Paul : traiter 36 rappels par jour' },
		{ headers: { 'if-match': `"${v}"` } });
	assert.equal(w.status, 200, w.text);
	assert.equal(w.body.version, v + 1);
	assert.equal(etag(w), `"${v + 1}"`);

	// the writer who read version v writes again: refused, told where it is
	const n0 = await auditTotal(admin);
	const stale = await admin.patch(path, { title: 'écrit sur une version ancienne' },
		{ headers: { 'if-match': `"${v}"` } });
	assert.equal(stale.status, 412, stale.text);
	assert.equal(stale.body.error.code, 'stale_version');
	assert.equal(stale.body.error.current_version, v + 1);
	assert.equal(etag(stale), `"${v + 1}"`);
	assert.match(stale.body.error.message, new RegExp(`version ${v + 1}`));
	const en = await admin.patch(path, { title: 'x' },
		{ headers: { 'if-match': `"${v}"`, 'accept-language': 'en' } });
	assert.equal(en.status, 412);
	assert.match(en.body.error.message, /has changed since you read it/);
	const now = await ok(admin.get(path));
	assert.equal(now.title, 'Paul : traiter 36 rappels par jour');
	assert.equal(now.version, v + 1);
	assert.equal(await auditTotal(admin), n0, 'a stale write writes nothing, not even its audit');

	// a list of tags: one of them is enough; * and no header: no condition
	const listed = await admin.patch(path, { confidence: 0.5 },
		{ headers: { 'if-match': `"${v}", "${v + 1}"` } });
	assert.equal(listed.status, 200, listed.text);
	assert.equal(listed.body.version, v + 2);
	const any = await admin.patch(path, { confidence: 0.6 }, { headers: { 'if-match': '*' } });
	assert.equal(any.status, 200, any.text);
	const blind = await ok(admin.patch(path, { confidence: 0.7 }));
	assert.equal(blind.version, v + 4);
	// a weak tag never matches (If-Match compares strongly), nor a tag of another kind
	for (const tag of [`W/"${v + 4}"`, '"abc"']) {
		const r = await admin.patch(path, { confidence: 0.8 }, { headers: { 'if-match': tag } });
		assert.equal(r.status, 412, `${tag}: ${r.text}`);
		assert.equal(r.body.error.current_version, v + 4);
	}
	// not a list of tags at all: 400 naming the header
	for (const bad of ['3', '"3" x', '*, "3"', '"3']) {
		const r = await admin.patch(path, { confidence: 0.8 }, { headers: { 'if-match': bad } });
		assert.equal(r.status, 400, `${bad}: ${r.text}`);
		assert.equal(r.body.error.code, 'invalid_header');
		assert.equal(r.body.error.field, 'If-Match');
	}
	assert.equal((await ok(admin.get(path))).version, v + 4);
});

test('cancel takes If-Match too; access is decided before the version', async () => {
	const { admin, member1, managerA } = fx.clients;
	const made = await admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member2, title: 'Paul : 10 ventes croisées par mois',
		direction: 'increase', baseline: 2, target: 10, start: '2027-02-01', due: '2027-06-30' });
	assert.equal(made.status, 201, made.text);
	assert.equal(made.body.version, 1);
	assert.equal(etag(made), '"1"');
	const path = `/api/objectives/${made.body.id}`;
	await ok(managerA.patch(path, { target: 12 }));  // now at 2
	// member1 may read (same team) but not change it: 403, whatever the version
	const denied = await member1.post(`${path}/cancel`, undefined, { headers: { 'if-match': '"1"' } });
	assert.ok([403, 404].includes(denied.status), denied.text);
	const stale = await admin.post(`${path}/cancel`, undefined, { headers: { 'if-match': '"1"' } });
	assert.equal(stale.status, 412, stale.text);
	assert.equal(stale.body.error.current_version, 2);
	assert.notEqual((await ok(admin.get(path))).status, 'cancelled');
	const done = await admin.post(`${path}/cancel`, undefined, { headers: { 'if-match': '"2"' } });
	assert.equal(done.status, 200, done.text);
	assert.equal(done.body.status, 'cancelled');
	assert.equal(done.body.version, 3);
});

test('32 writers at once on one objective, each read-modify-write with If-Match: no update lost, no 5xx', async () => {
	const { admin } = fx.clients;
	const path = `/api/objectives/${fx.obj.I3}`;
	const start = await ok(admin.get(path));
	const WRITERS = 32;
	const statuses = {};
	const count = (s) => { statuses[s] = (statuses[s] || 0) + 1; };
	// each writer adds its own step to the action plan: a lost update would
	// drop another writer's step
	const writer = async (i) => {
		for (let round = 0; round < 200; round++) {
			const r = await admin.get(path);
			count(r.status);
			assert.equal(r.status, 200, r.text);
			const plan = [...r.body.plan, { title: `étape du rédacteur ${i}`, due: '2027-03-01', done: false }];
			const w = await admin.patch(path, { plan }, { headers: { 'if-match': etag(r) } });
			count(w.status);
			if (w.status === 200) return round;
			assert.equal(w.status, 412, w.text);
			assert.equal(w.body.error.code, 'stale_version');
		}
		throw new Error(`writer ${i} never got through`);
	};
	const rounds = await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
	const end = await ok(admin.get(path));
	assert.deepEqual(Object.keys(statuses).filter((s) => s >= 500), [],
		`no 5xx: ${JSON.stringify(statuses)}`);
	assert.equal(end.version, start.version + WRITERS, JSON.stringify(statuses));
	const titles = end.plan.map((s) => s.title).filter((t) => t.startsWith('étape du rédacteur'));
	assert.equal(titles.length, WRITERS, 'every writer\'s step is there, once');
	assert.equal(new Set(titles).size, WRITERS);
	assert.ok(Math.max(...rounds) > 0, 'the writers did meet (some were told their read was stale)');

	// and 32 blind writes at once (no If-Match): each is applied, none is a 5xx
	const blind = await Promise.all(Array.from({ length: WRITERS },
		(_, i) => admin.patch(path, { confidence: (i + 1) / 100 })));
	for (const r of blind) assert.equal(r.status, 200, r.text);
	assert.equal((await ok(admin.get(path))).version, end.version + WRITERS);
});

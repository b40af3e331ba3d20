// Kept principals and the dashboard's ETag (issue 17, item 3): a server keeps
// each session's and token's reach while the organisation's generation holds
// (migration 21); a change made on this server or on another one sharing the
// database ends it at once. The team dashboard answers 304 to its own ETag.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { CIBLE_BIN, Client, EMAILS, ok, startFixture } from './harness.mjs';

let fx, second;

// A second server on the same database, as a second machine would be.
async function startSecond(db) {
	const child = spawn(CIBLE_BIN, ['serve', '--db', db, '--port', '0', '--log-level', 'warn'],
		{ stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	const exited = new Promise((res) => child.on('close', (code) => res(code)));
	const base = await new Promise((res, rej) => {
		const timer = setTimeout(() => rej(new Error(`second server did not start:\n${stderr}`)), 15000);
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
			const m = /cible: listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
			if (m) { clearTimeout(timer); res(m[1]); }
		});
	});
	return { base, async stop() { child.kill('SIGTERM'); assert.equal(await exited, 0, stderr); } };
}

before(async () => {
	fx = await startFixture();
	second = await startSecond(fx.server.db);
});
after(async () => { await second.stop(); await fx.server.stop(); });

const on = (base, c) => new Client(base, { cookie: c.cookie, csrf: c.csrf, token: c.token });

describe('a kept principal lasts until a change ends it', () => {
	test('a revoked token is refused at once, on this server and on the other', async () => {
		const made = await ok(fx.clients.member1.post('/api/tokens', { name: 'kept' }), 201);
		const here = fx.server.tokenClient(made.token);
		const there = new Client(second.base, { token: made.token });
		for (let i = 0; i < 3; i++) {  // kept by both
			await ok(here.get(`/api/objectives/${fx.obj.I1}`));
			await ok(there.get(`/api/objectives/${fx.obj.I1}`));
		}
		await ok(fx.clients.member1.delete(`/api/tokens/${made.id}`));
		assert.equal((await here.get(`/api/objectives/${fx.obj.I1}`)).status, 401);
		assert.equal((await there.get(`/api/objectives/${fx.obj.I1}`)).status, 401);
	});

	test('a member made a team\'s lead gets its reach at once, on both servers', async () => {
		const m3 = await fx.server.login(EMAILS.member3);
		const there = on(second.base, m3);
		const path = `/api/units/${fx.units.teamA}/dashboard`;
		assert.equal((await m3.get(path)).status, 403);
		assert.equal((await there.get(path)).status, 403);
		// a change of role ends the person's sessions (as before kept principals)
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member3}`, { role: 'manager' }));
		assert.equal((await m3.get(path)).status, 401);
		assert.equal((await there.get(path)).status, 401);
		const n3 = await fx.server.login(EMAILS.member3);
		const there3 = on(second.base, n3);
		assert.equal((await n3.get(path)).status, 403);
		assert.equal((await there3.get(path)).status, 403);
		// a unit's lead changes without ending sessions: the kept reach follows
		await ok(fx.clients.admin.patch(`/api/units/${fx.units.teamA}`, { lead_id: fx.people.member3 }));
		await ok(n3.get(path));
		await ok(there3.get(path));
		// and is lost as soon as it is given back
		await ok(fx.clients.admin.patch(`/api/units/${fx.units.teamA}`, { lead_id: fx.people.managerA }));
		assert.equal((await n3.get(path)).status, 403);
		assert.equal((await there3.get(path)).status, 403);
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member3}`, { role: 'member' }));
	});

	test('a deactivated person\'s session ends at once, on both servers', async () => {
		const m2 = await fx.server.login(EMAILS.member2);
		const there = on(second.base, m2);
		await ok(m2.get('/api/me'));
		await ok(there.get('/api/me'));
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member2}`, { active: false }));
		assert.equal((await m2.get('/api/me')).status, 401);
		assert.equal((await there.get('/api/me')).status, 401);
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member2}`, { active: true }));
	});

	test('a logout on one server ends the session on the other', async () => {
		const m1 = await fx.server.login(EMAILS.member1);
		const there = on(second.base, m1);
		await ok(there.get('/api/me'));
		await ok(m1.post('/api/logout', {}));
		assert.equal((await there.get('/api/me')).status, 401);
	});
});

describe('the team dashboard\'s ETag', () => {
	test('304 without a body while unchanged, 200 with a new ETag after a change', async () => {
		const path = `/api/units/${fx.units.teamA}/dashboard?today=2027-03-01`;
		const a = await fx.clients.managerA.get(path);
		assert.equal(a.status, 200, a.text);
		const etag = a.headers.get('etag');
		assert.match(etag, /^"[0-9a-f]{24}"$/);
		const b = await fx.clients.managerA.get(path, { headers: { 'if-none-match': etag } });
		assert.equal(b.status, 304);
		assert.equal(b.text, '');
		const other = await fx.clients.managerA.get(path, { headers: { 'if-none-match': '"0000"' } });
		assert.equal(other.status, 200);
		assert.equal(other.text, a.text);
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member2}`, { name: 'Paul Membre Deux' }));
		const c = await fx.clients.managerA.get(path, { headers: { 'if-none-match': etag } });
		assert.equal(c.status, 200);
		assert.notEqual(c.headers.get('etag'), etag);
		assert.match(c.text, /Paul Membre Deux/);
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member2}`, { name: 'Paul Membre 2' }));
	});
});

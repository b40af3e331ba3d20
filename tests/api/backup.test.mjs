// Backups: `cible backup` copies the database while the server keeps writing,
// `cible restore` puts the copy into a new database, and a second server on
// it answers every objective exactly as the first; bad input is refused.
// These are SQLite's backups (a file by its online backup API): on
// PostgreSQL, backups are the server's own tools' (pg_dump, pg_basebackup),
// and cible says so instead of making one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CIBLE_BIN, Client, STORE, freshDb, ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

function cible(args) {
	return spawnSync(CIBLE_BIN, args, { encoding: 'utf8' });
}

// a second `cible serve` on an existing database; returns { base, stop }
async function serve(db) {
	const child = spawn(CIBLE_BIN, ['serve', '--db', db, '--port', '0', '--log-level', 'warn'],
		{ stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	const exited = new Promise((res) => child.on('close', (code) => res(code)));
	const base = await new Promise((res, rej) => {
		const timer = setTimeout(() => rej(new Error(`no listen:\n${stderr}`)), 15000);
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (c) => {
			stderr += c;
			const m = /cible: listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
			if (m) { clearTimeout(timer); res(m[1]); }
		});
	});
	return {
		base,
		async stop() {
			child.kill('SIGTERM');
			const code = await exited;
			assert.equal(code, 0, `second server exited with ${code}:\n${stderr}`);
		},
	};
}

async function everyObjective(client) {
	const list = await ok(client.get('/api/objectives?limit=500'));
	const out = {};
	for (const o of list.items)
		out[o.id] = await ok(client.get(`/api/objectives/${o.id}`));
	return out;
}

if (STORE === 'postgres') test('on PostgreSQL, backup and restore send to the server\'s own tools, and write nothing', async () => {
	const bak = join(fx.server.dir, 'copy.bak');
	const b = cible(['backup', '--db', fx.server.db, '--to', bak]);
	assert.equal(b.status, 1);
	assert.match(b.stderr, /does not back up a postgres database: use the server's own tools \(pg_dump/);
	assert.doesNotMatch(b.stderr, /postgres:\/\//, 'the setting is not echoed');
	assert.ok(!existsSync(bak) && !existsSync(`${bak}.partial`));
});

if (STORE === 'sqlite') test('a backup taken while check-ins are written restores into a server that answers every objective the same', async () => {
	const { admin, member1 } = fx.clients;
	const id = fx.obj.I1;
	const countCheckins = async (c) => (await ok(c.get(`/api/objectives/${id}/checkins?limit=1`))).total;
	const before0 = await countCheckins(admin);
	// writers: check-ins in a loop until told to stop
	let stop = false, written = 0;
	const writer = (async () => {
		while (!stop) {
			await ok(member1.post(`/api/objectives/${id}/checkins`, { comment: `point ${written}` }), 201);
			written++;
		}
	})();
	while (written < 5) await new Promise((r) => setTimeout(r, 10));
	const bak = join(fx.server.dir, 'copy.bak');
	const b = cible(['backup', '--db', fx.server.db, '--to', bak]);
	assert.equal(b.status, 0, b.stderr);
	while (written < 15) await new Promise((r) => setTimeout(r, 10));
	stop = true;
	await writer;
	assert.ok(existsSync(bak) && !existsSync(`${bak}.partial`));
	const restored = join(fx.server.dir, 'restored.db');
	const r = cible(['restore', '--from', bak, '--db', restored]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /restored from/);

	const second = await serve(restored);
	try {
		const c2 = new Client(second.base);
		const login = await c2.post('/api/login', { email: fx.server.adminEmail,
			password: process.env.CIBLE_PASSWORD || 'cible-test-password' });
		assert.equal(login.status, 200, login.text);
		c2.cookie = (login.headers.get('set-cookie') || '').split(';')[0];
		c2.csrf = login.body.csrf_token;
		assert.deepEqual(await everyObjective(c2), await everyObjective(admin));
		// the copy holds one moment of the writes: at least those before it,
		// at most all of them, and nothing half-written
		const n = await countCheckins(c2);
		assert.ok(n >= before0 + 5 && n <= before0 + written, `${n} check-ins in the copy`);
	} finally {
		await second.stop();
	}
});

test('restore refuses a file that is not a cible database, a missing file, and an existing database without --force', () => {
	const junk = join(fx.server.dir, 'junk.bin');
	writeFileSync(junk, 'not a database at all\n'.repeat(100));
	const target = freshDb(fx.server.dir, 'never');
	let r = cible(['restore', '--from', junk, '--db', target]);
	assert.equal(r.status, 1);
	assert.match(r.stderr, /not a sound cible database/);
	if (STORE === 'sqlite') assert.ok(!existsSync(target));
	r = cible(['restore', '--from', join(fx.server.dir, 'missing.bak'), '--db', target]);
	assert.equal(r.status, 1);
	assert.match(r.stderr, /not found/);
	r = cible(['restore', '--from', junk, '--db', fx.server.db]);
	assert.equal(r.status, 1);
	assert.match(r.stderr, /exists: add --force/);
	r = cible(['backup', '--db', fx.server.db]);
	assert.equal(r.status, 2);
});

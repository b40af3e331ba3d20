// The database going away under a running server. On PostgreSQL (the only
// store that is a server of its own: a SQLite file cannot be "down"), the
// test starts a PostgreSQL server of its own (tests/pg-server.sh, so that the
// other files' servers keep theirs) and stops it (down/up/restart): every request during
// the outage gets 503 with Retry-After and writes nothing, and cible
// reconnects by itself once PostgreSQL is back, without a restart of its own.
// On both stores: a database that cannot be reached at start is a clear
// message naming where it was looked for (never a password) and exit code 1.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CIBLE_BIN, STORE, dbExec, dbQuery, dropDb, freshDb, ok, startFixture } from './harness.mjs';

const PG_PARENT = mkdtempSync(join(tmpdir(), 'cible-outage-'));
chmodSync(PG_PARENT, 0o755);  // the postgres user (under root) goes through it
process.on('exit', () => rmSync(PG_PARENT, { recursive: true, force: true }));
const PG_DIR = join(PG_PARENT, 'pg');
const pg = (cmd) => execFileSync('sh', ['tests/pg-server.sh', cmd, PG_DIR], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('a PostgreSQL that cannot be reached at start: exit 1, the host named, the password never', () => {
	const r = spawnSync(CIBLE_BIN, ['serve', '--db', 'postgres://cible:s3cret@127.0.0.1:1/cible',
		'--port', '0'], { encoding: 'utf8', timeout: 20000 });
	assert.equal(r.status, 1, r.stderr);
	assert.match(r.stderr, /cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/cible/);
	assert.doesNotMatch(r.stderr + r.stdout, /s3cret/);
	const kv = spawnSync(CIBLE_BIN, ['user', 'token', '--db', 'host=127.0.0.1 port=1 dbname=x password=s3cret',
		'--email', 'a@b.fr', '--name', 't'], { encoding: 'utf8', timeout: 20000 });
	assert.equal(kv.status, 1, kv.stderr);
	assert.match(kv.stderr, /127\.0\.0\.1:1\/x/);
	assert.doesNotMatch(kv.stderr, /s3cret/);
});

if (STORE === 'postgres') describe('a PostgreSQL of its own, stopped and started by the test', () => {
	let fx, url;
	before(async () => {
		url = pg('start').trim();
		fx = await startFixture({ pgUrl: url });
	});
	after(async () => {
		try { await fx?.server.stop(); } finally { pg('stop'); }
	});

	test('PostgreSQL down: 503 with Retry-After and nothing written; back up: cible reconnects alone', async () => {
		const { admin, member1 } = fx.clients;
		const id = fx.obj.I1;
		const checkins = () => dbQuery(fx.server.db, `SELECT count(*) AS n FROM checkin WHERE objective_id = ${id}`)[0].n;
		await ok(admin.get(`/api/objectives/${id}`));
		const n0 = checkins();
		pg('down');
		try {
			// every thread's connection is lost: several requests, reads and writes
			for (let i = 0; i < 6; i++) {
				const r = await admin.get(`/api/objectives/${id}`);
				assert.equal(r.status, 503, r.text);
				assert.equal(r.body.error.code, 'database_unreachable');
				assert.match(r.headers.get('retry-after') || '', /^\d+$/);
				const w = await member1.post(`/api/objectives/${id}/checkins`, { comment: `pendant la panne ${i}` });
				assert.equal(w.status, 503, w.text);
				assert.match(w.headers.get('retry-after') || '', /^\d+$/);
			}
			const fr = await fx.server.anon.post('/api/login', { email: fx.server.adminEmail, password: 'x' });
			assert.equal(fr.status, 503);
			assert.match(fr.body.error.message, /impossible de joindre la base PostgreSQL 127\.0\.0\.1:\d+/);
		} finally {
			pg('up');
		}
		// back: the next requests are served, on every thread, by the same process
		for (let i = 0; i < 8; i++)
			await ok(admin.get(`/api/objectives/${id}`));
		await ok(member1.post(`/api/objectives/${id}/checkins`, { comment: 'après la panne' }), 201);
		assert.equal(checkins(), n0 + 1, 'only the check-in written after the outage is there');

		// a quick restart between two requests is not even seen: the lost
		// connection is made again before anything of the request was sent
		pg('restart');
		for (let i = 0; i < 8; i++)
			await ok(admin.get(`/api/objectives/${id}`));
		await ok(member1.post(`/api/objectives/${id}/checkins`, { comment: 'après le redémarrage' }), 201);
		assert.equal(checkins(), n0 + 2);
	});

	test('a PostgreSQL database holding another program\'s tables is refused, and left as it was', async () => {
		const db = freshDb(fx.server.dir, 'other', url);
		dbExec(db, 'CREATE TABLE invoice (id int PRIMARY KEY, total numeric)');
		const r = spawnSync(CIBLE_BIN, ['init', '--db', db, '--org', 'X', '--email', 'x@x.fr'],
			{ encoding: 'utf8', env: { ...process.env, CIBLE_PASSWORD: 'long enough' } });
		assert.equal(r.status, 1, r.stdout);
		assert.match(r.stderr, /is not a sound cible database/);
		assert.deepEqual(dbQuery(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"),
			[{ tablename: 'invoice' }]);
		dropDb(db);
	});
});

// `cible migrate-store`: an organisation moved from SQLite to PostgreSQL and
// back. The 48-person demo is copied to PostgreSQL, then from there into a
// new SQLite file; `cible serve` on each of the three must answer the same
// JSON for every objective's progress, every unit's dashboard, every
// challenge's board and a person's dashboard, and each table must hold the
// same rows of the organisation (counted by sqlite3 and psql, not by cible).
// The refusals: a target that has the organisation (without --replace), an
// unreachable target (exit 1, the host named), a source of a newer schema,
// and a copy that fails midway (a trigger of the test's own on one table),
// after which nothing of it is in the target.
// PostgreSQL: the server at CIBLE_PG_URL if set, else one of the test's own
// (tests/pg-server.sh), whichever store the rest of the run uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CIBLE_BIN, Client, serveProcess } from './harness.mjs';

const TODAY = '2026-11-20';
const dir = mkdtempSync(join(tmpdir(), 'cible-migrate-'));
chmodSync(dir, 0o755);  // the postgres user (under root) goes through it
const PG_DIR = join(dir, 'pg');
let pgUrl = process.env.CIBLE_PG_URL || '';
const ownPg = !pgUrl;
const made = [];
let seq = 0;

const psql = (url, sql) => execFileSync('psql', [url, '-qAtX', '-v', 'ON_ERROR_STOP=1', '-c', sql],
	{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const sqlite = (file, sql) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' });
const env = { ...process.env, CIBLE_TODAY: TODAY, CIBLE_PASSWORD: 'autre-mot-de-passe' };
const run = (args) => {
	const r = spawnSync(CIBLE_BIN, args, { env, encoding: 'utf8', timeout: 300000 });
	return { code: r.status, out: r.stdout, err: r.stderr };
};

function pgDb(name) {
	const db = `mig${process.pid}_${++seq}_${name}`;
	psql(pgUrl, `CREATE DATABASE ${db}`);
	made.push(db);
	const u = new URL(pgUrl);
	u.pathname = `/${db}`;
	return u.toString();
}

// the organisation's rows of a table, counted by the engine's own client
function count(db, table, org) {
	const key = table === 'org' ? 'id' : 'org_id';
	const sql = `SELECT count(*) FROM ${table} WHERE ${key} = ${org}`;
	return Number((db.startsWith('postgres') ? psql(db, sql) : sqlite(db, sql)).trim());
}
function tenantTables(file) {
	return sqlite(file, `SELECT m.name FROM sqlite_master m WHERE m.type = 'table'
		AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'org_id')`)
		.trim().split('\n').concat(['org']).sort();
}
function months(db) {
	const sql = 'SELECT count(*) FROM measure_month';
	return Number((db.startsWith('postgres') ? psql(db, sql) : sqlite(db, sql)).trim());
}

function serve(db) {
	return serveProcess(['--db', db, '--port', '0', '--sender', 'off'], env);
}

// what the three servers must agree on, read through the API
async function dump(addr, token) {
	const c = new Client(addr, { token });
	const get = async (path) => {
		const r = await c.get(path);
		assert.equal(r.status, 200, `${path}: ${r.text}`);
		return r.body;
	};
	const out = {};
	const objectives = await get('/api/objectives?limit=500');
	const list = objectives.items || objectives;
	assert.ok(list.length >= 50, `the demo's objectives: ${list.length}`);
	for (const o of list)
		out[`progress ${o.id}`] = await get(`/api/objectives/${o.id}/progress?today=${TODAY}`);
	const units = await get('/api/units');
	for (const u of units.items || units)
		out[`unit ${u.id}`] = await get(`/api/units/${u.id}/dashboard?today=${TODAY}`);
	const challenges = await get('/api/challenges');
	const chs = challenges.items || challenges;
	assert.ok(chs.length >= 3, 'the demo\'s challenges');
	for (const ch of chs)
		out[`board ${ch.id}`] = await get(`/api/challenges/${ch.id}/board`);
	const people = await get('/api/people?limit=100');
	const somebody = (people.items || people).find((p) => p.role === 'member');
	out[`person ${somebody.id}`] = await get(`/api/people/${somebody.id}/dashboard?today=${TODAY}`);
	return out;
}

let src, pg, back, token, tables;

before(() => {
	if (ownPg) pgUrl = execFileSync('sh', ['tests/pg-server.sh', 'start', PG_DIR],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
	src = join(dir, 'src.db');
	let r = run(['demo', '--db', src, '--today', TODAY]);
	assert.equal(r.code, 0, r.err);
	// a second organisation in the same file, which --org 1 leaves behind
	r = run(['init', '--db', src, '--org', 'Autre Société', '--email', 'autre@autre.test',
		'--name', 'Autre Admin']);
	assert.equal(r.code, 0, r.err);
	r = run(['user', 'token', '--db', src, '--org', '1', '--email',
		'chloe.lefebvre@verdier-energie.fr', '--name', 'migration']);
	assert.equal(r.code, 0, r.err);
	token = r.out.trim();
	tables = tenantTables(src);
	assert.ok(tables.length >= 30, `tenant tables: ${tables}`);
});

after(() => {
	try {
		for (const db of made) psql(pgUrl, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
	} finally {
		if (ownPg) execFileSync('sh', ['tests/pg-server.sh', 'stop', PG_DIR], { stdio: 'ignore' });
		rmSync(dir, { recursive: true, force: true });
	}
});

test('SQLite -> PostgreSQL -> SQLite keeps every row and every figure of the organisation', async () => {
	pg = pgDb('target');
	let r = run(['migrate-store', '--from', `sqlite:${src}`, '--to', pg, '--org', '1']);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /^organisation 1 copied: \d+ tables, \d+ rows, \d+ measure months\n$/);
	back = join(dir, 'back.db');
	r = run(['migrate-store', '--from', pg, '--to', `sqlite:${back}`]);
	assert.equal(r.code, 0, r.err);

	for (const t of tables) {
		const n = count(src, t, 1);
		assert.equal(count(pg, t, 1), n, `${t} on PostgreSQL`);
		assert.equal(count(back, t, 1), n, `${t} back on SQLite`);
	}
	assert.ok(count(src, 'activity', 1) > 90000, 'the demo\'s activity was there to copy');
	// the second organisation stayed behind: only the first was asked for
	assert.equal(count(src, 'person', 2), 1);
	assert.equal(Number(psql(pg, 'SELECT count(*) FROM org').trim()), 1);
	assert.equal(count(pg, 'person', 2), 0);
	assert.equal(Number(sqlite(back, 'SELECT count(*) FROM org').trim()), 1);
	// the measure states: the second organisation has none, so all of them
	assert.ok(months(src) > 1000);
	assert.equal(months(pg), months(src));
	assert.equal(months(back), months(src));
	// the same bytes of states, read by sqlite3 on both files
	const states = (f) => createHash('sha256').update(execFileSync('sqlite3', [f,
		'SELECT key, hex(days) FROM measure_month ORDER BY key'], { maxBuffer: 1 << 28 })).digest('hex');
	assert.equal(states(back), states(src));

	const servers = [await serve(src), await serve(pg), await serve(back)];
	try {
		const [a, b, c] = [await dump(servers[0].addr, token), await dump(servers[1].addr, token),
			await dump(servers[2].addr, token)];
		assert.ok(Object.keys(a).length > 60);
		for (const k of Object.keys(a)) {
			assert.deepEqual(b[k], a[k], `${k}: PostgreSQL against the SQLite source`);
			assert.deepEqual(c[k], a[k], `${k}: SQLite copied back against the source`);
		}
		// PostgreSQL's sequences moved past the copied ids: a new check-in takes one
		const admin = new Client(servers[1].addr, { token });
		const obj = Object.keys(a).find((k) => k.startsWith('progress ')).split(' ')[1];
		const w = await admin.post(`/api/objectives/${obj}/checkins`, { comment: 'après la migration' });
		assert.equal(w.status, 201, w.text);
		const max = Number(sqlite(src, 'SELECT max(id) FROM checkin').trim());
		assert.ok(w.body.id > max, `new id ${w.body.id} past the copied ${max}`);
	} finally {
		for (const s of servers) await s.stop();
	}
});

test('a target that has the organisation is refused and left as it was, unless --replace', () => {
	const before = count(pg, 'checkin', 1);
	const r = run(['migrate-store', '--from', `sqlite:${src}`, '--to', pg, '--org', '1']);
	assert.equal(r.code, 1);
	assert.match(r.err, /the target database already has organisation 1: nothing was written; add --replace/);
	const fr = spawnSync(CIBLE_BIN, ['migrate-store', '--from', `sqlite:${src}`, '--to', pg, '--org', '1'],
		{ env: { ...env, CIBLE_LANG: 'fr' }, encoding: 'utf8' });
	assert.match(fr.stderr, /la base de destination a déjà l'organisation 1 : rien n'a été écrit/);
	assert.equal(count(pg, 'checkin', 1), before);
	const again = run(['migrate-store', '--from', `sqlite:${src}`, '--to', pg, '--org', '1', '--replace']);
	assert.equal(again.code, 0, again.err);
	// replaced: the source's rows exactly, the check-in written on PostgreSQL gone
	for (const t of tables)
		assert.equal(count(pg, t, 1), count(src, t, 1), t);
	assert.equal(months(pg), months(src));
});

test('an unreachable target names its host, exit 1, and the password never', () => {
	const r = run(['migrate-store', '--from', `sqlite:${src}`, '--to',
		'postgres://cible:s3cret@127.0.0.1:1/ailleurs', '--org', '1']);
	assert.equal(r.code, 1);
	assert.match(r.err, /cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/ailleurs/);
	assert.doesNotMatch(r.err + r.out, /s3cret/);
	const usage = run(['migrate-store', '--from', `sqlite:${src}`]);
	assert.equal(usage.code, 2);
	assert.match(usage.err, /^usage: cible migrate-store/);
	const same = run(['migrate-store', '--from', src, '--to', src]);
	assert.equal(same.code, 2);
	assert.match(same.err, /--from and --to name the same database/);
	const badOrg = run(['migrate-store', '--from', `sqlite:${src}`, '--to', pgDb('unused'), '--org', '9']);
	assert.equal(badOrg.code, 1);
	assert.match(badOrg.err, /the source database has no organisation 9/);
});

test('a source of a newer schema is refused; the target gets nothing', () => {
	const newer = join(dir, 'newer.db');
	execFileSync('cp', [src, newer]);
	sqlite(newer, 'PRAGMA user_version = 999');
	const target = pgDb('newer');
	const r = run(['migrate-store', '--from', `sqlite:${newer}`, '--to', target]);
	assert.equal(r.code, 1);
	assert.match(r.err, /the database is at schema 999, newer than this program/);
	assert.equal(psql(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").trim(), '0');
});

test('a copy that fails midway leaves nothing of it in the target, on either engine', () => {
	// PostgreSQL: check-ins (the 13th table) refused by a trigger of the test's own
	const target = pgDb('fails');
	assert.equal(run(['migrate-store', '--from', `sqlite:${src}`, '--to', target, '--org', '2']).code, 0);
	psql(target, `CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS
		$$ BEGIN RAISE EXCEPTION 'boom'; END $$;
		CREATE TRIGGER boom BEFORE INSERT ON checkin FOR EACH ROW EXECUTE FUNCTION boom()`);
	let r = run(['migrate-store', '--from', `sqlite:${src}`, '--to', target, '--org', '1']);
	assert.equal(r.code, 1, r.out);
	assert.match(r.err, /boom \(checkin\)/);
	for (const t of tables) assert.equal(count(target, t, 1), 0, `${t} on PostgreSQL`);
	assert.equal(months(target), 0);
	assert.equal(count(target, 'person', 2), 1, 'the organisation there before is untouched');

	// SQLite: the same, the copy from PostgreSQL
	const file = join(dir, 'fails.db');
	assert.equal(run(['migrate-store', '--from', `sqlite:${src}`, '--to', `sqlite:${file}`, '--org', '2']).code, 0);
	sqlite(file, `CREATE TRIGGER boom BEFORE INSERT ON checkin BEGIN SELECT RAISE(ABORT, 'boom'); END`);
	r = run(['migrate-store', '--from', pg, '--to', `sqlite:${file}`, '--org', '1']);
	assert.equal(r.code, 1, r.out);
	assert.match(r.err, /boom \(checkin\)/);
	for (const t of tables) assert.equal(count(file, t, 1), 0, `${t} on SQLite`);
	assert.equal(months(file), 0);
	assert.equal(count(file, 'person', 2), 1);
});

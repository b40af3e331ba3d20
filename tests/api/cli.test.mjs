// The `cible` command line: help on every command, exit codes, where `serve`
// takes its settings from, the demo's determinism, schema refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CIBLE_BIN, Client } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cible-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function run(args, env = {}) {
	const r = spawnSync(CIBLE_BIN, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

// Starts `cible serve`, returns the address it announces, then stops it.
async function announced(args, env = {}) {
	const p = spawn(CIBLE_BIN, ['serve', ...args], { env: { ...process.env, ...env } });
	let err = '';
	const addr = await new Promise((resolve, reject) => {
		const t = setTimeout(() => reject(new Error('no address in: ' + err)), 5000);
		p.stderr.on('data', (d) => {
			err += d;
			const m = err.match(/listening on (http:\/\/\S+)/);
			if (m) { clearTimeout(t); resolve(m[1]); }
		});
		p.on('exit', (code) => { clearTimeout(t); reject(new Error(`exited ${code}: ${err}`)); });
	});
	const closed = new Promise((r) => p.on('close', r));
	try {
		return { addr, health: (await new Client(addr).get('/healthz')).status };
	} finally {
		p.kill('SIGTERM');
		await closed;
	}
}

test('every command answers --help with its usage and exit code 0', () => {
	const top = run(['--help']);
	assert.equal(top.code, 0);
	for (const cmd of ['init', 'serve', 'demo', 'user', 'check']) {
		assert.match(top.out, new RegExp(`^  ${cmd} `, 'm'));
		const r = run([cmd, '--help']);
		assert.equal(r.code, 0, cmd);
		assert.match(r.out, new RegExp(`^usage: cible ${cmd}`), cmd);
	}
});

test('an unknown command or option is a usage error with exit code 2', () => {
	assert.equal(run(['nope']).code, 2);
	assert.equal(run(['serve', '--nope']).code, 2);
	assert.equal(run(['init', '--org', 'X']).code, 2);
	assert.equal(run(['serve', '--port', '70000']).code, 2);
	assert.match(run(['serve', '--log-level', 'loud']).err, /log level 'loud'/);
});

test('init refuses a weak password and leaves no organisation behind', () => {
	const db = join(dir, 'weak.db');
	const r = run(['init', '--db', db, '--org', 'Weak', '--email', 'a@b.fr'], { CIBLE_PASSWORD: 'short' });
	assert.equal(r.code, 1);
	assert.match(r.err, /at least 8 characters/);
	const again = run(['init', '--db', db, '--org', 'Weak', '--email', 'a@b.fr'], { CIBLE_PASSWORD: 'long enough' });
	assert.equal(again.code, 0, again.err);
	assert.match(again.out, /organisation: Weak \(id 1\)/);
});

test('serve takes each setting from the flag, else the environment, else the config file', async () => {
	const db = join(dir, 'serve.db');
	run(['init', '--db', db, '--org', 'S', '--email', 's@s.fr'], { CIBLE_PASSWORD: 'long enough' });
	const conf = join(dir, 'cible.conf');
	writeFileSync(conf, `# cible\ndb = ${db}\naddress = 127.0.0.1\nport = 0\nlog_level = warn\n`);
	const fromFile = await announced(['--config', conf], { CIBLE_PORT: '', CIBLE_DB: '' });
	assert.match(fromFile.addr, /^http:\/\/127\.0\.0\.1:\d+$/);
	assert.equal(fromFile.health, 200);
	// the environment wins over the file: a bad port there must be refused
	const env = run(['serve', '--config', conf], { CIBLE_PORT: 'x' });
	assert.equal(env.code, 2);
	assert.match(env.err, /port 'x'/);
	// and the flag wins over the environment
	const flag = await announced(['--config', conf, '--port', '0'], { CIBLE_PORT: 'x' });
	assert.equal(flag.health, 200);
	writeFileSync(conf, 'colour = blue\n');
	const bad = run(['serve', '--config', conf]);
	assert.equal(bad.code, 2);
	assert.match(bad.err, /1: unknown key 'colour'/);
});

test('the demo is the same for the same seed and day, and refuses to overwrite without --force', () => {
	const a = join(dir, 'a.db'), b = join(dir, 'b.db');
	const ra = run(['demo', '--db', a, '--seed', '7', '--today', '2026-11-25']);
	const rb = run(['demo', '--db', b, '--seed', '7', '--today', '2026-11-25']);
	assert.equal(ra.code, 0, ra.err);
	assert.equal(ra.out.replace(a, ''), rb.out.replace(b, ''));
	assert.match(ra.out, /48 people/);
	assert.match(ra.out, /admin/);
	const again = run(['demo', '--db', a]);
	assert.equal(again.code, 1);
	assert.match(again.err, /--force/);
});

test('a database newer than the program is refused with a clear message', () => {
	const db = join(dir, 'new.db');
	run(['init', '--db', db, '--org', 'N', '--email', 'n@n.fr'], { CIBLE_PASSWORD: 'long enough' });
	const sq = spawnSync('sqlite3', [db, 'PRAGMA user_version = 999']);
	assert.equal(sq.status, 0);
	const r = run(['user', 'token', '--db', db, '--email', 'n@n.fr', '--name', 't']);
	assert.equal(r.code, 1);
	assert.match(r.err, /schema 999, newer than this program/);
});

test('user token prints a token that the API accepts', async () => {
	const db = join(dir, 'tok.db');
	run(['init', '--db', db, '--org', 'T', '--email', 't@t.fr'], { CIBLE_PASSWORD: 'long enough' });
	const r = run(['user', 'token', '--db', db, '--email', 't@t.fr', '--name', 'crm']);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /^cbl_[0-9a-f]{64}\n$/);
	const p = spawn(CIBLE_BIN, ['serve', '--db', db, '--port', '0']);
	let err = '';
	const addr = await new Promise((resolve) => p.stderr.on('data', (d) => {
		err += d;
		const m = err.match(/listening on (http:\/\/\S+)/);
		if (m) resolve(m[1]);
	}));
	const closed = new Promise((done) => p.on('close', done));
	let me, bad;
	try {
		me = await new Client(addr, { token: r.out.trim() }).get('/api/me');
		bad = await new Client(addr, { token: 'cbl_0' }).get('/api/me');
	} finally {
		p.kill('SIGTERM');
		await closed;
	}
	assert.equal(me.status, 200);
	assert.equal(me.body.email, 't@t.fr');
	assert.equal(bad.status, 401);
});

test('check explains a stored objective\'s SMART verdict in French, in English, or as JSON', () => {
	const db = join(dir, 'check.db');
	assert.equal(run(['demo', '--db', db, '--today', '2026-11-25']).code, 0);
	const q = spawnSync('sqlite3', [db, "SELECT id FROM objective WHERE title LIKE 'Am%liorer%' LIMIT 1"],
		{ encoding: 'utf8' });
	const id = q.stdout.trim();
	assert.match(id, /^\d+$/);
	const fr = run(['check', '--db', db, '--objective', id]);
	assert.equal(fr.code, 0, fr.err);
	assert.match(fr.out, /Spécifique +non/);
	assert.match(fr.out, /verbe vague/);
	assert.match(fr.out, /\? Combien \?/);
	const en = run(['check', '--db', db, '--objective', id, '--lang', 'en']);
	assert.match(en.out, /Specific +fail/);
	assert.match(en.out, /vague verb/);
	const js = JSON.parse(run(['check', '--db', db, '--objective', id, '--json']).out);
	assert.equal(js.criteria.measurable.verdict, 'fail');
	assert.ok(js.score < 100);
	const missing = run(['check', '--db', db, '--objective', '999999']);
	assert.equal(missing.code, 1);
	assert.match(missing.err, /objective not found/);
	assert.equal(run(['check', '--db', db]).code, 2);
});

test('everyone\'s progress at once (one scan per indicator) equals each objective measured alone', () => {
	const db = join(dir, 'many.db');
	assert.equal(run(['demo', '--db', db, '--people', '60', '--today', '2026-11-25']).code, 0);
	for (const [today, by] of [['2026-11-25', 'month'], ['2026-10-20', 'week'], ['2026-02-03', 'day']]) {
		const all = run(['progress', '--db', db, '--all', '--json', '--today', today, '--by', by]);
		assert.equal(all.code, 0, all.err);
		const many = JSON.parse(all.out);
		assert.ok(many.length >= 50);
		const measured = many.filter((m) => m.measured && m.value !== null);
		if (today === '2026-11-25')
			assert.ok(measured.length > 40, `most objectives measured: ${measured.length}`);
		for (const m of many) {
			const one = run(['progress', '--db', db, '--objective', String(m.objective_id), '--json',
				'--today', today, '--by', by]);
			assert.equal(one.code, 0, one.err);
			const alone = JSON.parse(one.out);
			// the roll-up of children is read two levels down when alone, across
			// the whole list at once: everything else must be the same
			for (const k of Object.keys(m))
				if (!k.startsWith('rollup') && k !== 'children')
					assert.deepEqual(alone[k], m[k], `objective ${m.objective_id} ${k} on ${today}`);
		}
	}
});

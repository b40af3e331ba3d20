// Durability's cost: check-ins written by 32 clients for a few seconds on the
// 48-person demo, with `--durability full` (every commit on disk before the
// answer) and `--durability normal`, alternating rounds in one run (the
// machine is shared: compare the two columns of one run, not runs).
//   node bench/durability.mjs [--seconds 5] [--rounds 3] [--clients 32]
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const arg = (n, d) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const SECONDS = arg('seconds', 5), ROUNDS = arg('rounds', 3), CLIENTS = arg('clients', 32);
const BIN = resolve(process.env.CIBLE_BIN || './build/cible');
const dir = mkdtempSync(join(tmpdir(), 'cible-durability-'));
const seed = join(dir, 'seed.db');
const demo = execFileSync(BIN, ['demo', '--db', seed, '--today', '2026-11-25'], { encoding: 'utf8' });
const admin = /^ {2}(\S+@\S+)\s+admin/m.exec(demo)[1];

async function round(mode, k) {
	const db = join(dir, `${mode}-${k}.db`);
	copyFileSync(seed, db);
	const token = execFileSync(BIN, ['user', 'token', '--db', db, '--email', admin, '--name', 'bench'],
		{ encoding: 'utf8' }).trim();
	const child = spawn(BIN, ['serve', '--db', db, '--port', '0', '--log-level', 'error',
		'--durability', mode], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CIBLE_TODAY: '2026-11-25' } });
	let err = '';
	const base = await new Promise((res, rej) => {
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (c) => { err += c; const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(err); if (m) res(m[1]); });
		setTimeout(() => rej(new Error(err)), 15000);
	});
	const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
	const list = await (await fetch(`${base}/api/objectives?limit=500`, { headers: h })).json();
	const ids = list.items.filter((o) => o.level === 'individual').map((o) => o.id);
	let n = 0, errors = 0, seq = 0;
	const end = Date.now() + SECONDS * 1000;
	await Promise.all(Array.from({ length: CLIENTS }, async () => {
		while (Date.now() < end) {
			const r = await fetch(`${base}/api/objectives/${ids[seq++ % ids.length]}/checkins`,
				{ method: 'POST', headers: h, body: JSON.stringify({ comment: `bench ${seq}` }) });
			await r.arrayBuffer();
			if (r.status === 201) n++; else errors++;
		}
	}));
	child.kill('SIGTERM');
	await new Promise((r) => child.on('close', r));
	return { rate: n / SECONDS, errors };
}

const out = { full: [], normal: [] };
for (let k = 0; k < ROUNDS; k++)
	for (const mode of k % 2 ? ['normal', 'full'] : ['full', 'normal'])
		out[mode].push(await round(mode, k));
rmSync(dir, { recursive: true, force: true });
const med = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(`check-ins, ${CLIENTS} clients, ${SECONDS} s a round, ${ROUNDS} rounds each, alternating`);
console.log('| durability | check-ins/s by round | median | errors |');
console.log('|---|---|---|---|');
for (const m of ['full', 'normal'])
	console.log(`| ${m} | ${out[m].map((x) => x.rate.toFixed(0)).join(', ')} | ${med(out[m].map((x) => x.rate)).toFixed(0)} | ${out[m].reduce((s, x) => s + x.errors, 0)} |`);
console.log(`full / normal: ${(med(out.full.map((x) => x.rate)) / med(out.normal.map((x) => x.rate))).toFixed(2)}`);

// Soak: mixed traffic on loopback against one `cible serve` on the 48-person
// demo — reads (objectives, dashboards, progress), check-ins, activity
// batches, CSV imports and logins — for a given time, sampling the server's
// memory. Prints per workload the count, errors, p50 and p99, and the
// server's RSS floor after warm-up and at the end, and its peak; exits
// non-zero on any error, when the floor grows (end above 1.5 × warm-up +
// 32 MB) or when the peak passes the hashing gate's bound (see below).
//   node bench/soak.mjs [--seconds 1800] [--clients 8]
// CI runs it for 120 s (scripts/test.sh); the figures of a 30-minute run are
// in bench/README.md.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const arg = (name, dflt) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SECONDS = arg('seconds', 1800);
const CLIENTS = arg('clients', 8);
const BIN = resolve(process.env.CIBLE_BIN || './build/cible');
const PASSWORD = 'demo-cible';

const dir = mkdtempSync(join(tmpdir(), 'cible-soak-'));
const db = join(dir, 'soak.db');
const demo = execFileSync(BIN, ['demo', '--db', db, '--today', '2026-11-25'], { encoding: 'utf8' });
const logins = [...demo.matchAll(/^ {2}(\S+@\S+)\s+(\S+)/gm)].map((m) => ({ email: m[1], role: m[2] }));
const admin = logins.find((l) => l.role === 'admin').email;
const token = execFileSync(BIN, ['user', 'token', '--db', db, '--email', admin, '--name', 'soak'],
	{ encoding: 'utf8' }).trim();

const child = spawn(BIN, ['serve', '--db', db, '--port', '0', '--log-level', 'error'],
	{ stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CIBLE_TODAY: '2026-11-25' } });
let stderr = '';
const base = await new Promise((res, rej) => {
	const t = setTimeout(() => rej(new Error(`server did not start: ${stderr}`)), 15000);
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (c) => {
		stderr += c;
		const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
		if (m) { clearTimeout(t); res(m[1]); }
	});
});

const auth = { authorization: `Bearer ${token}` };
async function call(method, path, body, headers = {}) {
	const h = { ...auth, ...headers };
	let payload;
	if (body !== undefined) { payload = JSON.stringify(body); h['content-type'] = 'application/json'; }
	const res = await fetch(base + path, { method, headers: h, body: payload });
	await res.arrayBuffer();
	return res.status;
}
const objectives = [];
for (let off = 0; ; off += 500) {
	const r = await fetch(`${base}/api/objectives?limit=500&offset=${off}`, { headers: auth });
	const j = await r.json();
	objectives.push(...j.items);
	if (objectives.length >= j.total) break;
}
const units = (await (await fetch(`${base}/api/units`, { headers: auth })).json()).items;
const people = (await (await fetch(`${base}/api/people?limit=500`, { headers: auth })).json()).items;
const individual = objectives.filter((o) => o.level === 'individual');
const pick = (v) => v[Math.floor(Math.random() * v.length)];

let seq = 0;
const csvOf = (n) => {
	let s = 'id;agent;date;answered;speed\n';
	for (let i = 0; i < n; i++)
		s += `soak-csv-${seq++};${pick(people).email};2026-11-${String(1 + (i % 24)).padStart(2, '0')};Oui;${10 + (i % 50)}\n`;
	return s;
};
const workloads = {
	'read one objective': { weight: 30, expect: 200, run: () => call('GET', `/api/objectives/${pick(objectives).id}`) },
	'read progress': { weight: 15, expect: 200, run: () => call('GET', `/api/objectives/${pick(objectives).id}/progress`) },
	'unit dashboard': { weight: 5, expect: 200, run: () => call('GET', `/api/units/${pick(units).id}/dashboard`) },
	'check-in': { weight: 15, expect: 201, run: () => call('POST', `/api/objectives/${pick(individual).id}/checkins`, { comment: `soak ${seq++}` }) },
	'activity batch (20 calls)': { weight: 5, expect: 200, run: () => call('POST', '/api/activity', { kind: 'call', records: Array.from({ length: 20 }, () => ({ source_id: `soak-${seq++}`, person: pick(people).email, at: '2026-11-20T10:00:00Z', fields: { answered: 'Y', speed: 15 } })) }) },
	'CSV import (200 rows)': { weight: 1, expect: 200, run: () => call('POST', '/api/import', { kind: 'call', person: 'agent', date: 'date', id: 'id', fields: [{ name: 'answered', column: 'answered', type: 'bool' }, { name: 'speed', column: 'speed', type: 'number' }], data: csvOf(200) }) },
	'login': { weight: 1, expect: 200, run: () => fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: pick(logins).email, password: PASSWORD }) }).then(async (r) => { await r.arrayBuffer(); return r.status; }) },
};
const names = Object.keys(workloads);
const total = names.reduce((s, n) => s + workloads[n].weight, 0);
const stats = Object.fromEntries(names.map((n) => [n, { lat: [], errors: 0, statuses: {} }]));
const choose = () => {
	let x = Math.random() * total;
	for (const n of names) if ((x -= workloads[n].weight) < 0) return n;
	return names[0];
};

const rss = () => {
	const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
	return m ? Number(m[1]) / 1024 : NaN;
};
const samples = [];
const sampler = setInterval(() => samples.push({ t: Date.now(), mb: rss() }), 1000);
const start = Date.now();
const end = start + SECONDS * 1000;
async function client() {
	while (Date.now() < end) {
		const n = choose();
		const t0 = performance.now();
		let status;
		try { status = await workloads[n].run(); } catch (e) { status = String(e.code || e.message); }
		const s = stats[n];
		s.lat.push(performance.now() - t0);
		s.statuses[status] = (s.statuses[status] || 0) + 1;
		if (status !== workloads[n].expect) s.errors++;
	}
}
await Promise.all(Array.from({ length: CLIENTS }, client));
clearInterval(sampler);
child.kill('SIGTERM');
await new Promise((r) => child.on('close', r));
rmSync(dir, { recursive: true, force: true });

const q = (v, p) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
let errors = 0, count = 0;
console.log(`soak: ${SECONDS} s, ${CLIENTS} clients, 48-person demo`);
console.log('| workload | requests | errors | p50 ms | p99 ms |');
console.log('|---|---|---|---|---|');
for (const n of names) {
	const s = stats[n];
	errors += s.errors; count += s.lat.length;
	console.log(`| ${n} | ${s.lat.length} | ${s.errors} | ${q(s.lat, 0.5).toFixed(1)} | ${q(s.lat, 0.99).toFixed(1)} |`);
	if (s.errors) console.log(`  statuses: ${JSON.stringify(s.statuses)}`);
}
// Memory is judged on its floor, not on one sample: each login's argon2id
// check takes 64 MiB for ~100 ms and gives it back, so a single reading
// swings by 64 MiB per login in flight. A leak raises the floor (the least
// RSS over a window); the peak is bounded by the server's hashing gate (at
// most one check per processor at once, src/app/secret.c).
const warmAt = start + Math.min(30000, SECONDS * 250);
const floor = (from, to) => Math.min(...samples.filter((x) => x.t >= from && x.t <= to).map((x) => x.mb));
const warmFloor = floor(warmAt, warmAt + 15000);
const endFloor = floor(end - 15000, end + 1000);
const max = Math.max(...samples.map((x) => x.mb));
const slots = Number(process.env.CIBLE_HASH_SLOTS) || (await import('node:os')).availableParallelism();
const peakBound = endFloor + slots * 66 + 64;
console.log(`RSS floor: ${warmFloor.toFixed(1)} MB after warm-up, ${endFloor.toFixed(1)} MB at the end; ${max.toFixed(1)} MB at most (bound ${peakBound.toFixed(0)} MB: ${slots} argon2id checks at once); ${(count / SECONDS).toFixed(0)} req/s`);
const grew = !(endFloor <= warmFloor * 1.5 + 32) || !(max <= peakBound);
if (grew) console.log(endFloor > warmFloor * 1.5 + 32 ? 'FAIL: memory grew' : 'FAIL: memory peak above the bound');
if (/AddressSanitizer|runtime error:|LeakSanitizer/.test(stderr)) { console.log(`FAIL: sanitizer report:\n${stderr}`); errors++; }
console.log(`soak: ${errors || grew ? 0 : 1} passed, ${errors || grew ? 1 : 0} failed`);
process.exitCode = errors || grew ? 1 : 0;

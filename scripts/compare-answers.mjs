// Compares the answers of two cible binaries to the same writes: the admin
// page and its forms, and the API's organisation, units, people, axes,
// indicators, activity and import routes, right and wrong, on copies of one
// database. Prints the differences (none expected but what a change means
// to correct); the CSRF tokens, API tokens and audit times are masked.
//   node scripts/compare-answers.mjs OLD_BIN NEW_BIN DEMO_DB
// DEMO_DB: a `cible demo --seed 3 --today 2026-11-25` database (its admin's
// login is used).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [oldBin, newBin, src] = process.argv.slice(2);
if (!oldBin || !newBin || !src) {
	console.error('usage: node scripts/compare-answers.mjs OLD_BIN NEW_BIN DEMO_DB');
	process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'cible-compare-'));

async function answers(bin, tag) {
	const db = join(dir, `${tag}.db`);
	copyFileSync(src, db);
	const p = spawn(bin, ['serve', '--db', db, '--port', '0', '--address', '127.0.0.1'],
		{ env: { ...process.env, CIBLE_TODAY: '2026-11-25' } });
	let err = '';
	const addr = await new Promise((res, rej) => {
		p.stderr.on('data', (d) => { err += d; const m = err.match(/listening on (http:\/\/\S+)/); if (m) res(m[1]); });
		p.on('exit', (c) => rej(new Error(`${bin} exited ${c}: ${err}`)));
	});
	const out = [];
	let cookie = '', csrf = '';
	async function req(method, path, body, form) {
		const h = { cookie };
		let b;
		if (form) { h['content-type'] = 'application/x-www-form-urlencoded'; b = new URLSearchParams({ csrf, ...form }).toString(); }
		else if (body !== undefined) { h['content-type'] = 'application/json'; h['x-csrf-token'] = csrf; b = JSON.stringify(body); }
		const r = await fetch(addr + path, { method, headers: h, body: b, redirect: 'manual' });
		const t = await r.text();
		const sc = r.headers.get('set-cookie');
		if (sc && !cookie) cookie = sc.split(';')[0];
		out.push(`${method} ${path} ${r.status} ${r.headers.get('location') || ''}\n` + t
			.replace(/cbl_[0-9a-f]+/g, 'TOKEN').replace(/name="csrf" value="[^"]*"/g, 'CSRF')
			.replace(/"csrf_token":"[^"]*"/g, 'CSRF').replace(/content="[0-9a-f]{64}"/g, 'CSRF')
			.replace(/"at":\d+/g, '"at":T'));
		return t;
	}
	const me = JSON.parse(await req('POST', '/api/login', { email: 'pauline.mercier@verdier-energie.fr', password: 'demo-cible' }));
	csrf = me.csrf_token || JSON.parse(await req('GET', '/api/me')).csrf_token;
	const pauline = 'pauline.mercier@verdier-energie.fr';
	const csv = 'who,day\npauline.mercier@verdier-energie.fr,2026-11-03\nx,2026-11-03\n';
	const steps = [
		['GET', '/admin'],
		['POST', '/admin/people', null, { name: 'X', email: 'pas une adresse', role: 'member', unit_id: '' }],
		['POST', '/admin/people', null, { name: 'Nouvelle Personne', email: 'np@exemple.fr', role: 'member', unit_id: '2', hired_on: '2026-01-05', password: 'assez long' }],
		['POST', '/admin/people', null, { name: 'Y', email: 'y@exemple.fr', hired_on: '2026-13-05' }],
		['POST', '/admin/units', null, { name: '', kind: 'team', service: 'sales', parent_id: '2' }],
		['POST', '/admin/units', null, { name: 'Cellule', kind: 'team', service: 'sales', parent_id: '2' }],
		['POST', '/admin/indicators', null, { key: 'Bad', kind: 'call', expr: 'count()', name_fr: 'x' }],
		['POST', '/admin/indicators', null, { key: 'ok_key', kind: 'call', expr: 'sum(', name_fr: 'x' }],
		['POST', '/admin/indicators', null, { key: 'ok_key', kind: 'call', expr: 'count()', name_fr: 'Appels' }],
		['POST', '/admin/people/5', null, { role: 'manager', unit_id: '3' }],
		['POST', '/admin/people/5', null, { role: 'chef', unit_id: '3' }],
		['POST', '/admin/tokens', null, { name: '' }],
		['POST', '/admin/tokens', null, { name: 'crm' }],
		['GET', '/admin'],
		['POST', '/api/units', { name: 'U1', kind: 'team', parent_id: 2 }],
		['POST', '/api/units', { name: 'U1', kind: 'équipe', parent_id: 2 }],
		['PATCH', '/api/units/2', { parent_id: 3 }],
		['PATCH', '/api/units/1', { parent_id: 4 }],
		['POST', '/api/people', { name: 'P', email: 'p@x', unit_id: 2 }],
		['POST', '/api/people', { name: 'P', email: 'p@x.fr', unit_id: 999 }],
		['POST', '/api/people', { name: 'P', email: 'p@x.fr', password: 'court' }],
		['PATCH', '/api/people/5', { manager_id: 5 }],
		['PATCH', '/api/people/5', { job: null, hired_on: null, active: false }],
		['PATCH', '/api/people/6', { password: 'un nouveau mot de passe' }],
		['PATCH', '/api/org', { locale: 'de' }],
		['PATCH', '/api/org', { working_days: 'lun' }],
		['PATCH', '/api/org', { ambition: 'Tout' }],
		['POST', '/api/axes', { title: '' }],
		['POST', '/api/axes', { title: 'Axe', description: null, position: 3 }],
		['PATCH', '/api/axes/1', { title: 'Axe renommé' }],
		['POST', '/api/indicators', { key: 'k1', kind: 'call', expr: 'count()', name_fr: 'K' }],
		['PATCH', '/api/indicators/1', { expr: 'count(' }],
		['PATCH', '/api/indicators/1', { key: 'calls_renamed' }],
		['DELETE', '/api/indicators/1'],
		['POST', '/api/indicators/try', { expr: 'count()', kind: 'call' }],
		['POST', '/api/indicators/try', { expr: 'count()', kind: 'call', person: pauline, from: '2026-11-01' }],
		['POST', '/api/activity', { kind: 'Bad', records: [] }],
		['POST', '/api/activity', { kind: 'call', records: [{ source_id: 'a', person: 'nobody', at: '2026-11-02' }, 3, { source_id: 'b', person: pauline, at: '2026-11-02T10:00:00', fields: { duration: 3 } }] }],
		['POST', '/api/activity', { kind: 'call', keep_good: true, records: [{ source_id: 'a', person: 'nobody', at: '2026-11-02' }, { source_id: 'b', person: pauline, at: '2026-11-02T10:00:00', fields: { duration: 3 } }] }],
		['POST', '/api/import', { kind: 'call', person: 'who', date: 'day', data: csv }],
		['POST', '/api/import', { kind: 'call', person: 'who', date: 'day', keep_good: true, data: csv }],
		['POST', '/api/import', { kind: 'call x', person: 'who', date: 'day', data: 'a' }],
		['POST', '/api/import', { person: 'who', date: 'day', data: 'a' }],
		['POST', '/api/tokens', { name: '' }],
		['GET', '/api/audit?limit=100'],
	];
	for (const [m, path, body, form] of steps)
		await req(m, path, body === null ? undefined : body, form);
	p.kill('SIGTERM');
	await new Promise((r) => p.on('close', r));
	return out;
}

const a = await answers(oldBin, 'old'), b = await answers(newBin, 'new');
let diffs = 0;
for (let i = 0; i < Math.max(a.length, b.length); i++)
	if (a[i] !== b[i]) {
		diffs++;
		console.log(`--- ${oldBin}\n${a[i]}\n+++ ${newBin}\n${b[i]}\n`);
	}
console.log(`${a.length} answers compared, ${diffs} different`);
rmSync(dir, { recursive: true, force: true });
process.exit(diffs ? 1 : 0);

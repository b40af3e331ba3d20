// The API test harness: a real `cible serve` on a real database — a SQLite
// file in a temporary directory, or with CIBLE_STORE=postgres a fresh
// database of the PostgreSQL server at CIBLE_PG_URL (make check-pg starts
// one with tests/pg-server.sh) — HTTP clients that behave like a browser session (cookie
// + X-CSRF-Token) or a script (Bearer token), and the fixture organisation
// every access rule is checked against. Every answer is checked against
// docs/openapi.json (contract.mjs, on Ajv).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { contractError, mixedLanguage } from './contract.mjs';

export const CIBLE_BIN = resolve(process.env.CIBLE_BIN || './build/cible');
export const PASSWORD = process.env.CIBLE_PASSWORD || 'cible-test-password';

// What a sanitizer build prints when it finds something: any of these in the
// server's stderr fails the run, even if every answer was right.
const SANITIZER_MARKS = ['ERROR: AddressSanitizer', 'runtime error:', 'LeakSanitizer'];

// Which store the suite runs on, and the databases it makes there.
export const STORE = process.env.CIBLE_STORE === 'postgres' ? 'postgres' : 'sqlite';
const PG_URL = process.env.CIBLE_PG_URL || '';
if (STORE === 'postgres' && !PG_URL)
	throw new Error('CIBLE_STORE=postgres needs CIBLE_PG_URL (make check-pg sets both)');
let dbSeq = 0;

const psql = (url, sql) => execFileSync('psql', [url, '-qAtX', '-v', 'ON_ERROR_STOP=1', '-c', sql],
	{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// A new, empty database named after name: a file in dir for SQLite, a
// database of its own on the PostgreSQL server (its URL) for PostgreSQL.
// pgUrl: another PostgreSQL server than the run's (a test that stops it).
export function freshDb(dir, name, pgUrl = PG_URL) {
	if (STORE !== 'postgres') return join(dir, `${name}.db`);
	const db = `t${process.pid}_${++dbSeq}_${name.replace(/[^A-Za-z0-9]/g, '_')}`.toLowerCase().slice(0, 60);
	psql(pgUrl, `CREATE DATABASE ${db}`);
	const u = new URL(pgUrl);
	u.pathname = `/${db}`;
	return u.toString();
}

// A database freshDb() made, gone (nothing for a file: its folder goes).
export function dropDb(db) {
	if (STORE !== 'postgres' || !db.startsWith('postgres')) return;
	const u = new URL(db);
	const name = u.pathname.slice(1);
	u.pathname = '/cible';
	psql(u.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

// The rows of a query over a cible database, as objects, read by the
// engine's own client (sqlite3, psql), not through cible.
export function dbQuery(db, query) {
	if (STORE !== 'postgres') {
		const out = execFileSync('sqlite3', ['-json', db, query], { encoding: 'utf8' });
		return out.trim() ? JSON.parse(out) : [];
	}
	return JSON.parse(psql(db, `SELECT coalesce(json_agg(q), '[]') FROM (${query}) q`));
}

// A statement run on a cible database by the engine's own client (to put
// a database in a state cible never leaves it in).
export function dbExec(db, sql) {
	if (STORE !== 'postgres')
		execFileSync('sqlite3', [db, sql], { encoding: 'utf8' });
	else
		psql(db, sql);
}

function cli(args, extraEnv = {}) {
	return execFileSync(CIBLE_BIN, args, {
		env: { ...process.env, CIBLE_PASSWORD: PASSWORD, ...extraEnv },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

// One HTTP client. `cookie`/`csrf` make it a browser session, `token` a script.
export class Client {
	constructor(base, { cookie = null, csrf = null, token = null, me = null } = {}) {
		this.base = base;
		this.cookie = cookie;
		this.csrf = csrf;
		this.token = token;
		this.me = me;
	}

	// Returns { status, headers, body, text }; body is parsed when it is JSON.
	// opts: { headers, raw (a string body sent as is), csrf: false (omit it),
	//         unchecked: 'why' (see below) }
	// Every answer is checked against docs/openapi.json (contract.mjs): a status
	// the operation does not document, or a body that does not match the schema
	// of its status and content type, throws and so fails the test that asked.
	// A request that deliberately leaves the documented API (a page, an unknown
	// path or method) says so with `unchecked` and the reason.
	async request(method, path, body, opts = {}) {
		if (opts.unchecked !== undefined &&
		    (typeof opts.unchecked !== 'string' || !opts.unchecked.trim()))
			throw new Error(`${method} ${path}: unchecked needs the reason, as a sentence`);
		const headers = { ...(opts.headers || {}) };
		if (this.cookie) headers.cookie = this.cookie;
		if (this.token) headers.authorization = `Bearer ${this.token}`;
		if (this.csrf && opts.csrf !== false && method !== 'GET' && method !== 'HEAD')
			headers['x-csrf-token'] = this.csrf;
		let payload;
		if (opts.raw !== undefined) payload = opts.raw;
		else if (body !== undefined) payload = JSON.stringify(body);
		if (payload !== undefined && !headers['content-type'])
			headers['content-type'] = 'application/json';
		const res = await fetch(this.base + path, { method, headers, body: payload });
		// opts.binary: the body as bytes too (a workbook), in `bytes`
		const bytes = opts.binary ? Buffer.from(await res.arrayBuffer()) : null;
		const text = bytes ? bytes.toString('utf8') : await res.text();
		let parsed = null;
		if ((res.headers.get('content-type') || '').startsWith('application/json') && text)
			parsed = JSON.parse(text);
		if (opts.unchecked === undefined) {
			const why = contractError(method, path, { status: res.status, text, body: parsed,
				contentType: res.headers.get('content-type') });
			if (why)
				throw new Error(`${method} ${path} answered ${res.status}, against `
					+ `docs/openapi.json: ${why}\n  body: ${text.slice(0, 2000)}`);
		}
		const message = parsed?.error?.message;
		if (typeof message === 'string') {
			const lang = /^\s*en/i.test(headers['accept-language'] || '') ? 'en' : 'fr';
			const word = mixedLanguage(message, lang);
			if (word)
				throw new Error(`${method} ${path} answered ${res.status} with a message that mixes `
					+ `the languages (the ${lang === 'fr' ? 'English' : 'French'} '${word}' in a `
					+ `${lang} answer): ${message}`);
		}
		return { status: res.status, headers: res.headers, body: parsed, text, bytes };
	}

	get(path, opts) { return this.request('GET', path, undefined, opts); }
	post(path, body, opts) { return this.request('POST', path, body, opts); }
	patch(path, body, opts) { return this.request('PATCH', path, body, opts); }
	put(path, body, opts) { return this.request('PUT', path, body, opts); }
	delete(path, opts) { return this.request('DELETE', path, undefined, opts); }
}

// Starts a server on a fresh database holding one organisation (its admin is
// `email`); `others` adds more organisations to the same file with
// `cible init`, each with extra people from `cible user add --org ID`.
export async function startServer({
	org = 'Cible Essais',
	email = 'admin@cible.test',
	ambition = 'Être la référence du service client en 2027',
	others = [],
	pgUrl = PG_URL,
	logLevel = 'warn',
	args = [],
} = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'cible-api-'));
	const db = freshDb(dir, 'cible', pgUrl);
	cli(['init', '--db', db, '--org', org, '--email', email, '--name', 'Alice Admin',
		'--ambition', ambition]);
	const orgs = [];
	for (const o of others) {
		const out = cli(['init', '--db', db, '--org', o.org, '--email', o.email, '--name',
			o.name || o.email]);
		const m = /\(id (\d+)\)/.exec(out);
		if (!m) throw new Error(`cible init printed no organisation id:\n${out}`);
		const id = Number(m[1]);
		for (const u of o.users || [])
			cli(['user', 'add', '--db', db, '--org', String(id), '--email', u.email,
				'--name', u.name || u.email, '--role', u.role || 'member']);
		orgs.push({ id, email: o.email });
	}

	const child = spawn(CIBLE_BIN, ['serve', '--db', db, '--port', '0', '--log-level', logLevel,
		...args],
		{ stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	// 'close', not 'exit': the whole of stderr (a sanitizer's report) has been read by then
	const exited = new Promise((res) => child.on('close', (code, signal) => res({ code, signal })));
	const base = await new Promise((res, rej) => {
		const timer = setTimeout(() => rej(new Error(`server did not start:\n${stderr}`)), 15000);
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
			const m = /cible: listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
			if (m) { clearTimeout(timer); res(m[1]); }
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			rej(new Error(`server exited (${code}) before listening:\n${stderr}`));
		});
	});

	const server = {
		base, db, dir, orgs, adminEmail: email, ambition, orgName: org, pid: child.pid,
		anon: new Client(base),
		async login(who, password = PASSWORD) {
			const c = new Client(base);
			const r = await c.post('/api/login', { email: who, password });
			if (r.status !== 200)
				throw new Error(`login ${who}: ${r.status} ${r.text}`);
			const cookie = r.headers.get('set-cookie') || '';
			c.cookie = cookie.split(';')[0];
			c.csrf = r.body.csrf_token;
			c.me = r.body;
			return c;
		},
		tokenClient(token) { return new Client(base, { token }); },
		// Runs the CLI against the same database (while the server runs).
		cli(args) { return cli([...args, '--db', db]); },
		stderr() { return stderr; },
		// SIGTERM, wait for the exit, and fail on a crash or a sanitizer report.
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
			const { code, signal } = await exited;
			clearTimeout(timer);
			rmSync(dir, { recursive: true, force: true });
			dropDb(db);
			const marks = SANITIZER_MARKS.filter((m) => stderr.includes(m));
			if (marks.length)
				throw new Error(`server stderr has ${marks.join(', ')}:\n${stderr}`);
			if (code !== 0)
				throw new Error(`server exited with ${code ?? signal}:\n${stderr}`);
		},
	};
	return server;
}

// Starts `cible serve ARGS` as its own process and waits for the address it
// announces on stderr: { addr, stop() } (SIGTERM, then waits for the close).
export async function serveProcess(args, env = {}, ms = 20000) {
	const p = spawn(CIBLE_BIN, ['serve', ...args], { env: { ...process.env, ...env },
		stdio: ['ignore', 'ignore', 'pipe'] });
	let err = '';
	const addr = await new Promise((resolve, reject) => {
		// no address in time: the server is stopped, so that it does not
		// outlive the test and keep its runner waiting
		const t = setTimeout(() => { p.kill('SIGKILL'); reject(new Error('no address in: ' + err)); }, ms);
		p.stderr.on('data', (d) => {
			err += d;
			const m = err.match(/listening on (http:\/\/\S+)/);
			if (m) { clearTimeout(t); resolve(m[1]); }
		});
		p.on('exit', (code) => { clearTimeout(t); reject(new Error(`exited ${code}: ${err}`)); });
	});
	const closed = new Promise((r) => p.on('close', r));
	return { addr, async stop() { p.kill('SIGTERM'); await closed; } };
}

// Asserts a status and returns the body, with the whole answer in the message.
export async function ok(promise, status = 200) {
	const r = await promise;
	if (r.status !== status)
		throw new Error(`expected ${status}, got ${r.status}: ${r.text}`);
	return r.body;
}

// The fixture organisation, built through the API as its admin would:
//
//   Cible Essais (company)                 admin, hr
//   └── Direction commerciale (direction, sales)
//       ├── Équipe A (team, lead: managerA) member1, member2
//       ├── Équipe B (team, lead: managerB) member3
//       └── Centre d'appels (service, call_centre)
//
//   axis "Satisfaction client" ← S strategic (company)
//       └── O operational (direction)
//           ├── CA collective (team A) ─┬── I1 individual (member1)
//           │                           └── I2 individual (member2)
//           └── CB collective (team B) ──── I3 individual (member3)
//
// plus a second organisation "Autre Société" whose admin must see none of it.
export const EMAILS = {
	hr: 'rh@cible.test',
	managerA: 'manager.a@cible.test',
	managerB: 'manager.b@cible.test',
	member1: 'membre1@cible.test',
	member2: 'membre2@cible.test',
	member3: 'membre3@cible.test',
	otherAdmin: 'admin@autre.test',
	otherMember: 'membre@autre.test',
};

export async function startFixture(opts = {}) {
	const server = await startServer({
		...opts,
		others: [{ org: 'Autre Société', email: EMAILS.otherAdmin, name: 'Oscar Autre',
			users: [{ email: EMAILS.otherMember, role: 'member' }] }],
	});
	try {
		const fixture = await buildFixture(server);
		return { server, ...fixture };
	} catch (e) {
		await server.stop().catch(() => {});
		throw e;
	}
}

export async function buildFixture(server) {
	const admin = await server.login(server.adminEmail);
	const units = (await ok(admin.get('/api/units'))).items;
	const company = units.find((u) => u.kind === 'company');
	const u = { company: company.id };
	const unit = async (body) => (await ok(admin.post('/api/units', body), 201)).id;
	u.direction = await unit({ name: 'Direction commerciale', kind: 'direction',
		service: 'sales', parent_id: u.company });
	u.teamA = await unit({ name: 'Équipe A', kind: 'team', service: 'sales',
		parent_id: u.direction });
	u.teamB = await unit({ name: 'Équipe B', kind: 'team', service: 'sales',
		parent_id: u.direction });
	u.callCentre = await unit({ name: "Centre d'appels", kind: 'service',
		service: 'call_centre', parent_id: u.direction });

	const p = { admin: admin.me.id };
	const person = async (key, body) => {
		p[key] = (await ok(admin.post('/api/people', { email: EMAILS[key], password: PASSWORD,
			...body }), 201)).id;
	};
	await person('hr', { name: 'Hélène RH', role: 'hr', unit_id: u.company });
	await person('managerA', { name: 'Marc Manager A', role: 'manager', unit_id: u.teamA });
	await person('managerB', { name: 'Maud Manager B', role: 'manager', unit_id: u.teamB });
	await person('member1', { name: 'Marie Membre 1', unit_id: u.teamA, manager_id: p.managerA });
	await person('member2', { name: 'Paul Membre 2', unit_id: u.teamA, manager_id: p.managerA });
	await person('member3', { name: 'Zoé Membre 3', unit_id: u.teamB, manager_id: p.managerB });
	await ok(admin.patch(`/api/units/${u.teamA}`, { lead_id: p.managerA }));
	await ok(admin.patch(`/api/units/${u.teamB}`, { lead_id: p.managerB }));

	const axis = (await ok(admin.post('/api/axes', { title: 'Satisfaction client',
		description: 'Des clients qui reviennent', position: 1 }), 201)).id;
	const axis2 = (await ok(admin.post('/api/axes', { title: 'Croissance',
		position: 2 }), 201)).id;

	const o = {};
	const objective = async (key, body) => {
		o[key] = (await ok(admin.post('/api/objectives', body), 201)).id;
	};
	await objective('S', { level: 'strategic', axis_id: axis, owner_unit_id: u.company,
		title: 'Porter la satisfaction client à 90 % en 2027', indicator: 'csat', unit: '%',
		direction: 'increase', baseline: 78, target: 90, start: '2027-01-01', due: '2027-12-31' });
	await objective('O', { level: 'operational', parent_id: o.S, owner_unit_id: u.direction,
		title: 'Réduire le délai de rappel à 24 h', indicator: 'callback_hours', unit: 'h',
		direction: 'decrease', baseline: 72, target: 24, start: '2027-01-01', due: '2027-06-30' });
	await objective('CA', { level: 'collective', parent_id: o.O, owner_unit_id: u.teamA,
		title: 'Équipe A : rappeler 95 % des clients sous 24 h', direction: 'increase',
		baseline: 60, target: 95, start: '2027-01-01', due: '2027-06-30' });
	await objective('CB', { level: 'collective', parent_id: o.O, owner_unit_id: u.teamB,
		title: 'Équipe B : rappeler 90 % des clients sous 24 h', direction: 'increase',
		baseline: 55, target: 90, start: '2027-01-01', due: '2027-06-30' });
	await objective('I1', { level: 'individual', parent_id: o.CA, owner_person_id: p.member1,
		title: 'Marie : traiter 40 rappels par jour', direction: 'increase', baseline: 25,
		target: 40, start: '2027-02-01', due: '2027-06-30' });
	await objective('I2', { level: 'individual', parent_id: o.CA, owner_person_id: p.member2,
		title: 'Paul : traiter 35 rappels par jour', direction: 'increase', baseline: 20,
		target: 35, start: '2027-02-01', due: '2027-06-30' });
	await objective('I3', { level: 'individual', parent_id: o.CB, owner_person_id: p.member3,
		title: 'Zoé : traiter 30 rappels par jour', direction: 'increase', baseline: 18,
		target: 30, start: '2027-02-01', due: '2027-06-30' });

	// one login per role, reused by every test (argon2id costs ~0.2 s a login,
	// and failed logins are limited)
	const [hr, managerA, managerB, member1, member2, member3, otherAdmin] = await Promise.all(
		['hr', 'managerA', 'managerB', 'member1', 'member2', 'member3', 'otherAdmin']
			.map((k) => server.login(EMAILS[k])));
	const clients = { admin, hr, managerA, managerB, member1, member2, member3, otherAdmin,
		anon: server.anon };
	return { clients, units: u, people: p, axes: { main: axis, growth: axis2 }, obj: o,
		otherOrg: server.orgs[0] };
}

// The org's audit trail length, as its admin sees it: every accepted write adds
// at least one entry, so an unchanged count means nothing was written.
export async function auditTotal(admin) {
	return (await ok(admin.get('/api/audit?limit=1'))).total;
}

// A small deterministic generator (mulberry32) for randomised tests: the same
// run every time for a seed. rand() in [0, 1), pick(v) an element, int(lo, hi)
// a whole number from lo to hi.
export function seeded(seed) {
	const rand = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return { rand, pick: (v) => v[Math.floor(rand() * v.length)],
		int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)) };
}

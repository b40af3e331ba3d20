// Several `cible serve` processes on one database (issue 15, item 3). Two
// servers behind nginx from Debian (round robin, started here from a
// temporary configuration on a free port, no system service): a session
// made through one is good on the other, and 32 writers at once on one
// objective through nginx lose no update and get no 5xx. The background
// jobs (the notification sender, the challenges' close) run on one server at
// a time, the holder of a lease row in the database: kill it and the other
// takes over. On both stores (two processes on one SQLite file share it as
// well as on PostgreSQL); CI runs it in `make check` and `make check-pg`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CIBLE_BIN, Client, dbQuery, ok, startFixture } from './harness.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

// one more `cible serve` on a database that another already serves
function serve(db, args = [], env = {}) {
	const child = spawn(CIBLE_BIN, ['serve', '--db', db, '--port', '0', '--log-level', 'warn', ...args],
		{ stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
	let stderr = '';
	const exited = new Promise((res) => child.on('close', (code, signal) => res({ code, signal })));
	const base = new Promise((res, rej) => {
		const timer = setTimeout(() => rej(new Error(`server did not start:\n${stderr}`)), 15000);
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (c) => {
			stderr += c;
			const m = /cible: listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
			if (m) { clearTimeout(timer); res(m[1]); }
		});
		child.on('exit', (code) => { clearTimeout(timer); rej(new Error(`server exited (${code}):\n${stderr}`)); });
	});
	return { child, base, exited, stderr: () => stderr };
}

const freePort = () => new Promise((res) => {
	const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
});

let fx, second, nginx, ngDir, ngBase;
before(async () => {
	process.env.CIBLE_THREADS = '32';
	try { fx = await startFixture({ args: ['--send-interval', '1'] }); } finally { delete process.env.CIBLE_THREADS; }
	second = serve(fx.server.db, ['--send-interval', '1'], { CIBLE_THREADS: '32' });
	second.base = await second.base;
	if (!NGINX) return;
	ngDir = mkdtempSync(join(tmpdir(), 'cible-nginx-'));
	const port = await freePort();
	const hostport = (u) => new URL(u).host;
	writeFileSync(join(ngDir, 'nginx.conf'), `daemon off;
worker_processes 1;
pid ${ngDir}/nginx.pid;
error_log ${ngDir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${ngDir}/body;
  proxy_temp_path ${ngDir}/proxy;
  fastcgi_temp_path ${ngDir}/fastcgi;
  upstream cible { server ${hostport(fx.server.base)}; server ${hostport(second.base)}; keepalive 16; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://cible;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_next_upstream off;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`);
	nginx = spawn(NGINX, ['-p', ngDir, '-c', join(ngDir, 'nginx.conf'), '-e', join(ngDir, 'error.log')],
		{ stdio: ['ignore', 'ignore', 'pipe'] });
	ngBase = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {   // until it listens
		try { await fetch(`${ngBase}/healthz`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
	}
});
after(async () => {
	if (nginx && nginx.exitCode === null) { nginx.kill('SIGQUIT'); await new Promise((r) => nginx.on('close', r)); }
	if (ngDir) rmSync(ngDir, { recursive: true, force: true });
	if (second?.child.exitCode === null && second.child.signalCode === null) second.child.kill('SIGTERM');
	await second?.exited;
	await fx?.server.stop();
});

test('nginx from Debian is installed (scripts/deps.sh test installs nginx-light)', () => {
	assert.ok(NGINX, 'no nginx: apt-get install nginx-light');
	assert.equal(spawnSync(NGINX, ['-v']).status, 0);
});

test('a session made on one server is good on the other: logged in through one, written through the other', async () => {
	const a = await fx.server.login(fx.clients.member1.me.email);
	const b = new Client(second.base, { cookie: a.cookie, csrf: a.csrf });
	const me = await ok(b.get('/api/me'));
	assert.equal(me.email, fx.clients.member1.me.email);
	const path = `/api/objectives/${fx.obj.I1}`;
	const written = await ok(b.post(`${path}/checkins`, { comment: 'écrit par le second serveur' }), 201);
	const list = await ok(a.get(`${path}/checkins`));
	assert.ok(list.items.some((c) => c.id === written.id), 'the first server reads what the second wrote');
	// logging out on one ends the session on both
	await ok(b.post('/api/logout'));
	assert.equal((await a.get('/api/me')).status, 401);
});

test('behind nginx (round robin): both servers answer, and a login through one is good for every request', async () => {
	assert.ok(ngBase, 'nginx did not start');
	const c = new Client(ngBase);
	const r = await c.post('/api/login', { email: fx.server.adminEmail, password: process.env.CIBLE_PASSWORD || 'cible-test-password' });
	assert.equal(r.status, 200, r.text);
	c.cookie = (r.headers.get('set-cookie') || '').split(';')[0];
	c.csrf = r.body.csrf_token;
	const upstreams = new Set();
	for (let i = 0; i < 8; i++) {
		const g = await c.get(`/api/objectives/${fx.obj.I2}`);
		assert.equal(g.status, 200, g.text);
		upstreams.add(g.headers.get('x-upstream'));
		const w = await c.patch(`/api/objectives/${fx.obj.I2}`, { confidence: (i + 1) / 10 },
			{ headers: { 'if-match': g.headers.get('etag') } });
		assert.equal(w.status, 200, w.text);
		upstreams.add(w.headers.get('x-upstream'));
	}
	assert.equal(upstreams.size, 2, `both servers answered: ${[...upstreams]}`);
	fx.ng = c;
});

test('32 writers at once on one objective through nginx, read-modify-write with If-Match: no update lost, no 5xx', async () => {
	const c = fx.ng;
	assert.ok(c, 'the nginx login did not happen');
	const path = `/api/objectives/${fx.obj.I3}`;
	const start = await ok(c.get(path));
	const WRITERS = 32;
	const statuses = {};
	const count = (s) => { statuses[s] = (statuses[s] || 0) + 1; };
	const upstreams = new Set();
	const writer = async (i) => {
		for (let round = 0; round < 200; round++) {
			const r = await c.get(path);
			count(r.status);
			assert.equal(r.status, 200, r.text);
			const plan = [...r.body.plan, { title: `étape du rédacteur ${i}`, due: '2027-03-01', done: false }];
			const w = await c.patch(path, { plan }, { headers: { 'if-match': r.headers.get('etag') } });
			count(w.status);
			upstreams.add(w.headers.get('x-upstream'));
			if (w.status === 200) return round;
			assert.equal(w.status, 412, w.text);
		}
		throw new Error(`writer ${i} never got through`);
	};
	const rounds = await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
	assert.deepEqual(Object.keys(statuses).filter((s) => s >= 500), [], `no 5xx: ${JSON.stringify(statuses)}`);
	const end = await ok(c.get(path));
	assert.equal(end.version, start.version + WRITERS, JSON.stringify(statuses));
	const titles = end.plan.map((s) => s.title).filter((t) => t.startsWith('étape du rédacteur'));
	assert.equal(new Set(titles).size, WRITERS, 'every writer\'s step is there, once');
	assert.equal(titles.length, WRITERS);
	assert.ok(Math.max(...rounds) > 0, 'the writers did meet');
	assert.equal(upstreams.size, 2, 'the writes went to both servers');
});

test('the background jobs run on one server at a time (a lease row); kill it and the other takes over', async () => {
	const lease = () => dbQuery(fx.server.db, "SELECT holder, expires FROM job_lease WHERE name = 'background'")[0];
	const waitFor = async (pred, what) => {
		for (let i = 0; i < 200; i++) {
			const l = lease();
			if (l && pred(l)) return l;
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`${what}: ${JSON.stringify(lease())}`);
	};
	const pidOf = (l) => Number(/pid (\d+)$/.exec(l.holder)?.[1]);
	const first = await waitFor((l) => pidOf(l) > 0, 'nobody took the lease');
	const holder = pidOf(first);
	const pids = [fx.server.pid, second.child.pid];
	assert.ok(pids.includes(holder), `${first.holder} is one of the servers ${pids}`);
	// renewed by its holder, never taken by the other while it lives
	await new Promise((r) => setTimeout(r, 2500));
	const later = lease();
	assert.equal(pidOf(later), holder, 'the holder keeps the lease while it renews it');
	assert.ok(Number(later.expires) > Number(first.expires) || Number(later.expires) >= Date.now() / 1000);
	const other = pids.find((p) => p !== holder);
	const log = holder === fx.server.pid ? second.stderr() : fx.server.stderr();
	assert.doesNotMatch(log, /this server runs the background jobs/);
	// killed with no chance to let go: the lease expires, the other takes it
	const killed = holder === fx.server.pid ? null : second;
	process.kill(holder, 'SIGKILL');
	const t0 = Date.now();
	const took = await waitFor((l) => pidOf(l) === other, 'the surviving server did not take over');
	assert.ok(Date.now() - t0 < 20000);
	assert.ok(took.holder.endsWith(`pid ${other}`));
	if (killed) await killed.exited;
	else {
		// the fixture's server was the one killed: its stop() must not fail on it
		fx.server.stop = async () => {};
	}
	// the survivor still answers
	const base = killed ? fx.server.base : second.base;
	assert.equal((await fetch(`${base}/healthz`)).status, 200);
});

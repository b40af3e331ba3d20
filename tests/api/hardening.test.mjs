// Hardening (issue 16): what is decided before a body is read, the import's
// real size limit, HEAD's headers, and log lines a URL cannot forge.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture({ logLevel: 'info' }); });
after(async () => { await fx.server.stop(); });

// Sends raw request headers announcing `length` bytes of body, then only
// `send` bytes; resolves with what the server answered and how long it took.
function rawPost(path, length, send, extra = '') {
	const { port, hostname } = new URL(fx.server.base);
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const s = net.connect(Number(port), hostname, () => {
			s.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n`
				+ `Content-Length: ${length}\r\n${extra}\r\n`);
			if (send) s.write(Buffer.alloc(send, 'a'));
		});
		let got = '';
		s.setEncoding('utf8');
		s.on('data', (c) => { got += c; if (/\r\n\r\n/.test(got)) { s.destroy(); resolve({ got, ms: Date.now() - t0 }); } });
		s.on('error', reject);
		setTimeout(() => { s.destroy(); reject(new Error(`no answer: ${got}`)); }, 5000);
	});
}

test('an anonymous 60 MiB import is refused with 401 before its body is read', async () => {
	const r = await rawPost('/api/import', 60 * 1024 * 1024, 1024);
	assert.match(r.got, /^HTTP\/1\.1 401/, r.got);
	assert.ok(r.ms < 1000, `answered in ${r.ms} ms`);
});

test('a member\'s import is refused with 403 before the file is read', async () => {
	const m = fx.clients.member1;
	const r = await rawPost('/api/import', 10 * 1024 * 1024, 0,
		`Cookie: ${m.cookie}\r\nX-CSRF-Token: ${m.csrf}\r\n`);
	assert.match(r.got, /^HTTP\/1\.1 403/, r.got);
});

test('an import\'s data may be far over 20,000 characters (4,000 rows)', async () => {
	const rows = ['ref,agent,day,ok'];
	for (let i = 0; i < 4000; i++)
		rows.push(`big-${i},${fx.people.member1},2027-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 3 ? 'Y' : 'N'}`);
	const data = rows.join('\n') + '\n';
	assert.ok(data.length > 50000, `${data.length} characters`);
	const body = await ok(fx.clients.admin.post('/api/import', { kind: 'call', person: 'agent',
		date: 'day', id: 'ref', fields: [{ name: 'answered', column: 'ok', type: 'bool' }], data }));
	const list = await ok(fx.clients.admin.get(`/api/activity?person=${fx.people.member1}&limit=1`));
	assert.ok(list.total >= 4000, `${list.total} records stored: ${JSON.stringify(body).slice(0, 300)}`);
});

test('HEAD answers the Content-Length of the GET', async () => {
	const a = fx.clients.admin;
	const g = await fetch(fx.server.base + '/api/me', { headers: { cookie: a.cookie } });
	const body = await g.text();
	const h = await fetch(fx.server.base + '/api/me', { method: 'HEAD', headers: { cookie: a.cookie } });
	assert.equal(h.status, 200);
	assert.equal(h.headers.get('content-length'), String(Buffer.byteLength(body)));
});

test('a URL with encoded CR and LF writes no line of its own into the log', async () => {
	const r = await fetch(fx.server.base + '/api/nothing%0d%0a2026-01-01T00:00:00Z%20127.0.0.1%20GET%20/forged%20200');
	assert.equal(r.status, 404);
	await r.text();
	await new Promise((res) => setTimeout(res, 100));
	const lines = fx.server.stderr().split('\n');
	assert.ok(!lines.some((l) => l.startsWith('2026-01-01T00:00:00Z')), 'no forged line');
});

test('slowloris: a client trickling header lines is cut at 15 s, and others are answered meanwhile', async () => {
	const { port, hostname } = new URL(fx.server.base);
	const socks = [];
	const closed = [];
	const t0 = Date.now();
	for (let i = 0; i < 50; i++) {
		const s = net.connect(Number(port), hostname, () => s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));
		s.on('error', () => {});
		closed.push(new Promise((res) => s.on('close', () => res(Date.now() - t0))));
		socks.push(s);
	}
	const drip = setInterval(() => { for (const s of socks) if (!s.destroyed) s.write(`X-Drip: ${Date.now()}\r\n`); }, 2000);
	try {
		await new Promise((res) => setTimeout(res, 3000));
		const f0 = Date.now();
		const r = await fetch(fx.server.base + '/healthz');
		await r.text();
		assert.equal(r.status, 200);
		assert.ok(Date.now() - f0 < 100, `a fresh request took ${Date.now() - f0} ms`);
		const times = await Promise.all(closed);
		const last = Math.max(...times);
		assert.ok(last >= 14000 && last < 19000, `the trickling connections closed after ${last} ms`);
	} finally {
		clearInterval(drip);
		for (const s of socks) s.destroy();
	}
});

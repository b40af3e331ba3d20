// Transport settings (issue 16, items 1 and 12): Secure cookies and HSTS only
// when cible is told its public address is https://, and the connection
// limit per client address. Each test starts its own server with the setting.
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { PASSWORD, startServer } from './harness.mjs';

async function login(base) {
	// no Origin header: what a same-origin fetch of a non-browser client sends
	const r = await fetch(base + '/api/login', { method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: 'admin@cible.test', password: PASSWORD }) });
	assert.equal(r.status, 200, await r.text());
	return r;
}

test('behind https:// (--public-url), the session cookie is Secure and every answer carries HSTS', async () => {
	const server = await startServer({ args: ['--public-url', 'https://cible.example.fr/'] });
	try {
		const r = await login(server.base);
		const cookie = r.headers.get('set-cookie');
		assert.match(cookie, /;\s*Secure/i, cookie);
		assert.match(cookie, /HttpOnly/i, cookie);
		assert.match(r.headers.get('strict-transport-security') || '', /max-age=\d{7,}/);
		const h = await fetch(server.base + '/healthz');
		assert.equal(h.status, 200);
		assert.match(h.headers.get('strict-transport-security') || '', /max-age=/, '/healthz too');
		const page = await fetch(server.base + '/login');
		assert.match(page.headers.get('strict-transport-security') || '', /max-age=/, 'the pages too');
	} finally {
		await server.stop();
	}
});

test('over plain http:// (no --public-url), no Secure flag a browser would drop the cookie for, and no HSTS', async () => {
	const server = await startServer();
	try {
		const r = await login(server.base);
		const cookie = r.headers.get('set-cookie');
		assert.doesNotMatch(cookie, /Secure/i, cookie);
		assert.equal(r.headers.get('strict-transport-security'), null);
	} finally {
		await server.stop();
	}
});

// Opens a connection that sends half a request line and waits.
function idle(port) {
	return new Promise((resolve, reject) => {
		const s = net.connect(port, '127.0.0.1', () => { s.write('GET /healthz HTTP/1.1\r\n'); resolve(s); });
		s.on('error', reject);
	});
}

// A full request on a fresh connection: the status line, or 'closed' when the
// server shuts the connection without answering.
function ask(port) {
	return new Promise((resolve) => {
		const s = net.connect(port, '127.0.0.1', () => s.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
		let got = '';
		s.setEncoding('utf8');
		s.on('data', (c) => { got += c; });
		s.on('error', () => resolve('closed'));
		s.on('close', () => resolve(got ? got.split('\r\n')[0] : 'closed'));
		setTimeout(() => { s.destroy(); resolve(got ? got.split('\r\n')[0] : 'timeout'); }, 3000);
	});
}

test('--max-per-address: one address holds at most that many connections; the next is shut, and served again once one ends', async () => {
	const server = await startServer({ args: ['--max-per-address', '4'] });
	const port = Number(new URL(server.base).port);
	const held = [];
	try {
		assert.match(await ask(port), /^HTTP\/1\.1 200/, 'a request under the limit is served');
		for (let i = 0; i < 4; i++) held.push(await idle(port));
		await new Promise((res) => setTimeout(res, 200));
		assert.equal(await ask(port), 'closed', 'the fifth connection from the address is shut');
		held.pop().destroy();
		await new Promise((res) => setTimeout(res, 300));
		assert.match(await ask(port), /^HTTP\/1\.1 200/, 'served again once one connection ended');
	} finally {
		for (const s of held) s.destroy();
		await server.stop();
	}
});

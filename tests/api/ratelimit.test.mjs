// Login limits (issue 16, defect 4), on a server of their own: failures are
// counted by email AND client address together, with a wait that doubles, so
// that nobody can lock the rightful user out from elsewhere. Other addresses
// are other loopback addresses (127.0.0.2, ...), which reach the server on
// 127.0.0.1 as distinct clients.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { PASSWORD, dbExec, ok, startServer } from './harness.mjs';
import { contractError } from './contract.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// POST /api/login from a given local address; { status, retryAfter, body }.
function loginFrom(localAddress, email, password) {
	const { hostname, port } = new URL(server.base);
	const payload = JSON.stringify({ email, password });
	return new Promise((resolve, reject) => {
		const req = http.request({ host: hostname, port, localAddress, method: 'POST', path: '/api/login',
			headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
		(res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c) => { text += c; });
			res.on('end', () => {
				const body = text ? JSON.parse(text) : null;
				const why = contractError('POST', '/api/login', { status: res.statusCode, text, body,
					contentType: res.headers['content-type'] });
				if (why) reject(new Error(`against docs/openapi.json: ${why}`));
				resolve({ status: res.statusCode, retryAfter: Number(res.headers['retry-after']), body,
					cookie: res.headers['set-cookie'] });
			});
		});
		req.on('error', reject);
		req.end(payload);
	});
}

test('5 failures for the admin\'s email from another address delay that address only: the admin still logs in', async () => {
	for (let k = 0; k < 5; k++)
		assert.equal((await loginFrom('127.0.0.2', server.adminEmail, 'au-hasard')).status, 401);
	const stopped = await loginFrom('127.0.0.2', server.adminEmail, PASSWORD);
	assert.equal(stopped.status, 429, JSON.stringify(stopped.body));
	assert.equal(stopped.body.error.code, 'too_many_attempts');
	assert.ok(stopped.retryAfter > 0 && stopped.retryAfter <= 30, `Retry-After: ${stopped.retryAfter}`);
	assert.equal(stopped.cookie, undefined);
	const rightful = await loginFrom('127.0.0.1', server.adminEmail, PASSWORD);
	assert.equal(rightful.status, 200, JSON.stringify(rightful.body));
});

test('20 failures from one address, over different emails, do not stop another email\'s right password from there', async () => {
	for (let k = 0; k < 20; k++) {
		const r = await loginFrom('127.0.0.3', `devine.${k}@cible.test`, 'au-hasard');
		assert.equal(r.status, 401, `attempt ${k + 1}`);
	}
	const r = await loginFrom('127.0.0.3', server.adminEmail, PASSWORD);
	assert.equal(r.status, 200, JSON.stringify(r.body));
});

test('the wait doubles with each failure after the fifth, and `cible user unlock` lifts it, audited', async () => {
	const from = '127.0.0.4';
	for (let k = 0; k < 5; k++)
		assert.equal((await loginFrom(from, server.adminEmail, 'au-hasard')).status, 401);
	const first = await loginFrom(from, server.adminEmail, 'au-hasard');
	assert.equal(first.status, 429);
	assert.ok(first.retryAfter > 0 && first.retryAfter <= 30, `Retry-After: ${first.retryAfter}`);
	// 31 seconds later (the failures moved back in time): one more try, then twice as long
	dbExec(server.db, `UPDATE login_attempt SET at = at - 31 WHERE address = '${from}'`);
	assert.equal((await loginFrom(from, server.adminEmail, 'au-hasard')).status, 401);
	const second = await loginFrom(from, server.adminEmail, PASSWORD);
	assert.equal(second.status, 429);
	assert.ok(second.retryAfter > 30 && second.retryAfter <= 60, `Retry-After: ${second.retryAfter}`);

	const out = server.cli(['user', 'unlock', '--email', server.adminEmail.toUpperCase(), '--lang', 'en']);
	assert.match(out, /login delays lifted/);
	const r = await loginFrom(from, server.adminEmail, PASSWORD);
	assert.equal(r.status, 200, JSON.stringify(r.body));
	const admin = await server.login(server.adminEmail);
	const trail = await ok(admin.get('/api/audit?entity=login&limit=5'));
	assert.equal(trail.items[0].action, 'unlock');
	assert.equal(trail.items[0].actor_id, null);
	assert.equal(trail.items[0].after.email, server.adminEmail.toUpperCase());
	assert.ok(trail.items[0].after.failures >= 7, JSON.stringify(trail.items[0].after));
});

test('an admin lifts the delays of an email of their organisation with POST /api/login/unlock', async () => {
	const from = '127.0.0.5';
	for (let k = 0; k < 6; k++)
		await loginFrom(from, server.adminEmail, 'au-hasard');
	assert.equal((await loginFrom(from, server.adminEmail, PASSWORD)).status, 429);
	const admin = await server.login(server.adminEmail);
	const r = await ok(admin.post('/api/login/unlock', { email: server.adminEmail }));
	assert.ok(r.failures >= 5, JSON.stringify(r));
	assert.equal((await loginFrom(from, server.adminEmail, PASSWORD)).status, 200);
	const unknown = await admin.post('/api/login/unlock', { email: 'personne@ailleurs.test' });
	assert.equal(unknown.status, 404, unknown.text);
	const none = await admin.post('/api/login/unlock', {});
	assert.equal(none.status, 422, none.text);
});

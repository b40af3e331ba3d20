// Login limits per client address, on a server of its own: once tripped, it
// refuses every login from 127.0.0.1, which no other test could live with.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PASSWORD, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('after 20 failed logins from one address, with different emails, the next is refused with 429 and Retry-After', async () => {
	for (let k = 0; k < 20; k++) {
		const r = await server.anon.post('/api/login', { email: `devine.${k}@cible.test`,
			password: 'au-hasard' });
		assert.equal(r.status, 401, `attempt ${k + 1}: ${r.text}`);
	}
	// a guesser who spreads over addresses is stopped too, valid password or not
	const r = await server.anon.post('/api/login', { email: server.adminEmail, password: PASSWORD });
	assert.equal(r.status, 429, r.text);
	assert.equal(r.body.error.code, 'too_many_attempts');
	const wait = Number(r.headers.get('retry-after'));
	assert.ok(Number.isInteger(wait) && wait > 0 && wait <= 900, `Retry-After: ${wait}`);
	assert.equal(r.headers.get('set-cookie'), null);
});

// Bounded memory per client: each argon2id check takes 64 MiB. Without the
// gate of src/app/secret.c, 24 logins at once would take 1.5 GiB; with it, at
// most one check per processor runs at once. Read from the kernel's own peak
// (VmHWM), so no transient escapes the measurement.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { CIBLE_BIN, PASSWORD, startServer } from './harness.mjs';

let server;
// 16 request threads, so that without the gate many checks would overlap; a
// gate of 2 whatever this machine has.
before(async () => {
	process.env.CIBLE_THREADS = '16';
	process.env.CIBLE_HASH_SLOTS = '2';
	try { server = await startServer(); } finally {
		delete process.env.CIBLE_THREADS;
		delete process.env.CIBLE_HASH_SLOTS;
	}
});
after(async () => { await server.stop(); });

const status = (field) => {
	const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
	return Number(m[1]) / 1024;
};

test('24 logins at once keep the server below one argon2id check per processor (VmHWM)', async () => {
	await server.login(server.adminEmail);  // warm: libraries, caches, the first arena
	const before = status('VmHWM');
	const n = 24;
	const answers = await Promise.all(Array.from({ length: n },
		() => server.anon.post('/api/login', { email: server.adminEmail, password: PASSWORD })));
	for (const r of answers) assert.equal(r.status, 200, r.text);
	const grown = status('VmHWM') - before;
	// the sanitizer build keeps freed blocks in its quarantine (256 MiB by default)
	const asan = /build-asan/.test(CIBLE_BIN) ? 320 : 0;
	const bound = 2 * 66 + 64 + asan;
	assert.ok(grown <= bound, `peak grew by ${grown.toFixed(0)} MiB for ${n} logins; bound ${bound} MiB`);
	// and the check is real: one login costs its 64 MiB (the peak moved at all)
	assert.ok(status('VmHWM') >= 64, 'VmHWM readable');
});

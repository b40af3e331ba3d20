// The organisation's shape holds (defect 10 of issue 16): never without an
// active admin, one company at the root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

const people = async () => (await ok(fx.clients.admin.get('/api/people?limit=500'))).items;

test('the last active admin can neither be demoted nor deactivated; with a second admin, either can go', async () => {
	const admin = fx.clients.admin;
	const me = fx.people.admin;
	const before = await people();
	for (const [body, field] of [[{ role: 'member' }, 'role'], [{ role: 'manager' }, 'role'], [{ active: false }, 'active']]) {
		const r = await admin.patch(`/api/people/${me}`, body);
		assert.equal(r.status, 409, r.text);
		assert.equal(r.body.error.code, 'last_admin');
		assert.equal(r.body.error.field, field);
		assert.match(r.body.error.message, /dernier administrateur actif/);
	}
	assert.deepEqual(await people(), before, 'nothing changed');
	// HR becomes admin: now the first admin may step down, and the new one is the last
	await ok(admin.patch(`/api/people/${fx.people.hr}`, { role: 'admin' }));
	await ok(admin.patch(`/api/people/${me}`, { role: 'manager' }));
	const hr = await fx.server.login('rh@cible.test');
	const r = await hr.patch(`/api/people/${fx.people.hr}`, { active: false });
	assert.equal(r.status, 409, r.text);
	assert.equal(r.body.error.code, 'last_admin');
	await ok(hr.patch(`/api/people/${me}`, { role: 'admin' }));
});

test('a second company at the root is refused with 409 second_root; the root itself can still be renamed', async () => {
	const admin = await fx.server.login(fx.server.adminEmail);
	const units = (await ok(admin.get('/api/units'))).items;
	const r = await admin.post('/api/units', { name: 'Une autre société', kind: 'company' });
	assert.equal(r.status, 409, r.text);
	assert.equal(r.body.error.code, 'second_root');
	assert.equal(r.body.error.field, 'parent_id');
	assert.deepEqual((await ok(admin.get('/api/units'))).items, units, 'nothing written');
	const root = units.find((u) => u.kind === 'company');
	const renamed = await ok(admin.patch(`/api/units/${root.id}`, { name: 'Cible Essais SA' }));
	assert.equal(renamed.name, 'Cible Essais SA');
	// a unit under the root is still made as before
	await ok(admin.post('/api/units', { name: 'Filiale', kind: 'direction', parent_id: root.id }), 201);
});

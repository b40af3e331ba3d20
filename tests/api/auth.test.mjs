// Sessions and tokens that end when they should, passwords that only their
// owner sets, reset links, and a login another site cannot trigger (issue 16,
// defects 5 and 8).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EMAILS, PASSWORD, dbExec, dbQuery, ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

const NEW = 'un-tout-nouveau-mot-de-passe';

// A token of the client's person.
async function tokenOf(c, name = 'script') {
	return (await ok(c.post('/api/tokens', { name }), 201)).token;
}

async function lastAudit(action) {
	const trail = await ok(fx.clients.admin.get('/api/audit?entity=person&limit=50'));
	return trail.items.find((x) => x.action === action);
}

describe('passwords are their owner\'s (defect 5)', () => {
	test('a manager may not set a subordinate\'s password: 403 password_not_yours, nothing written', async () => {
		const r = await fx.clients.managerA.patch(`/api/people/${fx.people.member2}`, { password: NEW });
		assert.equal(r.status, 403, r.text);
		assert.equal(r.body.error.code, 'password_not_yours');
		assert.equal(r.body.error.field, 'password');
		// the old password still opens, the new one does not
		await fx.server.login(EMAILS.member2);
		const bad = await fx.server.anon.post('/api/login', { email: EMAILS.member2, password: NEW });
		assert.equal(bad.status, 401);
	});

	test('an admin may not either, and the refusal is worded in English on request', async () => {
		const r = await fx.clients.admin.patch(`/api/people/${fx.people.member2}`, { password: NEW },
			{ headers: { 'accept-language': 'en' } });
		assert.equal(r.status, 403, r.text);
		assert.equal(r.body.error.code, 'password_not_yours');
		assert.match(r.body.error.message, /reset link/);
		const fr = await fx.clients.admin.patch(`/api/people/${fx.people.member2}`, { password: NEW });
		assert.match(fr.body.error.message, /lien de réinitialisation/);
	});

	test('one\'s own password needs the current one: missing 422, wrong 403', async () => {
		const m = await fx.server.login(EMAILS.member3);
		const none = await m.patch(`/api/people/${fx.people.member3}`, { password: NEW });
		assert.equal(none.status, 422, none.text);
		assert.equal(none.body.error.field, 'current_password');
		const wrong = await m.patch(`/api/people/${fx.people.member3}`, { password: NEW,
			current_password: 'pas-le-bon' });
		assert.equal(wrong.status, 403, wrong.text);
		assert.equal(wrong.body.error.code, 'bad_credentials');
	});

	test('changing one\'s own password keeps this session, ends the others and every token', async () => {
		const here = await fx.server.login(EMAILS.member3);
		const there = await fx.server.login(EMAILS.member3);
		const script = fx.server.tokenClient(await tokenOf(here));
		await ok(script.get('/api/me'));
		const p = await ok(here.patch(`/api/people/${fx.people.member3}`, { password: NEW,
			current_password: PASSWORD }));
		assert.equal(p.id, fx.people.member3);
		await ok(here.get('/api/me'));
		assert.equal((await there.get('/api/me')).status, 401, 'the other session ended');
		assert.equal((await script.get('/api/me')).status, 401, 'the token ended');
		const entry = await lastAudit('revoke_access');
		assert.equal(entry.entity_id, fx.people.member3);
		// the fixture's session, the one of the test above, and `there`
		assert.deepEqual(entry.after, { sessions: 3, tokens: 1, kept_current: true });
		// the new password opens; put the old one back the same way
		const again = await fx.server.login(EMAILS.member3, NEW);
		await ok(again.post('/api/me/password', { current: NEW, new: PASSWORD }));
		await ok(again.get('/api/me'));
		assert.equal((await here.get('/api/me')).status, 401, 'POST /api/me/password ends the others too');
		fx.clients.member3 = again;
	});

	test('a change of role ends every session and token of the person', async () => {
		const m = await fx.server.login(EMAILS.member2);
		const script = fx.server.tokenClient(await tokenOf(m));
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member2}`, { role: 'hr' }));
		assert.equal((await m.get('/api/me')).status, 401);
		assert.equal((await script.get('/api/me')).status, 401);
		assert.equal((await fx.clients.member2.get('/api/me')).status, 401, 'the fixture\'s session too');
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member2}`, { role: 'member' }));
		fx.clients.member2 = await fx.server.login(EMAILS.member2);
	});

	test('a deactivation ends them for good: reactivating brings no old session back', async () => {
		const m = await fx.server.login(EMAILS.member2);
		const script = fx.server.tokenClient(await tokenOf(m));
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member2}`, { active: false }));
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member2}`, { active: true }));
		assert.equal((await m.get('/api/me')).status, 401);
		assert.equal((await script.get('/api/me')).status, 401);
		fx.clients.member2 = await fx.server.login(EMAILS.member2);
	});

	test('a change of job ends nothing', async () => {
		await ok(fx.clients.admin.patch(`/api/people/${fx.people.member1}`, { job: 'Conseillère' }));
		await ok(fx.clients.member1.get('/api/me'));
	});

	test('`cible user passwd` goes through the same use case: sessions and tokens end', async () => {
		const m = await fx.server.login(EMAILS.member1);
		const script = fx.server.tokenClient(await tokenOf(m));
		const out = fx.server.cli(['user', 'passwd', '--email', EMAILS.member1, '--lang', 'en']);
		assert.match(out, /password changed/);
		assert.equal((await m.get('/api/me')).status, 401);
		assert.equal((await script.get('/api/me')).status, 401);
		fx.clients.member1 = await fx.server.login(EMAILS.member1);
	});
});

describe('reset links (defect 5)', () => {
	const link = () => fx.server.cli(['user', 'reset', '--email', EMAILS.member1,
		'--public-url', 'https://cible.example.fr/']).trim();

	test('`cible user reset` prints a link on the public URL; only its hash is stored', async () => {
		const url = link();
		assert.match(url, /^https:\/\/cible\.example\.fr\/reset\?token=rst_[0-9a-f]{64}$/);
		const token = new URL(url).searchParams.get('token');
		const rows = dbQuery(fx.server.db, 'SELECT token_hash, expires_at - created_at AS life, used_at FROM password_reset');
		assert.ok(rows.length >= 1);
		assert.ok(rows.every((x) => x.token_hash !== token && /^[0-9a-f]{64}$/.test(x.token_hash)));
		assert.ok(rows.some((x) => x.life === 24 * 3600 && x.used_at === null));
	});

	test('POST /api/password-reset sets the password once, ends every session and token; a second use is 410', async () => {
		const token = new URL(link()).searchParams.get('token');
		const m = await fx.server.login(EMAILS.member1);
		const script = fx.server.tokenClient(await tokenOf(m));
		const weak = await fx.server.anon.post('/api/password-reset', { token, password: 'court' });
		assert.equal(weak.status, 422, weak.text);
		assert.equal(weak.body.error.code, 'weak_password');
		await ok(fx.server.anon.post('/api/password-reset', { token, password: NEW }));
		assert.equal((await m.get('/api/me')).status, 401);
		assert.equal((await script.get('/api/me')).status, 401);
		await fx.server.login(EMAILS.member1, NEW);
		const again = await fx.server.anon.post('/api/password-reset', { token, password: PASSWORD });
		assert.equal(again.status, 410, again.text);
		assert.equal(again.body.error.code, 'reset_link_invalid');
		const entry = await lastAudit('password_reset');
		assert.equal(entry.entity_id, fx.people.member1);
		assert.equal(entry.actor_id, fx.people.member1);
	});

	test('an expired link is refused with 410', async () => {
		const token = new URL(link()).searchParams.get('token');
		dbExec(fx.server.db, 'UPDATE password_reset SET expires_at = created_at - 1 WHERE used_at IS NULL');
		const r = await fx.server.anon.post('/api/password-reset', { token, password: PASSWORD });
		assert.equal(r.status, 410, r.text);
	});

	test('the /reset page sets the password from the link, in French or English', async () => {
		const token = new URL(link()).searchParams.get('token');
		const page = await fetch(`${fx.server.base}/reset?token=${token}`, { headers: { 'accept-language': 'en' } });
		const html = await page.text();
		assert.equal(page.status, 200);
		assert.match(html, /New password/);
		assert.ok(html.includes(`value="${token}"`));
		const post = await fetch(`${fx.server.base}/reset`, { method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: fx.server.base },
			body: new URLSearchParams({ token, password: PASSWORD }).toString() });
		const done = await post.text();
		assert.equal(post.status, 200, done);
		assert.match(done, /Votre mot de passe est changé/);
		fx.clients.member1 = await fx.server.login(EMAILS.member1, PASSWORD);
		const reused = await fetch(`${fx.server.base}/reset`, { method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: fx.server.base },
			body: new URLSearchParams({ token, password: NEW }).toString() });
		assert.equal(reused.status, 410);
		assert.match(await reused.text(), /déjà utilisé ou expiré/);
		const foreign = await fetch(`${fx.server.base}/reset`, { method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
			body: new URLSearchParams({ token, password: NEW }).toString() });
		assert.equal(foreign.status, 403);
	});
});

describe('tokens an admin may end (defect 5)', () => {
	test('an admin revokes a member\'s token; another member and another organisation get 404', async () => {
		const made = await ok(fx.clients.member1.post('/api/tokens', { name: 'export' }), 201);
		const script = fx.server.tokenClient(made.token);
		assert.equal((await fx.clients.member2.delete(`/api/tokens/${made.id}`)).status, 404);
		assert.equal((await fx.clients.managerA.delete(`/api/tokens/${made.id}`)).status, 404);
		assert.equal((await fx.clients.otherAdmin.delete(`/api/tokens/${made.id}`)).status, 404);
		await ok(script.get('/api/me'));
		await ok(fx.clients.admin.delete(`/api/tokens/${made.id}`));
		assert.equal((await script.get('/api/me')).status, 401);
	});
});

describe('login from another site (defect 8)', () => {
	test('a text/plain login is refused with 415 and sets no cookie', async () => {
		const r = await fx.server.anon.post('/api/login', undefined, {
			raw: JSON.stringify({ email: fx.server.adminEmail, password: PASSWORD }),
			headers: { 'content-type': 'text/plain' } });
		assert.equal(r.status, 415, r.text);
		assert.equal(r.body.error.code, 'json_required');
		assert.equal(r.headers.get('set-cookie'), null);
	});

	test('a login from a foreign Origin is refused with 403 and sets no cookie', async () => {
		for (const origin of ['https://evil.example', 'null']) {
			const r = await fx.server.anon.post('/api/login', { email: fx.server.adminEmail,
				password: PASSWORD }, { headers: { origin } });
			assert.equal(r.status, 403, `${origin}: ${r.text}`);
			assert.equal(r.body.error.code, 'foreign_origin');
			assert.equal(r.headers.get('set-cookie'), null);
		}
	});

	test('the server\'s own Origin, or none, logs in', async () => {
		const r = await fx.server.anon.post('/api/login', { email: fx.server.adminEmail,
			password: PASSWORD }, { headers: { origin: fx.server.base } });
		assert.equal(r.status, 200, r.text);
		assert.match(r.headers.get('set-cookie'), /cible_session=/);
	});

	test('the /login form keeps working', async () => {
		const r = await fetch(`${fx.server.base}/login`, { method: 'POST', redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: fx.server.base },
			body: new URLSearchParams({ email: fx.server.adminEmail, password: PASSWORD }).toString() });
		assert.equal(r.status, 302);
		assert.match(r.headers.get('set-cookie'), /cible_session=/);
		await r.text();
	});
});


describe('an email per organisation (defect 10)', () => {
	test('a person may be added with an email another organisation has: no email_taken leak', async () => {
		const made = await ok(fx.clients.admin.post('/api/people', { name: 'Mona Double',
			email: EMAILS.otherMember, password: PASSWORD, unit_id: fx.units.teamA }), 201);
		assert.equal(made.email, EMAILS.otherMember);
		// within one organisation an email stays unique
		const again = await fx.clients.admin.post('/api/people', { name: 'Mona Bis',
			email: EMAILS.otherMember.toUpperCase(), password: PASSWORD });
		assert.equal(again.status, 409, again.text);
		assert.equal(again.body.error.code, 'email_taken');
		// and the other organisation's list does not show ours
		const theirs = await ok(fx.clients.otherAdmin.get('/api/people?limit=50'));
		assert.equal(theirs.items.filter((p) => p.email === EMAILS.otherMember).length, 1);
	});

	test('the right password in both organisations makes one choose among them, then logs into the chosen one', async () => {
		const r = await fx.server.anon.post('/api/login', { email: EMAILS.otherMember, password: PASSWORD });
		assert.equal(r.status, 409, r.text);
		assert.equal(r.body.error.code, 'choose_organisation');
		assert.equal(r.headers.get('set-cookie'), null);
		const ours = fx.clients.admin.me.org_id;
		assert.deepEqual(r.body.error.organisations.map((o) => o.id).sort(), [ours, fx.otherOrg.id].sort());
		assert.ok(r.body.error.organisations.some((o) => o.name === 'Autre Société'));
		for (const org of [ours, fx.otherOrg.id]) {
			const in_ = await ok(fx.server.anon.post('/api/login', { email: EMAILS.otherMember,
				password: PASSWORD, organisation: org }));
			assert.equal(in_.org_id, org);
		}
		const wrong = await fx.server.anon.post('/api/login', { email: EMAILS.otherMember,
			password: 'pas-le-bon-du-tout', organisation: ours });
		assert.equal(wrong.status, 401);
	});

	test('only the organisations where the password matched are offered: one match logs in at once', async () => {
		await ok(fx.clients.admin.post('/api/people', { name: 'Oscar Ici', email: EMAILS.otherAdmin,
			password: 'le-mot-de-passe-d-ici' }), 201);
		const there = await ok(fx.server.anon.post('/api/login', { email: EMAILS.otherAdmin, password: PASSWORD }));
		assert.equal(there.org_id, fx.otherOrg.id);
		const here = await ok(fx.server.anon.post('/api/login', { email: EMAILS.otherAdmin,
			password: 'le-mot-de-passe-d-ici' }));
		assert.equal(here.org_id, fx.clients.admin.me.org_id);
	});

	test('the /login form offers the organisations to choose from', async () => {
		const post = (fields) => fetch(`${fx.server.base}/login`, { method: 'POST', redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: fx.server.base },
			body: new URLSearchParams(fields).toString() });
		const first = await post({ email: EMAILS.otherMember, password: PASSWORD });
		const html = await first.text();
		assert.equal(first.status, 409);
		assert.match(html, /<select id="organisation" name="organisation" required>/);
		assert.match(html, /Autre Société/);
		assert.match(html, /Cible Essais/);
		const chosen = await post({ email: EMAILS.otherMember, password: PASSWORD,
			organisation: String(fx.otherOrg.id) });
		assert.equal(chosen.status, 302);
		assert.match(chosen.headers.get('set-cookie'), /cible_session=/);
		await chosen.text();
	});

	test('the CLI asks for --org when an email has accounts in two organisations', async () => {
		assert.throws(() => fx.server.cli(['user', 'reset', '--email', EMAILS.otherMember]),
			/give --org/);
		const url = fx.server.cli(['user', 'reset', '--email', EMAILS.otherMember, '--org',
			String(fx.otherOrg.id)]);
		assert.match(url, /\/reset\?token=rst_/);
	});
});

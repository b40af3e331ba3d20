// The web app's pages over HTTP: logging in with the form, "Mes objectifs",
// an objective's page, the cascade, languages, escaping, who sees what.
// (Browser tests with a real Chromium come with the rest of the web app.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EMAILS, PASSWORD, dbQuery, ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

// A browser-like session: logs in through the form, keeps the cookie.
async function browser(email, { lang } = {}) {
	const base = fx.server.base;
	const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: base };
	if (lang) headers['accept-language'] = lang;
	const r = await fetch(base + '/login', { method: 'POST', redirect: 'manual', headers,
		body: new URLSearchParams({ email, password: PASSWORD }) });
	assert.equal(r.status, 302, `login of ${email}`);
	const cookie = r.headers.get('set-cookie').split(';')[0];
	const get = async (path, extra = {}) => {
		const res = await fetch(base + path, { redirect: 'manual',
			headers: { cookie, ...(lang ? { 'accept-language': lang } : {}), ...extra } });
		return { status: res.status, headers: res.headers, text: await res.text() };
	};
	return { cookie, get };
}

test('the login form logs in and lands on "Mes objectifs" in French by default', async () => {
	const b = await browser(EMAILS.member1);
	const home = await b.get('/');
	assert.equal(home.status, 200);
	assert.match(home.headers.get('content-type'), /^text\/html/);
	assert.match(home.text, /<html lang="fr">/);
	assert.match(home.text, /<h1>Mes objectifs<\/h1>/);
	assert.match(home.text, new RegExp(`href="/objectives/${fx.obj.I1}"`));
	assert.doesNotMatch(home.text, new RegExp(`href="/objectives/${fx.obj.I2}"`));
});

test('a wrong password shows the form again with the error beside it, the email kept', async () => {
	const r = await fetch(fx.server.base + '/login', { method: 'POST', redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: fx.server.base },
		body: new URLSearchParams({ email: 'quelqu.un@cible.test', password: 'non' }) });
	assert.equal(r.status, 401);
	const text = await r.text();
	assert.match(text, /role="alert"/);
	assert.match(text, /value="quelqu.un@cible.test"/);
	assert.equal(r.headers.get('set-cookie'), null);
});

test('a login form posted from another site is refused', async () => {
	const r = await fetch(fx.server.base + '/login', { method: 'POST', redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.test' },
		body: new URLSearchParams({ email: EMAILS.member1, password: PASSWORD }) });
	assert.equal(r.status, 403);
	assert.equal(r.headers.get('set-cookie'), null);
});

test('English by the browser\'s preference, and the choice is remembered in a cookie', async () => {
	const b = await browser(EMAILS.member1, { lang: 'en-GB,en;q=0.9' });
	assert.match((await b.get('/')).text, /<h1>My objectives<\/h1>/);
	const fr = await b.get('/lang/fr');
	assert.equal(fr.status, 302);
	assert.match(fr.headers.get('set-cookie'), /^cible_lang=fr;.*Max-Age=31536000/);
	const again = await b.get('/', { cookie: `${b.cookie}; cible_lang=fr` });
	assert.match(again.text, /<h1>Mes objectifs<\/h1>/);
});

test('an objective\'s page shows its fields and the chain up to the ambition', async () => {
	const b = await browser(EMAILS.member1);
	const page = await b.get(`/objectives/${fx.obj.I1}`);
	assert.equal(page.status, 200);
	assert.match(page.text, /Pourquoi cet objectif existe/);
	assert.match(page.text, new RegExp(`href="/objectives/${fx.obj.CA}"`));
	assert.match(page.text, /Historique/);
});

test('a member is kept out of another member\'s objective page', async () => {
	const b = await browser(EMAILS.member1);
	const page = await b.get(`/objectives/${fx.obj.I2}`);
	assert.equal(page.status, 404);
	assert.match(page.text, /role="alert"/);
	const cascade = await b.get('/cascade');
	assert.equal(cascade.status, 200);
	assert.doesNotMatch(cascade.text, new RegExp(`href="/objectives/${fx.obj.I2}"`));
	assert.match(cascade.text, new RegExp(`href="/objectives/${fx.obj.I1}"`));
});

test('user text is escaped on every page', async () => {
	const o = await ok(fx.clients.admin.post('/api/objectives', { level: 'individual',
		parent_id: fx.obj.CA, owner_person_id: fx.people.member1,
		title: '<script>alert("x")</script> & co' }), 201);
	const b = await browser(EMAILS.member1);
	for (const path of ['/', `/objectives/${o.id}`, '/cascade']) {
		const page = await b.get(path);
		assert.doesNotMatch(page.text, /<script>/, path);
		assert.match(page.text, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; co/, path);
	}
});

test('pages need a session, logging out needs the form\'s token, and the CSS is served', async () => {
	const anon = await fetch(fx.server.base + '/cascade', { redirect: 'manual' });
	assert.equal(anon.status, 302);
	assert.equal(anon.headers.get('location'), '/login');
	const b = await browser(EMAILS.member2);
	const forged = await fetch(fx.server.base + '/logout', { method: 'POST', redirect: 'manual',
		headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'csrf=nope' });
	assert.equal(forged.status, 403);
	assert.equal((await b.get('/')).status, 200);
	const home = await b.get('/');
	const csrf = home.text.match(/name="csrf" value="([0-9a-f]+)"/)[1];
	const out = await fetch(fx.server.base + '/logout', { method: 'POST', redirect: 'manual',
		headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: `csrf=${csrf}` });
	assert.equal(out.status, 302);
	assert.equal((await b.get('/')).status, 302);
	const css = await fetch(fx.server.base + '/static/cible.css');
	assert.equal(css.status, 200);
	assert.match(css.headers.get('content-type'), /^text\/css/);
	assert.equal((await fetch(fx.server.base + '/static/nope.css')).status, 404);
});

test('amounts per locale: 52 000 € in French, €52,000 in English; dates as each writes them', async () => {
	const o = await ok(fx.clients.admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member1, title: 'Marie : 57 200 € de chiffre d\'affaires en mars 2026',
		indicator: 'revenue', unit: '€', direction: 'increase', baseline: 40000, target: 57200.5,
		start: '2026-03-01', due: '2026-03-31' }), 201);
	await ok(fx.clients.admin.post('/api/activity', { kind: 'sale', records: [
		{ source_id: 'loc-1', person: String(fx.people.member1), at: '2026-03-10T10:00:00Z', fields: { amount: 30000 } },
		{ source_id: 'loc-2', person: String(fx.people.member1), at: '2026-03-12T10:00:00Z', fields: { amount: 22000.25 } }] }));
	const fr = await (await browser(EMAILS.member1)).get(`/objectives/${o.id}`);
	assert.match(fr.text, /52\u202f000,25 \/ 57\u202f200,5\u00a0€/);
	assert.match(fr.text, /01\/03\/2026 → 31\/03\/2026/);
	const en = await (await browser(EMAILS.member1, { lang: 'en' })).get(`/objectives/${o.id}`);
	assert.match(en.text, /€52,000\.25 \/ €57,200\.5/);
	assert.match(en.text, /2026-03-01 → 2026-03-31/);
});

test('the objective form saved after someone else\'s change is refused, said above the form, and writes nothing; saved again, it goes through', async () => {
	const b = await browser(fx.server.adminEmail);
	const id = fx.obj.I2;
	const page = await b.get(`/objectives/${id}/edit`);
	assert.equal(page.status, 200);
	const csrf = page.text.match(/name="csrf" value="([0-9a-f]+)"/)[1];
	const seen = page.text.match(/name="version" value="(\d+)"/)[1];
	// someone else changes it meanwhile, through the API
	const other = await ok(fx.clients.admin.patch(`/api/objectives/${id}`, { confidence: 0.4 }));
	assert.equal(other.version, Number(seen) + 1);
	const post = (version) => fetch(`${fx.server.base}/objectives/${id}/edit`, { method: 'POST',
		redirect: 'manual', headers: { cookie: b.cookie, origin: fx.server.base,
			'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ csrf, version, title: 'Paul : écrit depuis un formulaire ancien' }) });
	const stale = await post(seen);
	assert.equal(stale.status, 412);
	const html = await stale.text();
	assert.match(html, /role="alert">cet objectif a changé depuis votre lecture : il en est à la version \d+/);
	assert.match(html, /Paul : écrit depuis un formulaire ancien/, 'what was typed is kept');
	const now = html.match(/name="version" value="(\d+)"/)[1];
	assert.equal(Number(now), other.version, 'the form now carries the current version');
	assert.deepEqual(await ok(fx.clients.admin.get(`/api/objectives/${id}`)), other);
	const again = await post(now);
	assert.equal(again.status, 302);
	const saved = await ok(fx.clients.admin.get(`/api/objectives/${id}`));
	assert.equal(saved.title, 'Paul : écrit depuis un formulaire ancien');
	assert.equal(saved.confidence, 0.4, 'the other change is still there');
	assert.equal(saved.version, other.version + 1);
});

test('the objective form refuses "nan", "inf", 1e999 and a 70-digit figure, beside the field, and stores nothing', async () => {
	const b = await browser(fx.server.adminEmail);
	const before = await ok(fx.clients.admin.get(`/api/objectives/${fx.obj.I1}`));
	const page = await b.get(`/objectives/${fx.obj.I1}/edit`);
	assert.equal(page.status, 200);
	const csrf = page.text.match(/name="csrf" value="([0-9a-f]+)"/)[1];
	for (const target of ['nan', 'inf', '-Infinity', '1e999', '9'.repeat(70), '1e13']) {
		const r = await fetch(`${fx.server.base}/objectives/${fx.obj.I1}/edit`, { method: 'POST',
			redirect: 'manual', headers: { cookie: b.cookie, origin: fx.server.base,
				'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ csrf, title: before.title, target }) });
		assert.equal(r.status, 422, `target ${target}`);
		const html = await r.text();
		assert.match(html, /valeur invalide pour « target »/, `target ${target}`);
	}
	assert.deepEqual(await ok(fx.clients.admin.get(`/api/objectives/${fx.obj.I1}`)), before);
});

test('the check-in form reads "1 234,5" and "12,5" as typed in French and refuses "inf", "0x10" and "12 abc", storing nothing', async () => {
	const b = await browser(EMAILS.member1);
	const page = await b.get(`/objectives/${fx.obj.I1}`);
	assert.equal(page.status, 200);
	const csrf = page.text.match(/name="csrf" value="([0-9a-f]+)"/)[1];
	const send = (value) => fetch(`${fx.server.base}/objectives/${fx.obj.I1}/checkins`, {
		method: 'POST', redirect: 'manual', headers: { cookie: b.cookie, origin: fx.server.base,
			'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ csrf, value, comment: `valeur ${value}`, confidence: 'on_track' }) });
	const count = async () => (await ok(fx.clients.member1.get(`/api/objectives/${fx.obj.I1}/checkins`))).total;
	const start = await count();
	for (const value of ['inf', 'nan', '0x10', '12 abc', '1e999', '9'.repeat(70)]) {
		const r = await send(value);
		assert.equal(r.status, 422, `value ${value}`);
		assert.match(await r.text(), /« value »/, `value ${value}: the field is named`);
	}
	assert.equal(await count(), start, 'nothing stored');
	for (const [typed, read] of [['1 234,5', 1234.5], ['12,5', 12.5], ['1,234.5', 1234.5], ['30', 30]]) {
		const r = await send(typed);
		assert.equal(r.status, 302, `value ${typed}`);
		const last = (await ok(fx.clients.member1.get(`/api/objectives/${fx.obj.I1}/checkins?limit=1`))).items[0];
		assert.equal(last.value, read, `"${typed}" is read as ${read}`);
	}
	assert.equal(await count(), start + 4);
});

// Every form route of the web app, read from its route table (src/web/pages.c),
// so that a page added later is covered without being listed here: with an
// manager's session but no token, or another session's, each is a 403 before its
// handler runs, and nothing is written (the audit trail and the database's
// change counter stay where they were).
test('every form posted with a session needs its own CSRF token, checked before the page', async () => {
	const table = readFileSync(new URL('../../src/web/pages.c', import.meta.url), 'utf8');
	const forms = [...table.matchAll(/\{ "POST", "([^"]+)", \w+, ([^,]+),/g)]
		.filter((m) => /R_FORM/.test(m[2]) && !/R_PUBLIC/.test(m[2])).map((m) => m[1]);
	assert.ok(forms.length >= 15, `${forms.length} form routes read from pages.c`);
	const admin = await browser(EMAILS.managerA);
	const other = await browser(EMAILS.managerB);
	const home = await other.get('/');
	const foreign = home.text.match(/name="csrf" value="([0-9a-f]+)"/)[1];
	const before = dbQuery(fx.server.db, 'SELECT count(*) AS n FROM audit')[0].n;
	for (const path of forms) {
		const url = fx.server.base + path.replace(/\{id\}/g, '1');
		for (const body of ['title=x&name=x', `csrf=${foreign}&title=x&name=x`]) {
			const r = await fetch(url, { method: 'POST', redirect: 'manual',
				headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
				body });
			assert.equal(r.status, 403, `${path} with ${body.startsWith('csrf') ? 'another session\'s' : 'no'} token`);
			assert.match(await r.text(), /<html/i, `${path}: the web app's error page`);
		}
	}
	assert.equal(dbQuery(fx.server.db, 'SELECT count(*) AS n FROM audit')[0].n, before);
	assert.equal((await admin.get('/')).status, 200, 'the session survives the refusals');
});

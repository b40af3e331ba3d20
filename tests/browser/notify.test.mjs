// The notifications page in a real browser, on the demo organisation (issue
// 14): an agent finds it in the menu, reads their notifications, chooses
// their channels and language; the admin adds chat places (a malformed
// address refused with a clear message, a signed webhook's secret shown once)
// and removes one; fr and en, phone width, axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, AGENT, PASSWORD, assertAxe, axe, context, launch, login, noHorizontalScroll, shot, startDemo, done } from './browser.mjs';

let browser, server;
before(async () => {
	server = await startDemo();
	browser = await launch();
});
after(async () => {
	await browser?.close();
	await server?.stop();
});

async function api(path, email) {
	const r = await fetch(server.base + '/api/login', { method: 'POST',
		headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
	const cookie = r.headers.get('set-cookie').split(';')[0];
	return (await fetch(server.base + path, { headers: { cookie } })).json();
}

test('an agent opens Notifications from the menu, chooses channels and a language; they are kept', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, AGENT);
	await page.getByRole('link', { name: 'Notifications' }).click();
	await page.waitForLoadState('load');
	await page.getByRole('heading', { name: 'Mes notifications' }).waitFor();
	await page.getByRole('heading', { name: 'Comment être prévenu' }).waitFor();
	assert.equal(await page.getByRole('heading', { name: 'Canaux de messagerie' }).count(), 0,
		'an agent does not configure the chat');
	const lateByMail = page.getByRole('checkbox', { name: 'Par courriel Un point d\'étape est en retard' });
	assert.equal(await lateByMail.isChecked(), true, 'a late check-in comes by email by default');
	assertAxe(await axe(page), 'the notifications page');
	await lateByMail.uncheck();
	await page.getByRole('checkbox', { name: 'Dans la messagerie J\'obtiens un badge' }).uncheck();
	await page.getByLabel('Langue des courriels').selectOption('en');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await page.waitForLoadState('load');
	assert.equal(await lateByMail.isChecked(), false);
	assert.equal(await page.getByLabel('Langue des courriels').inputValue(), 'en');
	const prefs = await api('/api/notifications/preferences', AGENT);
	assert.equal(prefs.lang, 'en');
	const late = prefs.kinds.find((k) => k.kind === 'checkin_late');
	assert.deepEqual([late.inapp, late.email, late.chat], [true, false, false]);
	assert.equal(prefs.kinds.find((k) => k.kind === 'badge_earned').chat, false);
	await shot(page, 'notifications');
	await done(ctx);
});

test('the admin adds Slack and a signed webhook (its secret shown once), a malformed address is refused clearly, a place is removed', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, ADMIN);
	await page.goto(server.base + '/settings/notifications');
	await page.getByRole('heading', { name: 'Canaux de messagerie' }).waitFor();
	await page.getByRole('heading', { name: 'Envois en échec' }).waitFor();
	const add = async (kind, name, url) => {
		await page.getByLabel('Type').selectOption(kind);
		await page.getByLabel('Nom', { exact: true }).fill(name);
		await page.getByLabel('Adresse du webhook').fill(url);
		await page.getByRole('button', { name: 'Ajouter le canal' }).click();
		await page.waitForLoadState('load');
	};
	await add('slack', 'Mauvais', 'htp:/exemple');
	assert.match(await page.locator('main').innerText(),
		/« htp:\/exemple » n'est pas une adresse de webhook : il faut http:\/\/ ou https:\/\//);
	await page.goto(server.base + '/settings/notifications');
	await add('slack', 'Slack #ventes', 'https://hooks.slack.com/services/T000/B000/XXXX');
	assert.match(await page.locator('main').innerText(), /Slack #ventes \(slack, Toute l'organisation\)/);
	await add('webhook', 'Intégration RH', 'https://rh.example/hooks/cible');
	const secret = await page.locator('p.notice code').innerText();
	assert.match(secret, /^whsec_[0-9a-f]{64}$/);
	assertAxe(await axe(page), 'the notifications page of an admin');
	await page.goto(server.base + '/settings/notifications');
	assert.ok(!(await page.locator('main').innerText()).includes(secret), 'never shown again');
	const places = await api('/api/notifications/channels', ADMIN);
	assert.deepEqual(places.items.map((c) => c.kind).sort(), ['slack', 'webhook']);
	await page.locator('li', { hasText: 'Slack #ventes' }).getByRole('button', { name: 'Retirer' }).click();
	await page.waitForLoadState('load');
	assert.equal((await api('/api/notifications/channels', ADMIN)).items.length, 1);
	await done(ctx);
});

test('in English and at phone width the notifications page fits the screen', async () => {
	const ctx = await context(browser, server, { viewport: { width: 375, height: 740 },
		locale: 'en-GB' });
	const page = await ctx.newPage();
	await login(page, server, ADMIN);
	await page.goto(server.base + '/lang/en');
	await page.goto(server.base + '/settings/notifications');
	await page.getByRole('heading', { name: 'How to be told' }).waitFor();
	await page.getByRole('heading', { name: 'Chat places' }).waitFor();
	await page.getByRole('checkbox', { name: 'By email A check-in is late' }).waitFor();
	assert.ok(await noHorizontalScroll(page), 'no horizontal scroll at 375 px');
	assertAxe(await axe(page), 'the notifications page in English at phone width');
	await done(ctx);
});

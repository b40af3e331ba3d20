// Negotiation in the browser, on the demo organisation: the manager proposes
// a target with bounds on the objective's page, the agent counter-proposes
// the means, then a target (one outside the bounds is refused beside the
// form, what was typed kept), the manager accepts; the thread, the offer and
// the agreement show, in French and English, at phone width, axe-clean.
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

// The API as a script would use it, logged in as email.
async function session(email) {
	const r = await fetch(server.base + '/api/login', { method: 'POST',
		headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
	const cookie = r.headers.get('set-cookie').split(';')[0];
	const { csrf_token: csrf } = await r.json();
	const call = async (method, path, body) => {
		const res = await fetch(server.base + path, { method, headers: { cookie, 'x-csrf-token': csrf,
			'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
		return { status: res.status, body: await res.json() };
	};
	return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b) };
}

test('the manager proposes with bounds, the agent counters the means then the target, the manager accepts', async () => {
	const agent = await session(AGENT);
	const me = (await agent.get('/api/me')).body;
	const admin = await session(ADMIN);
	const managerEmail = (await admin.get(`/api/people/${me.manager_id}`)).body.email;
	const manager = await session(managerEmail);
	const mine = (await agent.get(`/api/objectives?owner=${me.id}&level=individual&limit=1`)).body.items[0];
	const draft = await manager.post('/api/objectives', { level: 'individual', parent_id: mine.parent_id,
		owner_person_id: me.id, title: 'Traiter 100 demandes par semaine au 1er semestre 2027',
		direction: 'increase', baseline: 70, target: 100, start: '2027-01-04', due: '2027-06-30' });
	assert.equal(draft.status, 201);
	const url = `${server.base}/objectives/${draft.body.id}`;

	// the manager opens the round
	const mctx = await context(browser, server);
	const mpage = await mctx.newPage();
	await mpage.setViewportSize({ width: 1280, height: 900 });
	await login(mpage, server, managerEmail);
	await mpage.goto(url);
	await mpage.getByRole('heading', { name: 'Négociation' }).waitFor();
	const proposal = mpage.locator('#form-proposal');
	await proposal.getByLabel('Borne basse, en % de la cible').fill('90');
	await proposal.getByLabel('Borne haute, en % de la cible').fill('110');
	await proposal.getByLabel('Temps').fill('10');
	await proposal.getByLabel('Appui').fill('Un binôme le lundi matin');
	await proposal.getByRole('button', { name: 'Proposer' }).click();
	await mpage.waitForURL(/#negotiation$/);
	assert.match(await mpage.locator('ol.rounds li').first().innerText(), /Proposition/);
	assert.match(await mpage.locator('#neg-bounds').innerText(), /90.*110/);
	assert.match(await mpage.locator('#negotiation .totals').innerText(), /Équipe/);

	// the agent: means first, then a target; outside the bounds is refused
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, server, AGENT);
	await page.goto(url);
	await page.getByRole('heading', { name: 'Offre sur la table' }).waitFor();
	assert.equal(await page.locator('#form-counter_target').count(), 0, 'means first');
	assert.match(await page.locator('#negotiation').innerText(), /Les moyens d'abord/);
	const means = page.locator('#form-counter_means');
	await means.getByLabel('Temps').fill('20');
	await means.getByLabel('Raison', { exact: true }).fill('Deux heures de plus par semaine pour les rappels');
	await means.getByRole('button', { name: 'Contre-proposer les moyens' }).click();
	await page.waitForURL(/#negotiation$/);
	const counter = page.locator('#form-counter_target');
	await counter.getByLabel('Cible').fill('130');
	await counter.getByLabel('Raison', { exact: true }).fill('Avec le temps en plus');
	await counter.getByRole('button', { name: 'Contre-proposer la cible' }).click();
	await page.waitForLoadState('load');
	assert.match(await page.locator('#neg-error').innerText(), /borne haute 110/);
	assert.equal(await page.locator('#form-counter_target').getByLabel('Cible').inputValue(), '130');
	assert.equal(await page.locator('#form-counter_target').getByLabel('Cible')
		.getAttribute('aria-invalid'), 'true');
	assertAxe(await axe(page), 'an objective page with a refused counter-proposal');
	await page.locator('#form-counter_target').getByLabel('Cible').fill('95');
	await page.locator('#form-counter_target').getByRole('button', { name: 'Contre-proposer la cible' }).click();
	await page.waitForURL(/#negotiation$/);
	const thread = page.locator('ol.rounds li');
	assert.equal(await thread.count(), 3);
	assert.match(await thread.nth(1).innerText(), /moyens[\s\S]*20 h[\s\S]*Deux heures/);
	assert.match(await thread.nth(2).innerText(), /cible[\s\S]*95/i);
	assertAxe(await axe(page), 'an objective page in negotiation');
	await shot(page, 'negociation');
	// at phone width the thread and the forms fit
	await page.setViewportSize({ width: 375, height: 800 });
	await page.reload();
	assert.ok(await noHorizontalScroll(page), 'no horizontal scroll at phone width');
	await shot(page, 'negociation-telephone');

	// the manager accepts: agreed, both names
	await mpage.goto(url);
	await mpage.locator('#form-accept').getByRole('button', { name: 'Accepter l\'offre' }).click();
	await mpage.waitForURL(/#negotiation$/);
	const agreed = await mpage.locator('#negotiation .agreed').innerText();
	assert.match(agreed, /Convenu le/);
	assert.match(agreed, new RegExp(me.name));
	assert.equal(await mpage.locator('#form-accept').count(), 0);
	await done(mctx);

	// in English
	const ectx = await context(browser, server, { locale: 'en-GB' });
	const epage = await ectx.newPage();
	await login(epage, server, AGENT);
	await epage.goto(url);
	await epage.getByRole('heading', { name: 'Negotiation' }).waitFor();
	assert.match(await epage.locator('ol.rounds').innerText(), /Counter-proposal on the means[\s\S]*Agreement/);
	assertAxe(await axe(epage), 'an agreed objective page in English');
	await done(ectx);
	await done(ctx);
});

// A team objective shared out in the browser (issue 12, items 2-3), on the
// demo organisation: the sales team's manager opens the share-out from the
// objective's page, previews the members' targets by their history (nothing
// written), confirms, and the objective's page shows its members' total
// against its target; the members' targets add up to it (summed here through
// the API); the admin's ramp-up plans (a plan whose steps do not rise is
// refused beside the form); fr and en, phone width, axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, PASSWORD, assertAxe, axe, context, launch, login, noHorizontalScroll, shot, startDemo, done } from './browser.mjs';

const MANAGER = 'aurelie.faure@verdier-energie.fr';  // manager — équipe commerciale

let browser, server;
before(async () => {
	server = await startDemo();
	browser = await launch();
});
after(async () => {
	await browser?.close();
	await server?.stop();
});

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

test('the sales manager shares next quarter\'s team revenue out by history; the targets add up', async () => {
	const api = await session(MANAGER);
	const me = (await api.get('/api/me')).body;
	const current = (await api.get(`/api/objectives?owner_unit=${me.unit_id}&level=collective`)).body.items
		.find((o) => o.indicator === 'revenue');
	assert.ok(current, 'the team has a revenue objective');
	// the demo's team adds up already
	const now = (await api.get(`/api/objectives/${current.id}`)).body;
	assert.equal(now.children_total.adds_up, true, JSON.stringify(now.children_total));
	const made = await api.post('/api/objectives', { level: 'collective', parent_id: current.parent_id,
		owner_unit_id: me.unit_id, title: 'Équipe Grands comptes : 300 000 € de chiffre d\'affaires au T1 2027',
		indicator: 'revenue', unit: '€', direction: 'increase', target: 300000,
		start: '2027-01-01', due: '2027-03-31' });
	assert.equal(made.status, 201, JSON.stringify(made.body));
	const id = made.body.id;

	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, server, MANAGER);
	await page.goto(`${server.base}/objectives/${id}`);
	await page.getByRole('link', { name: 'Répartir cet objectif entre les membres de l\'équipe' }).click();
	await page.getByRole('heading', { name: 'Répartir un objectif d\'équipe' }).waitFor();
	await page.getByLabel('Selon l\'historique de chacun').check();
	await page.getByRole('button', { name: 'Aperçu' }).click();
	await page.locator('#share-preview').waitFor();
	assert.match(await page.locator('#share-total').innerText(), /300\s000\s€/);
	assert.equal((await api.get(`/api/objectives?parent=${id}`)).body.total, 0, 'a preview writes nothing');
	assertAxe(await axe(page), 'the share-out preview');
	await page.locator('#share-preview').scrollIntoViewIfNeeded();
	await shot(page, 'repartition');
	await page.setViewportSize({ width: 375, height: 800 });
	assert.ok(await noHorizontalScroll(page), 'no horizontal scroll at phone width');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.getByRole('button', { name: 'Répartir et proposer à chacun' }).click();
	await page.waitForURL(/#share$/);
	assert.match(await page.locator('#children-total').innerText(),
		/Objectifs en dessous : total 300\s000 € \/ attendu 300\s000 €/);
	assertAxe(await axe(page), 'a team objective shared out');

	// summed independently: the drafts' targets make the team's, each proposed
	const kids = (await api.get(`/api/objectives?parent=${id}`)).body.items;
	assert.ok(kids.length >= 3);
	assert.equal(kids.reduce((s, k) => s + k.target, 0), 300000);
	assert.ok(kids.every((k) => k.status === 'proposed' && k.indicator === 'revenue'));
	// a member's draft says what target fits them, and why
	await page.goto(`${server.base}/objectives/${kids[0].id}`);
	const why = await page.locator('#suggested').innerText();
	assert.match(why, /Cible suggérée/);
	assert.match(why, /votre dernier trimestre|vos (deux|trois) derniers trimestres/);
	assert.match(why, /part de l'équipe : [\d\s,]+ k€/);
	assert.match(why, /→ proposé [\d\s,]+ k€/);
	assertAxe(await axe(page), 'a member\'s draft with its suggested target');
	await done(ctx);

	// in English
	const ectx = await context(browser, server, { locale: 'en-GB' });
	const epage = await ectx.newPage();
	await login(epage, server, MANAGER);
	await epage.goto(`${server.base}/objectives/${id}/share-out?method=even`);
	await epage.getByRole('heading', { name: 'Share a team objective out' }).waitFor();
	// a second share-out would count the members twice: refused, said in words
	assert.match(await epage.locator('#share-error').innerText(), /already has an objective/);
	assertAxe(await axe(epage), 'the share-out page in English');
	await done(ectx);
});

test('the admin sets a ramp-up plan; steps that do not rise are refused beside the form', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, server, ADMIN);
	await page.goto(`${server.base}/admin#ramp`);
	const section = page.locator('#ramp');
	assert.match(await section.innerText(), /Commerciale[\s\S]*25 %, 50 %, 75 % → 100 %/);
	await section.getByLabel('Fonction', { exact: true }).fill('Conseiller clientèle');
	await section.getByLabel('Paliers mensuels en % (ex. 25, 50, 75)').fill('50, 40');
	await section.getByRole('button', { name: 'Enregistrer le plan' }).click();
	assert.match(await page.locator('#ramp [role=alert]').innerText(), /steps\[1\].*palier supérieur au précédent/);
	await page.locator('#ramp').getByLabel('Paliers mensuels en % (ex. 25, 50, 75)').fill('30, 60, 90');
	await page.locator('#ramp').getByRole('button', { name: 'Enregistrer le plan' }).click();
	await page.waitForURL(/#ramp$/);
	assert.match(await page.locator('#ramp').innerText(), /Conseiller clientèle[\s\S]*30 %, 60 %, 90 %/);
	assertAxe(await axe(page), 'the administration with ramp-up plans');
	await done(ctx);
});

// The rhythm in a real browser, on the demo organisation (issue 11, items
// 3-6): the team page's late check-ins and a person's next one, a feedback
// thread given and answered (and out of reach of a third member), a
// one-to-one's agenda with the at-risk objective and last time's open action,
// its notes and actions; fr and en, phone width, axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, PASSWORD, assertAxe, axe, context, launch, login, noHorizontalScroll, startDemo, done } from './browser.mjs';

const MANAGER = 'hugo.sanchez@verdier-energie.fr';   // the call-centre floor's manager
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

test('the manager sees who is late on the team page, and a person their next check-in', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, MANAGER);
	await page.goto(server.base + '/team');
	await page.getByRole('heading', { name: 'Points d\'étape en retard' }).waitFor();
	const late = page.locator('#late ul.late li');
	assert.ok(await late.count() >= 1, 'someone is late in the demo');
	assert.match(await late.first().innerText(), /en retard de \d+ jours?/);
	assertAxe(await axe(page), 'the team page');
	// a monthly rhythm for the floor: fewer people late, never more
	const before = await late.count();
	await page.getByLabel('Rythme des points d\'étape de l\'équipe').selectOption('monthly');
	await page.getByRole('button', { name: 'Appliquer' }).click();
	await page.waitForLoadState('load');
	assert.equal(await page.getByLabel('Rythme des points d\'étape de l\'équipe').inputValue(), 'monthly');
	assert.ok(await late.count() <= before);
	await late.first().locator('a').click();
	await page.waitForLoadState('load');
	assert.match(await page.locator('p.rhythm').innerText(),
		/Prochain point d'étape attendu le \d\d\/\d\d\/\d{4}.*rythme : chaque mois/s);
	assertAxe(await axe(page), 'a person\'s page');
	await done(ctx);
});

test('the manager answers a feedback thread, the member answers back, a third member gets 404', async () => {
	const threads = (await api('/api/feedback', MANAGER)).items;
	const mine = threads.find((f) => f.from_name === 'Hugo Sanchez');
	assert.ok(mine, JSON.stringify(threads));
	const memberEmail = (await api(`/api/people/${mine.to_id}`, MANAGER)).email;
	let ctx = await context(browser, server);
	let page = await ctx.newPage();
	await login(page, server, MANAGER);
	await page.getByRole('link', { name: 'Retours' }).click();
	await page.getByRole('heading', { name: 'Retours', level: 1 }).waitFor();
	assertAxe(await axe(page), 'the feedback page');
	await page.locator(`a[href="/feedback/${mine.id}"]`).first().click();
	await page.getByRole('heading', { name: 'Échange', level: 1 }).waitFor();
	await page.getByLabel('Votre réponse').fill('Bonne idée : envoie-moi la version courte jeudi.');
	await page.getByRole('button', { name: 'Répondre' }).click();
	await page.waitForLoadState('load');
	assert.match(await page.locator('main').innerText(), /envoie-moi la version courte jeudi/);
	assertAxe(await axe(page), 'a feedback thread');
	await done(ctx);

	ctx = await context(browser, server, { locale: 'en-GB' });
	page = await ctx.newPage();
	await login(page, server, memberEmail);
	await page.goto(server.base + `/feedback/${mine.id}`);
	await page.getByRole('heading', { name: 'Thread', level: 1 }).waitFor();
	await page.getByLabel('Your answer').fill('Merci, je l\'envoie jeudi.');
	await page.getByRole('button', { name: 'Answer' }).click();
	await page.waitForLoadState('load');
	assert.match(await page.locator('main').innerText(), /je l'envoie jeudi/);
	assertAxe(await axe(page), 'a feedback thread in English');
	await done(ctx);

	// a member of the same floor who is neither of the two
	const third = memberEmail === AGENT ? 'emma.legrand@verdier-energie.fr' : AGENT;
	ctx = await context(browser, server);
	page = await ctx.newPage();
	await login(page, server, third);
	const r = await page.goto(server.base + `/feedback/${mine.id}`);
	assert.equal(r.status(), 404);
	assert.ok(!(await page.locator('main').innerText()).includes('version courte'));
	await done(ctx);
});

test('a one-to-one\'s agenda shows the at-risk objective and last time\'s open action; notes and actions', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, MANAGER);
	await page.getByRole('link', { name: 'Entretiens' }).click();
	await page.getByRole('heading', { name: 'Entretiens individuels', level: 1 }).waitFor();
	assertAxe(await axe(page), 'the one-to-ones page');
	await page.locator('section', { hasText: 'À venir' }).locator('a').first().click();
	await page.getByRole('heading', { name: /^Entretien individuel — / }).waitFor();
	const risk = page.locator('#agenda ul.risk li');
	assert.ok(await risk.count() >= 1, 'an objective at risk on the agenda');
	const open = page.locator('#agenda ul.actions li', { hasText: 'Écrire la version courte du script de facturation' });
	assert.equal(await open.count(), 1, 'last time\'s open action');
	assertAxe(await axe(page), 'a one-to-one');
	// notes: the private one comes back to its author
	await page.getByLabel('Notes partagées (lues par vous deux)').fill('Script court : à tester jeudi.');
	await page.getByLabel('Mes notes privées (lues par moi seul)').fill('Penser à la féliciter en équipe.');
	await page.getByRole('button', { name: 'Enregistrer les notes' }).click();
	await page.waitForLoadState('load');
	assert.equal(await page.getByLabel('Mes notes privées (lues par moi seul)').inputValue(),
		'Penser à la féliciter en équipe.');
	// a new action, then last time's marked done: it leaves the agenda
	await page.getByLabel('Action', { exact: true }).fill('Tester le script court sur dix appels');
	await page.getByRole('button', { name: 'Ajouter l\'action' }).click();
	await page.waitForLoadState('load');
	assert.match(await page.locator('#actions').innerText(), /Tester le script court sur dix appels/);
	await open.getByRole('button', { name: 'Marquer faite' }).click();
	await page.waitForLoadState('load');
	assert.equal(await page.locator('#agenda ul.actions li', { hasText: 'Écrire la version courte' }).count(), 0);
	await done(ctx);
});

test('at phone width the rhythm\'s pages fit the screen', async () => {
	const ctx = await context(browser, server, { viewport: { width: 375, height: 740 },
		isMobile: true, hasTouch: true });
	const page = await ctx.newPage();
	await login(page, server, MANAGER);
	const list = await api('/api/one-to-ones', MANAGER);
	const fb = await api('/api/feedback', MANAGER);
	for (const path of ['/team', '/feedback', `/feedback/${fb.items[0].id}`, '/one-to-ones',
		`/one-to-ones/${list.items[0].id}`]) {
		await page.goto(server.base + path);
		assert.ok(await noHorizontalScroll(page), path);
	}
	await done(ctx);
});

test('a check-in carries blockers and next steps; feedback can start from the objective', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, AGENT);
	assert.match(await page.locator('p.rhythm').innerText(), /Prochain point d'étape attendu le/);
	await page.locator('table.objectives a').first().click();
	await page.getByRole('heading', { name: 'Points d\'étape' }).waitFor();
	await page.getByLabel('Où en est-il ?', { exact: false }).fill('Semaine chargée en appels de factures.');
	await page.getByLabel('Ce qui bloque').fill('Le nouvel outil de facturation plante l\'après-midi.');
	await page.getByLabel('Prochaines étapes').fill('Tester le script court jeudi.');
	await page.getByRole('button', { name: 'Enregistrer le point' }).click();
	await page.waitForLoadState('load');
	const first = page.locator('ol.checkins li').first();
	assert.match(await first.innerText(), /Ce qui bloque :.*plante l'après-midi/s);
	assert.match(await first.innerText(), /Prochaines étapes :.*script court jeudi/s);
	assertAxe(await axe(page), 'an objective with a full check-in');
	await page.getByRole('link', { name: 'Faire un retour sur cet objectif' }).click();
	await page.getByRole('heading', { name: 'Retours', level: 1 }).waitFor();
	assert.match(await page.locator('main').innerText(), /À propos de l'objectif/);
	await done(ctx);
});

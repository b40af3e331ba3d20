// The indicators' synonyms in the administration page (issue 18, item 3), on
// the demo organisation: the admin adds a phrase for an indicator (an empty
// phrase is refused beside the form, its field named), the SMART check then
// reads a sentence with that phrase as the indicator, and the admin removes
// it again; fr and en, axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, PASSWORD, assertAxe, axe, context, launch, login, startDemo, done } from './browser.mjs';

let browser, server;
before(async () => {
	server = await startDemo();
	browser = await launch();
});
after(async () => {
	await browser?.close();
	await server?.stop();
});

async function smartCheck(title) {
	const r = await fetch(server.base + '/api/login', { method: 'POST',
		headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN, password: PASSWORD }) });
	const cookie = r.headers.get('set-cookie').split(';')[0];
	const { csrf_token: csrf } = await r.json();
	const res = await fetch(server.base + '/api/smart/check', { method: 'POST', headers: { cookie,
		'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
	return res.json();
}

const SENTENCE = 'Réduire le temps de garde de 10 % d\'ici fin 2027';

test('the admin adds a synonym, the reader takes it, the admin removes it', async () => {
	assert.equal((await smartCheck(SENTENCE)).read.indicator, null);
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, server, ADMIN);
	await page.goto(`${server.base}/admin#synonyms`);
	const section = page.locator('#synonyms');
	assert.match(await section.innerText(), /Aucun synonyme pour l'instant/);
	await section.getByLabel('Indicateur', { exact: true }).selectOption('asa');
	await section.getByRole('button', { name: 'Ajouter le synonyme' }).click();
	assert.match(await page.locator('#synonyms [role=alert]').innerText(), /phrase/);
	await page.locator('#synonyms').getByLabel('Expression', { exact: true }).fill('Temps de garde');
	await page.locator('#synonyms').getByLabel('Langue', { exact: true }).selectOption('fr');
	await page.locator('#synonyms').getByLabel('Indicateur', { exact: true }).selectOption('asa');
	await page.locator('#synonyms').getByRole('button', { name: 'Ajouter le synonyme' }).click();
	await page.waitForURL(/#synonyms$/);
	assert.match(await page.locator('#synonyms').innerText(), /temps de garde[\s\S]*fr[\s\S]*asa/);
	assertAxe(await axe(page), 'the administration with an indicator synonym');
	const read = await smartCheck(SENTENCE);
	assert.equal(read.read.indicator, 'asa');
	await page.locator('#synonyms').getByRole('button', { name: 'Supprimer temps de garde' }).click();
	await page.waitForURL(/#synonyms$/);
	assert.match(await page.locator('#synonyms').innerText(), /Aucun synonyme pour l'instant/);
	assert.equal((await smartCheck(SENTENCE)).read.indicator, null);
	await done(ctx);
});

test('the section reads in English', async () => {
	const ctx = await context(browser, server, { locale: 'en-GB' });
	const page = await ctx.newPage();
	await login(page, server, ADMIN);
	await page.goto(`${server.base}/admin#synonyms`);
	const section = page.locator('#synonyms');
	assert.match(await section.innerText(), /Indicator synonyms[\s\S]*No synonym yet/);
	await section.getByLabel('Phrase', { exact: true }).fill('hold time');
	await section.getByLabel('Language', { exact: true }).selectOption('en');
	await section.getByRole('button', { name: 'Add the synonym' }).click();
	await page.waitForURL(/#synonyms$/);
	assert.match(await page.locator('#synonyms').innerText(), /hold time[\s\S]*en/);
	assertAxe(await axe(page), 'the administration in English');
	await done(ctx);
});

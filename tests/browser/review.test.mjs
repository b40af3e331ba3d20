// Reviews in a real browser, on the demo organisation (issue 12, item 1):
// the sales rep's signed yearly review (outcomes with their bars, the
// signatures, the print stylesheet, the PDF), and the agent's quarterly
// review written by both sides, each assessment hidden from the other until
// both are submitted, then signed; fr and en, phone width, axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, assertAxe, axe, context, launch, login, noHorizontalScroll, startDemo, done } from './browser.mjs';

const REP = 'chloe.laurent@verdier-energie.fr';
const FLOOR = 'hugo.sanchez@verdier-energie.fr';   // the agent's manager
let browser, server;
before(async () => {
	server = await startDemo();
	browser = await launch();
});
after(async () => {
	await browser?.close();
	await server?.stop();
});

test('the rep reads her signed yearly review: outcomes and bars, both signatures, a clean print, the PDF', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, REP);
	await page.getByRole('link', { name: 'Bilans' }).click();
	await page.getByRole('heading', { name: 'Bilans', level: 1 }).waitFor();
	assertAxe(await axe(page), 'the reviews page');
	await page.getByRole('link', { name: /Bilan annuel 2026/ }).click();
	await page.waitForLoadState('load');
	await page.getByRole('heading', { name: /Bilan annuel 2026 — Chloé Laurent/ }).waitFor();
	const rows = page.locator('table.review-objectives tbody tr');
	assert.ok(await rows.count() >= 1, 'the objectives of 2026');
	assert.match(await rows.first().innerText(), /atteint|en partie|manqué|non mesuré/);
	const text = await page.locator('article.review').innerText();
	assert.match(text, /Signé par Chloé Laurent le \d\d\/\d\d\/\d{4}/);
	assert.match(text, /Ce qui n'a pas marché, et pourquoi\s+Le premier trimestre/);
	assert.equal(await page.locator('textarea').count(), 1, 'read-only: only the reason to reopen');
	assertAxe(await axe(page), 'a signed review');
	// printed: no navigation, no buttons, the review alone
	await page.emulateMedia({ media: 'print' });
	assert.equal(await page.locator('header').isVisible(), false);
	assert.equal(await page.getByRole('button', { name: /Rouvrir/ }).isVisible(), false);
	assert.ok(await page.locator('table.review-objectives').isVisible());
	await page.emulateMedia({ media: 'screen' });
	const href = await page.getByRole('link', { name: 'Télécharger le PDF' }).getAttribute('href');
	const pdf = await page.request.get(server.base + href);
	assert.equal(pdf.status(), 200);
	assert.equal(pdf.headers()['content-type'], 'application/pdf');
	assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
	// at phone width the page fits
	await page.setViewportSize({ width: 375, height: 740 });
	assert.ok(await noHorizontalScroll(page), 'no horizontal scroll at phone width');
	await done(ctx);
});

test('the agent and her manager write the quarterly review, each assessment hidden until both are in, then both sign (in English for the manager)', async () => {
	const agentCtx = await context(browser, server);
	const agent = await agentCtx.newPage();
	await login(agent, server, AGENT);
	await agent.goto(server.base + '/reviews');
	await agent.getByRole('link', { name: /Bilan trimestriel T4 2026/ }).click();
	await agent.waitForLoadState('load');
	const url = agent.url();
	await agent.getByLabel('Idées pour la suite').fill('Un script de facturation en cinq phrases.');
	await agent.getByRole('button', { name: 'Enregistrer' }).click();
	await agent.waitForLoadState('load');
	assert.equal(await agent.getByLabel('Idées pour la suite').inputValue(),
		'Un script de facturation en cinq phrases.');
	await agent.getByRole('button', { name: 'Remettre mon appréciation' }).click();
	await agent.waitForLoadState('load');
	assert.match(await agent.locator('article.review').innerText(),
		/Appréciation du manager\s+Montrée quand les deux appréciations sont remises\./);
	assertAxe(await axe(agent), 'a review being written');

	const mgrCtx = await context(browser, server, { locale: 'en-GB' });
	const mgr = await mgrCtx.newPage();
	await login(mgr, server, FLOOR);
	await mgr.goto(server.base + '/lang/en');
	await mgr.goto(url);
	await mgr.getByRole('heading', { name: /Quarterly review Q4 2026/ }).waitFor();
	assert.match(await mgr.locator('article.review').innerText(),
		/Self-assessment\s+Shown once both assessments are submitted\. \(submitted\)/);
	await mgr.getByLabel('Manager\'s assessment').fill('Steady quarter; first-call resolution up.');
	await mgr.getByRole('button', { name: 'Save' }).click();
	await mgr.waitForLoadState('load');
	await mgr.getByRole('button', { name: 'Submit my assessment' }).click();
	await mgr.waitForLoadState('load');
	assert.match(await mgr.locator('article.review').innerText(), /Bon trimestre sur la résolution/);
	await mgr.getByRole('button', { name: 'Sign the review' }).click();
	await mgr.waitForLoadState('load');
	assert.match(await mgr.locator('article.review').innerText(), /Signed by Hugo Sanchez on/);
	assertAxe(await axe(mgr), 'a review in English');
	await mgr.setViewportSize({ width: 375, height: 740 });
	assert.ok(await noHorizontalScroll(mgr), 'no horizontal scroll at phone width');

	await agent.reload();
	await agent.getByRole('button', { name: 'Signer le bilan' }).click();
	await agent.waitForLoadState('load');
	const text = await agent.locator('article.review').innerText();
	assert.match(text, /signé/);
	assert.match(text, /Steady quarter/);
	assert.match(text, /Signé par Sandrine Simon le/);
	await done(agentCtx);
	await done(mgrCtx);
});

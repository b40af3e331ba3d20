// Exports and the calendar link in a real browser, on the demo organisation
// (issue 14, items 5 and 6): "Exporter CSV / Excel" on the team dashboard,
// one's objectives, a person's page (and "Exporter PDF" on the first three), an objective's check-ins, the cascade
// and the admin's audit trail, downloaded as the browser does; one's
// calendar link made, read and revoked from one's page; fr and en, phone
// width, axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, AGENT, assertAxe, axe, context, launch, login, noHorizontalScroll, startDemo, done } from './browser.mjs';

const MANAGER = 'hugo.sanchez@verdier-energie.fr';
let browser, server;
before(async () => {
	server = await startDemo();
	browser = await launch();
});
after(async () => {
	await browser?.close();
	await server?.stop();
});

// clicks a link that downloads; the file's name and bytes
async function download(page, name) {
	const [d] = await Promise.all([page.waitForEvent('download'),
		page.getByRole('link', { name, exact: true }).first().click()]);
	return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

// a PDF's text (pdftotext; poppler's warning on libharu's ToUnicode map to stderr)
function pdfText(bytes) {
	const dir = mkdtempSync(join(tmpdir(), 'cible-pdf-'));
	try {
		writeFileSync(join(dir, 'x.pdf'), bytes);
		return execFileSync('pdftotext', ['-layout', join(dir, 'x.pdf'), '-'], { encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'] }).replace(/[\u202f\u00a0]/g, ' ');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

test('the team dashboard downloads as CSV, Excel and PDF from its page', async () => {
	const ctx = await context(browser, server, { acceptDownloads: true });
	const page = await ctx.newPage();
	await login(page, server, MANAGER);
	await page.goto(server.base + '/team');
	assertAxe(await axe(page), 'the team page with its export links');
	const csv = await download(page, 'Exporter CSV');
	assert.match(csv.name, /^tableau-de-bord-\d{4}-\d\d-\d\d\.csv$/);
	assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xEF, 0xBB, 0xBF]);
	const text = csv.bytes.toString('utf8').slice(1);
	assert.match(text, /^ID;Objectif;Niveau;Porteur;/);
	assert.ok(text.split('\r\n').length > 5, 'the team\'s objectives');
	const xlsx = await download(page, 'Exporter Excel');
	assert.match(xlsx.name, /\.xlsx$/);
	assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK');
	const pdf = await download(page, 'Exporter PDF');
	assert.match(pdf.name, /^tableau-de-bord-\d{4}-\d\d-\d\d\.pdf$/);
	assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
	const heading = await page.getByRole('heading', { level: 1 }).textContent();
	const unit = heading.split(' — ')[1].trim();
	const report = pdfText(pdf.bytes);
	assert.ok(report.includes(`Tableau de bord : ${unit}`), report.slice(0, 400));
	assert.match(report, /Période : du \d\d\/\d\d\/\d{4} au \d\d\/\d\d\/\d{4}/);
	assert.match(report, /Valeur .* · Cible .* · Atteinte .* · Prévision /);
	// a member's page, from the dashboard's table: their objectives as a report
	const member = page.locator('table a[href^="/people/"]').first();
	const name = (await member.textContent()).trim();
	await member.click();
	await page.waitForLoadState('load');
	const theirs = await download(page, 'Exporter PDF');
	assert.match(theirs.name, /^objectifs-personne-.*\.pdf$/);
	assert.ok(pdfText(theirs.bytes).includes(`Objectifs : ${name}`));
	await done(ctx);
});

test('a member exports their objectives and an objective\'s check-ins', async () => {
	const ctx = await context(browser, server, { acceptDownloads: true });
	const page = await ctx.newPage();
	await login(page, server, AGENT);
	const mine = await download(page, 'Exporter CSV');
	assert.match(mine.name, /^objectifs-personne-/);
	const report = await download(page, 'Exporter PDF');
	assert.match(report.name, /^objectifs-personne-.*\.pdf$/);
	assert.match(pdfText(report.bytes), /^\s*Objectifs : /);
	await page.locator('table.objectives a').first().click();
	await page.getByRole('heading', { name: 'Points d\'étape' }).waitFor();
	if (await page.locator('ol.checkins').count()) {
		const ck = await download(page, 'Exporter CSV');
		assert.match(ck.bytes.toString('utf8'), /^\uFEFFDate \(UTC\);Auteur;Confiance;/);
	}
	assertAxe(await axe(page), 'an objective\'s page with its export links');
	await done(ctx);
});

test('in English, the admin exports the audit trail and the cascade', async () => {
	const ctx = await context(browser, server, { acceptDownloads: true, locale: 'en-GB' });
	const page = await ctx.newPage();
	await login(page, server, ADMIN);
	await page.goto(server.base + '/lang/en');
	await page.goto(server.base + '/admin');
	await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
	const trail = await download(page, 'Export CSV');
	assert.match(trail.name, /^audit-/);
	// the organisation is French: its dialect, with English titles
	assert.match(trail.bytes.toString('utf8'), /^\uFEFFID;Date \(UTC\);Actor;Entity;/);
	assertAxe(await axe(page), 'the admin page in English');
	await page.goto(server.base + '/cascade');
	const list = await download(page, 'Export Excel');
	assert.match(list.name, /^objectives-.*\.xlsx$/);
	await done(ctx);
});

test('one makes one\'s calendar link on one\'s page, reads the feed, revokes it', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, AGENT);
	await page.getByRole('link', { name: 'Mes échéances dans mon agenda' }).click();
	await page.getByRole('heading', { name: 'Agenda' }).waitFor();
	assertAxe(await axe(page), 'one\'s page with the calendar section');
	await page.getByRole('button', { name: 'Créer mon lien d\'agenda' }).click();
	await page.waitForLoadState('load');
	const url = await page.getByLabel('Adresse de l\'agenda').inputValue();
	assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/cal_[0-9a-f]+\.ics$/);
	assertAxe(await axe(page), 'the page showing the calendar link');
	const feed = await fetch(url);
	assert.equal(feed.status, 200);
	assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n[\s\S]*BEGIN:VEVENT\r\n/);
	await page.getByRole('link', { name: 'Retour à ma page' }).click();
	await page.getByText(/Lien d'agenda actif depuis le \d\d\/\d\d\/\d{4}/).waitFor();
	await page.getByRole('button', { name: 'Révoquer le lien' }).click();
	await page.waitForLoadState('load');
	await page.getByText('Pas de lien d\'agenda.').waitFor();
	assert.equal((await fetch(url)).status, 404);
	await done(ctx);
});

test('at phone width the pages with exports fit the screen', async () => {
	const ctx = await context(browser, server, { viewport: { width: 375, height: 740 },
		isMobile: true, hasTouch: true });
	const page = await ctx.newPage();
	await login(page, server, MANAGER);
	for (const path of ['/team', '/', '/cascade']) {
		await page.goto(server.base + path);
		assert.ok(await noHorizontalScroll(page), path);
	}
	await done(ctx);
});

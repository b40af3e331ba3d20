// Challenges in a real browser, on the demo organisation: the call-centre
// board with bars, the reader's own row highlighted and the rule in words;
// an import from the import page moves an agent's rank on the board; the
// frozen results of last month's challenge; the trophy case on a person's
// page and the team's wins on the dashboard; phone width; accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, PASSWORD, assertAxe, axe, context, launch, login, noHorizontalScroll, shot, startDemo, done } from './browser.mjs';

let browser, server;
before(async () => {
	server = await startDemo();
	browser = await launch();
});
after(async () => {
	await browser?.close();
	await server?.stop();
});

async function api(path, email = ADMIN) {
	const r = await fetch(server.base + '/api/login', { method: 'POST',
		headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
	const cookie = r.headers.get('set-cookie').split(';')[0];
	const res = await fetch(server.base + path, { headers: { cookie } });
	return res.json();
}

async function demoChallenges() {
	const list = (await api('/api/challenges')).items;
	return {
		live: list.find((c) => c.mode === 'individual' && c.status === 'open'),
		team: list.find((c) => c.mode === 'team'),
		closed: list.find((c) => c.status === 'closed'),
	};
}

test('an import from the import page moves an agent up the live board, own row highlighted', async () => {
	const { live } = await demoChallenges();
	const board = await api(`/api/challenges/${live.id}/board?top=10000`);
	// the agent last of the largest league
	const league = board.leagues.reduce((a, b) => (b.total > a.total ? b : a));
	const last = league.top.filter((r) => r.rank).at(-1);
	const agent = await api(`/api/people/${last.id}`);
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, server, agent.email);
	const myRank = async () => {
		await page.goto(`${server.base}/challenges/${live.id}`);
		const mine = page.locator('table.board tr.mine').first();
		await mine.waitFor();
		return Number(await mine.locator('td.rank').innerText());
	};
	const before = await myRank();
	assert.equal(before, last.rank);
	assert.match(await page.locator('p.rule').innerText(), /propre objectif/);
	assert.match(await page.locator('table.board tr.mine th').innerText(), /\(vous\)/);
	assert.ok(await page.locator('table.board svg.bar-svg').count() >= 2, 'a bar per ranked row');
	assertAxe(await axe(page), 'the challenge board');
	await shot(page, 'challenge-board');
	await page.context().clearCookies();
	// the manager imports today's calls of the agent: resolved, short
	await login(page, server, ADMIN);
	const lines = ['ref;agent;jour;heure;decroche;resolu;duree'];
	for (let i = 0; i < 120; i++)
		lines.push(`DEFI-${i};${agent.email};25/11/2026;1${i % 8}:${String(i % 60).padStart(2, '0')}:00;Oui;Oui;00:03:00`);
	await page.goto(server.base + '/import');
	await page.getByLabel('Fichier').setInputFiles({ name: 'appels.csv', mimeType: 'text/csv',
		buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'latin1') });
	await page.locator('#mapping-section').waitFor();
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await page.locator('#report h2').waitFor();
	assert.match(await page.locator('.report-counts').innerText(), /120 enregistrées/,
		await page.locator('#report').innerText());
	await page.context().clearCookies();
	await login(page, server, agent.email);
	const after = await myRank();
	assert.ok(after < before, `the rank moved up: ${before} -> ${after}`);
	// movement since yesterday, in words
	assert.match(await page.locator('table.board tr.mine td.move').innerText(), /gagne \d+/);
	await done(ctx);
});

test('last month\'s results are frozen, with the winners; the team challenge ranks teams', async () => {
	const { closed, team } = await demoChallenges();
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, ADMIN);
	await page.goto(`${server.base}/challenges/${closed.id}/results`);
	await page.locator('section.run').first().waitFor();
	assert.match(await page.locator('section.run h2').first().innerText(), /Calcul n° 1/);
	assert.ok(await page.locator('section.run table.board tbody tr').count() >= 2);
	assertAxe(await axe(page), 'the results page');
	await page.goto(`${server.base}/challenges/${closed.id}`);
	assert.match(await page.locator('p.as-of').innerText(), /Résultat figé/);
	await page.goto(`${server.base}/challenges/${team.id}`);
	assert.match(await page.locator('table.board thead').innerText(), /Équipe/);
	assert.ok(await page.locator('table.board tbody tr').count() >= 2);
	assertAxe(await axe(page), 'the team challenge');
	await done(ctx);
});

test('a winner\'s trophy case on their page, and the team\'s wins on the dashboard', async () => {
	const { closed } = await demoChallenges();
	const res = await api(`/api/challenges/${closed.id}/results`);
	const winner = res.runs[0].leagues[0].top[0];
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, ADMIN);
	await page.goto(`${server.base}/people/${winner.id}`);
	const trophies = page.locator('section.trophies');
	await trophies.waitFor();
	assert.match(await trophies.innerText(), /Défi remporté/);
	assertAxe(await axe(page), 'a person\'s page with trophies');
	const person = await api(`/api/people/${winner.id}`);
	await page.goto(`${server.base}/team?unit=${person.unit_id}`);
	assert.match(await page.locator('section.trophies').innerText(), new RegExp(winner.name));
	await done(ctx);
});

test('at phone width the board and the challenge list fit the screen', async () => {
	const { live } = await demoChallenges();
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 360, height: 740 });
	await login(page, server, ADMIN);
	for (const path of ['/challenges', `/challenges/${live.id}`]) {
		await page.goto(server.base + path);
		assert.ok(await noHorizontalScroll(page), `${path} fits 360 px`);
		assertAxe(await axe(page), path);
	}
	await shot(page, 'challenge-board-phone');
	await done(ctx);
});

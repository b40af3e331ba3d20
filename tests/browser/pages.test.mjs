// The web app in a real browser, on the demo organisation: logging in and
// out, both languages, "Mes objectifs" with progress, the objective page, the
// team dashboard, the cascade, the objective form with its live SMART check,
// a member kept out of what is not theirs, phone width, accessibility.
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

// Every test ends here: nothing left the server, no script error.
// The API as a script would use it (for ids to visit)
async function api(path, email = ADMIN) {
	const r = await fetch(server.base + '/api/login', { method: 'POST',
		headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
	const cookie = r.headers.get('set-cookie').split(';')[0];
	const res = await fetch(server.base + path, { headers: { cookie } });
	return res.json();
}

test('an agent logs in, sees "Mes objectifs" with progress bars and pace, and logs out', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 800 });
	await login(page, server, AGENT);
	await assert.doesNotReject(page.getByRole('heading', { name: 'Mes objectifs', level: 1 }).waitFor());
	const bars = page.locator('table.objectives svg.bar-svg');
	assert.ok(await bars.count() >= 1, 'a progress bar per measured objective');
	const label = await bars.first().getAttribute('aria-label');
	assert.match(label, /^Atteinte \d+ % ; rythme attendu aujourd'hui \d+ %$/);
	assert.ok(await page.locator('table.objectives .ps').count() >= 1);
	assertAxe(await axe(page), 'Mes objectifs');
	await shot(page, 'mes-objectifs');
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await page.waitForURL(/\/login$/);
	await page.goto(server.base + '/');
	await page.waitForURL(/\/login$/);  // the session is gone
	await done(ctx);
});

test('a wrong password shows the error beside the form and opens no session', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, AGENT, 'not-the-password');
	assert.match(await page.locator('[role="alert"]').innerText(), /incorrect/);
	assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), AGENT);
	assert.deepEqual((await ctx.cookies()).filter((c) => c.name === 'cible_session'), []);
	assertAxe(await axe(page), 'the login page');
	await shot(page, 'login');
	await done(ctx);
});

test('English by the browser\'s language; the choice of French is remembered', async () => {
	const ctx = await context(browser, server, { locale: 'en-GB' });
	const page = await ctx.newPage();
	await login(page, server, AGENT);
	await page.getByRole('heading', { name: 'My objectives', level: 1 }).waitFor();
	assert.equal(await page.locator('html').getAttribute('lang'), 'en');
	await page.getByRole('link', { name: 'Français' }).click();
	await page.getByRole('heading', { name: 'Mes objectifs', level: 1 }).waitFor();
	await page.getByRole('link', { name: 'Cascade' }).click();
	await page.waitForLoadState('load');
	assert.equal(await page.locator('html').getAttribute('lang'), 'fr');  // still French
	await done(ctx);
});

test('an objective\'s page shows its progress, its chart and its SMART verdict', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 800 });
	await login(page, server, AGENT);
	await page.locator('table.objectives a').first().click();
	await page.getByRole('heading', { name: 'Avancement' }).waitFor();
	assert.equal(await page.locator('figure.chart svg polyline.value').count(), 1);
	assert.equal(await page.locator('figure.chart line.target').count(), 1);
	await page.getByRole('heading', { name: 'Contrôle SMART' }).waitFor();
	assert.equal(await page.locator('ul.smart > li').count(), 5);
	assertAxe(await axe(page), 'an objective page');
	await shot(page, 'objectif');
	await done(ctx);
});

test('a member cannot open another member\'s objective: not found, and its title never shows', async () => {
	const all = await api('/api/objectives?level=individual&limit=500');
	const me = (await api('/api/me', AGENT)).id;
	const other = all.items.find((o) => o.owner_person_id && o.owner_person_id !== me);
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, AGENT);
	const res = await page.goto(`${server.base}/objectives/${other.id}`);
	assert.equal(res.status(), 404);
	assert.ok(!(await page.content()).includes(other.title));
	const edit = await page.goto(`${server.base}/objectives/${other.id}/edit`);
	assert.equal(edit.status(), 404);
	// and the team dashboard is for managers
	const team = await page.goto(`${server.base}/team`);
	assert.equal(team.status(), 403);
	await done(ctx);
});

test('a manager\'s team dashboard: at risk first, members × objectives, one click into a person', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, server, ADMIN);
	await page.goto(server.base + '/team');
	await page.getByRole('heading', { name: /Tableau de bord d'équipe/ }).waitFor();
	const rows = page.locator('table.members tbody tr');
	assert.ok(await rows.count() >= 10);
	// sorted by name on request
	await page.getByRole('link', { name: 'nom' }).click();
	await page.waitForLoadState('load');
	const names = await page.locator('table.members tbody th a').allInnerTexts();
	assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'fr')));
	assertAxe(await axe(page), 'the team dashboard');
	await shot(page, 'equipe');
	await page.locator('table.members tbody th a').first().click();
	await page.waitForURL(/\/people\/\d+$/);
	assert.equal(await page.locator('h1').innerText(), names[0]);
	await done(ctx);
});

test('creating an objective: the SMART check changes as one types, then the objective is saved', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, server, ADMIN);
	await page.goto(server.base + '/objectives/new');
	const live = page.locator('#smart-live');
	await page.getByLabel('L\'objectif en une phrase').fill('Améliorer la qualité');
	await live.locator('strong').first().waitFor();
	await page.waitForFunction(() => /Spécifique — manque|Spécifique — à revoir/.test(
		document.getElementById('smart-live').innerText));
	const vague = Number(await live.locator('p strong').first().innerText());
	await page.getByLabel('L\'objectif en une phrase').fill(
		'Porter la résolution au premier contact de 70 % à 78 % au T1 2027');
	await page.getByLabel('Porteur (une personne ou une équipe)').selectOption({ index: 2 });
	await page.getByLabel('Indicateur').selectOption('fcr');
	await page.getByLabel('Valeur de départ').fill('70');
	await page.getByLabel('Cible').fill('78');
	await page.getByLabel('Début').fill('2027-01-01');
	await page.getByLabel('Échéance').fill('2027-03-31');
	await page.getByLabel('Axe stratégique').selectOption({ index: 1 });
	await page.waitForFunction((before) => {
		const s = document.querySelector('#smart-live p strong');
		return s && Number(s.textContent) > before;
	}, vague);
	assertAxe(await axe(page), 'the objective form');
	await shot(page, 'nouvel-objectif');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await page.waitForURL(/\/objectives\/\d+$/);
	assert.match(await page.locator('h1').innerText(), /résolution au premier contact/);
	await done(ctx);
});

test('a failed submit keeps what was typed and shows the error beside its field', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, ADMIN);
	await page.goto(server.base + '/objectives/new');
	await page.getByLabel('L\'objectif en une phrase').fill('Signer 30 contrats au T1 2027');
	await page.getByLabel('Porteur (une personne ou une équipe)').selectOption({ index: 2 });
	await page.getByLabel('Axe stratégique').selectOption({ index: 1 });
	await page.getByLabel('Début').fill('2027-03-31');
	await page.getByLabel('Échéance').fill('2027-01-01');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await page.waitForLoadState('load');
	assert.match(await page.locator('#err-due').innerText(), /postérieure au début/);
	assert.equal(await page.getByLabel('Échéance').getAttribute('aria-invalid'), 'true');
	assert.equal(await page.getByLabel('L\'objectif en une phrase').inputValue(), 'Signer 30 contrats au T1 2027');
	await done(ctx);
});

test('the cascade from the ambition down, each measured node with its attainment', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 800 });
	await login(page, server, ADMIN);
	await page.goto(server.base + '/cascade');
	await page.getByRole('heading', { name: 'La cascade des objectifs' }).waitFor();
	assert.ok(await page.locator('.tree svg.bar-svg').count() >= 5);
	assertAxe(await axe(page), 'the cascade');
	await shot(page, 'cascade');
	await done(ctx);
});

test('at phone width every page fits the screen', async () => {
	const ctx = await context(browser, server, { viewport: { width: 375, height: 740 },
		isMobile: true, hasTouch: true });
	const page = await ctx.newPage();
	await login(page, server, AGENT);
	assert.ok(await noHorizontalScroll(page), 'Mes objectifs');
	await shot(page, 'mes-objectifs-telephone');
	const first = await page.locator('table.objectives a').first().getAttribute('href');
	for (const path of [first, '/cascade', '/objectives/new', '/login']) {
		await page.goto(server.base + path);
		assert.ok(await noHorizontalScroll(page), path);
	}
	await done(ctx);
});

test('importing a CSV from the import page moves an agent\'s progress bar', async () => {
	const objs = await api('/api/objectives?level=individual&limit=500');
	const o = objs.items.find((x) => x.indicator === 'calls_handled' && x.owner_person_id);
	const agent = await api(`/api/people/${o.owner_person_id}`);
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, server, ADMIN);
	const attainment = async () => {
		await page.goto(`${server.base}/objectives/${o.id}`);
		const label = await page.locator('.big-bar svg').getAttribute('aria-label');
		return Number(/Atteinte (-?\d+) %/.exec(label)[1]);
	};
	const before = await attainment();
	// 150 answered calls yesterday, as a French Excel writes them
	const lines = ['ref;agent;jour;heure;decroche'];
	for (let i = 0; i < 150; i++)
		lines.push(`IMP-${i};${agent.email};24/11/2026;1${i % 8}:${String(i % 60).padStart(2, '0')}:00;Oui`);
	await page.goto(server.base + '/import');
	await page.getByLabel('Fichier').setInputFiles({ name: 'appels.csv', mimeType: 'text/csv',
		buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'latin1') });
	await page.locator('#mapping-section').waitFor();
	assert.equal(await page.locator('#preview tbody tr').count(), 5);
	assert.match(await page.locator('#dialect').innerText(), /point-virgule/);
	assert.equal(await page.getByLabel(/Colonne de la personne/).inputValue(), 'agent');
	assertAxe(await axe(page), 'the import page');
	await shot(page, 'import');
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await page.locator('#report h2').waitFor();
	assert.equal(await page.locator('#report h2').innerText(), 'Import terminé.');
	assert.match(await page.locator('.report-counts').innerText(), /150 lignes lues · 150 enregistrées/);
	const after = await attainment();
	assert.ok(after > before, `the bar moved: ${before} % -> ${after} %`);
	await done(ctx);
});

test('administration: a unit, a person with a role, an indicator (a wrong one told where), a token shown once', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, server, ADMIN);
	await page.goto(server.base + '/admin');
	assertAxe(await axe(page), 'the administration page');
	await shot(page, 'administration');
	// a unit
	await page.locator('#u-name').fill('Équipe Fidélisation');
	await page.locator('#u-kind').selectOption('team');
	await page.locator('#u-service').selectOption('call_centre');
	await page.getByRole('button', { name: 'Ajouter l\'unité' }).click();
	await page.waitForLoadState('load');
	assert.ok(await page.locator('#units td a', { hasText: 'Équipe Fidélisation' }).count() === 1);
	// a person in it, as a manager
	await page.locator('#p-name').fill('Inès Nouvelle');
	await page.locator('#p-email').fill('ines.nouvelle@verdier-energie.fr');
	await page.locator('#p-role').selectOption('manager');
	await page.locator('#p-unit').selectOption({ label: 'Équipe Fidélisation' });
	await page.getByRole('button', { name: 'Ajouter la personne' }).click();
	await page.waitForLoadState('load');
	const row = page.locator('#people tr', { hasText: 'Inès Nouvelle' });
	assert.equal(await row.locator('select[name="role"]').inputValue(), 'manager');
	// the same address again: refused, said beside the section, values kept
	await page.locator('#p-name').fill('Inès Bis');
	await page.locator('#p-email').fill('ines.nouvelle@verdier-energie.fr');
	await page.getByRole('button', { name: 'Ajouter la personne' }).click();
	await page.waitForLoadState('load');
	assert.match(await page.locator('#people [role="alert"]').innerText(), /déjà utilisée/);
	assert.equal(await page.locator('#p-name').inputValue(), 'Inès Bis');
	// an indicator with a mistake, then right
	await page.locator('#i-key').fill('rappels_72h');
	await page.locator('#i-kind').fill('call');
	await page.locator('#i-expr').fill('count() where talk > ');
	await page.locator('#i-name_fr').fill('Appels longs');
	await page.getByRole('button', { name: 'Ajouter l\'indicateur' }).click();
	await page.waitForLoadState('load');
	assert.match(await page.locator('#indicators [role="alert"]').innerText(), /position 22/);
	await page.locator('#i-expr').fill('count() where talk > 420');
	await page.getByRole('button', { name: 'Ajouter l\'indicateur' }).click();
	await page.waitForLoadState('load');
	assert.equal(await page.locator('#indicators code', { hasText: 'rappels_72h' }).count(), 1);
	// a token, shown once
	await page.locator('#t-name').fill('téléphonie');
	await page.getByRole('button', { name: 'Créer un jeton' }).click();
	await page.waitForLoadState('load');
	const token = await page.locator('.notice code').innerText();
	assert.match(token, /^cbl_/);
	const me = await fetch(server.base + '/api/me', { headers: { authorization: `Bearer ${token}` } });
	assert.equal(me.status, 200);
	await page.goto(server.base + '/admin');
	assert.equal(await page.locator('.notice').count(), 0);
	await done(ctx);
});

test('a member is kept out of administration and import', async () => {
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await login(page, server, AGENT);
	assert.equal((await page.goto(server.base + '/admin')).status(), 403);
	assert.equal((await page.goto(server.base + '/import')).status(), 403);
	assert.equal(await page.getByRole('link', { name: 'Administration' }).count(), 0);
	await done(ctx);
});

test('check-ins: the agent says where an objective stands, the manager answers, "Mes objectifs" shows the last', async () => {
	const me = await api('/api/me', AGENT);
	const manager = await api(`/api/people/${me.manager_id}`);
	const ctx = await context(browser, server);
	const page = await ctx.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, server, AGENT);
	const first = page.locator('table.objectives tbody tr').first();
	const title = await first.locator('a').first().innerText();
	await first.locator('a').first().click();
	await page.getByRole('heading', { name: 'Points d\'étape' }).waitFor();
	// a blank comment is refused beside its field, the confidence chosen is kept
	await page.getByLabel('Confiance').selectOption('at_risk');
	await page.getByLabel(/Où en est-il/).fill('   ');
	await page.getByRole('button', { name: 'Enregistrer le point' }).click();
	await page.waitForLoadState('load');
	assert.match(await page.locator('#err-comment').innerText(), /obligatoire/);
	assert.equal(await page.getByLabel(/Où en est-il/).getAttribute('aria-invalid'), 'true');
	assert.equal(await page.getByLabel('Confiance').inputValue(), 'at_risk');
	await page.getByLabel(/Où en est-il/).fill('Deux jours de formation cette semaine.\nJe rattrape lundi.');
	await page.getByRole('button', { name: 'Enregistrer le point' }).click();
	await page.waitForURL(/#checkins$/);
	const mine = page.locator('ol.checkins li').first();
	assert.match(await mine.innerText(), /Je rattrape lundi/);
	assert.match(await mine.locator('.conf').innerText(), /à risque/);
	assertAxe(await axe(page), 'an objective page with its check-ins');
	await shot(page, 'points-d-etape');
	// the manager answers on the same thread
	const mctx = await context(browser, server);
	const mpage = await mctx.newPage();
	await login(mpage, server, manager.email);
	await mpage.goto(page.url().replace(/#.*$/, ''));
	await mpage.getByLabel(/Où en est-il/).fill('Vu : on décale la relance clients à mardi.');
	await mpage.getByLabel('Confiance').selectOption('on_track');
	await mpage.getByRole('button', { name: 'Enregistrer le point' }).click();
	await mpage.waitForURL(/#checkins$/);
	await done(mctx);
	// the agent sees both, newest first, and the last one on "Mes objectifs"
	await page.reload();
	const items = page.locator('ol.checkins li');
	assert.match(await items.nth(0).innerText(), new RegExp(manager.name));
	assert.match(await items.nth(1).innerText(), /Je rattrape lundi/);
	await page.goto(server.base + '/');
	const row = page.locator('table.objectives tbody tr', { hasText: title }).first();
	const cell = await row.locator('td.checkin').innerText();
	assert.match(cell, new RegExp(manager.name));
	assert.match(cell, /en bonne voie/);
	await done(ctx);
});

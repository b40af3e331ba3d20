// A new password from a reset link (issue 16, defect 5), in a real browser:
// `cible user reset` prints the link, the page sets the password in French
// or English, at phone width, axe-clean; a used link is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, PASSWORD, assertAxe, axe, context, login, launch, noHorizontalScroll, startDemo, done } from './browser.mjs';

let browser, server;
before(async () => {
	server = await startDemo();
	browser = await launch();
});
after(async () => {
	await browser?.close();
	await server?.stop();
});

// The link printed for email, on the test server's address.
function resetLink(email) {
	const url = server.cli(['user', 'reset', '--email', email, '--public-url', server.base]).trim();
	assert.ok(url.startsWith(`${server.base}/reset?token=rst_`), url);
	return url;
}

for (const [lang, locale, words] of [
	['fr', 'fr-FR', { title: 'Nouveau mot de passe', save: 'Enregistrer le mot de passe',
		done: /Votre mot de passe est changé/, gone: /déjà utilisé ou expiré/ }],
	['en', 'en-GB', { title: 'New password', save: 'Save the password',
		done: /Your password is changed/, gone: /already used or expired/ }],
]) {
	test(`(${lang}) the reset page sets a new password at phone width, axe-clean, and works once`, async () => {
		const ctx = await context(browser, server, { locale });
		const page = await ctx.newPage();
		await page.setViewportSize({ width: 375, height: 740 });
		const link = resetLink(AGENT);
		await page.goto(link);
		await page.getByRole('heading', { name: words.title, level: 1 }).waitFor();
		assert.ok(await noHorizontalScroll(page), 'no horizontal scroll at 375 px');
		assertAxe(await axe(page), `the reset page (${lang})`);
		const fresh = `nouveau-${lang}-mot-de-passe`;
		await page.getByLabel(words.title).fill(fresh);
		await page.getByRole('button', { name: words.save }).click();
		await page.waitForLoadState('load');
		assert.match(await page.locator('#reset-done').innerText(), words.done);
		assertAxe(await axe(page), `the reset page, done (${lang})`);
		// the link is spent
		await page.goto(link);
		await page.getByLabel(words.title).fill('encore-un-autre-mdp');
		await page.getByRole('button', { name: words.save }).click();
		await page.waitForLoadState('load');
		assert.match(await page.locator('[role="alert"]').innerText(), words.gone);
		assertAxe(await axe(page), `the reset page, spent link (${lang})`);
		// the new password opens; the old one no longer
		await login(page, server, AGENT, PASSWORD);
		assert.match(page.url(), /\/login$/);
		await login(page, server, AGENT, fresh);
		assert.ok(!/\/login$/.test(page.url()), page.url());
		await done(ctx);
		// back to the demo's password, through another link
		const back = await fetch(`${server.base}/api/password-reset`, { method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ token: new URL(resetLink(AGENT)).searchParams.get('token'),
				password: PASSWORD }) });
		assert.equal(back.status, 200, await back.text());
	});
}

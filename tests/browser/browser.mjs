// The browser harness: Debian's chromium driven by playwright-core, a real
// `cible serve` on the demo organisation (a fixed day, so pages and
// screenshots do not drift), and checks every page gets: no request leaves the
// server, no console error or CSP violation, no serious accessibility
// violation (axe-core), no horizontal scroll at phone width.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
export const CIBLE_BIN = resolve(process.env.CIBLE_BIN || './build/cible');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const TODAY = '2026-11-25';
export const PASSWORD = 'demo-cible';
export const SHOTS = resolve('docs/screenshots');
// The demo's logins (deterministic: seed 42)
export const ADMIN = 'chloe.lefebvre@verdier-energie.fr';
export const AGENT = 'sandrine.simon@verdier-energie.fr';

let chromium;
function playwright() {
	if (!existsSync(CHROMIUM))
		throw new Error(`no browser at ${CHROMIUM}: run sh scripts/deps.sh test (Debian package chromium)`);
	try {
		chromium ||= require('playwright-core').chromium;
	} catch (e) {
		throw new Error('playwright-core is missing: run sh scripts/deps.sh test (npm ci)');
	}
	return chromium;
}

export async function launch() {
	return playwright().launch({
		executablePath: CHROMIUM,
		args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
			'--disable-background-networking', '--disable-extensions', '--no-first-run'],
	});
}

// The demo organisation served on a free port.
export async function startDemo() {
	const dir = mkdtempSync(join(tmpdir(), 'cible-browser-'));
	const db = join(dir, 'demo.db');
	execFileSync(CIBLE_BIN, ['demo', '--db', db, '--today', TODAY, '--password', PASSWORD],
		{ stdio: 'ignore' });
	const child = spawn(CIBLE_BIN, ['serve', '--db', db, '--port', '0', '--log-level', 'warn'],
		{ env: { ...process.env, CIBLE_TODAY: TODAY }, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	const exited = new Promise((res) => child.on('close', (code) => res(code)));
	const base = await new Promise((res, rej) => {
		const timer = setTimeout(() => rej(new Error(`server did not start:\n${stderr}`)), 15000);
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (c) => {
			stderr += c;
			const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
			if (m) { clearTimeout(timer); res(m[1]); }
		});
	});
	return {
		base, db, dir,
		cli(args) { return execFileSync(CIBLE_BIN, [...args, '--db', db], { encoding: 'utf8' }); },
		async stop() {
			child.kill('SIGTERM');
			const code = await exited;
			rmSync(dir, { recursive: true, force: true });
			for (const mark of ['ERROR: AddressSanitizer', 'runtime error:', 'LeakSanitizer'])
				assert.ok(!stderr.includes(mark), `server stderr has ${mark}:\n${stderr}`);
			assert.equal(code, 0, `server exited with ${code}:\n${stderr}`);
		},
	};
}

// A fresh context (its own cookies) whose pages record what must not happen.
export async function context(browser, server, opts = {}) {
	const ctx = await browser.newContext({ locale: 'fr-FR', ...opts });
	const host = new URL(server.base).host;
	ctx.problems = [];
	await ctx.route('**/*', (route) => {
		const u = new URL(route.request().url());
		if (u.host !== host) {
			ctx.problems.push(`request outside the server: ${u.href}`);
			return route.abort();
		}
		return route.continue();
	});
	ctx.on('page', (page) => watch(ctx, page));
	return ctx;
}

function watch(ctx, page) {
	page.on('console', (m) => {
		// a page answered 401/403/404/422 on purpose logs its status: not a fault
		if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of (401|403|404|409|410|422)/.test(m.text()))
			ctx.problems.push(`console error: ${m.text()}`);
	});
	page.on('pageerror', (e) => ctx.problems.push(`page error: ${e.message}`));
}

export async function login(page, server, email, password = PASSWORD) {
	await page.goto(server.base + '/login');
	await page.getByLabel(/Adresse e-mail|Email address/).fill(email);
	await page.getByLabel(/Mot de passe|Password/).fill(password);
	await page.getByRole('button', { name: /Se connecter|Log in/ }).click();
	await page.waitForLoadState('load');
}

const AXE = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// axe-core in the page (evaluated through the devtools protocol: the page's
// CSP allows no inline script, and must not be loosened for the test).
export async function axe(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Runtime.evaluate', { expression: AXE() });
	const { result } = await cdp.send('Runtime.evaluate', {
		expression: 'axe.run(document, { resultTypes: ["violations"] }).then((r) => JSON.stringify(r.violations))',
		awaitPromise: true, returnByValue: true,
	});
	await cdp.detach();
	const violations = JSON.parse(result.value);
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function assertAxe(violations, where) {
	assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), [],
		`accessibility violations on ${where}`);
}

export async function noHorizontalScroll(page) {
	return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

export async function shot(page, name) {
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

// Closes a context and fails on what it saw go wrong (console errors, failed
// requests: context() gathers them in ctx.problems).
export async function done(ctx) {
	const problems = ctx.problems;
	await ctx.close();
	assert.deepEqual(problems, []);
}

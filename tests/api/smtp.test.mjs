// Email over SMTP for real (issue 14, item 3 and its bad input): a sink on
// loopback that demands STARTTLS, with a certificate this test makes
// (openssl, self-signed for 127.0.0.1), and AUTH only after it; cible trusts
// that certificate through --smtp-ca and the mail arrives over TLS with
// AUTH, as the sink records. A wrong CA, a sink that says 554 to the
// recipient, a closed port and a server that accepts the connection and
// says nothing: each attempt recorded with its error, retried after the
// backoff, then failed for the admin; the Slack, Teams and webhook
// deliveries of the same event go out all the same. The server's own sender
// is off: `cible send` runs each case with its SMTP settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createServer as createHttp } from 'node:http';
import { createServer as createTcp } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CIBLE_BIN, PASSWORD, ok, startFixture } from './harness.mjs';
import { startSmtpSink, until, zoneAt } from './receivers.mjs';

const DAY = 86400;
const iso = (d) => new Date(d * DAY * 1000).toISOString().slice(0, 10);
const today = Math.floor(Date.now() / 1000 / DAY);
const noonZone = () => zoneAt(12);

let dir, sink, sinkDir, sinkPort, http, httpBase, silent, silentPort, closedPort, fx, deny;
const got = [];  // the chat and webhook posts received

function cert(name) {
	const key = join(dir, `${name}.key`), crt = join(dir, `${name}.crt`);
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key,
		'-out', crt, '-days', '2', '-subj', `/CN=${name}`, '-addext',
		'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
	return { key, crt };
}

before(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cible-smtp-tls-'));
	const good = cert('sink');
	cert('stranger');   // a CA that did not sign the sink's certificate
	sinkDir = join(dir, 'mail');
	execFileSync('mkdir', [sinkDir]);
	({ child: sink, port: sinkPort } = await startSmtpSink(sinkDir, 'starttls', good.crt, good.key));
	http = createHttp((req, res) => {
		let body = '';
		req.on('data', (c) => { body += c; });
		req.on('end', () => {
			got.push({ path: req.url, json: JSON.parse(body) });
			res.writeHead(200);
			res.end('ok');
		});
	});
	await new Promise((r) => http.listen(0, '127.0.0.1', r));
	httpBase = `http://127.0.0.1:${http.address().port}`;
	// takes the connection and never says a word
	silent = createTcp(() => {});
	await new Promise((r) => silent.listen(0, '127.0.0.1', r));
	silentPort = silent.address().port;
	// a port nobody listens on
	const probe = createTcp();
	await new Promise((r) => probe.listen(0, '127.0.0.1', r));
	closedPort = probe.address().port;
	await new Promise((r) => probe.close(r));

	fx = await startFixture({ args: ['--sender', 'off'] });
	const { admin, member1 } = fx.clients;
	await ok(admin.patch('/api/org', { time_zone: noonZone() }));
	for (const [kind, path] of [['slack', '/slack'], ['teams', '/teams']])
		await ok(admin.post('/api/notifications/channels', { kind, name: kind, url: `${httpBase}${path}` }), 201);
	await ok(admin.post('/api/notifications/channels', { kind: 'webhook', name: 'hook',
		url: `${httpBase}/hook`, secret: 'un-secret-de-webhook-assez-long' }), 201);
	const chat = { kinds: [{ kind: 'negotiation_waiting', email: true, chat: true }] };
	await ok(member1.put('/api/notifications/preferences', chat));
	// someone whose address the sink answers 554
	const d = await ok(admin.post('/api/people', { email: 'deny@cible.test', name: 'Denis Refusé',
		password: PASSWORD, unit_id: fx.units.teamA, manager_id: fx.people.managerA }), 201);
	deny = { id: d.id, client: await fx.server.login('deny@cible.test') };
	await ok(deny.client.put('/api/notifications/preferences', chat));
});
after(async () => {
	await fx?.server.stop();
	sink?.stdin.end();
	sink?.kill('SIGTERM');
	http?.close();
	silent?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

// the messages the sink took, with what it recorded of their sessions
function mails() {
	return readdirSync(sinkDir).filter((f) => f.endsWith('.eml')).sort().map((f) => ({
		raw: readFileSync(join(sinkDir, f), 'utf8'),
		session: JSON.parse(readFileSync(join(sinkDir, f.replace('.eml', '.json')), 'utf8')),
	}));
}

// A negotiation proposal to owner: an event for their inbox, their email and
// the chat places; its title names the case.
let n = 0;
async function event(owner, what) {
	const title = `${what} : ${++n} devis relancés`;
	const id = (await ok(fx.clients.managerA.post('/api/objectives', { level: 'individual',
		parent_id: fx.obj.CA, owner_person_id: owner, title, direction: 'increase', baseline: 0,
		target: 60, start: iso(today), due: iso(today + 90) }), 201)).id;
	await ok(fx.clients.managerA.post(`/api/objectives/${id}/rounds`, { kind: 'proposal', target: 60,
		bounds: { low_pct: 90, high_pct: 110 } }), 201);
	return title;
}

async function deliveries(title) {
	const all = [];
	for (const state of ['pending', 'sent', 'failed'])
		all.push(...(await ok(fx.clients.admin.get(`/api/notifications/deliveries?state=${state}&limit=200`))).items);
	return all.filter((d) => d.text.includes(title));
}

// `cible send` with these SMTP settings, a round a second, until done(deliveries)
async function send(smtp, title, done) {
	const child = spawn(CIBLE_BIN, ['send', '--db', fx.server.db, '--no-scan', '--interval', '1',
		'--timeout', '1', '--backoff', '1', '--attempts', '3', '--smtp-user', 'cible',
		'--smtp-password', 'secret-smtp', '--smtp-from', 'cible@cible.test', ...smtp],
	{ stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (c) => { stderr += c; });
	const exited = new Promise((r) => child.on('close', r));
	try {
		return await until(`the deliveries of "${title}"`, async () => {
			const d = await deliveries(title);
			return done(d) && d;
		}, 40000);
	} catch (e) {
		throw new Error(`${e.message}\n${stderr}`);
	} finally {
		child.kill('SIGTERM');
		await exited;
	}
}

const email = (d) => d.find((x) => x.channel === 'email');
const chatSent = (d) => ['slack', 'teams', 'webhook'].every((c) =>
	d.some((x) => x.channel === c && x.state === 'sent'));
const settled = (d) => email(d) && email(d).state !== 'pending' && chatSent(d);
const url = (port) => ['--smtp-url', `smtp://127.0.0.1:${port}`];

// a delivery that failed for good: three attempts, each with its error, the backoff between them
function failedThrice(d, error) {
	const m = email(d);
	assert.equal(m.state, 'failed', JSON.stringify(m));
	assert.equal(m.attempts, 3);
	assert.equal(m.attempts_log.length, 3);
	for (const a of m.attempts_log) {
		assert.equal(a.ok, false);
		assert.match(a.detail, error);
	}
	assert.match(m.last_error, error);
	const spread = m.attempts_log[2].at - m.attempts_log[0].at;
	assert.ok(spread >= 1 + 2, `1 s then 2 s between the attempts at least (${spread} s)`);
	assert.ok(chatSent(d), 'Slack, Teams and the webhook got the same event');
}

test('with STARTTLS required and the sink\'s CA given, the mail arrives over TLS, authenticated', async () => {
	const title = await event(fx.people.member1, 'TLS');
	const ca = join(dir, 'sink.crt');
	const d = await send([...url(sinkPort), '--smtp-tls', 'required', '--smtp-ca', ca], title, settled);
	assert.equal(email(d).state, 'sent', JSON.stringify(email(d)));
	assert.equal(email(d).attempts, 1);
	const all = mails();
	assert.equal(all.length, 1, 'the sink has the message');
	const m = all[0];
	assert.ok(m.raw.includes(title.split(' : ')[0]), 'the proposal\'s title in the message');
	assert.match(m.raw, /^RCPT membre1@cible\.test\n/);
	assert.deepEqual([m.session.tls, m.session.auth], [true, true]);
	assert.match(m.session.tls_version, /^TLSv1\.[23]$/);
	assert.ok(chatSent(d));
	// the same setting from the environment
	const title2 = await event(fx.people.member1, 'TLS env');
	const child = spawn(CIBLE_BIN, ['send', '--db', fx.server.db, '--no-scan', '--once',
		...url(sinkPort), '--smtp-user', 'cible', '--smtp-password', 'secret-smtp'],
	{ env: { ...process.env, CIBLE_SMTP_CA: ca, CIBLE_SMTP_TLS: 'required' }, stdio: 'ignore' });
	await new Promise((r) => child.on('close', r));
	assert.equal(email(await deliveries(title2)).state, 'sent');
	assert.equal(mails().length, 2);
	assert.deepEqual([mails()[1].session.tls, mails()[1].session.auth], [true, true]);
});

test('without TLS the sink refuses to talk; a CA that did not sign its certificate fails the handshake: retried, then failed, the chat delivered', async () => {
	const before = mails().length;
	let title = await event(fx.people.member1, 'En clair');
	let d = await send([...url(sinkPort), '--smtp-tls', 'none'], title, settled);
	failedThrice(d, /MAIL failed: 530/);   // 530: STARTTLS first
	title = await event(fx.people.member1, 'Mauvaise AC');
	d = await send([...url(sinkPort), '--smtp-tls', 'required', '--smtp-ca', join(dir, 'stranger.crt')],
		title, settled);
	failedThrice(d, /SSL certificate problem/);
	assert.equal(mails().length, before, 'nothing reached the sink');
	// the admin sees it among the failed
	const failed = (await ok(fx.clients.admin.get('/api/notifications/deliveries?state=failed'))).items;
	assert.ok(failed.some((x) => x.id === email(d).id));
	// a CA file that cannot be read is refused before anything is sent
	const bad = spawn(CIBLE_BIN, ['send', '--db', fx.server.db, '--once', '--smtp-ca', join(dir, 'nope.pem')],
		{ stdio: ['ignore', 'ignore', 'pipe'] });
	let err = '';
	bad.stderr.on('data', (c) => { err += c; });
	const code = await new Promise((r) => bad.on('close', r));
	assert.equal(code, 2);
	assert.match(err, /smtp-ca '.*nope\.pem' cannot be read/);
});

test('a recipient refused with 554, a closed port and a server that never answers: each attempt recorded, retried, failed; the chat goes on', async () => {
	const ca = ['--smtp-tls', 'required', '--smtp-ca', join(dir, 'sink.crt')];
	let title = await event(deny.id, 'Refusé');
	let d = await send([...url(sinkPort), ...ca], title, settled);
	failedThrice(d, /RCPT failed: 554/);
	assert.equal(email(d).recipient_id, deny.id);

	title = await event(fx.people.member1, 'Port fermé');
	d = await send(url(closedPort), title, settled);
	failedThrice(d, /Couldn't connect/);

	title = await event(fx.people.member1, 'Muet');
	const t0 = Date.now();
	d = await send(url(silentPort), title, settled);
	failedThrice(d, /Timeout was reached/);
	assert.ok(Date.now() - t0 < 30000, 'a silent server costs a timeout an attempt, no more');
	// every place got each event once
	for (const c of ['slack', 'teams', 'webhook'])
		assert.equal(d.filter((x) => x.channel === c).length, 1);
});

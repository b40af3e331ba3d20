// Notifications (issue 14, items 1-4): events written with the change that
// caused them, delivered by the server's sender thread and by `cible send`
// to a real SMTP server on loopback (aiosmtpd: AUTH, text and HTML in the
// recipient's language) and to local Slack, Teams and signed-webhook
// receivers that check each payload's shape; a receiver answering 500 or
// hanging is retried then marked failed while the others and the API go on;
// the same event never reaches the same place twice, across a kill -9.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CIBLE_BIN, Client, PASSWORD, dbQuery, ok, startFixture, startServer } from './harness.mjs';
import { sleep, startSmtpSink, until, zoneAt } from './receivers.mjs';

const DAY = 86400;
const iso = (d) => new Date(d * DAY * 1000).toISOString().slice(0, 10);
const today = Math.floor(Date.now() / 1000 / DAY);
// ---- the receivers ----

let smtp, smtpDir, smtpPort;
async function startSmtp() {
	smtpDir = mkdtempSync(join(tmpdir(), 'cible-smtp-'));
	({ child: smtp, port: smtpPort } = await startSmtpSink(smtpDir));
}
// the messages the SMTP server accepted: { rcpt, raw, headers, text, html }
function mails() {
	return readdirSync(smtpDir).filter((f) => f.endsWith('.eml')).sort().map((f) => {
		const all = readFileSync(join(smtpDir, f), 'latin1');
		const nl = all.indexOf('\n');
		return parseMail(all.slice(5, nl), all.slice(nl + 1));
	});
}
function qpDecode(s) {
	const bytes = Buffer.from(s.replace(/=\r?\n/g, ''), 'latin1');
	const out = [];
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] === 0x3d && i + 2 < bytes.length) {
			out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
			i += 2;
		} else out.push(bytes[i]);
	}
	return Buffer.from(out).toString('utf8');
}
function header(block, name) {
	const m = new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(block);
	if (!m) return null;
	return m[1].replace(/\r?\n[ \t]/g, ' ').replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi,
		(_, b) => Buffer.from(b, 'base64').toString('utf8')).trim();
}
function parseMail(rcpt, raw) {
	const sep = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, sep);
	const boundary = /boundary="([^"]+)"/.exec(head)?.[1];
	const parts = {};
	if (boundary)
		for (const p of raw.split(`--${boundary}`).slice(1, -1)) {
			const i = p.indexOf('\r\n\r\n');
			const type = /Content-Type: ([^;\r\n]+)/i.exec(p.slice(0, i))?.[1];
			parts[type] = qpDecode(p.slice(i + 4));
		}
	return { rcpt, raw, head, subject: header(head, 'Subject'), lang: header(head, 'Content-Language'),
		messageId: header(head, 'Message-ID'), text: parts['text/plain'], html: parts['text/html'] };
}

// one HTTP receiver for every place: /slack, /teams, /hook (signed), /fail
// (500), /hang (never answers), /hang-first (hangs the first post of each
// idempotency key, then answers 200)
const got = [];           // { path, headers, body } of every post answered 2xx
const seen = [];          // every post received, answered or not
let http, httpBase;
const hungOnce = new Set();
async function startHttp() {
	http = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => { body += c; });
		req.on('end', () => {
			const entry = { path: req.url, headers: req.headers, body, json: JSON.parse(body) };
			seen.push(entry);
			if (req.url === '/fail') { res.writeHead(500); res.end('down'); return; }
			if (req.url === '/hang') return;   // never answers
			const key = req.headers['idempotency-key'];
			if (req.url === '/hang-first' && !hungOnce.has(key)) { hungOnce.add(key); return; }
			got.push(entry);
			res.writeHead(200, { 'content-type': 'text/plain' });
			res.end('ok');
		});
	});
	await new Promise((r) => http.listen(0, '127.0.0.1', r));
	httpBase = `http://127.0.0.1:${http.address().port}`;
}

const SECRET = 'un-secret-de-webhook-assez-long';
function verifySignature(entry) {
	const ts = entry.headers['x-cible-timestamp'];
	const sig = entry.headers['x-cible-signature'];
	const want = 'v1=' + createHmac('sha256', SECRET).update(`${ts}.${entry.body}`).digest('hex');
	return sig === want && Math.abs(Date.now() / 1000 - Number(ts)) < 300;
}

const senderArgs = () => ['--smtp-url', `smtp://127.0.0.1:${smtpPort}`, '--smtp-user', 'cible',
	'--smtp-password', 'secret-smtp', '--smtp-tls', 'try', '--smtp-from', 'cible@cible.test',
	'--public-url', 'https://cible.example'];
const serveArgs = () => [...senderArgs(), '--send-interval', '1', '--send-timeout', '2',
	'--send-backoff', '1', '--send-attempts', '3'];
// asynchronous: the receivers live in this process and must answer meanwhile
const sendOnce = (db) => new Promise((res, rej) => execFile(CIBLE_BIN, ['send', '--db', db,
	'--once', ...senderArgs(), '--timeout', '2', '--backoff', '1', '--attempts', '3'],
	{ encoding: 'utf8' }, (err, stdout, stderr) => (err ? rej(new Error(`${err}\n${stderr}`))
		: res(stdout))));

let fx;
const obj = {};
before(async () => {
	await startSmtp();
	await startHttp();
	fx = await startFixture({ args: serveArgs() });
	const admin = fx.clients.admin;
	await ok(admin.patch('/api/org', { time_zone: zoneAt(12) }));
	const mk = async (key, owner, extra = {}) => {
		obj[key] = (await ok(admin.post('/api/objectives', { level: 'individual',
			parent_id: fx.obj.CA, owner_person_id: owner, title: `${key} : relancer les devis`,
			direction: 'increase', baseline: 0, target: 40, start: iso(today - 30),
			due: iso(today + 60), ...extra }), 201)).id;
	};
	await mk('M1', fx.people.member1);
	await mk('M2', fx.people.member2);
	await mk('Soon', fx.people.member2, { due: iso(today + 5), title: 'Paul : clore les dossiers' });
	await ok(admin.patch(`/api/objectives/${obj.Soon}`, { status: 'proposed' }));
	await ok(admin.patch(`/api/objectives/${obj.Soon}`, { status: 'agreed' }));
});
after(async () => {
	await fx?.server.stop();
	smtp?.stdin.end();
	smtp?.kill('SIGTERM');
	http?.close();
	if (smtpDir) rmSync(smtpDir, { recursive: true, force: true });
});

test('preferences: defaults per kind, one\'s own choice and language; bad input named, nothing written', async () => {
	const { member1, member2 } = fx.clients;
	const p = await ok(member2.get('/api/notifications/preferences'));
	assert.equal(p.lang, 'fr');
	assert.equal(p.lang_default, true);
	const late = p.kinds.find((k) => k.kind === 'checkin_late');
	assert.deepEqual([late.inapp, late.email, late.chat, late.default], [true, true, false, true]);
	const badge = p.kinds.find((k) => k.kind === 'badge_earned');
	assert.deepEqual([badge.inapp, badge.email, badge.chat], [true, false, true]);
	const soon = p.kinds.find((k) => k.kind === 'due_soon');
	assert.deepEqual([soon.inapp, soon.email, soon.chat], [true, true, false]);

	let r = await member1.put('/api/notifications/preferences', { kinds: [{ kind: 'sms' }] });
	assert.equal(r.status, 422);
	assert.equal(r.body.error.field, 'kinds.kind');
	r = await member1.put('/api/notifications/preferences', { lang: 'de' });
	assert.equal(r.status, 422);
	assert.equal(r.body.error.field, 'lang');
	r = await member1.put('/api/notifications/preferences', { kinds: [{ kind: 'due_soon', email: 'oui' }] });
	assert.equal(r.status, 400);
	assert.equal((await ok(member1.get('/api/notifications/preferences'))).lang_default, true);

	const q = await ok(member1.put('/api/notifications/preferences', { lang: 'en',
		kinds: [{ kind: 'checkin_late', chat: true }] }));
	assert.equal(q.lang, 'en');
	const l1 = q.kinds.find((k) => k.kind === 'checkin_late');
	assert.deepEqual([l1.inapp, l1.email, l1.chat, l1.default], [true, true, true, false]);
	// the system has no preferences of its own; another person's are not readable
	assert.equal((await fx.clients.anon.get('/api/notifications/preferences')).status, 401);
});

test('chat places: an admin adds Slack, Teams and a signed webhook; a malformed URL is refused with a clear error', async () => {
	const { admin, managerA } = fx.clients;
	let r = await admin.post('/api/notifications/channels', { kind: 'slack', name: 'Mauvais',
		url: 'htp:/exemple' });
	assert.equal(r.status, 422);
	assert.equal(r.body.error.code, 'invalid_url');
	assert.equal(r.body.error.field, 'url');
	assert.match(r.body.error.message, /htp:\/exemple.*http:\/\/ ou https:\/\//);
	r = await admin.post('/api/notifications/channels', { kind: 'slack', name: 'x',
		url: 'https://hooks.slack.com/a b' }, { headers: { 'accept-language': 'en' } });
	assert.equal(r.status, 422);
	assert.match(r.body.error.message, /is not a webhook address/);
	r = await admin.post('/api/notifications/channels', { kind: 'irc', name: 'x', url: 'https://a.b/' });
	assert.equal(r.status, 422);
	assert.equal(r.body.error.field, 'kind');
	assert.equal((await managerA.post('/api/notifications/channels', { kind: 'slack', name: 'x',
		url: `${httpBase}/slack` })).status, 403);

	const add = async (body) => ok(admin.post('/api/notifications/channels', body), 201);
	const slack = await add({ kind: 'slack', name: 'Slack #ventes', url: `${httpBase}/slack` });
	assert.equal(slack.unit_id, null);
	const teams = await add({ kind: 'teams', name: 'Teams équipe A', url: `${httpBase}/teams`,
		unit_id: fx.units.teamA });
	assert.equal(teams.unit_id, fx.units.teamA);
	const hook = await add({ kind: 'webhook', name: 'Intégration', url: `${httpBase}/hook`,
		secret: SECRET });
	assert.equal(hook.secret, SECRET, 'the secret is answered once, at creation');
	const made = await add({ kind: 'webhook', name: 'Sans secret', url: `${httpBase}/hook-unsigned` });
	assert.match(made.secret, /^whsec_[0-9a-f]{64}$/);
	await ok(admin.delete(`/api/notifications/channels/${made.id}`));
	// a failing and a hanging place for team B only
	await add({ kind: 'slack', name: 'En panne', url: `${httpBase}/fail`, unit_id: fx.units.teamB });
	await add({ kind: 'teams', name: 'Muet', url: `${httpBase}/hang`, unit_id: fx.units.teamB });
	const list = await ok(admin.get('/api/notifications/channels'));
	assert.equal(list.items.length, 5);
	assert.ok(list.items.every((c) => !('secret' in c)), 'secrets are never listed');
});

test('a late check-in reaches the SMTP server (text and HTML, the recipient\'s language, a link back), Slack, Teams and the signed webhook; two reminders of one person make one digest', async () => {
	const out = await sendOnce(fx.server.db);
	assert.match(out, /events [1-9]/);
	const m1 = await until('member1\'s mail', () => mails().find((m) => m.rcpt.includes('membre1')));
	assert.equal(m1.lang, 'en');
	assert.equal(m1.subject, `Check-in late for Marie Membre 1 (due on ${m1.subject.slice(-11, -1)})`);
	assert.match(m1.text, /Hello Marie Membre 1,/);
	assert.match(m1.text, new RegExp(`https://cible.example/objectives/${obj.M1}`));
	assert.match(m1.html, /<html lang="en">/);
	assert.match(m1.html, new RegExp(`<a href="https://cible.example/objectives/${obj.M1}">Open the page</a>`));
	assert.match(m1.head, /multipart\/alternative/);

	// member2 kept French; a late check-in and an objective due soon: one message
	const m2 = await until('member2\'s digest', () => mails().find((m) => m.rcpt.includes('membre2')));
	assert.equal(m2.lang, 'fr');
	assert.equal(m2.subject, 'cible : 2 rappels');
	assert.match(m2.text, /Bonjour Paul Membre 2,/);
	assert.match(m2.text, /Point d'étape en retard pour Paul Membre 2/);
	assert.match(m2.text, /Échéance proche : « Paul : clore les dossiers »/);
	assert.match(m2.html, /<html lang="fr">/);
	assert.equal(mails().filter((m) => m.rcpt.includes('membre2')).length, 1);

	// member1 chose the chat: Slack (the org's) and Teams (team A's) got it once
	const slack = await until('Slack', () => got.find((g) => g.path === '/slack'));
	assert.equal(typeof slack.json.text, 'string');
	assert.equal(slack.json.blocks[0].type, 'section');
	assert.equal(slack.json.blocks[0].text.type, 'mrkdwn');
	assert.match(slack.json.blocks[0].text.text, /Point d'étape en retard pour Marie Membre 1/);
	assert.equal(slack.json.blocks[1].elements[0].url, `https://cible.example/objectives/${obj.M1}`);
	const teams = await until('Teams', () => got.find((g) => g.path === '/teams'));
	assert.equal(teams.json.type, 'message');
	const att = teams.json.attachments[0];
	assert.equal(att.contentType, 'application/vnd.microsoft.card.adaptive');
	assert.equal(att.content.type, 'AdaptiveCard');
	assert.equal(att.content.version, '1.4');
	assert.equal(att.content.body[0].type, 'TextBlock');
	assert.equal(att.content.actions[0].type, 'Action.OpenUrl');
	assert.ok(slack.headers['idempotency-key']);

	// the integration: every event, signed over timestamp.body
	const hooks = await until('webhooks', () => {
		const h = got.filter((g) => g.path === '/hook');
		return h.length >= 3 && h;
	});
	for (const h of hooks) {
		assert.ok(verifySignature(h), 'the signature checks with the secret');
		assert.ok(['checkin_late', 'due_soon'].includes(h.json.kind));
		assert.equal(typeof h.json.org_id, 'number');
		assert.equal(h.json.idempotency_key, h.headers['idempotency-key']);
	}
	const tampered = { ...hooks[0], body: hooks[0].body.replace('checkin', 'chekin') };
	assert.equal(verifySignature(tampered), false, 'a changed body does not check');

	// nothing twice: another round finds the same happenings and sends nothing
	const before = [mails().length, got.length];
	assert.match(await sendOnce(fx.server.db), /^events 0, /);
	await sleep(2500);
	assert.deepEqual([mails().length, got.length], before);
	const keys = got.map((g) => `${g.path} ${g.headers['idempotency-key']}`);
	assert.equal(new Set(keys).size, keys.length, 'each place got each event once');
});

test('the in-app inbox: one\'s own only, in one\'s language, marked read one by one or all', async () => {
	const { member1, member2, managerA } = fx.clients;
	const inbox = await ok(member1.get('/api/notifications'));
	assert.ok(inbox.unread >= 1);
	const late = inbox.items.find((i) => i.kind === 'checkin_late');
	assert.equal(late.link, `/objectives/${obj.M1}`);
	assert.equal(late.read, false);
	const en = await ok(member1.get('/api/notifications', { headers: { 'accept-language': 'en' } }));
	assert.match(en.items.find((i) => i.id === late.id).text, /^Check-in late for Marie/);
	assert.equal((await member2.post(`/api/notifications/${late.id}/read`)).status, 404);
	assert.equal((await managerA.post(`/api/notifications/${late.id}/read`)).status, 404);
	const read = await ok(member1.post(`/api/notifications/${late.id}/read`));
	assert.equal(read.read, true);
	const unread = await ok(member1.get('/api/notifications?unread=true'));
	assert.ok(!unread.items.some((i) => i.id === late.id));
	await ok(member2.post('/api/notifications/read-all'));
	assert.equal((await ok(member2.get('/api/notifications'))).unread, 0);
	assert.equal((await member1.get('/api/notifications?unread=yes')).status, 400);
});

test('a negotiation move waits for the other side: they are told, in the same transaction; at night the mail waits for 08:00', async () => {
	const { admin, managerA, member1 } = fx.clients;
	await ok(admin.patch('/api/org', { time_zone: zoneAt(2) }));
	const id = (await ok(managerA.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member1, title: 'Marie : 60 devis relancés', direction: 'increase',
		baseline: 0, target: 60, start: iso(today), due: iso(today + 90) }), 201)).id;
	try {
		await ok(managerA.post(`/api/objectives/${id}/rounds`, { kind: 'proposal', target: 60,
			bounds: { low_pct: 90, high_pct: 110 } }), 201);
		const inbox = await ok(member1.get('/api/notifications'));
		const n = inbox.items.find((i) => i.kind === 'negotiation_waiting' && i.objective_id === id);
		assert.ok(n, 'the owner has it in the app at once');
		const d = (await ok(admin.get('/api/notifications/deliveries?state=pending'))).items
			.find((x) => x.kind === 'negotiation_waiting' && x.channel === 'email');
		assert.ok(d, 'the mail waits');
		const wait = d.not_before - Math.floor(Date.now() / 1000);
		assert.ok(wait > 4 * 3600 && wait < 7 * 3600, `02:00 local waits until 08:00 (${wait} s)`);
	} finally {
		await ok(admin.patch('/api/org', { time_zone: zoneAt(12) }));
	}
});

test('a review signed by one side waits for the other: they are told in the app and by mail, once; the second signature tells no one', async () => {
	const { admin, managerA, member2 } = fx.clients;
	const r = await ok(managerA.post('/api/reviews', { person_id: fx.people.member2,
		period: 'year', year: 2026 }), 201);
	await ok(member2.patch(`/api/reviews/${r.id}`, { self_assessment: 'Une bonne année.' }));
	await ok(managerA.patch(`/api/reviews/${r.id}`, { manager_assessment: 'Paul a tenu ses volumes.' }));
	await ok(member2.post(`/api/reviews/${r.id}/submit`));
	await ok(managerA.post(`/api/reviews/${r.id}/submit`));
	const events = () => Number(dbQuery(fx.server.db,
		`SELECT count(*) AS n FROM notify_event WHERE kind = 'review_signature'`)[0].n);
	assert.equal(events(), 0, 'submitting asks for no signature yet');
	await ok(member2.post(`/api/reviews/${r.id}/sign`));
	// the manager has it in the app at once, in their language
	const inbox = await ok(managerA.get('/api/notifications'));
	const n = inbox.items.find((i) => i.kind === 'review_signature');
	assert.ok(n, JSON.stringify(inbox.items));
	assert.equal(n.link, `/reviews/${r.id}`);
	assert.equal(n.text, `Bilan « Paul Membre 2, 2026-01-01 – 2026-12-31 » : Paul Membre 2 l'a signé, il attend votre signature`);
	const en = await ok(managerA.get('/api/notifications', { headers: { 'accept-language': 'en' } }));
	assert.equal(en.items.find((i) => i.id === n.id).text,
		'Review "Paul Membre 2, 2026-01-01 – 2026-12-31": Paul Membre 2 signed it, it waits for your signature');
	assert.ok(!(await ok(member2.get('/api/notifications'))).items.some((i) => i.kind === 'review_signature'),
		'the signer is not told');
	// a refused second signature writes no event
	assert.equal((await member2.post(`/api/reviews/${r.id}/sign`)).status, 409);
	assert.equal(events(), 1);
	// the mail (email is on by default for this kind), by day in the organisation's time zone
	const mail = await until('the manager\'s mail', () => mails().find((m) =>
		m.rcpt.includes('manager.a') && /attend votre signature/.test(m.text ?? '')));
	assert.match(mail.text, /Bilan « Paul Membre 2, 2026-01-01 – 2026-12-31 » : Paul Membre 2 l'a signé/);
	assert.match(mail.text, new RegExp(`https://cible.example/reviews/${r.id}`));
	assert.match(mail.html, new RegExp(`<a href="https://cible.example/reviews/${r.id}">`));
	// the sender marks the delivery sent once the SMTP server has taken it: a
	// moment after the mail is in the sink
	const sent = async () => (await ok(admin.get('/api/notifications/deliveries?state=sent'))).items
		.filter((x) => x.kind === 'review_signature' && x.channel === 'email');
	const d = await until('the mail\'s delivery marked sent', async () => {
		const x = await sent();
		return x.length ? x : null;
	});
	assert.equal(d.length, 1);
	assert.equal(d[0].recipient_id, fx.people.managerA);
	// the second signature completes the review: no one waits, no event
	assert.equal((await ok(managerA.post(`/api/reviews/${r.id}/sign`))).status, 'signed');
	assert.equal(events(), 1);
	assert.ok(!(await ok(member2.get('/api/notifications'))).items.some((i) => i.kind === 'review_signature'));
});

test('a receiver answering 500 or hanging is retried with backoff, then marked failed for the admin, while the API and the other places go on', async () => {
	const { admin, managerB, member1 } = fx.clients;
	await ok(fx.clients.member3.put('/api/notifications/preferences', {
		kinds: [{ kind: 'checkin_late', chat: true }] }));
	await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CB,
		owner_person_id: fx.people.member3, title: 'Zoé : relancer les devis', direction: 'increase',
		baseline: 0, target: 40, start: iso(today - 30), due: iso(today + 60) }), 201);
	const hooksBefore = got.filter((g) => g.path === '/hook').length;
	const t0 = Date.now();
	await sendOnce(fx.server.db);   // the scan; the thread and this round deliver
	// while /hang holds a connection, requests answer at once
	await until('the hanging receiver to be called', () => seen.some((s) => s.path === '/hang'));
	const t1 = Date.now();
	await ok(managerB.get(`/api/units/${fx.units.teamB}/dashboard`));
	assert.ok(Date.now() - t1 < 1500, 'a request is not held by the sender');
	// the signed webhook got member3's event meanwhile
	await until('the webhook', () => got.filter((g) => g.path === '/hook').length > hooksBefore);
	const failed = await until('both to fail', async () => {
		const f = (await ok(admin.get('/api/notifications/deliveries?state=failed'))).items;
		return f.length >= 2 && f;
	}, 40000);
	const fail = failed.find((f) => f.channel === 'slack');
	assert.equal(fail.attempts, 3);
	assert.equal(fail.attempts_log.length, 3);
	assert.ok(fail.attempts_log.every((a) => !a.ok && a.detail === 'HTTP 500'));
	const spread = fail.attempts_log[2].at - fail.attempts_log[0].at;
	assert.ok(spread >= 1 + 2, `1 s then 2 s between the attempts at least (${spread} s)`);
	const hang = failed.find((f) => f.channel === 'teams');
	assert.match(hang.last_error, /Timeout/i);
	assert.equal(seen.filter((s) => s.path === '/fail').length, 3);
	assert.ok(Date.now() - t0 < 40000);
	// only an admin sees them; a retry puts one back in the queue, audited
	assert.equal((await member1.get('/api/notifications/deliveries')).status, 403);
	assert.equal((await admin.get('/api/notifications/deliveries?state=lost')).status, 400);
	const again = await ok(admin.post(`/api/notifications/deliveries/${fail.id}/retry`));
	assert.equal(again.state, 'pending');
	assert.equal((await admin.post(`/api/notifications/deliveries/${fail.id}/retry`)).status, 409);
	// the SMTP server refuses a recipient: the mail fails, the others went
	const refused = await ok(admin.post('/api/people', { email: 'refuse@cible.test', name: 'Rémi Refusé',
		password: PASSWORD, unit_id: fx.units.teamA, manager_id: fx.people.managerA }), 201);
	await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: refused.id, title: 'Rémi : relancer', direction: 'increase',
		baseline: 0, target: 10, start: iso(today - 30), due: iso(today + 60) }), 201);
	await sendOnce(fx.server.db);
	const mailFail = await until('the refused mail to fail', async () =>
		(await ok(admin.get('/api/notifications/deliveries?state=failed'))).items
			.find((f) => f.channel === 'email'), 30000);
	assert.match(mailFail.last_error, /550|RCPT|recipient/i);
});

test('the same event is never delivered twice to a place, across a kill -9 in the middle of a delivery', async () => {
	const server = await startServer({ args: serveArgs() });
	let child = null;
	try {
		const admin = await server.login(server.adminEmail);
		await ok(admin.patch('/api/org', { time_zone: zoneAt(12) }));
		await ok(admin.post('/api/notifications/channels', { kind: 'webhook', name: 'Lent',
			url: `${httpBase}/hang-first`, secret: SECRET }), 201);
		const company = (await ok(admin.get('/api/units'))).items[0].id;
		const bob = (await ok(admin.post('/api/people', { email: 'bob@cible.test', name: 'Bob',
			password: PASSWORD, unit_id: company, manager_id: admin.me.id }), 201)).id;
		const id = (await ok(admin.post('/api/objectives', { level: 'operational', axis_id:
			(await ok(admin.post('/api/axes', { title: 'Axe', position: 1 }), 201)).id,
			owner_unit_id: company, title: 'Vendre 10 contrats', direction: 'increase', baseline: 0,
			target: 10, start: iso(today), due: iso(today + 90) }), 201)).id;
		const ind = (await ok(admin.post('/api/objectives', { level: 'individual', parent_id: id,
			owner_person_id: bob, title: 'Bob : vendre 10 contrats', direction: 'increase',
			baseline: 0, target: 10, start: iso(today), due: iso(today + 90) }), 201)).id;
		// the admin proposes: Bob's answer is awaited; the webhook gets the event
		await ok(admin.post(`/api/objectives/${ind}/rounds`, { kind: 'proposal', target: 10,
			bounds: { low_pct: 90, high_pct: 110 } }), 201);
		const key = await until('the first post (held)', () =>
			seen.find((s) => s.path === '/hang-first' && s.json.kind === 'negotiation_waiting'))
			.then((s) => s.headers['idempotency-key']);
		// the server dies while the receiver holds the post
		process.kill(server.pid, 'SIGKILL');
		await sleep(300);
		assert.equal(got.filter((g) => g.headers['idempotency-key'] === key).length, 0);
		// started again on the same database: the lease runs out, the post is made again
		child = spawn(CIBLE_BIN, ['serve', '--db', server.db, '--port', '0', '--log-level', 'warn',
			...serveArgs()], { stdio: ['ignore', 'ignore', 'pipe'] });
		await until('the delivery after the restart', () =>
			got.some((g) => g.headers['idempotency-key'] === key), 20000);
		await sleep(3000);   // more rounds: nothing more arrives
		assert.equal(got.filter((g) => g.headers['idempotency-key'] === key).length, 1);
		assert.equal(seen.filter((s) => s.headers['idempotency-key'] === key).length, 2,
			'one post lost with the dead server, one delivered');
		const rows = dbQuery(server.db, "SELECT state, attempts FROM notify_delivery WHERE channel = 'webhook'");
		assert.deepEqual(rows.map((r) => [r.state, Number(r.attempts)]), [['sent', 2]]);
	} finally {
		if (child) {
			child.kill('SIGTERM');
			await new Promise((r) => child.on('close', r));
		}
		rmSync(server.dir, { recursive: true, force: true });
	}
});

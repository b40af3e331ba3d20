// A calendar feed per person (issue 14, item 5): a secret address made,
// replaced and revoked through the API; the feed read by a real iCalendar
// parser (python3-icalendar) with the person's due dates, check-ins due and
// one-to-ones; the same UIDs from one fetch to the next; a replaced or
// revoked address answers 404; no one else's feed can be made or read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ok, startFixture } from './harness.mjs';

let fx, current, meeting;
const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const today = Date.parse(`${iso(Date.now())}T00:00:00Z`);

before(async () => {
	fx = await startFixture();
	// an objective under way: the rhythm expects check-ins on it
	current = (await ok(fx.clients.admin.post('/api/objectives', { level: 'individual',
		parent_id: fx.obj.CA, owner_person_id: fx.people.member1,
		title: 'Marie : rappeler 20 clients, semaine après semaine', direction: 'increase',
		baseline: 0, target: 20, start: iso(today - 40 * DAY), due: iso(today + 50 * DAY) }), 201)).id;
	meeting = (await ok(fx.clients.managerA.post('/api/one-to-ones', { member_id: fx.people.member1,
		day: iso(today + 7 * DAY) }), 201)).id;
});
after(async () => { await fx?.server.stop(); });

const PY = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = {"version": str(cal.get("VERSION")), "prodid": str(cal.get("PRODID")),
       "name": str(cal.get("X-WR-CALNAME")), "events": []}
for ev in cal.walk("VEVENT"):
    out["events"].append({"uid": str(ev.get("UID")), "summary": str(ev.get("SUMMARY")),
        "start": ev.decoded("DTSTART").isoformat(), "end": ev.decoded("DTEND").isoformat(),
        "stamp": ev.decoded("DTSTAMP").isoformat()})
print(json.dumps(out))
`;
const parse = (text) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', PY],
	{ input: text, encoding: 'utf8' }));

async function feed(path) {
	const r = await fx.server.anon.get(path);
	assert.equal(r.status, 200, r.text);
	assert.equal(r.headers.get('content-type'), 'text/calendar; charset=utf-8');
	assert.match(r.text, /^BEGIN:VCALENDAR\r\n/);
	assert.ok(r.text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'lines folded at 75 octets');
	return parse(r.text);
}

test('one\'s calendar feed: due dates, check-ins due, one-to-ones, the same UIDs twice', async () => {
	const { member1 } = fx.clients;
	const path = `/api/people/${fx.people.member1}/calendar-feed`;
	assert.deepEqual(await ok(member1.get(path)), { active: false, created_at: null });
	const made = await ok(member1.post(path), 201);
	assert.equal(made.active, true);
	assert.match(made.token, /^cal_[A-Za-z0-9_-]{20,}$/);
	assert.equal(made.path, `/api/calendar/${made.token}.ics`);
	const state = await ok(member1.get(path));
	assert.equal(state.active, true);
	assert.equal(state.token, undefined);  // the secret is shown once
	const org = fx.server.orgs.length ? (await ok(fx.clients.admin.get('/api/org'))).id : 1;
	const a = await feed(made.path);
	assert.equal(a.version, '2.0');
	assert.equal(a.name, 'cible — Marie Membre 1');
	const byUid = Object.fromEntries(a.events.map((e) => [e.uid, e]));
	assert.equal(Object.keys(byUid).length, a.events.length, 'UIDs are unique');
	// due dates of member1's objectives, all-day events on the day
	const i1 = byUid[`objective-${fx.obj.I1}-due@org-${org}.cible`];
	assert.equal(i1.start, '2027-06-30');
	assert.equal(i1.end, '2027-07-01');
	assert.equal(i1.summary, 'Échéance : Marie : traiter 40 rappels par jour');
	assert.equal(byUid[`objective-${current}-due@org-${org}.cible`].start, iso(today + 50 * DAY));
	// the check-in owed on the objective under way
	const ck = byUid[`objective-${current}-checkin@org-${org}.cible`];
	assert.ok(ck, JSON.stringify(a.events.map((e) => e.uid)));
	assert.match(ck.summary, /^Point d'étape (à faire|en retard) : Marie : rappeler 20 clients/);
	// the one-to-one with manager A
	const m = byUid[`one-to-one-${meeting}@org-${org}.cible`];
	assert.equal(m.start, iso(today + 7 * DAY));
	assert.equal(m.summary, 'Entretien individuel : Marc Manager A et Marie Membre 1');
	// nobody else's objectives
	assert.ok(!a.events.some((e) => e.uid === `objective-${fx.obj.I2}-due@org-${org}.cible`));
	// a second fetch: the same events under the same UIDs
	const b = await feed(made.path);
	assert.deepEqual(b.events.map((e) => [e.uid, e.summary, e.start]).sort(),
		a.events.map((e) => [e.uid, e.summary, e.start]).sort());
	// a changed due date keeps its UID: the calendar moves the event
	await ok(fx.clients.admin.patch(`/api/objectives/${current}`, { due: iso(today + 51 * DAY) }));
	const c = await feed(made.path);
	assert.equal(c.events.find((e) => e.uid === `objective-${current}-due@org-${org}.cible`).start,
		iso(today + 51 * DAY));
	assert.equal(c.events.length, a.events.length);
});

test('a new address replaces the old; a revoked one answers 404', async () => {
	const { member2, admin } = fx.clients;
	const path = `/api/people/${fx.people.member2}/calendar-feed`;
	const first = await ok(member2.post(path), 201);
	const uids = (await feed(first.path)).events.map((e) => e.uid).sort();
	const second = await ok(member2.post(path), 201);
	assert.notEqual(second.token, first.token);
	assert.equal((await fx.server.anon.get(first.path)).status, 404);
	assert.deepEqual((await feed(second.path)).events.map((e) => e.uid).sort(), uids);
	// an admin revokes it
	await ok(admin.delete(path));
	assert.equal((await fx.server.anon.get(second.path)).status, 404);
	assert.deepEqual(await ok(member2.get(path)), { active: false, created_at: null });
	assert.equal((await member2.delete(path)).status, 404);  // nothing left to revoke
	// unknown or malformed addresses
	assert.equal((await fx.server.anon.get('/api/calendar/cal_nope.ics')).status, 404);
	assert.equal((await fx.server.anon.get(`/api/calendar/${second.token}`)).status, 404);
	// the audit trail says who did what, never the secret
	const trail = await ok(admin.get('/api/audit?entity=calendar_feed&limit=50'));
	assert.deepEqual(trail.items.filter((x) => x.entity_id === fx.people.member2)
		.map((x) => x.action), ['revoke', 'rotate', 'create']);
	assert.ok(!JSON.stringify(trail).includes(second.token));
});

test('nobody makes or reads another person\'s feed', async () => {
	const path = `/api/people/${fx.people.member1}/calendar-feed`;
	const { managerA, managerB, member2, hr, admin, otherAdmin } = fx.clients;
	assert.equal((await managerA.post(path)).status, 403);  // reads member1, may not take their secret
	assert.equal((await admin.post(path)).status, 403);
	assert.equal((await hr.get(path)).status, 403);
	assert.equal((await member2.post(path)).status, 404);
	assert.equal((await managerB.get(path)).status, 404);
	assert.equal((await otherAdmin.delete(path)).status, 404);
	assert.equal((await ok(admin.get(path))).active, true);
});

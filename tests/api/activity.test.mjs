// Activity records pushed through the API: idempotent by source id, all or
// nothing unless asked, each rejected record named by index and field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EMAILS, auditTotal, ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

const call = (id, person, at = '2027-01-04T09:30:00+01:00', fields = { answered: 'Y', speed: 12 }) =>
	({ source_id: id, person, at, fields });

async function countFor(person) {
	return (await ok(fx.clients.admin.get(`/api/activity?person=${person}&kind=call`))).total;
}

test('a batch is stored once, and sent again it counts every record as a duplicate', async () => {
	const records = [call('c-1', EMAILS.member1), call('c-2', String(fx.people.member1)),
		call('c-3', EMAILS.member2, '2027-01-05')];
	const first = await ok(fx.clients.admin.post('/api/activity', { kind: 'call', records }));
	assert.deepEqual([first.read, first.stored, first.duplicates, first.rejected.length], [3, 3, 0, 0]);
	const again = await ok(fx.clients.admin.post('/api/activity', { kind: 'call', records }));
	assert.deepEqual([again.read, again.stored, again.duplicates], [3, 0, 3]);
	assert.equal(await countFor(fx.people.member1), 2);
});

test('times are stored in UTC whatever offset they were sent with', async () => {
	const list = await ok(fx.clients.admin.get(`/api/activity?person=${fx.people.member1}&kind=call`));
	const c1 = list.items.find((x) => x.source_id === 'c-1');
	assert.equal(c1.at, Date.UTC(2027, 0, 4, 8, 30) / 1000);
	assert.deepEqual(c1.fields, { answered: 'Y', speed: 12 });
	const jan5 = await ok(fx.clients.admin.get('/api/activity?kind=call&from=2027-01-05&to=2027-01-06'));
	assert.deepEqual(jan5.items.map((x) => x.source_id), ['c-3']);
});

test('one wrong record stores nothing and the report names each fault', async () => {
	const before = await countFor(fx.people.member1);
	const audit = await auditTotal(fx.clients.admin);
	const r = await fx.clients.admin.post('/api/activity', { kind: 'call', records: [
		call('d-1', EMAILS.member1),
		call('d-2', 'personne@inconnue.test'),
		call('d-3', EMAILS.member1, '2027-02-30T10:00:00'),
		{ source_id: 'd-4', person: EMAILS.member1, at: '2027-01-04', fields: { nested: { x: 1 } } },
		{ source_id: 'd-5', person: EMAILS.member1, at: '2027-01-04', colour: 'blue' },
	] });
	assert.equal(r.status, 422);
	const report = r.body.error.report;
	assert.equal(r.body.error.field, 'records');
	assert.deepEqual(report.rejected.map((x) => [x.index, x.field, x.code]), [
		[1, 'person', 'unknown_reference'], [2, 'at', 'invalid_date'],
		[3, 'fields', 'invalid_type'], [4, 'colour', 'unknown_field']]);
	assert.equal(report.stored, 0);
	assert.equal(await countFor(fx.people.member1), before);
	assert.equal(await auditTotal(fx.clients.admin), audit);
});

test('keep_good stores the good records and reports the others', async () => {
	const r = await ok(fx.clients.admin.post('/api/activity', { kind: 'call', keep_good: true,
		records: [call('e-1', EMAILS.member1), call('e-2', 'personne@inconnue.test')] }));
	assert.deepEqual([r.read, r.stored, r.rejected.length], [2, 1, 1]);
	assert.match(r.rejected[0].message, /personne@inconnue\.test/);
});

test('a manager pushes records for their team only; a member cannot push', async () => {
	const r = await fx.clients.managerB.post('/api/activity', { kind: 'call',
		records: [call('f-1', EMAILS.member1)] });
	assert.equal(r.status, 422);
	assert.equal(r.body.error.report.rejected[0].code, 'forbidden');
	const m = await fx.clients.member1.post('/api/activity', { kind: 'call', records: [] });
	assert.equal(m.status, 403);
	await ok(fx.clients.managerA.post('/api/activity', { kind: 'call',
		records: [call('f-2', EMAILS.member1)] }));
});

test("a member reads their own records and no one else's", async () => {
	const mine = await ok(fx.clients.member1.get('/api/activity'));
	assert.ok(mine.items.length > 0);
	assert.ok(mine.items.every((x) => x.person_id === fx.people.member1));
	const other = await fx.clients.member1.get(`/api/activity?person=${fx.people.member2}`);
	assert.equal(other.status, 404);
});

test('a bad kind, a missing list or too many records are refused before anything is read', async () => {
	const bad = await fx.clients.admin.post('/api/activity', { kind: 'Appel!', records: [] });
	assert.equal(bad.status, 422);
	assert.equal(bad.body.error.field, 'kind');
	const none = await fx.clients.admin.post('/api/activity', { kind: 'call' });
	assert.equal(none.status, 422);
	assert.equal(none.body.error.field, 'records');
	const many = Array.from({ length: 10001 }, (_, i) => ({ source_id: `${i}`, person: '1', at: '2027-01-01' }));
	const big = await fx.clients.admin.post('/api/activity', { kind: 'call', records: many });
	assert.equal(big.status, 413);
	const wrongType = await fx.clients.admin.post('/api/activity', { kind: 'call', records: {} });
	assert.equal(wrongType.status, 400);
	assert.equal(wrongType.body.error.field, 'records');
});

test('a record\'s person may be an id, an email in any case or a full name; "12abc" is no id', async () => {
	const me = await ok(fx.clients.admin.get(`/api/people/${fx.people.member1}`));
	const before = await countFor(fx.people.member1);
	const r = await ok(fx.clients.admin.post('/api/activity', { kind: 'call', records: [
		call('p-1', String(fx.people.member1)), call('p-2', EMAILS.member1.toUpperCase()),
		call('p-3', me.name)] }));
	assert.deepEqual([r.stored, r.rejected.length], [3, 0]);
	assert.equal(await countFor(fx.people.member1), before + 3);
	const bad = await fx.clients.admin.post('/api/activity', { kind: 'call',
		records: [call('p-4', `${fx.people.member1}abc`)] });
	assert.equal(bad.status, 422);
	assert.equal(bad.body.error.report.rejected[0].field, 'person');
});

// POST /api/import with the file itself (text/csv, application/x-ndjson,
// application/octet-stream) rather than JSON: the options in the query string,
// the body written to disk as it arrives (issue 16: bodies bounded per client;
// issue 17: memory flat whatever the file's size). Checked against the JSON
// form of the same file and against figures computed here from the rows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { STORE, dbQuery, ok, startFixture, startServer } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx?.server.stop(); });

const q = (o) => Object.entries(o).flatMap(([k, v]) => (Array.isArray(v) ? v : [v])
	.map((x) => `${k}=${encodeURIComponent(x)}`)).join('&');
const OPTS = { kind: 'call', person: 'agent', date: 'day', id: 'ref',
	field: ['answered=ok:bool', 'talk=secs:number'] };
const post = (client, query, body, type = 'text/csv', extra = {}) =>
	client.request('POST', `/api/import?${query}`, undefined,
		{ raw: body, headers: { 'content-type': type }, ...extra });

function calls(prefix, people, n) {
	const rows = ['ref,agent,day,ok,secs'];
	let answered = 0, talk = 0;
	for (let i = 0; i < n; i++) {
		const ok = i % 3 !== 0, secs = 30 + (i * 7) % 300;
		answered += ok;
		talk += secs;
		rows.push(`${prefix}-${i},${people[i % people.length]},2027-02-${String(1 + (i % 28)).padStart(2, '0')},${ok ? 'Y' : 'N'},${secs}`);
	}
	return { text: rows.join('\r\n') + '\r\n', answered, talk };
}

function stored(prefix) {
	const [row] = dbQuery(fx.server.db, `SELECT count(*) AS n FROM activity WHERE source_id LIKE '${prefix}-%'`);
	return Number(row.n);
}

test('a CSV sent as itself is stored as its JSON form would be: the JSON form of the same file then finds every row a duplicate', async () => {
	const people = [fx.people.member1, fx.people.member2, fx.people.member3];
	const f = calls('up', people, 3000);
	const r = await ok(post(fx.clients.admin, q(OPTS), f.text));
	assert.equal(r.read, 3000);
	assert.equal(r.stored, 3000);
	assert.equal(r.rejected, 0);
	assert.equal(stored('up'), 3000);
	// the figures of the stored records, against the rows written above
	const [sum] = dbQuery(fx.server.db, STORE === 'postgres'
		? `SELECT sum(CASE WHEN (fields::json->>'answered')::boolean THEN 1 ELSE 0 END) AS a,
		     sum((fields::json->>'talk')::numeric) AS t FROM activity WHERE source_id LIKE 'up-%'`
		: `SELECT sum(json_extract(fields, '$.answered')) AS a, sum(json_extract(fields, '$.talk')) AS t
		     FROM activity WHERE source_id LIKE 'up-%'`);
	assert.equal(Number(sum.a), f.answered);
	assert.equal(Number(sum.t), f.talk);
	const { field, ...rest } = OPTS;
	const again = await ok(fx.clients.admin.post('/api/import', { ...rest,
		fields: field.map((s) => { const [name, cr] = s.split('='); const [column, type] = cr.split(':');
			return { name, column, type }; }), data: f.text }));
	assert.equal(again.read, 3000);
	assert.equal(again.stored, 0);
	assert.equal(again.duplicates, 3000);
});

test('20,000 rows, more than two of the import\'s batches: every record stored once, duplicates within the file and against the store found across batches, measured in the same import; a bad line refuses the file whole', async () => {
	const admin = fx.clients.admin;
	const people = [fx.people.member1, fx.people.member2, fx.people.member3];
	const axis = (await ok(admin.get('/api/axes'))).items[0].id;
	const o = await ok(admin.post('/api/objectives', { level: 'individual', axis_id: axis,
		owner_person_id: fx.people.member1, title: 'Traiter 2000 appels en mai 2027',
		indicator: 'calls_handled', direction: 'increase', baseline: 0, target: 2000,
		start: '2027-05-01', due: '2027-05-31' }), 201);
	const value = async () => (await ok(admin.get(`/api/objectives/${o.id}/progress?today=2027-05-31`))).value;
	// ids repeat within one batch (100 is 99's) and across the first batch's
	// end (8200 is 8190's): the first of each is the record
	const dup = new Map([[100, 99], [8200, 8190]]);
	const rows = ['ref,agent,day,ok,secs'];
	let handled = 0;
	for (let i = 0; i < 20000; i++) {
		const person = people[i % 3], ok_ = i % 4 !== 0;
		rows.push(`big-${dup.get(i) ?? i},${person},2027-05-${String(1 + (i % 31)).padStart(2, '0')},${ok_ ? 'Y' : 'N'},${20 + i % 200}`);
		if (person === fx.people.member1 && ok_ && !dup.has(i))
			handled++;
	}
	const text = rows.join('\n') + '\n';
	const r = await ok(post(admin, q(OPTS), text));
	assert.deepEqual([r.read, r.stored, r.duplicates, r.rejected], [20000, 19998, 2, 0]);
	assert.equal(stored('big'), 19998);
	assert.equal(await value(), handled);
	// again: nothing new, the figure unchanged
	const again = await ok(post(admin, q(OPTS), text));
	assert.deepEqual([again.read, again.stored, again.duplicates], [20000, 0, 20000]);
	assert.equal(stored('big'), 19998);
	assert.equal(await value(), handled);
	// new ids, one bad date on line 15,001 (the header is line 1): refused whole
	const bad = rows.map((l, i) => (i ? l.replace('big-', 'bad2-') : l));
	bad[15000] = bad[15000].replace('2027-05-', '2027-13-');
	const refused = await post(admin, q(OPTS), bad.join('\n') + '\n');
	assert.equal(refused.status, 422, refused.text.slice(0, 300));
	const rep = refused.body.error.report;
	assert.deepEqual([rep.read, rep.stored, rep.rejected, rep.stored_any], [20000, 0, 1, false]);
	assert.deepEqual([rep.rejections[0].line, rep.rejections[0].column], [15001, 'day']);
	assert.equal(stored('bad2'), 0);
	assert.equal(await value(), handled);
});

test('JSON lines sent as application/x-ndjson, and raw bytes with format=jsonl', async () => {
	const lines = [0, 1, 2, 3].map((i) => JSON.stringify({ ref: `nd-${i}`, agent: String(fx.people.member1),
		day: '2027-03-0' + (i + 1), ok: i !== 2 }));
	const opts = { kind: 'call', person: 'agent', date: 'day', id: 'ref', field: 'answered=ok:bool', format: 'jsonl' };
	const r = await ok(post(fx.clients.admin, q(opts), lines.slice(0, 2).join('\n') + '\n', 'application/x-ndjson'));
	assert.equal(r.stored, 2);
	const b = await ok(post(fx.clients.admin, q(opts), Buffer.from(lines.join('\n') + '\n'), 'application/octet-stream'));
	assert.equal(b.stored, 2);
	assert.equal(b.duplicates, 2);
	assert.equal(stored('nd'), 4);
});

test('a file sent as itself with wrong options: each a clear error naming what is wrong, nothing stored', async () => {
	const a = fx.clients.admin;
	const f = calls('bad', [fx.people.member1], 5).text;
	const cases = [
		[q({ ...OPTS, kinds: 'call' }), 400, 'invalid_query', /kinds/],
		[q({ ...OPTS, field: ['answered'] }), 400, 'invalid_query', /NOM=COLONNE/],
		[q({ ...OPTS, keep_good: 'yes' }), 400, 'invalid_query', /keep_good/],
		[q({ ...OPTS, field: ['answered=ok:colour'] }), 400, 'invalid_query', /field/],
	];
	for (const [query, status, code, message] of cases) {
		const r = await post(a, query, f);
		assert.equal(r.status, status, `${query}: ${r.text}`);
		assert.equal(r.body.error.code, code, r.text);
		assert.match(r.body.error.message, message, r.text);
	}
	const { kind, ...noKind } = OPTS;
	assert.ok(kind);
	const r = await post(a, q(noKind), f);
	assert.equal(r.status, 422, r.text);
	assert.equal(r.body.error.field, 'kind', r.text);
	// the options belong in the body when the body is JSON
	const j = await a.request('POST', '/api/import?kind=call', { kind: 'call', data: f });
	assert.equal(j.status, 400, j.text);
	assert.match(j.body.error.message, /kind/);
	// English when asked
	const en = await post(a, q({ ...OPTS, field: ['answered'] }), f, 'text/csv',
		{ headers: { 'content-type': 'text/csv', 'accept-language': 'en' } });
	assert.match(en.body.error.message, /NAME=COLUMN/);
	assert.equal(stored('bad'), 0);
});

test('a file over 64 MiB sent as itself is refused with 413 as it arrives, nothing stored', async () => {
	const head = 'ref,agent,day,ok\n';
	const big = Buffer.alloc(64 * 1024 * 1024 + 4096, 'x');
	Buffer.from(head).copy(big);
	const r = await post(fx.clients.admin, q({ kind: 'call', person: 'agent', date: 'day', id: 'ref' }), big);
	assert.equal(r.status, 413, r.text.slice(0, 300));
	assert.equal(r.body.error.code, 'body_too_large');
});

// The server's peak resident memory (VmHWM), in MiB
function peak(pid) {
	const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return Number(m[1]) / 1024;
}

test('memory: a 60 MiB file sent as itself raises the server\'s peak far less than the same file as JSON', async () => {
	// few rows with a long column the mapping does not read: the bytes are
	// the body's, not the records'
	const pad = 'p'.repeat(3000);
	const rows = ['ref,agent,day,ok,notes'];
	for (let i = 0; rows.length * 3040 < 60 * 1024 * 1024; i++)
		rows.push(`mem-${i},1,2027-04-${String(1 + (i % 28)).padStart(2, '0')},Y,${pad}`);
	const text = rows.join('\n') + '\n';
	const opts = { kind: 'call', person: 'agent', date: 'day', id: 'ref', field: 'answered=ok:bool' };
	const grow = async (asFile) => {
		const s = await startServer();
		try {
			const admin = await s.login(s.adminEmail);
			const body = text.replaceAll(',1,2027-', `,${admin.me.id},2027-`);
			const before = peak(s.pid);
			const r = asFile
				? await ok(post(admin, q(opts), body))
				: await ok(admin.post('/api/import', { kind: 'call', person: 'agent', date: 'day',
					id: 'ref', fields: [{ name: 'answered', column: 'ok', type: 'bool' }], data: body }));
			assert.equal(r.stored, rows.length - 1);
			return peak(s.pid) - before;
		} finally {
			await s.stop();
		}
	};
	const file = await grow(true), json = await grow(false);
	console.log(`  ${(text.length / 1048576).toFixed(1)} MiB, ${rows.length - 1} rows: peak +${file.toFixed(1)} MiB as a file, +${json.toFixed(1)} MiB as JSON`);
	assert.ok(json > text.length / 1048576, `the JSON form holds the body: +${json.toFixed(1)} MiB`);
	assert.ok(file < json / 2, `as a file +${file.toFixed(1)} MiB, as JSON +${json.toFixed(1)} MiB`);
});

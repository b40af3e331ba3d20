// Measurement end to end on the real data sets of ../shared/data: import with
// the CLI and through the API, indicators, an objective's progress, and the
// figures checked against an independent computation (sqlite3 over the raw
// CSV, in the test itself).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CIBLE_BIN, PASSWORD, ok, startServer } from './harness.mjs';

const DATA = resolve(process.env.CIBLE_SHARED || '../shared', 'data');
const CALLS = join(DATA, 'callcentre', 'calls.csv');
const SALES = join(DATA, 'northwind', 'sales-lines.csv');
const DEALS = join(DATA, 'crm', 'sales_pipeline.csv');
const have = existsSync(CALLS) && existsSync(SALES) && existsSync(DEALS);
const AGENTS = ['Becky', 'Dan', 'Diane', 'Greg', 'Jim', 'Joe', 'Martha', 'Stewart'];

let srv, admin;
const env = { ...process.env, CIBLE_PASSWORD: PASSWORD };
const cible = (args) => spawnSync(CIBLE_BIN, [...args, '--db', srv.db], { env, encoding: 'utf8' });

// sqlite3 over a raw CSV file imported into a bare table
function rawSql(file, table, query) {
	const db = join(srv.dir, `raw-${table}.db`);
	rmSync(db, { force: true });
	const r = spawnSync('sqlite3', ['-cmd', `.import --csv ${file} ${table}`, db, query],
		{ encoding: 'utf8' });
	assert.equal(r.status, 0, r.stderr);
	return r.stdout;
}

async function people(names) {
	const company = (await ok(admin.get('/api/units'))).items.find((u) => u.kind === 'company').id;
	for (const name of names) {
		const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@phonenow.test`;
		await ok(admin.post('/api/people', { name, email, unit_id: company }), 201);
	}
}

before(async () => {
	srv = await startServer({ org: 'PhoneNow', email: 'admin@phonenow.test' });
	admin = await srv.login('admin@phonenow.test');
});
after(async () => { await srv.stop(); });

const EN = ['--kind', 'call', '--id', 'Call Id', '--person', 'Agent', '--date', 'Date', '--time', 'Time',
	'--field', 'answered=Answered (Y/N):bool', '--field', 'resolved=Resolved:bool',
	'--field', 'speed=Speed of answer in seconds:number', '--field', 'talk=AvgTalkDuration:time',
	'--field', 'csat=Satisfaction rating:number'];

test('a new user imports the call log, sets "FCR ≥ 75 % au T1 2021" for one agent, and sees value, status and forecast', { skip: !have && 'no ../shared/data' }, async () => {
	await people(AGENTS);
	const r = cible(['import', '--lang', 'en', ...EN, '--save-mapping', 'phonenow', CALLS]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /read 5000 rows: 5000 stored/);
	assert.match(r.stdout, /mapping "phonenow" saved/);
	const becky = (await ok(admin.get('/api/people?limit=100'))).items.find((p) => p.name === 'Becky');
	const axis = (await ok(admin.post('/api/axes', { title: 'Qualité de service' }), 201)).id;
	const o = await ok(admin.post('/api/objectives', { level: 'individual', axis_id: axis,
		owner_person_id: becky.id, title: 'Taux de résolution au premier contact ≥ 75 % au T1 2021',
		indicator: 'fcr', unit: '%', direction: 'stay_above', target: 75,
		start: '2021-01-01', due: '2021-03-31' }), 201);
	// measured on 15 February: the share of her answered calls resolved so far
	const p = await ok(admin.get(`/api/objectives/${o.id}/progress?today=2021-02-15&by=month`));
	const want = Number(rawSql(CALLS, 'calls', `SELECT round(100.0 * sum(Resolved = 'Y') /
		sum("Answered (Y/N)" = 'Y'), 6) FROM calls WHERE Agent = 'Becky'
		AND Date BETWEEN '2021-01-01' AND '2021-02-15'`));
	assert.equal(p.indicator.key, 'fcr');
	assert.ok(Math.abs(p.value - want) < 1e-6, `${p.value} vs ${want}`);
	assert.equal(p.status, 'on_track');        // ~89 % against a floor of 75 %
	assert.equal(p.attainment, 1);
	assert.equal(typeof p.forecast, 'number');
	assert.equal(p.days_left, 44);
	assert.deepEqual(p.series.map((x) => x.start), ['2021-01-01', '2021-02-01', '2021-03-01']);
	assert.equal(p.series[2].value, null);      // March has not begun on 15 February
	// at the end of the quarter the objective is done
	const end = await ok(admin.get(`/api/objectives/${o.id}/progress?today=2021-04-02`));
	assert.equal(end.status, 'done');
	const q1 = Number(rawSql(CALLS, 'calls', `SELECT round(100.0 * sum(Resolved = 'Y') /
		sum("Answered (Y/N)" = 'Y'), 6) FROM calls WHERE Agent = 'Becky'`));
	assert.ok(Math.abs(end.value - q1) < 1e-6);
	// the CLI says the same
	const cli = cible(['progress', '--lang', 'en', '--objective', String(o.id), '--today', '2021-02-15', '--json']);
	assert.equal(cli.status, 0, cli.stderr);
	assert.equal(JSON.parse(cli.stdout).status, 'on_track');
});

test('per-agent answer rate, resolution, speed of answer and satisfaction equal sqlite3 over the raw CSV', { skip: !have && 'no ../shared/data' }, async () => {
	const want = rawSql(CALLS, 'calls', `SELECT Agent,
	  round(100.0 * sum("Answered (Y/N)" = 'Y') / count(*), 4),
	  round(100.0 * sum(Resolved = 'Y') / sum("Answered (Y/N)" = 'Y'), 4),
	  round(avg(nullif("Speed of answer in seconds", '')), 4),
	  round(avg(nullif("Satisfaction rating", '')), 4) FROM calls GROUP BY Agent ORDER BY Agent`);
	const cols = {};
	for (const key of ['answer_rate', 'fcr', 'asa', 'csat']) {
		const expr = (await ok(admin.get('/api/indicators'))).items.find((i) => i.key === key).expr;
		const r = cible(['metric', 'try', expr, '--kind', 'call', '--by', 'person']);
		assert.equal(r.status, 0, r.stderr);
		for (const line of r.stdout.trim().split('\n')) {
			const [who, v] = line.split('\t');
			(cols[who] ||= []).push(Number(v).toFixed(4).replace(/\.?0+$/, ''));
		}
	}
	const mine = Object.keys(cols).sort().map((a) => [a, ...cols[a]].join('|')).join('\n') + '\n';
	const norm = (s) => s.replace(/(\d+\.\d*?)0+(?=\||\n)/g, '$1').replace(/\.(?=\||\n)/g, '');
	assert.equal(norm(mine), norm(want));
	assert.match(mine, /^Becky\|81\.93\d*\|89\.36\d*\|65\.33\d*\|3\.37\d*/m);
});

test('through the API: a batch of calls is measured at once, and a retry counts nothing twice', { skip: !have && 'no ../shared/data' }, async () => {
	const lines = readFileSync(CALLS, 'utf8').trim().split('\n').slice(1, 401);
	const records = lines.map((l) => {
		const [id, agent, date, time, , answered, resolved, speed, , csat] = l.split(',');
		return { source_id: `api-${id}`, person: agent, at: `${date}T${time}Z`,
			fields: { answered: answered === 'Y', resolved: resolved === 'Y',
				speed: speed === '' ? null : Number(speed), csat: csat === '' ? null : Number(csat) } };
	});
	// into a unit objective: the whole call centre's answer rate over those days
	const units = (await ok(admin.get('/api/units'))).items;
	const company = units.find((u) => u.kind === 'company').id;
	const axis = (await ok(admin.get('/api/axes'))).items[0].id;
	const before = await ok(admin.post('/api/objectives', { level: 'strategic', axis_id: axis,
		owner_unit_id: company, title: 'Décrocher 85 % des appels en janvier 2021',
		indicator: 'answer_rate', direction: 'increase', baseline: 70, target: 85,
		start: '2021-01-01', due: '2021-01-31' }), 201);
	const r1 = await ok(admin.post('/api/activity', { kind: 'call', records }));
	assert.equal(r1.stored, 400);
	const r2 = await ok(admin.post('/api/activity', { kind: 'call', records }));
	assert.deepEqual([r2.stored, r2.duplicates], [0, 400]);
	// the 5000 imported calls and these 400 again under other ids: January's figure
	const p = await ok(admin.get(`/api/objectives/${before.id}/progress?today=2021-01-31&by=day`));
	const want = Number(rawSql(CALLS, 'calls', `WITH jan AS (SELECT * FROM calls WHERE Date <= '2021-01-31'),
		extra AS (SELECT * FROM calls LIMIT 400)
		SELECT round(100.0 * ((SELECT sum("Answered (Y/N)" = 'Y') FROM jan) +
		(SELECT sum("Answered (Y/N)" = 'Y') FROM extra WHERE Date <= '2021-01-31')) /
		((SELECT count(*) FROM jan) + (SELECT count(*) FROM extra WHERE Date <= '2021-01-31')), 6)`));
	assert.ok(Math.abs(p.value - want) < 1e-6, `${p.value} vs ${want}`);
	assert.equal(p.series.length, 31);
});

test('Northwind: monthly revenue per employee equals sqlite3 over the raw sales lines', { skip: !have && 'no ../shared/data' }, async () => {
	const names = rawSql(SALES, 'lines', 'SELECT DISTINCT employee FROM lines ORDER BY 1').trim().split('\n');
	assert.equal(names.length, 9);
	await people(names);
	// order_id repeats across an order's lines: as a source id it would keep one
	// line an order, and the report says so
	const r = cible(['import', '--lang', 'en', '--kind', 'sale_by_order', '--id', '#1', '--person', 'employee',
		'--date', 'order_date', '--field', 'amount=amount:number', SALES]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /read 2155 rows: 830 stored, 1325 duplicates/);
	const r2 = cible(['import', '--lang', 'en', '--kind', 'sale', '--person', 'employee', '--date', 'order_date',
		'--field', 'order=order_id', '--field', 'product=product', '--field', 'amount=amount:number', SALES]);
	assert.equal(r2.status, 0, r2.stderr + r2.stdout);
	assert.match(r2.stdout, /read 2155 rows: 2155 stored/);
	const want = rawSql(SALES, 'lines', `SELECT employee, substr(order_date, 1, 7), round(sum(amount), 2)
		FROM lines GROUP BY 1, 2 ORDER BY 1, 2`);
	let mine = '';
	for (const n of names) {
		const m = cible(['metric', 'try', 'sum(amount)', '--kind', 'sale', '--person', n, '--by', 'month']);
		assert.equal(m.status, 0, m.stderr);
		for (const line of m.stdout.trim().split('\n')) {
			const [month, v] = line.split('\t');
			mine += `${n}|${month}|${Math.round(Number(v) * 100) / 100}\n`;
		}
	}
	const norm = (s) => s.split('\n').map((l) => l.replace(/\|(-?\d+(?:\.\d+)?)$/, (_, x) => `|${Number(x)}`)).join('\n');
	assert.equal(norm(mine), norm(want));
	assert.match(mine, /^Margaret Peacock\|1996-07\|11860\.45$/m);  // the data README's figure
	// the ready-made revenue indicator measures an objective on it
	const peacock = (await ok(admin.get('/api/people?limit=100'))).items.find((p) => p.name === 'Margaret Peacock');
	const axis = (await ok(admin.get('/api/axes'))).items[0].id;
	const o = await ok(admin.post('/api/objectives', { level: 'individual', axis_id: axis,
		owner_person_id: peacock.id, title: 'Margaret : 12 000 € de ventes en juillet 1996',
		indicator: 'revenue', direction: 'increase', target: 12000, start: '1996-07-01', due: '1996-07-31' }), 201);
	const p = await ok(admin.get(`/api/objectives/${o.id}/progress?today=1996-08-01`));
	assert.equal(Math.round(p.value * 100) / 100, 11860.45);
	assert.equal(p.status, 'off_track');  // 98.8 % at the due date: missed
});

test('CRM: won revenue per agent equals sqlite3 over the raw pipeline; open deals without a close date are reported', { skip: !have && 'no ../shared/data' }, async () => {
	const names = rawSql(DEALS, 'deals', 'SELECT DISTINCT sales_agent FROM deals ORDER BY 1').trim().split('\n');
	await people(names);
	const args = ['import', '--lang', 'en', '--kind', 'deal', '--id', 'opportunity_id', '--person', 'sales_agent',
		'--date', 'close_date', '--field', 'stage=deal_stage', '--field', 'value=close_value:number',
		'--field', 'product=product'];
	const refused = cible([...args, DEALS]);
	assert.equal(refused.status, 1);
	assert.match(refused.stdout, /read 8800 rows: 0 stored, 0 duplicates, 2089 rejected/);
	assert.match(refused.stdout, /column "close_date": not a date/);
	const kept = cible([...args, '--keep-good', DEALS]);
	assert.equal(kept.status, 0, kept.stderr);
	assert.match(kept.stdout, /6711 stored/);
	const want = rawSql(DEALS, 'deals', `SELECT sales_agent, sum(close_value) FROM deals
		WHERE deal_stage = 'Won' GROUP BY 1 ORDER BY 1`);
	const expr = (await ok(admin.get('/api/indicators'))).items.find((i) => i.key === 'won_revenue').expr;
	const m = cible(['metric', 'try', expr, '--kind', 'deal', '--by', 'person']);
	assert.equal(m.status, 0, m.stderr);
	const mine = m.stdout.trim().split('\n').map((l) => l.replace('\t', '|')).join('\n') + '\n';
	assert.equal(mine, want);
	assert.match(mine, /^Darcel Schlecht\|1153214$/m);  // the data README's figure
	// the same through the API, for one agent
	const v = await ok(admin.post('/api/indicators/try', { expr, kind: 'deal', person: 'Darcel Schlecht' }));
	assert.equal(v.value, 1153214);
});

test('an indicator is defined, measured from the stored records, and a wrong one is refused with its position', async () => {
	const bad = await admin.post('/api/indicators', { key: 'rappel', kind: 'call',
		expr: 'count() where answered = ', name_fr: 'Rappels' });
	assert.equal(bad.status, 422);
	assert.equal(bad.body.error.field, 'expr');
	assert.match(bad.body.error.message, /position 26/);
	const tryBad = await admin.post('/api/indicators/try', { expr: 'cout()', kind: 'call' });
	assert.equal(tryBad.status, 422);
	assert.match(tryBad.body.error.message, /cout/);
	const created = await ok(admin.post('/api/indicators', { key: 'long_calls', kind: 'call',
		expr: 'count() where talk > 300', unit: 'appels', name_fr: 'Appels longs',
		name_en: 'Long calls' }), 201);
	assert.equal(created.cumulative, true);
	assert.deepEqual(created.fields, ['talk']);
	if (!have) return;
	const want = Number(rawSql(CALLS, 'calls', `SELECT count(*) FROM calls WHERE Agent = 'Jim'
		AND AvgTalkDuration > '00:05:00'`));
	const jim = (await ok(admin.get('/api/people?limit=100'))).items.find((p) => p.name === 'Jim');
	const axis = (await ok(admin.get('/api/axes'))).items[0].id;
	const o = await ok(admin.post('/api/objectives', { level: 'individual', axis_id: axis,
		owner_person_id: jim.id, title: 'Jim : moins de 150 appels longs au T1 2021',
		indicator: 'long_calls', direction: 'stay_below', target: 150, start: '2021-01-01',
		due: '2021-03-31' }), 201);
	const p = await ok(admin.get(`/api/objectives/${o.id}/progress?today=2021-03-31`));
	assert.equal(p.value, want);  // backfilled from the 5000 calls already stored
	// a changed expression is measured again
	await ok(admin.patch(`/api/indicators/${created.id}`, { expr: 'count() where talk > 600' }));
	const p2 = await ok(admin.get(`/api/objectives/${o.id}/progress?today=2021-03-31`));
	assert.equal(p2.value, 0);  // no call lasts ten minutes
	// an indicator objectives use keeps its key, and cannot be removed
	assert.equal((await admin.patch(`/api/indicators/${created.id}`, { key: 'autre' })).status, 409);
	assert.equal((await admin.delete(`/api/indicators/${created.id}`)).status, 409);
});

test('dashboards: a person\'s objectives with progress, and a unit\'s members', { skip: !have && 'no ../shared/data' }, async () => {
	const becky = (await ok(admin.get('/api/people?limit=100'))).items.find((p) => p.name === 'Becky');
	const d = await ok(admin.get(`/api/people/${becky.id}/dashboard?today=2021-02-15`));
	assert.equal(d.person.id, becky.id);
	assert.equal(d.objectives.length, 1);
	assert.equal(d.objectives[0].progress.status, 'on_track');
	assert.deepEqual(d.by_status, { on_track: 1 });
	const company = (await ok(admin.get('/api/units'))).items.find((u) => u.kind === 'company').id;
	const u = await ok(admin.get(`/api/units/${company}/dashboard?today=2021-02-15`));
	assert.ok(u.members.length >= 8);
	assert.ok(u.collective.some((o) => o.progress.indicator?.key === 'answer_rate'));
	assert.equal((await admin.get(`/api/units/${company}/dashboard?today=yesterday`)).status, 400);
});

test('JSON lines import and a saved mapping reused', { skip: !have && 'no ../shared/data' }, async () => {
	const file = join(srv.dir, 'calls.jsonl');
	const lines = readFileSync(CALLS, 'utf8').trim().split('\n').slice(1, 51).map((l) => {
		const [id, agent, date, time, , answered] = l.split(',');
		return JSON.stringify({ source_id: `jl-${id}`, person: agent, at: `${date}T${time}Z`,
			fields: { answered: answered === 'Y' } });
	});
	writeFileSync(file, lines.join('\n') + '\n{"source_id": "broken"\n');
	const r = cible(['import', '--lang', 'en', '--kind', 'call', '--id', 'source_id', '--person', 'person',
		'--date', 'at', '--field', 'answered=answered:bool', '--keep-good', file]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /JSON lines/);
	assert.match(r.stdout, /read 51 rows: 50 stored, 0 duplicates, 1 rejected/);
	assert.match(r.stdout, /line 51, column "-": not a JSON object/);
	// the mapping saved with the first import reads the CSV again: all duplicates
	const again = cible(['import', '--lang', 'en', '--mapping', 'phonenow', CALLS]);
	assert.equal(again.status, 0, again.stderr);
	assert.match(again.stdout, /read 5000 rows: 0 stored, 5000 duplicates/);
	const none = cible(['import', '--lang', 'en', '--mapping', 'nope', CALLS]);
	assert.equal(none.status, 1);
	assert.match(none.stderr, /no saved mapping "nope"/);
});

test('"achievable" is judged on the stored history: the owner\'s and teammates\' changes over past months', { skip: !have && 'no ../shared/data' }, async () => {
	const becky = (await ok(admin.get('/api/people?limit=100'))).items.find((p) => p.name === 'Becky');
	const axis = (await ok(admin.get('/api/axes'))).items[0].id;
	const make = async (title, baseline, target) => ok(admin.post('/api/objectives', {
		level: 'individual', axis_id: axis, owner_person_id: becky.id, title, indicator: 'fcr',
		unit: '%', direction: 'increase', baseline, target, start: '2021-04-01', due: '2021-04-30' }), 201);
	// month-on-month, her resolution rate moved by a point or two at most: +19 is beyond anything
	const wild = await make('Becky : résolution au premier contact de 80 % à 99 % en avril 2021', 80, 99);
	assert.equal(wild.smart.criteria.achievable.verdict, 'fail');
	assert.equal(wild.smart.criteria.achievable.reasons[0].code, 'beyond_history');
	const fair = await make('Becky : résolution au premier contact de 89 % à 89,2 % en avril 2021', 89, 89.2);
	// a fifth of a point is within what she and her colleagues moved: not beyond history
	assert.notEqual(fair.smart.criteria.achievable.verdict, 'fail', JSON.stringify(fair.smart.criteria.achievable));
	assert.ok(!fair.smart.criteria.achievable.reasons.some((r) => r.code === 'no_history' ||
		r.code === 'beyond_history'));
});

// Exports (issue 14, item 6): the lists a manager looks at as CSV (RFC 4180,
// French ';' and decimal comma, English ',' and decimal point, UTF-8 with a
// BOM) and XLSX (read back with openpyxl: numbers, dates, percentages,
// the header frozen), with the figures of the JSON of the same list, what
// one may see and no more, and formula-looking text defused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dbExec, ok, startFixture } from './harness.mjs';

let fx, sold, inject;
const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const today = Date.parse(`${iso(Date.now())}T00:00:00Z`);

before(async () => {
	fx = await startFixture();
	const { admin } = fx.clients;
	// a measured objective with decimals, from the month's sales
	sold = (await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member1, title: 'Marie : 12 000,5 € de ventes ce trimestre',
		indicator: 'revenue', direction: 'increase', baseline: 1500.25, target: 12000.5,
		start: iso(today - 30 * DAY), due: iso(today + 60 * DAY) }), 201)).id;
	const records = [1234.5, 2000, 765.25].map((amount, i) => ({ source_id: `x-sale-${i}`,
		person: String(fx.people.member1), at: `${iso(today - (i + 1) * DAY)}T10:00:00Z`,
		fields: { amount } }));
	await ok(admin.post('/api/activity', { kind: 'sale', records }));
	// a title a spreadsheet would run as a formula
	inject = (await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member2, title: '=HYPERLINK("http://evil.test";"cliquez") 30 rappels',
		direction: 'increase', baseline: 10, target: 30, start: iso(today - 10 * DAY),
		due: iso(today + 80 * DAY) }), 201)).id;
	await ok(fx.clients.member1.post(`/api/objectives/${sold}/checkins`,
		{ comment: '+33 appels ; « bonne semaine », vraiment', confidence: 'on_track' }), 201);
});
after(async () => { await fx?.server.stop(); });

// RFC 4180: fields quoted when needed, "" inside quotes, CRLF between records
function parseCsv(text, sep) {
	assert.equal(text.charCodeAt(0), 0xFEFF, 'a BOM first');
	const s = text.slice(1);
	const rows = [];
	let row = [], field = '', q = false;
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (q) {
			if (c === '"' && s[i + 1] === '"') { field += '"'; i++; }
			else if (c === '"') q = false;
			else field += c;
		} else if (c === '"') q = true;
		else if (c === sep) { row.push(field); field = ''; }
		else if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
		else field += c;
	}
	assert.equal(field, '', 'the last record ends with CRLF');
	const [head, ...body] = rows;
	return body.map((r) => Object.fromEntries(head.map((h, k) => [h, r[k]])));
}

const num = (s, dialect) => (s === '' ? null : Number(dialect === 'fr' ? s.replace(',', '.') : s));
const day = (s, dialect) => (s === '' ? null : dialect === 'fr' ? s.split('/').reverse().join('-') : s);
const pct = (x) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);

async function csv(client, path, dialect, lang = 'fr') {
	const sep = path.includes('?') ? '&' : '?';
	// as bytes: fetch's text() would drop the BOM
	const r = await client.get(`${path}${sep}format=csv&dialect=${dialect}`,
		{ headers: { 'accept-language': lang }, binary: true });
	assert.deepEqual([...r.bytes.subarray(0, 3)], [0xEF, 0xBB, 0xBF]);
	assert.equal(r.status, 200, r.text);
	assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
	assert.match(r.headers.get('content-disposition'), /^attachment; filename="[a-z-]+-\d{4}-\d\d-\d\d\.csv"$/);
	return parseCsv(r.text, dialect === 'fr' ? ';' : ',');
}

test('the team dashboard in both dialects has the figures of its JSON', async () => {
	const { managerA } = fx.clients;
	const json = await ok(managerA.get(`/api/units/${fx.units.teamA}/dashboard`));
	const items = [...json.members.flatMap((m) => m.objectives), ...json.collective];
	assert.ok(items.length >= 4);
	for (const [dialect, lang] of [['fr', 'fr'], ['en', 'en']]) {
		const rows = await csv(managerA, `/api/units/${fx.units.teamA}/dashboard`, dialect, lang);
		assert.deepEqual(rows.map((r) => Number(r.ID)).sort(), items.map((o) => o.id).sort());
		const T = lang === 'fr'
			? { title: 'Objectif', target: 'Cible', base: 'Référence', value: 'Valeur mesurée',
				att: 'Atteinte (%)', exp: 'Attendu à date (%)', due: 'Échéance', start: 'Début', owner: 'Porteur' }
			: { title: 'Objective', target: 'Target', base: 'Baseline', value: 'Measured value',
				att: 'Attainment (%)', exp: 'Expected to date (%)', due: 'Due', start: 'Start', owner: 'Owner' };
		for (const o of items) {
			const r = rows.find((x) => Number(x.ID) === o.id);
			// a title a spreadsheet would run is defused by an apostrophe
			assert.equal(r[T.title], /^[=+\-@\t\r]/.test(o.title) ? `'${o.title}` : o.title);
			assert.equal(num(r[T.target], dialect), o.target);
			assert.equal(num(r[T.base], dialect), o.baseline);
			assert.equal(day(r[T.due], dialect), o.due);
			assert.equal(day(r[T.start], dialect), o.start);
			const v = o.progress.value;
			assert.equal(num(r[T.value], dialect) === null ? null : Math.round(num(r[T.value], dialect) * 100),
				v === null ? null : Math.round(v * 100));
			assert.equal(num(r[T.att], dialect), pct(o.progress.attainment));
			assert.equal(num(r[T.exp], dialect), pct(o.progress.expected));
		}
		const s = rows.find((x) => Number(x.ID) === sold);
		assert.equal(s[T.owner], 'Marie Membre 1');
		// the decimal mark of the dialect: 1500,25 / 1500.25, 3999,75 / 3999.75
		assert.equal(s[T.base], dialect === 'fr' ? '1500,25' : '1500.25');
		assert.equal(s[T.value], dialect === 'fr' ? '3999,75' : '3999.75');
		assert.match(s[T.att], dialect === 'fr' ? /^\d+,\d$/ : /^\d+\.\d$/);
	}
});

test('the dialect follows the organisation\'s locale unless ?dialect= says', async () => {
	const { admin } = fx.clients;
	const fr = await admin.get('/api/objectives?format=csv', { binary: true });
	assert.equal(fr.status, 200);
	assert.match(fr.text, /^\uFEFFID;Objectif;/);  // the fixture's locale is French
	const en = await admin.get('/api/objectives?format=csv&dialect=en',
		{ headers: { 'accept-language': 'en' }, binary: true });
	assert.match(en.text, /^\uFEFFID,Objective,/);
	const org = await ok(admin.get('/api/org'));
	await ok(admin.patch('/api/org', { locale: 'en' }));
	try {
		const r = await admin.get('/api/objectives?format=csv', { binary: true });
		assert.match(r.text, /^\uFEFFID,Objectif,/);  // English separators, French titles
	} finally {
		await ok(admin.patch('/api/org', { locale: org.locale }));
	}
	const bad = await admin.get('/api/objectives?format=pdf');
	assert.equal(bad.status, 400);
	assert.equal(bad.body.error.field, 'format');
	assert.equal((await admin.get('/api/objectives?format=csv&dialect=de')).status, 400);
});

test('a formula-looking cell is defused in CSV and stays text in XLSX', async () => {
	const { admin } = fx.clients;
	const r = await admin.get('/api/objectives?format=csv&dialect=fr', { binary: true });
	const row = parseCsv(r.text, ';').find((x) => Number(x.ID) === inject);
	assert.equal(row.Objectif, `'=HYPERLINK("http://evil.test";"cliquez") 30 rappels`);
	const raw = r.text.split('\r\n').find((l) => l.startsWith(`${inject};`));
	assert.ok(raw.includes(`;"'=HYPERLINK(""http://evil.test"";""cliquez"") 30 rappels";`), raw);
	// a comment starting with + in the check-ins
	const ck = await csv(admin, `/api/objectives/${sold}/checkins`, 'fr');
	assert.equal(ck[0].Commentaire, "'+33 appels ; « bonne semaine », vraiment");
	const x = await xlsx(admin, '/api/objectives?format=xlsx');
	const cell = x.rows.find((c) => c[0] === inject);
	assert.equal(cell[1], '=HYPERLINK("http://evil.test";"cliquez") 30 rappels');
	assert.equal(x.types[inject][1], 's');  // a string cell, not a formula
});

const PY = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
out = {"title": ws.title, "freeze": ws.freeze_panes, "head": [c.value for c in ws[1]],
       "head_bold": all(c.font.bold for c in ws[1]), "rows": [], "types": {}, "formats": {}}
for row in ws.iter_rows(min_row=2):
    vals = []
    for c in row:
        v = c.value
        vals.append(v.isoformat() if hasattr(v, "isoformat") else v)
    out["rows"].append(vals)
    out["types"][str(row[0].value)] = [c.data_type for c in row]
    out["formats"][str(row[0].value)] = [c.number_format for c in row]
print(json.dumps(out))
`;

async function xlsx(client, path) {
	const r = await client.get(path, { binary: true });
	assert.equal(r.status, 200);
	assert.equal(r.headers.get('content-type'),
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
	assert.equal(r.bytes.subarray(0, 2).toString(), 'PK');
	const dir = mkdtempSync(join(tmpdir(), 'cible-xlsx-'));
	try {
		const f = join(dir, 'x.xlsx');
		writeFileSync(f, r.bytes);
		const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PY, f], { encoding: 'utf8' }));
		out.types = Object.fromEntries(Object.entries(out.types).map(([k, v]) => [Number(k), v]));
		out.formats = Object.fromEntries(Object.entries(out.formats).map(([k, v]) => [Number(k), v]));
		return out;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

test('XLSX: numbers as numbers, dates as dates, percentages formatted, the header frozen', async () => {
	const { managerA } = fx.clients;
	const json = await ok(managerA.get(`/api/people/${fx.people.member1}/dashboard`));
	const x = await xlsx(managerA, `/api/people/${fx.people.member1}/dashboard?format=xlsx`);
	assert.equal(x.freeze, 'A2');
	assert.ok(x.head_bold);
	assert.equal(x.title, 'Marie Membre 1');
	const col = (name) => x.head.indexOf(name);
	assert.ok(col('Atteinte (%)') > 0 && col('Échéance') > 0);
	const ids = x.rows.map((r) => r[0]);
	assert.deepEqual(ids, [...json.objectives, ...json.collective].map((o) => o.id));
	const o = json.objectives.find((y) => y.id === sold);
	const row = x.rows.find((r) => r[0] === sold);
	const fmt = x.formats[sold], ty = x.types[sold];
	assert.equal(ty[0], 'n');
	assert.equal(row[col('Cible')], 12000.5);
	assert.equal(ty[col('Cible')], 'n');
	assert.equal(row[col('Échéance')], `${o.due}T00:00:00`);
	assert.equal(ty[col('Échéance')], 'd');
	assert.equal(fmt[col('Échéance')], 'dd/mm/yyyy');
	assert.equal(Math.round(row[col('Atteinte (%)')] * 1e6), Math.round(o.progress.attainment * 1e6));
	assert.equal(fmt[col('Atteinte (%)')], '0.0%');
	assert.equal(ty[col('Porteur')], 's');
});

test('one exports what one may see: a member their own, a manager their subtree', async () => {
	const { member1, managerA, managerB, admin, hr } = fx.clients;
	// the objectives list: the same ids as the JSON list, for each of them
	for (const c of [member1, managerA, admin]) {
		const json = (await ok(c.get('/api/objectives?limit=500'))).items.map((o) => o.id);
		const rows = (await csv(c, '/api/objectives', 'en')).map((r) => Number(r.ID));
		assert.deepEqual(rows, json);
	}
	const mine = (await csv(member1, '/api/objectives', 'fr')).map((r) => Number(r.ID));
	assert.ok(!mine.includes(fx.obj.I3) && !mine.includes(inject) && mine.includes(sold));
	// someone else's dashboard, another team's, the audit trail
	const no = async (c, path, status) => {
		const r = await c.get(path);
		assert.equal(r.status, status, `${path}: ${r.text}`);
		assert.match(r.headers.get('content-type'), /^application\/json/);
	};
	await no(member1, `/api/people/${fx.people.member2}/dashboard?format=csv`, 404);
	await no(managerB, `/api/people/${fx.people.member1}/dashboard?format=xlsx`, 404);
	await no(managerB, `/api/units/${fx.units.teamA}/dashboard?format=csv`, 403);
	await no(member1, `/api/units/${fx.units.teamA}/dashboard?format=csv`, 403);
	await no(managerB, `/api/objectives/${sold}/checkins?format=csv`, 404);
	await no(managerA, '/api/audit?format=csv', 403);
	await no(fx.clients.anon, '/api/objectives?format=csv', 401);
	await no(fx.clients.otherAdmin, `/api/units/${fx.units.teamA}/dashboard?format=csv`, 404);
	// hr reads the whole trail
	const trail = await csv(hr, '/api/audit', 'en', 'en');
	const json = await ok(hr.get('/api/audit?limit=500'));
	assert.equal(trail.length, json.total);
	assert.deepEqual(trail.slice(0, 20).map((r) => Number(r.ID)), json.items.slice(0, 20).map((a) => a.id));
	assert.equal(trail[0].Action, json.items[0].action);
	assert.match(trail[0]['Date (UTC)'], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
});

test('the audit trail of a thousand rows streams out whole, a page at a time', async () => {
	const { admin } = fx.clients;
	// more rows than a page of the export (500): check-ins write one each
	for (let i = 0; i < 21; i++)
		await Promise.all(Array.from({ length: 50 }, (_, k) =>
			ok(admin.post(`/api/objectives/${fx.obj.I3}/checkins`, { comment: `point ${i}-${k}` }), 201)));
	const json = await ok(admin.get('/api/audit?limit=1'));
	assert.ok(json.total > 1000);
	const rows = await csv(admin, '/api/audit?entity=objective', 'fr');
	const objective = await ok(admin.get('/api/audit?limit=1&entity=objective'));
	assert.equal(rows.length, objective.total);
	const ids = rows.map((r) => Number(r.ID));
	assert.equal(new Set(ids).size, ids.length);
	assert.ok(ids.every((id, i) => !i || id < ids[i - 1]), 'newest first, no row twice');
	const ck = await csv(admin, `/api/objectives/${fx.obj.I3}/checkins`, 'fr');
	assert.equal(ck.length, 1050);
	const x = await xlsx(admin, '/api/audit?format=xlsx&entity=objective');
	assert.equal(x.rows.length, objective.total);
	assert.equal(x.types[ids[0]][1], 'd');
	assert.equal(x.formats[ids[0]][1], 'dd/mm/yyyy hh:mm:ss');
});

test('a challenge result exports in the dialect asked', async () => {
	const { admin } = fx.clients;
	const r = await admin.get('/api/challenges/999999/export?format=csv&dialect=en');
	assert.equal(r.status, 404);
	const bad = await admin.get('/api/challenges/1/export?format=json');
	assert.equal(bad.status, 400);
});

// A PDF read back as text (pdftotext -layout); poppler's warning about
// libharu's ToUnicode map goes to stderr, the text reads right.
async function pdfText(client, path, lang) {
	const r = await client.get(path, { headers: { 'accept-language': lang }, binary: true });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.headers.get('content-type'), 'application/pdf');
	assert.match(r.headers.get('content-disposition'), /^attachment; filename="[a-z-]+-\d{4}-\d\d-\d\d\.pdf"$/);
	assert.equal(r.bytes.subarray(0, 5).toString(), '%PDF-');
	const dir = mkdtempSync(join(tmpdir(), 'cible-pdf-'));
	try {
		const f = join(dir, 'x.pdf');
		writeFileSync(f, r.bytes);
		const text = execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'] });
		const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[1]);
		// one line per figure: the spaces of a layout and the no-break ones alike
		return { text: text.replace(/[\u202f\u00a0]/g, ' ').replace(/ {2,}/g, ' '), pages };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

// An independent formatting of the JSON's figures, as a reader of each locale reads them.
function fmt(v, decimals, fr, fixed = false) {
	const s = (Math.round(v * 10 ** decimals) / 10 ** decimals).toFixed(decimals);
	let [int, dec] = s.replace('-', '').split('.');
	if (dec && !fixed) dec = dec.replace(/0+$/, '');
	int = int.replace(/\B(?=(\d{3})+(?!\d))/g, fr ? ' ' : ',');
	return (v < 0 && Number(s) !== 0 ? '-' : '') + int + (dec ? (fr ? ',' : '.') + dec : '');
}
const pctText = (x, fr) => (x === null || x === undefined ? '—'
	: `${fmt(x * 100, 1, fr, true)}${fr ? ' %' : '%'}`);
// the unit a figure is read in: the objective's, else its indicator's
const unitOf = (o) => o.unit || o.progress.indicator?.unit || null;
function figText(v, unit, fr) {
	if (v === null || v === undefined) return '—';
	if (!fr && ['€', '$', '£', 'EUR', 'USD', 'GBP'].includes(unit))
		return `${v < 0 ? '-' : ''}${unit}${fmt(Math.abs(v), 2, fr)}`;
	const n = fmt(v, 2, fr);
	return !unit ? n : unit === '%' ? (fr ? `${n} %` : `${n}%`) : `${n} ${unit}`;
}

test('the team dashboard as a PDF report has the figures of its JSON, in the reader\'s language', async () => {
	const { managerA } = fx.clients;
	const json = await ok(managerA.get(`/api/units/${fx.units.teamA}/dashboard`));
	const items = [...json.members.flatMap((m) => m.objectives), ...json.collective];
	const WORDS = {
		fr: { ahead: 'en avance', on_track: 'dans les temps', at_risk: 'à risque', off_track: 'en retard',
			done: 'terminé', unknown: 'non mesuré' },
		en: { ahead: 'ahead', on_track: 'on track', at_risk: 'at risk', off_track: 'off track',
			done: 'done', unknown: 'not measured' },
	};
	for (const [dialect, lang] of [['fr', 'fr'], ['en', 'en'], ['fr', 'en']]) {
		const fr = dialect === 'fr';
		const { text, pages } = await pdfText(managerA,
			`/api/units/${fx.units.teamA}/dashboard?format=pdf&dialect=${dialect}`, lang);
		assert.equal(pages, 1);
		assert.ok(text.includes(lang === 'fr' ? `Tableau de bord : ${json.unit.name}`
			: `Dashboard: ${json.unit.name}`), text);
		const d = (s) => (fr ? s.split('-').reverse().join('/') : s);
		const from = items.map((o) => o.start).sort()[0], to = items.map((o) => o.due).sort().at(-1);
		assert.ok(text.includes(lang === 'fr' ? `Période : du ${d(from)} au ${d(to)}`
			: `Period: from ${d(from)} to ${d(to)}`), text);
		assert.ok(text.includes(lang === 'fr' ? `Mesuré le ${d(json.today)} · ${items.length} objectifs`
			: `Measured on ${d(json.today)} · ${items.length} objectives`), text);
		for (const o of items) {
			const p = o.progress;
			const status = p.status ?? 'unknown';
			const line = lang === 'fr'
				? `Valeur ${figText(p.value, unitOf(o), fr)} · Cible ${figText(o.target, unitOf(o), fr)} · Atteinte ${pctText(p.attainment, fr)} · Prévision ${pctText(p.forecast_attainment, fr)} · ${WORDS.fr[status]}`
				: `Value ${figText(p.value, unitOf(o), fr)} · Target ${figText(o.target, unitOf(o), fr)} · Attainment ${pctText(p.attainment, fr)} · Forecast ${pctText(p.forecast_attainment, fr)} · ${WORDS.en[status]}`;
			const at = text.indexOf(o.title);
			assert.ok(at >= 0, `${o.title} in\n${text}`);
			assert.ok(text.slice(at).split('\n').slice(1, 5).some((l) => l.trim() === line),
				`${o.title}: '${line}' in\n${text.slice(at, at + 600)}`);
		}
		// the measured objective: its sales in the indicator's unit, as its readers write money
		const s = items.find((o) => o.id === sold);
		assert.equal(unitOf(s), '€');
		const money = { 'fr fr': 'Valeur 3 999,75 € · Cible 12 000,5 €', 'en en': 'Value €3,999.75 · Target €12,000.5',
			'fr en': 'Value 3 999,75 € · Target 12 000,5 €' }[`${dialect} ${lang}`];
		assert.ok(text.includes(money), `${money} in\n${text}`);
	}
});

test('a person\'s PDF report flows over pages, each objective whole on one; one exports only what one may see', async () => {
	const { admin, member1, managerA, managerB } = fx.clients;
	// enough objectives for three pages
	for (let i = 0; i < 30; i++)
		await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
			owner_person_id: fx.people.member1, title: `Marie : ${1000 + i} appels sortants, lot ${i}`,
			direction: 'increase', baseline: 0, target: 1000 + i, start: iso(today - 5 * DAY),
			due: iso(today + 40 * DAY) }), 201);
	const json = await ok(member1.get(`/api/people/${fx.people.member1}/dashboard`));
	const items = [...json.objectives, ...json.collective];
	assert.ok(items.length > 30);
	const { text, pages } = await pdfText(member1, `/api/people/${fx.people.member1}/dashboard?format=pdf&dialect=fr`, 'fr');
	assert.ok(pages >= 3, `${pages} pages`);
	assert.ok(text.includes(`Objectifs : ${json.person.name}`));
	assert.ok(text.includes(`${items.length} objectifs`));
	const byPage = text.split('\f');
	for (const o of items) {
		const page = byPage.findIndex((p) => p.includes(o.title));
		assert.ok(page >= 0, o.title);
		const lines = byPage[page].split('\n');
		const at = lines.findIndex((l) => l.trim() === o.title);
		assert.ok(at >= 0, `${o.title} on its own line`);
		// its figures on the same page, two lines below
		assert.ok(lines[at + 2].trim().startsWith(`Valeur ${figText(o.progress.value, unitOf(o), true)} · Cible ${figText(o.target, unitOf(o), true)}`),
			`${o.title}: ${lines[at + 2]}`);
	}
	const lot = items.find((o) => o.title.endsWith('lot 29'));
	assert.ok(text.includes(`Cible 1 029 · Atteinte`), 'the target grouped in thousands');
	assert.equal(lot.target, 1029);
	// a manager reads their member's; someone else's answers as the CSV does
	await pdfText(managerA, `/api/people/${fx.people.member1}/dashboard?format=pdf`, 'en');
	const no = async (c, path, status) => {
		const r = await c.get(path);
		assert.equal(r.status, status, `${path}: ${r.text}`);
		assert.match(r.headers.get('content-type'), /^application\/json/);
	};
	await no(member1, `/api/people/${fx.people.member2}/dashboard?format=pdf`, 404);
	await no(managerB, `/api/people/${fx.people.member1}/dashboard?format=pdf`, 404);
	await no(member1, `/api/units/${fx.units.teamA}/dashboard?format=pdf`, 403);
	await no(managerB, `/api/units/${fx.units.teamA}/dashboard?format=pdf`, 403);
	await no(fx.clients.anon, `/api/people/${fx.people.member1}/dashboard?format=pdf`, 401);
	const bad = await admin.get(`/api/units/${fx.units.teamA}/dashboard?format=docx`);
	assert.equal(bad.status, 400);
	assert.equal(bad.body.error.field, 'format');
	assert.equal((await admin.get('/api/audit?format=pdf')).status, 400);
});

test('a PDF report past 5,000 objectives is refused with a clear error, before anything is drawn; CSV still streams it', async () => {
	const { admin } = fx.clients;
	// 5,001 objectives of member2, written by the engine's own client (the API would take minutes)
	dbExec(fx.server.db, `INSERT INTO objective (org_id, parent_id, level, owner_person_id, title,
		direction, baseline, target, start, due, status, created_at, updated_at)
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5001)
		SELECT o.org_id, o.parent_id, 'individual', o.owner_person_id, 'Paul : lot ' || n.i, 'increase',
			0, 10, o.start, o.due, 'draft', o.created_at, o.updated_at
		FROM objective o, n WHERE o.id = ${inject}`);
	const json = await ok(admin.get(`/api/people/${fx.people.member2}/dashboard`));
	const total = json.objectives.length + json.collective.length;
	assert.ok(total > 5000);
	const r = await admin.get(`/api/people/${fx.people.member2}/dashboard?format=pdf`);
	assert.equal(r.status, 422);
	assert.deepEqual([r.body.error.code, r.body.error.field], ['report_too_long', 'format']);
	assert.equal(r.body.error.message.replace(/[\u202f\u00a0]/g, ' '), `le rapport PDF compterait ${total} objectifs, 5000 au plus : exportez en CSV ou en Excel, ou choisissez une équipe plus petite`);
	const en = await admin.get(`/api/people/${fx.people.member2}/dashboard?format=pdf`,
		{ headers: { 'accept-language': 'en' } });
	assert.match(en.body.error.message, new RegExp(`^the PDF report would hold ${total} objectives, 5000 at most`));
	const rows = await csv(admin, `/api/people/${fx.people.member2}/dashboard`, 'fr');
	assert.equal(rows.length, total);
});

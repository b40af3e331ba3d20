// `cible import` on the real data sets of ../shared/data, checked against an
// independent computation: sqlite3 over the raw CSV, in the test itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CIBLE_BIN } from './harness.mjs';

const DATA = resolve(process.env.CIBLE_SHARED || '../shared', 'data');
const CALLS = join(DATA, 'callcentre', 'calls.csv');
const APPELS = join(DATA, 'callcentre', 'appels-fr.csv');
const ORDERS = join(DATA, 'northwind', 'orders.csv');
const AGENTS = ['Becky', 'Dan', 'Diane', 'Greg', 'Jim', 'Joe', 'Martha', 'Stewart'];
const dir = mkdtempSync(join(tmpdir(), 'cible-import-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const env = { ...process.env, CIBLE_PASSWORD: 'long enough' };
const cible = (args) => spawnSync(CIBLE_BIN, args, { env, encoding: 'utf8' });
const sql = (db, query, pre = []) => spawnSync('sqlite3', [...pre, db, query], { encoding: 'utf8' });

function freshOrg(name) {
	const db = join(dir, `${name}.db`);
	assert.equal(cible(['init', '--db', db, '--org', 'PhoneNow', '--email', `admin@${name}.test`]).status, 0);
	for (const a of AGENTS)
		assert.equal(cible(['user', 'add', '--db', db, '--email', `${a.toLowerCase()}@${name}.test`,
			'--name', a]).status, 0);
	return db;
}

const EN = ['--kind', 'call', '--id', 'Call Id', '--person', 'Agent', '--date', 'Date', '--time', 'Time',
	'--field', 'answered=Answered (Y/N):bool', '--field', 'resolved=Resolved:bool',
	'--field', 'speed=Speed of answer in seconds:number', '--field', 'talk=AvgTalkDuration:time',
	'--field', 'csat=Satisfaction rating:number'];
const FR = ['--kind', 'call', '--id', 'N° appel', '--person', 'Conseiller', '--date', 'Date',
	'--time', 'Heure', '--field', 'answered=#6:bool', '--field', 'resolved=#7:bool',
	'--field', 'speed=#8:number', '--field', 'csat=#10:number'];

// per agent: calls, answer rate %, resolution % of answered, ASA, CSAT
const FIGURES = `SELECT p.name, count(*),
  round(100.0 * sum(json_extract(fields, '$.answered')) / count(*), 2),
  round(100.0 * sum(json_extract(fields, '$.resolved')) / sum(json_extract(fields, '$.answered')), 2),
  round(avg(json_extract(fields, '$.speed')), 2), round(avg(json_extract(fields, '$.csat')), 3)
  FROM activity a JOIN person p ON p.id = a.person_id GROUP BY p.name ORDER BY p.name`;

function independent() {
	// the same figures straight from the raw file, with no code of cible's
	const raw = join(dir, 'raw.db');
	rmSync(raw, { force: true });
	const r = sql(raw, `SELECT Agent, count(*),
	  round(100.0 * sum("Answered (Y/N)" = 'Y') / count(*), 2),
	  round(100.0 * sum(Resolved = 'Y') / sum("Answered (Y/N)" = 'Y'), 2),
	  round(avg(nullif("Speed of answer in seconds", '')), 2),
	  round(avg(nullif("Satisfaction rating", '')), 3)
	  FROM calls GROUP BY Agent ORDER BY Agent`, ['-cmd', `.import --csv ${CALLS} calls`]);
	assert.equal(r.status, 0, r.stderr);
	return r.stdout;
}

test('the call-centre log imports and its per-agent figures equal sqlite3 over the raw CSV', {
	skip: !existsSync(CALLS) && 'no ../shared/data' }, () => {
	const db = freshOrg('en');
	const r = cible(['import', '--lang', 'en', '--db', db, ...EN, CALLS]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /read 5000 rows: 5000 stored, 0 duplicates, 0 rejected/);
	const mine = sql(db, FIGURES).stdout;
	assert.equal(mine, independent());
	assert.match(mine, /^Becky\|631\|81\.93\|89\.36\|65\.33\|3\.371$/m);  // the data README's row
});

test('the French Excel export (Windows-1252, ";", decimal comma, Oui/Non) gives the same figures', {
	skip: !existsSync(APPELS) && 'no ../shared/data' }, () => {
	const db = freshOrg('fr');
	const r = cible(['import', '--lang', 'en', '--db', db, ...FR, APPELS]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /';'-separated, Windows-1252, decimal comma/);
	assert.match(r.stdout, /5000 stored/);
	assert.equal(sql(db, FIGURES).stdout, independent());
	// the same calls again, from the other dialect: nothing counts twice
	const again = cible(['import', '--lang', 'en', '--db', db, ...EN, CALLS]);
	assert.match(again.stdout, /0 stored, 5000 duplicates/);
	assert.equal(sql(db, 'SELECT count(*) FROM activity').stdout.trim(), '5000');
});

// issue 18: the French log's talk time is in decimal minutes ("2,38"), the
// English one's in HH:MM:SS; its header says "(min)", so a duration column
// reads it as minutes and stores seconds
const AHT = `SELECT p.name, round(avg(json_extract(fields, '$.talk')), 3) FROM activity a
  JOIN person p ON p.id = a.person_id WHERE json_extract(fields, '$.talk') IS NOT NULL
  GROUP BY p.name ORDER BY p.name`;

function rawAht() {
	// straight from the two raw files with sqlite3, no code of cible's
	const raw = join(dir, 'raw-aht.db');
	rmSync(raw, { force: true });
	const utf8 = join(dir, 'appels-utf8.csv');
	writeFileSync(utf8, readFileSync(APPELS, 'latin1').replace(/\r/g, ''));
	const r = sql(raw, `SELECT e.a, round(e.s, 3), round(f.s, 3) FROM
	  (SELECT Agent a, avg(substr(AvgTalkDuration, 1, 2) * 3600 + substr(AvgTalkDuration, 4, 2) * 60
	    + substr(AvgTalkDuration, 7, 2)) s FROM calls WHERE AvgTalkDuration <> '' GROUP BY Agent) e
	  JOIN (SELECT Conseiller a, avg(replace("Durée de communication (min)", ',', '.') * 60) s FROM fr
	    WHERE "Durée de communication (min)" <> '' GROUP BY Conseiller) f USING (a) ORDER BY e.a`,
	['-cmd', `.import --csv ${CALLS} calls`, '-cmd', '.separator ;', '-cmd', `.import ${utf8} fr`]);
	assert.equal(r.status, 0, r.stderr);
	return r.stdout.trim().split('\n').map((l) => l.split(/[|;]/));  // .separator changed the output's too
}

test('the French log\'s talk time in decimal minutes gives the English log\'s handling time, in seconds', {
	skip: !(existsSync(APPELS) && existsSync(CALLS)) && 'no ../shared/data' }, () => {
	const en = freshOrg('aht-en'), fr = freshOrg('aht-fr');
	assert.equal(cible(['import', '--lang', 'en', '--db', en, ...EN, CALLS]).status, 0);
	const r = cible(['import', '--lang', 'en', '--db', fr, ...FR, '--field', 'talk=#9:duration', APPELS]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /5000 stored, 0 duplicates, 0 rejected/);
	const rows = (db) => Object.fromEntries(sql(db, AHT).stdout.trim().split('\n').map((l) => l.split('|')));
	const mineEn = rows(en), mineFr = rows(fr);
	const raw = rawAht();
	assert.equal(raw.length, AGENTS.length);
	for (const [agent, e, f] of raw) {
		// each import equals its raw file, to the thousandth of a second
		assert.equal(Number(mineEn[agent]), Number(e), `${agent} English`);
		assert.equal(Number(mineFr[agent]), Number(f), `${agent} French`);
		// and the two logs, the same calls, give the same handling time to the
		// second: the French file rounds each call to 0.01 min (0.6 s)
		assert.equal(Math.round(Number(mineFr[agent])), Math.round(Number(mineEn[agent])), agent);
		assert.ok(Math.abs(Number(mineFr[agent]) - Number(mineEn[agent])) < 0.3, agent);
		console.log(`# AHT ${agent}: en ${mineEn[agent]} s, fr ${mineFr[agent]} s`);
	}
	// one call read back: ID0001 is 00:02:23 in English and 2,38 min in French
	assert.equal(sql(fr, "SELECT json_extract(fields, '$.talk') FROM activity WHERE source_id = 'ID0001'").stdout.trim(), '142.8');
	assert.equal(sql(en, "SELECT json_extract(fields, '$.talk') FROM activity WHERE source_id = 'ID0001'").stdout.trim(), '143');
	// the mapping says minutes when the header does not; a plain number is
	// seconds for a duration column whose header names no unit
	const file = join(dir, 'durations.csv');
	writeFileSync(file, 'id;agent;date;talk\r\n1;Dan;01/02/2021;3,77\r\n2;Dan;01/02/2021;03:46\r\n'
		+ '3;Dan;01/02/2021;1:02:03\r\n');
	const base = ['import', '--lang', 'en', '--db', en, '--kind', 'dur', '--id', 'id', '--person', 'agent',
		'--date', 'date'];
	assert.equal(cible([...base, '--field', 'talk=talk:minutes', file]).status, 0);
	assert.equal(sql(en, "SELECT group_concat(json_extract(fields, '$.talk'), ' ') FROM (SELECT fields FROM activity WHERE kind = 'dur' ORDER BY source_id)").stdout.trim(), '226.2 226 3723');
	// what is no duration is a cell error with its line and column, and nothing is stored
	writeFileSync(file, 'id;agent;date;durée (min)\r\n4;Dan;01/02/2021;3:75\r\n5;Dan;01/02/2021;abc\r\n'
		+ '6;Dan;01/02/2021;1e3\r\n7;Dan;01/02/2021;2,5\r\n');
	const bad = cible([...base, '--kind', 'dur2', '--field', 'talk=durée (min):duration', file]);
	assert.equal(bad.status, 1);
	for (const line of [2, 3, 4])
		assert.match(bad.stdout, new RegExp(`line ${line}, column "durée \\(min\\)": not a duration`));
	assert.match(bad.stdout, /read 4 rows: 0 stored, 0 duplicates, 3 rejected/);
	assert.equal(sql(en, "SELECT count(*) FROM activity WHERE kind = 'dur2'").stdout.trim(), '0');
	// in French, for a French organisation
	const frOrg = cible(['import', '--db', fr, '--kind', 'dur2', '--id', 'id', '--person', 'agent', '--date', 'date',
		'--field', 'talk=durée (min):duration', file]);
	assert.match(frOrg.stdout, /ligne 2, colonne « durée \(min\) » : pas une durée/);
	const good = cible([...base, '--kind', 'dur2', '--keep-good', '--field', 'talk=durée (min):duration', file]);
	assert.equal(good.status, 0);
	assert.equal(sql(en, "SELECT json_extract(fields, '$.talk') FROM activity WHERE kind = 'dur2'").stdout.trim(), '150');
});

test('Northwind orders: the 176 rows with an extra field are named by line, and nothing is stored', {
	skip: !existsSync(ORDERS) && 'no ../shared/data' }, () => {
	const db = freshOrg('nw');
	const r = cible(['import', '--lang', 'en', '--db', db, '--kind', 'order', '--id', 'orderID', '--person',
		'employeeID', '--date', 'orderDate', ORDERS]);
	assert.equal(r.status, 1);
	// employee ids 1 to 9 name the nine people of this organisation by id
	assert.match(r.stdout, /read 830 rows: 0 stored, 0 duplicates, 176 rejected/);
	const extra = (r.stdout.match(/fields where the header has 14/g) || []).length;
	assert.equal(extra, 20, 'the first twenty are listed');
	assert.match(r.stdout, /and \d+ more/);
	assert.match(r.stdout, /nothing was stored/);
	assert.equal(sql(db, 'SELECT count(*) FROM activity').stdout.trim(), '0');
	// the raw file agrees: 176 lines hold 15 fields
	const raw = sql(join(dir, 'nw-raw.db'), "SELECT count(*) FROM o WHERE c15 IS NOT NULL AND c15 <> ''",
		['-cmd', 'CREATE TABLE o(' + Array.from({ length: 15 }, (_, i) => `c${i + 1}`).join(',') + ')',
			'-cmd', `.import --csv --skip 1 ${ORDERS} o`]);
	assert.equal(raw.stdout.trim(), '176');
	// and the user may take the good rows, or the rows with their extra field
	const keep = cible(['import', '--lang', 'en', '--db', db, '--keep-good', '--kind', 'order', '--id', 'orderID',
		'--person', 'employeeID', '--date', 'orderDate', ORDERS]);
	assert.match(keep.stdout, /654 stored, 0 duplicates, 176 rejected/);
	const extra2 = cible(['import', '--lang', 'en', '--db', db, '--accept-extra-fields', '--kind', 'order', '--id',
		'orderID', '--person', 'employeeID', '--date', 'orderDate', ORDERS]);
	assert.match(extra2.stdout, /176 stored, 654 duplicates, 0 rejected/);
});

test('bad rows are reported by line and column; --keep-good keeps the others', () => {
	const db = freshOrg('bad');
	const file = join(dir, 'bad.csv');
	writeFileSync(file, 'id;agent;date;answered\r\n1;Dan;01/02/2021;Oui\r\n2;Dan;31/02/2021;Oui\r\n' +
		'3;Nobody;01/02/2021;Non\r\n4;Dan;02/02/2021;peut-être\r\n"5";"Dan";"03/02/2021";"Non"\r\n');
	const args = ['import', '--lang', 'en', '--db', db, '--kind', 'call', '--id', 'id', '--person', 'agent', '--date',
		'date', '--field', 'answered=answered:bool', file];
	const r = cible(args);
	assert.equal(r.status, 1);
	assert.match(r.stdout, /line 3, column "date": not a date/);
	assert.match(r.stdout, /line 4, column "agent": no such person/);
	assert.match(r.stdout, /line 5, column "answered": not yes or no/);
	assert.equal(sql(db, 'SELECT count(*) FROM activity').stdout.trim(), '0');
	const kept = cible(['import', '--lang', 'en', '--keep-good', ...args.slice(1)]);
	assert.equal(kept.status, 0);
	assert.match(kept.stdout, /read 5 rows: 2 stored, 0 duplicates, 3 rejected/);
	const unknown = cible(['import', '--lang', 'en', '--db', db, '--kind', 'call', '--person', 'agent', '--date',
		'nope', file]);
	assert.equal(unknown.status, 2);
	assert.match(unknown.stderr, /--date: no column "nope"/);
});

// The `cible` command line: help on every command, exit codes, where `serve`
// takes its settings from, the demo's determinism, schema refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CIBLE_BIN, Client, STORE, dbExec, dbQuery, freshDb, serveProcess } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cible-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function run(args, env = {}) {
	const r = spawnSync(CIBLE_BIN, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

// Starts `cible serve`, returns the address it announces, then stops it.
async function announced(args, env = {}) {
	const srv = await serveProcess(args, env);
	try {
		return { addr: srv.addr, health: (await new Client(srv.addr).get('/healthz')).status };
	} finally {
		await srv.stop();
	}
}

test('every command answers --help with its usage and exit code 0', () => {
	const top = run(['--help']);
	assert.equal(top.code, 0);
	for (const cmd of ['init', 'serve', 'demo', 'user', 'check']) {
		assert.match(top.out, new RegExp(`^  ${cmd} `, 'm'));
		const r = run([cmd, '--help']);
		assert.equal(r.code, 0, cmd);
		assert.match(r.out, new RegExp(`^usage: cible ${cmd}`), cmd);
	}
	// in French with --lang fr, CIBLE_LANG=fr or a French locale; English otherwise
	const C = { LC_ALL: '', LC_MESSAGES: '', CIBLE_LANG: '' };
	const fr = run(['--help'], { ...C, LANG: 'fr_FR.UTF-8' });
	assert.equal(fr.code, 0);
	assert.match(fr.out, /^usage : cible <commande>/);
	assert.match(fr.out, /^  import +importer des enregistrements/m);
	assert.match(run(['serve', '--help', '--lang', 'fr'], { ...C, LANG: 'C.UTF-8' }).out, /^usage : cible serve .*\n[^]*Durabilité : full/);
	assert.match(run(['help', 'check'], { ...C, CIBLE_LANG: 'fr' }).out, /^usage : cible check/);
	assert.match(run(['check', '--help'], { ...C, LANG: 'fr_FR.UTF-8', LC_ALL: 'C' }).out, /^usage: cible check/);
	const nope = run(['nope'], { ...C, LANG: 'fr_FR.UTF-8' });
	assert.equal(nope.code, 2);
	assert.match(nope.err, /^cible: commande inconnue « nope »\n\nusage : cible <commande>/);
});

test('an unknown command or option is a usage error with exit code 2', () => {
	assert.equal(run(['nope']).code, 2);
	assert.equal(run(['serve', '--nope']).code, 2);
	assert.equal(run(['init', '--org', 'X']).code, 2);
	assert.equal(run(['serve', '--port', '70000']).code, 2);
	assert.match(run(['serve', '--log-level', 'loud']).err, /log level 'loud'/);
});

test('init refuses a weak password and leaves no organisation behind', () => {
	const db = freshDb(dir, 'weak');
	const r = run(['init', '--db', db, '--org', 'Weak', '--email', 'a@b.fr'], { CIBLE_PASSWORD: 'short' });
	assert.equal(r.code, 1);
	assert.match(r.err, /at least 8 characters/);
	const again = run(['init', '--db', db, '--org', 'Weak', '--email', 'a@b.fr', '--lang', 'en'], { CIBLE_PASSWORD: 'long enough' });
	assert.equal(again.code, 0, again.err);
	assert.match(again.out, /organisation: Weak \(id \d+\)/);
	// without --lang, in the organisation's language (French by default, English with --locale en)
	const fr = run(['init', '--db', freshDb(dir, 'initfr'), '--org', 'Fr', '--email', 'a@b.fr'], { CIBLE_PASSWORD: 'long enough' });
	assert.match(fr.out, /^base : .*\norganisation : Fr \(id \d+\)\nadministrateur : a@b\.fr\n$/);
	const en = run(['init', '--db', freshDb(dir, 'initen'), '--org', 'En', '--email', 'a@b.fr', '--locale', 'en'], { CIBLE_PASSWORD: 'long enough' });
	assert.match(en.out, /^database: .*\norganisation: En \(id \d+\)\nadmin: a@b\.fr\n$/);
	// the refused init left nothing (ids are not reused on every engine: count)
	assert.deepEqual(dbQuery(db, 'SELECT name FROM org'), [{ name: 'Weak' }]);
	assert.equal(dbQuery(db, 'SELECT count(*) AS n FROM person')[0].n, 1);
});

test('serve takes each setting from the flag, else the environment, else the config file', async () => {
	const db = freshDb(dir, 'serve');
	run(['init', '--db', db, '--org', 'S', '--email', 's@s.fr'], { CIBLE_PASSWORD: 'long enough' });
	const conf = join(dir, 'cible.conf');
	writeFileSync(conf, `# cible\ndb = ${db}\naddress = 127.0.0.1\nport = 0\nlog_level = warn\n`);
	const fromFile = await announced(['--config', conf], { CIBLE_PORT: '', CIBLE_DB: '' });
	assert.match(fromFile.addr, /^http:\/\/127\.0\.0\.1:\d+$/);
	assert.equal(fromFile.health, 200);
	// the environment wins over the file: a bad port there must be refused
	const env = run(['serve', '--config', conf], { CIBLE_PORT: 'x' });
	assert.equal(env.code, 2);
	assert.match(env.err, /port 'x'/);
	// and the flag wins over the environment
	const flag = await announced(['--config', conf, '--port', '0'], { CIBLE_PORT: 'x' });
	assert.equal(flag.health, 200);
	writeFileSync(conf, 'colour = blue\n');
	const bad = run(['serve', '--config', conf]);
	assert.equal(bad.code, 2);
	assert.match(bad.err, /1: unknown key 'colour'/);
});

test('the demo is the same for the same seed and day, and refuses to overwrite without --force', () => {
	const a = freshDb(dir, 'a'), b = freshDb(dir, 'b');
	const ra = run(['demo', '--db', a, '--seed', '7', '--today', '2026-11-25', '--lang', 'en']);
	const rb = run(['demo', '--db', b, '--seed', '7', '--today', '2026-11-25', '--lang', 'en']);
	assert.equal(ra.code, 0, ra.err);
	assert.equal(ra.out.replace(a, ''), rb.out.replace(b, ''));
	assert.match(ra.out, /48 people/);
	assert.match(ra.out, /admin/);
	const again = run(['demo', '--db', a]);
	assert.equal(again.code, 1);
	assert.match(again.err, /--force/);
	// --force makes it again in place, the same (on PostgreSQL too: every
	// table and trigger function of the schema goes first)
	const forced = run(['demo', '--db', a, '--force', '--seed', '7', '--today', '2026-11-25', '--lang', 'en']);
	assert.equal(forced.code, 0, forced.err);
	assert.equal(forced.out, ra.out);
	// its negotiations (issue 11): rounds in progress, and objectives agreed
	// after a counter-proposal on the means then on the target, with both names
	assert.match(ra.out, /[1-9]\d* objectives agreed after a negotiation, [1-9]\d* negotiations open/);
	// by default in the language of the organisation it makes: French
	const fr = run(['demo', '--db', freshDb(dir, 'fr'), '--seed', '7', '--today', '2026-11-25']);
	assert.equal(fr.code, 0, fr.err);
	assert.match(fr.out, /^organisation de démonstration dans .* : 48 personnes, 8 unités/);
	assert.match(fr.out, /connexions \(mot de passe : demo-cible\) :/);
	assert.doesNotMatch(fr.out, /people|objectives|logins/);
	const agreed = dbQuery(a, "SELECT g.objective_id, g.owner_name, g.manager_name, o.status FROM"
		+ " objective_agreement g JOIN objective o ON o.id = g.objective_id ORDER BY g.objective_id");
	assert.ok(agreed.length >= 1);
	for (const g of agreed) {
		assert.equal(g.status, 'agreed');
		assert.ok(g.owner_name && g.manager_name && g.owner_name !== g.manager_name);
		const kinds = dbQuery(a, `SELECT kind FROM negotiation_round WHERE objective_id = ${g.objective_id}`
			+ ' ORDER BY round, seq').map((x) => x.kind);
		assert.deepEqual(kinds, ['proposal', 'counter_means', 'counter_target', 'accept']);
	}
	const open = dbQuery(a, "SELECT count(*) AS n FROM objective WHERE status = 'proposed' AND id IN"
		+ " (SELECT objective_id FROM negotiation_round) AND id NOT IN (SELECT objective_id FROM objective_agreement)");
	assert.ok(Number(open[0].n) >= 2, 'rounds in progress');
});

test('a database newer than the program is refused with a clear message', () => {
	const db = freshDb(dir, 'new');
	run(['init', '--db', db, '--org', 'N', '--email', 'n@n.fr'], { CIBLE_PASSWORD: 'long enough' });
	dbExec(db, STORE === 'postgres'
		? "INSERT INTO cible_schema(version, name, applied_at) VALUES (999, 'future', 0)"
		: 'PRAGMA user_version = 999');
	const r = run(['user', 'token', '--db', db, '--email', 'n@n.fr', '--name', 't']);
	assert.equal(r.code, 1);
	assert.match(r.err, /schema 999, newer than this program/);
});

test('user token prints a token that the API accepts', async () => {
	const db = freshDb(dir, 'tok');
	run(['init', '--db', db, '--org', 'T', '--email', 't@t.fr'], { CIBLE_PASSWORD: 'long enough' });
	const r = run(['user', 'token', '--db', db, '--email', 't@t.fr', '--name', 'crm']);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /^cbl_[0-9a-f]{64}\n$/);
	const p = spawn(CIBLE_BIN, ['serve', '--db', db, '--port', '0']);
	let err = '';
	const addr = await new Promise((resolve) => p.stderr.on('data', (d) => {
		err += d;
		const m = err.match(/listening on (http:\/\/\S+)/);
		if (m) resolve(m[1]);
	}));
	const closed = new Promise((done) => p.on('close', done));
	let me, bad;
	try {
		me = await new Client(addr, { token: r.out.trim() }).get('/api/me');
		bad = await new Client(addr, { token: 'cbl_0' }).get('/api/me');
	} finally {
		p.kill('SIGTERM');
		await closed;
	}
	assert.equal(me.status, 200);
	assert.equal(me.body.email, 't@t.fr');
	assert.equal(bad.status, 401);
});

test('check explains a stored objective\'s SMART verdict in French, in English, or as JSON', () => {
	const db = freshDb(dir, 'check');
	assert.equal(run(['demo', '--db', db, '--today', '2026-11-25']).code, 0);
	const id = String(dbQuery(db, "SELECT id FROM objective WHERE title LIKE 'Am%liorer%' LIMIT 1")[0]?.id);
	assert.match(id, /^\d+$/);
	const fr = run(['check', '--db', db, '--objective', id]);
	assert.equal(fr.code, 0, fr.err);
	assert.match(fr.out, /Spécifique +non/);
	assert.match(fr.out, /verbe vague/);
	assert.match(fr.out, /\? Combien \?/);
	const en = run(['check', '--db', db, '--objective', id, '--lang', 'en']);
	assert.match(en.out, /Specific +fail/);
	assert.match(en.out, /vague verb/);
	const js = JSON.parse(run(['check', '--db', db, '--objective', id, '--json']).out);
	assert.equal(js.criteria.measurable.verdict, 'fail');
	assert.ok(js.score < 100);
	// a sentence read with the organisation's words: its synonyms, its indicators' names
	const before = run(['check', '--db', db, '--today', '2026-12-02', 'Réduire les zorglubs de 10 % en 2027']);
	assert.equal(before.code, 0, before.err);
	assert.match(before.out, /Quel indicateur désigne « zorglubs » \?/);
	dbExec(db, "INSERT INTO indicator_synonym (org_id, lang, phrase, indicator_id, created_at) " +
		"SELECT org_id, 'fr', 'zorglubs', id, 0 FROM indicator WHERE key = 'aht'");
	const after = run(['check', '--db', db, '--today', '2026-12-02', 'Réduire les zorglubs de 10 % en 2027']);
	assert.match(after.out, /indicateur : « zorglubs » \(aht\)\n/);
	assert.doesNotMatch(after.out, /Quel indicateur/);
	const afterJson = JSON.parse(run(['check', '--db', db, '--json', '--today', '2026-12-02',
		'Réduire les zorglubs de 10 % en 2027']).out);
	assert.equal(afterJson.read.indicator, 'aht');
	// without --db the reader's own words only
	assert.match(run(['check', '--today', '2026-12-02', 'Réduire les zorglubs de 10 % en 2027']).out,
		/Quel indicateur désigne « zorglubs » \?/);
	const missing = run(['check', '--db', db, '--objective', '999999', '--lang', 'en']);
	assert.equal(missing.code, 1);
	assert.match(missing.err, /objective not found/);
	// without --lang, the demo's language: French
	assert.match(run(['check', '--db', db, '--objective', '999999']).err, /objectif introuvable/);
	assert.equal(run(['check', '--db', db]).code, 2);
});

test('check and progress print words, not the API\'s codes, in the language asked', () => {
	const fr = run(['check', '--today', '2026-11-25',
		'Augmenter le taux de décroché de 80 % à 90 % d\'ici fin mars 2027 pour chaque agent']);
	assert.equal(fr.code, 0, fr.err);
	assert.match(fr.out, /sens : augmenter\n/);
	assert.match(fr.out, /ampleur : 90 % \(niveau à atteindre\)\n/);
	assert.match(fr.out, /porteur : chaque agent \(chacun\)\n/);
	assert.doesNotMatch(fr.out, /increase|percent_level|\(each\)/);
	const en = run(['check', '--lang', 'en', '--today', '2026-11-25',
		'Reduce average handling time by 10% by end of Q1 2027']);
	assert.match(en.out, /direction: decrease\n/);
	// the indicator's name in the language asked, not its key
	assert.match(en.out, /indicator: "average handling time" \(average handling time\)\n/);
	assert.doesNotMatch(en.out, /\(aht\)/);
	const frk = run(['check', '--today', '2026-11-25', 'Réduire le taux d\'abandon de 10 % en 2027']);
	assert.match(frk.out, /indicateur : « taux d'abandon » \(taux d'abandon\)\n/);
	assert.doesNotMatch(frk.out, /abandonment/);
	// a score as it was said, not "4,2 sans unité"
	const score = run(['check', '--today', '2026-12-02', 'Maintenir la satisfaction au moins 4,2/5 en mars prochain']);
	assert.match(score.out, /ampleur : 4,2\/5\n/);
	assert.match(score.out, /période : 2027-03-01 → 2027-03-31\n/);
	assert.match(en.out, /magnitude: 10 % change\n/);
	const db = freshDb(dir, 'words');
	assert.equal(run(['demo', '--db', db, '--today', '2026-11-25']).code, 0);
	const id = String(dbQuery(db, "SELECT id FROM objective WHERE title LIKE 'Traiter%appels%' LIMIT 1")[0]?.id);
	const p = run(['progress', '--db', db, '--objective', id, '--today', '2026-11-25'], { CIBLE_LANG: 'fr' });
	assert.equal(p.code, 0, p.err);
	assert.match(p.out, /statut (en avance|dans les temps|à risque|en retard|terminé|non mesuré),/);
	assert.match(p.out, /^ {2}\S.* : \d/m);
	assert.doesNotMatch(p.out, /statut (ahead|on_track|at_risk|off_track|done)/);
	const pe = run(['progress', '--db', db, '--objective', id, '--today', '2026-11-25', '--lang', 'en']);
	assert.match(pe.out, /status (ahead|on track|at risk|off track|done|not measured),/);
	// the organisation's language by default: the demo is French
	const pd = run(['progress', '--db', db, '--objective', id, '--today', '2026-11-25']);
	assert.equal(pd.out, p.out);
});

test('everyone\'s progress at once (one scan per indicator) equals each objective measured alone', () => {
	const db = freshDb(dir, 'many');
	assert.equal(run(['demo', '--db', db, '--people', '60', '--today', '2026-11-25']).code, 0);
	for (const [today, by] of [['2026-11-25', 'month'], ['2026-10-20', 'week'], ['2026-02-03', 'day']]) {
		const all = run(['progress', '--db', db, '--all', '--json', '--today', today, '--by', by]);
		assert.equal(all.code, 0, all.err);
		const many = JSON.parse(all.out);
		assert.ok(many.length >= 50);
		const measured = many.filter((m) => m.measured && m.value !== null);
		if (today === '2026-11-25')
			assert.ok(measured.length > 40, `most objectives measured: ${measured.length}`);
		for (const m of many) {
			const one = run(['progress', '--db', db, '--objective', String(m.objective_id), '--json',
				'--today', today, '--by', by]);
			assert.equal(one.code, 0, one.err);
			const alone = JSON.parse(one.out);
			// the roll-up of children is read two levels down when alone, across
			// the whole list at once: everything else must be the same
			for (const k of Object.keys(m))
				if (!k.startsWith('rollup') && k !== 'children')
					assert.deepEqual(alone[k], m[k], `objective ${m.objective_id} ${k} on ${today}`);
		}
	}
});

// The CLI runs the API's use cases: the same refusals, the same audit rows.
const rows = (db, q) => dbQuery(db, q);
const auditCount = (db) => rows(db, 'SELECT count(*) AS n FROM audit')[0].n;
const PW = { CIBLE_PASSWORD: 'long enough' };

test('cible user add refuses an implausible email, as the API does, and writes nothing', () => {
	const db = freshDb(dir, 'useradd');
	assert.equal(run(['init', '--db', db, '--org', 'U', '--email', 'u@u.fr'], PW).code, 0);
	const n = auditCount(db);
	for (const email of ['pas une adresse', 'sans-arobase.fr', 'a@b', '<a@b.fr>']) {
		const r = run(['user', 'add', '--db', db, '--email', email, '--lang', 'en'], PW);
		assert.equal(r.code, 2, `${email}: ${r.out}`);
		assert.match(r.err, /invalid value for 'email': an address such as nom@exemple\.fr/);
	}
	const role = run(['user', 'add', '--db', db, '--email', 'r@u.fr', '--role', 'chef', '--lang', 'en'], PW);
	assert.equal(role.code, 2);
	assert.match(role.err, /'role': admin, manager, member or hr/);
	const unit = run(['user', 'add', '--db', db, '--email', 'r@u.fr', '--unit', '999', '--lang', 'en'], PW);
	assert.equal(unit.code, 2);
	assert.match(unit.err, /unit_id/);
	assert.equal(run(['user', 'add', '--db', db, '--email', 'r@u.fr'], { CIBLE_PASSWORD: 'court' }).code, 1);
	assert.equal(rows(db, "SELECT count(*) AS n FROM person WHERE email <> 'u@u.fr'")[0].n, 0);
	assert.equal(auditCount(db), n);
});

test('cible user add and init write the API\'s audit: the person as the API shows it, as after', () => {
	const db = freshDb(dir, 'useraudit');
	assert.equal(run(['init', '--db', db, '--org', 'A', '--email', 'a@a.fr', '--locale', 'en'], PW).code, 0);
	const init = rows(db, "SELECT * FROM audit WHERE entity = 'org'");
	assert.equal(init.length, 1);
	assert.equal(init[0].action, 'init');
	const made = JSON.parse(init[0].after);
	assert.deepEqual(Object.keys(made).sort(), ['admin', 'org', 'unit']);
	assert.equal(made.org.locale, 'en');
	assert.equal(made.admin.role, 'admin');
	assert.equal(made.unit.lead_id, made.admin.id);
	const r = run(['user', 'add', '--db', db, '--email', 'b@a.fr', '--name', 'Bea', '--role', 'manager',
		'--unit', String(made.unit.id)], PW);
	assert.equal(r.code, 0, r.err);
	const id = Number(r.out.match(/id (\d+)/)[1]);
	const [row] = rows(db, `SELECT * FROM audit WHERE entity = 'person' AND entity_id = ${id}`);
	assert.equal(row.action, 'create');
	assert.equal(row.before, null);
	const after = JSON.parse(row.after);
	const [p] = rows(db, `SELECT * FROM person WHERE id = ${id}`);
	assert.deepEqual(after, { id, unit_id: made.unit.id, manager_id: null, name: 'Bea', email: 'b@a.fr',
		job: null, role: 'manager', hired_on: null, active: true });
	assert.equal(p.name, after.name);
	assert.equal(p.unit_id, after.unit_id);
	// the init of a wrong locale or currency is refused by the organisation's checks
	const bad = run(['init', '--db', freshDb(dir, 'badinit'), '--org', 'B', '--email', 'b@b.fr', '--currency', 'EURO'], PW);
	assert.equal(bad.code, 2);
	assert.match(bad.err, /currency/);
	const badmail = run(['init', '--db', freshDb(dir, 'badinit'), '--org', 'B', '--email', 'b@b'], PW);
	assert.equal(badmail.code, 2);
	assert.match(badmail.err, /email/);
});

test('cible metric add refuses a bad key and audits a new or changed indicator with before and after', () => {
	const db = freshDb(dir, 'metric');
	assert.equal(run(['init', '--db', db, '--org', 'M', '--email', 'm@m.fr'], PW).code, 0);
	const n = auditCount(db);
	for (const key of ['Appels', 'appels-traités', 'a b', 'x'.repeat(41)]) {
		const r = run(['metric', 'add', key, '--db', db, '--kind', 'call', '--expr', 'count()', '--lang', 'en']);
		assert.equal(r.code, 2, key);
		assert.match(r.err, /invalid value for 'key': 1 to 40 lower-case letters, digits or _/);
	}
	const kind = run(['metric', 'add', 'appels', '--db', db, '--kind', 'Call', '--expr', 'count()', '--lang', 'en']);
	assert.equal(kind.code, 2);
	assert.match(kind.err, /'kind'/);
	assert.equal(auditCount(db), n);
	const added = run(['metric', 'add', 'appels_traites', '--db', db, '--kind', 'call', '--expr', 'count()', '--name-fr', 'Appels traités', '--lang', 'en']);
	assert.equal(added.code, 0, added.err);
	assert.match(added.out, /appels_traites \(id \d+\) added/);
	const changed = run(['metric', 'add', 'appels_traites', '--db', db, '--kind', 'call', '--expr', 'sum(duree)', '--lang', 'en']);
	assert.equal(changed.code, 0, changed.err);
	assert.match(changed.out, /updated/);
	const trail = rows(db, "SELECT action, before, after FROM audit WHERE entity = 'indicator' ORDER BY id");
	assert.deepEqual(trail.map((t) => t.action), ['create', 'update']);
	assert.equal(trail[0].before, null);
	assert.equal(JSON.parse(trail[0].after).name_fr, 'Appels traités');
	assert.equal(JSON.parse(trail[1].before).expr, 'count()');
	const after = JSON.parse(trail[1].after);
	assert.equal(after.expr, 'sum(duree)');
	assert.equal(after.name_fr, 'Appels traités', 'a flag not given keeps its value');
	assert.deepEqual(after.fields, ['duree']);
	// the organisation's language (French) without --lang
	const again = run(['metric', 'add', 'appels_traites', '--db', db, '--kind', 'call', '--expr', 'sum(duree)']);
	assert.match(again.out, /^indicateur appels_traites \(id \d+\) mis à jour, mesuré à partir des enregistrements « call » stockés\n$/);
	assert.match(run(['metric', 'add', 'Appels', '--db', db, '--kind', 'call', '--expr', 'count()']).err,
		/valeur invalide pour « key »/);
});

test('cible import refuses an unknown kind, and its audit row is JSON with the kind and counts', () => {
	const db = freshDb(dir, 'importkind');
	assert.equal(run(['init', '--db', db, '--org', 'I', '--email', 'i@i.fr'], PW).code, 0);
	const csv = join(dir, 'calls.csv');
	writeFileSync(csv, 'who,day\ni@i.fr,2026-11-02\ni@i.fr,2026-11-03\n');
	const n = auditCount(db);
	for (const kind of ['call","x":"1', 'Appel', 'appel téléphonique', 'k'.repeat(33)]) {
		const r = run(['import', '--db', db, '--kind', kind, '--person', 'who', '--date', 'day', csv, '--lang', 'en']);
		assert.equal(r.code, 2, kind);
		assert.match(r.err, /invalid value for 'kind': 1 to 32 lower-case letters, digits or _/);
	}
	assert.equal(auditCount(db), n);
	assert.equal(rows(db, 'SELECT count(*) AS n FROM activity')[0].n, 0);
	const ok = run(['import', '--db', db, '--kind', 'call', '--person', 'who', '--date', 'day', csv]);
	assert.equal(ok.code, 0, ok.err);
	const [row] = rows(db, "SELECT * FROM audit WHERE entity = 'activity'");
	assert.equal(row.action, 'import');
	assert.equal(row.before, null);
	assert.deepEqual(JSON.parse(row.after), { kind: 'call', read: 2, stored: 2, duplicates: 0, rejected: 0 });
	assert.equal(rows(db, "SELECT count(*) AS n FROM activity WHERE kind = 'call'")[0].n, 2);
});

// issue 18: the forms a new user types, read on a fixed day
test('cible check reads the deadlines, amounts and kinds of issue 18', () => {
	const day = ['--today', '2026-12-02'];
	const fr = run(['check', ...day, "Augmenter le CA de 10 % d'ici fin 2026"]);
	assert.equal(fr.code, 0);
	assert.match(fr.out, /période : 2026-12-02 → 2026-12-31/);
	assert.doesNotMatch(fr.out, /pas d'échéance/);
	const en = run(['check', ...day, '--lang', 'en', 'Raise revenue by $1.2M by the end of 2027']);
	assert.match(en.out, /magnitude: \$1,200,000\n/);
	assert.match(en.out, /period: 2026-12-02 → 2027-12-31/);
	assert.doesNotMatch(en.out, /e\+0/);
	const nps = run(['check', ...day, "Passer le NPS de 20 à 35 d'ici l'été"]);
	assert.match(nps.out, /de : 20\n  ampleur : 35 points/);
	assert.match(nps.out, /période : 2026-12-02 → 2027-05-31/);
	assert.doesNotMatch(nps.out, /l'unité de mesure manque/);
	const dec = run(['check', ...day, '--lang', 'en', 'Sign 40 contracts by December 2027']);
	assert.match(dec.out, /period: 2026-12-02 → 2027-12-31/);
	const js = JSON.parse(run(['check', ...day, '--json', 'Tripler les ventes additionnelles au premier semestre']).out);
	assert.equal(js.read.indicator, 'upsell_revenue');
	assert.equal(js.read.magnitude, 200);
	assert.equal(js.read.start, '2027-01-01');
	assert.equal(js.read.due, '2027-06-30');
	const wait = JSON.parse(run(['check', ...day, '--json', "Réduire le temps d'attente moyen à 30 secondes d'ici décembre"]).out);
	assert.equal(wait.read.indicator, 'asa');
	assert.equal(wait.read.due, '2026-12-31');
});

// issues 10 and 18: the command line speaks the organisation's language and
// prints every figure as the pages do (figure.c), never a code or an exponent
const EXPONENT = /\d\.\d+e[+-]\d/;
const CODES = /\b(on_track|off_track|at_risk|percent_level|stay_above|stay_below|none|counted_units|sale_by_order)\b/;
const FRENCH_CODES = /\b(increase|decrease|ahead|done|individual|raw|attainment|improvement|closed|open)\b/;

test('every command follows the organisation\'s language unless --lang (a French and an English org)', () => {
	const fr = freshDb(dir, 'langfr'), en = freshDb(dir, 'langen');
	assert.equal(run(['init', '--db', fr, '--org', 'F', '--email', 'f@f.fr', '--locale', 'fr'], PW).code, 0);
	assert.equal(run(['init', '--db', en, '--org', 'E', '--email', 'e@e.com', '--locale', 'en'], PW).code, 0);
	const env = { CIBLE_LANG: '' };
	const said = (db, args) => run([...args, '--db', db], env);
	for (const [db, lang] of [[fr, 'fr'], [en, 'en']]) {
		const other = lang === 'fr' ? 'en' : 'fr';
		const french = lang === 'fr';
		const sum = said(db, ['progress', '--all', '--summary']);
		assert.equal(sum.code, 0, sum.err);
		assert.match(sum.out, french ? /^0 objectifs en [\d,]+ ms : en avance 0,/ : /^0 objectives in [\d.]+ ms: ahead 0,/);
		const swapped = said(db, ['progress', '--all', '--summary', '--lang', other]);
		assert.match(swapped.out, french ? /^0 objectives in/ : /^0 objectifs en/);
		for (const args of [['progress', '--objective', '999'], ['check', '--objective', '999']]) {
			const r = said(db, args);
			assert.equal(r.code, 1, args.join(' '));
			assert.match(r.err, french ? /objectif introuvable/ : /objective not found/, args.join(' '));
			assert.match(said(db, [...args, '--lang', other]).err,
				french ? /objective not found/ : /objectif introuvable/);
		}
		const ch = said(db, ['challenge', 'board', '999']);
		assert.equal(ch.code, 1);
		assert.doesNotMatch(ch.err, french ? /not found/ : /introuvable/);
		const add = said(db, ['user', 'add', '--email', `new@${lang}.test`, '--role', 'hr']);
		assert.equal(add.code, 0, add.err);
		assert.match(add.out, french ? /^new@fr\.test ajouté \(id \d+, RH\)\nmot de passe : / : /^added new@en\.test \(id \d+, HR\)\npassword: /);
		const imp = said(db, ['import', '--kind', 'Bad', '--person', 'a', '--date', 'b', '/dev/null']);
		assert.equal(imp.code, 2);
		assert.match(imp.err, french ? /valeur invalide/ : /invalid value/);
	}
	// a --lang that is no language is refused, in the language of the others
	const bad = run(['progress', '--db', fr, '--all', '--lang', 'de']);
	assert.equal(bad.code, 2);
	assert.match(bad.err, /--lang/);
});

test('progress, check and challenge on the demo: figures as the pages print them, no code, no exponent', () => {
	const db = freshDb(dir, 'figures');
	assert.equal(run(['demo', '--db', db, '--today', '2026-11-25']).code, 0);
	const day = ['--today', '2026-11-25'];
	const outs = {};
	for (const lang of ['fr', 'en']) {
		const words = [];
		const p = run(['progress', '--db', db, '--all', ...day, '--lang', lang]);
		assert.equal(p.code, 0, p.err);
		words.push(p.out, run(['progress', '--db', db, '--all', '--summary', ...day, '--lang', lang]).out);
		for (const id of dbQuery(db, 'SELECT id FROM objective ORDER BY id LIMIT 12').map((o) => String(o.id)))
			words.push(run(['check', '--db', db, '--objective', id, ...day, '--lang', lang]).out);
		for (const s of ["Augmenter le chiffre d'affaires de 5,2 M€ à 5,8 M€ d'ici fin 2027",
			'Raise revenue by $1.2M by the end of 2027', 'Réduire la DMT de 330 s à 290 s en 2027',
			'Répondre à 90 % des appels en moins de 20 s d\'ici fin 2027',
			'Passer le NPS de 20 à 35 d\'ici l\'été', 'Sign 40 contracts by December 2027'])
			words.push(run(['check', ...day, '--lang', lang, s]).out);
		const list = run(['challenge', '--db', db, 'list', '--lang', lang]);
		assert.equal(list.code, 0, list.err);
		words.push(list.out);
		for (const id of list.out.trim().split('\n').map((l) => l.trim().split(/\s+/)[0]))
			words.push(run(['challenge', '--db', db, ...day, 'board', id, '--lang', lang]).out);
		words.push(run(['rhythm', '--db', db, ...day, 'late', '--lang', lang]).out);
		const all = words.join('\n');
		assert.ok(all.length > 5000, `${lang}: something was printed`);
		assert.doesNotMatch(all, EXPONENT, lang);
		assert.doesNotMatch(all, CODES, lang);
		if (lang === 'fr')
			assert.doesNotMatch(all, FRENCH_CODES);
		outs[lang] = all;
	}
	assert.match(outs.fr, /ampleur : 1\u202f200\u202f000\u00a0\$\n/);
	assert.match(outs.en, /magnitude: \$1,200,000\n/);
	assert.match(outs.fr, /de : 5\u00a0min 30\u00a0s\n  ampleur : 4\u00a0min 50\u00a0s\n/);
	assert.match(outs.en, /threshold: 90% within 20\u00a0s\n/);
	// one money figure and one duration checked against the API's JSON value,
	// formatted here by Intl, not by cible
	const money = dbQuery(db, "SELECT o.id FROM objective o WHERE o.indicator = 'revenue' AND o.target IS NOT NULL ORDER BY o.id LIMIT 1")[0].id;
	const j = JSON.parse(run(['progress', '--db', db, '--objective', String(money), '--json', ...day]).out);
	assert.equal(j.indicator.unit, '€');
	const frNum = (v) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(v);
	const enNum = (v) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(v);
	const pf = run(['progress', '--db', db, '--objective', String(money), ...day]).out;
	const pe = run(['progress', '--db', db, '--objective', String(money), ...day, '--lang', 'en']).out;
	assert.ok(pf.includes(` : ${frNum(j.value)}\u00a0€ / cible ${frNum(j.target)}\u00a0€\n`), pf);
	assert.ok(pe.includes(`: €${enNum(j.value)} / target €${enNum(j.target)}\n`), pe);
	assert.ok(pf.includes(`atteinte ${Math.round(j.attainment * 100)}\u202f%,`), pf);
	assert.ok(pe.includes(`attainment ${Math.round(j.attainment * 100)}%,`), pe);
	const aht = dbQuery(db, "SELECT id FROM objective WHERE indicator = 'aht' AND target IS NOT NULL ORDER BY id LIMIT 1")[0].id;
	const ja = JSON.parse(run(['progress', '--db', db, '--objective', String(aht), '--json', ...day]).out);
	const t = Math.round(ja.value);
	const dur = t < 60 ? `${t}\u00a0s` : `${Math.floor(t / 60)}\u00a0min${t % 60 ? ` ${t % 60}\u00a0s` : ''}`;
	const pa = run(['progress', '--db', db, '--objective', String(aht), ...day]).out;
	assert.ok(ja.value >= 60 && pa.includes(` : ${dur} / cible `), `${dur} in ${pa}`);
});

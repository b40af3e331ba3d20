// "The organisation id leads every key of tenant data" (issue 15, item 4),
// read from the schema itself: sqlite_master and its pragmas on SQLite,
// pg_catalog on PostgreSQL, of a database that every migration made. What
// the test holds, on both stores:
//  - every table but the few of no organisation has an org_id column;
//  - on PostgreSQL (the store that can be distributed: Citus by org_id),
//    every primary key and every foreign key between tenant tables begins
//    with org_id, but for the secrets looked up before the organisation is
//    known; on SQLite, the tables keyed by their rowid are the list below
//    (one file on one machine: the rowid is where SQLite keeps a row);
//  - the indexes whose first column is not org_id are exactly the list
//    below, each with its reason: a new table or index that does not lead
//    with org_id fails, and so does one of the lists once it is fixed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STORE, dbQuery, startServer } from './harness.mjs';

// of no organisation, with the reason
const GLOBAL = {
	org: 'the tenants themselves (a reference table on Citus)',
	login_attempt: 'failures by email and client address, counted before anyone is known to be of an organisation',
	measure_month: 'keyed by a packed rowid on SQLite (indicator, person, month): ids are unique across organisations',
	job_lease: 'a background job serves every organisation',
};
// primary keys that do not begin with org_id, with the reason
const SECRET_KEYS = ['password_reset', 'session'];   // a token's hash: the request carries nothing else
const ROWID_KEYS = [
	'activity', 'api_token', 'audit', 'axis', 'badge', 'challenge', 'challenge_result', 'checkin',
	'feedback', 'import_mapping', 'indicator', 'negotiation_round', 'notify_attempt',
	'notify_channel', 'notify_delivery', 'notify_event', 'objective', 'objective_agreement',
	'one_to_one', 'one_to_one_action', 'person', 'ramp_plan', 'review', 'unit',
];   // SQLite only: `id INTEGER PRIMARY KEY` is the rowid
const PK_NOT_ORG = (STORE === 'postgres' ? SECRET_KEYS : [...SECRET_KEYS, ...ROWID_KEYS]).sort();
// indexes (other than primary keys) whose first column is not org_id, as table.column
const INDEX_NOT_ORG = [
	'api_token.token_hash', 'calendar_feed.token_hash',   // secrets looked up first
	'person.email',            // login by email, before the organisation is chosen
	'notify_delivery.state',   // the sender's queue, which serves every organisation
].sort();

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

function schema(db) {
	if (STORE === 'postgres') {
		const tables = dbQuery(db, `SELECT c.relname AS t, bool_or(a.attname = 'org_id') AS org
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'cible_schema'
			GROUP BY c.relname`);
		const idx = dbQuery(db, `SELECT c.relname AS t, a.attname AS col, i.indisprimary AS pk
			FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
			WHERE n.nspname = 'public' AND c.relname <> 'cible_schema'`);
		return { tables, idx };
	}
	const tables = dbQuery(db, `SELECT m.name AS t, EXISTS (SELECT 1 FROM pragma_table_info(m.name)
		WHERE name = 'org_id') AS org FROM sqlite_master m
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`);
	const pks = dbQuery(db, `SELECT m.name AS t, p.name AS col, 1 AS pk FROM sqlite_master m,
		pragma_table_info(m.name) p WHERE m.type = 'table' AND p.pk = 1 AND m.name NOT LIKE 'sqlite_%'`);
	const others = dbQuery(db, `SELECT m.name AS t, (SELECT name FROM pragma_index_info(i.name)
		WHERE seqno = 0) AS col, 0 AS pk FROM sqlite_master m, pragma_index_list(m.name) i
		WHERE m.type = 'table' AND i.origin <> 'pk' AND m.name NOT LIKE 'sqlite_%'`);
	return { tables, idx: [...pks, ...others] };
}

test('org_id leads the keys of tenant data, but for the listed exceptions (read from the schema)', () => {
	const { tables, idx } = schema(server.db);
	const names = tables.map((r) => r.t);
	assert.ok(names.length >= 30, `the schema was read: ${names}`);
	const noOrg = tables.filter((r) => !r.org || r.org === 'f').map((r) => r.t).sort();
	assert.deepEqual(noOrg, Object.keys(GLOBAL).sort(), 'tables without org_id');
	const tenant = new Set(names.filter((t) => !(t in GLOBAL)));
	const pkNot = [...new Set(idx.filter((r) => (r.pk === true || r.pk === 1) && tenant.has(r.t) && r.col !== 'org_id')
		.map((r) => r.t))].sort();
	assert.deepEqual(pkNot, PK_NOT_ORG, 'tenant tables whose primary key does not begin with org_id');
	const ixNot = [...new Set(idx.filter((r) => !(r.pk === true || r.pk === 1) && tenant.has(r.t) && r.col !== 'org_id')
		.map((r) => `${r.t}.${r.col}`))].sort();
	assert.deepEqual(ixNot, INDEX_NOT_ORG, 'indexes of tenant tables whose first column is not org_id');
});

// PostgreSQL's alone: SQLite's foreign keys point at rowids
if (STORE === 'postgres') test('every foreign key between tenant tables is (org_id, x) -> (org_id, id): a row points only within its organisation', () => {
	const fks = dbQuery(server.db, `SELECT c.conrelid::regclass::text AS t, c.confrelid::regclass::text AS ref,
		pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
		JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE c.contype = 'f' AND n.nspname = 'public'`);
	assert.ok(fks.length >= 40, `the foreign keys were read: ${fks.length}`);
	const bad = fks.filter((f) => !(f.t in GLOBAL) && f.ref !== 'org' &&
		!/^FOREIGN KEY \(org_id, \w+\) REFERENCES \w+\(org_id, id\)/.test(f.def));
	assert.deepEqual(bad, []);
	const toOrg = fks.filter((f) => f.ref === 'org' && !/^FOREIGN KEY \(org_id\) REFERENCES org\(id\)/.test(f.def));
	assert.deepEqual(toOrg, []);
});

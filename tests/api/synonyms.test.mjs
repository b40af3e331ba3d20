// The organisation's words for its indicators (issue 18, item 3): an admin
// adds, lists and removes synonyms per language; the sentence reader of
// POST /api/smart/check takes them, for that organisation only; every change
// is audited; refusals write nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

const check = (client, title, lang = 'fr') => ok(client.post('/api/smart/check', { title },
	{ headers: { 'accept-language': lang } }));

test('a synonym an admin adds is read as its indicator, in its language, for that organisation only', async () => {
	const { admin, member1, otherAdmin } = fx.clients;
	const title = 'Réduire les zorglubs de 10 % d\'ici fin 2030';
	const before = await check(member1, title);
	assert.equal(before.read.indicator, null);
	assert.ok(before.questions.some((q) => /zorglubs/.test(q)));
	const made = await ok(admin.post('/api/indicator-synonyms',
		{ lang: 'fr', phrase: '  Zorglubs  ', indicator: 'aht' }));
	assert.deepEqual({ lang: made.lang, phrase: made.phrase, indicator: made.indicator },
		{ lang: 'fr', phrase: 'zorglubs', indicator: 'aht' });
	const after = await check(member1, title);
	assert.equal(after.read.indicator, 'aht');
	assert.ok(!after.questions.some((q) => /zorglubs/.test(q)));
	assert.ok(!after.criteria.measurable.reasons.some((x) => x.code === 'indicator_unknown'));
	// a typo in a long word is read too; an English sentence does not take a French word
	assert.equal((await check(member1, 'Réduire les zorglub de 10 % en 2030')).read.indicator, 'aht');
	assert.equal((await check(member1, 'Cut the zorglubs by 10% in 2030', 'en')).read.indicator, null);
	// another organisation does not read it
	assert.equal((await check(otherAdmin, title)).read.indicator, null);
	const list = await ok(admin.get('/api/indicator-synonyms'));
	assert.deepEqual(list.items.map((x) => `${x.lang}:${x.phrase}:${x.indicator}`), ['fr:zorglubs:aht']);
	assert.equal((await ok(otherAdmin.get('/api/indicator-synonyms'))).items.length, 0);
});

test('the names of the organisation\'s own indicators are read too', async () => {
	const { admin, member1 } = fx.clients;
	await ok(admin.post('/api/indicators', { key: 'hold_time', kind: 'call', expr: 'avg(hold)',
		unit: 's', name_fr: 'Temps de mise en garde', name_en: 'Hold time on calls' }), 201);
	assert.equal((await check(member1, 'Réduire le temps de mise en garde de 20 s d\'ici fin 2030')).read.indicator,
		'hold_time');
	assert.equal((await check(member1, 'Cut the hold time on calls by 20 s by the end of 2030', 'en')).read.indicator,
		'hold_time');
});

test('putting a phrase again gives it another indicator; removing it takes it away; both audited', async () => {
	const { admin, member1 } = fx.clients;
	await ok(admin.post('/api/indicator-synonyms', { lang: 'en', phrase: 'Blorps', indicator: 'revenue' }));
	const again = await ok(admin.post('/api/indicator-synonyms', { lang: 'en', phrase: 'blorps', indicator: 'csat' }));
	assert.equal(again.indicator, 'csat');
	assert.equal((await check(member1, 'Raise blorps to 4.5 by the end of 2030', 'en')).read.indicator, 'csat');
	const trail = (await ok(admin.get('/api/audit?limit=500')));
	const actions = trail.items.filter((x) => x.entity === 'indicator_synonym').map((x) => x.action);
	assert.ok(actions.includes('create') && actions.includes('update'), actions.join(' '));
	await ok(admin.delete('/api/indicator-synonyms?lang=en&phrase=Blorps'));
	assert.equal((await check(member1, 'Raise blorps to 4.5 by the end of 2030', 'en')).read.indicator, null);
	const after = (await ok(admin.get('/api/audit?limit=500')));
	assert.ok(after.items.some((x) => x.entity === 'indicator_synonym' && x.action === 'delete' &&
		x.before && x.before.phrase === 'blorps' && x.after === null));
	const gone = await admin.delete('/api/indicator-synonyms?lang=en&phrase=blorps');
	assert.equal(gone.status, 404);
});

test('bad input is refused with the field named, in both languages; others than admins may not write', async () => {
	const { admin, managerA, hr } = fx.clients;
	const cases = [
		[{ lang: 'de', phrase: 'x', indicator: 'aht' }, 'lang'],
		[{ lang: 'fr', phrase: '   ', indicator: 'aht' }, 'phrase'],
		[{ lang: 'fr', phrase: '12 34', indicator: 'aht' }, 'phrase'],
		[{ lang: 'fr', phrase: 'a'.repeat(101), indicator: 'aht' }, 'phrase'],
		[{ lang: 'fr', phrase: 'attente', indicator: 'no_such_key' }, 'indicator'],
		[{ lang: 'fr', phrase: 'attente' }, 'indicator'],
	];
	for (const [body, field] of cases) {
		const r = await admin.post('/api/indicator-synonyms', body);
		assert.equal(r.status, 422, JSON.stringify(body));
		assert.equal(r.body.error.field, field);
	}
	const en = await admin.post('/api/indicator-synonyms', { lang: 'fr', phrase: 'attente', indicator: 'nope' },
		{ headers: { 'accept-language': 'en' } });
	assert.match(en.body.error.message, /an indicator of the organisation/);
	const typed = await admin.post('/api/indicator-synonyms', { lang: 'fr', phrase: 12, indicator: 'aht' });
	assert.equal(typed.status, 400);
	for (const c of [managerA, hr]) {
		const r = await c.post('/api/indicator-synonyms', { lang: 'fr', phrase: 'attente', indicator: 'asa' });
		assert.equal(r.status, 403);
		assert.equal((await c.get('/api/indicator-synonyms')).status, 403);
	}
	const list = await ok(admin.get('/api/indicator-synonyms'));
	assert.ok(!list.items.some((x) => x.phrase === 'attente'), 'nothing written by a refusal');
});

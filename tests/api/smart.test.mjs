// The SMART verdict through the API: on a draft, and with every objective read
// or written, in the caller's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, startFixture } from './harness.mjs';

let fx;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

test('a vague draft fails specific and measurable, and says what to ask, in French', async () => {
	const v = await ok(fx.clients.member1.post('/api/smart/check', { title: 'Améliorer la qualité' }));
	assert.equal(v.criteria.specific.verdict, 'fail');
	assert.equal(v.criteria.specific.reasons[0].code, 'vague_verb');
	assert.match(v.criteria.specific.reasons[0].message, /verbe vague/);
	assert.equal(v.criteria.measurable.verdict, 'fail');
	assert.equal(v.criteria.time_bound.verdict, 'fail');
	assert.ok(v.questions.includes('Pour quand ?'));
	assert.ok(v.score < 50);
});

test('the verdict speaks English when asked', async () => {
	const v = await ok(fx.clients.member1.post('/api/smart/check', { title: 'Improve quality' },
		{ headers: { 'accept-language': 'en' } }));
	assert.match(v.criteria.specific.reasons[0].message, /vague verb/);
	assert.ok(v.questions.includes('By when?'));
});

test('a complete objective under the cascade scores well, and the verdict comes with it', async () => {
	const o = await ok(fx.clients.admin.post('/api/objectives', { level: 'individual',
		parent_id: fx.obj.CA, owner_person_id: fx.people.member1,
		title: 'Signer 40 contrats au T1 2027', what: 'Nouveaux contrats signés',
		how: 'Deux demi-journées de prospection par semaine', indicator: 'contracts_signed',
		unit: 'contrats', direction: 'increase', baseline: 30, target: 40,
		start: '2027-01-01', due: '2027-03-31' }), 201);
	assert.equal(o.smart.criteria.relevant.verdict, 'pass', JSON.stringify(o.smart.criteria.relevant));
	assert.equal(o.smart.criteria.measurable.verdict, 'pass');
	assert.equal(o.smart.criteria.time_bound.verdict, 'pass');
	assert.equal(o.smart.criteria.achievable.reasons[0].code, 'no_history');
	const again = await ok(fx.clients.member1.get(`/api/objectives/${o.id}`));
	assert.equal(again.smart.score, o.smart.score);
	// team A sells: a call-centre indicator there does not fit its trade
	const fcr = await ok(fx.clients.admin.patch(`/api/objectives/${o.id}`, { indicator: 'fcr' }));
	assert.equal(fcr.smart.criteria.relevant.reasons[0].code, 'service_mismatch');
	const list = await ok(fx.clients.admin.get('/api/objectives?limit=1'));
	assert.equal(list.items[0].smart, undefined, 'lists stay light');
});

test('a draft that is not even an object is refused with the field named', async () => {
	const r = await fx.clients.member1.post('/api/smart/check', { title: 12 });
	assert.equal(r.status, 400);
	assert.equal(r.body.error.field, 'title');
});

test('a new hire without objectives is flagged to their manager and to hr, not to others', async () => {
	const today = new Date().toISOString().slice(0, 10);
	const p = await ok(fx.clients.managerA.post('/api/people', { name: 'Nina Nouvelle',
		email: 'nina.nouvelle@cible.test', unit_id: fx.units.teamA, role: 'member', hired_on: today }), 201);
	const flagged = (c) => ok(c.get('/api/alerts')).then((a) => a.items.some((x) =>
		x.person_id === p.id && x.kind === 'new_hire_without_objective'));
	assert.ok(await flagged(fx.clients.managerA));
	assert.ok(await flagged(fx.clients.hr));
	assert.ok(!(await flagged(fx.clients.managerB)));
	assert.ok(!(await flagged(fx.clients.member1)));
	await ok(fx.clients.managerA.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: p.id, title: 'Découvrir le portefeuille et signer 5 contrats au T1' }), 201);
	assert.ok(!(await flagged(fx.clients.managerA)));
});

test('the sentence reader fills in what a title says, for the form to take', async () => {
	const v = await ok(fx.clients.admin.post('/api/smart/check', {
		title: 'Porter la résolution au premier contact de 70 % à 78 % au T1 2027' }));
	assert.equal(v.read.indicator, 'fcr');
	assert.equal(v.read.direction, 'increase');
	assert.equal(v.read.baseline, 70);
	assert.equal(v.read.target, 78);
	assert.equal(v.read.unit, '%');
	assert.equal(v.read.start, '2027-01-01');
	assert.equal(v.read.due, '2027-03-31');
});

test('cible check reads a sentence in French and in English, as text or JSON', () => {
	const fr = fx.server.cli(['check', '--today', '2026-11-25',
		"L'équipe A doit augmenter le trafic du site internet de 20% sur le mois !"]);
	assert.match(fr, /indicateur : « trafic du site internet » \(trafic du site\)/);
	assert.match(fr, /période : 2026-11-01 → 2026-11-30/);
	assert.match(fr, /porteur : L'équipe A \(une équipe\)/);
	const en = fx.server.cli(['check', '--lang', 'en', '--json', '--today', '2026-11-25',
		'Nous devons augmenter notre fidélisation client de 30%.']);
	const j = JSON.parse(en);
	assert.equal(j.read.indicator, 'retention');
	assert.equal(j.read.magnitude, 30);
	assert.equal(j.read.magnitude_unit, 'percent');
	assert.equal(j.read.owner_kind, 'we');
	assert.ok(j.smart.questions.some((q) => /when/i.test(q)));
});

test('a title alone: the verdict judges the indicator and the due date the reader got from it', async () => {
	const v = await ok(fx.clients.member1.post('/api/smart/check',
		{ title: 'Raise revenue by 10% by the end of 2030' }, { headers: { 'accept-language': 'en' } }));
	assert.equal(v.read.indicator, 'revenue');
	assert.equal(v.read.due, '2030-12-31');
	const said = JSON.stringify(v.criteria);
	assert.doesNotMatch(said, /no due date/);
	assert.doesNotMatch(said, /no indicator/);
	assert.notEqual(v.criteria.time_bound.verdict, 'fail');
});

test('a title alone: a change with no baseline is no missing target, and "how much?" is not asked', async () => {
	const v = await ok(fx.clients.member1.post('/api/smart/check',
		{ title: 'Raise revenue by 10% by the end of 2030' }, { headers: { 'accept-language': 'en' } }));
	const codes = v.criteria.measurable.reasons.map((x) => x.code);
	assert.ok(codes.includes('change_no_baseline'), codes.join(' '));
	assert.ok(!codes.includes('no_target'), codes.join(' '));
	assert.ok(!v.questions.includes('How much?'), v.questions.join(' '));
	// with the baseline given, the change makes the target: no such warning
	const b = await ok(fx.clients.member1.post('/api/smart/check',
		{ title: 'Raise revenue by 10% by the end of 2030', baseline: 200000 },
		{ headers: { 'accept-language': 'en' } }));
	const bc = b.criteria.measurable.reasons.map((x) => x.code);
	assert.ok(!bc.includes('change_no_baseline') && !bc.includes('no_target'), bc.join(' '));
});

test('words no indicator matches: the verdict names them and asks which indicator they mean, in the language asked', async () => {
	const fr = await ok(fx.clients.member1.post('/api/smart/check',
		{ title: 'Augmenter les zorglubs de 10 % d\'ici fin 2030' }));
	assert.equal(fr.read.indicator, null);
	assert.equal(fr.read.indicator_text, 'zorglubs');
	assert.ok(fr.questions.includes('Quel indicateur désigne « zorglubs » ?'), fr.questions.join(' | '));
	assert.ok(fr.criteria.measurable.reasons.some((x) => x.code === 'indicator_unknown' &&
		x.message.includes('« zorglubs »')));
	const en = await ok(fx.clients.member1.post('/api/smart/check',
		{ title: 'Increase the flurbs by 10% by the end of 2030' }, { headers: { 'accept-language': 'en' } }));
	assert.ok(en.questions.includes("Which indicator does 'flurbs' mean?"), en.questions.join(' | '));
	// an indicator the draft names itself: nothing to ask
	const given = await ok(fx.clients.member1.post('/api/smart/check',
		{ title: 'Augmenter les zorglubs de 10 % d\'ici fin 2030', indicator: 'revenue' }));
	assert.ok(!given.questions.some((q) => /zorglubs/.test(q)));
	// a known indicator: no question either
	const known = await ok(fx.clients.member1.post('/api/smart/check',
		{ title: 'Augmenter le CA de 10 % d\'ici fin 2030' }));
	assert.ok(!known.criteria.measurable.reasons.some((x) => x.code === 'indicator_unknown'));
});

test('a title alone: its direction is the draft\'s unless the draft gives one', async () => {
	const title = 'Atteindre 300 appels traités d\'ici fin 2030';
	const v = await ok(fx.clients.member1.post('/api/smart/check', { title }));
	assert.equal(v.read.direction, 'reach');
	// a level to reach needs no baseline; an increase does
	assert.ok(!v.criteria.measurable.reasons.some((x) => x.code === 'no_baseline'),
		JSON.stringify(v.criteria.measurable));
	const given = await ok(fx.clients.member1.post('/api/smart/check', { title, direction: 'increase' }));
	assert.ok(given.criteria.measurable.reasons.some((x) => x.code === 'no_baseline'),
		JSON.stringify(given.criteria.measurable));
});

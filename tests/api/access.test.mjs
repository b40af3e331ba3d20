// The access matrix: every route of src/http/routes.c, tried as each role of
// the fixture organisation (see harness.mjs), with the status each must get.
// It reads as the specification of src/core/access.h:
//   admin    everything in their organisation;
//   hr       reads everything, changes nothing;
//   manager  reads and changes what belongs to the units they lead and below;
//   member   their own objectives, and the collective ones of their units above;
//   another organisation's admin sees nothing of ours (404, empty lists);
//   anonymous gets 401 everywhere but the public routes.
// An object one may not read answers 404; one readable but not writable, 403.
// A refused write leaves the database as it was: the org's audit trail keeps
// its length and the object reads back the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { PASSWORD, auditTotal, ok, startFixture } from './harness.mjs';

const ROLES = ['admin', 'managerA', 'managerB', 'member1', 'member2', 'hr', 'otherAdmin', 'anon'];
// refused attempts first, so that an accepted write (a revoked token, a
// cancelled objective) cannot hide a refusal that should have happened
const RUN_ORDER = ['anon', 'otherAdmin', 'hr', 'member2', 'managerB', 'member1', 'managerA', 'admin'];

let fx;  // { server, clients, units, people, axes, obj, otherOrg }

// A fresh individual objective of member1, under team A's collective one.
async function freshObjectiveOfMember1(status = 'draft') {
	const admin = fx.clients.admin;
	const o = await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
		owner_person_id: fx.people.member1, title: 'Marie : relancer les devis en attente' }), 201);
	for (const st of status === 'agreed' ? ['proposed', 'agreed'] : [])
		await ok(admin.patch(`/api/objectives/${o.id}`, { status: st }));
	return o.id;
}

// A challenge on team A's calls, and one made by the admin.
const challengeOfTeamA = (name, extra = {}) => ({ name, start: '2026-11-01', end: '2026-12-31',
	rule: 'raw', participants: { teams: [fx.units.teamA] },
	indicators: [{ key: 'calls_handled', target: 10 }], ...extra });
async function freshChallenge(extra = {}) {
	return (await ok(fx.clients.admin.post('/api/challenges',
		challengeOfTeamA('Défi de l\'équipe A', extra)), 201)).id;
}

// A feedback thread from manager A to member1; a one-to-one of theirs; an action of it.
async function freshThread() {
	return (await ok(fx.clients.managerA.post('/api/feedback', { to_id: fx.people.member1,
		text: 'Bon travail cette semaine.' }), 201)).id;
}
async function freshOneToOne() {
	return (await ok(fx.clients.managerA.post('/api/one-to-ones', { member_id: fx.people.member1,
		day: '2026-12-10' }), 201)).id;
}
async function freshAction() {
	const m = await freshOneToOne();
	return (await ok(fx.clients.managerA.post(`/api/one-to-ones/${m}/actions`,
		{ owner_id: fx.people.member1, title: 'Préparer les chiffres' }), 201)).id;
}

// A negotiation round waiting for member1: their in-app notification, and
// the email delivery that waits (no SMTP server in this suite).
async function freshNotificationOfMember1() {
	const id = await freshObjectiveOfMember1();
	await ok(fx.clients.managerA.post(`/api/objectives/${id}/rounds`, { kind: 'proposal',
		target: 42, bounds: { low_pct: 90, high_pct: 110 } }), 201);
	const mine = await ok(fx.clients.member1.get('/api/notifications'));
	const n = mine.items.find((i) => i.objective_id === id);
	const d = (await ok(fx.clients.admin.get('/api/notifications/deliveries?state=pending'))).items
		.find((x) => x.kind === 'negotiation_waiting' && x.recipient_id === fx.people.member1);
	return { notification: n.id, delivery: d.id };
}

// A yearly review of member1 (a year of its own each time, one current
// version per period), written, submitted by both, signed by both.
let reviewYear = 2040;
async function freshReview(stage = 'open') {
	const { managerA, member1 } = fx.clients;
	const r = await ok(managerA.post('/api/reviews', { person_id: fx.people.member1,
		period: 'year', year: reviewYear++ }), 201);
	if (stage === 'open') return r.id;
	// each side's steps at once (the two write different columns)
	await Promise.all([
		ok(member1.patch(`/api/reviews/${r.id}`, { self_assessment: 'Une bonne année.' })),
		ok(managerA.patch(`/api/reviews/${r.id}`, { manager_assessment: 'Des progrès nets.' }))]);
	if (stage === 'written') return r.id;
	await Promise.all([ok(member1.post(`/api/reviews/${r.id}/submit`)),
		ok(managerA.post(`/api/reviews/${r.id}/submit`))]);
	if (stage === 'submitted') return r.id;
	await ok(member1.post(`/api/reviews/${r.id}/sign`));
	await ok(managerA.post(`/api/reviews/${r.id}/sign`));
	return r.id;
}

// route, what it is tried on, the request, and the status per role in the
// order of ROLES:
//                                    admin mgrA mgrB  m1   m2   hr  other anon
const MATRIX = [
	{ route: 'GET /healthz', on: 'the health check', req: () => ['GET', '/healthz'],
		expect: [200, 200, 200, 200, 200, 200, 200, 200] },
	{ route: 'GET /api/openapi.json', on: 'the API description',
		req: () => ['GET', '/api/openapi.json'],
		expect: [200, 200, 200, 200, 200, 200, 200, 200] },
	{ route: 'POST /api/login', on: 'an unknown address',
		req: (role) => ['POST', '/api/login', { email: `inconnu.${role}@cible.test`,
			password: 'mauvais-mot-de-passe' }],
		expect: [401, 401, 401, 401, 401, 401, 401, 401] },
	{ route: 'GET /api/me', on: 'oneself', req: () => ['GET', '/api/me'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/me/password', on: 'oneself, with a wrong current password',
		req: () => ['POST', '/api/me/password', { current: 'pas-le-bon', new: 'tout-nouveau-mdp' }],
		expect: [403, 403, 403, 403, 403, 403, 403, 401] },
	{ route: 'GET /api/tokens', on: 'one\'s own tokens', req: () => ['GET', '/api/tokens'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/tokens', on: 'a token for oneself',
		req: (role) => ['POST', '/api/tokens', { name: `jeton ${role}` }],
		expect: [201, 201, 201, 201, 201, 201, 201, 401] },
	{ route: 'DELETE /api/tokens/{id}', on: 'a token of the admin',
		setup: async () => (await ok(fx.clients.admin.post('/api/tokens', { name: 'à révoquer' }),
			201)).id,
		req: (role, id) => ['DELETE', `/api/tokens/${id}`],
		expect: [200, 404, 404, 404, 404, 404, 404, 401] },
	{ route: 'DELETE /api/tokens/{id}', on: 'a token of member1 (its owner, or an admin)',
		fresh: true,
		setup: async () => (await ok(fx.clients.member1.post('/api/tokens', { name: 'script de Marie' }),
			201)).id,
		req: (role, id) => ['DELETE', `/api/tokens/${id}`],
		expect: [200, 404, 404, 200, 404, 404, 404, 401] },
	{ route: 'POST /api/login/unlock', on: 'the login delays of member1\'s email',
		req: () => ['POST', '/api/login/unlock', { email: 'membre1@cible.test' }],
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'POST /api/password-reset', on: 'a link that was never made',
		req: () => ['POST', '/api/password-reset', { token: 'rst_0000', password: 'un-mot-de-passe-neuf' }],
		expect: [410, 410, 410, 410, 410, 410, 410, 410] },
	{ route: 'GET /api/org', on: 'one\'s organisation', req: () => ['GET', '/api/org'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'PATCH /api/org', on: 'one\'s organisation',
		req: () => ['PATCH', '/api/org', { ambition: 'Être la référence du service client en 2027' }],
		probe: () => '/api/org',
		expect: [200, 403, 403, 403, 403, 403, 200, 401] },
	{ route: 'GET /api/units', on: 'the units', req: () => ['GET', '/api/units'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/units', on: 'a new team under team A',
		req: (role) => ['POST', '/api/units', { name: `Cellule ${role}`, kind: 'team',
			parent_id: fx.units.teamA }],
		probe: () => '/api/units',
		expect: [201, 201, 403, 403, 403, 403, 422, 401] },
	{ route: 'GET /api/units/{id}', on: 'team A', req: () => ['GET', `/api/units/${fx.units.teamA}`],
		expect: [200, 200, 200, 200, 200, 200, 404, 401] },
	{ route: 'PATCH /api/units/{id}', on: 'team A (a manager leads it, but shapes only what is under it)',
		req: () => ['PATCH', `/api/units/${fx.units.teamA}`, { name: 'Équipe A' }],
		probe: () => `/api/units/${fx.units.teamA}`,
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'GET /api/people', on: 'the people', req: () => ['GET', '/api/people'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/people', on: 'a new member of team A',
		req: (role) => ['POST', '/api/people', { name: `Recrue ${role}`,
			email: `recrue.${role}@cible.test`, unit_id: fx.units.teamA, role: 'member' }],
		probe: () => '/api/people?limit=500',
		expect: [201, 201, 403, 403, 403, 403, 422, 401] },
	{ route: 'GET /api/people/{id}', on: 'member1',
		req: () => ['GET', `/api/people/${fx.people.member1}`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'PATCH /api/people/{id}', on: 'member1',
		req: () => ['PATCH', `/api/people/${fx.people.member1}`, { job: 'Conseillère' }],
		probe: () => `/api/people/${fx.people.member1}`,
		expect: [200, 200, 404, 403, 404, 403, 404, 401] },
	{ route: 'PATCH /api/people/{id}', on: 'the hr person (a manager hands out no power)',
		req: () => ['PATCH', `/api/people/${fx.people.hr}`, { job: 'RH' }],
		probe: () => `/api/people/${fx.people.hr}`,
		expect: [200, 404, 404, 404, 404, 403, 404, 401] },
	{ route: 'PATCH /api/people/{id}', on: 'member1\'s password (oneself only, with the current one)',
		req: () => ['PATCH', `/api/people/${fx.people.member1}`, { password: 'un-mot-de-passe-neuf' }],
		probe: () => `/api/people/${fx.people.member1}`,
		expect: [403, 403, 404, 422, 404, 403, 404, 401] },
	{ route: 'GET /api/axes', on: 'the axes', req: () => ['GET', '/api/axes'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/axes', on: 'a new axis in one\'s organisation',
		req: (role) => ['POST', '/api/axes', { title: `Axe de ${role}` }],
		probe: () => '/api/axes',
		expect: [201, 403, 403, 403, 403, 403, 201, 401] },
	{ route: 'GET /api/axes/{id}', on: 'the main axis',
		req: () => ['GET', `/api/axes/${fx.axes.main}`],
		expect: [200, 200, 200, 200, 200, 200, 404, 401] },
	{ route: 'PATCH /api/axes/{id}', on: 'the main axis',
		req: () => ['PATCH', `/api/axes/${fx.axes.main}`, { title: 'Satisfaction client' }],
		probe: () => `/api/axes/${fx.axes.main}`,
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'GET /api/axes/{id}/cascade', on: 'the main axis',
		req: () => ['GET', `/api/axes/${fx.axes.main}/cascade`],
		expect: [200, 200, 200, 200, 200, 200, 404, 401] },
	{ route: 'GET /api/objectives', on: 'the objectives', req: () => ['GET', '/api/objectives'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'GET /api/objectives', on: 'the objectives one may read, as CSV',
		req: () => ['GET', '/api/objectives?format=csv'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/objectives', on: 'an individual objective of member1 under team A\'s',
		req: (role) => ['POST', '/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
			owner_person_id: fx.people.member1, title: `Marie : objectif posé par ${role}` }],
		probe: () => `/api/objectives?owner=${fx.people.member1}&limit=500`,
		// manager B and the other org cannot see the parent: for them it does not exist
		expect: [201, 201, 422, 201, 403, 403, 422, 401] },
	{ route: 'POST /api/objectives', on: 'a collective objective of team B',
		req: (role) => ['POST', '/api/objectives', { level: 'collective', parent_id: fx.obj.O,
			owner_unit_id: fx.units.teamB, title: `Équipe B : objectif posé par ${role}` }],
		probe: () => `/api/objectives?owner_unit=${fx.units.teamB}&limit=500`,
		expect: [201, 403, 201, 403, 403, 403, 422, 401] },
	{ route: 'GET /api/objectives/{id}', on: 'member1\'s individual objective',
		req: () => ['GET', `/api/objectives/${fx.obj.I1}`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/objectives/{id}', on: 'team B\'s collective objective',
		req: () => ['GET', `/api/objectives/${fx.obj.CB}`],
		expect: [200, 404, 200, 404, 404, 200, 404, 401] },
	{ route: 'GET /api/objectives/{id}', on: 'the strategic objective',
		req: () => ['GET', `/api/objectives/${fx.obj.S}`],
		expect: [200, 200, 200, 200, 200, 200, 404, 401] },
	{ route: 'PATCH /api/objectives/{id}', on: 'member1\'s draft objective',
		req: () => ['PATCH', `/api/objectives/${fx.obj.I1}`,
			{ title: 'Marie : traiter 40 rappels par jour' }],
		probe: () => `/api/objectives/${fx.obj.I1}`,
		expect: [200, 200, 404, 200, 404, 403, 404, 401] },
	{ route: 'PATCH /api/objectives/{id}', on: 'member1\'s agreed objective (one\'s own is agreed with one\'s manager)',
		setup: () => freshObjectiveOfMember1('agreed'),
		req: (role, id) => ['PATCH', `/api/objectives/${id}`, { confidence: 0.5 }],
		probe: (id) => `/api/objectives/${id}`,
		expect: [200, 200, 404, 403, 404, 403, 404, 401] },
	{ route: 'PATCH /api/objectives/{id}', on: 'team A\'s collective objective',
		req: () => ['PATCH', `/api/objectives/${fx.obj.CA}`, { confidence: 0.8 }],
		probe: () => `/api/objectives/${fx.obj.CA}`,
		expect: [200, 200, 404, 403, 403, 403, 404, 401] },
	{ route: 'PATCH /api/objectives/{id}', on: 'the strategic objective',
		req: () => ['PATCH', `/api/objectives/${fx.obj.S}`, { confidence: 0.6 }],
		probe: () => `/api/objectives/${fx.obj.S}`,
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'POST /api/objectives/{id}/cancel', on: 'a fresh draft objective of member1',
		fresh: true, setup: () => freshObjectiveOfMember1(),
		req: (role, id) => ['POST', `/api/objectives/${id}/cancel`],
		probe: (id) => `/api/objectives/${id}`,
		expect: [200, 200, 404, 200, 404, 403, 404, 401] },
	{ route: 'GET /api/objectives/{id}/cascade', on: 'member1\'s individual objective',
		req: () => ['GET', `/api/objectives/${fx.obj.I1}/cascade`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/objectives/{id}/cascade', on: 'the strategic objective',
		req: () => ['GET', `/api/objectives/${fx.obj.S}/cascade`],
		expect: [200, 200, 200, 200, 200, 200, 404, 401] },
	{ route: 'GET /api/objectives/{id}/path', on: 'member1\'s individual objective',
		req: () => ['GET', `/api/objectives/${fx.obj.I1}/path`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/objectives/{id}/audit', on: 'member1\'s individual objective',
		req: () => ['GET', `/api/objectives/${fx.obj.I1}/audit`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/audit', on: 'the whole audit trail', req: () => ['GET', '/api/audit'],
		expect: [200, 403, 403, 403, 403, 200, 200, 401] },
	{ route: 'GET /api/audit', on: 'the whole audit trail as CSV',
		req: () => ['GET', '/api/audit?format=csv'],
		expect: [200, 403, 403, 403, 403, 200, 200, 401] },
	{ route: 'GET /api/activity', on: 'the activity records one may read',
		req: () => ['GET', '/api/activity'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/activity', on: 'a call of member1 (team A)',
		req: (role) => ['POST', '/api/activity', { kind: 'call', records: [{
			source_id: `appel-${role}`, person: String(fx.people.member1),
			at: '2027-01-04T09:30:00Z', fields: { answered: 'Y' } }] }],
		probe: () => `/api/activity?person=${fx.people.member1}`,
		expect: [200, 200, 422, 403, 403, 403, 422, 401] },
	{ route: 'POST /api/import', on: 'a file of calls of member1 (team A)',
		req: (role) => ['POST', '/api/import', { kind: 'call', person: 'agent', date: 'day',
			id: 'ref', fields: [{ name: 'answered', column: 'ok', type: 'bool' }],
			data: `ref,agent,day,ok\nimp-${role},${fx.people.member1},2027-01-05,Y\n` }],
		probe: () => `/api/activity?person=${fx.people.member1}`,
		// manager B may import, but not for member1: the row is refused, nothing stored
		expect: [200, 200, 422, 403, 403, 403, 422, 401] },
	{ route: 'POST /api/import', on: 'the same file sent as itself (text/csv, options in the query)',
		req: (role) => ['POST', '/api/import?kind=call&person=agent&date=day&id=ref&field='
			+ encodeURIComponent('answered=ok:bool'), undefined,
			{ raw: `ref,agent,day,ok\nfile-${role},${fx.people.member1},2027-01-06,Y\n`,
			  headers: { 'content-type': 'text/csv' } }],
		probe: () => `/api/activity?person=${fx.people.member1}`,
		expect: [200, 200, 422, 403, 403, 403, 422, 401] },
	{ route: 'POST /api/smart/check', on: 'a draft sentence (nothing stored)',
		req: () => ['POST', '/api/smart/check', { title: 'Améliorer la qualité' }],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'GET /api/alerts', on: 'the alerts one may see', req: () => ['GET', '/api/alerts'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'GET /api/objectives/{id}/progress', on: 'member1\'s individual objective',
		req: () => ['GET', `/api/objectives/${fx.obj.I1}/progress`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/objectives/{id}/checkins', on: 'member1\'s individual objective',
		req: () => ['GET', `/api/objectives/${fx.obj.I1}/checkins`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/objectives/{id}/checkins', on: 'member1\'s check-ins as a workbook',
		req: () => ['GET', `/api/objectives/${fx.obj.I1}/checkins?format=xlsx`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'POST /api/objectives/{id}/checkins', on: 'member1\'s individual objective',
		req: (role) => ['POST', `/api/objectives/${fx.obj.I1}/checkins`,
			{ comment: `Point de ${role}`, confidence: 'at_risk' }],
		probe: () => `/api/objectives/${fx.obj.I1}/checkins`,
		expect: [201, 201, 404, 201, 404, 403, 404, 401] },
	{ route: 'POST /api/objectives/{id}/checkins', on: 'team A\'s collective objective',
		req: (role) => ['POST', `/api/objectives/${fx.obj.CA}/checkins`, { comment: `Point de ${role}` }],
		probe: () => `/api/objectives/${fx.obj.CA}/checkins`,
		expect: [201, 201, 404, 403, 403, 403, 404, 401] },
	{ route: 'GET /api/objectives/{id}/rounds', on: 'member1\'s individual objective',
		req: () => ['GET', `/api/objectives/${fx.obj.I1}/rounds`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	// a manager of the scope (or an admin) opens the first round; member1 did
	// not propose this one (the admin did), so may not open it; hr reads, is no party
	{ route: 'POST /api/objectives/{id}/rounds', on: 'a proposal on a fresh draft of member1',
		fresh: true, setup: () => freshObjectiveOfMember1(),
		req: (role, id) => ['POST', `/api/objectives/${id}/rounds`, { kind: 'proposal',
			target: 40, bounds: { low_pct: 90, high_pct: 110 }, reason: `Proposition de ${role}` }],
		probe: (id) => `/api/objectives/${id}/rounds`,
		expect: [201, 201, 404, 403, 404, 403, 404, 401] },
	// the manager's side (admin, manager A) proposed: only the owner's side accepts
	{ route: 'POST /api/objectives/{id}/rounds', on: 'accepting manager A\'s proposal to member1',
		fresh: true, setup: async () => {
			const id = await freshObjectiveOfMember1();
			await ok(fx.clients.managerA.post(`/api/objectives/${id}/rounds`, { kind: 'proposal',
				target: 40, bounds: { low: 36, high: 44 } }), 201);
			return id;
		},
		req: (role, id) => ['POST', `/api/objectives/${id}/rounds`, { kind: 'accept' }],
		probe: (id) => `/api/objectives/${id}/rounds`,
		expect: [409, 409, 404, 201, 404, 403, 404, 401] },
	{ route: 'GET /api/notifications', on: 'one\'s own notifications',
		req: () => ['GET', '/api/notifications'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/notifications/{id}/read', on: 'member1\'s notification',
		setup: () => freshNotificationOfMember1(),
		req: (role, x) => ['POST', `/api/notifications/${x.notification}/read`],
		expect: [404, 404, 404, 200, 404, 404, 404, 401] },
	{ route: 'POST /api/notifications/read-all', on: 'one\'s own notifications',
		req: () => ['POST', '/api/notifications/read-all'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'GET /api/notifications/preferences', on: 'one\'s own preferences',
		req: () => ['GET', '/api/notifications/preferences'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'PUT /api/notifications/preferences', on: 'one\'s own preferences',
		req: () => ['PUT', '/api/notifications/preferences', { kinds: [{ kind: 'due_soon', chat: true }] }],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'GET /api/notifications/deliveries', on: 'the organisation\'s deliveries',
		req: () => ['GET', '/api/notifications/deliveries'],
		expect: [200, 403, 403, 403, 403, 403, 200, 401] },
	{ route: 'POST /api/notifications/deliveries/{id}/retry', on: 'a delivery waiting (not failed)',
		setup: () => freshNotificationOfMember1(),
		req: (role, x) => ['POST', `/api/notifications/deliveries/${x.delivery}/retry`],
		expect: [409, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'GET /api/notifications/channels', on: 'the chat places',
		req: () => ['GET', '/api/notifications/channels'],
		expect: [200, 403, 403, 403, 403, 403, 200, 401] },
	{ route: 'POST /api/notifications/channels', on: 'a Slack place for the organisation',
		req: (role) => ['POST', '/api/notifications/channels', { kind: 'slack', name: `Slack ${role}`,
			url: 'https://hooks.slack.com/services/T000/B000/XXXX' }],
		probe: () => '/api/notifications/channels',
		expect: [201, 403, 403, 403, 403, 403, 201, 401] },
	{ route: 'DELETE /api/notifications/channels/{id}', on: 'a Teams place of the organisation',
		setup: async () => (await ok(fx.clients.admin.post('/api/notifications/channels', {
			kind: 'teams', name: 'Teams', url: 'https://example.webhook.office.com/workflows/1' }),
		201)).id,
		req: (role, id) => ['DELETE', `/api/notifications/channels/${id}`],
		probe: () => '/api/notifications/channels',
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'GET /api/cadences', on: 'the organisation\'s cadences', req: () => ['GET', '/api/cadences'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'PUT /api/cadences', on: 'team A\'s cadence',
		req: () => ['PUT', '/api/cadences', { scope: 'unit', scope_id: fx.units.teamA, every: 'weekly' }],
		probe: () => '/api/cadences',
		expect: [200, 200, 403, 403, 403, 403, 422, 401] },
	{ route: 'GET /api/feedback', on: 'one\'s own feedback', req: () => ['GET', '/api/feedback'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/feedback', on: 'feedback to member1 (admin leads the company, above manager A)',
		req: (role) => ['POST', '/api/feedback', { to_id: fx.people.member1, text: `Retour de ${role}` }],
		expect: [201, 201, 422, 422, 422, 403, 422, 401] },
	{ route: 'GET /api/feedback/{id}', on: 'manager A\'s feedback to member1',
		setup: () => freshThread(), req: (role, id) => ['GET', `/api/feedback/${id}`],
		expect: [404, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'POST /api/feedback/{id}/replies', on: 'manager A\'s feedback to member1',
		setup: () => freshThread(),
		req: (role, id) => ['POST', `/api/feedback/${id}/replies`, { text: `Réponse de ${role}` }],
		expect: [404, 201, 404, 201, 404, 403, 404, 401] },
	{ route: 'POST /api/feedback/{id}/close', on: 'manager A\'s feedback to member1',
		fresh: true, setup: () => freshThread(), req: (role, id) => ['POST', `/api/feedback/${id}/close`],
		expect: [404, 200, 404, 200, 404, 403, 404, 401] },
	{ route: 'GET /api/one-to-ones', on: 'one\'s own one-to-ones', req: () => ['GET', '/api/one-to-ones'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/one-to-ones', on: 'manager A and member1',
		req: () => ['POST', '/api/one-to-ones', { manager_id: fx.people.managerA,
			member_id: fx.people.member1, day: '2026-12-17' }],
		expect: [403, 201, 403, 201, 403, 403, 422, 401] },
	{ route: 'GET /api/one-to-ones/{id}', on: 'manager A and member1\'s one-to-one',
		setup: () => freshOneToOne(), req: (role, id) => ['GET', `/api/one-to-ones/${id}`],
		expect: [404, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'PATCH /api/one-to-ones/{id}', on: 'manager A and member1\'s one-to-one',
		setup: () => freshOneToOne(),
		req: (role, id) => ['PATCH', `/api/one-to-ones/${id}`, { shared_notes: `Notes de ${role}` }],
		expect: [404, 200, 404, 200, 404, 403, 404, 401] },
	{ route: 'POST /api/one-to-ones/{id}/actions', on: 'manager A and member1\'s one-to-one',
		setup: () => freshOneToOne(),
		req: (role, id) => ['POST', `/api/one-to-ones/${id}/actions`, { owner_id: fx.people.member1,
			title: `Action de ${role}` }],
		expect: [404, 201, 404, 201, 404, 403, 404, 401] },
	{ route: 'PATCH /api/actions/{id}', on: 'an action of manager A and member1\'s one-to-one',
		fresh: true, setup: () => freshAction(),
		req: (role, id) => ['PATCH', `/api/actions/${id}`, { done: true }],
		expect: [404, 200, 404, 200, 404, 403, 404, 401] },
	// a manager of the team's scope (or an admin) shares a team objective out;
	// its readers who are no manager of it may not
	{ route: 'POST /api/objectives/{id}/share-out', on: 'a fresh objective of team A',
		fresh: true, setup: async () => (await ok(fx.clients.admin.post('/api/objectives', {
			level: 'collective', parent_id: fx.obj.O, owner_unit_id: fx.units.teamA,
			title: 'Équipe A : 1 000 rappels', indicator: 'calls_handled', unit: 'appels',
			direction: 'increase', target: 1000, start: '2027-01-01', due: '2027-03-31' }), 201)).id,
		req: (role, id) => ['POST', `/api/objectives/${id}/share-out`, { method: 'even' }],
		probe: (id) => `/api/objectives?parent=${id}`,
		expect: [201, 201, 404, 403, 403, 403, 404, 401] },
	// the organisation's words for its indicators: admins only (issue 18)
	{ route: 'GET /api/indicator-synonyms', on: 'the organisation\'s indicator synonyms',
		req: () => ['GET', '/api/indicator-synonyms'],
		expect: [200, 403, 403, 403, 403, 403, 200, 401] },
	{ route: 'POST /api/indicator-synonyms', on: 'a phrase for the AHT (admins add them)',
		req: (role) => ['POST', '/api/indicator-synonyms', { lang: 'fr', phrase: `mot de ${role}`, indicator: 'aht' }],
		probe: () => '/api/indicator-synonyms',
		expect: [200, 403, 403, 403, 403, 403, 200, 401] },
	{ route: 'DELETE /api/indicator-synonyms', on: 'a phrase of the organisation',
		fresh: true, setup: async () => (await ok(fx.clients.admin.post('/api/indicator-synonyms', {
			lang: 'fr', phrase: `mot ${Math.random()}`, indicator: 'asa' }))).phrase,
		req: (role, phrase) => ['DELETE', `/api/indicator-synonyms?lang=fr&phrase=${encodeURIComponent(phrase)}`],
		probe: () => '/api/indicator-synonyms',
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'GET /api/ramp-plans', on: 'the organisation\'s ramp-up plans',
		req: () => ['GET', '/api/ramp-plans'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/ramp-plans', on: 'a plan for a job (admin and hr set them)',
		req: (role) => ['POST', '/api/ramp-plans', { job: `Poste ${role}`, steps: [50, 75] }],
		probe: () => '/api/ramp-plans',
		expect: [200, 403, 403, 403, 403, 200, 200, 401] },
	{ route: 'DELETE /api/ramp-plans/{id}', on: 'a plan of the organisation',
		fresh: true, setup: async () => (await ok(fx.clients.admin.post('/api/ramp-plans', {
			job: `Poste ${Math.random()}`, steps: [25, 50, 75] }))).id,
		req: (role, id) => ['DELETE', `/api/ramp-plans/${id}`],
		probe: () => '/api/ramp-plans',
		expect: [200, 403, 403, 403, 403, 200, 404, 401] },
	{ route: 'GET /api/people/{id}/suggested-target', on: 'member1, on the direction\'s objective',
		req: () => ['GET', `/api/people/${fx.people.member1}/suggested-target?goal=${fx.obj.O}`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/reviews', on: 'the reviews one may read', req: () => ['GET', '/api/reviews'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/reviews', on: 'a yearly review of member1 (a year per role)',
		req: (role) => ['POST', '/api/reviews', { person_id: fx.people.member1, period: 'year',
			year: 2030 + ROLES.indexOf(role) }],
		expect: [201, 201, 404, 201, 404, 201, 422, 401] },
	{ route: 'GET /api/reviews/{id}', on: 'member1\'s review',
		setup: () => freshReview(), req: (role, id) => ['GET', `/api/reviews/${id}`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'PATCH /api/reviews/{id}', on: 'member1\'s review, the shared texts',
		setup: () => freshReview(),
		req: (role, id) => ['PATCH', `/api/reviews/${id}`, { worked: `Écrit par ${role}` }],
		expect: [403, 200, 404, 200, 404, 403, 404, 401] },
	{ route: 'POST /api/reviews/{id}/submit', on: 'member1\'s written review',
		fresh: true, setup: () => freshReview('written'),
		req: (role, id) => ['POST', `/api/reviews/${id}/submit`],
		expect: [403, 200, 404, 200, 404, 403, 404, 401] },
	{ route: 'POST /api/reviews/{id}/sign', on: 'member1\'s submitted review',
		fresh: true, setup: () => freshReview('submitted'),
		req: (role, id) => ['POST', `/api/reviews/${id}/sign`],
		expect: [403, 200, 404, 200, 404, 403, 404, 401] },
	{ route: 'POST /api/reviews/{id}/reopen', on: 'member1\'s signed review',
		fresh: true, setup: () => freshReview('signed'),
		req: (role, id) => ['POST', `/api/reviews/${id}/reopen`, { reason: `Rouvert par ${role}` }],
		expect: [403, 201, 404, 201, 404, 403, 404, 401] },
	{ route: 'POST /api/reviews/{id}/drafts', on: 'member1\'s signed review',
		fresh: true, setup: () => freshReview('signed'),
		req: (role, id) => ['POST', `/api/reviews/${id}/drafts`, { items: [{
			title: 'Marie : traiter 45 rappels par jour', axis_id: fx.axes.main }] }],
		expect: [403, 201, 404, 403, 404, 403, 404, 401] },
	{ route: 'GET /api/reviews/{id}/pdf', on: 'member1\'s review',
		setup: () => freshReview(), req: (role, id) => ['GET', `/api/reviews/${id}/pdf`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/people/{id}/dashboard', on: 'member1',
		req: () => ['GET', `/api/people/${fx.people.member1}/dashboard`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/people/{id}/dashboard', on: 'member1\'s objectives as a workbook',
		req: () => ['GET', `/api/people/${fx.people.member1}/dashboard?format=xlsx`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/people/{id}/dashboard', on: 'member1\'s objectives as a PDF report',
		req: () => ['GET', `/api/people/${fx.people.member1}/dashboard?format=pdf`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/people/{id}/dashboard', on: 'member2\'s objectives as a PDF report',
		req: () => ['GET', `/api/people/${fx.people.member2}/dashboard?format=pdf`],
		expect: [200, 200, 404, 404, 200, 200, 404, 401] },
	{ route: 'GET /api/units/{id}/dashboard', on: 'team A',
		req: () => ['GET', `/api/units/${fx.units.teamA}/dashboard`],
		expect: [200, 200, 403, 403, 403, 200, 404, 401] },
	{ route: 'GET /api/units/{id}/dashboard', on: 'team A, every result recomputed',
		req: () => ['GET', `/api/units/${fx.units.teamA}/dashboard?fresh=1`],
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'GET /api/units/{id}/dashboard', on: 'team A\'s dashboard as CSV',
		req: () => ['GET', `/api/units/${fx.units.teamA}/dashboard?format=csv`],
		expect: [200, 200, 403, 403, 403, 200, 404, 401] },
	{ route: 'GET /api/units/{id}/dashboard', on: 'team A\'s dashboard as a PDF report',
		req: () => ['GET', `/api/units/${fx.units.teamA}/dashboard?format=pdf`],
		expect: [200, 200, 403, 403, 403, 200, 404, 401] },
	{ route: 'GET /api/indicators', on: 'the indicators', req: () => ['GET', '/api/indicators'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/indicators', on: 'a new indicator in one\'s organisation',
		req: (role) => ['POST', '/api/indicators', { key: `rappels_${role.toLowerCase()}`,
			kind: 'callback', expr: 'count() where done', name_fr: `Rappels (${role})` }],
		probe: () => '/api/indicators',
		expect: [201, 403, 403, 403, 403, 403, 201, 401] },
	{ route: 'POST /api/indicators/try', on: 'an expression over member1\'s calls',
		req: () => ['POST', '/api/indicators/try', { expr: 'count()', kind: 'call',
			person: String(fx.people.member1) }],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/indicators/{id}', on: 'a ready-made indicator',
		setup: async () => (await ok(fx.clients.admin.get('/api/indicators'))).items[0].id,
		req: (role, id) => ['GET', `/api/indicators/${id}`],
		expect: [200, 200, 200, 200, 200, 200, 404, 401] },
	{ route: 'PATCH /api/indicators/{id}', on: 'a ready-made indicator\'s English name',
		setup: async () => (await ok(fx.clients.admin.get('/api/indicators'))).items[0].id,
		req: (role, id) => ['PATCH', `/api/indicators/${id}`, { name_en: `Calls (${role})` }],
		probe: (id) => `/api/indicators/${id}`,
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'DELETE /api/indicators/{id}', on: 'an indicator no objective uses',
		fresh: true,
		setup: async () => (await ok(fx.clients.admin.post('/api/indicators', {
			key: `jetable_${Math.random().toString(36).slice(2, 8)}`, kind: 'call',
			expr: 'count()', name_fr: 'Jetable' }), 201)).id,
		req: (role, id) => ['DELETE', `/api/indicators/${id}`],
		probe: (id) => `/api/indicators/${id}`,
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	// challenges: created by the admin on team A (a manager reaches only their units)
	{ route: 'GET /api/challenges', on: 'the challenges', req: () => ['GET', '/api/challenges'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
	{ route: 'POST /api/challenges', on: 'a challenge for team A',
		req: (role) => ['POST', '/api/challenges', challengeOfTeamA(`Défi ${role}`)],
		probe: () => '/api/challenges',
		expect: [201, 201, 422, 403, 403, 403, 422, 401] },
	{ route: 'GET /api/challenges/{id}', on: 'a challenge of team A seen by its participants',
		setup: () => freshChallenge({ visibility: 'participants' }),
		req: (role, id) => ['GET', `/api/challenges/${id}`],
		expect: [200, 200, 404, 200, 200, 200, 404, 401] },
	{ route: 'GET /api/challenges/{id}/board', on: 'a challenge of team A seen by its participants',
		setup: () => freshChallenge({ visibility: 'participants' }),
		req: (role, id) => ['GET', `/api/challenges/${id}/board`],
		expect: [200, 200, 404, 200, 200, 200, 404, 401] },
	{ route: 'POST /api/challenges/{id}/close', on: 'a finished challenge of team A (the admin made it)',
		fresh: true, setup: () => freshChallenge({ start: '2026-01-01', end: '2026-01-31' }),
		req: (role, id) => ['POST', `/api/challenges/${id}/close`],
		probe: (id) => `/api/challenges/${id}`,
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'POST /api/challenges/{id}/rerun', on: 'a closed challenge of team A',
		fresh: true, setup: async () => {
			const id = await freshChallenge({ start: '2026-01-01', end: '2026-01-31' });
			await ok(fx.clients.admin.post(`/api/challenges/${id}/close`));
			return id;
		},
		req: (role, id) => ['POST', `/api/challenges/${id}/rerun`],
		probe: (id) => `/api/challenges/${id}/results`,
		expect: [200, 403, 403, 403, 403, 403, 404, 401] },
	{ route: 'GET /api/challenges/{id}/results', on: 'a closed challenge of team A',
		setup: async () => {
			const id = await freshChallenge({ start: '2026-01-01', end: '2026-01-31' });
			await ok(fx.clients.admin.post(`/api/challenges/${id}/close`));
			return id;
		},
		req: (role, id) => ['GET', `/api/challenges/${id}/results`],
		expect: [200, 200, 200, 200, 200, 200, 404, 401] },
	{ route: 'GET /api/challenges/{id}/export', on: 'a challenge of team A seen by everyone',
		setup: () => freshChallenge(),
		req: (role, id) => ['GET', `/api/challenges/${id}/export?format=csv`],
		expect: [200, 200, 200, 200, 200, 200, 404, 401] },
	{ route: 'GET /api/people/{id}/badges', on: 'member1\'s trophy case',
		req: () => ['GET', `/api/people/${fx.people.member1}/badges`],
		expect: [200, 200, 404, 200, 404, 200, 404, 401] },
	{ route: 'GET /api/units/{id}/badges', on: 'team A\'s badges and wins',
		req: () => ['GET', `/api/units/${fx.units.teamA}/badges`],
		expect: [200, 200, 403, 403, 403, 200, 404, 401] },
	// a calendar address is its person's: only they make one; they and an
	// admin see whether there is one and revoke it; the feed is public (the
	// address is the key)
	{ route: 'GET /api/people/{id}/calendar-feed', on: 'member1\'s calendar address',
		req: () => ['GET', `/api/people/${fx.people.member1}/calendar-feed`],
		expect: [200, 403, 404, 200, 404, 403, 404, 401] },
	{ route: 'POST /api/people/{id}/calendar-feed', on: 'a calendar address for member1',
		req: () => ['POST', `/api/people/${fx.people.member1}/calendar-feed`],
		expect: [403, 403, 404, 201, 404, 403, 404, 401] },
	{ route: 'DELETE /api/people/{id}/calendar-feed', on: 'member1\'s calendar address, made afresh',
		fresh: true,
		setup: async () => (await ok(fx.clients.member1.post(
			`/api/people/${fx.people.member1}/calendar-feed`), 201)).path,
		req: () => ['DELETE', `/api/people/${fx.people.member1}/calendar-feed`],
		expect: [200, 403, 404, 200, 404, 403, 404, 401] },
	{ route: 'GET /api/calendar/{feed}', on: 'member2\'s calendar feed at its secret address',
		setup: async () => (await ok(fx.clients.member2.post(
			`/api/people/${fx.people.member2}/calendar-feed`), 201)).path,
		req: (role, path) => ['GET', path],
		expect: [200, 200, 200, 200, 200, 200, 200, 200] },
	// last: it ends the sessions every row above used
	{ route: 'POST /api/logout', on: 'one\'s own session', req: () => ['POST', '/api/logout'],
		expect: [200, 200, 200, 200, 200, 200, 200, 401] },
];

before(async () => { fx = await startFixture(); });
after(async () => { await fx.server.stop(); });

test('every route of the route table has a row in the access matrix', () => {
	const src = readFileSync(new URL('../../src/http/routes.c', import.meta.url), 'utf8');
	const routes = [...src.matchAll(/\{\s*"([A-Z]+)",\s*"([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
	assert.ok(routes.length > 10, 'routes.c was read');
	const covered = new Set(MATRIX.map((r) => r.route));
	assert.deepEqual(routes.filter((r) => !covered.has(r)), []);
	for (const row of MATRIX) assert.equal(row.expect.length, ROLES.length, row.route);
});

// The objectives, people and units of the fixture each role may see.
const SEES_OBJECTIVES = {
	admin: ['S', 'O', 'CA', 'CB', 'I1', 'I2', 'I3'],
	hr: ['S', 'O', 'CA', 'CB', 'I1', 'I2', 'I3'],
	managerA: ['S', 'O', 'CA', 'I1', 'I2'],
	managerB: ['S', 'O', 'CB', 'I3'],
	member1: ['S', 'O', 'CA', 'I1'],
	member2: ['S', 'O', 'CA', 'I2'],
	member3: ['S', 'O', 'CB', 'I3'],
	otherAdmin: [],
};
const SEES_PEOPLE = {
	admin: ['admin', 'hr', 'managerA', 'managerB', 'member1', 'member2', 'member3'],
	hr: ['admin', 'hr', 'managerA', 'managerB', 'member1', 'member2', 'member3'],
	managerA: ['managerA', 'member1', 'member2'],
	managerB: ['managerB', 'member3'],
	member1: ['member1'],
	member2: ['member2'],
	member3: ['member3'],
	otherAdmin: [],
};

// the fixture keys among a list of ids, in fixture order
const keysOf = (table, ids) => Object.keys(table).filter((k) => ids.includes(table[k]));
const flatten = (node) => [node.id, ...node.children.flatMap(flatten)];

describe('what each role sees', () => {
	for (const [role, expected] of Object.entries(SEES_OBJECTIVES)) {
		test(`${role} lists exactly the objectives ${expected.join(', ') || '(none of ours)'}`, async () => {
			const list = await ok(fx.clients[role].get('/api/objectives?limit=500'));
			assert.deepEqual(keysOf(fx.obj, list.items.map((x) => x.id)), expected);
			if (role === 'otherAdmin') assert.equal(list.total, 0);
		});
		test(`${role} reads those objectives one by one and gets 404 for the others`, async () => {
			for (const [key, id] of Object.entries(fx.obj)) {
				const r = await fx.clients[role].get(`/api/objectives/${id}`);
				assert.equal(r.status, expected.includes(key) ? 200 : 404, `${role} GET ${key}`);
				if (r.status === 404) assert.equal(r.body.error.code, 'not_found');
			}
		});
		if (role !== 'otherAdmin')
			test(`${role} sees the same objectives in the cascade of the axis`, async () => {
				const tree = await ok(fx.clients[role].get(`/api/axes/${fx.axes.main}/cascade`));
				const ids = tree.children.flatMap(flatten);
				assert.deepEqual(keysOf(fx.obj, ids), expected);
			});
	}
	for (const [role, expected] of Object.entries(SEES_PEOPLE))
		test(`${role} lists exactly the people ${expected.join(', ') || '(none of ours)'}`, async () => {
			const list = await ok(fx.clients[role].get('/api/people?limit=500'));
			assert.deepEqual(keysOf(fx.people, list.items.map((x) => x.id)), expected);
			assert.equal(list.total, role === 'otherAdmin' ? 2 : expected.length);
		});
	test('every role of the organisation lists all its units and axes; the other organisation none', async () => {
		for (const role of Object.keys(SEES_PEOPLE)) {
			const units = (await ok(fx.clients[role].get('/api/units'))).items.map((u) => u.id);
			const axes = (await ok(fx.clients[role].get('/api/axes'))).items.map((x) => x.id);
			const mine = role !== 'otherAdmin';
			assert.deepEqual(keysOf(fx.units, units), mine ? Object.keys(fx.units) : [], role);
			assert.deepEqual(keysOf(fx.axes, axes), mine ? Object.keys(fx.axes) : [], role);
		}
	});
	test('a member reads the path of their objective up to the ambition, through objectives above them', async () => {
		const path = await ok(fx.clients.member1.get(`/api/objectives/${fx.obj.I1}/path`));
		assert.deepEqual(keysOf(fx.obj, path.path.map((x) => x.id)), ['S', 'O', 'CA', 'I1']);
		assert.deepEqual(path.path.map((x) => x.id), [fx.obj.I1, fx.obj.CA, fx.obj.O, fx.obj.S]);
		assert.equal(path.axis.id, fx.axes.main);
		assert.equal(path.ambition, fx.server.ambition);
	});
	test('the cascade under the strategic objective hides the branches a member may not read', async () => {
		const tree = await ok(fx.clients.member1.get(`/api/objectives/${fx.obj.S}/cascade`));
		assert.deepEqual(keysOf(fx.obj, flatten(tree)), ['S', 'O', 'CA', 'I1']);
	});
	test('the other organisation\'s admin finds none of our objects in its audit trail', async () => {
		const trail = await ok(fx.clients.otherAdmin.get('/api/audit?limit=500'));
		const ours = { objective: fx.obj, unit: fx.units, person: fx.people, axis: fx.axes };
		for (const e of trail.items)
			assert.ok(!Object.values(ours[e.entity] || {}).includes(e.entity_id),
				`entry ${JSON.stringify(e)}`);
		assert.ok(trail.items.some((e) => e.entity === 'org' && e.entity_id === fx.otherOrg.id),
			'its own trail starts with its own init');
		assert.ok(!trail.items.some((e) => e.actor_id && Object.values(fx.people).includes(e.actor_id)));
	});
	test('the other organisation\'s admin reads its own organisation, not ours', async () => {
		const org = await ok(fx.clients.otherAdmin.get('/api/org'));
		assert.equal(org.id, fx.otherOrg.id);
		assert.equal(org.name, 'Autre Société');
	});
});

describe('objectives: who proposes, who agrees', () => {
	test('a member proposes their own draft objective but cannot agree it (403), and it stays proposed', async () => {
		const id = await freshObjectiveOfMember1();
		const m1 = fx.clients.member1;
		assert.equal((await ok(m1.patch(`/api/objectives/${id}`, { status: 'proposed' }))).status,
			'proposed');
		const n0 = await auditTotal(fx.clients.admin);
		const r = await m1.patch(`/api/objectives/${id}`, { status: 'agreed' });
		assert.equal(r.status, 403);
		assert.equal(r.body.error.code, 'forbidden');
		assert.equal((await ok(fx.clients.admin.get(`/api/objectives/${id}`))).status, 'proposed');
		assert.equal(await auditTotal(fx.clients.admin), n0);
		assert.equal((await ok(fx.clients.managerA.patch(`/api/objectives/${id}`,
			{ status: 'agreed' }))).status, 'agreed');
	});
	test('a member cannot hand their objective to someone else (403)', async () => {
		const id = await freshObjectiveOfMember1();
		const r = await fx.clients.member1.patch(`/api/objectives/${id}`,
			{ owner_person_id: fx.people.member2 });
		assert.equal(r.status, 403);
		assert.equal((await ok(fx.clients.admin.get(`/api/objectives/${id}`))).owner_person_id,
			fx.people.member1);
	});
	test('a manager cannot move an objective of their team to a unit they do not manage (403)', async () => {
		const id = await freshObjectiveOfMember1();
		const r = await fx.clients.managerA.patch(`/api/objectives/${id}`,
			{ owner_person_id: fx.people.member3, parent_id: fx.obj.CB });
		assert.ok([403, 422].includes(r.status), `${r.status} ${r.text}`);
		const o = await ok(fx.clients.admin.get(`/api/objectives/${id}`));
		assert.equal(o.owner_person_id, fx.people.member1);
		assert.equal(o.parent_id, fx.obj.CA);
	});
	test('a manager cannot agree their own individual objective, but their manager\'s admin can', async () => {
		const admin = fx.clients.admin;
		const o = await ok(admin.post('/api/objectives', { level: 'individual', parent_id: fx.obj.CA,
			owner_person_id: fx.people.managerA, title: 'Marc : coacher chaque membre chaque semaine',
			status: 'proposed' }), 201);
		const r = await fx.clients.managerA.patch(`/api/objectives/${o.id}`, { status: 'agreed' });
		assert.equal(r.status, 403);
		assert.equal((await ok(admin.get(`/api/objectives/${o.id}`))).status, 'proposed');
		assert.equal((await ok(admin.patch(`/api/objectives/${o.id}`, { status: 'agreed' }))).status,
			'agreed');
	});
	test('a manager cannot give a person the admin role (403) nor change themselves', async () => {
		const mA = fx.clients.managerA;
		const r = await mA.patch(`/api/people/${fx.people.member1}`, { role: 'admin' });
		assert.equal(r.status, 403);
		assert.equal((await ok(fx.clients.admin.get(`/api/people/${fx.people.member1}`))).role, 'member');
		const self = await mA.patch(`/api/people/${fx.people.managerA}`, { job: 'Chef' });
		assert.equal(self.status, 403);
	});
});

describe('the access matrix', () => {
	for (const row of MATRIX) {
		describe(`${row.route} on ${row.on}`, () => {
			let shared;
			before(async () => { if (row.setup && !row.fresh) shared = await row.setup(); });
			for (const role of RUN_ORDER) {
				const want = row.expect[ROLES.indexOf(role)];
				test(`${role} gets ${want}`, async () => {
					const admin = fx.clients.admin;
					const ctx = row.fresh ? await row.setup() : shared;
					const [method, path, body, opts] = row.req(role, ctx);
					const write = method !== 'GET';
					const probe = row.probe ? row.probe(ctx) : null;
					const before = write ? await auditTotal(admin) : 0;
					const seen = probe ? await ok(admin.get(probe)) : null;
					const r = await fx.clients[role].request(method, path, body, opts);
					assert.equal(r.status, want, `${role} ${method} ${path}: ${r.text}`);
					if (r.status >= 400 && path.startsWith('/api/')) {
						assert.ok(r.body && r.body.error && r.body.error.code, r.text);
						assert.equal(typeof r.body.error.message, 'string');
					}
					// the other organisation never writes into ours, even when it may write
					if (write && row.route !== 'POST /api/logout' &&
					    (r.status >= 400 || role === 'otherAdmin')) {
						assert.equal(await auditTotal(admin), before, 'the audit trail is unchanged');
						if (probe)
							assert.deepEqual(await ok(admin.get(probe)), seen, `${probe} is unchanged`);
					}
				});
			}
		});
	}
	test('after logging out, no session of any role works any more', async () => {
		for (const role of ROLES.filter((x) => x !== 'anon')) {
			const r = await fx.clients[role].get('/api/me');
			assert.equal(r.status, 401, role);
		}
		// sessions are per login: a new one works
		await fx.server.login(fx.server.adminEmail, PASSWORD);
	});
});

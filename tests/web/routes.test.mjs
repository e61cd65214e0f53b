// Every route, every role: who may and who may not. The child here is known to
// council education only (a caseworker added it), so involvement decides the
// child-level routes for roles whose permission allows them. A refused request
// answers 403; an allowed form post with bad data answers 400 and writes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, ROLES, email } from './accounts.mjs';

let server;
const clients = {};
const ids = {};

async function signedIn(role) {
  const client = new Client(server.url);
  const form = await client.get('/sign-in');
  const res = await client.postForm('/sign-in', { csrf_token: csrfFrom(form.text), email: email(role), password: PASSWORD });
  assert.equal(res.status, 303, role);
  return client;
}

async function apiAs(role, method, path, body) {
  const me = await clients[role].json('GET', '/api/v1/me');
  return clients[role].request(method, path, {
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.data.csrf_token },
    body: JSON.stringify(body),
  });
}

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ROLES) clients[role] = await signedIn(role);
  const child = await apiAs('caseworker', 'POST', '/api/v1/children', {
    given_name: 'Rhea', family_name: 'Routes', date_of_birth: '2015-09-09', sex: 'F', plan_status: 'assessment',
  });
  ids.child = child.data.id;
  const started = await apiAs('caseworker', 'POST', `/api/v1/children/${ids.child}/assessments`,
    { received_on: '2025-09-01', source: 'parent' });
  ids.assessment = started.data.id;
  const decided = await apiAs('caseworker', 'POST', `/api/v1/assessments/${ids.assessment}/steps`,
    { step: 'decide', on: '2025-10-01', assess: 'yes', version: 1 });
  assert.equal(decided.status, 200, decided.text);
  // A draft plan for the education-only child, and a second child whose plan
  // has a line recorded against the proposal (so the ICB and social care are
  // involved with that child only, through the disagreement).
  const plan = await apiAs('caseworker', 'POST', `/api/v1/children/${ids.child}/plans`, {});
  assert.equal(plan.status, 201, plan.text);
  ids.plan = plan.data.id;
  const line = await apiAs('caseworker', 'POST', `/api/v1/plans/${ids.plan}/lines`, {
    section: 'F', category: 'specialist_teaching', what: 'Specialist teaching', how_much: '2 hours',
    how_often: 'weekly', provider: 'Sensory support service', level: 'specialist', annual_cost: '3000',
    responsibility: 'proposed', version: 1 });
  assert.equal(line.status, 201, line.text);
  ids.line = line.data.line_id;
  const other = await apiAs('caseworker', 'POST', '/api/v1/children', {
    given_name: 'Dara', family_name: 'Routes', date_of_birth: '2014-02-02', sex: 'M', plan_status: 'assessment',
  });
  const otherPlan = await apiAs('caseworker', 'POST', `/api/v1/children/${other.data.id}/plans`, {});
  const care = await apiAs('caseworker', 'POST', `/api/v1/plans/${otherPlan.data.id}/lines`, {
    section: 'G', category: 'continuing_care', what: 'Overnight care', how_much: '2 nights', how_often: 'weekly',
    provider: 'Nursing team', level: 'highly_specialist', annual_cost: '40000', responsibility: 'recorded',
    securing: 'icb', paying: [{ agency: 'icb', percent: 100 }], override_reason: 'Panel decision', version: 1 });
  assert.equal(care.status, 201, care.text);
  ids.disagreement = care.data.disagreement_id;
  // A final plan with a review meeting recorded, for another education-only child.
  const third = await apiAs('caseworker', 'POST', '/api/v1/children', {
    given_name: 'Ezra', family_name: 'Routes', date_of_birth: '2013-05-05', sex: 'M', plan_status: 'ehc_plan',
    primary_need: 'SEMH',
  });
  const thirdPlan = await apiAs('caseworker', 'POST', `/api/v1/children/${third.data.id}/plans`, {});
  ids.finalPlan = thirdPlan.data.id;
  const issued = await apiAs('caseworker', 'POST', `/api/v1/plans/${ids.finalPlan}/final`,
    { issued_on: '2025-06-01', setting_type: 'mainstream', setting_name: 'Hillside Academy', version: 1 });
  assert.equal(issued.status, 200, issued.text);
  const meeting = await apiAs('caseworker', 'POST', `/api/v1/plans/${ids.finalPlan}/reviews`,
    { meeting_on: '2026-05-20', lead: 'council', recommendation: 'maintain', progress: [] });
  assert.equal(meeting.status, 201, meeting.text);
  ids.review = meeting.data.id;
  const appeal = await apiAs('caseworker', 'POST', `/api/v1/children/${ids.child}/appeals`,
    { decision: 'refusal_to_issue', decision_notice_on: '2026-01-05', registered_on: '2026-02-20' });
  assert.equal(appeal.status, 201, appeal.text);
  ids.appeal = appeal.data.id;
  const moved = await apiAs('caseworker', 'POST', `/api/v1/children/${ids.child}/moves`,
    { direction: 'out', other_authority: 'Lancashire County Council', moved_on: '2026-11-06', learned_on: '2026-11-02' });
  assert.equal(moved.status, 201, moved.text);
  ids.move = moved.data.id;
  const page = await clients.caseworker.get(`/assessments/${ids.assessment}`);
  ids.letter = page.text.replaceAll('&#x2F;', '/').match(/href="\/letters\/([^"]+)"/)[1];
});
after(async () => { await server?.stop(); });

// Roles by what they may do (core/access.cpp) and whether their agency is involved.
const EDUCATION = ['caseworker', 'sen_manager', 'panel_member'];  // council_education, may view children
const REGISTER = ['caseworker', 'sen_manager', 'icb_commissioner', 'designated_clinical_officer',
  'social_care_practitioner', 'panel_member', 'provider'];
const EDITORS = ['caseworker', 'sen_manager', 'social_care_practitioner'];
const PERFORMANCE = ['caseworker', 'sen_manager', 'icb_commissioner', 'designated_clinical_officer',
  'finance_officer', 'board_member'];
const AUDIT = ['sen_manager', 'administrator'];
const PLAN_WRITERS = ['caseworker', 'sen_manager'];
// The disagreement's child: council education, the ICB and social care are involved.
const PARTNERS = [...EDUCATION, 'icb_commissioner', 'designated_clinical_officer', 'social_care_practitioner'];
const AGREERS = ['sen_manager', 'icb_commissioner', 'designated_clinical_officer', 'social_care_practitioner'];

const GET_ROUTES = [
  ['/cases', REGISTER],
  ['/children', REGISTER],
  ['/api/v1/children', REGISTER],
  ['/api/v1/assessments', REGISTER],
  ['/reviews', REGISTER],
  ['/api/v1/reviews', REGISTER],
  ['/phase-transfers', REGISTER],
  ['/api/v1/phase-transfers', REGISTER],
  ['/performance/outcomes', PERFORMANCE],
  ['/api/v1/performance/outcomes', PERFORMANCE],
  ['/performance/advice', PERFORMANCE],
  ['/api/v1/performance/advice', PERFORMANCE],
  ['/moves', REGISTER],
  ['/api/v1/moves', REGISTER],
  [() => `/children/${ids.child}/moves/new`, PLAN_WRITERS],
  [() => `/moves/${ids.move}`, EDUCATION],
  [() => `/api/v1/moves/${ids.move}`, EDUCATION],
  ['/performance/costs', PERFORMANCE],
  ['/children/new', EDITORS],
  ['/audit', AUDIT],
  ['/performance/twenty-weeks', PERFORMANCE],
  [() => `/children/${ids.child}`, EDUCATION],
  [() => `/api/v1/children/${ids.child}`, EDUCATION],
  [() => `/children/${ids.child}/edit`, EDITORS.filter((r) => EDUCATION.includes(r))],
  [() => `/children/${ids.child}/assessments/new`, EDITORS],
  [() => `/assessments/${ids.assessment}`, EDUCATION],
  [() => `/api/v1/assessments/${ids.assessment}`, EDUCATION],
  [() => `/letters/${ids.letter}`, EDUCATION],
  ['/disagreements', REGISTER],
  ['/api/v1/disagreements', REGISTER],
  [() => `/disagreements/${ids.disagreement}`, PARTNERS],
  [() => `/api/v1/disagreements/${ids.disagreement}`, PARTNERS],
  [() => `/plans/${ids.plan}`, EDUCATION],
  [() => `/api/v1/plans/${ids.plan}`, EDUCATION],
  [() => `/plans/${ids.plan}/sections`, PLAN_WRITERS],
  [() => `/plans/${ids.plan}/lines/new`, PLAN_WRITERS],
  [() => `/plans/${ids.plan}/lines/${ids.line}`, PLAN_WRITERS],
  [() => `/plans/${ids.plan}/outcomes/new`, PLAN_WRITERS],
  [() => `/plans/${ids.plan}/final`, PLAN_WRITERS],
  [() => `/plans/${ids.finalPlan}/reviews/new`, PLAN_WRITERS],
  [() => `/reviews/${ids.review}`, EDUCATION],
  [() => `/api/v1/reviews/${ids.review}`, EDUCATION],
  ['/appeals', REGISTER],
  ['/api/v1/appeals', REGISTER],
  [() => `/children/${ids.child}/appeals/new`, PLAN_WRITERS],
  [() => `/appeals/${ids.appeal}`, EDUCATION],
  [() => `/plans/${ids.finalPlan}/cease`, PLAN_WRITERS],
  [() => `/api/v1/appeals/${ids.appeal}`, EDUCATION],
  ['/returns/sen2', PERFORMANCE],
  ['/returns/sen2.csv', PERFORMANCE],
  ['/api/v1/returns/sen2', PERFORMANCE],
  ['/api/v1/returns/sen2/conflicts', PERFORMANCE],
];

test('GET routes: exactly the roles allowed get through', async () => {
  for (const [route, allowed] of GET_ROUTES) {
    const path = typeof route === 'function' ? route() : route;
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      const expected = allowed.includes(role) ? 200 : 403;
      assert.equal(res.status, expected, `${role} GET ${path}`);
    }
  }
});

test('POST routes: refused roles get 403; allowed roles reach validation (400) and nothing is written', async () => {
  const posts = [
    ['/children', EDITORS, { given_name: '' }],
    [`/children/${ids.child}/edit`, EDITORS.filter((r) => EDUCATION.includes(r)), { given_name: '', version: '1' }],
    [`/children/${ids.child}/assessments`, [], { received_on: 'not a date', source: 'parent' }],
    [`/assessments/${ids.assessment}/steps`, EDITORS.filter((r) => EDUCATION.includes(r)),
      { step: 'draft', on: 'not a date', version: '2' }],
    [`/assessments/${ids.assessment}/caseworker`, ['sen_manager'], { caseworker_id: 'nobody', version: '2' }],
    // One draft at a time: the writers reach the refusal.
    [`/children/${ids.child}/plans`, PLAN_WRITERS, {}],
    [`/plans/${ids.plan}/sections`, PLAN_WRITERS, { primary_need: 'NOPE', version: '2' }],
    [`/plans/${ids.plan}/lines`, PLAN_WRITERS, { section: 'X', version: '2' }],
    [`/plans/${ids.plan}/lines/${ids.line}`, PLAN_WRITERS, { section: 'X', version: '2' }],
    [`/plans/${ids.plan}/outcomes`, PLAN_WRITERS, { text: '', target_date: '', version: '2' }],
    [`/plans/${ids.plan}/final`, PLAN_WRITERS, { issued_on: 'soon', version: '2' }],
    // Only the SEN manager (of the agreeing roles) is involved with this child; the line is not health provision.
    [`/plans/${ids.plan}/lines/${ids.line}/agreement`, ['sen_manager'], { version: '2' }],
    [`/disagreements/${ids.disagreement}`, AGREERS, { position: '', version: '1' }],
    [`/plans/${ids.finalPlan}/reviews`, PLAN_WRITERS, { meeting_on: 'soon' }],
    [`/reviews/${ids.review}/decision`, PLAN_WRITERS, { decision: '', version: '1' }],
    [`/reviews/${ids.review}/amended-plan`, PLAN_WRITERS, { amended_on: 'soon', version: '1' }],
    [`/children/${ids.child}/appeals`, PLAN_WRITERS, { decision: 'nope' }],
    [`/appeals/${ids.appeal}`, PLAN_WRITERS, { step: 'hearing', on: 'soon', version: '1' }],
    [`/plans/${ids.finalPlan}/cease`, PLAN_WRITERS, { reason: '' }],
    [`/children/${ids.child}/capacity`, EDITORS.filter((r) => EDUCATION.includes(r)), { lacks_capacity: '' }],
    [`/children/${ids.child}/moves`, PLAN_WRITERS, { direction: 'sideways' }],
    [`/moves/${ids.move}`, PLAN_WRITERS, { moved_on: 'soon', version: '1' }],
    // Settling a SEN2 conflict: those who see the return and change cases.
    ['/returns/sen2/conflicts/sc-none', EDITORS.filter((r) => PERFORMANCE.includes(r)), { keep: '' }],
  ];
  for (const [path, allowed, fields] of posts) {
    for (const role of ROLES) {
      const page = await clients[role].get('/api/v1/me');
      const res = await clients[role].postForm(path, { ...fields, csrf_token: page.data.csrf_token });
      const permitted = allowed.includes(role);
      if (path.endsWith('/assessments')) {
        // Starting a case: editors pass the permission; education's child has one running already (400),
        // others are not involved (403).
        const expected = EDITORS.includes(role) && EDUCATION.includes(role) ? 400 : 403;
        assert.equal(res.status, expected, `${role} POST ${path}`);
      } else {
        assert.equal(res.status, permitted ? 400 : 403, `${role} POST ${path}`);
      }
    }
  }
  const record = await clients.caseworker.json('GET', `/api/v1/children/${ids.child}`);
  assert.equal(record.data.given_name, 'Rhea', 'no refused or invalid post changed the child');
  assert.equal(record.data.version, 1);
  const plan = await clients.caseworker.json('GET', `/api/v1/plans/${ids.plan}`);
  assert.equal(plan.data.version, 2, 'no refused or invalid post changed the plan');
  const d = await clients.caseworker.json('GET', `/api/v1/disagreements/${ids.disagreement}`);
  assert.equal(d.data.status, 'open');
  const review = await clients.caseworker.json('GET', `/api/v1/reviews/${ids.review}`);
  assert.equal(review.data.decision, null, 'no refused or invalid post decided the review');
  const appeal = await clients.caseworker.json('GET', `/api/v1/appeals/${ids.appeal}`);
  assert.equal(appeal.data.version, 1, 'no refused or invalid post changed the appeal');
});

// The Local Offer and its Open Referral UK feed are public: every role, and
// no one signed in, gets the same answer.
test('public Local Offer routes: every role and anyone signed out get through', async () => {
  const feed = await new Client(server.url).json('GET', '/api/oruk/services?per_page=1');
  const service = feed.data.contents[0].id;
  const located = (await new Client(server.url).json('GET', '/api/oruk/service_at_locations?per_page=1')).data
    .contents[0].id;
  const taxonomy = (await new Client(server.url).json('GET', '/api/oruk/taxonomies')).data.contents[0].id;
  const term = (await new Client(server.url).json('GET', '/api/oruk/taxonomy_terms')).data.contents[0].id;
  const routes = ['/local-offer', `/local-offer/services/${service}`, '/api/oruk/', '/api/oruk/openapi.json',
    '/api/oruk/services', `/api/oruk/services/${service}`, '/api/oruk/service_at_locations',
    `/api/oruk/service_at_locations/${located}`, '/api/oruk/taxonomies', `/api/oruk/taxonomies/${taxonomy}`,
    '/api/oruk/taxonomy_terms', `/api/oruk/taxonomy_terms/${term}`];
  for (const path of routes) {
    for (const client of [...ROLES.map((r) => clients[r]), new Client(server.url)]) {
      const res = await client.get(path);
      assert.equal(res.status, 200, path);
    }
  }
});

test('Local Offer staff routes: only roles that keep the directory get through', async () => {
  const DIRECTORY = ['sen_manager', 'icb_commissioner'];
  const service = (await new Client(server.url).json('GET', '/api/oruk/services?per_page=1')).data.contents[0].id;
  const full = (await new Client(server.url).json('GET', `/api/oruk/services/${service}`)).data;
  const org = full.organization_id;
  const venue = full.service_at_locations[0]?.location_id;
  const schedule = full.schedules[0].id;
  const term = full.attributes.find((a) => a.taxonomy_term.taxonomy !== 'Level of support').taxonomy_term;
  const contact = full.contacts[0].id;
  const cost = full.cost_options[0].id;
  const pages = ['/directory/reviews', '/directory/reviews?show=overdue', '/directory/services/new',
    `/directory/services/${service}/edit`, '/directory/organisations', '/directory/organisations/new',
    `/directory/organisations/${org}/edit`, '/directory/locations', '/directory/locations/new',
    `/directory/services/${service}/schedules`, `/directory/services/${service}/schedules/new`,
    `/directory/services/${service}/schedules/${schedule}/edit`, '/directory/taxonomies',
    `/directory/taxonomies/${term.taxonomy_id}/terms/new`, `/directory/terms/${term.id}/edit`,
    `/directory/services/${service}/terms`, '/api/v1/directory/reviews', '/api/v1/directory/organisations',
    `/api/v1/directory/organisations/${org}`, '/api/v1/directory/locations', '/api/v1/directory/taxonomies',
    `/api/v1/directory/terms/${term.id}`, `/api/v1/directory/services/${service}/schedules`,
    `/api/v1/directory/services/${service}/terms`, `/directory/services/${service}/contacts`,
    `/directory/services/${service}/contacts/new`, `/directory/services/${service}/contacts/${contact}/edit`,
    `/directory/services/${service}/contacts/${contact}/remove`, `/directory/services/${service}/costs`,
    `/directory/services/${service}/costs/new`, `/directory/services/${service}/costs/${cost}/edit`,
    `/directory/services/${service}/costs/${cost}/remove`, `/api/v1/directory/services/${service}/contacts`,
    `/api/v1/directory/services/${service}/costs`, `/directory/services/${service}/schedules/${schedule}/remove`,
    `/directory/services/${service}/terms/${term.id}/remove`, `/directory/services/${service}/remove`,
    `/directory/organisations/${org}/remove`, `/directory/terms/${term.id}/remove`];
  if (venue) {
    pages.push(`/directory/locations/${venue}/edit`, `/api/v1/directory/locations/${venue}`,
      `/directory/locations/${venue}/remove`, `/directory/locations/${venue}/services/${service}/remove`);
  }
  for (const path of pages) {
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      assert.equal(res.status, DIRECTORY.includes(role) ? 200 : 403, `${role} GET ${path}`);
    }
  }
  // Every form: refused for others; for the directory's keepers, bad data is 400 and saves nothing.
  const forms = ['/directory/organisations', `/directory/organisations/${org}/edit`, '/directory/locations',
    `/directory/services/${service}/schedules`, `/directory/services/${service}/schedules/${schedule}/edit`,
    `/directory/taxonomies/${term.taxonomy_id}/terms`, `/directory/terms/${term.id}/edit`,
    `/directory/services/${service}/contacts`, `/directory/services/${service}/contacts/${contact}/edit`,
    `/directory/services/${service}/costs`, `/directory/services/${service}/costs/${cost}/edit`];
  for (const role of ROLES) {
    const me = await clients[role].get('/api/v1/me');
    for (const path of forms) {
      const res = await clients[role].postForm(path, { name: '', code: '', postcode: 'x', version: '1',
        csrf_token: me.data.csrf_token });
      assert.equal(res.status, DIRECTORY.includes(role) ? 400 : 403, `${role} POST ${path}`);
    }
    const api = await clients[role].json('POST', '/api/v1/directory/organisations', { name: '' },
      { headers: { 'x-csrf-token': me.data.csrf_token } });
    assert.equal(api.status, DIRECTORY.includes(role) ? 400 : 403, `${role} POST /api/v1/directory/organisations`);
  }
  for (const role of ROLES) {
    const me = await clients[role].get('/api/v1/me');
    const res = await clients[role].postForm(`/directory/services/${service}/edit`,
      { name: '', version: '1', csrf_token: me.data.csrf_token });
    assert.equal(res.status, DIRECTORY.includes(role) ? 400 : 403, `${role} POST edit`);
    const added = await clients[role].postForm('/directory/services', { name: '', csrf_token: me.data.csrf_token });
    assert.equal(added.status, DIRECTORY.includes(role) ? 400 : 403, `${role} POST add`);
  }
  // Removals: refused for others; for the directory's keepers, a version that is not the service's removes nothing.
  const removals = [`/directory/services/${service}/contacts/${contact}/remove`,
    `/directory/services/${service}/costs/${cost}/remove`, `/directory/services/${service}/schedules/${schedule}/remove`,
    `/directory/services/${service}/terms/${term.id}/remove`, `/directory/services/${service}/remove`,
    `/directory/services/${service}/withdraw`, `/directory/services/${service}/keep`,
    `/directory/organisations/${org}/remove`,
    `/directory/terms/${term.id}/remove`,
    ...(venue ? [`/directory/locations/${venue}/remove`, `/directory/locations/${venue}/services/${service}/remove`]
      : [])];
  const deletions = [`/api/v1/directory/services/${service}`, `/api/v1/directory/organisations/${org}`,
    `/api/v1/directory/terms/${term.id}`, ...(venue ? [`/api/v1/directory/locations/${venue}/services/${service}`] : [])];
  for (const role of ROLES) {
    const me = await clients[role].get('/api/v1/me');
    for (const path of removals) {
      const res = await clients[role].postForm(path, { version: 'x', csrf_token: me.data.csrf_token });
      assert.equal(res.status, DIRECTORY.includes(role) ? 409 : 403, `${role} POST ${path}`);
    }
    const headers = { headers: { 'x-csrf-token': me.data.csrf_token } };
    for (const path of deletions) {
      const res = await clients[role].json('DELETE', `${path}?version=x`, undefined, headers);
      assert.equal(res.status, DIRECTORY.includes(role) ? 409 : 403, `${role} DELETE ${path}`);
    }
    const withdraw = await clients[role].json('POST', `/api/v1/directory/services/${service}/withdraw`,
      { version: 'x' }, headers);
    assert.equal(withdraw.status, DIRECTORY.includes(role) ? 409 : 403, `${role} POST withdraw`);
    const keep = await clients[role].json('POST', `/api/v1/directory/services/${service}/keep`, { version: 'x' }, headers);
    assert.equal(keep.status, DIRECTORY.includes(role) ? 409 : 403, `${role} POST keep`);
  }
  const after = await new Client(server.url).json('GET', `/api/oruk/services/${service}`);
  assert.notEqual(after.data.name, '', 'no refused or invalid post changed the service');
  assert.ok(after.data.contacts.some((c) => c.id === contact) && after.data.cost_options.some((c) => c.id === cost));
  assert.ok(after.data.schedules.some((s) => s.id === schedule));
  assert.ok(after.data.attributes.some((a) => a.taxonomy_term_id === term.id));
  assert.equal(after.data.status, full.status, 'no refused post withdrew the service');
  if (venue) assert.ok(after.data.service_at_locations.some((s) => s.location_id === venue), 'still offered there');
});

// Commissioned services: commissioners manage contracts; finance, the board
// and the designated clinical officer read them; a provider reads and reports
// on its own organisation's contracts only (another's is not found).
test('contract routes: who may read, manage and send returns', async () => {
  const VIEW = ['sen_manager', 'icb_commissioner', 'designated_clinical_officer', 'finance_officer', 'board_member',
    'provider'];
  const MANAGE = ['sen_manager', 'icb_commissioner'];
  const SUBMIT = ['sen_manager', 'icb_commissioner', 'provider'];
  const all = (await clients.sen_manager.json('GET', '/api/v1/contracts')).data.contracts;
  const own = all.find((c) => c.provider_name === 'Tandem Vale Community Health NHS Trust' && c.stage === 'live');
  const other = all.find((c) => c.provider_name !== 'Tandem Vale Community Health NHS Trust');
  const gets = [
    ['/contracts', VIEW], ['/api/v1/contracts', VIEW], ['/api/v1/providers', VIEW],
    [`/contracts/${own.id}`, VIEW], [`/api/v1/contracts/${own.id}`, VIEW],
    ['/contracts/new', MANAGE], ['/providers', MANAGE], [`/contracts/${own.id}/edit`, MANAGE],
    [`/contracts/${own.id}/returns/new`, SUBMIT],
  ];
  for (const [path, allowed] of gets) {
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      assert.equal(res.status, allowed.includes(role) ? 200 : 403, `${role} GET ${path}`);
    }
  }
  for (const role of ROLES) {
    const res = await clients[role].get(`/contracts/${other.id}`);
    const expected = role === 'provider' ? 404 : VIEW.includes(role) ? 200 : 403;
    assert.equal(res.status, expected, `${role} GET another provider's contract`);
  }
  const posts = [
    ['/contracts', MANAGE, { title: '' }],
    [`/contracts/${own.id}/edit`, MANAGE, { title: '', version: String(own.version) }],
    [`/contracts/${own.id}/stage`, MANAGE, { stage: 'someday', on: 'soon', version: String(own.version) }],
    [`/contracts/${own.id}/kpis`, MANAGE, { name: '' }],
    [`/contracts/${own.id}/returns`, SUBMIT, { quarter: 'last one' }],
    ['/providers', MANAGE, { name: '' }],
  ];
  for (const [path, allowed, fields] of posts) {
    for (const role of ROLES) {
      const me = await clients[role].get('/api/v1/me');
      const res = await clients[role].postForm(path, { ...fields, csrf_token: me.data.csrf_token });
      assert.equal(res.status, allowed.includes(role) ? 400 : 403, `${role} POST ${path}`);
    }
  }
  const me = await clients.provider.get('/api/v1/me');
  const theirs = await clients.provider.postForm(`/contracts/${other.id}/returns`,
    { quarter: '2025-26-Q1', csrf_token: me.data.csrf_token });
  assert.equal(theirs.status, 404, "a provider cannot report on another provider's contract");
  const after = (await clients.sen_manager.json('GET', `/api/v1/contracts/${own.id}`)).data;
  assert.equal(after.version, own.version, 'no refused or invalid post changed the contract');
});

// Families' voice: public forms for everyone, triage and requests for the
// directory's keepers, reports for the performance roles, decisions for the
// roles that agree provision.
test('families\' voice routes: exactly the roles allowed get through', async () => {
  const DIRECTORY = ['sen_manager', 'icb_commissioner'];
  const VOICE_AGREERS = ['sen_manager', 'icb_commissioner', 'designated_clinical_officer', 'social_care_practitioner'];
  const feedbackId = (await clients.sen_manager.json('GET', '/api/v1/feedback')).data.feedback[0].id;
  const requestId = (await clients.sen_manager.json('GET', '/api/v1/provision-requests?stage=received')).data
    .requests[0].id;
  const gets = [
    ['/feedback', DIRECTORY], [`/feedback/${feedbackId}`, DIRECTORY], ['/provision-requests', DIRECTORY],
    [`/provision-requests/${requestId}`, DIRECTORY], ['/api/v1/feedback', DIRECTORY],
    [`/api/v1/feedback/${feedbackId}`, DIRECTORY], ['/api/v1/provision-requests', DIRECTORY],
    [`/api/v1/provision-requests/${requestId}`, DIRECTORY], ['/feedback/report', PERFORMANCE],
    ['/feedback/report.csv', PERFORMANCE], ['/directory/gaps', PERFORMANCE], ['/api/v1/feedback/report', PERFORMANCE],
    ['/api/v1/gaps', PERFORMANCE], ['/provision-requests/new', EDITORS],
  ];
  for (const [path, allowed] of gets) {
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      assert.equal(res.status, allowed.includes(role) ? 200 : 403, `${role} GET ${path}`);
    }
  }
  for (const path of ['/local-offer/feedback', '/local-offer/feedback/sent', '/local-offer/you-said-we-did',
    '/local-offer/requests/new', '/local-offer/requests/sent', '/api/v1/feedback/published']) {
    for (const client of [...ROLES.map((r) => clients[r]), new Client(server.url)]) {
      assert.equal((await client.get(path)).status, 200, path);
    }
  }
  const posts = [
    [`/feedback/${feedbackId}`, DIRECTORY, { status: 'nope', version: '1' }],
    ['/provision-requests', EDITORS, { provision: '' }],
    [`/provision-requests/${requestId}/checks`, DIRECTORY, { criterion: 'nope', version: '1' }],
    [`/provision-requests/${requestId}/decision`, VOICE_AGREERS, { decision: 'nope', version: '1' }],
    ['/local-offer/feedback', ROLES, { comment: '' }],
    ['/local-offer/requests', ROLES, { provision: '' }],
  ];
  for (const [path, allowed, fields] of posts) {
    for (const role of ROLES) {
      const me = await clients[role].get('/api/v1/me');
      const res = await clients[role].postForm(path, { ...fields, csrf_token: me.data.csrf_token });
      assert.equal(res.status, allowed.includes(role) ? 400 : 403, `${role} POST ${path}`);
    }
  }
  const request = await clients.sen_manager.json('GET', `/api/v1/provision-requests/${requestId}`);
  assert.equal(request.data.stage, 'received', 'no refused or invalid post changed the request');
});

// Commissioning activities: those who read contracts read them (a provider
// only those about its own contracts); commissioners change them.
test('commissioning routes: who may read and change activities', async () => {
  const VIEW = ['sen_manager', 'icb_commissioner', 'designated_clinical_officer', 'finance_officer', 'board_member',
    'provider'];
  const MANAGE = ['sen_manager', 'icb_commissioner'];
  const all = (await clients.sen_manager.json('GET', '/api/v1/commissioning')).data.activities;
  const open = all.find((a) => a.stage === 'joint_planning');
  const gets = [
    ['/commissioning', VIEW], ['/api/v1/commissioning', VIEW],
    ['/commissioning/new', MANAGE], [`/commissioning/${open.id}/edit`, MANAGE],
  ];
  for (const [path, allowed] of gets) {
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      assert.equal(res.status, allowed.includes(role) ? 200 : 403, `${role} GET ${path}`);
    }
  }
  for (const role of ROLES) {
    const res = await clients[role].get(`/commissioning/${open.id}`);
    const expected = role === 'provider' ? 404 : VIEW.includes(role) ? 200 : 403;
    assert.equal(res.status, expected, `${role} GET an activity about no contract of theirs`);
  }
  const posts = [
    ['/commissioning', { title: '' }],
    [`/commissioning/${open.id}/edit`, { title: '', version: String(open.version) }],
    [`/commissioning/${open.id}/evidence`, { need_id: 'none' }],
    [`/commissioning/${open.id}/sign-offs`, { agency: 'school' }],
    [`/commissioning/${open.id}/advance`, { next_due_on: 'soon', version: String(open.version) }],
  ];
  for (const [path, fields] of posts) {
    for (const role of ROLES) {
      const me = await clients[role].get('/api/v1/me');
      const res = await clients[role].postForm(path, { ...fields, csrf_token: me.data.csrf_token });
      assert.equal(res.status, MANAGE.includes(role) ? 400 : 403, `${role} POST ${path}`);
    }
  }
  const after = (await clients.sen_manager.json('GET', `/api/v1/commissioning/${open.id}`)).data;
  assert.equal(after.version, open.version, 'no refused or invalid post changed the activity');
  assert.equal(after.evidence.length, open.evidence.length);
  assert.equal(after.sign_offs.length, open.sign_offs.length);
});

// Frameworks: those who read contracts read them; commissioners change them.
test('framework routes: who may read and change frameworks', async () => {
  const VIEW = ['sen_manager', 'icb_commissioner', 'designated_clinical_officer', 'finance_officer', 'board_member',
    'provider'];
  const MANAGE = ['sen_manager', 'icb_commissioner'];
  const [fw] = (await clients.sen_manager.json('GET', '/api/v1/frameworks')).data.frameworks;
  for (const path of ['/frameworks', `/frameworks/${fw.id}`, '/api/v1/frameworks', `/api/v1/frameworks/${fw.id}`]) {
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      assert.equal(res.status, VIEW.includes(role) ? 200 : 403, `${role} GET ${path}`);
    }
  }
  for (const path of ['/frameworks', `/frameworks/${fw.id}/providers`, `/frameworks/${fw.id}/suspensions`,
    `/frameworks/${fw.id}/lift`]) {
    for (const role of ROLES) {
      const me = await clients[role].get('/api/v1/me');
      const res = await clients[role].postForm(path, { csrf_token: me.data.csrf_token, on: 'soon' });
      assert.equal(res.status, MANAGE.includes(role) ? 400 : 403, `${role} POST ${path}`);
    }
  }
});

// Money spent on contracts: invoices read with the contract, recorded, paid
// and corrected by finance officers and commissioners; a provider sees its
// own contracts' invoices only.
test('invoice routes: who may read invoices and record them', async () => {
  const VIEW = ['sen_manager', 'icb_commissioner', 'designated_clinical_officer', 'finance_officer', 'board_member',
    'provider'];
  const MANAGE = ['sen_manager', 'icb_commissioner', 'finance_officer'];
  const all = (await clients.sen_manager.json('GET', '/api/v1/contracts')).data.contracts;
  const own = all.find((c) => c.provider_name === 'Tandem Vale Community Health NHS Trust' && c.stage === 'live');
  const other = all.find((c) => c.provider_name !== 'Tandem Vale Community Health NHS Trust');
  const before = (await clients.sen_manager.json('GET', `/api/v1/contracts/${own.id}/invoices`)).data;
  for (const path of [`/contracts/${own.id}/invoices`, `/api/v1/contracts/${own.id}/invoices`]) {
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      assert.equal(res.status, VIEW.includes(role) ? 200 : 403, `${role} GET ${path}`);
    }
  }
  for (const role of ROLES) {
    const res = await clients[role].get(`/contracts/${other.id}/invoices`);
    const expected = role === 'provider' ? 404 : VIEW.includes(role) ? 200 : 403;
    assert.equal(res.status, expected, `${role} GET another provider's invoices`);
  }
  const unpaid = before.invoices.find((i) => !i.paid_on) ?? before.invoices[0];
  for (const role of ROLES) {
    const res = await clients[role].get(`/contracts/${own.id}/invoices/${unpaid.id}/edit`);
    assert.equal(res.status, MANAGE.includes(role) ? 200 : 403, `${role} GET an invoice's edit page`);
  }
  const posts = [
    [`/contracts/${own.id}/invoices`, { reference: '' }],
    [`/contracts/${own.id}/invoices/${unpaid.id}/paid`, { paid_on: 'someday' }],
    [`/contracts/${own.id}/invoices/${unpaid.id}`, { reference: '', version: String(unpaid.version) }],
  ];
  for (const [path, fields] of posts) {
    for (const role of ROLES) {
      const me = await clients[role].get('/api/v1/me');
      const res = await clients[role].postForm(path, { ...fields, csrf_token: me.data.csrf_token });
      assert.equal(res.status, MANAGE.includes(role) ? 400 : 403, `${role} POST ${path}`);
    }
  }
  const after = (await clients.sen_manager.json('GET', `/api/v1/contracts/${own.id}/invoices`)).data;
  assert.deepEqual(after, before, 'no refused or invalid post wrote anything');
});

// Pooled budgets: the partnership's readers see them, commissioners set them
// up, a provider's staff are kept out.
test('pooled budget routes: who may read and set up pools', async () => {
  const VIEW = ['sen_manager', 'icb_commissioner', 'designated_clinical_officer', 'finance_officer', 'board_member'];
  const MANAGE = ['sen_manager', 'icb_commissioner'];
  const pools = (await clients.sen_manager.json('GET', '/api/v1/pools')).data.pools;
  for (const path of ['/pools', '/api/v1/pools', `/pools/${pools[0].id}`, `/api/v1/pools/${pools[0].id}`]) {
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      assert.equal(res.status, VIEW.includes(role) ? 200 : 403, `${role} GET ${path}`);
    }
  }
  for (const role of ROLES) {
    const res = await clients[role].get(`/pools/${pools[0].id}/edit`);
    assert.equal(res.status, MANAGE.includes(role) ? 200 : 403, `${role} GET a pool's edit page`);
  }
  for (const path of ['/pools', `/pools/${pools[0].id}`]) {
    for (const role of ROLES) {
      const me = await clients[role].get('/api/v1/me');
      const res = await clients[role].postForm(path,
        { name: '', version: String(pools[0].version), csrf_token: me.data.csrf_token });
      assert.equal(res.status, MANAGE.includes(role) ? 400 : 403, `${role} POST ${path}`);
    }
  }
  const after = (await clients.sen_manager.json('GET', '/api/v1/pools')).data.pools;
  assert.deepEqual(after, pools, 'no refused or invalid post wrote a pool or changed one');
});

// Decommissioning appraisals: the partnership's readers read them,
// commissioners start them and record decisions, a provider's staff are kept out.
test('decommissioning routes: who may read, start and decide appraisals', async () => {
  const VIEW = ['sen_manager', 'icb_commissioner', 'designated_clinical_officer', 'finance_officer', 'board_member'];
  const MANAGE = ['sen_manager', 'icb_commissioner'];
  const list = (await clients.sen_manager.json('GET', '/api/v1/decommissioning')).data.appraisals;
  const open = list.find((a) => a.decision === null);
  for (const path of ['/decommissioning', '/api/v1/decommissioning', `/decommissioning/${open.id}`,
    `/api/v1/decommissioning/${open.id}`]) {
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      assert.equal(res.status, VIEW.includes(role) ? 200 : 403, `${role} GET ${path}`);
    }
  }
  for (const role of ROLES) {
    const res = await clients[role].get(`/decommissioning/${open.id}/edit`);
    assert.equal(res.status, MANAGE.includes(role) ? 200 : 403, `${role} GET an appraisal's edit page`);
  }
  for (const [path, fields] of [['/decommissioning', { subject_id: '' }],
    [`/decommissioning/${open.id}/decision`, { decision: 'maybe' }],
    [`/decommissioning/${open.id}`, { subject_id: '', version: String(open.version) }]]) {
    for (const role of ROLES) {
      const me = await clients[role].get('/api/v1/me');
      const res = await clients[role].postForm(path, { ...fields, csrf_token: me.data.csrf_token });
      assert.equal(res.status, MANAGE.includes(role) ? 400 : 403, `${role} POST ${path}`);
    }
  }
  const after = (await clients.sen_manager.json('GET', '/api/v1/decommissioning')).data.appraisals;
  assert.deepEqual(after, list, 'no refused or invalid post wrote anything');
});

// Termly top-up payments and recharges between councils: finance officers and
// commissioners read and record them (the pages name children, so no one
// else); every other role is refused, and nothing refused or invalid is written.
test('top-up and recharge routes: who may read and record them', async () => {
  const PAY = ['sen_manager', 'icb_commissioner', 'finance_officer'];
  const topUps = (await clients.finance_officer.json('GET', '/api/v1/top-ups')).data;
  const recharges = (await clients.finance_officer.json('GET', '/api/v1/recharges')).data;
  const one = recharges.recharges[0];
  const paid = topUps.settings.find((s) => s.payments.length).payments[0];
  for (const path of ['/top-ups', `/top-ups?term=${topUps.term}`, `/top-ups.csv?term=${topUps.term}`,
    '/api/v1/top-ups', '/recharges', '/recharges.csv', '/api/v1/recharges', `/recharges/${one.id}`,
    `/api/v1/recharges/${one.id}`, `/top-ups/payments/${paid.id}`, `/api/v1/top-ups/payments/${paid.id}`]) {
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      assert.equal(res.status, PAY.includes(role) ? 200 : 403, `${role} GET ${path}`);
    }
  }
  const posts = [
    ['/top-ups/payments', { term: topUps.term, amount: 'lots' }],
    ['/recharges', { direction: 'sideways' }],
    [`/recharges/${one.id}`, { direction: 'sideways', version: String(one.version) }],
    [`/top-ups/payments/${paid.id}`, { amount: 'lots', version: String(paid.version) }],
  ];
  for (const [path, fields] of posts) {
    for (const role of ROLES) {
      const me = await clients[role].get('/api/v1/me');
      const res = await clients[role].postForm(path, { ...fields, csrf_token: me.data.csrf_token });
      assert.equal(res.status, PAY.includes(role) ? 400 : 403, `${role} POST ${path}`);
    }
  }
  assert.deepEqual((await clients.finance_officer.json('GET', '/api/v1/top-ups')).data, topUps,
    'no refused or invalid post paid anything');
  assert.deepEqual((await clients.finance_officer.json('GET', '/api/v1/recharges')).data, recharges,
    'no refused or invalid post wrote a recharge');
});

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

const GET_ROUTES = [
  ['/cases', REGISTER],
  ['/children', REGISTER],
  ['/api/v1/children', REGISTER],
  ['/api/v1/assessments', REGISTER],
  ['/reviews', REGISTER],
  ['/api/v1/reviews', REGISTER],
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
  for (const path of ['/directory/reviews', '/directory/services/new', `/directory/services/${service}/edit`]) {
    for (const role of ROLES) {
      const res = await clients[role].get(path);
      assert.equal(res.status, DIRECTORY.includes(role) ? 200 : 403, `${role} GET ${path}`);
    }
  }
  for (const role of ROLES) {
    const me = await clients[role].get('/api/v1/me');
    const res = await clients[role].postForm(`/directory/services/${service}/edit`,
      { name: '', version: '1', csrf_token: me.data.csrf_token });
    assert.equal(res.status, DIRECTORY.includes(role) ? 400 : 403, `${role} POST edit`);
    const added = await clients[role].postForm('/directory/services', { name: '', csrf_token: me.data.csrf_token });
    assert.equal(added.status, DIRECTORY.includes(role) ? 400 : 403, `${role} POST add`);
  }
  const after = await new Client(server.url).json('GET', `/api/oruk/services/${service}`);
  assert.notEqual(after.data.name, '', 'no refused or invalid post changed the service');
});

// Who may see a child's record: a route's permission and the agency's (or the
// person's) involvement with the child. Every refusal is audited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, ROLES, email } from './accounts.mjs';

let server;
const clients = {};

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ROLES) {
    const client = new Client(server.url);
    const form = await client.get('/sign-in');
    const res = await client.postForm('/sign-in', { csrf_token: csrfFrom(form.text), email: email(role), password: PASSWORD });
    assert.equal(res.status, 303, `${role} signs in`);
    clients[role] = client;
  }
});
after(async () => { await server?.stop(); });

async function createChildAs(role, fields) {
  const client = clients[role];
  const me = await client.json('GET', '/api/v1/me');
  const res = await client.request('POST', '/api/v1/children', {
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.data.csrf_token },
    body: JSON.stringify(fields),
  });
  assert.equal(res.status, 201, res.text);
  return res.data.id;
}

const child = (given) => ({
  given_name: given, family_name: 'Matrix', date_of_birth: '2016-05-04', sex: 'M', plan_status: 'ehc_plan',
  primary_need: 'ASD', postcode: 'QA1 1AA',
});

// Expected status of GET /children/{id} per role, for a child known only to
// council education (added by a caseworker) and one known only to social care.
const MATRIX = {
  caseworker: [200, 403],
  sen_manager: [200, 403],
  icb_commissioner: [403, 403],
  designated_clinical_officer: [403, 403],
  social_care_practitioner: [403, 200],
  finance_officer: [403, 403],
  panel_member: [200, 403],
  board_member: [403, 403],
  provider: [403, 403],
  administrator: [403, 403],
};

test('GET /children/{id}: each role sees exactly the children its agency is involved with', async () => {
  const educationChild = await createChildAs('caseworker', child('Edu'));
  const socialCareChild = await createChildAs('social_care_practitioner', child('Care'));
  for (const role of ROLES) {
    const [eduStatus, careStatus] = MATRIX[role];
    assert.equal((await clients[role].get(`/children/${educationChild}`)).status, eduStatus, `${role} -> education child`);
    assert.equal((await clients[role].get(`/children/${socialCareChild}`)).status, careStatus, `${role} -> social care child`);
    assert.equal((await clients[role].get(`/api/v1/children/${educationChild}`)).status, eduStatus, `${role} -> API`);
  }
});

test('GET /children: roles without the register permission get 403; the list shows only involved children', async () => {
  for (const role of ['finance_officer', 'board_member', 'administrator']) {
    assert.equal((await clients[role].get('/children')).status, 403, role);
  }
  const careOnly = await createChildAs('social_care_practitioner', child('Zebedee'));
  const asCaseworker = await clients.caseworker.json('GET', '/api/v1/children?q=zebedee');
  assert.equal(asCaseworker.data.total, 0, 'education is not involved with this child');
  const asSocialCare = await clients.social_care_practitioner.json('GET', '/api/v1/children?q=zebedee');
  assert.deepEqual(asSocialCare.data.children.map((c) => c.id), [careOnly]);
});

test('POST /children and edits: only roles that may edit, and never without a CSRF token', async () => {
  const id = await createChildAs('caseworker', child('Csrf'));
  const page = await clients.caseworker.get(`/children/${id}/edit`);
  const csrf = csrfFrom(page.text);
  const version = page.text.match(/name="version" value="(\d+)"/)[1];
  const fields = { ...child('Changed'), version, looked_after: 'no' };
  const refused = await clients.caseworker.postForm(`/children/${id}/edit`, fields);
  assert.equal(refused.status, 403, 'no CSRF token');
  const unchanged = await clients.caseworker.json('GET', `/api/v1/children/${id}`);
  assert.equal(unchanged.data.given_name, 'Csrf', 'a refused form changes nothing');
  assert.equal((await clients.icb_commissioner.get('/children/new')).status, 403, 'ICB commissioners do not edit');
  const saved = await clients.caseworker.postForm(`/children/${id}/edit`, { ...fields, csrf_token: csrf });
  assert.equal(saved.status, 303);
  assert.equal((await clients.caseworker.json('GET', `/api/v1/children/${id}`)).data.given_name, 'Changed');
});

test('every read, write and refusal leaves an audit entry the administrator can see', async () => {
  const id = await createChildAs('caseworker', child('Audited'));
  await clients.caseworker.get(`/children/${id}`);
  await clients.icb_commissioner.get(`/children/${id}`);
  const audit = await clients.administrator.get(`/audit?child=${id}`);
  assert.equal(audit.status, 200);
  const text = audit.text.replaceAll('&#x2F;', '/');
  assert.match(text, /child\.create/);
  assert.match(text, /access\.denied/);
  assert.match(text, new RegExp(`Read</td>\\s*<td class="govuk-table__cell">caseworker@demo\\.tandem\\.example</td>\\s*<td class="govuk-table__cell">GET /children/${id}`));
  assert.match(text, /icb_commissioner@demo\.tandem\.example/);
  assert.equal((await clients.caseworker.get('/audit')).status, 403, 'caseworkers cannot read the audit trail');
});

test('a search shows a child added or renamed a moment ago, and only to those involved', async () => {
  const search = async (role, q) => (await clients[role].json('GET', `/api/v1/children?q=${q}`)).data;
  assert.equal((await search('caseworker', 'quillon')).total, 0, 'nobody is called Quillon yet');
  const id = await createChildAs('caseworker', { ...child('Quentin'), family_name: 'Quillon' });
  assert.deepEqual((await search('caseworker', 'quillon')).children.map((c) => c.id), [id], 'the new child shows at once');
  const html = await clients.caseworker.get('/children?q=quillon');
  assert.match(html.text, new RegExp(`href="/children/${id}"`), 'on the page too');
  assert.equal((await search('social_care_practitioner', 'quillon')).total, 0, 'social care is not involved');
  assert.equal((await search('provider', 'quillon')).total, 0, 'nor is a provider');

  const me = await clients.caseworker.json('GET', '/api/v1/me');
  const renamed = await clients.caseworker.request('PUT', `/api/v1/children/${id}`, {
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.data.csrf_token },
    body: JSON.stringify({ ...child('Quentin'), family_name: 'Quarrington', version: 1, reason: 'name corrected' }),
  });
  assert.equal(renamed.status, 200, renamed.text);
  assert.equal((await search('caseworker', 'quillon')).total, 0, 'the old name finds nobody at once');
  assert.deepEqual((await search('caseworker', 'quarrington+quen')).children.map((c) => c.id), [id], 'the new name does');
});

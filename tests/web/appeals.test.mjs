// The tribunal tracker, walked through the pages: an appeal recorded from the
// child's record with its dates checked, the hearing, the outcome, an order
// with its reg 44 deadlines, compliance; the tracker keeps the appeal until
// every order is complied with.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ['caseworker', 'provider']) {
    const c = new Client(server.url);
    const f = await c.get('/sign-in');
    const r = await c.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email(role), password: PASSWORD });
    assert.equal(r.status, 303);
    clients[role] = c;
  }
});
after(async () => { await server?.stop(); });

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const iso = (d) => d.toISOString().slice(0, 10);
const daysAgo = (n) => iso(new Date(Date.now() - n * 86400000));
const plusDays = (date, n) => iso(new Date(new Date(`${date}T00:00:00Z`).getTime() + n * 86400000));

test('an appeal from registration to compliance with the order, on the tracker until done', async () => {
  const cw = clients.caseworker;
  const me = await cw.json('GET', '/api/v1/me');
  const child = await cw.json('POST', '/api/v1/children', {
    given_name: 'Ines', family_name: 'Appellant', date_of_birth: '2014-02-10', sex: 'F', plan_status: 'assessment',
  }, { headers: { 'x-csrf-token': me.data.csrf_token } });
  const childId = child.data.id;
  const record = await cw.get(`/children/${childId}`);
  assert.match(record.text, /Record an appeal/);

  const form = await cw.get(`/children/${childId}/appeals/new`);
  const token = csrfFrom(form.text);
  const bad = await cw.postForm(`/children/${childId}/appeals`, {
    csrf_token: token, decision: 'refusal_to_issue', decision_notice_on: daysAgo(90), registered_on: daysAgo(100),
  });
  assert.equal(bad.status, 400);
  assert.match(decode(bad.text), /href="#registered_on"/);
  assert.doesNotMatch((await cw.get(`/children/${childId}`)).text, /\/appeals\/ap-/, 'nothing written');

  const notice = daysAgo(120);
  const created = await cw.postForm(`/children/${childId}/appeals`, {
    csrf_token: token, decision: 'refusal_to_issue', decision_notice_on: notice, registered_on: daysAgo(70),
  });
  assert.equal(created.status, 303, created.text);
  const appealId = decode(created.location).match(/\/appeals\/([^?]+)/)[1];
  let appeal = (await cw.json('GET', `/api/v1/appeals/${appealId}`)).data;
  assert.equal(appeal.outcome, 'pending');
  assert.match(appeal.appeal_by.basis, /r20\(1\)\(c\)/);

  const step = async (fields) => {
    const page = await cw.get(`/appeals/${appealId}`);
    return cw.postForm(`/appeals/${appealId}`, { csrf_token: csrfFrom(page.text), version: String(appeal.version), ...fields });
  };
  const hearing = daysAgo(10);
  assert.equal((await step({ step: 'hearing', on: hearing })).status, 303);
  appeal = (await cw.json('GET', `/api/v1/appeals/${appealId}`)).data;
  const early = await step({ step: 'order', kind: 'make_plan', on: hearing });
  assert.equal(early.status, 400, 'no order before an outcome');
  assert.equal((await step({ step: 'outcome', outcome: 'upheld', on: hearing })).status, 303);
  appeal = (await cw.json('GET', `/api/v1/appeals/${appealId}`)).data;
  assert.equal((await step({ step: 'order', kind: 'make_plan', on: hearing })).status, 303);
  appeal = (await cw.json('GET', `/api/v1/appeals/${appealId}`)).data;
  const order = appeal.orders[0];
  // reg 44(2)(c): draft within 5 weeks, final within 11 weeks of the order.
  assert.deepEqual(order.deadlines.map((d) => d.date), [plusDays(hearing, 35), plusDays(hearing, 77)]);
  assert.equal(order.status, 'on_time');

  let tracker = (await cw.json('GET', '/api/v1/appeals')).data.appeals;
  const row = tracker.find((a) => a.id === appealId);
  assert.ok(row, 'on the tracker');
  assert.equal(row.next.date, plusDays(hearing, 77));
  assert.match(decode((await cw.get('/appeals')).text), new RegExp(`/appeals/${appealId}"`));

  assert.equal((await step({ step: 'complied', order_id: order.id, on: daysAgo(1) })).status, 303);
  appeal = (await cw.json('GET', `/api/v1/appeals/${appealId}`)).data;
  assert.equal(appeal.orders[0].status, 'done_on_time');
  tracker = (await cw.json('GET', '/api/v1/appeals')).data.appeals;
  assert.ok(!tracker.some((a) => a.id === appealId), 'off the tracker once every order is complied with');

  const audit = await cw.json('GET', `/api/v1/appeals/${appealId}`);
  assert.equal(audit.status, 200);
  const other = await clients.provider.json('GET', `/api/v1/appeals/${appealId}`);
  assert.equal(other.status, 403, 'a provider not involved cannot read it');
});

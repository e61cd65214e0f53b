// Ceasing a plan and who takes decisions: the legal test per reason, the
// consultation first, the notice with reasons, and the plan in force until
// the appeal window closes or the appeal is decided (CFA s45; regs 29-31);
// rights passing to the young person, or to a representative (CFA s80, s83).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let cw;
let headers;

before(async () => {
  server = await startServer({ demo: true });
  cw = new Client(server.url);
  const f = await cw.get('/sign-in');
  const r = await cw.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email('caseworker'), password: PASSWORD });
  assert.equal(r.status, 303);
  headers = { 'x-csrf-token': (await cw.json('GET', '/api/v1/me')).data.csrf_token };
});
after(async () => { await server?.stop(); });

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const iso = (d) => d.toISOString().slice(0, 10);
const daysAgo = (n) => iso(new Date(Date.now() - n * 86400000));

async function childWithFinalPlan(given, dob) {
  const child = await cw.json('POST', '/api/v1/children', {
    given_name: given, family_name: 'Ceasing', date_of_birth: dob, sex: 'M', plan_status: 'ehc_plan', primary_need: 'MLD',
  }, { headers });
  assert.equal(child.status, 201, child.text);
  const plan = await cw.json('POST', `/api/v1/children/${child.data.id}/plans`, {}, { headers });
  const issued = await cw.json('POST', `/api/v1/plans/${plan.data.id}/final`,
    { issued_on: daysAgo(400), setting_type: 'mainstream', version: 1 }, { headers });
  assert.equal(issued.status, 200, issued.text);
  return { child: child.data.id, plan: plan.data.id };
}

test('a plan ceases only on a lawful reason, after consultation, and stays in force through the appeal', async () => {
  const { child, plan } = await childWithFinalPlan('Oli', '2014-05-01');
  const base = { consulted_on: daysAgo(30), decided_on: daysAgo(2), reasons: 'Oli now makes good progress with SEN support.' };
  const employment = await cw.json('POST', `/api/v1/plans/${plan}/cessation`, { ...base, reason: 'employment' }, { headers });
  assert.equal(employment.status, 400);
  assert.match(employment.data.message, /Under 18/);
  const unconsulted = await cw.json('POST', `/api/v1/plans/${plan}/cessation`,
    { ...base, reason: 'needs_met', consulted_on: '' }, { headers });
  assert.equal(unconsulted.status, 400);
  assert.ok(unconsulted.data.fields.some((f) => f.field === 'consulted_on'));

  const ceased = await cw.json('POST', `/api/v1/plans/${plan}/cessation`, { ...base, reason: 'needs_met' }, { headers });
  assert.equal(ceased.status, 201, ceased.text);
  assert.equal(ceased.data.sen2_cease_reason, 2);
  const notice = new Date(`${base.decided_on}T00:00:00Z`);
  notice.setUTCMonth(notice.getUTCMonth() + 2);
  assert.equal(ceased.data.plan_ends_on, iso(notice), 'in force to the last day to appeal (r20(1)(c))');
  const letter = decode((await cw.get(`/letters/${ceased.data.letter_id}`)).text);
  assert.match(letter, /good progress with SEN support/);
  assert.match(letter, /appeal/i);
  const again = await cw.json('POST', `/api/v1/plans/${plan}/cessation`, { ...base, reason: 'needs_met' }, { headers });
  assert.equal(again.status, 409);
  assert.match(decode((await cw.get(`/plans/${plan}`)).text), /decided on .* to cease this plan/);

  // The family appeals: the plan stays in force until the appeal is decided.
  const appeal = await cw.json('POST', `/api/v1/children/${child}/appeals`,
    { decision: 'cease', decision_notice_on: base.decided_on, registered_on: daysAgo(1) }, { headers });
  assert.equal(appeal.status, 201, appeal.text);
  assert.match(decode((await cw.get(`/plans/${plan}`)).text), /stays in force until the appeal is decided/);
});

test('a form to cease names the field; rights pass to the young person or a representative', async () => {
  const { child, plan } = await childWithFinalPlan('Remy', '2007-01-15');
  const form = await cw.get(`/plans/${plan}/cease`);
  assert.equal(form.status, 200);
  const refused = await cw.postForm(`/plans/${plan}/cease`, {
    csrf_token: csrfFrom(form.text), reason: 'not_engaging', consulted_on: daysAgo(20), decided_on: daysAgo(1),
    reasons: 'Remy has not attended college since the spring.',
  });
  assert.equal(refused.status, 400);
  assert.match(decode(refused.text), /href="#left_education_on"/);

  let record = decode((await cw.get(`/children/${child}`)).text);
  assert.match(record, /<strong>The young person\.<\/strong>/);
  const bad = await cw.json('PUT', `/api/v1/children/${child}/capacity`,
    { lacks_capacity: 'yes', representative: '', assessed_on: daysAgo(5) }, { headers });
  assert.equal(bad.status, 400);
  assert.ok(bad.data.fields.some((f) => f.field === 'representative'));
  const good = await cw.json('PUT', `/api/v1/children/${child}/capacity`,
    { lacks_capacity: 'yes', representative: 'Ms Ada Ceasing (deputy)', assessed_on: daysAgo(5) }, { headers });
  assert.equal(good.status, 200, good.text);
  record = decode((await cw.get(`/children/${child}`)).text);
  assert.match(record, /<strong>A representative\.<\/strong>.*Ms Ada Ceasing \(deputy\)/s);

  // The notice goes to the representative, about the young person (CFA s80).
  const ceased = await cw.json('POST', `/api/v1/plans/${plan}/cessation`, {
    reason: 'employment', consulted_on: daysAgo(20), decided_on: daysAgo(1),
    reasons: 'Remy has started an apprenticeship with the training he needs.' }, { headers });
  assert.equal(ceased.status, 201, ceased.text);
  const letter = decode((await cw.get(`/letters/${ceased.data.letter_id}`)).text);
  assert.match(letter, /Ms Ada Ceasing \(deputy\)/);
  assert.doesNotMatch(letter, /The parent or carer of/);
});

test('a ceased plan leaves the annual review list once it is no longer in force, not before', async () => {
  const onReviewList = async (planId) => {
    for (let page = 1; ; page++) {
      const due = (await cw.json('GET', `/api/v1/reviews?page=${page}`)).data;
      if (due.reviews.some((r) => r.plan_id === planId)) return true;
      if (page >= due.pages) return false;
    }
  };
  // Both plans were issued 400 days ago: their first annual reviews are overdue.
  const ended = await childWithFinalPlan('Ned', '2014-05-01');
  const pending = await childWithFinalPlan('Pat', '2014-05-01');
  const appealed = await childWithFinalPlan('Ash', '2014-05-01');
  assert.ok(await onReviewList(ended.plan), 'an overdue review is listed');
  const cease = (plan, decided) => cw.json('POST', `/api/v1/plans/${plan}/cessation`, {
    reason: 'needs_met', consulted_on: daysAgo(decided + 30), decided_on: daysAgo(decided),
    reasons: 'Needs now met with SEN support.',
  }, { headers });
  assert.equal((await cease(ended.plan, 90)).status, 201);
  assert.equal((await cease(pending.plan, 2)).status, 201);
  assert.equal((await cease(appealed.plan, 90)).status, 201);
  const appeal = await cw.json('POST', `/api/v1/children/${appealed.child}/appeals`,
    { decision: 'cease', decision_notice_on: daysAgo(90), registered_on: daysAgo(60) }, { headers });
  assert.equal(appeal.status, 201, appeal.text);
  assert.equal(await onReviewList(ended.plan), false, 'no appeal in two months: the plan has ended');
  assert.equal(await onReviewList(pending.plan), true, 'still in force while the family may appeal');
  assert.equal(await onReviewList(appealed.plan), true, 'still in force until the appeal is decided');
});

// School-led reviews (SEND Regulations 2014 reg 21): a school's SENCO sees the
// annual reviews of the children with plans at their school, records the
// meeting and its report for a review the school leads, and the council then
// decides (reg 20(10)). The SENCO cannot review other children or decide.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};

async function signIn(address) {
  const c = new Client(server.url);
  const f = await c.get('/sign-in');
  const r = await c.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: address, password: PASSWORD });
  assert.equal(r.status, 303, address);
  return c;
}

before(async () => {
  server = await startServer({ demo: true });
  clients.senco = await signIn('senco@demo.tandem.example');
  clients.caseworker = await signIn(email('caseworker'));
});
after(async () => { await server?.stop(); });

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

test('the SENCO sees only their school\'s children and records the review the school leads', async () => {
  const senco = clients.senco, cw = clients.caseworker;
  const me = (await senco.json('GET', '/api/v1/me')).data;
  assert.equal(me.agency, 'school');
  const school = me.display_name.match(/SENCO, (.+)\)$/)[1];
  const due = (await senco.json('GET', '/api/v1/reviews')).data;
  assert.ok(due.total > 0, 'the school has children with plans to review');
  for (const r of due.reviews.slice(0, 10)) {
    const child = (await senco.json('GET', `/api/v1/children/${r.child_id}`)).data;
    assert.equal(child.setting_name, school);
  }
  assert.ok(due.total < (await cw.json('GET', '/api/v1/reviews')).data.total, 'fewer than the council sees');

  const planId = due.reviews[0].plan_id;
  const planPage = decode((await senco.get(`/plans/${planId}`)).text);
  assert.match(planPage, /Record a review meeting/);
  const form = await senco.get(`/plans/${planId}/reviews/new`);
  assert.equal(form.status, 200);
  const token = csrfFrom(form.text);
  const plan = (await senco.json('GET', `/api/v1/plans/${planId}`)).data;
  const fields = { csrf_token: token, meeting_on: new Date().toISOString().slice(0, 10), recommendation: 'maintain',
    views: 'Settled well; wants to join the lunchtime club' };
  for (const o of plan.outcomes) fields[`progress_${o.id}`] = 'on_track';

  // A review the council leads is the council's to record.
  const refused = await senco.postForm(`/plans/${planId}/reviews`, { ...fields, lead: 'council' });
  assert.equal(refused.status, 400);
  assert.match(decode(refused.text), /href="#lead"/);

  const saved = await senco.postForm(`/plans/${planId}/reviews`, { ...fields, lead: 'school' });
  assert.equal(saved.status, 303);
  const reviewUrl = saved.headers.get('location').replace('?saved=1', '');
  const reviewId = reviewUrl.split('/').pop();
  const review = (await senco.json('GET', `/api/v1/reviews/${reviewId}`)).data;
  assert.equal(review.lead, 'school');

  // The council decides: the SENCO is refused, the caseworker sees the form.
  const decision = await senco.postForm(`${reviewUrl}/decision`, { csrf_token: token, decision: 'maintain', version: '1' });
  assert.equal(decision.status, 403);
  assert.doesNotMatch(decode((await senco.get(reviewUrl)).text), /name="decision"/);
  assert.match(decode((await cw.get(reviewUrl)).text), /name="decision"/);
});

test('the SENCO cannot review a child who is not at their school', async () => {
  const senco = clients.senco, cw = clients.caseworker;
  const mine = new Set((await senco.json('GET', '/api/v1/reviews')).data.reviews.map((r) => r.plan_id));
  const other = (await cw.json('GET', '/api/v1/reviews')).data.reviews.find((r) => !mine.has(r.plan_id));
  assert.ok(other);
  assert.equal((await senco.get(`/plans/${other.plan_id}/reviews/new`)).status, 403);
  const token = (await senco.json('GET', '/api/v1/me')).data.csrf_token;
  const res = await senco.postForm(`/plans/${other.plan_id}/reviews`, { csrf_token: token, lead: 'school', meeting_on: '2026-11-20' });
  assert.equal(res.status, 403);
});

// The review of a final plan, walked through the pages: the meeting with
// progress against every outcome (reg 20(7)), the decision within 4 weeks
// with its letter, the plan opened for amendment, and the amended plan issued
// within 12 weeks (reg 22). The next annual review then runs from the meeting
// (CFA s44(1)). Bad input names the field and writes nothing.
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

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&')
  .replaceAll('&quot;', '"');
const iso = (d) => d.toISOString().slice(0, 10);

async function finalPlanWithoutOpenReview(cw) {
  const list = await cw.json('GET', '/api/v1/reviews?page=1');
  assert.equal(list.status, 200);
  return list.data.reviews[0].plan_id;
}

test('a caseworker records a review meeting, decides to amend, amends the plan and issues it', async () => {
  const cw = clients.caseworker;
  const planId = await finalPlanWithoutOpenReview(cw);
  assert.ok(planId, 'a final plan due for review');
  let plan = (await cw.json('GET', `/api/v1/plans/${planId}`)).data;
  assert.equal(plan.stage, 'final');
  const outcomes = plan.outcomes.map((o) => o.id);
  assert.ok(outcomes.length >= 1);

  const planPage = await cw.get(`/plans/${planId}`);
  assert.match(planPage.text, /Record a review meeting/);
  assert.doesNotMatch(planPage.text, /Add an outcome/, 'a final plan is not edited in place');
  const form = await cw.get(`/plans/${planId}/reviews/new`);
  assert.equal(form.status, 200);
  const token = csrfFrom(form.text);
  const today = new Date();
  const meeting = iso(new Date(today.getTime() - 3 * 86400000));

  // Progress missing on one outcome: refused, naming that outcome's field; nothing written.
  const partial = { csrf_token: token, meeting_on: meeting, lead: 'school', recommendation: 'amend', views: 'Keen to try the bus' };
  for (const id of outcomes.slice(1)) partial[`progress_${id}`] = 'on_track';
  const refused = await cw.postForm(`/plans/${planId}/reviews`, partial);
  assert.equal(refused.status, 400);
  assert.match(decode(refused.text), new RegExp(`href="#progress\\.${outcomes[0]}"`));
  const future = await cw.postForm(`/plans/${planId}/reviews`,
    { ...partial, [`progress_${outcomes[0]}`]: 'achieved', meeting_on: iso(new Date(today.getTime() + 86400000)) });
  assert.equal(future.status, 400);
  assert.match(decode(future.text), /href="#meeting_on"/);
  assert.doesNotMatch((await cw.get(`/plans/${planId}`)).text, /Review meeting on/, 'nothing written');

  const recorded = await cw.postForm(`/plans/${planId}/reviews`,
    { ...partial, [`progress_${outcomes[0]}`]: 'achieved', [`note_${outcomes[0]}`]: 'Met in the summer term' });
  assert.equal(recorded.status, 303, recorded.text);
  const reviewId = decode(recorded.location).match(/\/reviews\/([^?]+)/)[1];
  let review = (await cw.json('GET', `/api/v1/reviews/${reviewId}`)).data;
  assert.equal(review.lead, 'school');
  assert.equal(review.progress.length, outcomes.length, 'progress on every outcome');
  assert.equal(review.decision, null);
  const fourWeeks = new Date(`${meeting}T00:00:00Z`);
  fourWeeks.setUTCDate(fourWeeks.getUTCDate() + 28);
  assert.equal(review.decision_due.date, iso(fourWeeks), '4 weeks from the meeting');
  assert.match(review.decision_due.basis, /reg 20/);

  // The reviews page lists it as waiting for a decision.
  assert.match(decode((await cw.get('/reviews')).text), new RegExp(`/reviews/${reviewId}"`));
  // The annual review clock now runs from the meeting.
  let row;
  for (let page = 1; !row; page++) {
    const due = (await cw.json('GET', `/api/v1/reviews?page=${page}`)).data;
    row = due.reviews.find((r) => r.plan_id === planId);
    if (page >= due.pages) break;
  }
  assert.ok(row, 'the plan is still on the review list');
  assert.equal(row.last_event, meeting);
  assert.equal(row.last_event_is_review, true);

  // Keeping the plan needs reasons for the letter (the family may appeal).
  const reviewPage = await cw.get(`/reviews/${reviewId}`);
  const noReasons = await cw.postForm(`/reviews/${reviewId}/decision`,
    { csrf_token: csrfFrom(reviewPage.text), version: '1', decision: 'maintain', decided_on: iso(today), reasons: '' });
  assert.equal(noReasons.status, 400);
  assert.match(decode(noReasons.text), /href="#letter_reason"/);
  const amend = await cw.postForm(`/reviews/${reviewId}/decision`, {
    csrf_token: csrfFrom(reviewPage.text), version: '1', decision: 'amend', decided_on: iso(today),
    reasons: '', amendments: 'Add travel training to section F',
  });
  assert.equal(amend.status, 303, amend.text);
  review = (await cw.json('GET', `/api/v1/reviews/${reviewId}`)).data;
  assert.equal(review.decision, 'amend');
  assert.equal(review.letters.length, 1);
  assert.equal(review.letters[0].kind, 'review_amend');
  const letter = decode((await cw.get(`/letters/${review.letters[0].id}`)).text);
  assert.match(letter, /Add travel training to section F/);

  // The plan is open for amendment: an outcome can be added, as a new version.
  plan = (await cw.json('GET', `/api/v1/plans/${planId}`)).data;
  const amendPage = await cw.get(`/plans/${planId}`);
  assert.match(amendPage.text, /Add an outcome/);
  const added = await cw.postForm(`/plans/${planId}/outcomes`, {
    csrf_token: csrfFrom(amendPage.text), version: String(plan.version),
    text: 'Travel to college on the bus with a buddy', target_date: '2027-09-01',
  });
  assert.equal(added.status, 303, added.text);

  // Issue the amended plan: recorded, with its final-plan letter, and the plan closes again.
  const issuedPage = await cw.get(`/reviews/${reviewId}`);
  const early = await cw.postForm(`/reviews/${reviewId}/amended-plan`,
    { csrf_token: csrfFrom(issuedPage.text), version: '2', amended_on: meeting });
  assert.equal(early.status, 400, 'not before the decision');
  const issued = await cw.postForm(`/reviews/${reviewId}/amended-plan`,
    { csrf_token: csrfFrom(issuedPage.text), version: '2', amended_on: iso(today) });
  assert.equal(issued.status, 303, issued.text);
  review = (await cw.json('GET', `/api/v1/reviews/${reviewId}`)).data;
  assert.equal(review.amended_plan_issued_on, iso(today));
  assert.equal(review.amended_plan_due.status, 'done_on_time');
  assert.deepEqual(review.letters.map((l) => l.kind).sort(), ['final_plan', 'review_amend']);
  assert.doesNotMatch((await cw.get(`/plans/${planId}`)).text, /Add an outcome/, 'closed again');
  assert.doesNotMatch(decode((await cw.get('/reviews')).text), new RegExp(`/reviews/${reviewId}"`));
});

test('the API records a meeting with the same checks', async () => {
  const cw = clients.caseworker;
  const me = await cw.json('GET', '/api/v1/me');
  const headers = { 'x-csrf-token': me.data.csrf_token };
  const planId = await finalPlanWithoutOpenReview(cw);
  const plan = (await cw.json('GET', `/api/v1/plans/${planId}`)).data;
  const bad = await cw.json('POST', `/api/v1/plans/${planId}/reviews`,
    { meeting_on: 'yesterday', lead: 'council', recommendation: 'maintain', progress: [] }, { headers });
  assert.equal(bad.status, 400);
  assert.ok(bad.data.fields.some((f) => f.field === 'meeting_on'));
  const good = await cw.json('POST', `/api/v1/plans/${planId}/reviews`, {
    meeting_on: iso(new Date()), lead: 'council', recommendation: 'maintain',
    progress: plan.outcomes.map((o) => ({ outcome_id: o.id, progress: 'on_track' })),
  }, { headers });
  assert.equal(good.status, 201, good.text);
  assert.equal(good.data.recommendation, 'maintain');
  // A provider with no involvement cannot read it.
  const other = await clients.provider.json('GET', `/api/v1/reviews/${good.data.id}`);
  assert.equal(other.status, 403);
});

// EHC plans: every provision line shows who secures it, who pays and why; the
// plan's and the area's annual costs add up; access follows the child's record.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ['caseworker', 'finance_officer', 'board_member', 'provider']) {
    const c = new Client(server.url);
    const f = await c.get('/sign-in');
    const r = await c.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email(role), password: PASSWORD });
    assert.equal(r.status, 303);
    clients[role] = c;
  }
});
after(async () => { await server?.stop(); });

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const pounds = (text) => Number(text.replace(/[£,]/g, ''));

test('a child with an EHC plan has a final plan whose every line names who secures, who pays and why', async () => {
  const list = await clients.caseworker.json('GET', '/api/v1/children?plan_status=ehc_plan');
  const child = list.data.children[0].id;
  const record = decode((await clients.caseworker.get(`/children/${child}`)).text);
  const planId = record.match(/href="\/plans\/([^"]+)">Final plan/)[1];
  const res = await clients.caseworker.get(`/plans/${planId}`);
  assert.equal(res.status, 200);
  const html = decode(res.text);
  const body = html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
  const rows = body.split('<tr class="govuk-table__row">').slice(1);
  assert.ok(rows.length >= 2, 'several provision lines');
  let total = 0;
  for (const row of rows) {
    const cells = [...row.matchAll(/<td class="govuk-table__cell[^"]*">([\s\S]*?)<\/td>/g)].map((m) => m[1]);
    assert.match(cells[0], /^(F|G|H1|H2)$/);
    assert.doesNotMatch(cells[2], /Not set/, 'a securing agency');
    assert.match(cells[3], /\d+\.\d\d%/, 'paying shares');
    assert.ok(cells[5].trim().length > 20, 'the rule that decided it');
    total += pounds(cells[4]);
  }
  // The costs by payer add up to the lines' total (the top-up is part of the council's figure).
  const summary = html.slice(html.indexOf('Annual cost by who pays'));
  const payers = [...summary.matchAll(/<dt class="govuk-summary-list__key">([^<]+)<\/dt><dd class="govuk-summary-list__value">([^<]+)<\/dd>/g)]
    .filter((m) => !m[1].startsWith('of which'))
    .map((m) => pounds(m[2]));
  assert.ok(Math.abs(payers.reduce((a, b) => a + b, 0) - total) < 0.01, `payers sum to ${total}`);
  assert.match(html, /Version 1/);
  const api = await clients.caseworker.json('GET', `/api/v1/plans/${planId}`);
  assert.equal(api.status, 200);
  for (const line of api.data.provision) {
    assert.equal(line.paying.reduce((a, s) => a + s.basis_points, 0), 10000, 'shares make the whole');
    if (line.section === 'G') assert.equal(line.icb_agreed, true, 'reg 12(2): the ICB agrees section G');
  }
});

test('the area cost page is for finance and boards; the provider cannot open a plan it is not named on', async () => {
  const costs = await clients.finance_officer.get('/performance/costs');
  assert.equal(costs.status, 200);
  assert.match(decode(costs.text), /Integrated care board/);
  assert.equal((await clients.board_member.get('/performance/costs')).status, 200);
  const list = await clients.caseworker.json('GET', '/api/v1/children?plan_status=ehc_plan&page=3');
  const child = list.data.children[0].id;
  const planId = decode((await clients.caseworker.get(`/children/${child}`)).text).match(/href="\/plans\/([^"]+)"/)[1];
  assert.equal((await clients.finance_officer.get(`/plans/${planId}`)).status, 403, 'finance sees totals, not files');
  assert.equal((await clients.caseworker.get(`/plans/${planId}?version=99`)).status, 404);
});

test('annual reviews: overdue first, each due the day before the anniversary of the last review (CFA s44(1))', async () => {
  const res = await clients.caseworker.json('GET', '/api/v1/reviews');
  assert.equal(res.status, 200);
  const { reviews, overdue, total } = res.data;
  assert.ok(total > 100, 'the demo area has plans to review');
  assert.ok(overdue > 0, 'some reviews have slipped, and they show');
  for (let i = 1; i < reviews.length; i++) assert.ok(reviews[i - 1].days_left <= reviews[i].days_left, 'soonest first');
  // Every row counts its days left to the date it shows, transferred plans
  // (reg 15(5)) included: the due date less the days left is the same day.
  const today = (r) => new Date(Date.parse(`${r.review_due}T00:00:00Z`) - r.days_left * 86400000).toISOString().slice(0, 10);
  for (const r of reviews) {
    assert.equal(today(r), today(reviews[0]), `${r.plan_id}: ${r.days_left} days to ${r.review_due}`);
    assert.equal(r.overdue, r.days_left < 0, r.plan_id);
  }
  assert.equal(reviews[0].overdue, true);
  for (const r of reviews) {
    // 12 months starting with the day of the last event: the last day in time is the day before its anniversary.
    const last = new Date(`${r.last_event}T00:00:00Z`);
    const anniversary = new Date(Date.UTC(last.getUTCFullYear() + 1, last.getUTCMonth(), last.getUTCDate()));
    if (anniversary.getUTCMonth() !== last.getUTCMonth()) continue;  // 29 February: checked in the core tests
    anniversary.setUTCDate(anniversary.getUTCDate() - 1);
    const dayBefore = anniversary.toISOString().slice(0, 10);
    if (/reg 15\(5\)/.test(r.basis)) {
      // A plan transferred in: the later of that and 3 months from the
      // transfer (SEND Regulations 2014 reg 15(5); moves.test.mjs).
      assert.ok(r.review_due >= dayBefore, `${r.plan_id}: transferred in, due no earlier than ${dayBefore}`);
      continue;
    }
    assert.equal(r.review_due, dayBefore, `${r.plan_id}: due the day before the anniversary`);
  }
  assert.equal((await clients.finance_officer.get('/reviews')).status, 403, 'finance works with totals, not case lists');
  const page = await clients.caseworker.get('/reviews');
  assert.equal(page.status, 200);
  assert.match(page.text, /reviews overdue/);
});

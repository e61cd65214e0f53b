// A caseworker walks an EHC needs assessment from request to final plan over
// HTTP; the clock's dates and the caseload's ordering are what users rely on.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let caseworker;
let icb;

async function signedIn(role) {
  const client = new Client(server.url);
  const form = await client.get('/sign-in');
  const res = await client.postForm('/sign-in', { csrf_token: csrfFrom(form.text), email: email(role), password: PASSWORD });
  assert.equal(res.status, 303);
  return client;
}

before(async () => {
  server = await startServer({ demo: true });
  caseworker = await signedIn('caseworker');
  icb = await signedIn('icb_commissioner');
});
after(async () => { await server?.stop(); });

async function api(client, method, path, body) {
  const me = await client.json('GET', '/api/v1/me');
  return client.request(method, path, {
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.data.csrf_token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function newChild() {
  const res = await api(caseworker, 'POST', '/api/v1/children', {
    given_name: 'Clara', family_name: 'Clockwork', date_of_birth: '2017-06-01', sex: 'F', plan_status: 'assessment',
  });
  assert.equal(res.status, 201);
  return res.data.id;
}

test('from request to final plan: each step on the clock, refusals naming the field', async () => {
  const child = await newChild();
  const started = await api(caseworker, 'POST', `/api/v1/children/${child}/assessments`,
    { received_on: '2025-01-06', source: 'parent' });
  assert.equal(started.status, 201, started.text);
  const id = started.data.id;
  let a = (await caseworker.json('GET', `/api/v1/assessments/${id}`)).data;
  assert.equal(a.stage, 'awaiting_decision');
  // Received Monday 6 January 2025: decide by 17 February (reg 5(1), 6 weeks).
  assert.equal(a.next_step.step, 'decide_whether_to_assess');
  assert.equal(a.next_step.last_day, '2025-02-17');

  const early = await api(caseworker, 'POST', `/api/v1/assessments/${id}/steps`,
    { step: 'decide', on: '2025-01-05', assess: 'yes', version: a.version });
  assert.equal(early.status, 400);
  assert.equal(early.data.fields[0].field, 'decided_on', 'a decision before the request is refused');

  const step = async (body) => {
    const res = await api(caseworker, 'POST', `/api/v1/assessments/${id}/steps`, { ...body, version: a.version });
    assert.equal(res.status, 200, res.text);
    a = res.data;
  };
  await step({ step: 'decide', on: '2025-02-10', assess: 'yes' });
  assert.equal(a.stage, 'assessing');
  await step({ step: 'request_advice', on: '2025-02-11', advice_kind: 'medical', provider: 'Northside Health', agency: 'icb' });
  assert.equal(a.advice[0].due, '2025-03-25', 'reg 8(1): 6 weeks from the adviser receiving the request');
  await step({ step: 'advice_received', on: '2025-03-20', advice_id: a.advice[0].id });
  await step({ step: 'draft', on: '2025-04-28' });
  const tooSoon = await api(caseworker, 'POST', `/api/v1/assessments/${id}/steps`,
    { step: 'final', on: '2025-05-12', version: a.version });
  assert.equal(tooSoon.status, 400);
  assert.match(tooSoon.data.fields[0].message, /15 days/);
  await step({ step: 'final', on: '2025-05-13' });
  assert.equal(a.stage, 'final_issued');
  assert.equal(a.next_step, undefined);

  const stale = await api(caseworker, 'POST', `/api/v1/assessments/${id}/steps`, { step: 'final', on: '2025-05-14', version: 1 });
  assert.equal(stale.status, 409);

  const page = await caseworker.get(`/assessments/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Final plan issued/);
  // Three statutory letters: decision to assess, draft plan, final plan.
  const links = [...page.text.matchAll(/href="&#x2F;letters&#x2F;([^"]+)"|href="\/letters\/([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  assert.equal(links.length, 3, 'a letter for each statutory step');
  const letters = await Promise.all(links.map((l) => caseworker.get(`/letters/${l}`)));
  const finalLetter = letters.map((l) => l.text).find((t) => /final/i.test(t) && /appeal/i.test(t));
  assert.ok(finalLetter, 'the final plan letter explains the right of appeal');
  // Final plan notice 13 May 2025: appeal within 2 months (Tribunal Rules r20(1)(c)).
  assert.match(finalLetter, /13 July 2025/);
  assert.match(finalLetter, /mediation/i);
  assert.equal((await icb.get(`/letters/${links[0]}`)).status, 403, 'letters follow the child record access rule');
  assert.equal((await icb.get(`/assessments/${id}`)).status, 403, 'the ICB is not involved with this child');
});

test('a refusal to assess needs reasons for its letter, and then sends one with the right of appeal', async () => {
  const child = await newChild();
  const started = await api(caseworker, 'POST', `/api/v1/children/${child}/assessments`,
    { received_on: '2025-03-03', source: 'school_or_setting' });
  const id = started.data.id;
  const noReasons = await api(caseworker, 'POST', `/api/v1/assessments/${id}/steps`,
    { step: 'decide', on: '2025-04-01', assess: 'no', version: 1 });
  assert.equal(noReasons.status, 400);
  assert.equal(noReasons.data.fields[0].field, 'letter_reason');
  const refused = await api(caseworker, 'POST', `/api/v1/assessments/${id}/steps`,
    { step: 'decide', on: '2025-04-01', assess: 'no', version: 1, reason: 'The school has not yet used its SEN support.' });
  assert.equal(refused.status, 200, refused.text);
  assert.equal(refused.data.stage, 'not_assessing');
});

test('the caseload puts overdue cases first, and the 20-week page answers', async () => {
  const res = await caseworker.json('GET', '/api/v1/assessments?scope=area');
  assert.equal(res.status, 200);
  const rows = res.data.assessments;
  assert.ok(rows.length > 0, 'the demo area has assessments under way');
  const rank = { overdue: 0, at_risk: 1, on_time: 2, exception_applies: 3 };
  for (let i = 1; i < rows.length; i++) {
    const [p, c] = [rows[i - 1], rows[i]];
    assert.ok(rank[p.status] < rank[c.status] || (rank[p.status] === rank[c.status] && p.days_left <= c.days_left),
      `row ${i} (${c.status}, ${c.days_left}) follows row ${i - 1} (${p.status}, ${p.days_left})`);
  }
  const perf = await caseworker.get('/performance/twenty-weeks?year=2025');
  assert.equal(perf.status, 200);
  assert.match(perf.text, /Excluding exceptions/);
  assert.equal((await caseworker.get('/performance/twenty-weeks?year=1999')).status, 400);
});

test('a final plan recorded shows in the 20-week rate at once', async () => {
  const figures = async () => {
    const res = await caseworker.get('/performance/twenty-weeks?year=2025');
    assert.equal(res.status, 200);
    const row = res.text.match(/Including exceptions<\/th><td[^>]*>(\d+)<\/td><td[^>]*>(\d+)<\/td>/);
    assert.ok(row, 'the including-exceptions row');
    return { within: Number(row[1]), plans: Number(row[2]) };
  };
  const before = await figures();
  assert.deepEqual(await figures(), before, 'asking again changes nothing');
  const child = await newChild();
  const started = await api(caseworker, 'POST', `/api/v1/children/${child}/assessments`,
    { received_on: '2025-01-06', source: 'parent' });
  assert.equal(started.status, 201, started.text);
  let a = (await caseworker.json('GET', `/api/v1/assessments/${started.data.id}`)).data;
  for (const body of [{ step: 'decide', on: '2025-02-10', assess: 'yes' }, { step: 'draft', on: '2025-04-28' },
    { step: 'final', on: '2025-05-13' }]) {
    const res = await api(caseworker, 'POST', `/api/v1/assessments/${a.id}/steps`, { ...body, version: a.version });
    assert.equal(res.status, 200, res.text);
    a = res.data;
  }
  assert.deepEqual(await figures(), { within: before.within + 1, plans: before.plans + 1 });
});

test('a manager sees each caseworker\'s load and gives a case to another caseworker', async () => {
  const manager = await signedIn('sen_manager');
  const area = await manager.get('/cases?scope=area');
  assert.equal(area.status, 200);
  assert.match(area.text, /Caseloads/);
  const rows = (await manager.json('GET', '/api/v1/assessments?scope=area')).data.assessments;
  const target = rows[0];
  const page = await manager.get(`/assessments/${target.id}`);
  const version = page.text.match(/name="version" value="(\d+)"/)[1];
  const other = page.text.match(/<option value="([^"]+)">Jo Whitfield<\/option>/);
  assert.ok(other, 'the demo has several caseworkers to choose from');
  const moved = await manager.postForm(`/assessments/${target.id}/caseworker`,
    { csrf_token: csrfFrom(page.text), caseworker_id: other[1], version });
  assert.equal(moved.status, 303);
  assert.match((await manager.get(`/assessments/${target.id}`)).text, /Caseworker: Jo Whitfield/);
  const mine = await signedIn('caseworker');
  const refused = await mine.postForm(`/assessments/${target.id}/caseworker`,
    { csrf_token: csrfFrom((await mine.get('/cases')).text), caseworker_id: other[1], version });
  assert.equal(refused.status, 403, 'caseworkers do not reallocate cases');
});

test('a new request, a decision and a reallocation show in the caseload on the next request', async () => {
  const mine = async () => (await caseworker.json('GET', '/api/v1/assessments')).data;
  const rowOf = async (id) => {
    for (let page = 1, pages = 1; page <= pages; page++) {
      const res = (await caseworker.json('GET', `/api/v1/assessments?page=${page}`)).data;
      pages = res.pages;
      const row = res.assessments.find((r) => r.id === id);
      if (row) return row;
    }
    return undefined;
  };
  const before = await mine();
  assert.deepEqual(await mine(), before, 'asking again changes nothing');
  const child = await newChild();
  const started = await api(caseworker, 'POST', `/api/v1/children/${child}/assessments`,
    { received_on: '2025-01-06', source: 'parent' });
  assert.equal(started.status, 201, started.text);
  const afterRequest = await mine();
  assert.equal(afterRequest.total, before.total + 1, 'the new request is counted at once');
  assert.equal(afterRequest.overdue, before.overdue + 1, 'its decision was due on 17 February 2025 (reg 5(1))');
  assert.equal((await rowOf(started.data.id))?.stage, 'awaiting_decision');

  const decided = await api(caseworker, 'POST', `/api/v1/assessments/${started.data.id}/steps`,
    { step: 'decide', on: '2025-02-10', assess: 'yes', version: 1 });
  assert.equal(decided.status, 200, decided.text);
  const row = await rowOf(started.data.id);
  assert.equal(row.stage, 'assessing', 'the decision shows on the next request');
  assert.equal(row.last_day, '2025-05-26', 'the 20-week final plan is now chased (reg 13(2))');

  const manager = await signedIn('sen_manager');
  const page = await manager.get(`/assessments/${started.data.id}`);
  const other = page.text.match(/<option value="([^"]+)">Jo Whitfield<\/option>/);
  const moved = await manager.postForm(`/assessments/${started.data.id}/caseworker`,
    { csrf_token: csrfFrom(page.text), caseworker_id: other[1], version: decided.data.version });
  assert.equal(moved.status, 303);
  assert.equal((await mine()).total, before.total, 'a case given to another caseworker leaves my list at once');
  assert.equal(await rowOf(started.data.id), undefined);
});

test('a health notice (CFA s23) is recorded on a young child without starting a clock; not for a 10-year-old', async () => {
  const young = await api(caseworker, 'POST', '/api/v1/children', {
    given_name: 'Nora', family_name: 'Notice', date_of_birth: '2023-01-10', sex: 'F', plan_status: 'health_only',
  });
  const id = young.data.id;
  const record = await caseworker.get(`/children/${id}`);
  const res = await caseworker.postForm(`/children/${id}/health-notifications`, {
    csrf_token: csrfFrom(record.text), notified_on: '2025-02-03', from_body: 'Northside health visiting team',
    details: 'Speech delay noted at the two-year review; parent told.',
  });
  assert.equal(res.status, 303);
  const after = await caseworker.get(`/children/${id}`);
  assert.match(after.text, /Northside health visiting team/);
  assert.match(after.text, /No request for an assessment recorded/, 'no clock started');
  const older = await newChild();
  const refused = await caseworker.postForm(`/children/${older}/health-notifications`, {
    csrf_token: csrfFrom(record.text), notified_on: '2025-02-03', from_body: 'School nursing',
  });
  assert.equal(refused.status, 400);
  assert.match(refused.text, /request for an EHC needs assessment/);
});

test('a school closure exception is checked against the area\'s school term dates (reg 10(4)(a))', async () => {
  const child = await newChild();
  const started = await api(caseworker, 'POST', `/api/v1/children/${child}/assessments`,
    { received_on: '2026-06-01', source: 'parent' });
  const id = started.data.id;
  const decided = await api(caseworker, 'POST', `/api/v1/assessments/${id}/steps`,
    { step: 'decide', on: '2026-06-15', assess: 'yes', version: 1 });
  assert.equal(decided.status, 200, decided.text);
  // The demo area's summer term ends 22 July 2026 and the autumn term starts 2 September.
  const exception = (start, end) => api(caseworker, 'POST', `/api/v1/assessments/${id}/steps`,
    { step: 'exception', ground: 'school_closure', on: start, end_on: end, reason: 'Summer holiday', version: 2 });
  const tooEarly = await exception('2026-07-01', '2026-08-26');
  assert.equal(tooEarly.status, 400, tooEarly.text);
  assert.equal(tooEarly.data.fields[0].field, 'start');
  assert.match(tooEarly.data.fields[0].message, /school term dates/);
  const tooLong = await exception('2026-07-20', '2026-09-01');
  assert.equal(tooLong.status, 400, tooLong.text);
  assert.equal(tooLong.data.fields[0].field, 'end_on');
  assert.match(tooLong.data.fields[0].message, /26 August 2026/);
  const inWindow = await exception('2026-07-20', '2026-08-26');
  assert.equal(inWindow.status, 200, inWindow.text);
});

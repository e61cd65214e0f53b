// Advice timeliness by provider: a provider that is late with its advice shows
// as late, with the request to chase, the moment the 6 weeks of reg 8(1) run
// out; advice back in time counts as in time. The figures are worked out here
// from the dates the test records.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let cw;

async function signedIn(role) {
  const client = new Client(server.url);
  const f = await client.get('/sign-in');
  const r = await client.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email(role), password: PASSWORD });
  assert.equal(r.status, 303);
  return client;
}

async function api(client, method, path, body) {
  const me = await client.json('GET', '/api/v1/me');
  return client.request(method, path, {
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.data.csrf_token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const iso = (d) => d.toISOString().slice(0, 10);
const daysAgo = (n) => iso(new Date(Date.now() - n * 86_400_000));

before(async () => {
  server = await startServer({ demo: true });
  cw = await signedIn('caseworker');
});
after(async () => { await server?.stop(); });

test('a provider late with advice is named, with the request to chase and its days late', async () => {
  const child = await api(cw, 'POST', '/api/v1/children', {
    given_name: 'Ada', family_name: 'Adviceson', date_of_birth: '2016-04-04', sex: 'F', plan_status: 'assessment',
  });
  assert.equal(child.status, 201, child.text);
  const started = await api(cw, 'POST', `/api/v1/children/${child.data.id}/assessments`,
    { received_on: daysAgo(80), source: 'parent' });
  assert.equal(started.status, 201, started.text);
  const id = started.data.id;
  let a = (await cw.json('GET', `/api/v1/assessments/${id}`)).data;
  const step = async (body) => {
    const res = await api(cw, 'POST', `/api/v1/assessments/${id}/steps`, { ...body, version: a.version });
    assert.equal(res.status, 200, res.text);
    a = res.data;
  };
  await step({ step: 'decide', on: daysAgo(75), assess: 'yes' });
  // Asked 50 days ago: the last day was 8 days ago (6 weeks, reg 8(1)), so 8 days late.
  await step({ step: 'request_advice', on: daysAgo(50), advice_kind: 'medical', provider: 'Tardy Community Health', agency: 'icb' });
  // Asked 60 days ago and back 30 days ago: in time.
  await step({ step: 'request_advice', on: daysAgo(60), advice_kind: 'psychological', provider: 'Prompt Psychology', agency: 'council_education' });
  const prompt = a.advice.find((r) => r.provider === 'Prompt Psychology');
  await step({ step: 'advice_received', on: daysAgo(30), advice_id: prompt.id });

  const report = await cw.json('GET', '/api/v1/performance/advice');
  assert.equal(report.status, 200, report.text);
  const tardy = report.data.providers.find((p) => p.provider === 'Tardy Community Health');
  assert.deepEqual(
    { asked: tardy.asked, overdue: tardy.overdue, longest: tardy.longest_overdue_days, percent: tardy.percent_on_time },
    { asked: 1, overdue: 1, longest: 8, percent: 0 });
  const quick = report.data.providers.find((p) => p.provider === 'Prompt Psychology');
  assert.deepEqual(
    { on_time: quick.returned_on_time, median: quick.median_days_to_return, percent: quick.percent_on_time },
    { on_time: 1, median: 30, percent: 100 });
  const chase = report.data.overdue.find((o) => o.assessment_id === id);
  assert.equal(chase.provider, 'Tardy Community Health');
  assert.equal(chase.days_late, 8);
  assert.equal(chase.last_day, daysAgo(8));
  // Worst first: no provider after Tardy has more overdue than it.
  const at = report.data.providers.indexOf(report.data.providers.find((p) => p.provider === 'Tardy Community Health'));
  for (const p of report.data.providers.slice(at + 1)) assert.ok(p.overdue <= 1, p.provider);

  // Health only: the psychology service drops out, the health provider stays.
  const health = await cw.json('GET', '/api/v1/performance/advice?agency=icb');
  assert.ok(health.data.providers.some((p) => p.provider === 'Tardy Community Health'));
  assert.ok(health.data.providers.every((p) => p.agency === 'icb'));

  const page = await cw.get('/performance/advice');
  assert.equal(page.status, 200);
  assert.match(page.text, /Tardy Community Health/);
  assert.ok(page.text.includes(`href="/assessments/${id}"`), "the overdue request links to its case");
  assert.doesNotMatch(page.text, /Adviceson/, 'no child is named on the report');
});

test('an unknown agency is refused naming the field; roles without performance access are refused', async () => {
  const bad = await cw.json('GET', '/api/v1/performance/advice?agency=nobody');
  assert.equal(bad.status, 400);
  assert.equal(bad.data.fields[0].field, 'agency');
  assert.match(bad.data.fields[0].message, /icb/);
  const page = await cw.get('/performance/advice?agency=nobody');
  assert.equal(page.status, 400);
  assert.match(page.text, /govuk-error-summary/);
  const provider = await signedIn('provider');
  assert.equal((await provider.get('/performance/advice')).status, 403);
});

// A family or school withdraws its request for an EHC needs assessment (CFA
// 2014 s36(1)): the caseworker records it on the case page or through the API,
// the case closes, and it leaves the caseload instead of sitting there overdue.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, checkAxe, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let caseworker;
let icb;
let admin;
let browser;

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
  admin = await signedIn('administrator');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function api(client, method, path, body) {
  const me = await client.json('GET', '/api/v1/me');
  return client.request(method, path, {
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.data.csrf_token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

// A request received on `received` and never decided.
async function newRequest(received, given = 'Wren') {
  const child = await api(caseworker, 'POST', '/api/v1/children', {
    given_name: given, family_name: 'Withdrawn', date_of_birth: '2016-09-01', sex: 'F', plan_status: 'assessment',
  });
  assert.equal(child.status, 201, child.text);
  const started = await api(caseworker, 'POST', `/api/v1/children/${child.data.id}/assessments`,
    { received_on: received, source: 'parent' });
  assert.equal(started.status, 201, started.text);
  return { child: child.data.id, id: started.data.id };
}

const caseload = async () => (await caseworker.json('GET', '/api/v1/assessments?scope=area')).data;

test('withdrawn on the case page: the case closes, says so, and leaves the caseload', async () => {
  const { child, id } = await newRequest('2025-01-06');
  let page = await caseworker.get(`/assessments/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Next: Decide whether to assess/);
  assert.match(page.text, /Overdue/);
  const before = await caseload();

  const form = { csrf_token: csrfFrom(page.text), version: '1', step: 'withdraw', on: '2025-01-20', reason: 'Parent emailed to withdraw' };
  assert.equal((await caseworker.postForm(`/assessments/${id}/steps`, { ...form, csrf_token: 'forged' })).status, 403,
    'the form needs its CSRF token');
  const tooSoon = await caseworker.postForm(`/assessments/${id}/steps`, { ...form, on: '2025-01-05' });
  assert.equal(tooSoon.status, 400);
  assert.match(tooSoon.text, /id="withdrawn_on-error"/, 'the date field is named');
  assert.match(tooSoon.text, /before the request was received/);

  const done = await caseworker.postForm(`/assessments/${id}/steps`, form);
  assert.equal(done.status, 303, done.text);
  page = await caseworker.get(`/assessments/${id}`);
  assert.match(page.text, /Request withdrawn on 20 January 2025/);
  assert.doesNotMatch(page.text, /Next:/, 'nothing left to chase');
  assert.doesNotMatch(page.text, /Record the next step/, 'no more steps to record');
  assert.doesNotMatch(page.text, /govuk-tag--red">Late/, 'withdrawn inside its 6 weeks: nothing was late');

  const stale = await caseworker.postForm(`/assessments/${id}/steps`, form);
  assert.equal(stale.status, 409, 'a second withdrawal from the old page is a stale edit');

  const now = await caseload();
  assert.equal(now.total, before.total - 1, 'the withdrawn case leaves the caseload');
  assert.equal(now.overdue, before.overdue - 1, 'and is no longer counted overdue');

  const json = (await caseworker.json('GET', `/api/v1/assessments/${id}`)).data;
  assert.equal(json.stage, 'withdrawn');
  assert.equal(json.withdrawn_on, '2025-01-20');
  assert.equal(json.next_step, undefined);

  const audit = (await admin.get(`/audit?child=${child}`)).text.replaceAll('&#x2F;', '/');
  assert.match(audit, /assessment\.withdraw/);
  assert.match(audit, /Parent emailed to withdraw/);
});

test('through the API: allowed while the case runs, refused naming the field, 409 when stale, 403 for others', async () => {
  const { id } = await newRequest('2025-03-03', 'Rowan');
  const step = (client, body) => api(client, 'POST', `/api/v1/assessments/${id}/steps`, body);

  assert.equal((await step(icb, { step: 'withdraw', on: '2025-03-10', version: 1 })).status, 403,
    'only those who may edit the child record it');
  const future = await step(caseworker, { step: 'withdraw', on: '2099-01-01', version: 1 });
  assert.equal(future.status, 400);
  assert.equal(future.data.fields[0].field, 'withdrawn_on');

  let a = (await step(caseworker, { step: 'decide', on: '2025-04-01', assess: 'yes', version: 1 })).data;
  const beforeDecision = await step(caseworker, { step: 'withdraw', on: '2025-03-20', version: a.version });
  assert.equal(beforeDecision.status, 400);
  assert.equal(beforeDecision.data.fields[0].field, 'withdrawn_on');
  assert.match(beforeDecision.data.fields[0].message, /decision whether to assess/);

  const withdrawn = await step(caseworker, { step: 'withdraw', on: '2025-05-01', version: a.version });
  assert.equal(withdrawn.status, 200, withdrawn.text);
  assert.equal(withdrawn.data.stage, 'withdrawn');
  assert.equal(withdrawn.data.withdrawn_on, '2025-05-01');

  assert.equal((await step(caseworker, { step: 'withdraw', on: '2025-05-02', version: a.version })).status, 409);
  const twice = await step(caseworker, { step: 'withdraw', on: '2025-05-02', version: withdrawn.data.version });
  assert.equal(twice.status, 400);
  assert.equal(twice.data.fields[0].field, 'withdrawn_on');
  const draft = await step(caseworker, { step: 'draft', on: '2025-05-02', version: withdrawn.data.version });
  assert.equal(draft.status, 400, 'no draft plan for a withdrawn request');
});

test('a request decided not to assess cannot then be withdrawn', async () => {
  const { id } = await newRequest('2025-03-03', 'Ash');
  const refused = await api(caseworker, 'POST', `/api/v1/assessments/${id}/steps`,
    { step: 'decide', on: '2025-04-01', assess: 'no', version: 1, reason: 'SEN support has not yet been tried.' });
  assert.equal(refused.status, 200, refused.text);
  const res = await api(caseworker, 'POST', `/api/v1/assessments/${id}/steps`,
    { step: 'withdraw', on: '2025-04-02', version: refused.data.version });
  assert.equal(res.status, 400);
  assert.equal(res.data.fields[0].field, 'withdrawn_on');
  assert.match(res.data.fields[0].message, /only while the case runs/);
});

test('in Chromium, by keyboard alone: a mistake names the date, then the withdrawal closes the case; axe passes', async () => {
  const { id } = await newRequest('2025-06-02', 'Elm');
  const page = await browser.newPage();
  await signIn(page, server.url, email('caseworker'), PASSWORD);
  await page.goto(`${server.url}/assessments/${id}`);
  await checkAxe(page);
  const date = page.locator('#withdrawn_on');
  await date.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2025-06-01');
  await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
  await page.locator('.govuk-error-summary').waitFor();
  assert.match(await page.title(), /^Error: /);
  assert.match(await page.locator('#withdrawn_on-error').textContent(), /before the request was received/);
  await checkAxe(page);
  await page.locator('#withdrawn_on').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2025-06-20');
  await Promise.all([page.waitForURL(/saved=1/), page.keyboard.press('Enter')]);
  assert.match(await page.locator('.govuk-inset-text').first().textContent(), /Request withdrawn on 20 June 2025/);
  assert.match(await page.locator('.govuk-caption-l').textContent(), /Request withdrawn/);
  await checkAxe(page);
  await page.close();
});

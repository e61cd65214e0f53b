// Decommissioning appraisals through the pages and the API: a commissioner
// appraises a contract or commissioning activity (every empty section named,
// nothing written), records the decision once with its date and who made
// it; the demo has one awaiting a decision; providers are kept out; the
// pages pass axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, checkAxe, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ['sen_manager', 'provider', 'finance_officer']) {
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
const daysFromNow = (n) => iso(new Date(Date.now() + n * 86400000));
const token = async (client) => (await client.json('GET', '/api/v1/me')).data.csrf_token;
const api = async (client, method, path, body) =>
  client.json(method, path, body, { headers: { 'x-csrf-token': await token(client) } });
const SECTIONS = ['needs_and_demand', 'quality_and_performance', 'cost', 'contract_terms', 'stakeholders', 'exit_plan'];

test('an appraisal from the form to a recorded decision', async () => {
  const cm = clients.sen_manager;
  const contract = (await cm.json('GET', '/api/v1/contracts')).data.contracts[0];
  const before = (await cm.json('GET', '/api/v1/decommissioning')).data.appraisals.length;
  const page = await cm.get('/decommissioning');
  assert.equal(page.status, 200);
  const csrf = csrfFrom(page.text);
  const bad = await cm.postForm('/decommissioning', { csrf_token: csrf, subject_id: `contract:${contract.id}` });
  assert.equal(bad.status, 400);
  for (const f of SECTIONS) assert.match(decode(bad.text), new RegExp(`href="#${f}"`));
  assert.equal((await cm.json('GET', '/api/v1/decommissioning')).data.appraisals.length, before, 'nothing written');

  const fields = Object.fromEntries(SECTIONS.map((s) => [s, `About ${s}`]));
  const ok = await cm.postForm('/decommissioning', { csrf_token: csrf, subject_id: `contract:${contract.id}`, ...fields });
  assert.equal(ok.status, 303, ok.text);
  const id = decode(ok.location).match(/\/decommissioning\/([^?]+)/)[1];
  let a = (await cm.json('GET', `/api/v1/decommissioning/${id}`)).data;
  assert.equal(a.subject, 'contract');
  assert.equal(a.subject_title, contract.title);
  assert.equal(a.decision, null);

  const noDecision = await cm.postForm(`/decommissioning/${id}/decision`,
    { csrf_token: csrf, decided_on: daysFromNow(2), decided_by: '' });
  assert.equal(noDecision.status, 400);
  for (const f of ['decision', 'decided_on', 'decided_by']) assert.match(decode(noDecision.text), new RegExp(`href="#${f}"`));
  const decided = await cm.postForm(`/decommissioning/${id}/decision`, {
    csrf_token: csrf, decision: 'recommission', decided_on: daysFromNow(0), decided_by: 'Joint commissioning board',
    rationale: 'A smaller service would meet the need',
  });
  assert.equal(decided.status, 303);
  a = (await cm.json('GET', `/api/v1/decommissioning/${id}`)).data;
  assert.equal(a.decision, 'recommission');
  assert.equal(a.decided_on, daysFromNow(0));
  assert.equal(a.decided_by, 'Joint commissioning board');
  const shown = decode((await cm.get(`/decommissioning/${id}`)).text);
  assert.match(shown, /Re-commission, decided on/);
  const again = await api(cm, 'POST', `/api/v1/decommissioning/${id}/decision`,
    { decision: 'decommission', decided_on: daysFromNow(0), decided_by: 'Board' });
  assert.equal(again.status, 400);
  assert.equal(again.data.fields[0].field, 'decision');
  const audit = (await cm.get('/audit')).text;
  assert.match(audit, /decommissioning\.start/);
  assert.match(audit, /decommissioning\.decide/);
});

// Decommissioning a contract ends the Local Offer services it delivers on the
// contract's end date: families still find them until then and are told the
// day, and nobody has to remember it.
test('decommissioning a contract gives the services it delivers its end date as their closing day', async () => {
  const cm = clients.sen_manager;
  const today = daysFromNow(0);
  const contract = (await cm.json('GET', '/api/v1/contracts')).data.contracts
    .find((c) => c.service_ids.length > 0 && c.end_on > today);
  assert.ok(contract, 'the demo has a running contract that delivers Local Offer services');
  const fields = Object.fromEntries(SECTIONS.map((s) => [s, `About ${s}`]));
  const made = await api(cm, 'POST', '/api/v1/decommissioning', { subject: 'contract', subject_id: contract.id, ...fields });
  assert.equal(made.status, 201, made.text);
  assert.deepEqual(made.data.services.map((s) => s.id).sort(), [...contract.service_ids].sort());
  assert.ok(made.data.services.every((s) => s.state === 'On offer'), JSON.stringify(made.data.services));
  const page = decode((await cm.get(`/decommissioning/${made.data.id}`)).text);
  assert.match(page, /Local Offer services it delivers/);
  assert.match(page, /closes them on the contract&#39;s end date|closes them on the contract's end date/);

  const decided = await api(cm, 'POST', `/api/v1/decommissioning/${made.data.id}/decision`,
    { decision: 'decommission', decided_on: today, decided_by: 'Joint commissioning board' });
  assert.equal(decided.status, 200, decided.text);
  const long = new Date(`${contract.end_on}T12:00:00Z`).toLocaleDateString('en-GB',
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const after = (await cm.json('GET', `/api/v1/decommissioning/${made.data.id}`)).data;
  assert.ok(after.services.every((s) => s.state === `Closes on ${long}`), JSON.stringify(after.services));
  const reviews = (await cm.json('GET', '/api/v1/directory/reviews')).data.services;
  for (const id of contract.service_ids) {
    assert.equal(reviews.find((s) => s.id === id).closes_on, contract.end_on);
    const servicePage = await fetch(`${server.url}/local-offer/services/${id}`);
    assert.equal(servicePage.status, 200, 'still offered until the contract ends');
    assert.match(await servicePage.text(), new RegExp(`This service closes on ${long}`));
  }
  const audit = decode((await cm.get('/audit')).text);
  assert.match(audit, /directory\.service\.closing/);
  assert.match(audit, /decommissioned: appraisal/);
});

test('the API appraises a commissioning activity and names an unknown one', async () => {
  const cm = clients.sen_manager;
  const fields = Object.fromEntries(SECTIONS.map((s) => [s, `About ${s}`]));
  const unknown = await api(cm, 'POST', '/api/v1/decommissioning', { subject: 'activity', subject_id: 'nope', ...fields });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.data.fields[0].field, 'subject_id');
  const activity = (await cm.json('GET', '/api/v1/commissioning')).data.activities?.[0];
  if (activity) {
    const res = await api(cm, 'POST', '/api/v1/decommissioning', { subject: 'activity', subject_id: activity.id, ...fields });
    assert.equal(res.status, 201, JSON.stringify(res.data));
    assert.equal(res.data.subject, 'activity');
    assert.equal(res.data.subject_title, activity.title);
  }
});

test('the demo has an appraisal awaiting a decision; a finance officer reads, a provider may not', async () => {
  const list = (await clients.finance_officer.json('GET', '/api/v1/decommissioning')).data.appraisals;
  assert.ok(list.some((a) => a.decision === null));
  assert.equal((await clients.provider.get('/decommissioning')).status, 403);
  assert.equal((await api(clients.finance_officer, 'POST', '/api/v1/decommissioning', {})).status, 403);
});

test('the appraisal pages pass axe-core, with errors shown too', async () => {
  const list = (await clients.sen_manager.json('GET', '/api/v1/decommissioning')).data.appraisals;
  const open = list.find((a) => a.decision === null);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('sen_manager'), PASSWORD);
    for (const path of ['/decommissioning', `/decommissioning/${open.id}`]) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
    await page.goto(`${server.url}/decommissioning`);
    await page.click('form[action="/decommissioning"] button[type=submit]');
    await page.waitForSelector('.govuk-error-summary');
    await checkAxe(page);
    await page.goto(`${server.url}/decommissioning/${open.id}`);
    await page.click(`form[action="/decommissioning/${open.id}/decision"] button[type=submit]`);
    await page.waitForSelector('.govuk-error-summary');
    await checkAxe(page);
  } finally {
    await browser.close();
  }
});

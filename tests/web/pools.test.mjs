// Pooled budgets through the pages and the API: a commissioner sets up a pool
// (bad input names the field and writes nothing), its balance falls as the
// contracts it pays for are invoiced; the demo has pools; providers are kept
// out; the pages pass axe-core.
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

test('a pool from the form: errors name the field and write nothing; balance falls with invoices', async () => {
  const cm = clients.sen_manager;
  const provider = (await cm.json('GET', '/api/v1/providers')).data.providers[0];
  const contract = (await api(cm, 'POST', '/api/v1/contracts', {
    provider_id: provider.id, title: 'Pooled therapy', type: 'section_75', stage: 'live',
    commissioners: [{ agency: 'icb', percent: 100 }], value_pence: 20_000_000,
    start_on: daysFromNow(-100), end_on: daysFromNow(600),
  })).data;
  const before = (await cm.json('GET', '/api/v1/pools')).data.pools.length;
  const page = await cm.get('/pools');
  assert.equal(page.status, 200);
  const csrf = csrfFrom(page.text);
  const bad = await cm.postForm('/pools', {
    csrf_token: csrf, name: '', host: 'icb', contribution_icb: 'lots', start_on: daysFromNow(-10), end_on: 'never',
  });
  assert.equal(bad.status, 400);
  const text = decode(bad.text);
  for (const f of ['name', 'contribution_icb', 'end_on']) assert.match(text, new RegExp(`href="#${f}"`));
  assert.equal((await cm.json('GET', '/api/v1/pools')).data.pools.length, before, 'nothing written');

  const ok = await cm.postForm('/pools', {
    csrf_token: csrf, name: 'Therapies pool', agreement: 'S75-T1', host: 'icb', contribution_icb: '£150,000',
    contribution_council_education: '50000', start_on: daysFromNow(-10), end_on: daysFromNow(355),
    [`contract.${contract.id}`]: 'yes',
  });
  assert.equal(ok.status, 303, ok.text);
  const id = decode(ok.location).match(/\/pools\/([^?]+)/)[1];
  let pool = (await cm.json('GET', `/api/v1/pools/${id}`)).data;
  assert.equal(pool.contributed_pence, 20_000_000);
  assert.deepEqual(pool.contributions.map((c) => [c.agency, c.basis_points]), [['icb', 7500], ['council_education', 2500]]);
  assert.deepEqual(pool.contracts.map((c) => c.id), [contract.id]);
  assert.equal(pool.balance_pence, 20_000_000);

  assert.equal((await api(cm, 'POST', `/api/v1/contracts/${contract.id}/invoices`,
    { reference: 'P-1', invoiced_on: daysFromNow(-1), amount_pence: 25_000_000 })).status, 201);
  pool = (await cm.json('GET', `/api/v1/pools/${id}`)).data;
  assert.equal(pool.spent_pence, 25_000_000);
  assert.equal(pool.balance_pence, -5_000_000);
  assert.equal(pool.overdrawn, true);
  const shown = decode((await cm.get(`/pools/${id}`)).text);
  assert.match(shown, /Overdrawn/);
  assert.match(shown, /-£50,000.00/);
  assert.match(shown, /Pooled therapy/);

  const apiBad = await api(cm, 'POST', '/api/v1/pools', { contract_ids: ['nope'] });
  assert.equal(apiBad.status, 400);
  assert.deepEqual(apiBad.data.fields.map((e) => e.field).sort(),
    ['contract_ids', 'contributions', 'end_on', 'host', 'name', 'start_on']);
  const viaApi = await api(cm, 'POST', '/api/v1/pools', {
    name: 'API pool', host: 'council_social_care', start_on: daysFromNow(0), end_on: daysFromNow(30),
    contributions: [{ agency: 'council_social_care', amount_pence: 1000 }], contract_ids: [],
  });
  assert.equal(viaApi.status, 201, JSON.stringify(viaApi.data));
  assert.equal(viaApi.data.balance_pence, 1000);
  assert.match((await cm.get('/audit')).text, /pool\.create/);
});

test('the demo has pools; a finance officer reads them; a provider may not', async () => {
  const pools = (await clients.finance_officer.json('GET', '/api/v1/pools')).data.pools;
  assert.ok(pools.length >= 1);
  assert.ok(pools.some((p) => p.contracts.length > 0 && p.spent_pence > 0));
  assert.equal((await clients.finance_officer.get(`/pools/${pools[0].id}`)).status, 200);
  assert.equal((await clients.finance_officer.postForm('/pools', { csrf_token: await token(clients.finance_officer) })).status, 403);
  assert.equal((await clients.provider.get('/pools')).status, 403);
  assert.equal((await clients.provider.json('GET', `/api/v1/pools/${pools[0].id}`)).status, 403);
});

test('the pooled budget pages pass axe-core, with errors shown too', async () => {
  const pools = (await clients.sen_manager.json('GET', '/api/v1/pools')).data.pools;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('sen_manager'), PASSWORD);
    for (const path of ['/pools', `/pools/${pools[0].id}`]) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
    await page.goto(`${server.url}/pools`);
    await page.click('form[action="/pools"] button[type=submit]');
    await page.waitForSelector('.govuk-error-summary');
    await checkAxe(page);
  } finally {
    await browser.close();
  }
});

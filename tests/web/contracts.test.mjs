// Commissioned services through the pages and the API: a commissioner adds a
// provider and a contract (shares that do not add up are refused and nothing
// is written), its indicators, and moves it through procurement only along
// the cycle; the provider's own staff send the quarterly return through their
// own sign-in, rated against the targets, and see no other provider's
// contracts; the list filters by stage, agency and ending soon; every page
// passes axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, checkAxe, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};
const OWN_PROVIDER = 'Tandem Vale Community Health NHS Trust';  // the demo provider account's organisation

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
// The financial quarter before today's, as "2025-26-Q2".
function lastQuarter() {
  const now = new Date();
  const m = now.getUTCMonth() + 1;
  let year = m <= 3 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  let q = m <= 3 ? 4 : Math.floor((m - 4) / 3) + 1;
  if (q === 1) { q = 4; year -= 1; } else { q -= 1; }
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}-Q${q}`;
}
const api = async (client, method, path, body) =>
  client.json(method, path, body, { headers: { 'x-csrf-token': await token(client) } });

test('a contract from the form to review and extension, its indicators, along the procurement cycle only', async () => {
  const cm = clients.sen_manager;
  const csrf = await token(cm);
  assert.equal((await cm.postForm('/providers', { csrf_token: csrf, name: '' })).status, 400);
  assert.equal((await cm.postForm('/providers', { csrf_token: csrf, name: 'Harbour Speech Therapy CIC' })).status, 303);
  const providers = (await cm.json('GET', '/api/v1/providers')).data.providers;
  const provider = providers.find((p) => p.name === 'Harbour Speech Therapy CIC');
  assert.ok(provider);

  const before = (await cm.json('GET', '/api/v1/contracts')).data.contracts.length;
  const fields = {
    csrf_token: csrf, provider_id: provider.id, title: 'Speech therapy in mainstream schools', type: 'block',
    stage: 'live', share_icb: '60', share_council_education: '30', value: '£450,000',
    start_on: daysFromNow(-400), end_on: daysFromNow(700), provision_names: 'Harbour speech therapy team',
  };
  const bad = await cm.postForm('/contracts', fields);
  assert.equal(bad.status, 400);
  assert.match(decode(bad.text), /href="#commissioners"/);
  assert.match(decode(bad.text), /sum to 100|add up to 100|10,000|100%/i);
  assert.equal((await cm.json('GET', '/api/v1/contracts')).data.contracts.length, before, 'nothing written');

  const created = await cm.postForm('/contracts', { ...fields, share_council_education: '40' });
  assert.equal(created.status, 303, created.text);
  const id = decode(created.location).match(/\/contracts\/([^?]+)/)[1];
  let contract = (await cm.json('GET', `/api/v1/contracts/${id}`)).data;
  assert.equal(contract.stage, 'live');
  assert.equal(contract.value_pence, 45_000_000);
  assert.deepEqual(contract.commissioners.map((c) => [c.agency, c.value_pence]),
    [['council_education', 18_000_000], ['icb', 27_000_000]]);
  assert.deepEqual(contract.next_stages, ['review', 'end']);

  const page = await cm.get(`/contracts/${id}`);
  assert.equal(page.status, 200);
  const kpiBad = await cm.postForm(`/contracts/${id}/kpis`, {
    csrf_token: csrfFrom(page.text), name: 'Seen within 18 weeks', unit: '%', direction: 'higher_is_better',
    target: '90', amber: '95' });
  assert.equal(kpiBad.status, 400);
  assert.match(decode(kpiBad.text), /href="#amber"/);
  const kpi = await api(cm, 'POST', `/api/v1/contracts/${id}/kpis`,
    { name: 'Wait for first appointment', unit: 'weeks', direction: 'lower_is_better', target: '18', amber: '26' });
  assert.equal(kpi.status, 201, kpi.text);
  assert.equal(kpi.data.waiting_time, true);

  const move = (f) => api(cm, 'POST', `/api/v1/contracts/${id}/stage`, { on: daysFromNow(0), version: contract.version, ...f });
  let res = await move({ stage: 'extend', end_on: daysFromNow(1000) });
  assert.equal(res.status, 400);
  assert.equal(res.data.fields[0].field, 'stage');
  assert.match(res.data.fields[0].message, /review or end/);
  res = await move({ stage: 'review', note: 'Annual review agreed by the joint commissioning board' });
  assert.equal(res.status, 200, res.text);
  contract = res.data;
  res = await move({ stage: 'extend' });
  assert.equal(res.status, 400);
  assert.equal(res.data.fields[0].field, 'end_on');
  res = await move({ stage: 'extend', end_on: daysFromNow(1000) });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.data.end_on, daysFromNow(1000));
  assert.deepEqual(res.data.history.map((h) => h.to), ['review', 'extend']);
  const stale = await move({ stage: 'live', version: contract.version });
  assert.equal(stale.status, 409, 'a stale version is refused');

  const audit = decode((await cm.get('/audit')).text);
  for (const action of ['contract.add', 'contract.kpi', 'contract.stage']) assert.match(audit, new RegExp(action));
});

test("a provider sends its quarterly return through its own sign-in and sees only its own contracts", async () => {
  const cm = clients.sen_manager;
  const pv = clients.provider;
  const providers = (await cm.json('GET', '/api/v1/providers')).data.providers;
  const own = providers.find((p) => p.name === OWN_PROVIDER);
  const created = await api(cm, 'POST', '/api/v1/contracts', {
    provider_id: own.id, title: 'Autism assessment for under-fives', type: 'spot_purchase', stage: 'live',
    commissioners: [{ agency: 'icb', percent: '100' }], value_pence: 40_000_000,
    start_on: daysFromNow(-500), end_on: daysFromNow(600) });
  assert.equal(created.status, 201, created.text);
  const id = created.data.id;
  const wait = (await api(cm, 'POST', `/api/v1/contracts/${id}/kpis`,
    { name: 'Wait for autism assessment', unit: 'weeks', direction: 'lower_is_better', target: '26', amber: '40' })).data;
  const seen = (await api(cm, 'POST', `/api/v1/contracts/${id}/kpis`,
    { name: 'Assessments completed on time', unit: '%', direction: 'higher_is_better', target: '90', amber: '80' })).data;

  const mine = (await pv.json('GET', '/api/v1/contracts')).data.contracts;
  assert.ok(mine.length > 0);
  assert.ok(mine.every((c) => c.provider_name === OWN_PROVIDER), 'only its own organisation\'s contracts');
  const others = (await cm.json('GET', '/api/v1/contracts')).data.contracts.filter((c) => c.provider_name !== OWN_PROVIDER);
  assert.equal((await pv.json('GET', `/api/v1/contracts/${others[0].id}`)).status, 404);
  assert.equal((await pv.get(`/contracts/${others[0].id}/returns/new`)).status, 404);

  const form = await pv.get(`/contracts/${id}/returns/new`);
  assert.equal(form.status, 200);
  const quarter = lastQuarter();
  const missing = await pv.postForm(`/contracts/${id}/returns`, {
    csrf_token: csrfFrom(form.text), quarter, spend: '31000', children_served: '48', [`actual.${wait.id}`]: '44' });
  assert.equal(missing.status, 400);
  assert.match(decode(missing.text), new RegExp(`href="#actual.${seen.id}"`));
  assert.equal((await pv.json('GET', `/api/v1/contracts/${id}`)).data.returns.length, 0, 'nothing written');

  const sent = await pv.postForm(`/contracts/${id}/returns`, {
    csrf_token: csrfFrom(form.text), quarter, spend: '31000', children_served: '48', narrative: 'Two assessors off sick',
    [`actual.${wait.id}`]: '44', [`note.${seen.id}`]: 'Audit of completions under way' });
  assert.equal(sent.status, 303, sent.text);
  const record = (await cm.json('GET', `/api/v1/contracts/${id}`)).data;
  assert.equal(record.returns.length, 1);
  const ret = record.returns[0];
  assert.equal(ret.quarter, quarter);
  assert.equal(ret.rating, 'red', 'a wait of 44 weeks is past the amber threshold of 40');
  assert.deepEqual(ret.results.map((r) => r.rating), ['red', 'not_reported']);
  assert.equal(ret.spend_pence, 3_100_000);

  const again = await api(pv, 'POST', `/api/v1/contracts/${id}/returns`,
    { quarter, children_served: 1, actuals: [{ kpi_id: wait.id, actual: '20' }, { kpi_id: seen.id, actual: '95' }] });
  assert.equal(again.status, 400);
  assert.equal(again.data.fields[0].field, 'quarter');

  assert.equal((await api(pv, 'POST', `/api/v1/contracts/${id}/stage`, { stage: 'review', on: daysFromNow(0), version: 1 })).status,
    403, 'a provider cannot move its contract');
  assert.equal((await clients.finance_officer.json('GET', `/api/v1/contracts/${id}`)).status, 200, 'finance reads');
});

test('the list filters by stage, agency and ending soon; a bad filter is named', async () => {
  const cm = clients.sen_manager;
  const all = (await cm.json('GET', '/api/v1/contracts')).data;
  const stages = new Set(all.contracts.map((c) => c.stage));
  for (const s of ['need', 'options', 'tender', 'award', 'mobilise', 'live', 'review', 'extend', 'end']) {
    assert.ok(stages.has(s), `the demo has a contract at ${s}`);
  }
  const sum = Object.values(all.value_by_agency).reduce((a, b) => a + b, 0);
  assert.equal(sum, all.total_pence, 'the value by agency adds up to the total');
  const review = (await cm.json('GET', '/api/v1/contracts?stage=review')).data.contracts;
  assert.ok(review.length > 0 && review.every((c) => c.stage === 'review'));
  const care = (await cm.json('GET', '/api/v1/contracts?agency=council_social_care')).data.contracts;
  assert.ok(care.length > 0 && care.every((c) => c.commissioners.some((s) => s.agency === 'council_social_care')));
  const soon = (await cm.json('GET', '/api/v1/contracts?ending_soon=yes')).data.contracts;
  assert.ok(soon.length > 0 && soon.every((c) => c.alert !== 'none'));
  const ratings = new Set(all.contracts.filter((c) => c.last_return).map((c) => c.last_return.rating));
  assert.ok(ratings.has('green') && ratings.has('red'), `a mix of ratings: ${[...ratings]}`);
  const slt = all.contracts.find((c) => c.title === 'Community speech and language therapy');
  const outcomes = (await cm.json('GET', `/api/v1/contracts/${slt.id}`)).data.outcomes;
  assert.ok(outcomes.children > 0 && outcomes.outcomes >= outcomes.children,
    `outcomes of children whose reviewed plans name the service: ${JSON.stringify(outcomes)}`);
  const bad = await cm.json('GET', '/api/v1/contracts?stage=someday');
  assert.equal(bad.status, 400);
  assert.equal(bad.data.fields[0].field, 'stage');
  const html = await cm.get('/contracts?ending_soon=yes');
  assert.equal(html.status, 200);
  assert.match(html.text, /Ending soon|Past its end date/);
});

test('the contract pages pass axe-core', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('sen_manager'), PASSWORD);
    const list = (await clients.sen_manager.json('GET', '/api/v1/contracts')).data.contracts;
    const monitored = list.find((c) => c.last_return) ?? list[0];
    for (const path of ['/contracts', '/contracts/new', `/contracts/${monitored.id}`, `/contracts/${monitored.id}/edit`,
      `/contracts/${monitored.id}/returns/new`, '/providers']) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
    // A form with errors shown.
    await page.goto(`${server.url}/contracts/new`);
    await page.click('form[action="/contracts"] button[type=submit]');
    await page.waitForSelector('.govuk-error-summary');
    await checkAxe(page);
  } finally {
    await browser.close();
  }
});

// Frameworks by tier of need and provider suspension: a commissioner adds a
// framework, puts a provider on a tier and suspends it; the contract form then
// refuses that provider for a spot purchase or a call-off, naming the field,
// until the suspension is lifted; a block contract is not barred; the pages
// pass axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, checkAxe, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let cm;

before(async () => {
  server = await startServer({ demo: true });
  cm = new Client(server.url);
  const f = await cm.get('/sign-in');
  const r = await cm.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email('sen_manager'), password: PASSWORD });
  assert.equal(r.status, 303);
});
after(async () => { await server?.stop(); });

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const iso = (d) => d.toISOString().slice(0, 10);
const daysFromNow = (n) => iso(new Date(Date.now() + n * 86400000));
const token = async () => (await cm.json('GET', '/api/v1/me')).data.csrf_token;
const api = async (method, path, body) => cm.json(method, path, body, { headers: { 'x-csrf-token': await token() } });

test('a suspended provider cannot be picked for a spot purchase or a call-off until lifted', async () => {
  assert.equal((await api('POST', '/api/v1/frameworks', { name: 'Therapies framework', tiers: [] })).status, 400);
  const fw = await api('POST', '/api/v1/frameworks',
    { name: 'Therapies framework', reference: 'LA-TF-1', tiers: ['Targeted', 'Specialist'] });
  assert.equal(fw.status, 201, fw.text);
  const provider = (await cm.json('GET', '/api/v1/providers')).data.providers
    .find((p) => p.name === 'Hearing and Vision Support Service Ltd');
  const joined = await api('POST', `/api/v1/frameworks/${fw.data.id}/providers`, { provider_id: provider.id, tier: 1 });
  assert.equal(joined.status, 201, joined.text);
  assert.equal(joined.data.tiers[1].providers[0].provider_id, provider.id);
  const page = await cm.get(`/frameworks/${fw.data.id}`);
  const noReason = await cm.postForm(`/frameworks/${fw.data.id}/suspensions`,
    { csrf_token: csrfFrom(page.text), provider_id: provider.id, on: daysFromNow(0) });
  assert.equal(noReason.status, 400);
  assert.match(decode(noReason.text), /href="#reason"/);
  const suspended = await cm.postForm(`/frameworks/${fw.data.id}/suspensions`,
    { csrf_token: csrfFrom(page.text), provider_id: provider.id, on: daysFromNow(0), reason: 'Safeguarding concerns' });
  assert.equal(suspended.status, 303, suspended.text);

  const before = (await cm.json('GET', '/api/v1/contracts')).data.contracts.length;
  const fields = {
    csrf_token: csrfFrom(page.text), provider_id: provider.id, title: 'Sensory support placements', type: 'spot_purchase',
    stage: 'award', share_council_education: '100', value: '40000', start_on: daysFromNow(10), end_on: daysFromNow(400),
  };
  for (const type of ['spot_purchase', 'framework_call_off']) {
    const refused = await cm.postForm('/contracts', { ...fields, type });
    assert.equal(refused.status, 400, type);
    const html = decode(refused.text);
    assert.match(html, /href="#provider_id"/);
    assert.match(html, /suspended from the Therapies framework/);
  }
  const viaApi = await api('POST', '/api/v1/contracts', { ...fields, csrf_token: undefined, value_pence: 4_000_000 });
  assert.equal(viaApi.status, 400);
  assert.equal(viaApi.data.fields[0].field, 'provider_id');
  assert.equal((await cm.json('GET', '/api/v1/contracts')).data.contracts.length, before, 'nothing written');
  assert.equal((await cm.postForm('/contracts', { ...fields, type: 'block' })).status, 303, 'a block contract is not barred');

  const lifted = await api('POST', `/api/v1/frameworks/${fw.data.id}/lift`, { provider_id: provider.id, on: daysFromNow(0) });
  assert.equal(lifted.status, 200, lifted.text);
  assert.equal(lifted.data.suspensions[0].in_force, false);
  assert.equal((await cm.postForm('/contracts', fields)).status, 303, 'picked again once lifted');
  const audit = decode((await cm.get('/audit')).text);
  for (const action of ['framework.add', 'framework.provider', 'framework.suspend', 'framework.lift']) {
    assert.match(audit, new RegExp(action));
  }
});

test('the demo has a suspended provider; the framework pages pass axe-core', async () => {
  const all = (await cm.json('GET', '/api/v1/frameworks')).data.frameworks;
  assert.ok(all.some((f) => f.suspensions.some((s) => s.in_force)));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('sen_manager'), PASSWORD);
    for (const path of ['/frameworks', ...all.map((f) => `/frameworks/${f.id}`)]) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
    await page.goto(`${server.url}/frameworks/${all[0].id}`);
    await page.click(`form[action="/frameworks/${all[0].id}/suspensions"] button[type=submit]`);
    await page.waitForSelector('.govuk-error-summary');
    await checkAxe(page);
  } finally {
    await browser.close();
  }
});

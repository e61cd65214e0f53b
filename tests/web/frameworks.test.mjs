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

const term = { starts_on: daysFromNow(-100), ends_on: daysFromNow(900) };

test('a suspended provider cannot be picked for a spot purchase or a call-off until lifted', async () => {
  assert.equal((await api('POST', '/api/v1/frameworks', { name: 'Therapies framework', tiers: [], ...term })).status, 400);
  const fw = await api('POST', '/api/v1/frameworks',
    { name: 'Therapies framework', reference: 'LA-TF-1', tiers: ['Targeted', 'Specialist'], ...term });
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

// Procurement Act 2023, section 47: a framework runs for at most four years,
// and what is picked from it starts within its term.
test('a framework has a term of at most four years, and a call-off starts within it', async () => {
  const before = (await cm.json('GET', '/api/v1/frameworks')).data.frameworks.length;
  const refused = [
    [{ starts_on: '2025-04-01', ends_on: '2029-04-01' }, 'ends_on', /at most four years \(Procurement Act 2023, section 47\)[^"]*31 March 2029/],
    [{ starts_on: '2025-04-01', ends_on: '2025-03-31' }, 'ends_on', /must end after it starts/],
    [{ starts_on: '2025-04-31', ends_on: '2027-03-31' }, 'starts_on', /YYYY-MM-DD/],
    [{ ends_on: '2027-03-31' }, 'starts_on', /Enter the date the framework starts/],
  ];
  for (const [dates, field, says] of refused) {
    const r = await api('POST', '/api/v1/frameworks', { name: 'Speech therapy framework', tiers: ['Targeted'], ...dates });
    assert.equal(r.status, 400, JSON.stringify(dates));
    assert.equal(r.data.fields[0].field, field, JSON.stringify(r.data));
    assert.match(r.data.fields[0].message, says);
  }
  const list = await cm.get('/frameworks');
  const form = await cm.postForm('/frameworks', {
    csrf_token: csrfFrom(list.text), name: 'Speech therapy framework', tiers: 'Targeted', starts_on: '2025-04-01', ends_on: '2030-03-31',
  });
  assert.equal(form.status, 400);
  const html = decode(form.text);
  assert.match(html, /href="#ends_on"/);
  assert.match(html, /value="2025-04-01"/, 'what was typed is kept');
  assert.equal((await cm.json('GET', '/api/v1/frameworks')).data.frameworks.length, before, 'nothing written');

  const fw = await api('POST', '/api/v1/frameworks',
    { name: 'Speech therapy framework', tiers: ['Targeted'], starts_on: daysFromNow(-30), ends_on: daysFromNow(60) });
  assert.equal(fw.status, 201, fw.text);
  assert.equal(fw.data.starts_on, daysFromNow(-30));
  assert.equal(fw.data.in_term, true);
  assert.equal(fw.data.reprocure, true, 'ends within six months');
  const provider = (await cm.json('GET', '/api/v1/providers')).data.providers
    .find((p) => p.name === 'Hearing and Vision Support Service Ltd');
  assert.equal((await api('POST', `/api/v1/frameworks/${fw.data.id}/providers`, { provider_id: provider.id, tier: 0 })).status, 201);
  const callOff = {
    provider_id: provider.id, title: 'Speech therapy call-off', type: 'framework_call_off', stage: 'award',
    commissioners: [{ agency: 'council_education', percent: '100' }], value_pence: 2_500_000, framework_id: fw.data.id,
    tier: 0, end_on: daysFromNow(500),
  };
  const late = await api('POST', '/api/v1/contracts', { ...callOff, start_on: daysFromNow(61) });
  assert.equal(late.status, 400, late.text);
  assert.equal(late.data.fields[0].field, 'start_on');
  assert.match(late.data.fields[0].message, /Speech therapy framework runs from .* must start within that term/);
  assert.equal((await api('POST', '/api/v1/contracts', { ...callOff, start_on: daysFromNow(60) })).status, 201,
    'the last day of the term is within it');
  const page = decode((await cm.get(`/frameworks/${fw.data.id}`)).text);
  assert.match(page, /Runs from .* <strong class="govuk-tag govuk-tag--orange">Ends in 2 months: re-procure<\/strong>/);
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

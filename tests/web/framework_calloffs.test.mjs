// A call-off picks from the framework (Northumberland 69-72): a contract of
// type framework_call_off names its framework and tier, and its provider must
// be approved on that framework at that tier and not suspended from it on the
// start date; each refusal names the field and what is allowed and writes
// nothing. The contract's page says what it was called off from, the
// framework's page lists its call-offs, and the form's framework and tier
// selects pass axe-core, errors shown.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, checkAxe, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let cm;
let providers;
let frameworks;

before(async () => {
  server = await startServer({ demo: true });
  cm = new Client(server.url);
  const f = await cm.get('/sign-in');
  const r = await cm.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email('sen_manager'), password: PASSWORD });
  assert.equal(r.status, 303);
  providers = (await cm.json('GET', '/api/v1/providers')).data.providers;
  frameworks = (await cm.json('GET', '/api/v1/frameworks')).data.frameworks;
});
after(async () => { await server?.stop(); });

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const iso = (d) => d.toISOString().slice(0, 10);
const daysFromNow = (n) => iso(new Date(Date.now() + n * 86400000));
const token = async () => (await cm.json('GET', '/api/v1/me')).data.csrf_token;
const api = async (method, path, body) => cm.json(method, path, body, { headers: { 'x-csrf-token': await token() } });
const provider = (name) => providers.find((p) => p.name === name).id;
const framework = (name) => frameworks.find((f) => f.name === name);
const count = async () => (await cm.json('GET', '/api/v1/contracts')).data.contracts.length;

const callOff = (changes) => ({
  provider_id: provider('Oakfield Family Support Trust'), title: 'Targeted short breaks call-off',
  type: 'framework_call_off', stage: 'award', commissioners: [{ agency: 'council_social_care', percent: '100' }],
  value_pence: 6_000_000, start_on: daysFromNow(30), end_on: daysFromNow(395),
  framework_id: framework('Short breaks framework').id, tier: 1, ...changes,
});

test('the demo call-offs name the framework and tier they are picked from', async () => {
  const list = (await cm.json('GET', '/api/v1/contracts')).data.contracts.filter((c) => c.type === 'framework_call_off');
  assert.ok(list.length >= 2);
  for (const c of list) {
    assert.ok(c.framework_id, c.title);
    assert.equal(typeof c.tier, 'number', c.title);
  }
  const breaks = list.find((c) => c.title === 'Short breaks framework call-off');
  assert.equal(breaks.framework_name, 'Short breaks framework');
  assert.equal(breaks.tier_name, 'Targeted');
});

test('a call-off is refused unless it names a framework and a tier its provider is approved at', async () => {
  const before = await count();
  const cases = [
    { name: 'no framework or tier', body: callOff({ framework_id: undefined, tier: undefined }),
      fields: ['framework_id', 'tier'], says: /Short breaks framework/ },
    { name: 'no such framework', body: callOff({ framework_id: 'fw-nowhere' }), fields: ['framework_id'],
      says: /Alternative education framework/ },
    { name: 'no such tier', body: callOff({ tier: 7 }), fields: ['tier'], says: /Universal, Targeted or Specialist/ },
    { name: 'not a tier position', body: callOff({ tier: 'Targeted' }), fields: ['tier'], says: /position/ },
    { name: 'a provider not on the framework',
      body: callOff({ provider_id: provider('Hearing and Vision Support Service Ltd') }), fields: ['provider_id'],
      says: /approved there, Bright Horizons Short Breaks CIC or Oakfield Family Support Trust/ },
    { name: 'approved at another tier only', body: callOff({ tier: 2, provider_id: provider('Oakfield Family Support Trust') }),
      fields: ['provider_id'], says: /Specialist tier: choose one of the providers approved there, Bright Horizons/ },
    { name: 'nobody at that tier', body: callOff({ tier: 0 }), fields: ['provider_id'],
      says: /no provider is approved at that tier yet/ },
    { name: 'a suspended provider', body: callOff({
      provider_id: provider('Pathways Tuition and Alternative Learning'),
      framework_id: framework('Alternative education framework').id }), fields: ['provider_id'], says: /suspended/ },
    { name: 'a block contract naming a framework', body: callOff({ type: 'block' }), fields: ['framework_id'],
      says: /Only a call-off or a spot purchase/ },
    { name: 'a spot purchase naming a framework is checked the same',
      body: callOff({ type: 'spot_purchase', provider_id: provider('Hearing and Vision Support Service Ltd') }),
      fields: ['provider_id'], says: /not approved on the Short breaks framework/ },
  ];
  for (const c of cases) {
    const r = await api('POST', '/api/v1/contracts', c.body);
    assert.equal(r.status, 400, `${c.name}: ${r.text}`);
    assert.deepEqual(r.data.fields.map((f) => f.field), c.fields, c.name);
    assert.match(r.data.fields[0].message, c.says, c.name);
  }
  assert.equal(await count(), before, 'nothing written');
  const spot = await api('POST', '/api/v1/contracts', callOff({
    type: 'spot_purchase', framework_id: undefined, tier: undefined,
    provider_id: provider('Hearing and Vision Support Service Ltd') }));
  assert.equal(spot.status, 201, 'a spot purchase may name no framework');
  assert.equal(spot.data.framework_id, null);
});

test('a good call-off is recorded and shown on the contract and framework pages', async () => {
  const made = await api('POST', '/api/v1/contracts', callOff({}));
  assert.equal(made.status, 201, made.text);
  assert.equal(made.data.framework_id, framework('Short breaks framework').id);
  assert.equal(made.data.framework_name, 'Short breaks framework');
  assert.equal(made.data.tier, 1);
  assert.equal(made.data.tier_name, 'Targeted');
  assert.equal((await cm.json('GET', `/api/v1/contracts/${made.data.id}`)).data.tier, 1);

  const page = decode((await cm.get(`/contracts/${made.data.id}`)).text);
  assert.match(page, /Called off from <a class="govuk-link" href="\/frameworks\/[^"]+">Short breaks framework<\/a>, tier 2 \(Targeted\)/);
  const fwPage = decode((await cm.get(`/frameworks/${made.data.framework_id}`)).text);
  assert.match(fwPage, new RegExp(`href="/contracts/${made.data.id}">Targeted short breaks call-off</a>`));
  const fwApi = (await cm.json('GET', `/api/v1/frameworks/${made.data.framework_id}`)).data;
  assert.ok(fwApi.contracts.some((c) => c.id === made.data.id && c.tier === 1));
  assert.match(decode((await cm.get('/audit')).text), /from framework/);

  // The edit form shows the pick chosen; a stale edit is refused.
  const edit = decode((await cm.get(`/contracts/${made.data.id}/edit`)).text);
  assert.match(edit, new RegExp(`<option value="${made.data.framework_id}" selected>Short breaks framework</option>`));
  assert.match(edit, /<option value="1" selected>Tier 2<\/option>/);
  const stale = await api('PUT', `/api/v1/contracts/${made.data.id}`, callOff({ version: made.data.version + 5 }));
  assert.equal(stale.status, 409, stale.text);
});

test('the form picks framework and tier with plain selects and names the wrong ones', async () => {
  const form = await cm.get('/contracts/new');
  const html = decode(form.text);
  assert.match(html, /<select class="govuk-select" id="framework_id" name="framework_id"/);
  assert.match(html, /<select class="govuk-select" id="tier" name="tier"/);
  assert.match(html, /Short breaks framework: 1 Universal, 2 Targeted, 3 Specialist/);
  const fields = {
    csrf_token: csrfFrom(form.text), provider_id: provider('Bright Horizons Short Breaks CIC'),
    title: 'Specialist short breaks', type: 'framework_call_off', stage: 'award', share_council_social_care: '100',
    value: '30000', start_on: daysFromNow(10), end_on: daysFromNow(375),
  };
  const refused = await cm.postForm('/contracts', fields);
  assert.equal(refused.status, 400);
  assert.match(decode(refused.text), /href="#framework_id"/);
  assert.match(decode(refused.text), /href="#tier"/);
  const made = await cm.postForm('/contracts',
    { ...fields, framework_id: framework('Short breaks framework').id, tier: '2' });
  assert.equal(made.status, 303, made.text);
});

test('a provider suspended from the framework on the start date is refused, even once lifted', async () => {
  const ae = framework('Alternative education framework');
  const pathways = provider('Pathways Tuition and Alternative Learning');
  const lifted = await api('POST', `/api/v1/frameworks/${ae.id}/lift`, { provider_id: pathways, on: daysFromNow(0) });
  assert.equal(lifted.status, 200, lifted.text);
  const body = callOff({ provider_id: pathways, framework_id: ae.id, tier: 1, commissioners: [{ agency: 'council_education', percent: '100' }] });
  const during = await api('POST', '/api/v1/contracts', { ...body, start_on: daysFromNow(-10) });
  assert.equal(during.status, 400, during.text);
  assert.equal(during.data.fields[0].field, 'provider_id');
  assert.match(during.data.fields[0].message, /suspended from the Alternative education framework on the start date/);
  assert.equal((await api('POST', '/api/v1/contracts', { ...body, start_on: daysFromNow(5) })).status, 201);
});

test('the framework and tier selects, the call-off and the framework page pass axe-core', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('sen_manager'), PASSWORD);
    await page.goto(`${server.url}/contracts/new`);
    await page.selectOption('#type', 'framework_call_off');
    await page.selectOption('#tier', '1');
    await page.click('form[action="/contracts"] button[type=submit]');
    await page.waitForSelector('.govuk-error-summary a[href="#framework_id"]');
    await checkAxe(page);
    const callOffs = (await cm.json('GET', '/api/v1/contracts')).data.contracts.filter((c) => c.framework_id);
    for (const path of [`/contracts/${callOffs[0].id}`, `/contracts/${callOffs[0].id}/edit`,
      `/frameworks/${callOffs[0].framework_id}`]) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
  } finally {
    await browser.close();
  }
});

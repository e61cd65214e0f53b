// Staff keep whom families contact about a service and what it costs: each
// form names every wrong field and saves nothing then, refuses a stale edit
// with 409, asks before it removes, audits the change and shows it at once on
// the public service page and in the Open Referral UK feed, which still
// validates against the compiled HSDS-UK schemas. The JSON API does the same.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { checkAxe, Client, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';
import { check } from './oruk-schemas.mjs';

let server;
let manager;
let caseworker;
let token;

async function signedIn(role) {
  const client = new Client(server.url);
  const form = await client.get('/sign-in');
  const res = await client.postForm('/sign-in', { csrf_token: csrfFrom(form.text), email: email(role), password: PASSWORD });
  assert.equal(res.status, 303, role);
  return client;
}

before(async () => {
  server = await startServer({ demo: true });
  manager = await signedIn('sen_manager');
  caseworker = await signedIn('caseworker');
  token = (await manager.json('GET', '/api/v1/me')).data.csrf_token;
});
after(async () => { await server?.stop(); });

const feed = async (pathname) => (await fetch(`${server.url}${pathname}`)).json();
const api = (method, pathname, body) => manager.json(method, pathname, body, { headers: { 'x-csrf-token': token } });
const publicPage = async (id) => (await new Client(server.url).get(`/local-offer/services/${id}`)).text;
const audit = async () => (await manager.get('/audit')).text;
const someService = async (search) => (await feed(`/api/oruk/services?search=${search}&per_page=1`)).contents[0];

async function orukService(id) {
  const body = await feed(`/api/oruk/services/${id}`);
  assert.deepEqual(check('service', body), [], `service ${id} validates`);
  return body;
}

function valuesOf(html) {
  const out = {};
  for (const m of html.matchAll(/<input class="govuk-input[^"]*" id="([a-z_0-9]+)" name="\1" type="text" value="([^"]*)"/g)) out[m[1]] = m[2];
  for (const m of html.matchAll(/<select[^>]* name="([a-z_0-9]+)"[^>]*>(.*?)<\/select>/gs)) {
    out[m[1]] = (m[2].match(/<option value="([^"]*)" selected/) ?? [])[1] ?? '';
  }
  out.version = html.match(/name="version" value="(\d+)"/)[1];
  out.csrf_token = csrfFrom(html);
  const unescape = (s) => s.replaceAll('&#x2F;', '/').replaceAll('&#x3D;', '=').replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&#x40;', '@');
  for (const k of Object.keys(out)) out[k] = unescape(out[k]);
  return out;
}

function namesErrors(html, fields) {
  for (const field of fields) assert.match(html, new RegExp(`<a href="#${field}">`), `error names ${field}`);
}

test('contacts: added, changed and removed after a confirm step; shown to families and in the feed', async () => {
  const service = await someService('swimming');
  const base = `/directory/services/${service.id}/contacts`;
  assert.equal((await manager.get(base)).status, 200);
  assert.match((await manager.get(`/directory/services/${service.id}/edit`)).text, new RegExp(`href="${base.replaceAll('/', '&#x2F;')}"|href="${base}"`));
  const before = (await orukService(service.id)).contacts.length;

  const form = valuesOf((await manager.get(`${base}/new`)).text);
  const bad = await manager.postForm(base, { ...form, name: '', phone: 'call us', email: 'nobody.example.org' });
  assert.equal(bad.status, 400);
  namesErrors(bad.text, ['name', 'phone', 'email']);
  assert.match(bad.text, /Enter an email address like name@example.org/);
  const unreachable = await manager.postForm(base, { ...form, name: 'Front desk', phone: '', email: '' });
  assert.equal(unreachable.status, 400);
  assert.match(unreachable.text, /Enter a phone number or an email address families can use/);
  assert.equal((await orukService(service.id)).contacts.length, before, 'nothing saved');

  const good = await manager.postForm(base, { ...form, name: 'Swim bookings', title: 'Pool coordinator',
    phone: '01632 960555', email: 'swim@leisure.example' });
  assert.equal(good.status, 303, good.text.slice(0, 400));
  assert.equal(good.location, `${base}?saved=added`);
  let now = await orukService(service.id);
  assert.equal(now.contacts.length, before + 1);
  const added = now.contacts.find((c) => c.name === 'Swim bookings');
  assert.equal(added.title, 'Pool coordinator');
  assert.equal(added.phones[0].number, '01632 960555');
  assert.match(await publicPage(service.id), /Swim bookings, Pool coordinator<\/dt><dd class="govuk-summary-list__value">01632 960555/);

  const editForm = valuesOf((await manager.get(`${base}/${added.id}/edit`)).text);
  assert.equal(editForm.name, 'Swim bookings');
  assert.equal(editForm.email, 'swim@leisure.example');
  const changed = await manager.postForm(`${base}/${added.id}/edit`, { ...editForm, phone: '+44 1632 960556' });
  assert.equal(changed.status, 303);
  now = await orukService(service.id);
  assert.equal(now.contacts.find((c) => c.id === added.id).phones[0].number, '+44 1632 960556');
  assert.match(await publicPage(service.id), /\+44 1632 960556/);
  const stale = await manager.postForm(`${base}/${added.id}/edit`, { ...editForm, phone: '01632 960557' });
  assert.equal(stale.status, 409);
  assert.match(stale.text, /Someone else changed this service/);

  // Remove: the list links to a page that asks first; the post needs the current version.
  const list = await manager.get(base);
  assert.match(list.text, new RegExp(`contacts&#x2F;${added.id}&#x2F;remove|contacts/${added.id}/remove`));
  const confirm = await manager.get(`${base}/${added.id}/remove`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /Remove this contact\?/);
  assert.match(confirm.text, /Swim bookings/);
  const removeFields = { csrf_token: csrfFrom(confirm.text), version: confirm.text.match(/name="version" value="(\d+)"/)[1] };
  const staleRemove = await manager.postForm(`${base}/${added.id}/remove`, { ...removeFields, version: editForm.version });
  assert.equal(staleRemove.status, 409);
  const removed = await manager.postForm(`${base}/${added.id}/remove`, removeFields);
  assert.equal(removed.status, 303);
  assert.equal((await orukService(service.id)).contacts.length, before);
  assert.doesNotMatch(await publicPage(service.id), /Swim bookings/);
  assert.equal((await manager.get(`${base}/${added.id}/remove`)).status, 404);
  const log = await audit();
  for (const action of ['add', 'update', 'remove']) assert.match(log, new RegExp(`directory\\.contact\\.${action}`));
});

test('costs: amount, currency and what it buys; negative amounts and unknown currencies refused by name', async () => {
  const service = await someService('swimming');
  const base = `/directory/services/${service.id}/costs`;
  assert.equal((await manager.get(base)).status, 200);
  const before = (await orukService(service.id)).cost_options.length;

  const form = valuesOf((await manager.get(`${base}/new`)).text);
  assert.equal(form.currency, 'GBP', 'pounds unless chosen otherwise');
  const bad = await manager.postForm(base, { ...form, option: '', amount: '-4', currency: 'XYZ' });
  assert.equal(bad.status, 400);
  namesErrors(bad.text, ['option', 'amount', 'currency']);
  assert.match(bad.text, /The amount cannot be negative/);
  assert.match(bad.text, /Choose a currency: GBP \(pounds sterling\), EUR \(euros\) or USD \(US dollars\)/);
  const words = await manager.postForm(base, { ...form, option: 'Adults', amount: 'four pounds' });
  assert.equal(words.status, 400);
  namesErrors(words.text, ['amount']);
  assert.equal((await orukService(service.id)).cost_options.length, before, 'nothing saved');

  const good = await manager.postForm(base, { ...form, option: 'Sibling place', amount: '3.75', currency: 'GBP',
    amount_description: 'per 30 minute lesson' });
  assert.equal(good.status, 303, good.text.slice(0, 400));
  let now = await orukService(service.id);
  assert.equal(now.cost_options.length, before + 1);
  const added = now.cost_options.find((c) => c.option === 'Sibling place');
  assert.equal(added.amount, 3.75);
  assert.equal(added.currency, 'GBP');
  assert.equal(added.amount_description, 'per 30 minute lesson');
  assert.match(await publicPage(service.id), /Sibling place: £3.75 \(per 30 minute lesson\)/);

  const editForm = valuesOf((await manager.get(`${base}/${added.id}/edit`)).text);
  assert.equal(editForm.amount, '3.75');
  const changed = await manager.postForm(`${base}/${added.id}/edit`, { ...editForm, amount: '4', currency: 'EUR' });
  assert.equal(changed.status, 303);
  now = await orukService(service.id);
  const euros = now.cost_options.find((c) => c.id === added.id);
  assert.equal(euros.amount, 4);
  assert.equal(euros.currency, 'EUR');
  assert.match(await publicPage(service.id), /Sibling place: €4.00/);
  const stale = await manager.postForm(`${base}/${added.id}/edit`, { ...editForm, amount: '5' });
  assert.equal(stale.status, 409);

  const confirm = await manager.get(`${base}/${added.id}/remove`);
  assert.match(confirm.text, /Remove this price\?/);
  const removed = await manager.postForm(`${base}/${added.id}/remove`,
    { csrf_token: csrfFrom(confirm.text), version: confirm.text.match(/name="version" value="(\d+)"/)[1] });
  assert.equal(removed.status, 303);
  assert.equal((await orukService(service.id)).cost_options.length, before);
  const log = await audit();
  for (const action of ['add', 'update', 'remove']) assert.match(log, new RegExp(`directory\\.cost\\.${action}`));
});

test('the API keeps contacts and costs the same way: fields named, 409 when stale, 404 for an unknown one', async () => {
  const service = await someService('swimming');
  const contacts = (await api('GET', `/api/v1/directory/services/${service.id}/contacts`)).data;
  const bad = await api('POST', `/api/v1/directory/services/${service.id}/contacts`,
    { name: 'Desk', email: 'no-at-sign', version: contacts.version });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.data.fields.map((e) => e.field), ['email']);
  const added = await api('POST', `/api/v1/directory/services/${service.id}/contacts`,
    { name: 'API desk', email: 'desk@api.example', version: contacts.version });
  assert.equal(added.status, 201, added.text);
  const contact = added.data.contacts.find((c) => c.name === 'API desk');
  assert.equal((await orukService(service.id)).contacts.find((c) => c.id === contact.id).name, 'API desk');
  const stale = await api('PUT', `/api/v1/directory/services/${service.id}/contacts/${contact.id}`,
    { name: 'API desk', phone: '01632 960000', version: contacts.version });
  assert.equal(stale.status, 409);
  const put = await api('PUT', `/api/v1/directory/services/${service.id}/contacts/${contact.id}`,
    { name: 'API desk', phone: '01632 960000', version: added.data.version });
  assert.equal(put.status, 200, put.text);
  assert.equal(put.data.contacts.find((c) => c.id === contact.id).phone, '01632 960000');
  const gone = await api('DELETE',
    `/api/v1/directory/services/${service.id}/contacts/${contact.id}?version=${put.data.version}`);
  assert.equal(gone.status, 200);
  assert.ok(!gone.data.contacts.some((c) => c.id === contact.id));
  assert.equal((await api('DELETE',
    `/api/v1/directory/services/${service.id}/contacts/${contact.id}?version=${gone.data.version}`)).status, 404);

  const costs = (await api('GET', `/api/v1/directory/services/${service.id}/costs`)).data;
  const refused = await api('POST', `/api/v1/directory/services/${service.id}/costs`,
    { option: 'Adults', amount: -2, currency: 'Pounds', version: costs.version });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.data.fields.map((e) => e.field).sort(), ['amount', 'currency']);
  const cost = await api('POST', `/api/v1/directory/services/${service.id}/costs`,
    { option: 'Adults', amount: 6.5, currency: 'USD', amount_description: 'per visit', version: costs.version });
  assert.equal(cost.status, 201, cost.text);
  const option = cost.data.costs.find((c) => c.option === 'Adults');
  assert.equal(option.amount, '6.50');
  assert.equal(option.currency, 'USD');
  const oruk = (await orukService(service.id)).cost_options.find((c) => c.id === option.id);
  assert.deepEqual([oruk.amount, oruk.currency, oruk.amount_description], [6.5, 'USD', 'per visit']);
  const noPrice = await api('PUT', `/api/v1/directory/services/${service.id}/costs/${option.id}`,
    { option: 'Adults', amount: '', version: cost.data.version });
  assert.equal(noPrice.status, 200);
  const after = noPrice.data.costs.find((c) => c.id === option.id);
  assert.equal(after.amount, null, 'no set price');
  assert.equal(after.currency, 'GBP');
  assert.equal((await api('DELETE',
    `/api/v1/directory/services/${service.id}/costs/${option.id}?version=${cost.data.version}`)).status, 409);
  assert.equal((await api('DELETE',
    `/api/v1/directory/services/${service.id}/costs/${option.id}?version=${noPrice.data.version}`)).status, 200);
});

test('roles that do not keep the directory are refused the contact and cost pages, forms and API', async () => {
  const service = await someService('swimming');
  const me = await caseworker.json('GET', '/api/v1/me');
  for (const kind of ['contacts', 'costs']) {
    for (const path of [`/directory/services/${service.id}/${kind}`, `/directory/services/${service.id}/${kind}/new`]) {
      assert.equal((await caseworker.get(path)).status, 403, path);
    }
    const res = await caseworker.postForm(`/directory/services/${service.id}/${kind}`,
      { csrf_token: me.data.csrf_token, name: 'Refused', option: 'Refused', version: '1' });
    assert.equal(res.status, 403);
    const viaApi = await caseworker.json('POST', `/api/v1/directory/services/${service.id}/${kind}`,
      { name: 'Refused', option: 'Refused', version: 1 }, { headers: { 'x-csrf-token': me.data.csrf_token } });
    assert.equal(viaApi.status, 403);
  }
  const now = await orukService(service.id);
  assert.ok(!now.contacts.some((c) => c.name === 'Refused') && !now.cost_options.some((c) => c.option === 'Refused'));
});

test('the contact and cost pages pass axe, errors and confirm steps included, and work from the keyboard', async () => {
  const service = await someService('swimming');
  const full = await orukService(service.id);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('icb_commissioner'), PASSWORD);
    for (const path of [`/directory/services/${service.id}/contacts`, `/directory/services/${service.id}/costs`,
      `/directory/services/${service.id}/contacts/${full.contacts[0].id}/edit`,
      `/directory/services/${service.id}/contacts/${full.contacts[0].id}/remove`,
      `/directory/services/${service.id}/costs/${full.cost_options[0].id}/edit`,
      `/directory/services/${service.id}/costs/${full.cost_options[0].id}/remove`]) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
    for (const path of [`/directory/services/${service.id}/contacts/new`, `/directory/services/${service.id}/costs/new`]) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      assert.match(await page.title(), /^Error: /);
      await checkAxe(page);
    }
    // Keyboard only: add a price, then remove it through the confirm step.
    await page.goto(`${server.url}/directory/services/${service.id}/costs/new`);
    await page.locator('#option').focus();
    await page.keyboard.type('Keyboard price');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2.50');
    await page.keyboard.press('Enter');
    await page.waitForURL(/costs\?saved=added$/);
    await checkAxe(page);
    await page.getByRole('link', { name: 'Remove Keyboard price' }).focus();
    await Promise.all([page.waitForURL(/\/remove$/), page.keyboard.press('Enter')]);
    await page.getByRole('button', { name: 'Remove the price' }).focus();
    await Promise.all([page.waitForURL(/costs\?saved=removed$/), page.keyboard.press('Enter')]);
  } finally {
    await browser.close();
  }
});

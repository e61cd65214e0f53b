// Staff remove what no longer belongs in the Local Offer: opening times, a
// term that no longer describes a service, and a venue no service is offered
// at. Each asks first on a page of its own (no script needed), removes at the
// version that page showed, is audited, and shows at once in the feed. A venue
// still in use is refused, naming the services offered there.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { checkAxe, Client, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';
import { check } from './oruk-schemas.mjs';

let server;
let manager;
let token;

before(async () => {
  server = await startServer({ demo: true });
  manager = new Client(server.url);
  const form = await manager.get('/sign-in');
  const res = await manager.postForm('/sign-in',
    { csrf_token: csrfFrom(form.text), email: email('sen_manager'), password: PASSWORD });
  assert.equal(res.status, 303);
  token = (await manager.json('GET', '/api/v1/me')).data.csrf_token;
});
after(async () => { await server?.stop(); });

const feed = async (pathname) => (await fetch(`${server.url}${pathname}`)).json();
const api = (method, pathname, body) => manager.json(method, pathname, body, { headers: { 'x-csrf-token': token } });
const audit = async () => (await manager.get('/audit')).text;
const someService = async (search) => (await feed(`/api/oruk/services?search=${search}&per_page=1`)).contents[0];
const versionOf = (html) => html.match(/name="version" value="(\d+)"/)[1];

async function orukService(id) {
  const body = await feed(`/api/oruk/services/${id}`);
  assert.deepEqual(check('service', body), [], `service ${id} validates`);
  return body;
}

test('opening times are removed after a confirm step, at the version it showed', async () => {
  const service = await orukService((await someService('swimming')).id);
  const schedule = service.schedules[0];
  const base = `/directory/services/${service.id}/schedules`;
  assert.doesNotMatch((await manager.get(base)).text, /<form method="post" action="[^"]*remove"/,
    'the list only links to the confirm step');
  const confirm = await manager.get(`${base}/${schedule.id}/remove`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /Remove these opening times\?/);
  const stale = await manager.postForm(`${base}/${schedule.id}/remove`,
    { csrf_token: csrfFrom(confirm.text), version: String(Number(versionOf(confirm.text)) - 1) });
  assert.equal(stale.status, 409);
  assert.ok((await orukService(service.id)).schedules.some((s) => s.id === schedule.id), 'kept when stale');
  const removed = await manager.postForm(`${base}/${schedule.id}/remove`,
    { csrf_token: csrfFrom(confirm.text), version: versionOf(confirm.text) });
  assert.equal(removed.status, 303);
  assert.ok(!(await orukService(service.id)).schedules.some((s) => s.id === schedule.id));
  assert.equal((await manager.get(`${base}/${schedule.id}/remove`)).status, 404);
  assert.match(await audit(), /directory\.schedule\.remove/);
});

test('a term is taken off a service after a confirm step and stays in its taxonomy', async () => {
  const service = await orukService((await someService('speech')).id);
  const term = service.attributes.find((a) => a.taxonomy_term.taxonomy !== 'Level of support').taxonomy_term;
  const base = `/directory/services/${service.id}/terms`;
  assert.match((await manager.get(base)).text, new RegExp(`terms&#x2F;${term.id}&#x2F;remove|terms/${term.id}/remove`));
  const confirm = await manager.get(`${base}/${term.id}/remove`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /Take this term off the service\?/);
  const removed = await manager.postForm(`${base}/${term.id}/remove`,
    { csrf_token: csrfFrom(confirm.text), version: versionOf(confirm.text) });
  assert.equal(removed.status, 303);
  assert.equal(removed.location, `${base}?saved=removed`);
  const now = await orukService(service.id);
  assert.ok(!now.attributes.some((a) => a.taxonomy_term_id === term.id), 'no longer describes the service');
  assert.equal((await api('GET', `/api/v1/directory/terms/${term.id}`)).status, 200, 'the term itself stays');
  assert.equal((await manager.get(`${base}/${term.id}/remove`)).status, 404);
  assert.match(await audit(), /directory\.service_term\.remove/);

  // The API: the same, by DELETE at the service's version.
  const other = now.attributes.find((a) => a.taxonomy_term.taxonomy !== 'Level of support');
  if (other) {
    const terms = (await api('GET', `/api/v1/directory/services/${service.id}/terms`)).data;
    const stale = await api('DELETE',
      `/api/v1/directory/services/${service.id}/terms/${other.taxonomy_term_id}?version=${terms.version - 1}`);
    assert.equal(stale.status, 409);
    const gone = await api('DELETE',
      `/api/v1/directory/services/${service.id}/terms/${other.taxonomy_term_id}?version=${terms.version}`);
    assert.equal(gone.status, 200, gone.text);
  }
  const unknown = await api('DELETE',
    `/api/v1/directory/services/${service.id}/terms/00000000-0000-4000-8000-000000000000?version=1`);
  assert.equal(unknown.status, 404);
});

test('a venue in use is refused, naming its services; an unused one is removed after a confirm step', async () => {
  const service = await orukService((await someService('swimming')).id);
  const used = service.service_at_locations[0].location_id;
  const confirm = await manager.get(`/directory/locations/${used}/remove`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /cannot be removed yet/);
  assert.ok(confirm.text.includes(service.name.replaceAll("'", '&#39;')), 'names the service offered there');
  assert.doesNotMatch(confirm.text, /Remove the venue/);
  const venue = (await api('GET', `/api/v1/directory/locations/${used}`)).data;
  const refused = await manager.postForm(`/directory/locations/${used}/remove`,
    { csrf_token: csrfFrom(confirm.text), version: String(venue.version) });
  assert.equal(refused.status, 409);
  assert.match(refused.text, /This venue is still used by/);
  const viaApi = await api('DELETE', `/api/v1/directory/locations/${used}?version=${venue.version}`);
  assert.equal(viaApi.status, 409);
  assert.deepEqual(viaApi.data.fields.map((e) => e.field), ['services']);
  assert.ok(viaApi.data.fields[0].message.includes(service.name));
  assert.equal((await api('GET', `/api/v1/directory/locations/${used}`)).status, 200, 'still there');

  const added = await api('POST', '/api/v1/directory/locations',
    { name: 'Old Drill Hall', address_1: '2 Parade', city: 'Queensbury', postcode: 'QS1 1AB' });
  assert.equal(added.status, 201, added.text);
  const page = await manager.get(`/directory/locations/${added.data.id}/edit`);
  assert.match(page.text, /Remove this venue/);
  const ask = await manager.get(`/directory/locations/${added.data.id}/remove`);
  assert.match(ask.text, /Remove Old Drill Hall\?/);
  const removed = await manager.postForm(`/directory/locations/${added.data.id}/remove`,
    { csrf_token: csrfFrom(ask.text), version: versionOf(ask.text) });
  assert.equal(removed.status, 303);
  assert.equal(removed.location, '/directory/locations?saved=removed');
  assert.equal((await api('GET', `/api/v1/directory/locations/${added.data.id}`)).status, 404);
  assert.match(await audit(), /directory\.location\.remove/);

  const another = await api('POST', '/api/v1/directory/locations',
    { name: 'Spare Room', address_1: '3 Parade', city: 'Queensbury', postcode: 'QS1 1AD' });
  const stale = await api('DELETE', `/api/v1/directory/locations/${another.data.id}?version=${another.data.version + 1}`);
  assert.equal(stale.status, 409);
  const gone = await api('DELETE', `/api/v1/directory/locations/${another.data.id}?version=${another.data.version}`);
  assert.equal(gone.status, 200, gone.text);
  assert.equal((await api('DELETE', `/api/v1/directory/locations/${another.data.id}?version=1`)).status, 404);
});

test('the confirm pages pass axe and work from the keyboard', async () => {
  const candidates = (await feed('/api/oruk/services?per_page=50')).contents;
  let service;
  for (const c of candidates) {
    const full = await orukService(c.id);
    if (full.schedules.length && full.service_at_locations.length &&
      full.attributes.some((a) => a.taxonomy_term.taxonomy !== 'Level of support')) { service = full; break; }
  }
  const term = service.attributes.find((a) => a.taxonomy_term.taxonomy !== 'Level of support');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('icb_commissioner'), PASSWORD);
    for (const path of [`/directory/services/${service.id}/schedules/${service.schedules[0].id}/remove`,
      `/directory/services/${service.id}/terms/${term.taxonomy_term_id}/remove`,
      `/directory/services/${service.id}/terms`,
      `/directory/locations/${service.service_at_locations[0].location_id}/remove`]) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
    const added = await api('POST', '/api/v1/directory/locations',
      { name: 'Keyboard Hall', address_1: '4 Parade', city: 'Queensbury', postcode: 'QS1 1AE' });
    await page.goto(`${server.url}/directory/locations/${added.data.id}/edit`);
    await page.getByRole('link', { name: 'Remove this venue' }).focus();
    await Promise.all([page.waitForURL(/\/remove$/), page.keyboard.press('Enter')]);
    await checkAxe(page);
    await page.getByRole('button', { name: 'Remove the venue' }).focus();
    await Promise.all([page.waitForURL(/locations\?saved=removed$/), page.keyboard.press('Enter')]);
    await checkAxe(page);
  } finally {
    await browser.close();
  }
});

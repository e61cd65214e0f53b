// Staff keep every part of the Local Offer: organisations, venues (and which
// services run at each), opening times and taxonomy terms. Each form names
// every wrong field and saves nothing then, refuses a stale edit with 409,
// refuses roles that do not keep the directory, audits the change and shows it
// at once on the public service page and in the Open Referral UK feed, which
// still validates against the compiled HSDS-UK schemas.
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

// The service as the feed gives it, checked against the compiled schema.
async function orukService(id) {
  const body = await feed(`/api/oruk/services/${id}`);
  assert.deepEqual(check('service', body), [], `service ${id} validates`);
  return body;
}

function valuesOf(html) {
  const out = {};
  for (const m of html.matchAll(/<input class="govuk-input[^"]*" id="([a-z_0-9]+)" name="\1" type="text" value="([^"]*)"/g)) out[m[1]] = m[2];
  for (const m of html.matchAll(/<textarea[^>]* name="([a-z_0-9]+)"[^>]*>([^<]*)<\/textarea>/g)) out[m[1]] = m[2];
  for (const m of html.matchAll(/<select[^>]* name="([a-z_0-9]+)"[^>]*>(.*?)<\/select>/gs)) {
    out[m[1]] = (m[2].match(/<option value="([^"]*)" selected/) ?? [])[1] ?? '';
  }
  out.version = html.match(/name="version" value="(\d+)"/)[1];
  out.csrf_token = csrfFrom(html);
  const unescape = (s) => s.replaceAll('&#x2F;', '/').replaceAll('&#x3D;', '=').replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'").replaceAll('&quot;', '"');
  for (const k of Object.keys(out)) out[k] = unescape(out[k]);
  return out;
}

function namesErrors(html, fields) {
  for (const field of fields) assert.match(html, new RegExp(`<a href="#${field}">`), `error names ${field}`);
}

async function someService(search) {
  return (await feed(`/api/oruk/services?search=${search}&per_page=1`)).contents[0];
}

test('organisations: listed with what each runs; added and changed with every wrong field named', async () => {
  const list = await manager.get('/directory/organisations');
  assert.equal(list.status, 200);
  const before = (await api('GET', '/api/v1/directory/organisations')).data.organisations.length;

  const form = await manager.get('/directory/organisations/new');
  const bad = await manager.postForm('/directory/organisations', {
    ...valuesOf(form.text), name: '', description: '', website: 'example.org', email: 'nobody',
    charity_number: '12', company_number: '123', logo: 'logo.png',
  });
  assert.equal(bad.status, 400);
  namesErrors(bad.text, ['name', 'description', 'website', 'email', 'charity_number', 'company_number', 'logo']);
  assert.equal((await api('GET', '/api/v1/directory/organisations')).data.organisations.length, before, 'nothing added');

  const good = await manager.postForm('/directory/organisations', {
    ...valuesOf(form.text), name: 'Quiet Minds Trust', description: 'Calm spaces for autistic teenagers.',
    website: 'https://quietminds.example', email: 'hello@quietminds.example', charity_number: '1 123 456',
    company_number: 'sc123456', logo: 'https://quietminds.example/logo.png',
  });
  assert.equal(good.status, 303, good.text.slice(0, 400));
  const id = good.location.match(/organisations\/([0-9a-f-]{36})\/edit/)[1];
  const added = (await api('GET', `/api/v1/directory/organisations/${id}`)).data;
  assert.equal(added.charity_number, '1123456', 'spaces dropped');
  assert.equal(added.company_number, 'SC123456', 'capitals');
  assert.match(await audit(), /directory\.organisation\.add/);

  // An organisation that runs services: its page lists them; a change shows in the feed.
  const service = await someService('swimming');
  const orgId = service.organization_id;
  const page = await manager.get(`/directory/organisations/${orgId}/edit`);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`/directory/services/${service.id}/edit`), 'lists the services it runs');
  const fields = valuesOf(page.text);
  const changed = await manager.postForm(`/directory/organisations/${orgId}/edit`,
    { ...fields, name: `${fields.name} (renamed)`, charity_number: 'SC012345', company_number: '01234567' });
  assert.equal(changed.status, 303);
  const now = await orukService(service.id);
  assert.equal(now.organization.name, `${fields.name} (renamed)`);
  assert.deepEqual(now.organization.organization_identifiers.map((i) => [i.identifier_scheme, i.identifier]),
    [['GB-SC', 'SC012345'], ['GB-COH', '01234567']]);
  assert.match(await publicPage(service.id), /\(renamed\)/);
  assert.match(await audit(), /directory\.organisation\.update/);

  const stale = await manager.postForm(`/directory/organisations/${orgId}/edit`, { ...fields, name: 'Stale' });
  assert.equal(stale.status, 409);
  assert.match(stale.text, /Someone else changed this organisation/);
  assert.notEqual((await orukService(service.id)).organization.name, 'Stale');
});

test('venues: UK postcodes and coordinates in range; services offered at a venue show in the feed', async () => {
  assert.equal((await manager.get('/directory/locations')).status, 200);
  const form = await manager.get('/directory/locations/new');
  const bad = await manager.postForm('/directory/locations', {
    ...valuesOf(form.text), name: '', address_1: '', city: '', postcode: 'NOT A POSTCODE', latitude: '95',
    longitude: '',
  });
  assert.equal(bad.status, 400);
  namesErrors(bad.text, ['name', 'address_1', 'city', 'postcode', 'latitude', 'longitude']);

  const good = await manager.postForm('/directory/locations', {
    ...valuesOf(form.text), name: 'Riverside Sensory Room', address_1: '4 Mill Lane', address_2: 'Unit 2',
    city: 'Queensbury', postcode: 'qs4 7rw', latitude: '54.5742', longitude: '-1.235',
    accessibility: 'Step-free access; quiet room',
  });
  assert.equal(good.status, 303, good.text.slice(0, 400));
  const id = good.location.match(/locations\/([0-9a-f-]{36})\/edit/)[1];
  const venue = (await api('GET', `/api/v1/directory/locations/${id}`)).data;
  assert.equal(venue.postcode, 'QS4 7RW', 'postcode in its usual form');
  assert.equal(venue.latitude, 54.5742);

  const service = await someService('speech');
  const page = await manager.get(`/directory/locations/${id}/edit`);
  const offered = await manager.postForm(`/directory/locations/${id}/services`,
    { csrf_token: csrfFrom(page.text), service_id: service.id });
  assert.equal(offered.status, 303);
  let now = await orukService(service.id);
  const sal = now.service_at_locations.find((s) => s.location_id === id);
  assert.ok(sal, 'offered at the new venue');
  assert.equal(sal.location.addresses[0].address_1, '4 Mill Lane, Unit 2');
  assert.equal(sal.location.addresses[0].postal_code, 'QS4 7RW');
  assert.deepEqual(check('service_at_location', await feed(`/api/oruk/service_at_locations/${sal.id}`)), []);
  assert.match(await publicPage(service.id), /Riverside Sensory Room/);
  const twice = await manager.postForm(`/directory/locations/${id}/services`,
    { csrf_token: csrfFrom(page.text), service_id: service.id });
  assert.equal(twice.status, 400);
  assert.match(twice.text, /already offered here/);

  const edit = await manager.get(`/directory/locations/${id}/edit`);
  assert.match(edit.text, new RegExp(`/directory/services/${service.id}/edit`), 'lists the services offered there');
  const fields = valuesOf(edit.text);
  const changed = await manager.postForm(`/directory/locations/${id}/edit`, { ...fields, address_2: 'Unit 3' });
  assert.equal(changed.status, 303);
  assert.match(await publicPage(service.id), /Unit 3/);
  const stale = await manager.postForm(`/directory/locations/${id}/edit`, { ...fields, address_2: 'Unit 9' });
  assert.equal(stale.status, 409);
  assert.doesNotMatch(await publicPage(service.id), /Unit 9/);

  const ask = await manager.get(`/directory/locations/${id}/services/${service.id}/remove`);
  const removed = await manager.postForm(`/directory/locations/${id}/services/${service.id}/remove`,
    { csrf_token: csrfFrom(ask.text), version: ask.text.match(/name="version" value="(\d+)"/)[1] });
  assert.equal(removed.status, 303);
  now = await orukService(service.id);
  assert.ok(!now.service_at_locations.some((s) => s.location_id === id), 'no longer offered there');
  const log = await audit();
  for (const action of ['directory.location.add', 'directory.location.update', 'directory.service_at_location.add',
    'directory.service_at_location.remove']) assert.match(log, new RegExp(action.replaceAll('.', '\\.')));
});

test('opening times: days, closing after opening, dates in order; shown to families and in the feed', async () => {
  const service = await someService('swimming');
  const base = `/directory/services/${service.id}/schedules`;
  assert.equal((await manager.get(base)).status, 200);
  const form = await manager.get(`${base}/new`);
  const fields = valuesOf(form.text);
  const bad = await manager.postForm(base, {
    ...fields, opens_at: '9am', closes_at: '08:00', valid_from: '2026-09-01', valid_to: '2026-07-01',
  });
  assert.equal(bad.status, 400);
  namesErrors(bad.text, ['byday', 'opens_at', 'valid_to']);
  // A form with ticked days: each day once more under the same name.
  const withDays = (values, days) => new URLSearchParams([...Object.entries(values), ...days.map((d) => ['byday', d])]);
  const earlier = await manager.postForm(base, withDays({ ...fields, opens_at: '10:00', closes_at: '09:00' }, ['SA']));
  assert.equal(earlier.status, 400);
  namesErrors(earlier.text, ['closes_at']);
  const before = (await orukService(service.id)).schedules.length;
  assert.equal((await orukService(service.id)).schedules.length, before, 'nothing saved');

  const good = await manager.postForm(base, withDays({ ...fields, opens_at: '10:00', closes_at: '12:30',
    valid_from: '2026-07-22', valid_to: '2026-08-31', description: 'Summer holidays only' }, ['SA', 'MO']));
  assert.equal(good.status, 303, good.text.slice(0, 400));
  let now = await orukService(service.id);
  assert.equal(now.schedules.length, before + 1);
  const added = now.schedules.find((s) => s.description === 'Summer holidays only');
  assert.equal(added.byday, 'MO,SA', 'days in week order');
  assert.equal(added.valid_from, '2026-07-22');
  assert.equal(added.valid_to, '2026-08-31');
  assert.match(await publicPage(service.id),
    /Mondays and Saturdays, 10:00 to 12:30, from 22 July 2026 until 31 August 2026 \(Summer holidays only\)/);

  const edit = await manager.get(`${base}/${added.id}/edit`);
  const editFields = valuesOf(edit.text);
  const changed = await manager.postForm(`${base}/${added.id}/edit`, withDays({ ...editFields, closes_at: '13:00' }, ['SA']));
  assert.equal(changed.status, 303);
  now = await orukService(service.id);
  assert.equal(now.schedules.find((s) => s.id === added.id).closes_at, '13:00');
  const stale = await manager.postForm(`${base}/${added.id}/edit`, withDays({ ...editFields, closes_at: '14:00' }, ['SA']));
  assert.equal(stale.status, 409);
  assert.match(stale.text, /Someone else changed this service/);

  // Removing asks first, on a page of its own that needs no script.
  const confirm = await manager.get(`${base}/${added.id}/remove`);
  assert.match(confirm.text, /Remove these opening times\?/);
  const version = confirm.text.match(/name="version" value="(\d+)"/)[1];
  const removed = await manager.postForm(`${base}/${added.id}/remove`, { csrf_token: csrfFrom(confirm.text), version });
  assert.equal(removed.status, 303);
  assert.equal((await orukService(service.id)).schedules.length, before);
  const log = await audit();
  for (const action of ['add', 'update', 'remove']) assert.match(log, new RegExp(`directory\\.schedule\\.${action}`));
});

test('taxonomy terms: codes unique in a taxonomy, no cycles; terms attached to a service show in the feed', async () => {
  const list = await manager.get('/directory/taxonomies');
  assert.equal(list.status, 200);
  const taxonomies = (await api('GET', '/api/v1/directory/taxonomies')).data.taxonomies;
  const types = taxonomies.find((t) => t.name === 'Local Offer service types');
  const taken = types.terms[0];
  const form = await manager.get(`/directory/taxonomies/${types.id}/terms/new`);
  const bad = await manager.postForm(`/directory/taxonomies/${types.id}/terms`,
    { ...valuesOf(form.text), code: taken.code, name: '' });
  assert.equal(bad.status, 400);
  namesErrors(bad.text, ['code', 'name']);

  const good = await manager.postForm(`/directory/taxonomies/${types.id}/terms`,
    { ...valuesOf(form.text), code: 'sensory-rooms', name: 'Sensory rooms', parent_id: taken.id });
  assert.equal(good.status, 303, good.text.slice(0, 400));
  const added = (await api('GET', '/api/v1/directory/taxonomies')).data.taxonomies
    .find((t) => t.id === types.id).terms.find((t) => t.code === 'sensory-rooms');
  assert.equal(added.parent_id, taken.id);
  const term = await feed(`/api/oruk/taxonomy_terms/${added.id}`);
  assert.deepEqual(check('taxonomy_term', term), []);
  assert.equal(term.parent_id, taken.id);

  // The broader term cannot move under its own narrower term.
  const parentPage = await manager.get(`/directory/terms/${taken.id}/edit`);
  const cycle = await manager.postForm(`/directory/terms/${taken.id}/edit`,
    { ...valuesOf(parentPage.text), parent_id: added.id });
  assert.equal(cycle.status, 400);
  namesErrors(cycle.text, ['parent_id']);
  const renamed = await manager.postForm(`/directory/terms/${taken.id}/edit`,
    { ...valuesOf(parentPage.text), name: `${taken.name} and more` });
  assert.equal(renamed.status, 303);
  const stale = await manager.postForm(`/directory/terms/${taken.id}/edit`,
    { ...valuesOf(parentPage.text), name: 'Stale' });
  assert.equal(stale.status, 409);

  const service = await someService('swimming');
  const termsPage = await manager.get(`/directory/services/${service.id}/terms`);
  assert.equal(termsPage.status, 200);
  const ticked = [...termsPage.text.matchAll(/name="term_ids" type="checkbox" value="([0-9a-f-]{36})" checked/g)]
    .map((m) => m[1]);
  const version = termsPage.text.match(/name="version" value="(\d+)"/)[1];
  const attach = await manager.postForm(`/directory/services/${service.id}/terms`, new URLSearchParams([
    ['csrf_token', csrfFrom(termsPage.text)], ['version', version], ...ticked.map((t) => ['term_ids', t]),
    ['term_ids', added.id]]));
  assert.equal(attach.status, 303);
  let now = await orukService(service.id);
  assert.ok(now.attributes.some((a) => a.taxonomy_term_id === added.id), 'attached');
  const byTerm = await feed(`/api/oruk/services?taxonomy_term_id=${added.id}`);
  assert.deepEqual(byTerm.contents.map((s) => s.id), [service.id]);

  const stillOld = await manager.postForm(`/directory/services/${service.id}/terms`, new URLSearchParams([
    ['csrf_token', csrfFrom(termsPage.text)], ['version', version]]));
  assert.equal(stillOld.status, 409, 'a stale terms form is refused');
  const fresh = await manager.get(`/directory/services/${service.id}/terms`);
  const detach = await manager.postForm(`/directory/services/${service.id}/terms`, new URLSearchParams([
    ['csrf_token', csrfFrom(fresh.text)], ['version', fresh.text.match(/name="version" value="(\d+)"/)[1]],
    ...ticked.map((t) => ['term_ids', t])]));
  assert.equal(detach.status, 303);
  now = await orukService(service.id);
  assert.ok(!now.attributes.some((a) => a.taxonomy_term_id === added.id), 'detached');
  const log = await audit();
  for (const action of ['directory.term.add', 'directory.term.update', 'directory.service.terms']) {
    assert.match(log, new RegExp(action.replaceAll('.', '\\.')));
  }
});

test('the JSON API: same checks, 409 on a stale version, 404 for what is not in the area', async () => {
  const created = await api('POST', '/api/v1/directory/organisations',
    { name: 'API Play CIC', description: 'Play sessions.', company_number: '12345678' });
  assert.equal(created.status, 201, created.text);
  const bad = await api('PUT', `/api/v1/directory/organisations/${created.data.id}`,
    { name: 'API Play CIC', description: 'Play sessions.', charity_number: 'abc', version: created.data.version });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.data.fields.map((e) => e.field), ['charity_number']);
  const put = await api('PUT', `/api/v1/directory/organisations/${created.data.id}`,
    { name: 'API Play CIC', description: 'Play sessions for all.', version: created.data.version });
  assert.equal(put.status, 200);
  assert.equal(put.data.version, created.data.version + 1);
  const stale = await api('PUT', `/api/v1/directory/organisations/${created.data.id}`,
    { name: 'API Play CIC', description: 'Stale.', version: created.data.version });
  assert.equal(stale.status, 409);
  assert.equal((await api('GET', '/api/v1/directory/organisations/00000000-0000-4000-8000-000000000000')).status, 404);

  const venue = await api('POST', '/api/v1/directory/locations',
    { name: 'API Hall', address_1: '1 Road', city: 'Queensbury', postcode: 'QS1 1AA', latitude: 54.5, longitude: -1.2 });
  assert.equal(venue.status, 201, venue.text);
  const service = await someService('swimming');
  const offered = await api('POST', `/api/v1/directory/locations/${venue.data.id}/services`, { service_id: service.id });
  assert.equal(offered.status, 201, offered.text);
  assert.deepEqual(offered.data.services.map((s) => s.id), [service.id]);

  const schedules = (await api('GET', `/api/v1/directory/services/${service.id}/schedules`)).data;
  const sal = schedules.venues.find((v) => v.name.startsWith('API Hall'));
  const addTimes = await api('POST', `/api/v1/directory/services/${service.id}/schedules`, {
    byday: ['TU', 'TH'], opens_at: '16:00', closes_at: '17:00', service_at_location_id: sal.service_at_location_id,
    version: schedules.version,
  });
  assert.equal(addTimes.status, 201, addTimes.text);
  const times = addTimes.data.schedules.find((s) => s.opens_at === '16:00' && s.byday === 'TU,TH');
  assert.equal(times.service_at_location_id, sal.service_at_location_id);
  const oruk = await orukService(service.id);
  assert.equal(oruk.schedules.find((s) => s.id === times.id).service_at_location_id, sal.service_at_location_id);
  const staleTimes = await api('DELETE',
    `/api/v1/directory/services/${service.id}/schedules/${times.id}?version=${schedules.version}`);
  assert.equal(staleTimes.status, 409);
  const removedTimes = await api('DELETE',
    `/api/v1/directory/services/${service.id}/schedules/${times.id}?version=${addTimes.data.version}`);
  assert.equal(removedTimes.status, 200);

  const terms = (await api('GET', `/api/v1/directory/services/${service.id}/terms`)).data;
  const unknown = await api('PUT', `/api/v1/directory/services/${service.id}/terms`,
    { term_ids: ['nope'], version: terms.version });
  assert.equal(unknown.status, 400);
  assert.deepEqual(unknown.data.fields.map((e) => e.field), ['term_ids']);

  const overdue = (await api('GET', '/api/v1/directory/reviews?show=overdue')).data.services;
  assert.ok(overdue.length > 0 && overdue.every((s) => s.overdue && s.days_left < 0));
  const all = (await api('GET', '/api/v1/directory/reviews')).data.services;
  assert.ok(all.length > overdue.length);
  assert.equal((await api('GET', '/api/v1/directory/reviews?show=soon')).status, 400);
});

test('roles that do not keep the directory are refused every page, form and API call', async () => {
  const service = await someService('swimming');
  const org = service.organization_id;
  const me = await caseworker.json('GET', '/api/v1/me');
  for (const path of ['/directory/organisations', '/directory/organisations/new', `/directory/organisations/${org}/edit`,
    '/directory/locations', '/directory/locations/new', `/directory/services/${service.id}/schedules`,
    `/directory/services/${service.id}/schedules/new`, '/directory/taxonomies',
    `/directory/services/${service.id}/terms`]) {
    assert.equal((await caseworker.get(path)).status, 403, path);
  }
  for (const path of ['/directory/organisations', `/directory/organisations/${org}/edit`, '/directory/locations',
    `/directory/services/${service.id}/schedules`, `/directory/services/${service.id}/terms`]) {
    const res = await caseworker.postForm(path, { csrf_token: me.data.csrf_token, name: 'Refused', version: '1' });
    assert.equal(res.status, 403, `POST ${path}`);
  }
  const res = await caseworker.json('POST', '/api/v1/directory/organisations', { name: 'Refused', description: 'x' },
    { headers: { 'x-csrf-token': me.data.csrf_token } });
  assert.equal(res.status, 403);
  assert.notEqual((await orukService(service.id)).organization.name, 'Refused');
});

test('the staff pages pass axe, errors included, and work from the keyboard', async () => {
  const service = await someService('swimming');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('icb_commissioner'), PASSWORD);
    for (const path of ['/directory/organisations', '/directory/locations', '/directory/taxonomies',
      `/directory/services/${service.id}/schedules`, `/directory/services/${service.id}/terms`,
      '/directory/reviews?show=overdue']) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
    await page.goto(`${server.url}/directory/organisations`);
    await Promise.all([page.waitForURL(/\/edit$/), page.locator('tbody tr th a').first().click()]);
    await checkAxe(page);
    for (const path of ['/directory/organisations/new', '/directory/locations/new',
      `/directory/services/${service.id}/schedules/new`]) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      assert.match(await page.title(), /^Error: /);
      await checkAxe(page);
    }
    await page.goto(`${server.url}/directory/locations`);
    await Promise.all([page.waitForURL(/\/edit$/), page.locator('tbody tr th a').first().click()]);
    await checkAxe(page);
    await page.goto(`${server.url}/directory/taxonomies`);
    await Promise.all([page.waitForURL(/\/edit$/), page.locator('tbody tr th a').first().click()]);
    await checkAxe(page);
    // Keyboard only: tick a day and save opening times with the Enter key.
    await page.goto(`${server.url}/directory/services/${service.id}/schedules/new`);
    await page.locator('#byday').focus();
    await page.keyboard.press('Space');
    await page.locator('#opens_at').fill('08:00');
    await page.locator('#closes_at').fill('08:45');
    await page.locator('#closes_at').press('Enter');
    await page.waitForURL(/schedules\?saved=added$/);
    await checkAxe(page);
  } finally {
    await browser.close();
  }
});

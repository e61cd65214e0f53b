// Staff remove whole records from the Local Offer: a service nothing refers
// to, an organisation that runs nothing, a term no service uses. A service
// that families' feedback, requests, contracts, commissioning or plans refer
// to cannot be deleted, because that history matters: it is withdrawn instead
// (Open Referral UK status "defunct"), leaving families' search while its
// record stays for staff, and its public page tells families it has closed.
// Each asks first on a page of its own, removes at the version that page
// showed, is audited, and shows at once in the feed.
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
const versionOf = (html) => html.match(/name="version" value="(\d+)"/)[1];
const escaped = (text) => text.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('/', '&#x2F;');

async function orukService(id) {
  const res = await fetch(`${server.url}/api/oruk/services/${id}`);
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual(check('service', body), [], `service ${id} validates`);
  return body;
}

// Demo services in the order the feed lists them, each with its confirm page.
async function servicesWithConfirmPages() {
  const out = [];
  for (const s of (await feed('/api/oruk/services?per_page=60')).contents) {
    if (s.status !== 'active') continue;
    out.push({ service: s, page: (await manager.get(`/directory/services/${s.id}/remove`)).text });
  }
  return out;
}

async function giveFeedback(serviceId) {
  const family = new Client(server.url);
  const form = await family.get(`/local-offer/feedback?service=${serviceId}`);
  const sent = await family.postForm('/local-offer/feedback', { csrf_token: csrfFrom(form.text),
    service_id: serviceId, from: 'parent_carer', comment: 'The sessions helped our son a lot' });
  assert.equal(sent.status, 303);
}

test('a service nothing refers to is removed after a confirm step, at the version it showed', async () => {
  const candidates = await servicesWithConfirmPages();
  const free = candidates.find((c) => !/cannot be removed/.test(c.page));
  assert.ok(free, 'the demo has a service nothing refers to');
  const { service, page } = free;
  assert.match(page, /Remove .*\?<\/h1>/);
  assert.match(page, /Nothing else in Tandem refers to it/);
  const path = `/directory/services/${service.id}/remove`;
  const stale = await manager.postForm(path, { csrf_token: csrfFrom(page), version: String(Number(versionOf(page)) + 1) });
  assert.equal(stale.status, 409);
  assert.match(stale.text, /Someone else changed this service/);
  await orukService(service.id);

  const removed = await manager.postForm(path, { csrf_token: csrfFrom(page), version: versionOf(page) });
  assert.equal(removed.status, 303);
  assert.equal(removed.location, '/directory/reviews?removed=1');
  assert.match((await manager.get(removed.location)).text, /The service has been removed/);
  assert.equal((await fetch(`${server.url}/api/oruk/services/${service.id}`)).status, 404, 'gone from the feed at once');
  assert.equal((await fetch(`${server.url}/local-offer/services/${service.id}`)).status, 404);
  assert.equal((await manager.get(path)).status, 404);
  assert.match(await audit(), /directory\.service\.remove/);
});

test('a service that feedback refers to cannot be removed and is withdrawn instead', async () => {
  const { service } = (await servicesWithConfirmPages()).find((c) => !/cannot be removed/.test(c.page));
  await giveFeedback(service.id);
  const path = `/directory/services/${service.id}/remove`;
  const confirm = await manager.get(path);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /cannot be removed<\/h1>/);
  assert.match(confirm.text, /1 piece of families&#39; feedback/, 'names what refers to it');
  assert.doesNotMatch(confirm.text, /Remove the service<\/button>/);
  assert.match(confirm.text, /Withdraw the service<\/button>/);

  const refused = await manager.postForm(path, { csrf_token: csrfFrom(confirm.text), version: versionOf(confirm.text) });
  assert.equal(refused.status, 409);
  assert.match(refused.text, /withdraw it instead/);
  const viaApi = await api('DELETE', `/api/v1/directory/services/${service.id}?version=${versionOf(confirm.text)}`);
  assert.equal(viaApi.status, 409);
  assert.deepEqual(viaApi.data.fields.map((e) => e.field), ['references']);
  assert.match(viaApi.data.fields[0].message, /families' feedback/);
  await orukService(service.id);

  const withdraw = `/directory/services/${service.id}/withdraw`;
  const stale = await manager.postForm(withdraw,
    { csrf_token: csrfFrom(confirm.text), version: String(Number(versionOf(confirm.text)) + 1) });
  assert.equal(stale.status, 409);
  assert.equal((await orukService(service.id)).status, 'active', 'nothing withdrawn when stale');
  const done = await manager.postForm(withdraw, { csrf_token: csrfFrom(confirm.text), version: versionOf(confirm.text) });
  assert.equal(done.status, 303);
  assert.equal(done.location, '/directory/reviews?withdrawn=1');
  const reviews = (await manager.get(done.location)).text;
  assert.match(reviews, /The service has been withdrawn/);
  assert.match(reviews, /Withdrawn \d+ \w+ \d{4}/, 'listed for staff as withdrawn, not as a review due');

  // Families: gone from search, and its page says it closed (410).
  const publicPage = await fetch(`${server.url}/local-offer/services/${service.id}`);
  assert.equal(publicPage.status, 410);
  assert.match(await publicPage.text(), /is no longer offered/);
  const search = await (await fetch(`${server.url}/local-offer?q=${encodeURIComponent(service.name)}`)).text();
  assert.ok(!search.includes(`/local-offer/services/${service.id}`), 'not in families\' search');
  // Other directories: still listed, as defunct, and valid.
  const oruk = await orukService(service.id);
  assert.equal(oruk.status, 'defunct');
  const listed = await feed(`/api/oruk/services?search=${encodeURIComponent(service.name)}`);
  assert.equal(listed.contents.find((s) => s.id === service.id)?.status, 'defunct');
  // Staff keep the record.
  assert.equal((await manager.get(`/directory/services/${service.id}/edit`)).status, 200);
  const version = (await api('GET', `/api/v1/directory/services/${service.id}/terms`)).data.version;
  const again = await api('POST', `/api/v1/directory/services/${service.id}/withdraw`, { version });
  assert.equal(again.status, 409);
  assert.deepEqual(again.data.fields.map((e) => e.field), ['status']);
  assert.doesNotMatch((await manager.get(path)).text, /Withdraw the service<\/button>/);
  assert.match(await audit(), /directory\.service\.withdraw/);
});

test('the API withdraws at the version read, and a stale one changes nothing', async () => {
  const { service } = (await servicesWithConfirmPages()).find((c) => !/cannot be removed/.test(c.page));
  const version = (await api('GET', `/api/v1/directory/services/${service.id}/terms`)).data.version;
  const stale = await api('POST', `/api/v1/directory/services/${service.id}/withdraw`, { version: version + 1 });
  assert.equal(stale.status, 409);
  const done = await api('POST', `/api/v1/directory/services/${service.id}/withdraw`, { version });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.data.status, 'defunct');
  assert.equal(done.data.version, version + 1);
  assert.match(done.data.withdrawn_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal((await orukService(service.id)).status, 'defunct');
  const unknown = await api('POST', '/api/v1/directory/services/00000000-0000-4000-8000-000000000000/withdraw',
    { version: 1 });
  assert.equal(unknown.status, 404);
});

// Decommissioning ends on a day: a service given a later closing day stays in
// families' search until then, its page and search result give the date, and
// staff can move the day or keep the service. (That it is withdrawn on the
// day, by the first request that day, is tested with a clock in
// tests/store/service_closures.test.cpp.)
test('a service can be given a later closing day, shown to families until then, and kept after all', async () => {
  const iso = (d) => d.toISOString().slice(0, 10);
  const daysFromNow = (n) => iso(new Date(Date.now() + n * 86400000));
  const candidates = await servicesWithConfirmPages();
  const { service, page } = candidates[candidates.length - 1];
  assert.match(page, /name="from" type="text" value="\d{4}-\d{2}-\d{2}"/, 'the closing day defaults to today');
  const withdraw = `/directory/services/${service.id}/withdraw`;
  for (const [from, says] of [['31/03/2027', /YYYY-MM-DD/], [daysFromNow(800), /up to two years ahead/]]) {
    const refused = await manager.postForm(withdraw, { csrf_token: csrfFrom(page), version: versionOf(page), from });
    assert.equal(refused.status, 400, from);
    assert.match(refused.text, /href="#from"/);
    assert.match(refused.text, says);
    assert.ok(refused.text.includes(`value="${escaped(from)}"`), 'what was typed is kept');
  }
  const closing = daysFromNow(45);
  const set = await manager.postForm(withdraw, { csrf_token: csrfFrom(page), version: versionOf(page), from: closing });
  assert.equal(set.status, 303);
  assert.equal(set.location, '/directory/reviews?closing=1');
  const reviews = (await manager.get(set.location)).text;
  assert.match(reviews, /The service will close on the day given/);
  const long = new Date(`${closing}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  assert.ok(reviews.includes(`closes ${long}`), `the reviews list gives the day: ${long}`);

  // Families still find it, and are told when it closes.
  assert.equal((await orukService(service.id)).status, 'active');
  const servicePage = await fetch(`${server.url}/local-offer/services/${service.id}`);
  assert.equal(servicePage.status, 200);
  assert.match(await servicePage.text(), new RegExp(`This service closes on ${long}`));
  const search = await (await fetch(`${server.url}/local-offer?q=${encodeURIComponent(service.name)}`)).text();
  assert.ok(search.includes(`/local-offer/services/${service.id}`), 'still in families\' search');
  assert.match(search, new RegExp(`Closes ${long}`));
  const reviewsApi = (await api('GET', '/api/v1/directory/reviews')).data.services.find((s) => s.id === service.id);
  assert.equal(reviewsApi.closes_on, closing);

  // Staff: the confirm page offers to keep it; keeping clears the day.
  const confirm = (await manager.get(`/directory/services/${service.id}/remove`)).text;
  assert.ok(confirm.includes(`value="${closing}"`), 'the form shows the day set');
  assert.match(confirm, /Keep the service<\/button>/);
  const kept = await manager.postForm(`/directory/services/${service.id}/keep`,
    { csrf_token: csrfFrom(confirm), version: versionOf(confirm) });
  assert.equal(kept.status, 303);
  assert.equal(kept.location, '/directory/reviews?kept=1');
  assert.doesNotMatch(await (await fetch(`${server.url}/local-offer/services/${service.id}`)).text(), /This service closes on/);
  // The API sets and cancels the day too, and says where the service stands.
  const version = (await api('GET', `/api/v1/directory/services/${service.id}/terms`)).data.version;
  const viaApi = await api('POST', `/api/v1/directory/services/${service.id}/withdraw`, { version, from: closing });
  assert.equal(viaApi.status, 200, viaApi.text);
  assert.deepEqual([viaApi.data.status, viaApi.data.closes_on, viaApi.data.withdrawn_on], ['active', closing, null]);
  const keptApi = await api('POST', `/api/v1/directory/services/${service.id}/keep`, { version: viaApi.data.version });
  assert.equal(keptApi.status, 200, keptApi.text);
  assert.equal(keptApi.data.closes_on, null);
  const nothing = await api('POST', `/api/v1/directory/services/${service.id}/keep`, { version: keptApi.data.version });
  assert.equal(nothing.status, 409);
  assert.deepEqual(nothing.data.fields.map((e) => e.field), ['closes_on']);
  const log = await audit();
  assert.match(log, /directory\.service\.closing/);
  assert.match(log, /directory\.service\.keep/);
});

test('an organisation is removed only when it runs no service', async () => {
  const orgs = (await api('GET', '/api/v1/directory/organisations')).data.organisations;
  const busy = orgs.find((o) => o.services.length > 0);
  const confirm = await manager.get(`/directory/organisations/${busy.id}/remove`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /cannot be removed yet/);
  assert.ok(confirm.text.includes(escaped(busy.services[0].name)), 'names a service it runs');
  const refused = await manager.postForm(`/directory/organisations/${busy.id}/remove`,
    { csrf_token: csrfFrom(confirm.text), version: String(busy.version) });
  assert.equal(refused.status, 409);
  const viaApi = await api('DELETE', `/api/v1/directory/organisations/${busy.id}?version=${busy.version}`);
  assert.equal(viaApi.status, 409);
  assert.deepEqual(viaApi.data.fields.map((e) => e.field), ['services']);
  assert.match(viaApi.data.fields[0].message, /remove those services, or move them/);

  const added = await api('POST', '/api/v1/directory/organisations', { name: 'Short Lived Group', description: 'x' });
  assert.equal(added.status, 201, added.text);
  assert.match((await manager.get(`/directory/organisations/${added.data.id}/edit`)).text, /Remove this organisation/);
  const ask = await manager.get(`/directory/organisations/${added.data.id}/remove`);
  assert.match(ask.text, /Remove Short Lived Group\?/);
  const stale = await manager.postForm(`/directory/organisations/${added.data.id}/remove`,
    { csrf_token: csrfFrom(ask.text), version: String(added.data.version + 1) });
  assert.equal(stale.status, 409);
  const removed = await manager.postForm(`/directory/organisations/${added.data.id}/remove`,
    { csrf_token: csrfFrom(ask.text), version: versionOf(ask.text) });
  assert.equal(removed.status, 303);
  assert.equal(removed.location, '/directory/organisations?saved=removed');
  assert.equal((await api('GET', `/api/v1/directory/organisations/${added.data.id}`)).status, 404);
  assert.match(await audit(), /directory\.organisation\.remove/);

  const another = await api('POST', '/api/v1/directory/organisations', { name: 'Another Group', description: 'x' });
  const gone = await api('DELETE', `/api/v1/directory/organisations/${another.data.id}?version=${another.data.version}`);
  assert.equal(gone.status, 200, gone.text);
  assert.equal((await api('DELETE', `/api/v1/directory/organisations/${another.data.id}?version=1`)).status, 404);
});

test('a term is removed from its taxonomy only when no service uses it and no term sits under it', async () => {
  const service = (await feed('/api/oruk/services?per_page=1')).contents[0];
  const used = (await orukService(service.id)).attributes
    .find((a) => a.taxonomy_term.taxonomy !== 'Level of support').taxonomy_term;
  const confirm = await manager.get(`/directory/terms/${used.id}/remove`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /cannot be removed yet/);
  const term = (await api('GET', `/api/v1/directory/terms/${used.id}`)).data;
  const viaApi = await api('DELETE', `/api/v1/directory/terms/${used.id}?version=${term.version}`);
  assert.equal(viaApi.status, 409);
  assert.ok(viaApi.data.fields.some((e) => e.field === 'services'));

  const taxonomy = (await api('GET', '/api/v1/directory/taxonomies')).data.taxonomies
    .find((t) => t.name === 'Local Offer service types');
  const broad = await api('POST', `/api/v1/directory/taxonomies/${taxonomy.id}/terms`,
    { code: 'outdoor-play', name: 'Outdoor play', description: '' });
  assert.equal(broad.status, 201, broad.text);
  const narrow = await api('POST', `/api/v1/directory/taxonomies/${taxonomy.id}/terms`,
    { code: 'forest-school', name: 'Forest school', description: '', parent_id: broad.data.id });
  assert.equal(narrow.status, 201, narrow.text);
  const blocked = await api('DELETE', `/api/v1/directory/terms/${broad.data.id}?version=${broad.data.version}`);
  assert.equal(blocked.status, 409);
  assert.deepEqual(blocked.data.fields.map((e) => e.field), ['terms']);
  assert.match(blocked.data.fields[0].message, /Forest school/);
  const stale = await api('DELETE', `/api/v1/directory/terms/${narrow.data.id}?version=${narrow.data.version + 1}`);
  assert.equal(stale.status, 409);
  assert.equal((await api('DELETE', `/api/v1/directory/terms/${narrow.data.id}?version=${narrow.data.version}`)).status,
    200);
  assert.equal((await fetch(`${server.url}/api/oruk/taxonomy_terms/${narrow.data.id}`)).status, 404, 'gone from the feed');

  assert.match((await manager.get(`/directory/terms/${broad.data.id}/edit`)).text, /Remove this term/);
  const ask = await manager.get(`/directory/terms/${broad.data.id}/remove`);
  assert.match(ask.text, /Remove Outdoor play from Local Offer service types\?/);
  const removed = await manager.postForm(`/directory/terms/${broad.data.id}/remove`,
    { csrf_token: csrfFrom(ask.text), version: versionOf(ask.text) });
  assert.equal(removed.status, 303);
  assert.equal(removed.location, '/directory/taxonomies?saved=removed');
  assert.equal((await api('GET', `/api/v1/directory/terms/${broad.data.id}`)).status, 404);
  assert.match(await audit(), /directory\.term\.remove/);
});

test('"stop offering here" asks first, names the opening times that go, and is refused when stale', async () => {
  let service;
  let venue;
  for (const s of (await feed('/api/oruk/services?per_page=60')).contents) {
    const full = await orukService(s.id);
    if (full.status === 'active' && full.service_at_locations.length) { service = full; break; }
  }
  venue = service.service_at_locations[0].location_id;
  const edit = await manager.get(`/directory/locations/${venue}/edit`);
  assert.doesNotMatch(edit.text, /<form method="post" action="[^"]*services[^"]*remove"/, 'only a link to the confirm step');
  const path = `/directory/locations/${venue}/services/${service.id}/remove`;
  const confirm = await manager.get(path);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /Stop offering .* here\?/);
  const stale = await manager.postForm(path,
    { csrf_token: csrfFrom(confirm.text), version: String(Number(versionOf(confirm.text)) + 1) });
  assert.equal(stale.status, 409);
  assert.ok((await orukService(service.id)).service_at_locations.some((s) => s.location_id === venue), 'kept when stale');
  const done = await manager.postForm(path, { csrf_token: csrfFrom(confirm.text), version: versionOf(confirm.text) });
  assert.equal(done.status, 303);
  assert.equal(done.location, `/directory/locations/${venue}/edit?saved=removed`);
  assert.ok(!(await orukService(service.id)).service_at_locations.some((s) => s.location_id === venue));
  assert.equal((await manager.get(path)).status, 404);
  const noVersion = await api('DELETE', `/api/v1/directory/locations/${venue}/services/${service.id}`);
  assert.equal(noVersion.status, 400, 'no longer offered there: named, not removed twice');
});

test('the confirm pages and the closed service page pass axe and work from the keyboard', async () => {
  const orgs = (await api('GET', '/api/v1/directory/organisations')).data.organisations;
  const busy = orgs.find((o) => o.services.length > 0);
  const { service } = (await servicesWithConfirmPages()).find((c) => !/cannot be removed/.test(c.page));
  const full = await orukService(service.id);
  const term = full.attributes.find((a) => a.taxonomy_term.taxonomy !== 'Level of support');
  const withdrawn = (await feed('/api/oruk/services?per_page=200')).contents.find((s) => s.status === 'defunct');
  assert.ok(withdrawn, 'a withdrawn service to show');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/local-offer/services/${withdrawn.id}`);
    await checkAxe(page);
    await signIn(page, server.url, email('icb_commissioner'), PASSWORD);
    const paths = [`/directory/services/${service.id}/remove`, `/directory/organisations/${busy.id}/remove`,
      `/directory/terms/${term.taxonomy_term_id}/remove`, `/directory/services/${withdrawn.id}/remove`,
      '/directory/reviews?withdrawn=1'];
    if (full.service_at_locations.length) {
      paths.push(`/directory/locations/${full.service_at_locations[0].location_id}/services/${service.id}/remove`);
    }
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
    await page.goto(`${server.url}/directory/services/${service.id}/edit`);
    await page.getByRole('link', { name: 'Remove or withdraw this service' }).focus();
    await Promise.all([page.waitForURL(/\/remove$/), page.keyboard.press('Enter')]);
    await page.getByRole('button', { name: 'Withdraw the service' }).focus();
    await Promise.all([page.waitForURL(/reviews\?withdrawn=1$/), page.keyboard.press('Enter')]);
    await checkAxe(page);
  } finally {
    await browser.close();
  }
});

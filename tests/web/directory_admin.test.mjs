// Staff keep the Local Offer up to date: the services by review date, longest
// overdue first, and a form that names each wrong field, saves nothing then,
// refuses a stale edit, and on success shows the change to families at once
// with an audit entry.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { checkAxe, Client, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let manager;
before(async () => {
  server = await startServer({ demo: true });
  manager = new Client(server.url);
  const form = await manager.get('/sign-in');
  const res = await manager.postForm('/sign-in',
    { csrf_token: csrfFrom(form.text), email: email('sen_manager'), password: PASSWORD });
  assert.equal(res.status, 303);
});
after(async () => { await server?.stop(); });

const feed = async (pathname) => (await fetch(`${server.url}${pathname}`)).json();

function fieldsOf(html) {
  const out = {};
  for (const m of html.matchAll(/<input class="govuk-input[^"]*" id="([a-z_]+)" name="\1" type="text" value="([^"]*)"/g)) out[m[1]] = m[2];
  for (const m of html.matchAll(/<textarea[^>]* name="([a-z_]+)"[^>]*>([^<]*)<\/textarea>/g)) out[m[1]] = m[2];
  for (const m of html.matchAll(/<select[^>]* name="([a-z_]+)"[^>]*>(.*?)<\/select>/gs)) {
    out[m[1]] = (m[2].match(/<option value="([^"]*)" selected/) ?? [])[1] ?? '';
  }
  out.version = html.match(/name="version" value="(\d+)"/)[1];
  const unescape = (s) => s.replaceAll('&#x2F;', '/').replaceAll('&#x3D;', '=').replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'").replaceAll('&quot;', '"');
  for (const k of Object.keys(out)) out[k] = unescape(out[k]);
  return out;
}

test('the review list puts the longest overdue first', async () => {
  const res = await manager.get('/directory/reviews');
  assert.equal(res.status, 200);
  const statuses = [...res.text.matchAll(/govuk-tag [^"]*">([^<]+)</g)].map((m) => m[1]);
  assert.match(statuses[0], /days overdue/);
  const overdue = statuses.filter((s) => /overdue/.test(s)).map((s) => Number(s.split(' ')[0]));
  assert.deepEqual(overdue, [...overdue].sort((a, b) => b - a), 'longest overdue first');
  assert.ok(statuses.some((s) => s === 'Up to date'));
});

test('a bad edit names each field and saves nothing; a good one shows at once and is audited', async () => {
  const service = (await feed('/api/oruk/services?search=swimming&per_page=1')).contents[0];
  const path = `/directory/services/${service.id}/edit`;
  const page = await manager.get(path);
  const fields = fieldsOf(page.text);
  assert.equal(fields.name, service.name);

  const bad = await manager.postForm(path, {
    ...fields, csrf_token: csrfFrom(page.text), minimum_age: 'five', url: 'swim.example', review_due_on: '2020-01-01',
  });
  assert.equal(bad.status, 400);
  for (const field of ['minimum_age', 'url', 'review_due_on']) {
    assert.match(bad.text, new RegExp(`<a href="#${field}">`), field);
  }
  assert.equal((await feed(`/api/oruk/services/${service.id}`)).minimum_age, service.minimum_age, 'nothing saved');

  const good = await manager.postForm(path, {
    ...fields, csrf_token: csrfFrom(page.text), name: `${service.name} (new times)`, needs: 'PD',
    last_checked_on: new Date().toISOString().slice(0, 10),
  });
  assert.equal(good.status, 303);
  const now = await feed(`/api/oruk/services/${service.id}`);
  assert.equal(now.name, `${service.name} (new times)`);
  assert.deepEqual(now.attributes.filter((a) => a.taxonomy_term.taxonomy === 'SEND needs').map((a) => a.taxonomy_term.term), ['PD']);
  const publicPage = await new Client(server.url).get(`/local-offer/services/${service.id}`);
  assert.match(publicPage.text, /\(new times\)/);
  const audit = await manager.get('/audit');
  assert.match(audit.text, /directory\.service\.update/);

  const stale = await manager.postForm(path, { ...fields, csrf_token: csrfFrom(page.text), name: 'Stale edit' });
  assert.equal(stale.status, 400);
  assert.match(stale.text, /Someone else changed this service/);
  assert.notEqual((await feed(`/api/oruk/services/${service.id}`)).name, 'Stale edit');

  const forged = await manager.postForm(path, { ...fields, csrf_token: 'forged', name: 'Forged' });
  assert.equal(forged.status, 403);
});

test('adding a service names each wrong field; a good one is public at once, at its venue, and audited', async () => {
  const form = await manager.get('/directory/services/new');
  assert.equal(form.status, 200);
  const fields = fieldsOf(form.text);
  const venue = [...form.text.matchAll(/<option value="([0-9a-f-]{36})">([^<]+)</g)]
    .find((m) => /Family Hub/.test(m[2]));
  const before = (await feed('/api/oruk/services?per_page=1')).total_items;

  const bad = await manager.postForm('/directory/services', {
    ...fields, csrf_token: csrfFrom(form.text), name: '', cost: 'ten pounds', contact_name: '',
  });
  assert.equal(bad.status, 400);
  for (const field of ['name', 'description', 'how_to_access', 'contact_name', 'contact_phone', 'cost']) {
    assert.match(bad.text, new RegExp(`<a href="#${field}">`), field);
  }
  assert.equal((await feed('/api/oruk/services?per_page=1')).total_items, before, 'nothing added');

  const body = new URLSearchParams({
    ...fields, csrf_token: csrfFrom(form.text), name: 'Quiet hour at the library', level: 'universal',
    description: 'A calm hour with the lights down and no queues.', how_to_access: 'Just turn up.',
    minimum_age: '0', maximum_age: '18', location_id: venue[1], contact_name: 'Library team',
    contact_phone: '01632 960123', cost: '',
  });
  body.append('needs', 'ASD');
  body.append('needs', 'SEMH');
  const good = await manager.request('POST', '/directory/services', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(),
  });
  assert.equal(good.status, 303, good.text.slice(0, 500));
  const id = good.location.match(/services\/([0-9a-f-]{36})\/edit/)[1];
  const added = await feed(`/api/oruk/services/${id}`);
  assert.equal(added.name, 'Quiet hour at the library');
  assert.equal(added.service_at_locations[0].location_id, venue[1]);
  const terms = (taxonomy) => added.attributes.filter((a) => a.taxonomy_term.taxonomy === taxonomy)
    .map((a) => a.taxonomy_term.term).sort();
  assert.deepEqual(terms('SEND needs'), ['ASD', 'SEMH']);
  assert.deepEqual(terms('Level of support'), ['universal']);
  assert.equal((await feed('/api/oruk/services?per_page=1')).total_items, before + 1);
  const search = await new Client(server.url).get('/local-offer?q=quiet+hour');
  assert.match(search.text, /Quiet hour at the library/);
  assert.match((await manager.get('/audit')).text, /directory\.service\.add/);
});

test('the staff pages pass axe, errors included', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('icb_commissioner'), PASSWORD);
    await page.goto(`${server.url}/directory/reviews`);
    await checkAxe(page);
    await Promise.all([page.waitForURL(/\/edit$/), page.locator('tbody tr th a').first().click()]);
    await checkAxe(page);
    await page.fill('#minimum_age', 'old');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    assert.match(await page.title(), /^Error: /);
    await checkAxe(page);
    await page.goto(`${server.url}/directory/services/new`);
    await checkAxe(page);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await checkAxe(page);
  } finally {
    await browser.close();
  }
});

// The Local Offer's Open Referral UK feed, checked as the public validator
// checks it: GET / names the profile, every endpoint answers, and every answer
// validates against the compiled HSDS-UK 3.0 schemas (ajv), over a crawl of the
// whole demo directory. The validator's own fixtures go through the same check.
// The feed is open: no sign-in, any origin, read-only.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { Client, repoRoot, startServer } from './harness.mjs';
import { check, FIXTURE_KINDS, verdict } from './oruk-schemas.mjs';

let server;
let client;
before(async () => {
  server = await startServer({ demo: true });
  client = new Client(server.url);
});
after(async () => { await server?.stop(); });

async function get(pathname) {
  const res = await client.json('GET', pathname);
  assert.equal(res.headers.get('access-control-allow-origin'), '*', `CORS on ${pathname}`);
  assert.equal(client.cookies.size, 0, `no cookie from ${pathname}`);
  return res;
}

async function valid(kind, pathname) {
  const res = await get(pathname);
  assert.equal(res.status, 200, `${pathname}: ${res.text.slice(0, 300)}`);
  assert.deepEqual(check(kind, res.data), [], pathname);
  return res.data;
}

// Every page of a list, checking each page and its paging fields.
async function crawl(kind, pathname) {
  const items = [];
  for (let page = 1; ; page++) {
    const sep = pathname.includes('?') ? '&' : '?';
    const body = await valid(kind, `${pathname}${sep}page=${page}&per_page=40`);
    assert.equal(body.page_number, page);
    assert.equal(body.size, body.contents.length);
    assert.equal(body.first_page, page === 1);
    assert.equal(body.empty, body.contents.length === 0);
    items.push(...body.contents);
    if (body.last_page) {
      assert.equal(page, body.total_pages);
      assert.equal(items.length, body.total_items);
      return items;
    }
    assert.equal(body.contents.length, 40);
  }
}

test('GET / names the UK profile and an OpenAPI that lists what is served', async () => {
  const root = await valid('api', '/api/oruk/');
  assert.equal(root.version, 'HSDS-UK-3.0');
  assert.deepEqual(await valid('api', '/api/oruk'), root);
  const openapi = await get(new URL(root.openapi_url).pathname);
  assert.equal(openapi.status, 200);
  assert.deepEqual(Object.keys(openapi.data.paths).sort(), [
    '/', '/service_at_locations', '/service_at_locations/{id}', '/services', '/services/{id}',
    '/taxonomies', '/taxonomies/{id}', '/taxonomy_terms', '/taxonomy_terms/{id}',
  ]);
  const profile = JSON.parse(readFileSync(path.join(repoRoot, 'data/oruk/schema/uk-profile-openapi.json'), 'utf8'));
  for (const [p, item] of Object.entries(profile.paths)) {
    if (item === null) continue;  // the UK profile drops /organizations
    const served = openapi.data.paths[p].get.parameters.map((x) => x.$ref);
    assert.deepEqual(served, item.get.parameters.map((x) => x.$ref), `parameters of ${p}`);
  }
});

test('a crawl of the whole demo feed validates, every list and every item', async () => {
  const services = await crawl('services', '/api/oruk/services');
  assert.ok(services.length >= 300, `the demo directory has its services (${services.length})`);
  for (const s of services) {
    const full = await valid('service', `/api/oruk/services/${s.id}`);
    assert.equal(full.name, s.name);
    assert.ok(full.contacts.length > 0 && full.cost_options.length > 0 && full.schedules.length > 0, s.name);
  }
  const located = await crawl('service_at_locations', '/api/oruk/service_at_locations');
  assert.ok(located.length > 200);
  for (const sal of located) {
    const full = await valid('service_at_location', `/api/oruk/service_at_locations/${sal.id}`);
    // The profile's OpenAPI names service.json here: the answer satisfies it too.
    assert.deepEqual(check('service', full), []);
    assert.equal(full.service.id, sal.service_id);
  }
  const taxonomies = await crawl('taxonomies', '/api/oruk/taxonomies');
  assert.deepEqual(taxonomies.map((t) => t.name).sort(), ['Level of support', 'Local Offer service types', 'SEND needs']);
  for (const t of taxonomies) await valid('taxonomy', `/api/oruk/taxonomies/${t.id}`);
  const terms = await crawl('taxonomy_terms', '/api/oruk/taxonomy_terms');
  for (const t of terms) await valid('taxonomy_term', `/api/oruk/taxonomy_terms/${t.id}`);
});

test('filters narrow the list as the profile describes', async () => {
  const all = (await valid('services', '/api/oruk/services?per_page=200')).total_items;

  const speech = await valid('services', '/api/oruk/services?search=speech&per_page=200');
  assert.ok(speech.total_items > 0 && speech.total_items < all);

  const terms = (await valid('taxonomy_terms', '/api/oruk/taxonomy_terms?per_page=200')).contents;
  const autism = terms.find((t) => t.term === 'ASD');
  const byTerm = await valid('services', `/api/oruk/services?taxonomy_term_id=${autism.id}&per_page=200`);
  assert.ok(byTerm.total_items > 0);
  for (const s of byTerm.contents.slice(0, 10)) {
    const full = await valid('service', `/api/oruk/services/${s.id}`);
    assert.ok(full.attributes.some((a) => a.taxonomy_term_id === autism.id), `${s.name} is tagged ASD`);
  }
  const byTaxonomy = await valid('services', `/api/oruk/services?taxonomy_id=${autism.taxonomy_id}&per_page=1`);
  assert.ok(byTaxonomy.total_items >= byTerm.total_items);

  // The level of support is a term too, so directories that read the feed can filter by it.
  const highly = terms.find((t) => t.taxonomy === 'Level of support' && t.term === 'highly_specialist');
  const byLevel = await valid('services', `/api/oruk/services?taxonomy_term_id=${highly.id}&per_page=200`);
  assert.ok(byLevel.total_items > 0 && byLevel.total_items < all);
  for (const s of byLevel.contents.slice(0, 5)) {
    const full = await valid('service', `/api/oruk/services/${s.id}`);
    assert.ok(full.attributes.some((a) => a.taxonomy_term_id === highly.id), `${s.name} is highly specialist`);
  }

  const older = await valid('services', '/api/oruk/services?minimum_age=16&per_page=200');
  assert.ok(older.total_items > 0 && older.contents.every((s) => s.minimum_age >= 16));
  const younger = await valid('services', '/api/oruk/services?maximum_age=5&per_page=200');
  assert.ok(younger.total_items > 0 && younger.contents.every((s) => s.maximum_age <= 5));

  const saturday = await valid('services', '/api/oruk/services?day=SA&start_time=09:00&end_time=17:00&per_page=20');
  assert.ok(saturday.total_items > 0);
  for (const s of saturday.contents) {
    const full = await valid('service', `/api/oruk/services/${s.id}`);
    assert.ok(full.schedules.some((sc) => sc.byday.includes('SA') && sc.opens_at >= '09:00' && sc.closes_at <= '17:00'),
      `${s.name} opens on Saturdays between 9 and 5`);
  }
  const sameDay = await valid('services', '/api/oruk/services?day=saturday&per_page=1');
  assert.ok(sameDay.total_items >= saturday.total_items, 'a day name works as its code');
});

test('postcode with proximity keeps the locations within that distance of the district', async () => {
  const sample = (await valid('service_at_locations', '/api/oruk/service_at_locations?per_page=1')).contents[0];
  const full = await valid('service_at_location', `/api/oruk/service_at_locations/${sample.id}`);
  const postcode = full.location.addresses[0].postal_code;
  const near = await valid('service_at_locations',
    `/api/oruk/service_at_locations?postcode=${encodeURIComponent(postcode)}&proximity=1500&per_page=200`);
  const wide = await valid('service_at_locations',
    `/api/oruk/service_at_locations?postcode=${encodeURIComponent(postcode)}&proximity=6000&per_page=200`);
  assert.ok(near.total_items > 0 && wide.total_items > near.total_items);
  const metres = (a, b) => {
    const r = Math.PI / 180;
    const h = Math.sin(((b.latitude - a.latitude) * r) / 2) ** 2 +
      Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(((b.longitude - a.longitude) * r) / 2) ** 2;
    return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
  };
  // Each is within 1,500 m of the district's centre, so within 3,000 m of each other.
  for (const a of near.contents) {
    for (const b of near.contents) assert.ok(metres(a.location, b.location) <= 3000.5);
  }
});

test('bad parameters answer 400 naming the parameter and what it allows', async () => {
  const cases = [
    ['/api/oruk/services?page=0', 'page', /from 1/],
    ['/api/oruk/services?page=two', 'page', /whole number/],
    ['/api/oruk/services?per_page=1000', 'per_page', /1 to 200/],
    ['/api/oruk/services?taxonomy_id=nope', 'taxonomy_id', /not a taxonomy/],
    ['/api/oruk/services?taxonomy_term_id=nope', 'taxonomy_term_id', /not a taxonomy term/],
    ['/api/oruk/services?minimum_age=old', 'minimum_age', /0 to 120/],
    ['/api/oruk/services?day=Funday', 'day', /MO, TU/],
    ['/api/oruk/services?start_time=25:00', 'start_time', /HH:MM/],
    ['/api/oruk/service_at_locations?postcode=not-a-postcode', 'postcode', /postcode/],
    ['/api/oruk/service_at_locations?postcode=ZZ9', 'postcode', /not a postcode district this directory covers/],
    ['/api/oruk/service_at_locations?proximity=500', 'proximity', /needs a postcode/],
    ['/api/oruk/taxonomies?per_page=0', 'per_page', /1 to 200/],
    ['/api/oruk/taxonomy_terms?page=-1', 'page', /from 1/],
  ];
  for (const [pathname, field, message] of cases) {
    const res = await get(pathname);
    assert.equal(res.status, 400, pathname);
    assert.equal(res.data.fields[0].field, field, pathname);
    assert.match(res.data.message, message, pathname);
  }
  assert.equal((await get('/api/oruk/services/00000000-0000-4000-8000-000000000000')).status, 404);
  assert.equal((await get('/api/oruk/taxonomy_terms/nope')).status, 404);
});

test('the feed is read-only', async () => {
  for (const pathname of ['/api/oruk/services', '/api/oruk/taxonomies']) {
    const res = await client.json('POST', pathname, { name: 'Not allowed' });
    assert.equal(res.status, 405, pathname);
  }
});

test('the public validator fixtures: Default and Warn pass, Fail is rejected', () => {
  const dir = path.join(repoRoot, 'data/oruk/validator-fixtures');
  const suite = (name) => {
    const answers = {};
    for (const file of readdirSync(path.join(dir, name))) {
      if (!FIXTURE_KINDS[file]) continue;  // the validator's dashboard payloads are not feed answers
      answers[file] = [FIXTURE_KINDS[file], JSON.parse(readFileSync(path.join(dir, name, file), 'utf8'))];
    }
    return verdict(answers);
  };
  const fine = suite('V3.0-UK-Default');
  assert.ok(fine.pass, JSON.stringify(fine.failures));
  assert.deepEqual(fine.warnings, {}, 'Default raises no warnings');

  const warn = suite('V3.0-UK-Warn');
  assert.ok(warn.pass, JSON.stringify(warn.failures));
  assert.deepEqual(Object.keys(warn.warnings), ['taxonomy_term.json']);

  const fail = suite('V3.0-UK-Fail');
  assert.equal(fail.pass, false);
  assert.deepEqual(Object.keys(fail.failures).sort(), ['api_details.json', 'service_full.json', 'service_list.json']);
});

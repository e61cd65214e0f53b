// The Local Offer for families, with no sign-in: search by words, need, age,
// level, cost and distance from a postcode; a service page with everything a
// family needs to decide and get in touch. Works by keyboard and without
// JavaScript, and axe-core finds nothing on any page. Public pages set no
// cookie and show nothing from children's records.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { checkAxe, Client, launchBrowser, startServer } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const ids = (html) => [...html.matchAll(/href="\/local-offer\/services\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
const total = (html) => Number((html.match(/of (\d+) services/) ?? [0, 0])[1]);

async function feed(pathname) {
  const res = await fetch(`${server.url}${pathname}`);
  return res.json();
}

test('anyone can search without signing in, and filters narrow the results', async () => {
  const client = new Client(server.url);
  const all = await client.get('/local-offer');
  assert.equal(all.status, 200);
  assert.equal(client.cookies.size, 0, 'no cookie for a public page');
  assert.doesNotMatch(all.text, /Sign out/);
  assert.match(all.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  const everything = total(all.text);
  // Families see every service the feed lists but those withdrawn (defunct).
  let offered = 0;
  for (let page = 1, pages = 1; page <= pages; page++) {
    const listed = await (await fetch(`${server.url}/api/oruk/services?per_page=200&page=${page}`)).json();
    pages = listed.total_pages;
    offered += listed.contents.filter((s) => s.status !== 'defunct').length;
  }
  assert.ok(offered >= 290, `${offered} services offered`);
  assert.equal(everything, offered);

  const swim = await client.get('/local-offer?q=swimming');
  assert.ok(total(swim.text) > 0 && total(swim.text) < everything);
  assert.ok([...swim.text.matchAll(/<h2[^>]*><a[^>]*>([^<]+)</g)].every((m) => /swimming/i.test(m[1])));

  for (const [query, check] of [
    ['need=ASD', (s) => s.attributes.some((a) => a.taxonomy_term.term === 'ASD')],
    ['age=17', (s) => s.minimum_age <= 17 && (s.maximum_age === undefined || s.maximum_age >= 17)],
    ['level=highly_specialist', (s) => s.attributes.some((a) => a.taxonomy_term.term === 'highly_specialist')],
    ['cost=free', (s) => s.cost_options.every((c) => !c.amount)],
    ['cost=paid', (s) => s.cost_options.some((c) => c.amount > 0)],
  ]) {
    const res = await client.get(`/local-offer?${query}`);
    assert.equal(res.status, 200, query);
    const n = total(res.text);
    assert.ok(n > 0 && n < everything, `${query} narrows the list (${n})`);
    for (const id of ids(res.text).slice(0, 5)) assert.ok(check(await feed(`/api/oruk/services/${id}`)), `${query} ${id}`);
  }
  const combined = await client.get('/local-offer?q=club&need=ASD&age=8&cost=paid');
  assert.ok(total(combined.text) <= total((await client.get('/local-offer?q=club')).text));
});

test('a postcode puts the nearest first and a distance keeps those within it', async () => {
  const client = new Client(server.url);
  const sal = (await feed('/api/oruk/service_at_locations?per_page=1')).contents[0];
  const full = await feed(`/api/oruk/service_at_locations/${sal.id}`);
  const postcode = full.location.addresses[0].postal_code;
  const near = await client.get(`/local-offer?postcode=${encodeURIComponent(postcode)}&distance=1`);
  assert.equal(near.status, 200);
  const miles = [...near.text.matchAll(/([\d.]+) miles away/g)].map((m) => Number(m[1]));
  assert.ok(miles.length > 0);
  assert.ok(miles.every((m) => m <= 1.05), 'all within a mile');
  assert.deepEqual(miles, [...miles].sort((a, b) => a - b), 'nearest first');
  const wider = await client.get(`/local-offer?postcode=${encodeURIComponent(postcode)}&distance=10`);
  assert.ok(total(wider.text) > total(near.text));
});

test('bad filters are named with what is allowed, as a GOV.UK error summary', async () => {
  const client = new Client(server.url);
  for (const [query, field, message] of [
    ['age=thirty', 'age', /whole years from 0 to 25/],
    ['age=40', 'age', /0 to 25/],
    ['postcode=nowhere', 'postcode', /postcode like/],
    ['postcode=ZZ9+9ZZ', 'postcode', /area this Local Offer covers/],
    ['distance=5', 'distance', /Enter a postcode/],
    ['distance=500&postcode=QS1', 'distance', /Choose a distance/],
    // An edited or old link: named, not quietly widened to every level or cost.
    ['level=expert', 'level', /Choose a level of support from the list: any level, universal, specialist or highly specialist/],
    ['cost=cheap', 'cost', /Choose a cost from the list: free, paid, or free or paid/],
  ]) {
    const res = await client.get(`/local-offer?${query}`);
    assert.equal(res.status, 400, query);
    assert.match(res.text, /govuk-error-summary/);
    assert.match(res.text, new RegExp(`<a href="#${field}">[^<]*`), query);
    assert.match(res.text, message, query);
  }
});

test('a service page says what, who for, how to get it, where and when, contacts, cost and when it was checked', async () => {
  const client = new Client(server.url);
  const id = ids((await client.get('/local-offer?q=holiday+playscheme')).text)[0];
  const res = await client.get(`/local-offer/services/${id}`);
  assert.equal(res.status, 200);
  for (const heading of ['What it offers', 'Who it is for', 'How to get it', 'Where and when', 'Cost', 'Contact']) {
    assert.match(res.text, new RegExp(`<h2 class="govuk-heading-m">${heading}</h2>`), heading);
  }
  const service = await feed(`/api/oruk/services/${id}`);
  assert.match(res.text, new RegExp(service.contacts[0].name));
  assert.match(res.text, /Last checked on \d{1,2} \w+ \d{4}/);
  assert.match(res.text, /Access:/);
  assert.equal((await client.get('/local-offer/services/no-such-service')).status, 404);
});

// Search is a plain GET form and results are plain links, so nothing needs
// JavaScript; the HTTP tests above use them with no script at all.
test('a family searches and opens a service by keyboard alone, with no accessibility violations', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/local-offer`);
  await checkAxe(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Skip to main content');
  await page.focus('#q');
  await page.keyboard.type('speech');
  await Promise.all([page.waitForURL(/q=speech/), page.keyboard.press('Enter')]);
  await checkAxe(page);
  const first = page.locator('.tandem-results__item h2 a').first();
  const name = (await first.textContent()).trim();
  await first.focus();
  await Promise.all([page.waitForURL(/\/local-offer\/services\//), page.keyboard.press('Enter')]);
  assert.equal((await page.locator('h1').textContent()).trim(), name);
  await checkAxe(page);

  await page.goto(`${server.url}/local-offer?age=forty`);
  assert.match(await page.title(), /^Error: /);
  await checkAxe(page);
  await page.goto(`${server.url}/local-offer?page=2`);
  await checkAxe(page);
  await page.close();
});

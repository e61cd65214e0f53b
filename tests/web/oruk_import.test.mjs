// `tandem import oruk` reading another directory's feed over HTTP: one Tandem
// serves the demo directory, a second database imports it through the
// command, and a server on that database publishes the same services, with
// the same organisations and taxonomy terms. Addresses that are not a feed,
// and CSV tables with a bad row or a missing column, are refused naming the
// problem, and leave the database as it was.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { Client, repoRoot, startServer, tandemBin } from './harness.mjs';

let source;
let dir;
let database;
let other;  // a server that is not a feed: HTML, 404, and a redirect to the real feed

before(async () => {
  source = await startServer({ demo: true });
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-import-'));
  database = `sqlite:${path.join(dir, 'imported.db')}`;
  other = http.createServer((req, res) => {
    if (req.url.startsWith('/web-page/')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Welcome</title><p>Our directory</p>');
    } else if (req.url.startsWith('/silent/')) {
      // Never answers: the import's --timeout ends the wait.
    } else if (req.url.startsWith('/moved/')) {
      res.writeHead(301, { location: `${source.url}/api/oruk${req.url.slice('/moved'.length)}` });
      res.end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    }
  });
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
});

after(async () => {
  await source?.stop();
  other?.closeAllConnections();
  await new Promise((resolve) => (other ? other.close(resolve) : resolve()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs `tandem import oruk ...` on the imported database: { code, stdout, stderr }. */
function importOruk(...args) {
  return new Promise((resolve) => {
    execFile(tandemBin, ['import', 'oruk', ...args, '--database', database], { timeout: 300_000, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

const otherUrl = () => `http://127.0.0.1:${other.address().port}`;

// Every service in a feed, fully nested, by id.
async function feed(url) {
  const client = new Client(url);
  const out = new Map();
  for (let page = 1; ; page++) {
    const res = await client.json('GET', `/api/oruk/services?page=${page}&per_page=200`);
    assert.equal(res.status, 200);
    for (const item of res.data.contents) {
      const full = await client.json('GET', `/api/oruk/services/${item.id}`);
      assert.equal(full.status, 200);
      out.set(item.id, full.data);
    }
    if (res.data.last_page) return out;
  }
}

// What a family sees of a service: its name, who runs it, its terms by
// taxonomy (the level of support by its code: its ids derive from the area).
function seen(service) {
  const terms = service.attributes.map(({ taxonomy_term: t }) =>
    t.taxonomy === 'Level of support' ? `Level of support: ${t.term}` : `${t.taxonomy ?? ''}: ${t.name}`);
  const org = service.organization;
  return {
    name: service.name, organisation: org.name, terms: terms.sort(),
    logo: org.logo ?? '', identifiers: (org.organization_identifiers ?? []).map((i) => `${i.identifier_scheme} ${i.identifier}`).sort(),
    addresses: service.service_at_locations.map((sal) => sal.location.addresses[0].address_1).sort(),
    assured: service.assured_date, modified: service.last_modified,
    contacts: service.contacts.map((c) => [c.name, c.title, c.email ?? '', c.phones?.[0]?.number ?? ''].join('|')).sort(),
    costs: service.cost_options.map((c) => [c.option, c.amount, c.currency, c.amount_description ?? ''].join('|')).sort(),
  };
}

async function tables(change) {
  const folder = await mkdtemp(path.join(dir, 'tables-'));
  await cp(path.join(repoRoot, 'tests/fixtures/oruk-csv'), folder, { recursive: true });
  const file = path.join(folder, 'services.csv');
  await writeFile(file, change(await readFile(file, 'utf8')));
  return folder;
}

// One of the source's services with a bad currency, a bad charity number and a contact without @.
async function badJson() {
  const list = await new Client(source.url).json('GET', '/api/oruk/services?per_page=1');
  const service = (await new Client(source.url).json('GET', `/api/oruk/services/${list.data.contents[0].id}`)).data;
  service.cost_options[0].currency = 'Pounds';
  service.organization.organization_identifiers = [{ identifier_scheme: 'GB-CHC', identifier_type: 'Charity number', identifier: '12' }];
  service.contacts[0].email = 'nobody.example.org';
  const file = path.join(dir, 'bad-service.json');
  await writeFile(file, JSON.stringify(service));
  return file;
}

test('a second Tandem imports the first one\'s feed and publishes the same services', async () => {
  const first = await importOruk(`${source.url}/api/oruk/`, '--area', 'halton');
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^Imported 300 services \(\d+ organisations, \d+ venues, \d+ taxonomy terms\) into the Local Offer of halton/);
  assert.match(first.stderr, /pages read: 3 of 3/, 'progress through the pages');
  assert.match(first.stderr, /services fetched: 300 of 300/, 'progress through the services');

  // Again, through a redirect and naming the services list: an update, not a copy.
  const again = await importOruk(`${otherUrl()}/moved/services`);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^Imported 300 services/);

  // Refused sources, each named, each changing nothing.
  const refused = [
    [[`${otherUrl()}/missing/api/oruk/`], /missing\/api\/oruk\/services\?page=1&per_page=100 answered 404 \(text\/plain\): expected 200 and a page of services/],
    [[`${otherUrl()}/web-page/`], /web-page\/services\?page=1&per_page=100 answered 200 \(text\/html\): The answer is not JSON: expected an Open Referral UK page of services/],
    [['http://127.0.0.1:1/api/oruk/'], /Cannot fetch http:\/\/127\.0\.0\.1:1\/api\/oruk\/services\?page=1&per_page=100: /],
    [[`${otherUrl()}/silent/`, '--timeout', '1'], /silent\/services\?page=1&per_page=100 did not answer within 1 second: check the address, or allow longer with --timeout/],
    [[await tables((t) => t.replace('active,,,5,11', 'active,,,5,eleven'))],
      /services\.csv line 2 \(.*\) Saturday play: services\.csv line 2 maximum_age: maximum_age must be a whole number of years, like 18, not "eleven"/],
    [[await badJson()],
      /cost_options\[0\]\.currency: .*Choose a currency: GBP \(pounds sterling\), EUR \(euros\) or USD \(US dollars\)/],
    [[await tables((t) => t.replace(',status,', ',state,'))],
      /services\.csv: services\.csv has no column status: its header must name id, organization_id, name, status/],
  ];
  for (const [args, says] of refused) {
    const r = await importOruk(...args);
    assert.equal(r.code, 2, `${args}: ${r.stderr}`);
    assert.match(r.stderr, says, args.join(' '));
    assert.match(r.stderr, /nothing was imported/, args.join(' '));
  }

  const imported = await startServer({ demo: false, database });
  try {
    const [want, got] = [await feed(source.url), await feed(imported.url)];
    assert.equal(got.size, want.size, 'every service once, nothing from the refused imports');
    for (const [id, service] of want) {
      assert.ok(got.has(id), `${service.name} (${id}) was imported`);
      assert.deepEqual(seen(got.get(id)), seen(service), service.name);
    }
  } finally {
    await imported.stop();
  }
});

test('the CSV tables import, and importing them again updates them', async () => {
  const folder = path.join(repoRoot, 'tests/fixtures/oruk-csv');
  for (let run = 0; run < 2; run++) {
    const r = await importOruk(folder, '--area', 'stockport');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Imported 3 services \(2 organisations, 3 venues, 3 taxonomy terms\) into the Local Offer of stockport/);
  }
});

test('what the tables say of logos, identifiers, second address lines, dates, contacts and costs is published', async () => {
  const folder = await tables((t) => t);
  const costs = path.join(folder, 'cost_options.csv');
  await writeFile(costs, (await readFile(costs, 'utf8')).replace('sister is free",GBP', 'sister is free",EUR'));
  const db = `sqlite:${path.join(dir, 'tables.db')}`;
  const r = await new Promise((resolve) => {
    execFile(tandemBin, ['import', 'oruk', folder, '--area', 'stockport', '--database', db], { timeout: 300_000 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
  assert.equal(r.code, 0, r.stderr);
  const server = await startServer({ demo: false, database: db });
  try {
    const client = new Client(server.url);
    const play = (await client.json('GET', '/api/oruk/services/8e7b0a63-681c-5ec3-9343-ab629c771356')).data;
    assert.equal(play.organization.logo, 'https://riverside.example/logo.png');
    assert.deepEqual(play.organization.organization_identifiers.map((i) => [i.identifier_scheme, i.identifier]),
      [['GB-CHC', '1123456'], ['GB-COH', '09876543']]);
    assert.equal(play.service_at_locations[0].location.addresses[0].address_1, '2 Mill Lane, Riverside Park');
    assert.equal(play.assured_date, '2026-06-01');
    assert.equal(play.last_modified, '2026-06-01T09:00:00Z');
    assert.deepEqual(play.contacts.map((c) => [c.name, c.title, c.email, c.phones[0].number]),
      [['Play team', 'Bookings', 'play@riverside.example', '01632 960111']]);
    assert.deepEqual(play.cost_options.map((c) => [c.option, c.amount, c.currency, c.amount_description]),
      [['Session', 4.5, 'GBP', 'per child']]);
    const holiday = (await client.json('GET', '/api/oruk/services/365a42a4-b15d-5983-aeeb-62ca4d1840b4')).data;
    assert.equal(holiday.cost_options[0].currency, 'EUR');
    const page = await client.get('/local-offer/services/365a42a4-b15d-5983-aeeb-62ca4d1840b4');
    assert.match(page.text, /Week: €60.00/);
  } finally {
    await server.stop();
  }
});

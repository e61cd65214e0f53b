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
  return { name: service.name, organisation: service.organization.name, terms: terms.sort() };
}

async function tables(change) {
  const folder = await mkdtemp(path.join(dir, 'tables-'));
  await cp(path.join(repoRoot, 'tests/fixtures/oruk-csv'), folder, { recursive: true });
  const file = path.join(folder, 'services.csv');
  await writeFile(file, change(await readFile(file, 'utf8')));
  return folder;
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

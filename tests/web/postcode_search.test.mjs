// Searching the Local Offer from a family's whole postcode once the ONS
// postcode directory is imported: `tandem import postcodes` loads a small
// ONSPD-shaped file (tests/fixtures/onspd) into the demo's database, and a
// search from a postcode then lists services by their real distance from that
// postcode's own centre, not its district's: two postcodes at opposite
// corners of one district see different services first. A district alone is
// measured from the average of its postcodes, and a refused file changes
// nothing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { Client, repoRoot, startServer, tandemBin } from './harness.mjs';

const fixture = path.join(repoRoot, 'tests', 'fixtures', 'onspd', 'ONSPD_TANDEM_DEMO.csv');
const metresPerMile = 1609.344;

let server;
let dir;
let imported;  // what the first import printed
const postcodes = new Map();  // live postcodes in the fixture -> { latitude, longitude }

function importPostcodes(file, ...args) {
  return new Promise((resolve) => {
    execFile(tandemBin, ['import', 'postcodes', file, '--database', server.database, ...args],
      { timeout: 120_000 }, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

before(async () => {
  server = await startServer({ demo: true });
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-postcodes-'));
  const [header, ...rows] = (await readFile(fixture, 'utf8')).trim().split(/\r?\n/);
  const column = Object.fromEntries(header.split(',').map((name, i) => [name, i]));
  for (const row of rows) {
    const cells = row.split(',');
    if (cells[column.doterm] || cells[column.lat] === '99.999999') continue;
    postcodes.set(cells[column.pcds], { latitude: Number(cells[column.lat]), longitude: Number(cells[column.long]) });
  }
  // Before any search, so no server has looked a postcode up yet.
  imported = await importPostcodes(fixture);
});

after(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function metres(a, b) {
  const r = Math.PI / 180;
  const h = Math.sin(((b.latitude - a.latitude) * r) / 2) ** 2 +
    Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(((b.longitude - a.longitude) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

const venues = new Map();  // service id -> its venues' points, from the public feed
async function venuesOf(id) {
  if (!venues.has(id)) {
    const service = await (await fetch(`${server.url}/api/oruk/services/${id}`)).json();
    venues.set(id, service.service_at_locations.map((sal) => sal.location)
      .filter((l) => l.latitude !== undefined).map((l) => ({ latitude: l.latitude, longitude: l.longitude })));
  }
  return venues.get(id);
}

/** The first page of a search: [{ id, miles }] in the order shown (miles absent for services without a venue). */
async function search(query) {
  const res = await new Client(server.url).get(`/local-offer?${query}`);
  assert.equal(res.status, 200, query);
  return res.text.split('href="/local-offer/services/').slice(1).map((chunk) => ({
    id: chunk.slice(0, 36),
    miles: (chunk.match(/^[^]*?([\d.]+) miles away/) ?? [])[1],
  })).filter((r) => r.miles !== undefined).map((r) => ({ id: r.id, miles: Number(r.miles) }));
}

/** Checks each shown distance is the real one from `from` to the service's nearest venue, nearest first. */
async function assertMeasuredFrom(results, from, label) {
  assert.ok(results.length >= 5, `${label}: ${results.length} results with a distance`);
  let previous = 0;
  for (const { id, miles } of results) {
    const nearest = Math.min(...(await venuesOf(id)).map((v) => metres(from, v))) / metresPerMile;
    assert.ok(Math.abs(nearest - miles) <= 0.051, `${label}: ${id} shown ${miles} miles, really ${nearest.toFixed(3)}`);
    assert.ok(nearest >= previous - 1e-9, `${label}: nearest first`);
    previous = nearest;
  }
}

test('the import reports what it kept and what it skipped', () => {
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /Imported 120 postcodes in 15 districts from ONSPD_TANDEM_DEMO\.csv \(138 rows/);
  assert.match(imported.stdout, /skipped 15 terminated, 3 without a grid reference/);
});

test('a whole postcode orders services by real distance from its own centre', async () => {
  const corner = postcodes.get('QS1 1AA');
  const opposite = postcodes.get('QS1 9ZZ');
  assert.ok(corner && opposite);
  assert.ok(metres(corner, opposite) > 2500, 'the two postcodes are far apart in one district');
  const fromCorner = await search('postcode=QS1+1AA');
  const fromOpposite = await search(`postcode=${encodeURIComponent('qs1 9zz')}`);
  await assertMeasuredFrom(fromCorner, corner, 'QS1 1AA');
  await assertMeasuredFrom(fromOpposite, opposite, 'QS1 9ZZ');
  assert.notDeepEqual(fromCorner.map((r) => r.id).slice(0, 5), fromOpposite.map((r) => r.id).slice(0, 5),
    'a district centre would give both the same order');
});

test('the Open Referral feed measures proximity from the whole postcode too', async () => {
  const from = postcodes.get('QS1 9ZZ');
  const res = await fetch(`${server.url}/api/oruk/service_at_locations?postcode=QS1%209ZZ&proximity=2000&per_page=200`);
  assert.equal(res.status, 200);
  const page = await res.json();
  assert.ok(page.contents.length > 0);
  let previous = 0;
  for (const item of page.contents) {
    const m = metres(from, item.location);
    assert.ok(m <= 2000.5, `${item.id} is ${m.toFixed(0)} m away`);
    assert.ok(m >= previous - 0.5, 'nearest first');
    previous = m;
  }
});

test('a district alone, or a postcode not in the file, is measured from the average of its postcodes', async () => {
  const qs1 = [...postcodes].filter(([p]) => p.startsWith('QS1 ')).map(([, point]) => point);
  const centre = {
    latitude: qs1.reduce((s, p) => s + p.latitude, 0) / qs1.length,
    longitude: qs1.reduce((s, p) => s + p.longitude, 0) / qs1.length,
  };
  assert.ok(!postcodes.has('QS1 4XX'));
  await assertMeasuredFrom(await search('postcode=QS1'), centre, 'QS1');
  await assertMeasuredFrom(await search('postcode=QS1+4XX'), centre, 'QS1 4XX');
  const unknown = await new Client(server.url).get('/local-offer?postcode=ZZ9+9ZZ');
  assert.equal(unknown.status, 400);
  assert.match(unknown.text, /Enter a postcode in the area this Local Offer covers/);
});

test('a file with a bad row is refused naming line, column and value, and the search is unchanged', async () => {
  const bad = path.join(dir, 'bad.csv');
  await writeFile(bad, 'pcd,pcd2,pcds,dointr,doterm,oslaua,lat,long\nQS1 1AA,QS1  1AA,QS1 1AA,198001,,E99999999,53.9,-2.1\n' +
    'QS1 2AB,QS1  2AB,QS1 2AB,198001,,E99999999,153.4,-2.1\n');
  const refused = await importPostcodes(bad);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /line 3: lat "153\.4" is not a latitude in the United Kingdom/);
  assert.match(refused.stderr, /nothing was imported/);
  const missing = path.join(dir, 'missing.csv');
  await writeFile(missing, 'pcds,doterm,latitude,longitude\nQS1 1AA,,53.9,-2.1\n');
  const noColumn = await importPostcodes(missing);
  assert.equal(noColumn.code, 2);
  assert.match(noColumn.stderr, /no lat column/);
  await assertMeasuredFrom(await search('postcode=QS1+1AA'), postcodes.get('QS1 1AA'), 'QS1 1AA after refusals');
});

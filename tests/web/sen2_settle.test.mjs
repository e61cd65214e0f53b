// SEN2 from Tandem's own data and settling conflicts with a later return:
// ethnicity and the setting's URN/UKPRN on the child (validated, naming the
// field), a council's return imported into the demo area, a caseworker's
// change then a later file that disagrees, each conflict settled once (keep
// Tandem's or take the file's) from the page or the API, the child's record
// saying when it was imported and what to complete, and the pages axe-clean.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { Client, checkAxe, csrfFrom, launchBrowser, repoRoot, signIn, startServer, tandemBin } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

const run = promisify(execFile);
let server;
let manager;
let csrf;
let childId;

async function importFile(file) {
  return run(tandemBin, ['import', 'sen2', file, '--database', server.database, '--area', 'demo']);
}

async function api(method, url, body) {
  return manager.request(method, url, {
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

before(async () => {
  server = await startServer({ demo: true });
  manager = new Client(server.url);
  const form = await manager.get('/sign-in');
  await manager.postForm('/sign-in', { csrf_token: csrfFrom(form.text), email: email('sen_manager'), password: PASSWORD });
  csrf = (await manager.json('GET', '/api/v1/me')).data.csrf_token;
});
after(async () => { await server?.stop(); });

test('the return\'s totals sit beside Tandem\'s own: plans in force, requests and their decisions, the 20-week rate', async () => {
  const r = await manager.json('GET', '/api/v1/returns/sen2?year=2026');
  assert.equal(r.status, 200, r.text);
  const { totals, tandem } = r.data;
  assert.ok(totals.requests > 0 && totals.active_plans > 0, 'the demo area has requests and plans');
  assert.equal(tandem.active_plans, totals.active_plans);
  assert.equal(tandem.requests, totals.requests);
  assert.equal(tandem.requests_assess, totals.requests_assess);
  assert.equal(tandem.requests_not_assess, totals.requests_not_assess);
  assert.equal(tandem.plans_issued, totals.plans_issued);
  assert.equal(tandem.issued_within_20_weeks, totals.issued_within_20_weeks);
  assert.equal(tandem.plans_issued_no_exception, totals.plans_issued - totals.issued_with_exception);
  assert.equal(tandem.issued_within_20_weeks_no_exception, totals.issued_within_20_weeks_no_exception);
  const page = await manager.get('/returns/sen2?year=2026');
  const figures = `${totals.requests} (${totals.requests_assess} / ${totals.requests_not_assess})`;
  const row = page.text.split('\n').find((line) => line.includes('Requests received in 2025'));
  assert.equal(row.split(figures).length - 1, 2, `the page shows the return's and Tandem's requests: ${row}`);
});

test('ethnicity and the setting URN/UKPRN are validated, each error naming its field', async () => {
  const bad = await api('POST', '/api/v1/children', {
    given_name: 'Esi', family_name: 'Ethnos', date_of_birth: '2014-05-05', sex: 'F', plan_status: 'sen_support',
    ethnicity: 'XXXX', setting_name: 'Oak Primary School', setting_urn: '12345', setting_ukprn: '20001234',
  });
  assert.equal(bad.status, 400, bad.text);
  const fields = JSON.parse(bad.text).fields.map((e) => e.field).sort();
  assert.deepEqual(fields, ['ethnicity', 'setting_ukprn', 'setting_urn']);
  const good = await api('POST', '/api/v1/children', {
    given_name: 'Esi', family_name: 'Ethnos', date_of_birth: '2014-05-05', sex: 'F', plan_status: 'sen_support',
    ethnicity: 'BAFR', setting_name: 'Oak Primary School', setting_urn: '990001',
  });
  assert.equal(good.status, 201, good.text);
  const read = await manager.json('GET', `/api/v1/children/${good.data.id}`);
  assert.equal(read.data.ethnicity, 'BAFR');
  assert.equal(read.data.setting_urn, '990001');
  const page = await manager.get(`/children/${good.data.id}`);
  assert.match(page.text, /Black African \(BAFR\)/);
  assert.match(page.text, /URN 990001/);
  const form = await manager.get(`/children/${good.data.id}/edit`);
  assert.match(form.text, /<option value="BAFR" selected>/);
});

test('a later return that disagrees raises conflicts; each is settled once, from the API or the page', async () => {
  const good = path.join(repoRoot, 'tests', 'sen2', 'fixtures', 'good.xml');
  await importFile(good);
  const found = await manager.json('GET', '/api/v1/children?q=Abbott');
  childId = found.data.children.find((c) => c.given_name === 'Maya').id;
  const before = await manager.json('GET', `/api/v1/children/${childId}`);
  assert.equal(before.data.ethnicity, 'WBRI', 'the import keeps the file\'s ethnicity');
  assert.equal(before.data.placements.some((p) => p.urn === '123456'), true, 'and the placement\'s URN');
  // A caseworker changes the postcode and ethnicity in Tandem; then a later file disagrees.
  const changed = await api('PUT', `/api/v1/children/${childId}`,
    { ...before.data, postcode: 'QS9 9ZZ', ethnicity: 'MWBA', icb_since: before.data.icb_since ?? '' });
  assert.equal(changed.status, 200, changed.text);
  const dir = await mkdtemp(path.join(tmpdir(), 'sen2-settle-'));
  const later = path.join(dir, 'later.xml');
  await writeFile(later, (await readFile(good, 'utf8')).replace('<PostCode>QS1 2AB</PostCode>', '<PostCode>QS1 2AC</PostCode>'));
  await importFile(later);

  const list = await manager.json('GET', '/api/v1/returns/sen2/conflicts');
  assert.equal(list.status, 200);
  const mine = list.data.conflicts.filter((c) => c.child_id === childId);
  const postcode = mine.find((c) => c.path === 'PostCode');
  const ethnicity = mine.find((c) => c.path === 'Ethnicity');
  assert.ok(postcode && ethnicity, JSON.stringify(mine));
  assert.equal(postcode.file_value, 'QS1 2AC');
  assert.equal(postcode.can_take_file, true);

  const refused = await api('POST', `/api/v1/returns/sen2/conflicts/${postcode.id}`, { keep: 'maybe' });
  assert.equal(refused.status, 400);
  assert.equal(JSON.parse(refused.text).fields[0].field, 'keep');
  const taken = await api('POST', `/api/v1/returns/sen2/conflicts/${postcode.id}`, { keep: 'file' });
  assert.equal(taken.status, 200, taken.text);
  assert.equal(taken.data.resolution, 'file');
  assert.ok(taken.data.settled_by && taken.data.settled_at > 0);
  assert.equal((await manager.json('GET', `/api/v1/children/${childId}`)).data.postcode, 'QS1 2AC',
    'taking the file\'s value updates the record');
  const again = await api('POST', `/api/v1/returns/sen2/conflicts/${postcode.id}`, { keep: 'tandem' });
  assert.equal(again.status, 409);
  const missing = await api('POST', '/api/v1/returns/sen2/conflicts/sc-nope', { keep: 'tandem' });
  assert.equal(missing.status, 404);

  // The page: a form per open conflict; keeping Tandem's value leaves the record as it is.
  const page = await manager.get('/returns/sen2');
  assert.match(page.text, new RegExp(`action="/returns/sen2/conflicts/${ethnicity.id}"`));
  assert.doesNotMatch(page.text, new RegExp(`/returns/sen2/conflicts/${postcode.id}"`), 'a settled conflict leaves the list');
  const noToken = await manager.postForm(`/returns/sen2/conflicts/${ethnicity.id}`, { keep: 'tandem' });
  assert.equal(noToken.status, 403, 'the form needs its CSRF token');
  const kept = await manager.postForm(`/returns/sen2/conflicts/${ethnicity.id}`, { keep: 'tandem', csrf_token: csrf });
  assert.equal(kept.status, 303);
  assert.match(kept.headers.get('location'), /\/returns\/sen2\?settled=tandem/);
  assert.equal((await manager.json('GET', `/api/v1/children/${childId}`)).data.ethnicity, 'MWBA');
  const left = await manager.json('GET', '/api/v1/returns/sen2/conflicts');
  assert.equal(left.data.conflicts.filter((c) => c.child_id === childId).length, 0);
  // Both settlements are in the child's history.
  const record = await manager.get(`/children/${childId}`);
  assert.match(record.text, /sen2.conflict.settle/);
});

test('the child\'s record says when it was imported and links what to complete', async () => {
  const record = (await manager.get(`/children/${childId}`)).text.replaceAll('&#x2F;', '/');
  assert.match(record, /Imported from a SEN2 return on/);
  assert.match(record, /href="\/plans\/[^"]+\/outcomes\/new"/);
  assert.match(record, /href="\/plans\/[^"]+\/lines\/new"/);
  assert.match(record, /href="\/plans\/[^"]+\/sections"/);
  assert.match(record, new RegExp(`href="/children/${childId}/edit">NHS number`));
});

test('GET /api/v1/returns/sen2 gives the totals and every error and query', async () => {
  const r = await manager.json('GET', '/api/v1/returns/sen2?year=2026');
  assert.equal(r.status, 200);
  assert.equal(r.data.census_date, '2026-01-15');
  assert.ok(r.data.totals.persons > 0);
  assert.equal(r.data.totals.active_plans, r.data.tandem.active_plans);
  assert.equal(r.data.problems.length, r.data.totals.errors + r.data.totals.queries);
  // Each problem names the page where it is put right, and that page opens:
  // a late decision on the request's case, a missing ethnicity on the child.
  const late = r.data.problems.find((p) => p.rule === 'SEN2-E08');
  assert.ok(late, 'the demo leaves some decisions late');
  assert.match(late.page, /^\/assessments\/[^/]+$/);
  const lateCase = await manager.get(late.page);
  assert.equal(lateCase.status, 200);
  assert.ok(lateCase.text.includes(`/children/${late.child_id}`), 'the case is that child\'s');
  const ethnicity = r.data.problems.find((p) => p.rule === 'SEN2-Q06');
  assert.ok(ethnicity, 'the demo leaves some ethnicities not yet obtained');
  assert.equal(ethnicity.page, `/children/${ethnicity.child_id}`);
  const html = (await manager.get('/returns/sen2?year=2026')).text.replaceAll('&#x2F;', '/');
  assert.ok(html.includes(`href="${late.page}"`), 'the report page links the late decision to its case');
  const bad = await manager.json('GET', '/api/v1/returns/sen2?year=1999');
  assert.equal(bad.status, 400);
  assert.equal(bad.data.fields[0].field, 'year');
});

test('the changed pages have no accessibility violations', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('sen_manager'), PASSWORD);
    for (const url of ['/returns/sen2', `/children/${childId}`, `/children/${childId}/edit`, '/children/new']) {
      await page.goto(`${server.url}${url}`);
      await checkAxe(page);
    }
  } finally {
    await browser.close();
  }
});

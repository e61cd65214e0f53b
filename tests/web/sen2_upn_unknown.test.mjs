// The reason a child has no unique pupil number (DfE's UPNunknown, UN1 to
// UN10): held on the child's record, edited on the form and through the API
// (a wrong code, or a reason beside a UPN, refused naming upn_unknown, nothing
// changed), audited, taken from an imported SEN2 return, and checked by the
// return's validation report (neither a UPN nor a reason: SEN2-E03).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { Client, checkAxe, csrfFrom, launchBrowser, repoRoot, signIn, startServer, tandemBin } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let manager;
let csrf;

async function api(method, url, body) {
  return manager.request(method, url, {
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const toddler = {
  given_name: 'Nell', family_name: 'Nopupil', date_of_birth: '2023-02-02', sex: 'F', plan_status: 'sen_support',
};

before(async () => {
  server = await startServer({ demo: true });
  manager = new Client(server.url);
  const form = await manager.get('/sign-in');
  await manager.postForm('/sign-in', { csrf_token: csrfFrom(form.text), email: email('sen_manager'), password: PASSWORD });
  csrf = (await manager.json('GET', '/api/v1/me')).data.csrf_token;
});
after(async () => { await server?.stop(); });

test('the API refuses a reason not on DfE\'s list, or beside a UPN, naming upn_unknown', async () => {
  for (const [body, why] of [
    [{ ...toddler, upn_unknown: 'UN11' }, 'not on the list'],
    [{ ...toddler, upn: 'A123456789012', upn_unknown: 'UN2' }, 'a UPN and a reason'],
  ]) {
    const r = await api('POST', '/api/v1/children', body);
    assert.equal(r.status, 400, `${why}: ${r.text}`);
    const fields = JSON.parse(r.text).fields;
    assert.deepEqual(fields.map((f) => f.field), ['upn_unknown'], why);
    assert.match(fields[0].message, /UN1|UPN/, why);
  }
  const found = await manager.json('GET', '/api/v1/children?q=Nopupil');
  assert.equal(found.data.children.length, 0, 'nothing was written');
});

test('the reason is kept, shown, edited on the form with its audit, and a stale edit is refused', async () => {
  const made = await api('POST', '/api/v1/children', { ...toddler, upn_unknown: 'un1' });
  assert.equal(made.status, 201, made.text);
  const id = made.data.id;
  const read = await manager.json('GET', `/api/v1/children/${id}`);
  assert.equal(read.data.upn_unknown, 'UN1');
  const record = await manager.get(`/children/${id}`);
  assert.match(record.text, /Reason there is no UPN<\/dt><dd class="govuk-summary-list__value">UN1</);

  const form = await manager.get(`/children/${id}/edit`);
  assert.match(form.text, /<option value="UN1" selected>UN1<\/option>/);
  const fields = { ...toddler, upn: '', upn_unknown: 'UN3', looked_after: 'no', version: String(read.data.version) };
  const noToken = await manager.postForm(`/children/${id}/edit`, fields);
  assert.equal(noToken.status, 403);
  const saved = await manager.postForm(`/children/${id}/edit`, { ...fields, csrf_token: csrfFrom(form.text) });
  assert.ok([200, 303].includes(saved.status), saved.text.slice(0, 400));
  assert.equal((await manager.json('GET', `/api/v1/children/${id}`)).data.upn_unknown, 'UN3');
  const audited = await manager.get(`/children/${id}`);
  assert.match(audited.text, /UPN unknown reason: [^<]*UN1[^<]*UN3/);

  const stale = await api('PUT', `/api/v1/children/${id}`, { ...read.data, upn_unknown: 'UN4', icb_since: '' });
  assert.equal(stale.status, 409, stale.text);
  assert.equal((await manager.json('GET', `/api/v1/children/${id}`)).data.upn_unknown, 'UN3');
});

test('an imported return\'s UPNunknown is held on the child, and the report asks for a reason only when neither is held', async () => {
  const good = path.join(repoRoot, 'tests', 'sen2', 'fixtures', 'good.xml');
  await promisify(execFile)(tandemBin, ['import', 'sen2', good, '--database', server.database, '--area', 'demo']);
  const found = await manager.json('GET', '/api/v1/children?q=Baker');
  const baker = found.data.children.find((c) => c.given_name === 'Owen');
  const read = await manager.json('GET', `/api/v1/children/${baker.id}`);
  assert.equal(read.data.upn, '');
  assert.equal(read.data.upn_unknown, 'UN2');

  const report = await manager.json('GET', '/api/v1/returns/sen2?year=2026');
  assert.equal(report.status, 200);
  const e03 = report.data.problems.filter((p) => p.rule === 'SEN2-E03');
  assert.ok(!e03.some((p) => p.child_id === baker.id), 'a child with a reason is not asked for one');
  assert.equal(e03.length, 1, 'the demo plants one child with neither a UPN nor a reason');
  assert.match(e03[0].message, /UPNunknown, UN1, UN2/);

  // Recording the planted child's reason clears the error.
  const planted = await manager.json('GET', `/api/v1/children/${e03[0].child_id}`);
  assert.equal(planted.data.upn, '');
  const recorded = await api('PUT', `/api/v1/children/${planted.data.id}`,
    { ...planted.data, upn_unknown: 'UN1', icb_since: planted.data.icb_since ?? '' });
  assert.equal(recorded.status, 200, recorded.text);
  const again = await manager.json('GET', '/api/v1/returns/sen2?year=2026');
  assert.equal(again.data.problems.filter((p) => p.rule === 'SEN2-E03').length, 0);
});

test('the child\'s form with the reason has no accessibility violations', async () => {
  const found = await manager.json('GET', '/api/v1/children?q=Nopupil');
  const id = found.data.children[0].id;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('sen_manager'), PASSWORD);
    for (const url of [`/children/${id}`, `/children/${id}/edit`]) {
      await page.goto(`${server.url}${url}`);
      await checkAxe(page);
    }
    // Keyboard: the reason is reached and chosen without a mouse.
    await page.goto(`${server.url}/children/${id}/edit`);
    await page.focus('#upn_unknown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'upn_unknown');
  } finally {
    await browser.close();
  }
});

// Recharges recorded by name, through the pages, the CSV and the API: a child
// not on our register is recorded with their date of birth (a real date, not
// in the future nor after the period, under 26 on its first day) and,
// optionally, the other council's own reference for them, so that council
// can match the invoice to its child. Both are shown on the list, exported in
// the CSV and the JSON, kept on a correction from the version read (409 when
// stale) and written to the audit trail; bad input names the field and
// writes nothing. The form with its errors passes axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, checkAxe, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ['finance_officer', 'sen_manager', 'caseworker']) {
    const c = new Client(server.url);
    const f = await c.get('/sign-in');
    const r = await c.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email(role), password: PASSWORD });
    assert.equal(r.status, 303);
    clients[role] = c;
  }
});
after(async () => { await server?.stop(); });

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const iso = (d) => d.toISOString().slice(0, 10);
const daysFromNow = (n) => iso(new Date(Date.now() + n * 86400000));
const token = async (client) => (await client.json('GET', '/api/v1/me')).data.csrf_token;
const api = async (client, method, path, body) =>
  client.json(method, path, body, { headers: { 'x-csrf-token': await token(client) } });
const fieldsOf = (res) => res.data.fields.map((e) => e.field).sort();
const named = (html, field) => new RegExp(`href="#${field}"`).test(decode(html));
const list = async () => (await clients.finance_officer.json('GET', '/api/v1/recharges')).data.recharges;
const CSV_HEADER = 'id,direction,other_council,child_id,child_name,date_of_birth,other_council_reference,setting,' +
  'period_start,period_end,amount,invoice_reference,invoiced_on,paid_on,status';

// A term this council invoiced another for, for a child it holds no record of.
const base = { direction: 'owed_to_us', other_council: 'Cumbria County Council', setting_name: 'Brook',
  period_start: '2025-09-01', period_end: '2025-12-19', amount: '2100.00' };

test('the demo records children by name with a date of birth and, mostly, their council\'s reference', async () => {
  const fo = clients.finance_officer;
  const all = await list();
  const byName = all.filter((r) => !r.on_register);
  assert.ok(byName.length >= 2, 'the demo records another council\'s children by name');
  for (const r of byName) assert.match(r.date_of_birth ?? '', /^\d{4}-\d{2}-\d{2}$/, r.child_name);
  assert.ok(byName.some((r) => r.other_council_reference !== ''), 'one with the other council\'s reference');
  assert.ok(byName.some((r) => r.other_council_reference === ''), 'one whose reference is not known');
  for (const r of all.filter((x) => x.on_register)) {
    assert.match(r.date_of_birth ?? '', /^\d{4}-\d{2}-\d{2}$/, 'a registered child\'s date of birth, from the register');
  }

  const page = decode((await fo.get('/recharges')).text);
  assert.match(page, /Born \d{1,2} [A-Z][a-z]+ \d{4}/);
  const withRef = byName.find((r) => r.other_council_reference !== '');
  assert.ok(page.includes(`Their reference ${withRef.other_council_reference}`));
  assert.match(page, /href="\/recharges.csv"/);

  const csv = await fo.get('/recharges.csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /recharges\.csv/);
  const lines = csv.text.trim().split('\n');
  assert.equal(lines[0], CSV_HEADER);
  assert.equal(lines.length, 1 + all.length, 'one row a recharge');
  const row = lines.find((l) => l.startsWith(`${withRef.id},`));
  assert.ok(row.includes(`,${withRef.date_of_birth},${withRef.other_council_reference},`), row);
});

test('a child by name needs a real date of birth, under 26 when the period starts; their reference is bounded',
  async () => {
    const fo = clients.finance_officer;
    const before = await list();
    const registered = before.find((r) => r.on_register).child_id;
    const page = await fo.get('/recharges');
    const csrf = csrfFrom(page.text);
    // Each case names exactly the fields given, through the form and the API.
    const cases = [
      ['no date of birth', { child_name: 'Ada Brook' }, ['date_of_birth']],
      ['not a real date', { child_name: 'Ada Brook', date_of_birth: '2014-02-30' }, ['date_of_birth']],
      ['not a date at all', { child_name: 'Ada Brook', date_of_birth: '9 March 2014' }, ['date_of_birth']],
      ['in the future', { child_name: 'Ada Brook', date_of_birth: daysFromNow(1) }, ['date_of_birth']],
      ['born after the period', { child_name: 'Ada Brook', date_of_birth: '2026-01-05' }, ['date_of_birth']],
      // A plan runs at most to the end of the academic year the young person
      // turns 25 (Children and Families Act 2014 s46): 26 on 1 September 2025 is too old.
      ['26 on the first day', { child_name: 'Ada Brook', date_of_birth: '1999-09-01' }, ['date_of_birth']],
      ['a registered child: the record holds it', { child_id: registered, date_of_birth: '2014-03-09' },
        ['date_of_birth']],
      ['their reference too long',
        { child_name: 'Ada Brook', date_of_birth: '2014-03-09', other_council_reference: 'R'.repeat(51) },
        ['other_council_reference']],
    ];
    for (const [name, fields, wrong] of cases) {
      const form = await fo.postForm('/recharges', { csrf_token: csrf, ...base, ...fields });
      assert.equal(form.status, 400, name);
      for (const f of wrong) assert.ok(named(form.text, f), `${name}: the form names ${f}`);
      const res = await api(fo, 'POST', '/api/v1/recharges', { ...base, ...fields });
      assert.equal(res.status, 400, name);
      assert.deepEqual(fieldsOf(res), wrong, name);
    }
    const missing = await api(fo, 'POST', '/api/v1/recharges', { ...base, child_name: 'Ada Brook' });
    assert.match(missing.data.fields[0].message, /date of birth/);
    assert.deepEqual(await list(), before, 'nothing written');

    // 25 on the first day, the day before turning 26, is accepted.
    const oldest = await api(fo, 'POST', '/api/v1/recharges',
      { ...base, child_name: 'Ada Brook', date_of_birth: '1999-09-02', other_council_reference: 'R'.repeat(50) });
    assert.equal(oldest.status, 201, JSON.stringify(oldest.data));
    assert.deepEqual([oldest.data.date_of_birth, oldest.data.other_council_reference.length], ['1999-09-02', 50]);
  });

test('recorded by name, shown, exported and kept on a correction from the version read; audited', async () => {
  const fo = clients.finance_officer;
  const page = await fo.get('/recharges');
  const html = decode(page.text);
  assert.match(html, /Their date of birth, for a child not on our register/);
  assert.match(html, /The other council's reference for the child \(optional\)/);
  const csrf = csrfFrom(page.text);
  const ok = await fo.postForm('/recharges', { csrf_token: csrf, ...base, child_name: 'Noor Haddad',
    date_of_birth: '2012-11-04', other_council_reference: 'CCC-EHC-7731' });
  assert.equal(ok.status, 303, ok.text);
  const added = (await list()).find((r) => r.child_name === 'Noor Haddad');
  assert.deepEqual([added.child_id, added.date_of_birth, added.other_council_reference, added.version],
    [null, '2012-11-04', 'CCC-EHC-7731', 1]);
  const shown = decode((await fo.get('/recharges')).text);
  assert.match(shown, /Noor Haddad<br><span class="govuk-body-s">Born 4 November 2012<\/span><br><span class="govuk-body-s">Their reference CCC-EHC-7731/);
  const csv = (await fo.get('/recharges.csv')).text;
  assert.ok(csv.includes(`${added.id},owed_to_us,Cumbria County Council,,Noor Haddad,2012-11-04,CCC-EHC-7731,Brook,` +
    '2025-09-01,2025-12-19,2100.00,,,,not_invoiced'), csv);

  // The change page reads both back; a correction keeps them unless changed.
  const form = await fo.get(`/recharges/${added.id}`);
  assert.match(form.text, /id="date_of_birth" name="date_of_birth" type="text" value="2012-11-04"/);
  assert.match(form.text, /id="other_council_reference" name="other_council_reference" type="text" value="CCC-EHC-7731"/);
  const edit = { ...base, child_name: 'Noor Haddad', date_of_birth: '2012-11-04',
    other_council_reference: 'CCC-EHC-7731', invoice_reference: 'RC-NH-1', invoiced_on: daysFromNow(-3) };
  const cleared = await fo.postForm(`/recharges/${added.id}`, { csrf_token: csrf, version: '1', ...edit,
    date_of_birth: '' });
  assert.equal(cleared.status, 400);
  assert.ok(named(cleared.text, 'date_of_birth'));
  assert.equal((await fo.json('GET', `/api/v1/recharges/${added.id}`)).data.version, 1, 'nothing written');
  const saved = await fo.postForm(`/recharges/${added.id}`, { csrf_token: csrf, version: '1', ...edit });
  assert.equal(saved.status, 303, saved.text);
  let now = (await fo.json('GET', `/api/v1/recharges/${added.id}`)).data;
  assert.deepEqual([now.status, now.date_of_birth, now.other_council_reference, now.version],
    ['invoiced', '2012-11-04', 'CCC-EHC-7731', 2]);

  // A correction from the old version is refused, on the page and in the API.
  const stale = await fo.postForm(`/recharges/${added.id}`, { csrf_token: csrf, version: '1', ...edit,
    date_of_birth: '2012-11-14' });
  assert.equal(stale.status, 409);
  assert.match(decode(stale.text), /Someone else changed this recharge first/);
  const staleApi = await api(fo, 'PUT', `/api/v1/recharges/${added.id}`, { ...edit, version: 1,
    other_council_reference: 'CCC-EHC-0000' });
  assert.equal(staleApi.status, 409);
  now = (await fo.json('GET', `/api/v1/recharges/${added.id}`)).data;
  assert.deepEqual([now.date_of_birth, now.other_council_reference, now.version], ['2012-11-04', 'CCC-EHC-7731', 2]);

  const fresh = await api(fo, 'PUT', `/api/v1/recharges/${added.id}`, { ...edit, version: 2,
    date_of_birth: '2012-11-14', other_council_reference: 'CCC-EHC-7713' });
  assert.equal(fresh.status, 200, JSON.stringify(fresh.data));
  assert.deepEqual([fresh.data.date_of_birth, fresh.data.other_council_reference, fresh.data.version],
    ['2012-11-14', 'CCC-EHC-7713', 3]);

  const audit = decode((await clients.sen_manager.get('/audit')).text);
  assert.match(audit, /Noor Haddad \(not on our register\) born 2012-11-04 their reference CCC-EHC-7731/);
  assert.match(audit, /now [^<]*Noor Haddad \(not on our register\) born 2012-11-14 their reference CCC-EHC-7713/);
});

test('the recharges CSV is for those who record payments only', async () => {
  assert.equal((await clients.caseworker.get('/recharges.csv')).status, 403);
  assert.equal((await clients.sen_manager.get('/recharges.csv')).status, 200);
});

test('the recharge form with a missing date of birth passes axe-core, naming the field',
  async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await signIn(page, server.url, email('finance_officer'), PASSWORD);
      await page.goto(`${server.url}/recharges`);
      await page.check('#direction-owed_to_us');
      for (const [id, value] of Object.entries({ other_council: base.other_council, child_name: 'Ada Brook',
        setting_name: base.setting_name, period_start: base.period_start, period_end: base.period_end,
        amount: base.amount })) {
        await page.fill(`#${id}`, value);
      }
      await page.click('form#record-recharge button[type=submit]');
      await page.waitForSelector('.govuk-error-summary');
      await checkAxe(page);
      const problems = await page.locator('.govuk-error-summary a[href="#date_of_birth"]').allTextContents();
      assert.equal(problems.length, 1);
      assert.match(problems[0], /date of birth/);
      assert.equal(await page.inputValue('#child_name'), 'Ada Brook', 'what was typed is kept');
    } finally {
      await browser.close();
    }
  });

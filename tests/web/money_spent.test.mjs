// Money actually spent, through the pages and the API: a finance officer
// corrects invoices, and commissioners change pools and appraisals, each from
// the version they read (409 on a stale edit, bad input naming the field and
// writing nothing, every change audited); a pool counts only the invoices
// dated within its term; the termly top-up schedule (each child's annual
// top-up pro rata to the days placed) with payments recorded against it, as
// a page, CSV and JSON; recharges between councils owed each way with totals
// by council and lines proposed from moves; and money spent by agency beside
// what is committed. Roles that may not are refused; the pages pass axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, checkAxe, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ['sen_manager', 'finance_officer', 'board_member', 'provider', 'icb_commissioner']) {
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
const names = (html, fields) => {
  for (const f of fields) assert.match(decode(html), new RegExp(`href="#${f}"`), f);
};

async function newContract(title, startDaysAgo = 400) {
  const cm = clients.sen_manager;
  const provider = (await cm.json('GET', '/api/v1/providers')).data.providers[0];
  const res = await api(cm, 'POST', '/api/v1/contracts', {
    provider_id: provider.id, title, type: 'block', stage: 'live',
    commissioners: [{ agency: 'icb', percent: 100 }], value_pence: 50_000_000,
    start_on: daysFromNow(-startDaysAgo), end_on: daysFromNow(600),
  });
  assert.equal(res.status, 201, JSON.stringify(res.data));
  return res.data;
}

test('a finance officer corrects an invoice from the version read; a stale edit answers 409', async () => {
  const fo = clients.finance_officer;
  const c = await newContract('Corrected therapy block');
  const made = await api(fo, 'POST', `/api/v1/contracts/${c.id}/invoices`,
    { reference: 'INV-9', invoiced_on: daysFromNow(-20), amount_pence: 1_000_000 });
  assert.equal(made.status, 201, JSON.stringify(made.data));
  assert.equal(made.data.version, 1);
  const path = `/contracts/${c.id}/invoices/${made.data.id}`;
  const list = decode((await fo.get(`/contracts/${c.id}/invoices`)).text);
  assert.match(list, new RegExp(`href="${path}/edit"`), 'the invoices page offers the change');
  const form = await fo.get(`${path}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.text, /value="INV-9"/);
  assert.match(form.text, /name="version" value="1"/);
  const csrf = csrfFrom(form.text);

  const bad = await fo.postForm(path, { csrf_token: csrf, version: '1', reference: '', invoiced_on: '31-12-2025',
    amount: '0' });
  assert.equal(bad.status, 400);
  names(bad.text, ['reference', 'invoiced_on', 'amount']);
  const read = async () => (await fo.json('GET', `/api/v1/contracts/${c.id}/invoices`)).data.invoices[0];
  assert.equal((await read()).reference, 'INV-9', 'nothing written');

  const ok = await fo.postForm(path, { csrf_token: csrf, version: '1', reference: 'INV-9A',
    invoiced_on: daysFromNow(-20), amount: '£12,000', paid_on: daysFromNow(-2) });
  assert.equal(ok.status, 303, ok.text);
  const stale = await fo.postForm(path, { csrf_token: csrf, version: '1', reference: 'INV-9B',
    invoiced_on: daysFromNow(-20), amount: '1' });
  assert.equal(stale.status, 409);
  assert.match(decode(stale.text), /Someone else changed this invoice first/);
  let inv = await read();
  assert.deepEqual([inv.reference, inv.amount_pence, inv.paid_on, inv.version],
    ['INV-9A', 1_200_000, daysFromNow(-2), 2]);

  const put = await api(fo, 'PUT', `/api/v1${path}`,
    { reference: 'INV-9C', invoiced_on: daysFromNow(-21), amount_pence: 1_150_000, version: 2 });
  assert.equal(put.status, 200, JSON.stringify(put.data));
  assert.equal(put.data.paid_on, null, 'left out: not paid');
  assert.equal((await api(fo, 'PUT', `/api/v1${path}`,
    { reference: 'INV-9D', invoiced_on: daysFromNow(-21), amount_pence: 1, version: 2 })).status, 409);
  const badPut = await api(fo, 'PUT', `/api/v1${path}`, { amount_pence: -1, paid_on: 'soon' });
  assert.equal(badPut.status, 400);
  assert.deepEqual(fieldsOf(badPut), ['amount', 'invoiced_on', 'paid_on', 'reference', 'version']);
  inv = await read();
  assert.equal(inv.reference, 'INV-9C');
  assert.equal(inv.version, 3);

  assert.equal((await api(clients.board_member, 'PUT', `/api/v1${path}`,
    { reference: 'X', invoiced_on: daysFromNow(-1), amount_pence: 1, version: 3 })).status, 403);
  assert.equal((await clients.board_member.get(`${path}/edit`)).status, 403);
  assert.match((await clients.sen_manager.get('/audit')).text, /contract\.invoice\.edit/);
});

test('a pool counts only invoices dated within its term, and is changed from the version read', async () => {
  const cm = clients.sen_manager;
  const c = await newContract('Pooled speech therapy');
  // The pool's term runs from 200 days ago to 50 days ago: one invoice the day
  // before it and one the day after, three inside (both ends counted).
  for (const [ref, day, pounds] of [['B', -201, 1_000], ['F', -200, 2_000], ['M', -120, 3_000], ['L', -50, 4_000],
    ['A', -49, 5_000]]) {
    const r = await api(cm, 'POST', `/api/v1/contracts/${c.id}/invoices`,
      { reference: `TERM-${ref}`, invoiced_on: daysFromNow(day), amount_pence: pounds * 100 });
    assert.equal(r.status, 201, JSON.stringify(r.data));
  }
  const made = await api(cm, 'POST', '/api/v1/pools', {
    name: 'Term pool', host: 'icb', start_on: daysFromNow(-200), end_on: daysFromNow(-50),
    contributions: [{ agency: 'icb', amount_pence: 2_000_000 }], contract_ids: [c.id],
  });
  assert.equal(made.status, 201, JSON.stringify(made.data));
  assert.equal(made.data.spent_pence, 900_000, 'the first day, the middle and the last day');
  assert.equal(made.data.contracts[0].invoiced_pence, 900_000);
  assert.equal(made.data.contracts[0].invoiced_outside_term_pence, 600_000, 'the day before and the day after');
  assert.equal(made.data.balance_pence, 1_100_000);
  assert.equal(made.data.contributions[0].spent_pence, 900_000, 'the one partner spent it all');
  assert.equal(made.data.version, 1);
  const id = made.data.id;
  const shown = decode((await cm.get(`/pools/${id}`)).text);
  assert.match(shown, /Invoiced outside the term/);
  assert.match(shown, /£6,000.00/);
  assert.match(shown, new RegExp(`href="/pools/${id}/edit"`));

  const form = await cm.get(`/pools/${id}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.text, /name="version" value="1"/);
  assert.match(form.text, /value="Term pool"/);
  assert.match(form.text, new RegExp(`name="contract\\.${c.id}" type="checkbox" value="yes" checked`));
  const csrf = csrfFrom(form.text);
  const bad = await cm.postForm(`/pools/${id}`, { csrf_token: csrf, version: '1', name: '', host: 'icb',
    contribution_icb: '20000', start_on: daysFromNow(-200), end_on: daysFromNow(-300) });
  assert.equal(bad.status, 400);
  names(bad.text, ['name', 'end_on']);
  // Ending a day later takes in the invoice dated the day after.
  const ok = await cm.postForm(`/pools/${id}`, { csrf_token: csrf, version: '1', name: 'Term pool, extended',
    host: 'icb', contribution_icb: '20000', start_on: daysFromNow(-200), end_on: daysFromNow(-49),
    [`contract.${c.id}`]: 'yes' });
  assert.equal(ok.status, 303, ok.text);
  let pool = (await cm.json('GET', `/api/v1/pools/${id}`)).data;
  assert.equal(pool.name, 'Term pool, extended');
  assert.equal(pool.spent_pence, 1_400_000);
  assert.equal(pool.version, 2);
  const stale = await cm.postForm(`/pools/${id}`, { csrf_token: csrf, version: '1', name: 'Stale', host: 'icb',
    contribution_icb: '1', start_on: daysFromNow(-200), end_on: daysFromNow(-49) });
  assert.equal(stale.status, 409);
  const body = { name: 'Term pool', host: 'icb', start_on: daysFromNow(-200), end_on: daysFromNow(-50),
    contributions: [{ agency: 'icb', amount_pence: 2_000_000 }], contract_ids: [c.id] };
  assert.equal((await api(cm, 'PUT', `/api/v1/pools/${id}`, { ...body, version: 1 })).status, 409);
  const put = await api(cm, 'PUT', `/api/v1/pools/${id}`, { ...body, version: 2 });
  assert.equal(put.status, 200, JSON.stringify(put.data));
  assert.equal(put.data.spent_pence, 900_000);
  pool = (await cm.json('GET', `/api/v1/pools/${id}`)).data;
  assert.equal(pool.version, 3);
  assert.equal((await api(clients.finance_officer, 'PUT', `/api/v1/pools/${id}`, { ...body, version: 3 })).status, 403);
  assert.match((await cm.get('/audit')).text, /pool\.edit/);
});

test('an appraisal is changed from the version read until its decision is recorded', async () => {
  const cm = clients.sen_manager;
  const c = await newContract('Appraised service');
  const sections = { needs_and_demand: 'Falling', quality_and_performance: 'Amber', cost: 'High',
    contract_terms: 'Six months', stakeholders: 'Families', exit_plan: 'Move at review' };
  const made = await api(cm, 'POST', '/api/v1/decommissioning', { subject: 'contract', subject_id: c.id, ...sections });
  assert.equal(made.status, 201, JSON.stringify(made.data));
  const id = made.data.id;
  assert.equal(made.data.version, 1);
  assert.match(decode((await cm.get(`/decommissioning/${id}`)).text), new RegExp(`href="/decommissioning/${id}/edit"`));
  const form = await cm.get(`/decommissioning/${id}/edit`);
  assert.equal(form.status, 200);
  const csrf = csrfFrom(form.text);
  const bad = await cm.postForm(`/decommissioning/${id}`,
    { csrf_token: csrf, version: '1', subject_id: `contract:${c.id}`, ...sections, cost: '', exit_plan: ' ' });
  assert.equal(bad.status, 400);
  names(bad.text, ['cost', 'exit_plan']);
  const ok = await cm.postForm(`/decommissioning/${id}`,
    { csrf_token: csrf, version: '1', subject_id: `contract:${c.id}`, ...sections, cost: 'Lower than thought' });
  assert.equal(ok.status, 303, ok.text);
  const stale = await cm.postForm(`/decommissioning/${id}`,
    { csrf_token: csrf, version: '1', subject_id: `contract:${c.id}`, ...sections });
  assert.equal(stale.status, 409);
  let a = (await cm.json('GET', `/api/v1/decommissioning/${id}`)).data;
  assert.equal(a.cost, 'Lower than thought');
  assert.equal(a.version, 2);
  assert.equal((await api(cm, 'PUT', `/api/v1/decommissioning/${id}`,
    { subject: 'contract', subject_id: c.id, ...sections, version: 1 })).status, 409);
  const decided = await api(cm, 'POST', `/api/v1/decommissioning/${id}/decision`,
    { decision: 'recommission', decided_on: daysFromNow(0), decided_by: 'Joint commissioning board' });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  a = (await cm.json('GET', `/api/v1/decommissioning/${id}`)).data;
  const after = await api(cm, 'PUT', `/api/v1/decommissioning/${id}`,
    { subject: 'contract', subject_id: c.id, ...sections, version: a.version });
  assert.equal(after.status, 400);
  assert.deepEqual(fieldsOf(after), ['decision']);
  assert.doesNotMatch(decode((await cm.get(`/decommissioning/${id}`)).text), /Change the appraisal/);
  assert.equal((await api(clients.finance_officer, 'PUT', `/api/v1/decommissioning/${id}`,
    { subject: 'contract', subject_id: c.id, ...sections, version: a.version })).status, 403);
  assert.match((await cm.get('/audit')).text, /decommissioning\.edit/);
});

// The terms of the academic year holding a funding term: autumn, spring, summer.
const yearOf = (term) => {
  const [y, name] = term.split('-');
  const starts = name === 'autumn' ? Number(y) : Number(y) - 1;
  return [`${starts}-autumn`, `${starts + 1}-spring`, `${starts + 1}-summer`];
};
const daysIn = (v) => Math.round((Date.parse(v.end_on) - Date.parse(v.start_on)) / 86400000) + 1;
const previousTerm = (term) => {
  const [y, name] = term.split('-');
  return { autumn: `${y}-summer`, summer: `${y}-spring`, spring: `${Number(y) - 1}-autumn` }[name];
};

test('the top-up schedule: each child pro rata to the days placed, due against paid by setting', async () => {
  const fo = clients.finance_officer;
  const now = await fo.json('GET', '/api/v1/top-ups');
  assert.equal(now.status, 200);
  const term = now.data.term;
  assert.match(term, /^\d{4}-(autumn|spring|summer)$/);
  for (const t of [term, previousTerm(term)]) {
    const v = (await fo.json('GET', `/api/v1/top-ups?term=${t}`)).data;
    assert.equal(v.term, t);
    // Pro rata over the days of the year's three terms, the area's own dates or the national pattern.
    let n = 0;
    for (const y of yearOf(t)) n += daysIn((await fo.json('GET', `/api/v1/top-ups?term=${y}`)).data);
    assert.equal(v.academic_year_days, n, t);
    assert.ok(v.settings.length >= 3, `${t}: ${v.settings.length} settings`);
    assert.ok(v.paid_pence > 0, `${t}: the demo has payments`);
    let due = 0;
    for (const s of v.settings) {
      let sum = 0;
      for (const c of s.children) {
        // annual x days / days in the academic year's terms, to the nearest penny
        assert.equal(c.due_pence, Math.floor((2 * c.annual_top_up_pence * c.days_placed + n) / (2 * n)), c.child_id);
        assert.ok(c.days_placed >= 1);
        sum += c.due_pence;
      }
      assert.equal(s.due_pence, sum, s.setting_name);
      assert.equal(s.outstanding_pence, s.due_pence - s.paid_pence);
      assert.equal(s.paid_pence, s.payments.reduce((a, p) => a + p.amount_pence, 0));
      due += s.due_pence;
    }
    assert.equal(v.due_pence, due);
    assert.equal(v.outstanding_pence, v.due_pence - v.paid_pence);
  }
  const last = (await fo.json('GET', `/api/v1/top-ups?term=${previousTerm(term)}`)).data;
  const statuses = new Set(last.settings.map((s) => s.status));
  assert.ok(statuses.has('paid') && (statuses.has('unpaid') || statuses.has('part_paid')), [...statuses].join());

  const badTerm = await fo.json('GET', '/api/v1/top-ups?term=2025-winter');
  assert.equal(badTerm.status, 400);
  assert.deepEqual(fieldsOf(badTerm), ['term']);
  assert.equal((await fo.get('/top-ups?term=2025-winter')).status, 400);

  const page = await fo.get(`/top-ups?term=${term}`);
  assert.equal(page.status, 200);
  const html = decode(page.text);
  assert.match(html, /Top-up payments to settings/);
  assert.match(html, /£[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}/);
  assert.match(html, new RegExp(`href="/top-ups.csv\\?term=${term}"`));

  const csv = await fo.get(`/top-ups.csv?term=${term}`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.match(csv.headers.get('content-disposition'), new RegExp(`top-ups-${term}\\.csv`));
  const lines = csv.text.trim().split('\n');
  assert.equal(lines[0], 'term,setting,row,child_id,child_name,days_placed,annual_top_up,due,paid,outstanding,status,references');
  const children = now.data.settings.reduce((a, s) => a + s.children.length, 0);
  assert.equal(lines.length, 1 + now.data.settings.length + children);

  // Recording a payment: bad input names every field and writes nothing.
  const csrf = csrfFrom(page.text);
  const bad = await fo.postForm('/top-ups/payments', { csrf_token: csrf, term, setting_name: '', amount: 'lots',
    paid_on: daysFromNow(5), reference: '' });
  assert.equal(bad.status, 400);
  names(bad.text, ['setting_name', 'amount', 'paid_on', 'reference']);
  assert.equal((await fo.json('GET', `/api/v1/top-ups?term=${term}`)).data.paid_pence, now.data.paid_pence);

  const owing = now.data.settings.find((s) => s.outstanding_pence > 0);
  assert.ok(owing, 'a setting still to pay');
  const pounds = (p) => `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`;
  const ok = await fo.postForm('/top-ups/payments', { csrf_token: csrf, term, setting_name: owing.setting_name,
    amount: pounds(owing.outstanding_pence), paid_on: daysFromNow(0), reference: 'BACS-TEST-1' });
  assert.equal(ok.status, 303, ok.text);
  const paid = (await fo.json('GET', `/api/v1/top-ups?term=${term}`)).data.settings
    .find((s) => s.setting_name === owing.setting_name);
  assert.equal(paid.status, 'paid');
  assert.equal(paid.outstanding_pence, 0);
  assert.ok(paid.payments.some((p) => p.reference === 'BACS-TEST-1'));

  const apiBad = await api(fo, 'POST', '/api/v1/top-ups/payments', { term: 'autumn', amount_pence: 0 });
  assert.equal(apiBad.status, 400);
  assert.deepEqual(fieldsOf(apiBad), ['amount', 'paid_on', 'reference', 'setting_name', 'term']);
  const apiOk = await api(fo, 'POST', '/api/v1/top-ups/payments', { term, setting_name: owing.setting_name,
    amount_pence: 5_000, paid_on: daysFromNow(0), reference: 'BACS-TEST-2' });
  assert.equal(apiOk.status, 201, JSON.stringify(apiOk.data));
  const over = (await fo.json('GET', `/api/v1/top-ups?term=${term}`)).data.settings
    .find((s) => s.setting_name === owing.setting_name);
  assert.equal(over.status, 'overpaid');
  assert.equal(over.outstanding_pence, -5_000);

  for (const role of ['board_member', 'provider']) {
    assert.equal((await clients[role].get('/top-ups')).status, 403, role);
    assert.equal((await clients[role].json('GET', '/api/v1/top-ups')).status, 403, role);
  }
  assert.match((await clients.sen_manager.get('/audit')).text, /top_up\.payment/);
});

test('a top-up payment is corrected from the version read: amount, date paid and reference', async () => {
  const fo = clients.finance_officer;
  const term = (await fo.json('GET', '/api/v1/top-ups')).data.term;
  const schedule = (await fo.json('GET', `/api/v1/top-ups?term=${term}`)).data;
  const setting = schedule.settings.find((s) => s.payments.length > 0);
  const payment = setting.payments[0];
  assert.equal(payment.version, 1);
  const page = await fo.get(`/top-ups?term=${term}`);
  assert.match(decode(page.text), new RegExp(`href="/top-ups/payments/${payment.id}"`));
  const form = await fo.get(`/top-ups/payments/${payment.id}`);
  assert.equal(form.status, 200);
  assert.match(decode(form.text), /Change the payment/);
  const csrf = csrfFrom(form.text);

  // Bad input names every wrong field and changes nothing.
  const bad = await fo.postForm(`/top-ups/payments/${payment.id}`, { csrf_token: csrf, version: '1', amount: '0',
    paid_on: daysFromNow(3), reference: '' });
  assert.equal(bad.status, 400);
  names(bad.text, ['amount', 'paid_on', 'reference']);
  assert.deepEqual((await fo.json('GET', `/api/v1/top-ups/payments/${payment.id}`)).data, payment);

  const edit = { amount: '1234.56', paid_on: daysFromNow(-2), reference: 'BACS-CORRECTED-1' };
  const saved = await fo.postForm(`/top-ups/payments/${payment.id}`, { csrf_token: csrf, version: '1', ...edit });
  assert.equal(saved.status, 303, saved.text);
  const now = (await fo.json('GET', `/api/v1/top-ups/payments/${payment.id}`)).data;
  assert.deepEqual(now, { ...payment, amount_pence: 123_456, paid_on: edit.paid_on, reference: edit.reference,
    version: 2 });
  const after = (await fo.json('GET', `/api/v1/top-ups?term=${term}`)).data.settings
    .find((s) => s.setting_name === setting.setting_name);
  assert.equal(after.paid_pence, setting.paid_pence - payment.amount_pence + 123_456, 'the schedule counts it');

  // An edit made from the version before is refused and changes nothing.
  const stale = await fo.postForm(`/top-ups/payments/${payment.id}`, { csrf_token: csrf, version: '1', ...edit,
    reference: 'BACS-STALE' });
  assert.equal(stale.status, 409);
  assert.match(decode(stale.text), /Someone else changed this payment first/);
  const apiStale = await api(fo, 'PUT', `/api/v1/top-ups/payments/${payment.id}`, { amount_pence: 100,
    paid_on: edit.paid_on, reference: 'X', version: 1 });
  assert.equal(apiStale.status, 409);
  assert.deepEqual(fieldsOf(apiStale), ['version']);
  const apiOk = await api(fo, 'PUT', `/api/v1/top-ups/payments/${payment.id}`, { amount_pence: 100_000,
    paid_on: edit.paid_on, reference: 'BACS-CORRECTED-2', version: 2 });
  assert.equal(apiOk.status, 200, JSON.stringify(apiOk.data));
  assert.equal(apiOk.data.version, 3);
  assert.equal(apiOk.data.amount_pence, 100_000);
  assert.equal(apiOk.data.term, payment.term, 'the term and setting stay');
  assert.equal((await fo.json('GET', '/api/v1/top-ups/payments/nothing')).status, 404);

  const audit = decode((await clients.sen_manager.get('/audit')).text);
  assert.match(audit, /top_up\.payment_edit/);
  assert.match(audit, /now [^;]*BACS-CORRECTED-2/);
});

test('recharges between councils: owed each way by council, proposed from moves, changed from the version read',
  async () => {
    const fo = clients.finance_officer;
    const before = (await fo.json('GET', '/api/v1/recharges')).data;
    assert.equal(before.by_council.length, 2, 'the demo recharges with two neighbouring councils');
    assert.ok(before.recharges.length >= 2);
    assert.ok(before.recharges.some((r) => r.paid_on) && before.recharges.some((r) => !r.paid_on));
    for (const k of ['owed_to_us_pence', 'received_pence', 'owed_by_us_pence', 'paid_pence', 'net_pence']) {
      assert.equal(before.totals[k], before.by_council.reduce((a, c) => a + c[k], 0), k);
    }
    assert.ok(before.proposals.length >= 1, 'moves with other councils are proposed');
    const page = await fo.get('/recharges');
    assert.equal(page.status, 200);
    const html = decode(page.text);
    for (const c of before.by_council) assert.match(html, new RegExp(c.other_council));
    assert.match(html, /All councils/);
    const csrf = csrfFrom(page.text);

    const bad = await fo.postForm('/recharges', { csrf_token: csrf, other_council: '', child_id: 'nobody',
      setting_name: 'Brook', period_start: daysFromNow(-10), period_end: daysFromNow(-20), amount: '0' });
    assert.equal(bad.status, 400);
    names(bad.text, ['direction', 'other_council', 'child_id', 'period_end', 'amount']);
    assert.equal((await fo.json('GET', '/api/v1/recharges')).data.recharges.length, before.recharges.length);

    // Record the first proposal as the page's button sends it.
    const p = before.proposals[0];
    const pounds = (x) => `${Math.floor(x / 100)}.${String(x % 100).padStart(2, '0')}`;
    const ok = await fo.postForm('/recharges', { csrf_token: csrf, direction: p.direction,
      other_council: p.other_council, child_id: p.child_id, setting_name: p.setting_name,
      period_start: p.period_start, period_end: p.period_end, amount: pounds(p.amount_pence) });
    assert.equal(ok.status, 303, ok.text);
    const afterAdd = (await fo.json('GET', '/api/v1/recharges')).data;
    assert.equal(afterAdd.recharges.length, before.recharges.length + 1);
    assert.ok(!afterAdd.proposals.some((x) => x.child_id === p.child_id && x.other_council === p.other_council),
      'no longer proposed once recorded');
    const added = afterAdd.recharges.find((r) => r.child_id === p.child_id && r.other_council === p.other_council);
    assert.equal(added.amount_pence, p.amount_pence);
    assert.equal(added.version, 1);

    const form = await fo.get(`/recharges/${added.id}`);
    assert.equal(form.status, 200);
    const early = await fo.postForm(`/recharges/${added.id}`, { csrf_token: csrf, version: '1',
      direction: added.direction, other_council: added.other_council, child_id: added.child_id,
      setting_name: added.setting_name, period_start: added.period_start, period_end: added.period_end,
      amount: pounds(added.amount_pence), invoice_reference: 'RC-T1', invoiced_on: daysFromNow(-3),
      paid_on: daysFromNow(-4) });
    assert.equal(early.status, 400);
    names(early.text, ['paid_on']);
    const edit = { direction: added.direction, other_council: added.other_council, child_id: added.child_id,
      setting_name: added.setting_name, period_start: added.period_start, period_end: added.period_end,
      amount: pounds(added.amount_pence), invoice_reference: 'RC-T1', invoiced_on: daysFromNow(-3),
      paid_on: daysFromNow(-1) };
    const saved = await fo.postForm(`/recharges/${added.id}`, { csrf_token: csrf, version: '1', ...edit });
    assert.equal(saved.status, 303, saved.text);
    const stale = await fo.postForm(`/recharges/${added.id}`, { csrf_token: csrf, version: '1', ...edit });
    assert.equal(stale.status, 409);
    assert.equal((await api(fo, 'PUT', `/api/v1/recharges/${added.id}`, { ...edit, version: 1 })).status, 409);
    const now = (await fo.json('GET', `/api/v1/recharges/${added.id}`)).data;
    assert.deepEqual([now.invoice_reference, now.paid_on, now.version], ['RC-T1', daysFromNow(-1), 2]);
    const totals = (await fo.json('GET', '/api/v1/recharges')).data.totals;
    const settled = p.direction === 'owed_to_us' ? 'received_pence' : 'paid_pence';
    assert.equal(totals[settled], before.totals[settled] + p.amount_pence);

    const apiBad = await api(fo, 'POST', '/api/v1/recharges', { direction: 'sideways', amount_pence: 5 });
    assert.equal(apiBad.status, 400);
    assert.deepEqual(fieldsOf(apiBad), ['child_id', 'direction', 'other_council', 'period_end', 'period_start',
      'setting_name']);
    for (const role of ['board_member', 'provider']) {
      assert.equal((await clients[role].get('/recharges')).status, 403, role);
      assert.equal((await api(clients[role], 'POST', '/api/v1/recharges', {})).status, 403, role);
    }
    assert.match((await clients.sen_manager.get('/audit')).text, /recharge\.edit/);
  });

test('a recharge recorded by hand for a child no move covers: named if not on our register, with a status',
  async () => {
    const fo = clients.finance_officer;
    const before = (await fo.json('GET', '/api/v1/recharges')).data;
    // The demo records some by hand: another council's children placed here.
    const hand = before.recharges.filter((r) => !r.on_register);
    assert.ok(hand.length >= 2, 'the demo has children not on our register');
    for (const r of hand) {
      assert.equal(r.child_id, null);
      assert.ok(r.child_name.length > 0);
    }
    const statuses = new Set(before.recharges.map((r) => r.status));
    for (const st of ['paid', 'disputed', 'not_invoiced', 'cancelled']) assert.ok(statuses.has(st), st);
    const counted = (dir) => before.recharges.filter((r) => r.direction === dir && r.status !== 'cancelled')
      .reduce((a, r) => a + r.amount_pence, 0);
    assert.equal(before.totals.owed_to_us_pence, counted('owed_to_us'), 'a cancelled recharge counts in no total');

    const page = await fo.get('/recharges');
    const html = decode(page.text);
    assert.match(html, /Or, for a child not on our register, their name/);
    assert.match(html, /Disputed/);
    const csrf = csrfFrom(page.text);
    const base = { direction: 'owed_to_us', other_council: 'Cumbria County Council', setting_name: 'Brook',
      period_start: daysFromNow(-90), period_end: daysFromNow(-30), amount: '1850.00' };

    // Bad input names every wrong field and writes nothing.
    const bad = await fo.postForm('/recharges', { csrf_token: csrf, ...base, child_id: '', child_name: '',
      status: 'settled' });
    assert.equal(bad.status, 400);
    names(bad.text, ['child_id', 'status']);
    const both = await fo.postForm('/recharges', { csrf_token: csrf, ...base,
      child_id: before.recharges.find((r) => r.on_register).child_id, child_name: 'Sam Hurst' });
    assert.equal(both.status, 400);
    names(both.text, ['child_name']);
    const disputedNoInvoice = await api(fo, 'POST', '/api/v1/recharges', { ...base, amount: undefined,
      amount_pence: 185_000, child_name: 'Sam Hurst', date_of_birth: '2013-06-02', status: 'disputed' });
    assert.equal(disputedNoInvoice.status, 400);
    assert.deepEqual(fieldsOf(disputedNoInvoice), ['invoice_reference']);
    assert.equal((await fo.json('GET', '/api/v1/recharges')).data.recharges.length, before.recharges.length);

    const ok = await fo.postForm('/recharges', { csrf_token: csrf, ...base, child_name: 'Sam Hurst',
      date_of_birth: '2013-06-02' });
    assert.equal(ok.status, 303, ok.text);
    const added = (await fo.json('GET', '/api/v1/recharges')).data.recharges.find((r) => r.child_name === 'Sam Hurst');
    assert.deepEqual([added.child_id, added.on_register, added.status, added.amount_pence, added.version],
      [null, false, 'not_invoiced', 185_000, 1]);
    assert.match(decode((await fo.get(`/recharges/${added.id}`)).text), /Sam Hurst/);

    // Changed from the version read: invoiced, then disputed; a stale edit is refused.
    const edit = { ...base, child_name: 'Sam Hurst', date_of_birth: '2013-06-02', invoice_reference: 'RC-HAND-1',
      invoiced_on: daysFromNow(-10),
      status: 'disputed' };
    const saved = await fo.postForm(`/recharges/${added.id}`, { csrf_token: csrf, version: '1', ...edit });
    assert.equal(saved.status, 303, saved.text);
    const stale = await fo.postForm(`/recharges/${added.id}`, { csrf_token: csrf, version: '1', ...edit,
      status: 'cancelled' });
    assert.equal(stale.status, 409);
    const apiEdit = await api(fo, 'PUT', `/api/v1/recharges/${added.id}`, { ...edit, status: 'paid',
      paid_on: daysFromNow(-1), version: 2 });
    assert.equal(apiEdit.status, 200, JSON.stringify(apiEdit.data));
    assert.deepEqual([apiEdit.data.status, apiEdit.data.paid_on, apiEdit.data.version], ['paid', daysFromNow(-1), 3]);
    const totals = (await fo.json('GET', '/api/v1/recharges')).data.totals;
    assert.equal(totals.received_pence, before.totals.received_pence + 185_000);
    const audit = decode((await clients.sen_manager.get('/audit')).text);
    assert.match(audit, /Sam Hurst \(not on our register\)/);
  });

test('cost by agency shows money actually spent beside committed; a provider sees neither', async () => {
  const fo = clients.finance_officer;
  const list = (await fo.json('GET', '/api/v1/contracts')).data;
  const council = list.spent_by_agency.council_education;
  const icb = list.spent_by_agency.icb;
  assert.ok(icb.invoiced_pence > 0, 'the ICB share of invoices');
  assert.ok(council.top_ups_pence > 0, 'top-ups paid to settings');
  const recharges = (await fo.json('GET', '/api/v1/recharges')).data.totals;
  assert.equal(council.recharges_paid_pence, recharges.paid_pence);
  assert.equal(council.recharges_received_pence, recharges.received_pence);
  for (const s of Object.values(list.spent_by_agency)) {
    assert.equal(s.spent_pence,
      s.invoiced_pence + s.top_ups_pence + s.recharges_paid_pence - s.recharges_received_pence);
  }
  const page = decode((await fo.get('/contracts')).text);
  assert.match(page, /Cost by agency: committed and spent/);
  assert.match(page, /Top-ups paid/);
  assert.match(page, /href="\/top-ups"/);
  assert.match(page, /href="\/recharges"/);
  const costs = decode((await fo.get('/performance/costs')).text);
  assert.match(costs, /Money actually spent to date, by agency/);
  const cycle = (await fo.json('GET', '/api/v1/commissioning')).data;
  assert.equal(cycle.spent_by_agency.council_education, council.spent_pence);
  assert.match(decode((await fo.get('/commissioning')).text), /Spent to date: invoices, top-ups and recharges/);
  const board = decode((await clients.board_member.get('/contracts')).text);
  assert.match(board, /Spent to date/);
  assert.doesNotMatch(board, /href="\/top-ups"/, 'a board member reads the figures but records nothing');
  const provider = await clients.provider.json('GET', '/api/v1/contracts');
  assert.equal(provider.data.spent_by_agency, undefined);
  assert.doesNotMatch((await clients.provider.get('/contracts')).text, /committed and spent/);
});

test('the new money pages pass axe-core, with errors shown too', async () => {
  const fo = clients.finance_officer;
  const recharge = (await fo.json('GET', '/api/v1/recharges')).data.recharges[0];
  const payment = (await fo.json('GET', '/api/v1/top-ups')).data.settings.find((s) => s.payments.length).payments[0];
  const contracts = (await clients.sen_manager.json('GET', '/api/v1/contracts')).data.contracts;
  let invoicePath = '';
  for (const c of contracts) {
    const inv = (await fo.json('GET', `/api/v1/contracts/${c.id}/invoices`)).data.invoices[0];
    if (inv) {
      invoicePath = `/contracts/${c.id}/invoices/${inv.id}/edit`;
      break;
    }
  }
  const pool = (await clients.sen_manager.json('GET', '/api/v1/pools')).data.pools[0];
  const appraisal = (await clients.sen_manager.json('GET', '/api/v1/decommissioning')).data.appraisals
    .find((a) => a.decision === null);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('finance_officer'), PASSWORD);
    for (const path of ['/top-ups', '/recharges', `/recharges/${recharge.id}`, `/top-ups/payments/${payment.id}`,
      invoicePath, '/contracts',
      '/commissioning', '/performance/costs']) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
    for (const [path, form] of [['/top-ups', 'record-payment'], ['/recharges', 'record-recharge'],
      [`/recharges/${recharge.id}`, 'change-recharge'], [`/top-ups/payments/${payment.id}`, 'change-payment']]) {
      await page.goto(`${server.url}${path}`);
      if (form.startsWith('change-')) await page.fill('#amount', '');
      await page.click(`form#${form} button[type=submit]`);
      await page.waitForSelector('.govuk-error-summary');
      await checkAxe(page);
    }
    const manager = await browser.newPage();
    await signIn(manager, server.url, email('sen_manager'), PASSWORD);
    for (const path of [`/pools/${pool.id}/edit`, `/decommissioning/${appraisal.id}/edit`]) {
      await manager.goto(`${server.url}${path}`);
      await checkAxe(manager);
      await manager.fill('#name, #cost', '');
      await manager.click('main form[method="post"] button[type=submit]');
      await manager.waitForSelector('.govuk-error-summary');
      await checkAxe(manager);
    }
  } finally {
    await browser.close();
  }
});

// Money spent on contracts through the pages and the API: a commissioner or
// finance officer records invoices (bad input names the field and writes
// nothing), records a payment once, and sees spend to date against the value
// and the pro-rata value with an overspend flagged; every change is audited;
// the demo has overspent contracts; the contract shows its cost per child; a
// provider sees its own contracts' invoices only; the pages pass axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, checkAxe, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ['sen_manager', 'provider', 'finance_officer', 'board_member']) {
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

async function newContract(cm) {
  const provider = (await cm.json('GET', '/api/v1/providers')).data.providers[0];
  const res = await api(cm, 'POST', '/api/v1/contracts', {
    provider_id: provider.id, title: 'Invoiced therapy block', type: 'block', stage: 'live',
    commissioners: [{ agency: 'icb', percent: 100 }], value_pence: 36_500_000,
    start_on: daysFromNow(-99), end_on: daysFromNow(630),
  });
  assert.equal(res.status, 201, JSON.stringify(res.data));
  return res.data;
}

test('invoices from the form: errors name the field and write nothing; paid once; spend against value', async () => {
  const cm = clients.sen_manager;
  const c = await newContract(cm);
  const page = await cm.get(`/contracts/${c.id}/invoices`);
  assert.equal(page.status, 200);
  assert.match(page.text, /No invoices yet/);
  const csrf = csrfFrom(page.text);

  const bad = await cm.postForm(`/contracts/${c.id}/invoices`, {
    csrf_token: csrf, reference: '', invoiced_on: daysFromNow(3), amount: '12,50',
  });
  assert.equal(bad.status, 400);
  const text = decode(bad.text);
  for (const f of ['reference', 'invoiced_on', 'amount']) assert.match(text, new RegExp(`href="#${f}"`));
  assert.equal((await cm.json('GET', `/api/v1/contracts/${c.id}/invoices`)).data.invoices.length, 0, 'nothing written');

  const ok = await cm.postForm(`/contracts/${c.id}/invoices`, {
    csrf_token: csrf, reference: 'INV-001', invoiced_on: daysFromNow(-10), amount: '£100,000',
  });
  assert.equal(ok.status, 303, ok.text);
  let data = (await cm.json('GET', `/api/v1/contracts/${c.id}/invoices`)).data;
  assert.equal(data.invoices.length, 1);
  const inv = data.invoices[0];
  assert.equal(inv.amount_pence, 10_000_000);
  assert.equal(inv.paid_on, null);
  // £365,000 over 730 days is £500 a day; 100 days elapsed is about £50,000.
  assert.equal(data.totals.invoiced_pence, 10_000_000);
  assert.ok(Math.abs(data.totals.pro_rata_pence - 5_000_000) <= 100_000, String(data.totals.pro_rata_pence));
  assert.equal(data.totals.ahead_of_pro_rata, true);
  assert.equal(data.totals.overspent, false);

  const shown = decode((await cm.get(`/contracts/${c.id}/invoices`)).text);
  assert.match(shown, /INV-001/);
  assert.match(shown, /£100,000.00/);
  assert.match(shown, /Ahead of pro-rata spend/);

  const early = await cm.postForm(`/contracts/${c.id}/invoices/${inv.id}/paid`,
    { csrf_token: csrf, paid_on: daysFromNow(-11) });
  assert.equal(early.status, 400);
  assert.match(decode(early.text), /href="#paid_on"/);
  assert.match(decode(early.text), /before the invoice date/);
  const paid = await cm.postForm(`/contracts/${c.id}/invoices/${inv.id}/paid`,
    { csrf_token: csrf, paid_on: daysFromNow(-2) });
  assert.equal(paid.status, 303);
  const twice = await cm.postForm(`/contracts/${c.id}/invoices/${inv.id}/paid`,
    { csrf_token: csrf, paid_on: daysFromNow(-1) });
  assert.equal(twice.status, 400);
  data = (await cm.json('GET', `/api/v1/contracts/${c.id}/invoices`)).data;
  assert.equal(data.invoices[0].paid_on, daysFromNow(-2));
  assert.equal(data.totals.paid_pence, 10_000_000);

  // Over the whole value: overspent, on the contract page and its API too.
  const over = await api(cm, 'POST', `/api/v1/contracts/${c.id}/invoices`,
    { reference: 'INV-002', invoiced_on: daysFromNow(-1), amount_pence: 27_000_000, paid_on: daysFromNow(0) });
  assert.equal(over.status, 201, JSON.stringify(over.data));
  const contract = (await cm.json('GET', `/api/v1/contracts/${c.id}`)).data;
  assert.equal(contract.invoices.overspent, true);
  assert.equal(contract.invoices.invoiced_pence, 37_000_000);
  const cpage = decode((await cm.get(`/contracts/${c.id}`)).text);
  assert.match(cpage, /Overspent by £5,000.00/);
  assert.match(cpage, /href="\/contracts\/[^"]+\/invoices"/);

  const audit = await cm.get('/audit');
  if (audit.status === 200) {
    assert.match(audit.text, /contract\.invoice\.add/);
    assert.match(audit.text, /contract\.invoice\.paid/);
  }
});

test('the API names every wrong field, lets a finance officer record, refuses a board member, and hides other providers', async () => {
  const cm = clients.sen_manager;
  const c = await newContract(cm);
  const bad = await api(cm, 'POST', `/api/v1/contracts/${c.id}/invoices`, { amount_pence: -5, paid_on: 'soon' });
  assert.equal(bad.status, 400);
  const fields = bad.data.fields.map((e) => e.field).sort();
  assert.deepEqual(fields, ['amount', 'invoiced_on', 'paid_on', 'reference']);
  assert.equal((await cm.json('GET', `/api/v1/contracts/${c.id}/invoices`)).data.invoices.length, 0);
  assert.equal((await clients.board_member.json('GET', `/api/v1/contracts/${c.id}/invoices`)).status, 200);
  const fo = await api(clients.finance_officer, 'POST', `/api/v1/contracts/${c.id}/invoices`,
    { reference: 'X', invoiced_on: daysFromNow(-1), amount_pence: 100 });
  assert.equal(fo.status, 201, JSON.stringify(fo.data));
  const board = await api(clients.board_member, 'POST', `/api/v1/contracts/${c.id}/invoices`,
    { reference: 'Y', invoiced_on: daysFromNow(-1), amount_pence: 100 });
  assert.equal(board.status, 403);
  assert.equal((await clients.finance_officer.json('GET', `/api/v1/contracts/${c.id}/invoices`)).status, 200);
  assert.equal((await clients.provider.json('GET', `/api/v1/contracts/${c.id}/invoices`)).status,
    c.provider_name === 'Tandem Vale Community Health NHS Trust' ? 200 : 404);
  assert.equal((await api(cm, 'POST', `/api/v1/contracts/${c.id}/invoices/nope/paid`, { paid_on: daysFromNow(0) })).status, 404);
});

test('the demo has invoices, some contracts overspent, and a cost per child on block contracts', async () => {
  const cm = clients.sen_manager;
  const all = (await cm.json('GET', '/api/v1/contracts')).data.contracts;
  let invoiced = 0, overspent = 0, perChild = 0;
  for (const c of all) {
    const d = (await cm.json('GET', `/api/v1/contracts/${c.id}`)).data;
    if (d.invoices.count > 0) invoiced += 1;
    if (d.invoices.overspent) overspent += 1;
    if (d.cost_per_child_pence !== null) {
      perChild += 1;
      assert.ok(d.children_served > 0);
      assert.ok(d.children_served >= d.outcomes.children, 'reviewed or not');
      const n = d.children_served;
      assert.ok(Math.abs(d.cost_per_child_pence * n - d.value_pence) <= n);
    }
  }
  assert.ok(invoiced >= 3, `${invoiced} contracts invoiced`);
  assert.ok(overspent >= 1, `${overspent} overspent`);
  assert.ok(perChild >= 1, `${perChild} with a cost per child`);
});

test('the invoices page passes axe-core, with errors shown too', async () => {
  const list = (await clients.sen_manager.json('GET', '/api/v1/contracts')).data.contracts;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('sen_manager'), PASSWORD);
    for (const c of list.slice(0, 3)) {
      await page.goto(`${server.url}/contracts/${c.id}/invoices`);
      await checkAxe(page);
    }
    await page.goto(`${server.url}/contracts/${list[0].id}/invoices`);
    await page.click(`form[action="/contracts/${list[0].id}/invoices"] button[type=submit]`);
    await page.waitForSelector('.govuk-error-summary');
    await checkAxe(page);
  } finally {
    await browser.close();
  }
});

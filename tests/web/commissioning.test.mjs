// Commissioning activities through the pages and the API: a commissioner adds
// an activity (shares that do not add up are refused and nothing is written),
// links each stage's evidence (a link or a Tandem contract), records each
// partner's decision through its own governance and the board's
// recommendation, and moves it on only once the gate is passed, to joint
// review and closed; the board page shows every activity by stage, late gates
// and money committed by agency; a provider sees only activities about its own
// contracts; every page passes axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, checkAxe, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ['sen_manager', 'icb_commissioner', 'provider', 'finance_officer']) {
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

test('an activity from the form through every gate, each partner deciding for itself', async () => {
  const cm = clients.sen_manager;
  const csrf = await token(cm);
  const before = (await cm.json('GET', '/api/v1/commissioning')).data.activities.length;
  const fields = {
    csrf_token: csrf, title: 'Re-commission SEMH outreach', kind: 'recommission', level: 'service',
    share_council_education: '70', share_icb: '20', budget: '£500,000', stage_due_on: daysFromNow(60),
  };
  const bad = await cm.postForm('/commissioning', fields);
  assert.equal(bad.status, 400);
  assert.match(decode(bad.text), /href="#partners"/);
  assert.equal((await cm.json('GET', '/api/v1/commissioning')).data.activities.length, before, 'nothing written');

  const created = await cm.postForm('/commissioning', { ...fields, share_icb: '30' });
  assert.equal(created.status, 303, created.text);
  const id = decode(created.location).match(/\/commissioning\/([^?]+)/)[1];
  let a = (await cm.json('GET', `/api/v1/commissioning/${id}`)).data;
  assert.equal(a.stage, 'joint_understanding');
  assert.equal(a.lead, 'council_education');
  assert.deepEqual(a.partners.map((p) => [p.agency, p.budget_pence]),
    [['council_education', 35_000_000], ['icb', 15_000_000]]);
  assert.deepEqual(a.gate.awaiting, ['council_education', 'icb']);
  assert.equal(a.gate.ready, false);

  // Moving on too early is refused with what is missing, and changes nothing.
  let res = await api(cm, 'POST', `/api/v1/commissioning/${id}/advance`, { next_due_on: daysFromNow(90), version: a.version });
  assert.equal(res.status, 400);
  assert.deepEqual(res.data.fields.map((f) => f.field), ['evidence', 'sign_offs']);
  assert.match(res.data.fields[0].message, /Needs analysis/);

  // Evidence: a link, a Tandem contract, and the refusals.
  const contracts = (await cm.json('GET', '/api/v1/contracts')).data.contracts;
  const page = await cm.get(`/commissioning/${id}`);
  assert.equal(page.status, 200);
  const both = await cm.postForm(`/commissioning/${id}/evidence`, {
    csrf_token: csrfFrom(page.text), need_id: 'needs_analysis', title: 'JSNA', url: 'https://docs.example/jsna',
    contract_id: contracts[0].id });
  assert.equal(both.status, 400);
  assert.match(decode(both.text), /href="#url"/);
  res = await api(cm, 'POST', `/api/v1/commissioning/${id}/evidence`,
    { need_id: 'specification', title: 'Spec', url: 'https://docs.example/spec' });
  assert.equal(res.status, 400);
  assert.equal(res.data.fields[0].field, 'need_id', 'a later stage\'s evidence is not this stage\'s');
  for (const need of a.stage_needs) {
    const body = need.id === 'current_provision'
      ? { need_id: need.id, title: 'The current contract', contract_id: contracts[0].id }
      : { need_id: need.id, title: need.label, url: `https://docs.example/${need.id}` };
    res = await api(cm, 'POST', `/api/v1/commissioning/${id}/evidence`, body);
    assert.equal(res.status, 201, res.text);
  }
  a = res.data;
  assert.deepEqual(a.gate.missing_evidence, []);
  assert.equal(a.evidence.find((e) => e.need_id === 'current_provision').url, `/contracts/${contracts[0].id}`);

  // Decisions: the board recommends, each partner decides; a deferral needs a reason.
  const p2 = await cm.get(`/commissioning/${id}`);
  const board = await cm.postForm(`/commissioning/${id}/sign-offs`, {
    csrf_token: csrfFrom(p2.text), agency: 'board', decision: 'approved', decided_on: daysFromNow(0),
    decision_maker: 'SEND Partnership Board' });
  assert.equal(board.status, 303, board.text);
  const noWhy = await api(cm, 'POST', `/api/v1/commissioning/${id}/sign-offs`,
    { agency: 'icb', decision: 'deferred', decided_on: daysFromNow(0), decision_maker: 'ICB board' });
  assert.equal(noWhy.status, 400);
  assert.equal(noWhy.data.fields[0].field, 'note');
  const notPartner = await api(cm, 'POST', `/api/v1/commissioning/${id}/sign-offs`,
    { agency: 'nhs_england', decision: 'approved', decided_on: daysFromNow(0), decision_maker: 'NHS England' });
  assert.equal(notPartner.status, 400);
  assert.equal(notPartner.data.fields[0].field, 'agency');
  res = await api(cm, 'POST', `/api/v1/commissioning/${id}/sign-offs`,
    { agency: 'council_education', decision: 'approved', decided_on: daysFromNow(0), decision_maker: 'Cabinet' });
  assert.equal(res.status, 201, res.text);
  assert.deepEqual(res.data.gate.awaiting, ['icb'], 'the board\'s recommendation is not a partner\'s decision');
  assert.equal(res.data.recommendations.length, 1);
  res = await api(clients.icb_commissioner, 'POST', `/api/v1/commissioning/${id}/sign-offs`,
    { agency: 'icb', decision: 'approved', decided_on: daysFromNow(0), decision_maker: 'ICB Finance and Performance Committee' });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.data.gate.ready, true);

  const stale = await api(cm, 'POST', `/api/v1/commissioning/${id}/advance`, { next_due_on: daysFromNow(90), version: 99 });
  assert.equal(stale.status, 409);
  const p3 = await cm.get(`/commissioning/${id}`);
  const moved = await cm.postForm(`/commissioning/${id}/advance`,
    { csrf_token: csrfFrom(p3.text), next_due_on: daysFromNow(90), version: String(res.data.version) });
  assert.equal(moved.status, 303, moved.text);
  a = (await cm.json('GET', `/api/v1/commissioning/${id}`)).data;
  assert.equal(a.stage, 'joint_planning');
  assert.equal(a.stage_due_on, daysFromNow(90));
  assert.deepEqual(a.gate.awaiting, ['council_education', 'icb'], 'the next gate starts afresh');
  assert.equal(a.history.length, 1);

  // Through planning, delivery and review to closed.
  for (const next of ['joint_delivery', 'joint_review', 'closed']) {
    for (const need of a.stage_needs) {
      assert.equal((await api(cm, 'POST', `/api/v1/commissioning/${id}/evidence`,
        { need_id: need.id, title: need.label, url: `/contracts/${contracts[0].id}` })).status, 201);
    }
    for (const agency of ['council_education', 'icb']) {
      assert.equal((await api(cm, 'POST', `/api/v1/commissioning/${id}/sign-offs`,
        { agency, decision: 'approved', decided_on: daysFromNow(0), decision_maker: 'Governance' })).status, 201);
    }
    res = await api(cm, 'POST', `/api/v1/commissioning/${id}/advance`,
      { next_due_on: daysFromNow(200), version: a.version });
    assert.equal(res.status, 200, res.text);
    a = res.data;
    assert.equal(a.stage, next);
  }
  const closed = await cm.get(`/commissioning/${id}`);
  assert.match(closed.text, /closed/);
  assert.doesNotMatch(closed.text, /action="\/commissioning\/[^"]+\/advance"/, 'a closed activity has no forms');

  const audit = decode((await cm.get('/audit')).text);
  for (const action of ['commissioning.add', 'commissioning.evidence', 'commissioning.sign_off',
    'commissioning.recommendation', 'commissioning.advance']) assert.match(audit, new RegExp(action));
});

test('the board shows every stage, late gates and money committed by agency', async () => {
  const cm = clients.sen_manager;
  const all = (await cm.json('GET', '/api/v1/commissioning')).data;
  const stages = new Set(all.activities.map((a) => a.stage));
  for (const s of ['joint_understanding', 'joint_planning', 'joint_delivery', 'joint_review', 'closed']) {
    assert.ok(stages.has(s), `the demo has an activity at ${s}`);
  }
  assert.ok(all.late >= 2, 'some gates are late');
  assert.ok(all.activities.some((a) => a.title === 'Re-commission SEMH provision' && a.gate.late));
  const open = all.activities.filter((a) => a.stage !== 'closed');
  const sum = Object.values(all.committed_by_agency).reduce((x, y) => x + y, 0);
  assert.equal(sum, open.reduce((x, a) => x + a.budget_pence, 0), 'committed by agency adds up to the open budgets');
  assert.equal(sum, all.total_pence);
  const html = decode((await cm.get('/commissioning')).text);
  for (const label of ['Joint understanding', 'Joint planning', 'Joint delivery', 'Joint review', 'Closed',
    'Money committed by agency', 'Re-commission SEMH provision', 'Late']) assert.ok(html.includes(label), label);

  const edit = all.activities.find((a) => a.stage === 'joint_delivery');
  const changed = await api(cm, 'PUT', `/api/v1/commissioning/${edit.id}`, {
    title: edit.title, kind: edit.kind, level: edit.level, budget_pence: edit.budget_pence + 100_000,
    stage_due_on: edit.stage_due_on, partners: edit.partners.map((p) => ({ agency: p.agency, percent: p.basis_points / 100 })),
    stage: 'joint_understanding', version: edit.version });
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.data.budget_pence, edit.budget_pence + 100_000);
  assert.equal(changed.data.stage, 'joint_delivery', 'a change of details never moves the stage');

  // Finance reads; a provider sees only activities about its own contracts.
  assert.equal((await clients.finance_officer.json('GET', '/api/v1/commissioning')).data.activities.length,
    (await cm.json('GET', '/api/v1/commissioning')).data.activities.length);
  const mine = (await clients.provider.json('GET', '/api/v1/commissioning')).data.activities;
  const own = (await clients.provider.json('GET', '/api/v1/contracts')).data.contracts.map((c) => c.id);
  assert.ok(mine.every((a) => own.includes(a.contract_id)));
  const other = all.activities.find((a) => !own.includes(a.contract_id));
  assert.equal((await clients.provider.json('GET', `/api/v1/commissioning/${other.id}`)).status, 404);
  assert.equal((await api(clients.finance_officer, 'POST', `/api/v1/commissioning/${other.id}/evidence`,
    { need_id: 'gap_list', title: 'x', url: '/x' })).status, 403);
});

test('the commissioning pages pass axe-core', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await signIn(page, server.url, email('sen_manager'), PASSWORD);
    const list = (await clients.sen_manager.json('GET', '/api/v1/commissioning')).data.activities;
    const planning = list.find((a) => a.stage === 'joint_planning');
    const closed = list.find((a) => a.stage === 'closed');
    for (const path of ['/commissioning', '/commissioning/new', `/commissioning/${planning.id}`,
      `/commissioning/${planning.id}/edit`, `/commissioning/${closed.id}`]) {
      await page.goto(`${server.url}${path}`);
      await checkAxe(page);
    }
    await page.goto(`${server.url}/commissioning/new`);
    await page.click('form[action="/commissioning"] button[type=submit]');
    await page.waitForSelector('.govuk-error-summary');
    await checkAxe(page);
    await page.goto(`${server.url}/commissioning/${planning.id}`);
    await page.click(`form[action="/commissioning/${planning.id}/sign-offs"] button[type=submit]`);
    await page.waitForSelector('.govuk-error-summary');
    await checkAxe(page);
  } finally {
    await browser.close();
  }
});

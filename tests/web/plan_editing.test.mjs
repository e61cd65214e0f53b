// Writing a plan as a caseworker does, through the pages: start a draft, fill
// sections A to D, add an outcome, add provision that takes Tandem's proposal
// and provision recorded against it (which opens an inter-agency
// disagreement), get the ICB's agreement to health provision, and issue the
// final plan. Bad input names the field and writes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};

async function signedIn(role) {
  const c = new Client(server.url);
  const f = await c.get('/sign-in');
  const r = await c.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email(role), password: PASSWORD });
  assert.equal(r.status, 303, role);
  return c;
}

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ['caseworker', 'icb_commissioner', 'social_care_practitioner', 'sen_manager']) {
    clients[role] = await signedIn(role);
  }
});
after(async () => { await server?.stop(); });

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&')
  .replaceAll('&quot;', '"');
const versionOf = (html) => decode(html).match(/name="version" value="(\d+)"/)[1];

async function newChild(given) {
  const me = await clients.caseworker.json('GET', '/api/v1/me');
  const res = await clients.caseworker.json('POST', '/api/v1/children', {
    given_name: given, family_name: 'Planwriter', date_of_birth: '2016-04-12', sex: 'M', plan_status: 'assessment',
    primary_need: 'SLCN',
  }, { headers: { 'x-csrf-token': me.data.csrf_token } });
  assert.equal(res.status, 201, res.text);
  return res.data.id;
}

async function post(client, path, fields) {
  const page = await client.get(path.replace(/\/(lines|outcomes)$/, '/$1/new'));
  return client.postForm(path, { csrf_token: csrfFrom(page.text), ...fields });
}

const slt = {
  section: 'G', category: 'speech_and_language_therapy', what: 'Individual speech and language therapy',
  how_much: '45 minutes', how_often: 'weekly in term time', provider: 'Community SLT team', level: 'specialist',
  annual_cost: '2,400', responsibility: 'proposed',
};

test('a caseworker writes a draft plan and issues it once the ICB has agreed its health provision', async () => {
  const cw = clients.caseworker;
  const child = await newChild('Ade');
  const record = await cw.get(`/children/${child}`);
  assert.match(record.text, /Start a draft EHC plan/);
  const started = await cw.postForm(`/children/${child}/plans`, { csrf_token: csrfFrom(record.text) });
  assert.equal(started.status, 303, started.text);
  const planId = decode(started.location).match(/\/plans\/([^/]+)\/sections/)[1];

  // Sections A to D; a need code that is not DfE's is refused with the field named.
  const form = await cw.get(`/plans/${planId}/sections`);
  assert.match(decode(form.text), /<option value="SLCN" selected>/, 'primary need from the record');
  const bad = await cw.postForm(`/plans/${planId}/sections`, {
    csrf_token: csrfFrom(form.text), version: versionOf(form.text), views: 'Ade loves trains', primary_need: 'SLCN',
    secondary_needs: 'XYZ', needs_text: '', health_needs: '', social_care_needs: '',
  });
  assert.equal(bad.status, 400);
  assert.match(decode(bad.text), /href="#secondary_needs">List other DfE need codes/);
  const good = await cw.postForm(`/plans/${planId}/sections`, {
    csrf_token: csrfFrom(form.text), version: versionOf(form.text), views: 'Ade loves trains', primary_need: 'SLCN',
    secondary_needs: 'SEMH', needs_text: 'Ade finds it hard to be understood.', health_needs: 'Overnight oxygen',
    social_care_needs: '',
  });
  assert.equal(good.status, 303, good.text);

  // An outcome needs a date (reg 12(1)(e)); then it saves.
  const noDate = await post(cw, `/plans/${planId}/outcomes`, { version: '2', text: 'Ade will order lunch', target_date: '' });
  assert.equal(noDate.status, 400);
  assert.match(decode(noDate.text), /href="#target_date"/);
  const outcome = await post(cw, `/plans/${planId}/outcomes`,
    { version: '2', text: 'Ade will order his own lunch using short sentences', target_date: '2027-07-16' });
  assert.equal(outcome.status, 303, outcome.text);
  let plan = (await cw.json('GET', `/api/v1/plans/${planId}`)).data;
  assert.equal(plan.version, 3);
  const outcomeId = plan.outcomes[0].id;

  // SLT entered under G with the proposal taken: the law puts it in F (Code 9.74).
  const moved = await post(cw, `/plans/${planId}/lines`, { ...slt, version: '3', [`outcome_${outcomeId}`]: 'yes' });
  assert.equal(moved.status, 303, moved.text);
  plan = (await cw.json('GET', `/api/v1/plans/${planId}`)).data;
  const sltLine = plan.provision[0];
  assert.equal(sltLine.section, 'F');
  assert.equal(sltLine.securing, 'council_education');
  assert.deepEqual(sltLine.outcome_ids, [outcomeId]);
  assert.match(sltLine.rule, /9\.74|s21\(5\)/);

  // Shares that do not add up to 100% are refused, naming the field; nothing is written.
  const care = {
    section: 'G', category: 'continuing_care', what: 'Overnight care at home', how_much: '3 nights',
    how_often: 'weekly', provider: 'Home care nursing team', level: 'highly_specialist', annual_cost: '52,000',
    responsibility: 'recorded', securing: 'icb', pay_agency_0: 'icb', pay_percent_0: '70',
    override_reason: 'The continuing care panel found a primary health need', version: '4',
  };
  const short = await post(cw, `/plans/${planId}/lines`, care);
  assert.equal(short.status, 400);
  assert.match(decode(short.text), /href="#paying"/);
  assert.equal((await cw.json('GET', `/api/v1/plans/${planId}`)).data.version, 4, 'nothing written');

  // The ICB paying all of continuing care departs from the demo area's split: a disagreement opens.
  const overridden = await post(cw, `/plans/${planId}/lines`, { ...care, pay_percent_0: '100' });
  assert.equal(overridden.status, 303, overridden.text);
  const disagreementId = decode(overridden.location).match(/disagreement=([^&]+)/)?.[1];
  plan = (await cw.json('GET', `/api/v1/plans/${planId}`)).data;
  const careLine = plan.provision[1];
  assert.equal(careLine.icb_agreed, false);
  assert.equal(careLine.override_reason, care.override_reason);

  // Issuing the final plan is refused while the G line lacks the ICB's agreement (reg 12(2)).
  const finalForm = await cw.get(`/plans/${planId}/final`);
  const refused = await cw.postForm(`/plans/${planId}/final`, {
    csrf_token: csrfFrom(finalForm.text), version: String(plan.version), issued_on: '2026-11-20',
    setting_name: 'Northfield Primary', setting_type: 'mainstream',
  });
  assert.equal(refused.status, 400);
  assert.match(decode(refused.text), /ICB/);
  assert.equal((await cw.json('GET', `/api/v1/plans/${planId}`)).data.stage, 'draft');

  // The ICB commissioner now sees the child (the ICB secures a line) and agrees the line.
  const icb = clients.icb_commissioner;
  const planPage = await icb.get(`/plans/${planId}`);
  assert.equal(planPage.status, 200);
  assert.match(planPage.text, /Agree this health provision/);
  const agreed = await icb.postForm(`/plans/${planId}/lines/${careLine.id}/agreement`,
    { csrf_token: csrfFrom(planPage.text), version: String(plan.version) });
  assert.equal(agreed.status, 303, agreed.text);
  // The caseworker cannot agree on the ICB's behalf.
  const cwAgree = await cw.postForm(`/plans/${planId}/lines/${careLine.id}/agreement`,
    { csrf_token: csrfFrom(planPage.text), version: String(plan.version + 1) });
  assert.equal(cwAgree.status, 403);

  // Now it issues, and the annual review clock starts.
  const issued = await cw.postForm(`/plans/${planId}/final`, {
    csrf_token: csrfFrom(finalForm.text), version: String(plan.version + 1), issued_on: '2026-11-20',
    setting_name: 'Northfield Primary', setting_type: 'mainstream',
  });
  assert.equal(issued.status, 303, issued.text);
  plan = (await cw.json('GET', `/api/v1/plans/${planId}`)).data;
  assert.equal(plan.stage, 'final');
  assert.equal(plan.placement.setting_name, 'Northfield Primary');
  const reviews = await cw.json('GET', '/api/v1/reviews?page=1');
  assert.equal(reviews.status, 200);

  // A final plan is not edited in place.
  const late = await post(cw, `/plans/${planId}/outcomes`, { version: String(plan.version), text: 'x', target_date: '2027-01-01' });
  assert.equal(late.status, 400);
  assert.match(decode(late.text), /review or a notice of amendment/);

  // The disagreement names both agencies; social care disagrees and it is disputed.
  assert.ok(disagreementId, 'the redirect names the disagreement');
  const sc = clients.social_care_practitioner;
  const dPage = await sc.get(`/disagreements/${disagreementId}`);
  assert.equal(dPage.status, 200, dPage.text);
  const html = decode(dPage.text);
  assert.match(html, /Council social care 50%, Integrated care board 50%/);
  assert.match(html, /Integrated care board 100%/);
  const noNote = await sc.postForm(`/disagreements/${disagreementId}`,
    { csrf_token: csrfFrom(dPage.text), version: versionOf(dPage.text), position: 'disagrees', note: '' });
  assert.equal(noNote.status, 400);
  assert.match(decode(noNote.text), /href="#note"/);
  const disputed = await sc.postForm(`/disagreements/${disagreementId}`,
    { csrf_token: csrfFrom(dPage.text), version: versionOf(dPage.text), position: 'disagrees', note: 'Keep the agreed 50/50 split' });
  assert.equal(disputed.status, 303, disputed.text);
  const api = await sc.json('GET', `/api/v1/disagreements/${disagreementId}`);
  assert.equal(api.data.status, 'disputed');
  const list = await clients.sen_manager.get('/disagreements?status=disputed');
  assert.match(decode(list.text), new RegExp(`/disagreements/${disagreementId}`));

  // Every write is in the audit trail.
  const audit = decode((await clients.sen_manager.get(`/audit?child=${child}`)).text);
  for (const action of ['plan.start', 'plan.sections', 'plan.outcome', 'plan.line', 'disagreement.open',
    'plan.health_agreement', 'plan.final', 'disagreement.position']) {
    assert.match(audit, new RegExp(action.replace('.', '\\.')), action);
  }
});

test('the API writes plans with the same rules and answers 400 naming the field', async () => {
  const cw = clients.caseworker;
  const me = await cw.json('GET', '/api/v1/me');
  const headers = { 'x-csrf-token': me.data.csrf_token };
  const child = await newChild('Bea');
  const started = await cw.json('POST', `/api/v1/children/${child}/plans`, {}, { headers });
  assert.equal(started.status, 201, started.text);
  const again = await cw.json('POST', `/api/v1/children/${child}/plans`, {}, { headers });
  assert.equal(again.status, 409, 'one draft at a time');
  const id = started.data.id;
  const noAgency = await cw.json('POST', `/api/v1/plans/${id}/lines`, {
    ...slt, section: 'H2', category: 'short_breaks', responsibility: 'recorded', securing: '', paying: [], version: 1,
  }, { headers });
  assert.equal(noAgency.status, 400);
  assert.ok(noAgency.data.fields.some((e) => e.field === 'securing'), noAgency.text);
  const line = await cw.json('POST', `/api/v1/plans/${id}/lines`, { ...slt, version: 1 }, { headers });
  assert.equal(line.status, 201, line.text);
  assert.equal(line.data.provision[0].section, 'F');
  const stale = await cw.json('POST', `/api/v1/plans/${id}/outcomes`,
    { text: 'Bea will read a menu', target_date: '2027-07-01', version: 1 }, { headers });
  assert.equal(stale.status, 409, 'a stale version is refused, never merged');
});

// The final plan's section I names the setting by its URN or UKPRN for DfE's
// SEN2 return: typed by the caseworker (a URN is 6 digits, a UKPRN 8 digits
// starting 1; anything else is refused naming the field, and nothing is
// written), or, when left blank, taken from what Tandem already records for a
// setting of that name.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let cw;
let headers;

before(async () => {
  server = await startServer({ demo: true });
  cw = new Client(server.url);
  const f = await cw.get('/sign-in');
  const r = await cw.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email('caseworker'), password: PASSWORD });
  assert.equal(r.status, 303);
  headers = { 'x-csrf-token': (await cw.json('GET', '/api/v1/me')).data.csrf_token };
});
after(async () => { await server?.stop(); });

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

async function draftFor(given, extra = {}) {
  const child = await cw.json('POST', '/api/v1/children', {
    given_name: given, family_name: 'Sectioni', date_of_birth: '2015-02-03', sex: 'F', plan_status: 'assessment',
    primary_need: 'ASD', ...extra,
  }, { headers });
  assert.equal(child.status, 201, child.text);
  const plan = await cw.json('POST', `/api/v1/children/${child.data.id}/plans`, {}, { headers });
  assert.equal(plan.status, 201, plan.text);
  return plan.data;
}

test('the final form refuses a URN or UKPRN of the wrong shape, naming the field, and writes nothing', async () => {
  const plan = await draftFor('Ines');
  const form = await cw.get(`/plans/${plan.id}/final`);
  assert.equal(form.status, 200);
  assert.match(form.text, /name="setting_urn"/);
  assert.match(form.text, /name="setting_ukprn"/);
  const fields = {
    csrf_token: csrfFrom(form.text), version: String(plan.version), issued_on: '2026-11-20',
    setting_name: 'Hillside Academy', setting_type: 'mainstream',
  };
  const badUrn = await cw.postForm(`/plans/${plan.id}/final`, { ...fields, setting_urn: '12345' });
  assert.equal(badUrn.status, 400);
  assert.match(decode(badUrn.text), /href="#setting_urn">URN must be the school's 6-digit unique reference number/);
  const badUkprn = await cw.postForm(`/plans/${plan.id}/final`, { ...fields, setting_ukprn: '20001234' });
  assert.equal(badUkprn.status, 400);
  assert.match(decode(badUkprn.text), /href="#setting_ukprn">UKPRN must be the provider's 8-digit/);
  const unnamed = await cw.postForm(`/plans/${plan.id}/final`, { ...fields, setting_name: '', setting_urn: '123456' });
  assert.equal(unnamed.status, 400);
  assert.match(decode(unnamed.text), /href="#setting_name">Enter the name of the setting/);
  const stored = await cw.json('GET', `/api/v1/plans/${plan.id}`);
  assert.equal(stored.data.stage, 'draft', 'nothing written');
  assert.equal(stored.data.version, plan.version);
});

test('a URN typed on the final form is kept in section I', async () => {
  const plan = await draftFor('Jana');
  const form = await cw.get(`/plans/${plan.id}/final`);
  const issued = await cw.postForm(`/plans/${plan.id}/final`, {
    csrf_token: csrfFrom(form.text), version: String(plan.version), issued_on: '2026-11-20',
    setting_name: 'Hillside Academy', setting_type: 'mainstream', setting_urn: ' 123 456 ',
  });
  assert.equal(issued.status, 303, issued.text);
  const stored = (await cw.json('GET', `/api/v1/plans/${plan.id}`)).data;
  assert.equal(stored.stage, 'final');
  assert.equal(stored.placement.urn, '123456');
  const page = decode((await cw.get(`/plans/${plan.id}`)).text);
  assert.match(page, /Hillside Academy \(.*\), URN 123456/);
});

test('left blank, the URN or UKPRN comes from the setting as Tandem records it', async () => {
  // Another child's record names the college with its UKPRN.
  await draftFor('Kofi', { setting_name: 'Riverside Sixth Form College', setting_ukprn: '10004321' });
  const plan = await draftFor('Lena');
  const res = await cw.json('POST', `/api/v1/plans/${plan.id}/final`, {
    issued_on: '2026-11-20', setting_name: 'Riverside Sixth Form College', setting_type: 'further_education',
    version: plan.version,
  }, { headers });
  assert.equal(res.status, 200, res.text);
  const stored = (await cw.json('GET', `/api/v1/plans/${plan.id}`)).data;
  assert.equal(stored.placement.ukprn, '10004321');
  assert.equal(stored.placement.urn ?? '', '');

  // Over the API a wrong UKPRN is a 400 naming the field.
  const other = await draftFor('Mo');
  const bad = await cw.json('POST', `/api/v1/plans/${other.id}/final`, {
    issued_on: '2026-11-20', setting_name: 'Riverside Sixth Form College', setting_type: 'further_education',
    setting_ukprn: '1000432', version: other.version,
  }, { headers });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /setting_ukprn/);
});

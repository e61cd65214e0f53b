// Moving between councils with a plan (SEND Regulations 2014 reg 15), as a
// caseworker records it: a move out with its transfer deadline in working
// days, a move in with the letter and review dates, bad input refused naming
// the field with nothing written, and a stale version refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
const clients = {};
let childId;

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ['caseworker', 'provider']) {
    const c = new Client(server.url);
    const f = await c.get('/sign-in');
    const r = await c.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email(role), password: PASSWORD });
    assert.equal(r.status, 303);
    clients[role] = c;
  }
  const reviews = await clients.caseworker.json('GET', '/api/v1/reviews');
  childId = reviews.data.reviews[0].child_id;
});
after(async () => { await server?.stop(); });

const decode = (html) => html.replaceAll('&#x2F;', '/').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

test('a caseworker records a move out; the plan must go within 15 working days of learning of it', async () => {
  const cw = clients.caseworker;
  const form = await cw.get(`/children/${childId}/moves/new`);
  assert.equal(form.status, 200);
  const token = csrfFrom(form.text);

  const refused = await cw.postForm(`/children/${childId}/moves`, { csrf_token: token, direction: 'out', moved_on: '2026-11-31' });
  assert.equal(refused.status, 400);
  const page = decode(refused.text);
  for (const field of ['other_authority', 'moved_on', 'learned_on']) assert.match(page, new RegExp(`href="#${field}"`), field);
  const before = (await cw.get(`/children/${childId}`)).text;
  assert.doesNotMatch(before, /Moving out to/, 'nothing written');

  // Learned on Monday 2 November 2026, moving on Friday 6 November: not 15
  // working days' notice, so 15 working days beginning with 2 November end
  // on Friday 20 November (reg 15(2)(b)).
  const saved = await cw.postForm(`/children/${childId}/moves`, {
    csrf_token: token, direction: 'out', other_authority: 'Lancashire County Council', moved_on: '2026-11-06',
    learned_on: '2026-11-02',
  });
  assert.equal(saved.status, 303);
  const moveUrl = saved.headers.get('location').replace('?saved=1', '');
  const shown = decode((await cw.get(moveUrl)).text);
  assert.match(shown, /Transfer the plan to Lancashire County Council/);
  assert.match(shown, /20 November 2026/);
  assert.match(shown, /reg 15\(2\)\(b\)/);
  assert.match(decode((await cw.get(`/children/${childId}`)).text), /Moving out to Lancashire County Council/);
  const list = decode((await cw.get('/moves')).text);
  assert.match(list, new RegExp(`href="${moveUrl}"`));
  // A provider not involved with the child cannot read the move.
  const other = await clients.provider.json('GET', `/api/v1${moveUrl}`);
  assert.ok([403, 404].includes(other.status), String(other.status));
});

test('a plan moved in: tell the family within 6 weeks, review by the later of 12 months and 3 months', async () => {
  const cw = clients.caseworker;
  const headers = { 'x-csrf-token': (await cw.json('GET', '/api/v1/me')).data.csrf_token };
  const created = await cw.json('POST', `/api/v1/children/${childId}/moves`, {
    direction: 'in', other_authority: 'Cumberland Council', moved_on: '2026-10-30', transferred_on: '2026-11-02',
    plan_last_reviewed_on: '2026-03-10',
  }, { headers });
  assert.equal(created.status, 201, created.text);
  const move = created.data;
  const due = Object.fromEntries(move.steps.map((s) => [s.what.split(' ')[0], s]));
  // 6 weeks beginning with 2 November: 13 December (reg 15(4)).
  assert.equal(due.Tell.due, '2026-12-13');
  // 12 months from 10 March 2026 (9 March 2027) is later than 3 months from
  // the transfer (1 February 2027): reg 15(5).
  assert.equal(due.Review.due, '2027-03-09');
  assert.match(due.Review.basis, /reg 15\(5\)/);

  // Told before the plan arrived: refused, naming the field; nothing written.
  const bad = await cw.json('PUT', `/api/v1/moves/${move.id}`, {
    other_authority: 'Cumberland Council', moved_on: '2026-10-30', transferred_on: '2026-11-02',
    plan_last_reviewed_on: '2026-03-10', family_told_on: '2026-11-01', will_assess: 'no', version: String(move.version),
  }, { headers });
  assert.equal(bad.status, 400);
  assert.ok(bad.data.fields.some((f) => f.field === 'family_told_on'));
  assert.equal((await cw.json('GET', `/api/v1/moves/${move.id}`)).data.family_told_on, null);

  const told = await cw.json('PUT', `/api/v1/moves/${move.id}`, {
    other_authority: 'Cumberland Council', moved_on: '2026-10-30', transferred_on: '2026-11-02',
    plan_last_reviewed_on: '2026-03-10', family_told_on: '2026-11-20', will_assess: 'no', version: String(move.version),
  }, { headers });
  assert.equal(told.status, 200, told.text);
  assert.equal(told.data.family_told_on, '2026-11-20');
  assert.equal(told.data.steps.find((s) => s.what.startsWith('Tell')).status, 'done_on_time');
  // The same version again: someone else's change would be lost, so refused.
  const stale = await cw.json('PUT', `/api/v1/moves/${move.id}`, {
    other_authority: 'Cumberland Council', moved_on: '2026-10-30', version: String(move.version),
  }, { headers });
  assert.equal(stale.status, 409);
});

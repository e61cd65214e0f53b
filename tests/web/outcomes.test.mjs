// Outcomes counted by provider and kind of provision: recording a review moves
// exactly the outcomes a provider serves in that plan from "not yet reviewed"
// to the progress recorded, worked out here from the plan itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let cw;

before(async () => {
  server = await startServer({ demo: true });
  cw = new Client(server.url);
  const f = await cw.get('/sign-in');
  const r = await cw.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email('caseworker'), password: PASSWORD });
  assert.equal(r.status, 303);
});
after(async () => { await server?.stop(); });

test('a review moves the outcomes each provider serves from not yet reviewed to their progress', async () => {
  // The most overdue review: the plan has no review on record in Tandem.
  const due = (await cw.json('GET', '/api/v1/reviews')).data.reviews[0];
  assert.ok(due.days_left < 0, 'an overdue plan');
  const plan = (await cw.json('GET', `/api/v1/plans/${due.plan_id}`)).data;
  const outcomeIds = new Set(plan.outcomes.map((o) => o.id));
  const served = new Map();  // provider -> outcomes its lines serve in this plan
  for (const line of plan.provision) {
    const name = line.provider?.name ?? line.provider;
    if (!name) continue;
    for (const id of line.outcome_ids ?? []) {
      if (!outcomeIds.has(id)) continue;
      if (!served.has(name)) served.set(name, new Set());
      served.get(name).add(id);
    }
  }
  assert.ok(served.size > 0, 'the plan has provision serving its outcomes');
  const before = (await cw.json('GET', '/api/v1/performance/outcomes')).data;

  const headers = { 'x-csrf-token': (await cw.json('GET', '/api/v1/me')).data.csrf_token };
  const progress = plan.outcomes.map((o) => ({ outcome_id: o.id, progress: 'achieved' }));
  const meeting = await cw.json('POST', `/api/v1/plans/${due.plan_id}/reviews`,
    { meeting_on: new Date().toISOString().slice(0, 10), lead: 'council', recommendation: 'maintain', progress },
    { headers });
  assert.equal(meeting.status, 201, meeting.text);

  const after = (await cw.json('GET', '/api/v1/performance/outcomes')).data;
  for (const [name, ids] of served) {
    const b = before.by_provider[name], a = after.by_provider[name];
    assert.ok(b && a, name);
    assert.equal(a.achieved, b.achieved + ids.size, `${name}: achieved`);
    assert.equal(a.not_yet_reviewed, b.not_yet_reviewed - ids.size, `${name}: not yet reviewed`);
  }
  const page = await cw.get('/performance/outcomes');
  assert.equal(page.status, 200);
  assert.match(page.text, /By provider/);
  assert.match(page.text, /By kind of provision/);
});

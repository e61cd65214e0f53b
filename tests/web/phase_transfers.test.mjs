// Phase transfers (SEND Regulations 2014 reg 18(1)) as a caseworker sees them:
// every child with a final plan who changes phase next September, worked out
// here from each child's date of birth (not by Tandem's own code), with the
// last day the amended plan is in time. Amending the plan marks it done.
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

const iso = (d) => d.toISOString().slice(0, 10);

// The school year starting next September, and the year group a child born on
// `dob` enters then: age on 31 August of that year, less 4 (reception = 0).
function nextSchoolYear(today) {
  return today.getUTCMonth() >= 8 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
}
function yearGroupEntering(dob, year) {
  const [y, m, d] = dob.split('-').map(Number);
  let age = year - y;
  if (m > 8 || (m === 8 && d > 31)) age -= 1;
  return age - 4;
}

async function allTransfers() {
  const first = await cw.json('GET', '/api/v1/phase-transfers');
  assert.equal(first.status, 200);
  const rows = [...first.data.transfers];
  for (let p = 2; p <= first.data.pages; p++) rows.push(...(await cw.json('GET', `/api/v1/phase-transfers?page=${p}`)).data.transfers);
  return { summary: first.data, rows };
}

test('every listed child enters reception, Year 7 or Year 12 next September, with the reg 18 deadline', async () => {
  const { summary, rows } = await allTransfers();
  const year = nextSchoolYear(new Date());
  assert.equal(summary.school_year, year);
  assert.ok(rows.length > 0, 'the demo area has children changing phase');
  assert.equal(rows.length, summary.total);
  assert.equal(summary.overdue + summary.to_do + summary.done, summary.total);
  const seenKinds = new Set();
  for (const r of rows.slice(0, 40)) {
    const child = (await cw.json('GET', `/api/v1/children/${r.child_id}`)).data;
    const group = yearGroupEntering(child.date_of_birth, year);
    const expected = { 0: 'reception', 7: 'year_7', 12: 'year_12' }[group];
    assert.equal(r.into_year_group, expected, `${child.date_of_birth} enters year group ${group} in ${year}`);
    assert.equal(r.transfer_on, `${year}-09-01`);
    // "before 15 February" / "before 31 March": the last day in time is the day before.
    assert.equal(r.amended_plan_due, r.kind === 'post16' ? `${year}-03-30` : `${year}-02-14`);
    assert.equal(r.kind, group === 12 ? 'post16' : 'school');
    assert.match(r.basis, /reg 18\(1\)/);
    seenKinds.add(r.kind);
  }
  assert.ok(seenKinds.has('school'));
  // Overdue first, then those still to do, soonest deadline first; done last.
  const rank = { overdue: 0, to_do: 1, done: 2 };
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1], b = rows[i];
    assert.ok(rank[a.status] < rank[b.status] || (rank[a.status] === rank[b.status] && a.days_left <= b.days_left),
      `${a.status} ${a.days_left} before ${b.status} ${b.days_left}`);
  }
});

test('amending the plan after a review marks the transfer done', async () => {
  const { rows } = await allTransfers();
  const row = rows.find((r) => r.status !== 'done');
  assert.ok(row, 'a transfer still to do');
  const plan = (await cw.json('GET', `/api/v1/plans/${row.plan_id}`)).data;
  const progress = plan.outcomes.map((o) => ({ outcome_id: o.id, progress: 'on_track' }));
  const headers = { 'x-csrf-token': (await cw.json('GET', '/api/v1/me')).data.csrf_token };
  const today = iso(new Date());
  const meeting = await cw.json('POST', `/api/v1/plans/${row.plan_id}/reviews`,
    { meeting_on: today, lead: 'school', recommendation: 'amend', views: 'Visited the secondary school', progress },
    { headers });
  assert.equal(meeting.status, 201, JSON.stringify(meeting.data));
  const review = meeting.data;
  const decided = await cw.json('POST', `/api/v1/reviews/${review.id}/decision`,
    { decision: 'amend', decided_on: today, amendments: 'Name the secondary school in section I', version: String(review.version) },
    { headers });
  assert.equal(decided.status, 200, JSON.stringify(decided.data));
  const issued = await cw.json('POST', `/api/v1/reviews/${review.id}/amended-plan`,
    { amended_on: today, version: String(decided.data.version) }, { headers });
  assert.equal(issued.status, 200, JSON.stringify(issued.data));
  const after = (await allTransfers()).rows.find((r) => r.plan_id === row.plan_id);
  assert.equal(after.status, 'done');
  assert.equal(after.last_issued_on, today);

  const page = await cw.get('/phase-transfers');
  assert.equal(page.status, 200);
  assert.match(page.text, /Phase transfers in September \d{4}/);
  assert.match(page.text, /before 15 February/);
});

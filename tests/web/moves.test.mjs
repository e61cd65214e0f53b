// Moving between councils with a plan (SEND Regulations 2014 reg 15), as a
// caseworker records it: a move out with its transfer deadline in working
// days, a move in with the letter and review dates, bad input refused naming
// the field with nothing written, and a stale version refused; the letter of
// reg 15(4) composed, kept and printed; a plan transferred out ended that day,
// off the review and phase transfer lists and ceased on the SEN2 return; and
// the list's figures row by row.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { Client, csrfFrom, startServer, tandemBin } from './harness.mjs';
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

  // The letter of reg 15(4) says whether the council will amend the plan, and
  // why it will not assess afresh: both asked for, by field, nothing written.
  const told_form = {
    other_authority: 'Cumberland Council', moved_on: '2026-10-30', transferred_on: '2026-11-02',
    plan_last_reviewed_on: '2026-03-10', family_told_on: '2026-11-20', will_assess: 'no', version: String(move.version),
  };
  const noAmend = await cw.json('PUT', `/api/v1/moves/${move.id}`, told_form, { headers });
  assert.equal(noAmend.status, 400);
  assert.deepEqual(noAmend.data.fields.map((f) => f.field), ['will_amend']);
  const noReason = await cw.json('PUT', `/api/v1/moves/${move.id}`, { ...told_form, will_amend: 'no' }, { headers });
  assert.equal(noReason.status, 400);
  assert.deepEqual(noReason.data.fields.map((f) => f.field), ['letter_reason']);
  const unchanged = (await cw.json('GET', `/api/v1/moves/${move.id}`)).data;
  assert.equal(unchanged.family_told_on, null);
  assert.deepEqual(unchanged.letters, []);

  const told = await cw.json('PUT', `/api/v1/moves/${move.id}`, {
    ...told_form, will_amend: 'no', letter_reason: 'The plan from Cumberland Council was reviewed in March and is up to date.',
  }, { headers });
  assert.equal(told.status, 200, told.text);
  assert.equal(told.data.family_told_on, '2026-11-20');
  assert.equal(told.data.will_amend, false);
  assert.equal(told.data.steps.find((s) => s.what.startsWith('Tell')).status, 'done_on_time');
  assert.equal(told.data.letters.length, 1);
  const [sent] = told.data.letters;
  assert.equal(sent.kind, 'transfer_in_no_assessment');
  assert.equal(sent.issued_on, '2026-11-20', 'the letter is dated the day the family is told, closing the 6 weeks');

  // The letter as kept and printed: reg 15(4)(a)-(c), the amend decision, the
  // appeal right with its last day (2 months, Tribunal Rules r20), mediation
  // (reg 32), the information, advice and support service and disagreement
  // resolution.
  const letter = await cw.get(`/letters/${sent.id}`);
  assert.equal(letter.status, 200);
  const text = decode(letter.text);
  assert.match(text, /Cumberland Council transferred .* education, health and care \(EHC\) plan to us on 2 November 2026/);
  assert.match(text, /We do not propose to carry out a new education, health and care \(EHC\) needs assessment/);
  assert.match(text, /reviewed in March and is up to date/);
  assert.match(text, /We do not propose to amend the plan now/);
  assert.match(text, /We will review the plan by 9 March 2027/);
  assert.match(text, /Your right to appeal: by 20 January 2027/);
  assert.match(text, /against our decision not to carry out a new EHC needs assessment/);
  assert.match(text, /Mediation: before you appeal/);
  assert.match(text, /Contact the mediation adviser by 20 January 2027/);
  assert.match(text, /information, advice and support/);
  assert.match(text, /Disagreement resolution/);
  assert.match(text, /reg 15\(3\)-\(5\)/);
  assert.match(decode((await cw.get(`/moves/${move.id}`)).text), new RegExp(`href="/letters/${sent.id}"`));

  // What the letter said is kept as sent: a different day is refused, naming
  // the field; leaving the fields out keeps them.
  const moved = await cw.json('PUT', `/api/v1/moves/${move.id}`, {
    ...told_form, family_told_on: '2026-11-21', will_amend: 'no', version: String(told.data.version),
  }, { headers });
  assert.equal(moved.status, 400);
  assert.ok(moved.data.fields.some((f) => f.field === 'family_told_on' && /kept as sent/.test(f.message)));
  const renamed = await cw.json('PUT', `/api/v1/moves/${move.id}`, {
    other_authority: 'Cumberland Council', moved_on: '2026-10-29', version: String(told.data.version),
  }, { headers });
  assert.equal(renamed.status, 200, renamed.text);
  assert.equal(renamed.data.family_told_on, '2026-11-20');
  assert.equal(renamed.data.letters.length, 1, 'no second letter');
  // The same version again: someone else's change would be lost, so refused.
  const stale = await cw.json('PUT', `/api/v1/moves/${move.id}`, {
    other_authority: 'Cumberland Council', moved_on: '2026-10-30', version: String(move.version),
  }, { headers });
  assert.equal(stale.status, 409);
});

test('a family told a new assessment is coming gets the letter of reg 15(4) from the page', async () => {
  const cw = clients.caseworker;
  const form = await cw.get(`/children/${childId}/moves/new`);
  const token = csrfFrom(form.text);
  const saved = await cw.postForm(`/children/${childId}/moves`, {
    csrf_token: token, direction: 'in', other_authority: 'Wigan Council', moved_on: '2026-09-01',
    transferred_on: '2026-09-01', plan_last_reviewed_on: '2026-08-20',
  });
  assert.equal(saved.status, 303);
  const moveUrl = saved.headers.get('location').replace('?saved=1', '');
  const page = await cw.get(moveUrl);
  assert.match(page.text, /name="will_amend"/);
  const version = /name="version" value="(\d+)"/.exec(page.text)[1];
  const told = await cw.postForm(moveUrl, {
    csrf_token: csrfFrom(page.text), version, other_authority: 'Wigan Council', moved_on: '2026-09-01',
    transferred_on: '2026-09-01', plan_last_reviewed_on: '2026-08-20', family_told_on: '2026-10-02',
    will_assess: 'yes', will_amend: 'yes',
  });
  assert.equal(told.status, 303, told.text);
  const shown = decode((await cw.get(moveUrl)).text);
  assert.doesNotMatch(shown, /name="family_told_on"/, 'once sent, the letter is shown, not edited');
  const link = /href="\/letters\/([^"]+)"/.exec(shown);
  assert.ok(link, 'the move links its letter');
  const text = decode((await cw.get(`/letters/${link[1]}`)).text);
  assert.match(text, /We propose to carry out a new education, health and care \(EHC\) needs assessment/);
  assert.match(text, /We propose to amend the plan/);
  // Reg 15(5): 12 months from the old council's review on 20 August 2026 (19
  // August 2027) is later than 3 months from the transfer (30 November 2026).
  assert.match(text, /We will review the plan by 19 August 2027/);
  assert.doesNotMatch(text, /Your right to appeal/, 'a decision to assess is not one to appeal');
  assert.match(text, /information, advice and support/);
});

test('recording a plan transferred out ends it that day: off the lists, ceased on the SEN2 return', async () => {
  const cw = clients.caseworker;
  const manager = new Client(server.url);
  {
    const f = await manager.get('/sign-in');
    await manager.postForm('/sign-in', { csrf_token: csrfFrom(f.text), email: email('sen_manager'), password: PASSWORD });
  }
  // A child due a phase transfer whose plan was last reviewed before December
  // 2025, so it was made long before the move.
  const transfers = (await manager.json('GET', '/api/v1/phase-transfers')).data;
  const reviews = [];
  for (let page = 1; ; page++) {
    const r = (await manager.json('GET', `/api/v1/reviews?page=${page}`)).data;
    reviews.push(...r.reviews);
    if (page >= r.pages) break;
  }
  const reviewsBefore = reviews.length;
  const row = transfers.transfers.find((t) => t.child_id !== childId && reviews.some(
    (r) => r.plan_id === t.plan_id && r.last_event_is_review && r.last_event < '2025-12-01'));
  assert.ok(row, 'the demo has a child with a phase transfer ahead and an old plan');

  const form = await cw.get(`/children/${row.child_id}/moves/new`);
  const created = await cw.postForm(`/children/${row.child_id}/moves`, {
    csrf_token: csrfFrom(form.text), direction: 'out', other_authority: 'Trafford Council', moved_on: '2025-12-15',
    learned_on: '2025-12-01',
  });
  assert.equal(created.status, 303);
  const moveUrl = created.headers.get('location').replace('?saved=1', '');
  assert.equal((await cw.json('GET', `/api/v1/plans/${row.plan_id}`)).data.status, 'maintained');
  const page = await cw.get(moveUrl);
  const version = /name="version" value="(\d+)"/.exec(page.text)[1];
  const sent = await cw.postForm(moveUrl, {
    csrf_token: csrfFrom(page.text), version, other_authority: 'Trafford Council', moved_on: '2025-12-15',
    learned_on: '2025-12-01', transferred_on: '2025-12-15',
  });
  assert.equal(sent.status, 303, sent.text);

  // The plan: ended on the transfer day, reason 5 of SEN2's CeaseReason list.
  const plan = (await cw.json('GET', `/api/v1/plans/${row.plan_id}`)).data;
  assert.equal(plan.status, 'ended');
  assert.equal(plan.ended_on, '2025-12-15');
  assert.equal(plan.end_reason, 'moved_la');
  assert.equal(plan.sen2_cease_reason, 5);
  const planPage = decode((await cw.get(`/plans/${row.plan_id}`)).text);
  assert.match(planPage, /This plan ended on 15 December 2025: Moved to another council/);
  assert.doesNotMatch(planPage, /href="\/plans\/[^"]+\/cease"/, 'an ended plan is not ceased again');

  // The family's notice (reg 15(2)), kept with the move and printable.
  const move = (await cw.json('GET', `/api/v1${moveUrl}`)).data;
  assert.equal(move.letters.length, 1);
  assert.equal(move.letters[0].kind, 'transfer_out');
  assert.equal(move.letters[0].issued_on, '2025-12-15');
  const notice = decode((await cw.get(`/letters/${move.letters[0].id}`)).text);
  assert.match(notice, /to Trafford Council on 15 December 2025/);
  assert.match(notice, /Trafford Council must write to you by 25 January 2026, 6 weeks from the transfer/);

  // Off the lists a caseworker works from.
  const after = [];
  for (let p = 1; ; p++) {
    const r = (await manager.json('GET', `/api/v1/reviews?page=${p}`)).data;
    after.push(...r.reviews);
    if (p >= r.pages) break;
  }
  assert.equal(after.length, reviewsBefore - 1);
  assert.ok(!after.some((r) => r.plan_id === row.plan_id), 'reviews due');
  const transfersAfter = (await manager.json('GET', '/api/v1/phase-transfers')).data.transfers;
  assert.ok(!transfersAfter.some((t) => t.plan_id === row.plan_id), 'phase transfers');

  // The transfer day cannot move: the family was told it.
  const again = await cw.json('PUT', `/api/v1${moveUrl}`, {
    other_authority: 'Trafford Council', moved_on: '2025-12-15', learned_on: '2025-12-01',
    transferred_on: '2025-12-16', version: String(move.version),
  }, { headers: { 'x-csrf-token': (await cw.json('GET', '/api/v1/me')).data.csrf_token } });
  assert.equal(again.status, 400);
  assert.ok(again.data.fields.some((f) => f.field === 'transferred_on'));

  // The SEN2 return for 2026 (census January 2026) exports the plan as ceased
  // on the transfer day, reason 5.
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-moves-'));
  const out = path.join(dir, 'sen2.xml');
  try {
    await promisify(execFile)(tandemBin, ['export', 'sen2', '--database', server.database, '--area', 'demo',
      '--year', '2026', '--out', out, '--dmo', 'Y', '--dco', 'Y']);
  } catch (error) {
    // 3: written, with validation errors elsewhere in the demo's data.
    if (error.code !== 3) throw error;
  }
  const xml = await readFile(out, 'utf8');
  const child = (await cw.json('GET', `/api/v1/children/${row.child_id}`)).data;
  const person = xml.split('<Person>').find((p) => p.includes(`<Surname>${child.family_name}</Surname>`)
    && p.includes(`<Forename>${child.given_name}</Forename>`) && p.includes(`<PersonBirthDate>${child.date_of_birth}`));
  assert.ok(person, 'the child is on the return');
  assert.match(person, /<CeaseDate>2025-12-15<\/CeaseDate>\s*<CeaseReason>5<\/CeaseReason>/);
});

test('the demo\'s moves have their letters, and its plans transferred out have ended', async () => {
  const cw = clients.caseworker;
  const list = (await cw.json('GET', '/api/v1/moves')).data.moves;
  const told = list.filter((m) => m.direction === 'in' && m.family_told_on && m.other_authority !== 'Cumberland Council'
    && m.other_authority !== 'Wigan Council');
  const gone = list.filter((m) => m.direction === 'out' && m.transferred_on && m.other_authority !== 'Trafford Council');
  assert.ok(told.length > 0 && gone.length > 0, `${told.length} told, ${gone.length} transferred out`);
  for (const m of told) {
    const one = (await cw.json('GET', `/api/v1/moves/${m.id}`)).data;
    assert.deepEqual(one.letters.map((l) => [l.kind.startsWith('transfer_in_'), l.issued_on]), [[true, m.family_told_on]], m.id);
  }
  for (const m of gone) {
    const one = (await cw.json('GET', `/api/v1/moves/${m.id}`)).data;
    assert.deepEqual(one.letters.map((l) => [l.kind, l.issued_on]), [['transfer_out', m.transferred_on]], m.id);
    const record = decode((await cw.get(`/children/${m.child_id}`)).text);
    assert.match(record, /Final plan, ended \d+ \w+ \d{4} \(transferred to another council\)/, m.child_id);
  }
});

test('the moves list shows each row\'s own figures', async () => {
  const cw = clients.caseworker;
  const list = (await cw.json('GET', '/api/v1/moves')).data.moves;
  assert.ok(list.length >= 5, `several moves (${list.length})`);
  const html = decode((await cw.get('/moves')).text);
  for (const m of list) {
    const one = (await cw.json('GET', `/api/v1/moves/${m.id}`)).data;
    // The list's row and the move opened alone agree, step by step.
    assert.deepEqual(m.steps, one.steps, m.id);
    const next = one.steps.find((s) => !s.status.startsWith('done'));
    const row = html.slice(html.indexOf(`href="/moves/${m.id}"`));
    const cells = row.slice(0, row.indexOf('</tr>'));
    if (next) {
      const [y, mo, d] = next.due.split('-').map(Number);
      const long = new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      assert.ok(cells.includes(`${next.what} by ${long}`), `${m.id}: ${next.what} by ${long}`);
    }
  }
});

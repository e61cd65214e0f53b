// Families' voice in the Local Offer: anyone can give feedback or ask for
// provision the offer does not list, with no sign-in and no JavaScript, but
// never without the form's token; the SEND team triages feedback and
// publishes a summary and response on "You said, we did" (never the comment
// or the contact); the six-monthly report counts feedback per service and per
// need (page and CSV); a request is checked against five criteria and decided
// with reasons, and a decision to add it creates a draft service the staff
// edit pages complete; the gaps report weighs the caseload against the offer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { checkAxe, Client, csrfFrom, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let browser;
const staff = {};

async function signedIn(role) {
  const client = new Client(server.url);
  const form = await client.get('/sign-in');
  const res = await client.postForm('/sign-in', { csrf_token: csrfFrom(form.text), email: email(role), password: PASSWORD });
  assert.equal(res.status, 303, role);
  return client;
}

async function api(client, method, path, body) {
  const me = await client.json('GET', '/api/v1/me');
  return client.json(method, path, body, { headers: { 'x-csrf-token': me.data.csrf_token } });
}

before(async () => {
  server = await startServer({ demo: true });
  for (const role of ['sen_manager', 'caseworker', 'icb_commissioner', 'board_member', 'provider']) {
    staff[role] = await signedIn(role);
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const aService = async () =>
  (await new Client(server.url).json('GET', '/api/oruk/services?search=swimming&per_page=1')).data.contents[0];

test('a family gives feedback with no sign-in; the form needs its token and names each wrong field', async () => {
  const service = await aService();
  const family = new Client(server.url);
  const form = await family.get(`/local-offer/feedback?service=${service.id}`);
  assert.equal(form.status, 200);
  assert.match(form.text, new RegExp(service.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '&#39;')));
  const token = csrfFrom(form.text);
  assert.ok(token);

  const forged = await new Client(server.url).postForm('/local-offer/feedback',
    { service_id: service.id, from: 'parent_carer', comment: 'Forged' });
  assert.equal(forged.status, 403, 'no token, no feedback');
  const stolen = await new Client(server.url).postForm('/local-offer/feedback',
    { csrf_token: token, service_id: service.id, from: 'parent_carer', comment: 'Token without its cookie' });
  assert.equal(stolen.status, 403, 'a token only works with the cookie it was issued for');

  const bad = await family.postForm('/local-offer/feedback',
    { csrf_token: token, service_id: service.id, from: 'grandparent', comment: '  ' });
  assert.equal(bad.status, 400);
  for (const field of ['from', 'comment']) assert.match(bad.text, new RegExp(`<a href="#${field}">`), field);

  const comment = `The phone number rings out ${Date.now()}`;
  const good = await family.postForm('/local-offer/feedback',
    { csrf_token: token, service_id: service.id, from: 'parent_carer', comment, contact: 'sam@example.org' });
  assert.equal(good.status, 303);
  assert.equal(good.location, '/local-offer/feedback/sent');
  assert.equal((await family.get('/local-offer/feedback/sent')).status, 200);

  const list = await staff.sen_manager.json('GET', '/api/v1/feedback?status=new');
  const item = list.data.feedback.find((f) => f.comment === comment);
  assert.ok(item, 'the SEND team sees it as new');
  assert.equal(item.service_id, service.id);
  assert.equal(item.contact, 'sam@example.org');
  assert.equal(item.published_on, null);
  const page = await staff.sen_manager.get('/feedback');
  assert.match(page.text, /The phone number rings out/);
});

test('triage publishes a summary and response, never the comment or contact; bad triage writes nothing', async () => {
  const family = new Client(server.url);
  const token = await family.csrfFor('/local-offer/feedback');
  const comment = `Nothing for teenagers near QS4 7RW, ring me on 07700 900123 (${Date.now()})`;
  assert.equal((await family.postForm('/local-offer/feedback',
    { csrf_token: token, from: 'parent_carer', comment, contact: 'private@example.org' })).status, 303);
  const item = (await staff.sen_manager.json('GET', '/api/v1/feedback?status=new')).data.feedback
    .find((f) => f.comment === comment);
  assert.equal(item.service_id, null, 'about the Local Offer as a whole');

  const path = `/feedback/${item.id}`;
  const form = await staff.sen_manager.get(path);
  assert.equal(form.status, 200);
  const csrf = csrfFrom(form.text);
  const personal = await staff.sen_manager.postForm(path, {
    csrf_token: csrf, version: '1', status: 'triaged', category: 'gap', need_code: 'ASD',
    you_said: 'Call 07700 900123', we_did: 'Added clubs', publish: 'yes' });
  assert.equal(personal.status, 400);
  assert.match(personal.text, /<a href="#you_said">/);
  assert.match(personal.text, /<a href="#publish">/);
  assert.equal((await staff.sen_manager.json('GET', `/api/v1/feedback/${item.id}`)).data.status, 'new', 'nothing saved');

  const triaged = await staff.sen_manager.postForm(path,
    { csrf_token: csrf, version: '1', status: 'triaged', category: 'gap', need_code: 'ASD' });
  assert.equal(triaged.status, 303);
  const youSaid = `Teenagers had too few clubs (ref ${item.id.slice(-4)})`;
  const answered = await api(staff.sen_manager, 'PUT', `/api/v1/feedback/${item.id}`, {
    status: 'responded', category: 'gap', need_code: 'ASD', you_said: youSaid,
    we_did: 'We commissioned two youth clubs for autistic teenagers.', publish: 'yes', version: 2 });
  assert.equal(answered.status, 200, answered.text);
  assert.ok(answered.data.published_on);
  const stale = await api(staff.sen_manager, 'PUT', `/api/v1/feedback/${item.id}`,
    { status: 'closed', category: 'gap', version: 2 });
  assert.equal(stale.status, 409);

  const published = await new Client(server.url).get('/local-offer/you-said-we-did');
  assert.equal(published.status, 200);
  assert.match(published.text, new RegExp(youSaid.replace(/[()]/g, '\\$&')));
  assert.match(published.text, /We commissioned two youth clubs/);
  assert.doesNotMatch(published.text, /07700|private@example|QS4 7RW/, 'no personal data');
  const open = await new Client(server.url).json('GET', '/api/v1/feedback/published');
  assert.equal(open.status, 200);
  const entry = open.data.items.find((i) => i.you_said === youSaid);
  assert.ok(entry);
  assert.deepEqual(Object.keys(entry).sort(), ['category', 'published_on', 'service_id', 'service_name', 'we_did', 'you_said']);
  const audit = await staff.sen_manager.get('/audit');
  assert.match(audit.text, /feedback\.triage/);
  assert.match(audit.text, /feedback\.receive/);
});

test('the demo shows real work: published responses, feedback at every status, requests at every stage', async () => {
  const published = await new Client(server.url).json('GET', '/api/v1/feedback/published');
  assert.ok(published.data.items.length >= 10, `${published.data.items.length} published`);
  const all = (await staff.sen_manager.json('GET', '/api/v1/feedback')).data.feedback;
  for (const status of ['new', 'triaged', 'responded', 'closed']) {
    assert.ok(all.some((f) => f.status === status), status);
  }
  const requests = (await staff.sen_manager.json('GET', '/api/v1/provision-requests')).data.requests;
  for (const stage of ['received', 'verifying', 'decided']) assert.ok(requests.some((r) => r.stage === stage), stage);
  for (const d of ['add_to_offer', 'fund_for_child', 'decline']) assert.ok(requests.some((r) => r.decision === d), d);
});

test('the six-monthly report counts by service and by need, as a page and as CSV', async () => {
  const now = new Date();
  const half = now.getUTCMonth() < 6 ? 1 : 2;
  const current = `${now.getUTCFullYear()}-H${half}`;
  const page = await staff.icb_commissioner.get(`/feedback/report?period=${current}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /By service/);
  assert.match(page.text, /By need/);
  const report = await staff.icb_commissioner.json('GET', `/api/v1/feedback/report?period=${current}`);
  assert.equal(report.status, 200);
  assert.equal(report.data.period, current);
  assert.ok(report.data.total.received >= 2, 'this test file\'s feedback counts');
  assert.equal(report.data.by_service.reduce((n, r) => n + r.received, 0), report.data.total.received);
  assert.equal(report.data.by_need.reduce((n, r) => n + r.received, 0), report.data.total.received);
  const last = await staff.board_member.json('GET', '/api/v1/feedback/report');
  assert.equal(last.status, 200);
  assert.ok(last.data.total.received > 0, 'the last complete half-year has demo feedback');

  const csv = await staff.board_member.request('GET', `/feedback/report.csv?period=${current}`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  const lines = csv.text.trim().split('\n');
  assert.match(lines[0], /^period,about,id,name,received,open,responded,published,information,access,quality,gap,praise,other$/);
  assert.ok(lines.slice(1).every((l) => l.startsWith(`${current},`)));
  for (const bad of ['2026-H3', 'soon', '2999-H1']) {
    const res = await staff.board_member.json('GET', `/api/v1/feedback/report?period=${bad}`);
    assert.equal(res.status, 400, bad);
    assert.equal(res.data.fields[0].field, 'period');
  }
});

test('a family asks for provision; five checks and a decision to add make a draft service in the directory', async () => {
  const family = new Client(server.url);
  const token = await family.csrfFor('/local-offer/requests/new');
  const bad = await family.postForm('/local-offer/requests', { csrf_token: token, provision: '', reason: '', age: '40' });
  assert.equal(bad.status, 400);
  for (const field of ['provision', 'reason', 'age', 'contact']) assert.match(bad.text, new RegExp(`<a href="#${field}">`), field);
  const provision = `Trampoline therapy ${Date.now()}`;
  const sent = await family.postForm('/local-offer/requests', {
    csrf_token: token, provision, provider: 'Bounce Ability CIC', need_code: 'PD', age: '9',
    reason: 'Rebound therapy helps his core strength; physiotherapy alone has not.', contact: 'family@example.org' });
  assert.equal(sent.status, 303);
  const request = (await staff.sen_manager.json('GET', '/api/v1/provision-requests?stage=received')).data.requests
    .find((r) => r.provision === provision);
  assert.ok(request);
  assert.equal(request.source, 'family');
  const path = `/api/v1/provision-requests/${request.id}`;

  const early = await api(staff.sen_manager, 'POST', `${path}/decision`,
    { decision: 'add_to_offer', reasons: 'Looks good', version: 1 });
  assert.equal(early.status, 400);
  assert.match(early.data.fields[0].message, /efficacy, cost, safety, quality and outcomes not yet checked/);

  let version = 1;
  for (const criterion of ['efficacy', 'cost', 'safety', 'quality', 'outcomes']) {
    const res = await api(staff.sen_manager, 'POST', `${path}/checks`,
      { criterion, finding: 'met', note: `Evidence on ${criterion}`, version });
    assert.equal(res.status, 200, res.text);
    version = res.data.version;
  }
  assert.equal((await staff.sen_manager.json('GET', path)).data.stage, 'verifying');
  const noReasons = await api(staff.sen_manager, 'POST', `${path}/decision`, { decision: 'add_to_offer', reasons: '', version });
  assert.equal(noReasons.status, 400);
  assert.equal(noReasons.data.fields[0].field, 'reasons');

  const decided = await api(staff.sen_manager, 'POST', `${path}/decision`,
    { decision: 'add_to_offer', reasons: 'Meets all five criteria', version });
  assert.equal(decided.status, 200, decided.text);
  assert.equal(decided.data.stage, 'decided');
  const serviceId = decided.data.service_id;
  assert.ok(serviceId);
  const again = await api(staff.sen_manager, 'POST', `${path}/decision`,
    { decision: 'decline', reasons: 'Changed our mind', version: decided.data.version });
  assert.equal(again.status, 400, 'decided once');

  const edit = await staff.sen_manager.get(`/directory/services/${serviceId}/edit`);
  assert.equal(edit.status, 200, 'the staff edit page completes the draft');
  assert.match(edit.text, new RegExp(provision));
  const listed = await new Client(server.url).json('GET', `/api/oruk/services/${serviceId}`);
  assert.equal(listed.status, 200);
  assert.equal(listed.data.status, 'inactive', 'a draft until the SEND team completes it');
  assert.deepEqual(listed.data.attributes.filter((a) => a.taxonomy_term.taxonomy === 'SEND needs')
    .map((a) => a.taxonomy_term.term), ['PD']);
  const audit = await staff.sen_manager.get('/audit');
  assert.match(audit.text, /provision_request\.decide/);
  assert.match(audit.text, /directory\.service\.add/);
});

test('a caseworker asks for provision for a child: the request is on the child\'s record and shown only to those involved', async () => {
  const child = await api(staff.caseworker, 'POST', '/api/v1/children', {
    given_name: 'Vera', family_name: 'Voice', date_of_birth: '2016-04-04', sex: 'F', plan_status: 'ehc_plan',
    primary_need: 'SEMH' });
  assert.equal(child.status, 201, child.text);
  const bad = await api(staff.caseworker, 'POST', '/api/v1/provision-requests',
    { child_id: 'no-such-child', provision: 'Forest school', reason: 'Anxiety' });
  assert.equal(bad.status, 400);
  assert.equal(bad.data.fields[0].field, 'child_id');
  const made = await api(staff.caseworker, 'POST', '/api/v1/provision-requests', {
    child_id: child.data.id, provision: 'Forest school sessions', reason: 'Small outdoor groups ease her anxiety',
    need_code: 'SEMH' });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.data.child_name, 'Vera Voice');

  const manager = await staff.sen_manager.json('GET', `/api/v1/provision-requests/${made.data.id}`);
  assert.equal(manager.data.child_name, 'Vera Voice', 'council education is involved');
  const icb = await staff.icb_commissioner.json('GET', `/api/v1/provision-requests/${made.data.id}`);
  assert.equal(icb.status, 200);
  assert.equal(icb.data.child_linked, true);
  assert.equal(icb.data.child_name, undefined, 'the ICB is not involved with this child');
  const page = await staff.icb_commissioner.get(`/provision-requests/${made.data.id}`);
  assert.match(page.text, /Linked to a child&#39;s record you are not involved with|Linked to a child's record you are not involved with/);

  const history = await staff.caseworker.json('GET', `/api/v1/children/${child.data.id}`);
  assert.equal(history.status, 200);
  const audit = await (await signedIn('administrator')).get('/audit');
  assert.match(audit.text, /provision_request\.receive/);
});

test('gaps: the caseload by need and age band against the offer, with the area\'s threshold', async () => {
  const res = await staff.icb_commissioner.json('GET', '/api/v1/gaps');
  assert.equal(res.status, 200);
  assert.equal(res.data.threshold_services_per_100_children, 10, 'from areas/demo.toml');
  assert.ok(res.data.children > 0);
  assert.ok(res.data.rows.length > 0);
  assert.ok(res.data.gaps > 0, 'the demo area has gaps to show');
  const rows = res.data.rows;
  assert.ok(rows[0].gap);
  for (const r of rows) {
    assert.equal(r.gap, r.services_per_100_children < 10, `${r.need_code} ${r.age_band}`);
    assert.ok(['0-4', '5-10', '11-15', '16-19', '20-25'].includes(r.age_band));
  }
  const page = await staff.icb_commissioner.get('/directory/gaps');
  assert.equal(page.status, 200);
  assert.match(page.text, /Too little/);
  assert.match(page.text, /10\.0 services for every 100 children/);
});

test('public forms work with no JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(`${server.url}/local-offer`);
  await Promise.all([page.waitForURL(/\/local-offer\/feedback$/), page.click('text=Give feedback on the Local Offer')]);
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Send feedback")')]);
  assert.match(await page.title(), /^Error: /);
  await page.check('input[value="young_person"]');
  await page.fill('#comment', 'The youth club list is out of date');
  await Promise.all([page.waitForURL(/\/local-offer\/feedback\/sent$/), page.click('button:has-text("Send feedback")')]);
  await page.goto(`${server.url}/local-offer/requests/new`);
  await page.fill('#provision', 'Sensory room sessions');
  await page.fill('#reason', 'Calm space after school');
  await page.fill('#contact', 'a parent, by phone');
  await Promise.all([page.waitForURL(/\/local-offer\/requests\/sent$/), page.click('button:has-text("Send the request")')]);
  await context.close();
});

test('public pages have no accessibility violations', async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(20000);
  const service = await aService();
  for (const path of ['/local-offer', '/local-offer/feedback', `/local-offer/feedback?service=${service.id}`,
    '/local-offer/feedback/sent', '/local-offer/you-said-we-did', '/local-offer/requests/new',
    '/local-offer/requests/sent', `/local-offer/services/${service.id}`]) {
    const res = await page.goto(`${server.url}${path}`);
    assert.equal(res.status(), 200, path);
    await checkAxe(page);
  }
  await page.goto(`${server.url}/local-offer/feedback`);
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Send feedback")')]);
  assert.match(await page.title(), /^Error: /);
  await checkAxe(page);
  await page.goto(`${server.url}/local-offer/requests/new`);
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Send the request")')]);
  assert.match(await page.title(), /^Error: /);
  await checkAxe(page);
  await page.close();
});

test('staff pages have no accessibility violations', async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(20000);
  await signIn(page, server.url, email('sen_manager'), PASSWORD);
  const feedback = (await staff.sen_manager.json('GET', '/api/v1/feedback')).data.feedback[0];
  const request = (await staff.sen_manager.json('GET', '/api/v1/provision-requests?stage=verifying')).data.requests[0];
  for (const path of ['/feedback', '/feedback?status=all', `/feedback/${feedback.id}`, '/feedback/report',
    '/provision-requests', `/provision-requests/${request.id}`, '/provision-requests/new', '/directory/gaps']) {
    const res = await page.goto(`${server.url}${path}`);
    assert.equal(res.status(), 200, path);
    await checkAxe(page);
  }
  await page.goto(`${server.url}/feedback/${feedback.id}`);
  await page.selectOption('#status', 'responded');
  await page.selectOption('#category', '');
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Save")')]);
  assert.match(await page.title(), /^Error: /);
  await checkAxe(page);
  await page.close();
});

// Signing in and out: cookies, CSRF on the sign-in form, throttling, sign-out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, csrfFrom, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
before(async () => { server = await startServer({ demo: true }); });
after(async () => { await server?.stop(); });

async function signInAs(role, password = PASSWORD) {
  const client = new Client(server.url);
  const form = await client.get('/sign-in');
  assert.equal(form.status, 200);
  const res = await client.postForm('/sign-in', { csrf_token: csrfFrom(form.text), email: email(role), password });
  return { client, res };
}

test('a caseworker signs in with an HttpOnly SameSite session cookie and reaches the register', async () => {
  const { client, res } = await signInAs('caseworker');
  assert.equal(res.status, 303);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tandem_session='));
  assert.ok(cookie, 'a session cookie is set');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  const register = await client.get('/children');
  assert.equal(register.status, 200);
  assert.match(register.text, /Children and young people/);
});

test('a wrong password is refused with the GOV.UK error summary and no session', async () => {
  const { res } = await signInAs('caseworker', 'not-the-password');
  assert.equal(res.status, 400);
  assert.match(res.text, /govuk-error-summary/);
  assert.match(res.text, /email address or password is not right/);
  assert.ok(!res.headers.getSetCookie().some((c) => c.startsWith('tandem_session=') && !/Max-Age=0/.test(c)));
});

test('the sign-in form without its CSRF token is refused', async () => {
  const client = new Client(server.url);
  await client.get('/sign-in');
  const res = await client.postForm('/sign-in', { email: email('caseworker'), password: PASSWORD });
  assert.equal(res.status, 403);
});

test('pages need a session: an anonymous visit is sent to sign in, and the API answers 401', async () => {
  const client = new Client(server.url);
  const page = await client.get('/children?q=smith');
  assert.equal(page.status, 303);
  assert.equal(page.location, '/sign-in?next=%2Fchildren%3Fq%3Dsmith');
  const api = await client.get('/api/v1/children');
  assert.equal(api.status, 401);
});

test('after five failures the account is throttled, even with the right password', async () => {
  for (let i = 0; i < 5; i++) {
    const { res } = await signInAs('panel_member', `wrong-${i}-password`);
    assert.equal(res.status, 400);
  }
  const { res } = await signInAs('panel_member');
  assert.equal(res.status, 400);
  assert.match(res.text, /Too many failed attempts/);
});

test('signing out ends the session on the server', async () => {
  const { client } = await signInAs('sen_manager');
  const page = await client.get('/children');
  const csrf = csrfFrom(page.text);
  const out = await client.postForm('/sign-out', { csrf_token: csrf });
  assert.equal(out.status, 303);
  const after = await client.get('/children');
  assert.equal(after.status, 303, 'the old session no longer works');
});

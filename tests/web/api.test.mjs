// The JSON API: tokens, validation errors that name the field, optimistic
// locking, and the OpenAPI description.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { repoRoot, startServer, tandemBin } from './harness.mjs';
import { email } from './accounts.mjs';

let server;
let token;
before(async () => {
  server = await startServer({ demo: true });
  const { stdout } = await promisify(execFile)(tandemBin, ['user', 'token', '--database', server.database,
    '--email', email('caseworker'), '--name', 'tests']);
  token = stdout.trim();
});
after(async () => { await server?.stop(); });

const api = (method, path, body) => fetch(`${server.url}${path}`, {
  method,
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
});

test('an API token reads the register without a session or CSRF token', async () => {
  const res = await api('GET', '/api/v1/children?plan_status=ehc_plan');
  assert.equal(res.status, 200);
  const page = await res.json();
  assert.ok(page.total > 100, `the demo area has plans (${page.total})`);
  assert.equal(page.children.length, 25);
  assert.ok(page.children.every((c) => c.plan_status === 'ehc_plan'));
});

test('bad input answers 400 naming each field, and writes nothing', async () => {
  const before = await (await api('GET', '/api/v1/children?q=Invalidson')).json();
  const res = await api('POST', '/api/v1/children', {
    given_name: 'Ivy', family_name: 'Invalidson', date_of_birth: '2015-02-30', sex: 'Q', plan_status: 'ehc_plan',
  });
  assert.equal(res.status, 400);
  const body = await res.json();
  const fields = body.fields.map((f) => f.field).sort();
  assert.deepEqual(fields, ['date_of_birth', 'primary_need', 'sex']);
  assert.match(body.fields.find((f) => f.field === 'date_of_birth').message, /YYYY-MM-DD/);
  const after = await (await api('GET', '/api/v1/children?q=Invalidson')).json();
  assert.equal(after.total, before.total);
  const notJson = await fetch(`${server.url}/api/v1/children`, {
    method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{not json',
  });
  assert.equal(notJson.status, 400);
  assert.equal((await notJson.json()).fields[0].field, 'body');
  const badFilter = await api('GET', '/api/v1/children?primary_need=XYZ');
  assert.equal(badFilter.status, 400);
});

test('a stale version is refused with 409 and the record keeps the newer change', async () => {
  const created = await (await api('POST', '/api/v1/children', {
    given_name: 'Vera', family_name: 'Version', date_of_birth: '2012-01-31', sex: 'F', plan_status: 'sen_support',
  })).json();
  const record = await (await api('GET', `/api/v1/children/${created.id}`)).json();
  const first = await api('PUT', `/api/v1/children/${created.id}`, { ...record, postcode: 'QB1 2CD', reason: 'moved' });
  assert.equal(first.status, 200);
  const stale = await api('PUT', `/api/v1/children/${created.id}`, { ...record, postcode: 'QC9 9ZZ' });
  assert.equal(stale.status, 409);
  const now = await (await api('GET', `/api/v1/children/${created.id}`)).json();
  assert.equal(now.postcode, 'QB1 2CD');
  assert.equal(now.version, record.version + 1);
});

test('the OpenAPI description is served and names every API route the router serves, with its method', async () => {
  const res = await fetch(`${server.url}/api/v1/openapi.json`);
  assert.equal(res.status, 200);
  const doc = await res.json();
  assert.equal(doc.openapi, '3.0.3');
  // The route table is the truth: read it, so a new route without its description fails here.
  const table = await readFile(path.join(repoRoot, 'src/web/router.cpp'), 'utf8');
  const routes = [...table.matchAll(/Route\{"(GET|POST|PUT|DELETE)", "(\/api\/v1\/[^"]*)"/g)];
  assert.ok(routes.length >= 20, `found ${routes.length} API routes`);
  for (const [, method, route] of routes) {
    if (route === '/api/v1/openapi.json') continue;  // the description itself
    const documented = Object.keys(doc.paths).find((p) => p.replace(/\{[^}]+\}/g, '{}') === route) ?? route;
    const entry = doc.paths[documented];
    assert.ok(entry, `${documented} is described`);
    assert.ok(entry[method.toLowerCase()], `${method} ${documented} is described`);
  }
});

test('a revoked or made-up token is refused', async () => {
  const res = await fetch(`${server.url}/api/v1/children`, { headers: { authorization: 'Bearer made-up' } });
  assert.equal(res.status, 401);
});

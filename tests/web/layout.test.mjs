// The server's health check and the compiled stylesheet it serves at /static/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startServer } from './harness.mjs';

let server;

before(async () => {
  server = await startServer({ demo: false });
});

after(async () => {
  await server?.stop();
});

test('GET /healthz answers 200 ok', async () => {
  const res = await fetch(`${server.url}/healthz`);
  assert.equal(res.status, 200);
  assert.equal((await res.text()).trim(), 'ok');
});

test('GET /static/tandem.css serves GOV.UK Frontend set in Arial, not GDS Transport', async () => {
  const res = await fetch(`${server.url}/static/tandem.css`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/css\b/);
  const css = await res.text();
  assert.match(css, /\.govuk-template\b/);
  assert.match(css, /arial/i);
  assert.doesNotMatch(css, /GDS Transport/i);
});

// How long a staff edit to the Local Offer takes through the API, and whether
// the very next public read shows it, on the demo directory (300 services).
//   node bench/directory_edits.mjs [EDITS]
// Serves the demo area from a temporary SQLite database, signs in as the demo
// SEN manager and, EDITS times one after another: renames an organisation
// (PUT), reads one of its services from the public Open Referral UK feed, adds
// opening times to the service (POST) and removes them (DELETE), then adds a
// price (POST) and reads the feed for it. Prints the median and
// 95th-percentile time of each and how many edits the next read missed.
import { performance } from 'node:perf_hooks';

import { Client, csrfFrom, startServer } from '../tests/web/harness.mjs';
import { PASSWORD, email } from '../tests/web/accounts.mjs';

const edits = Number(process.argv[2] ?? 50);
const server = await startServer({ demo: true });
try {
  const staff = new Client(server.url);
  const form = await staff.get('/sign-in');
  await staff.postForm('/sign-in', { csrf_token: csrfFrom(form.text), email: email('sen_manager'), password: PASSWORD });
  const headers = { 'x-csrf-token': (await staff.json('GET', '/api/v1/me')).data.csrf_token };
  const feed = new Client(server.url);
  const service = (await feed.json('GET', '/api/oruk/services?per_page=1')).data.contents[0];
  const org = service.organization_id;
  let version = (await staff.json('GET', `/api/v1/directory/organisations/${org}`)).data.version;
  const times = { put: [], read: [], post: [], delete: [], cost: [], costRead: [] };
  const timed = async (kind, call, want) => {
    const start = performance.now();
    const res = await call();
    times[kind].push(performance.now() - start);
    if (res.status !== want) throw new Error(`${kind} answered ${res.status}: ${res.text.slice(0, 300)}`);
    return res;
  };
  let missed = 0;
  for (let i = 1; i <= edits; i++) {
    const name = `Bench organisation ${i}`;
    await timed('put', () => staff.json('PUT', `/api/v1/directory/organisations/${org}`,
      { name, description: 'Edited by the bench.', version }, { headers }), 200);
    version += 1;
    const read = await timed('read', () => feed.json('GET', `/api/oruk/services/${service.id}`), 200);
    if (read.data.organization.name !== name) missed += 1;
    const sv = (await staff.json('GET', `/api/v1/directory/services/${service.id}/schedules`)).data.version;
    const added = await timed('post', () => staff.json('POST', `/api/v1/directory/services/${service.id}/schedules`,
      { byday: ['SA'], opens_at: '10:00', closes_at: '11:00', description: `bench ${i}`, version: sv }, { headers }), 201);
    const id = added.data.schedules.find((s) => s.description === `bench ${i}`).id;
    await timed('delete', () => staff.json('DELETE',
      `/api/v1/directory/services/${service.id}/schedules/${id}?version=${sv + 1}`, undefined, { headers }), 200);
    const option = `Bench price ${i}`;
    await timed('cost', () => staff.json('POST', `/api/v1/directory/services/${service.id}/costs`,
      { option, amount: '2.50', currency: 'GBP', amount_description: 'per session', version: sv + 2 }, { headers }), 201);
    const priced = await timed('costRead', () => feed.json('GET', `/api/oruk/services/${service.id}`), 200);
    if (!priced.data.cost_options.some((c) => c.option === option)) missed += 1;
  }
  const line = (label, values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))].toFixed(2);
    console.log(`${label.padEnd(46)} median ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`);
  };
  console.log(`edits=${edits} on the demo directory`);
  line('PUT organisation (audited, feed refreshed)', times.put);
  line('GET /api/oruk/services/{id} right after', times.read);
  line('POST opening times', times.post);
  line('DELETE opening times', times.delete);
  line('POST a price', times.cost);
  line('GET /api/oruk/services/{id} right after', times.costRead);
  console.log(`edits the very next public read missed: ${missed} of ${2 * edits}`);
} finally {
  await server.stop();
}

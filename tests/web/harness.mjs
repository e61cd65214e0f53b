// Test harness for Tandem's HTTP integration and browser tests (run with `node --test`).
//
//   startServer({ demo })  a real `tandem serve` on a free port over a throwaway database
//   launchBrowser()        headless Chromium (the system's, never a downloaded one)
//   checkAxe(page)         fails on any WCAG 2.0/2.1/2.2 A or AA violation axe-core finds
//   signIn(page, url, email, password)
//   Client                 fetch with a cookie jar, for HTTP-level tests
//   csrfFrom(html)         the csrf_token of the first form in a page
//
// Environment:
//   TANDEM_BIN           the tandem executable (default: build/tandem in the repository)
//   TANDEM_TEST_POSTGRES a PostgreSQL maintenance URL (postgresql://user:pw@host:port/postgres):
//                        each server gets a database of its own there, dropped when it
//                        stops, so test files run side by side as they do on SQLite
//   TANDEM_DATABASE_URL  one database to use instead (any engine); it is shared by every
//                        server started, so run the test files one at a time
//   TANDEM_TEST_DEMO     a demo database made once for the whole run (sqlite:FILE, or
//                        postgres:NAME on the TANDEM_TEST_POSTGRES server), copied for each
//                        server instead of running `tandem demo` again; what that run printed
//                        is in the file TANDEM_TEST_DEMO_OUTPUT (scripts/web-tests.sh sets both)
//   TANDEM_CHROMIUM      the Chromium executable (default: /usr/bin/chromium)

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);

/** The repository's root directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The tandem executable the tests run. */
export const tandemBin = process.env.TANDEM_BIN
  ? path.resolve(process.env.TANDEM_BIN)
  : path.join(repoRoot, 'build', 'tandem');

const LISTENING = /Tandem is listening on (http:\/\/[^\s/]+)\/?/;
const STARTUP_TIMEOUT_MS = 30_000;

// Servers still running when the test process exits are killed, so a failed test
// never leaves one behind.
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function requireBinary() {
  if (!existsSync(tandemBin)) {
    throw new Error(`${tandemBin} does not exist: build it first (ninja -C build tandem)`);
  }
}

/**
 * Starts `tandem serve --port 0` over a fresh database and waits until GET /healthz
 * answers 200.
 *
 * @param {object} [options]
 * @param {boolean} [options.demo=true]  run `tandem demo` on the database first
 * @param {string[]} [options.args=[]]   extra arguments for `tandem serve`
 * @param {object} [options.env={}]      extra environment variables for the server
 * @param {string} [options.database]    serve this database (e.g. one a test filled) instead of a fresh one
 * @returns {Promise<{url: string, database: string, demoOutput: string,
 *   logs: () => string, stop: () => Promise<void>}>}
 *   url has no trailing slash (`${url}/sign-in`); demoOutput is what `tandem demo`
 *   printed (the demo accounts), '' without demo; logs() is the server's output so far.
 */
export async function startServer({ demo = true, args = [], env = {}, database: given } = {}) {
  requireBinary();
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-web-'));
  // A database the test gives is served as it is: no demo copy, no database of its own.
  const prepared = demo && !given ? preparedDemo() : null;
  const own = process.env.TANDEM_TEST_POSTGRES && !given
    ? await createPostgresDatabase(process.env.TANDEM_TEST_POSTGRES, prepared?.postgresTemplate)
    : null;
  const database = given || own?.url || process.env.TANDEM_DATABASE_URL || `sqlite:${path.join(dir, 't.db')}`;
  const childEnv = { ...process.env, ...env };
  const removeDir = async () => {
    await rm(dir, { recursive: true, force: true });
    if (own) await own.drop();
  };

  let demoOutput = '';
  if (prepared) {
    if (prepared.sqliteFile) await copySqliteDatabase(prepared.sqliteFile, path.join(dir, 't.db'));
    demoOutput = await readFile(prepared.output, 'utf8');
  } else if (demo) {
    try {
      const { stdout } = await execFileAsync(tandemBin, ['demo', '--database', database], {
        cwd: dir,
        env: childEnv,
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      demoOutput = stdout;
    } catch (error) {
      await removeDir();
      throw new Error(`tandem demo failed: ${error.message}\n${error.stderr ?? ''}`);
    }
  }

  const child = spawn(tandemBin, ['serve', '--database', database, '--port', '0', ...args], {
    cwd: dir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);

  // Keep reading both pipes for the server's whole life: a full pipe would block it.
  let output = '';
  const keep = (chunk) => {
    output += chunk;
    if (output.length > 1_000_000) output = output.slice(-500_000);
  };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', keep);

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // A server that dies while its tests run (a sanitizer's abort, a crash) leaves
  // them failing with refused connections; its own output says why.
  let stopping = false;
  exited.then(({ code, signal }) => {
    if (!stopping) process.stderr.write(`\n--- tandem serve exited (${signal ?? code}) while its tests ran ---\n${output}\n`);
  });

  const stop = async () => {
    stopping = true;
    if (running.has(child)) {
      running.delete(child);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    }
    await removeDir();
  };

  let url;
  try {
    url = await new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(
        () => reject(new Error(`tandem serve did not say where it listens within ${STARTUP_TIMEOUT_MS} ms`)),
        STARTUP_TIMEOUT_MS,
      );
      child.stdout.on('data', (chunk) => {
        keep(chunk);
        if (url) return;
        seen += chunk;
        const match = LISTENING.exec(seen);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`tandem serve exited (${signal ?? code}) before listening`));
      });
    });

    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    for (;;) {
      try {
        const res = await fetch(`${url}/healthz`);
        await res.arrayBuffer();
        if (res.status === 200) break;
      } catch {
        // not accepting connections yet
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error('tandem serve exited before /healthz answered');
      }
      if (Date.now() > deadline) throw new Error('GET /healthz did not answer 200 in time');
      await sleep(50);
    }
  } catch (error) {
    await stop();
    error.message += `\n--- server output ---\n${output}`;
    throw error;
  }

  return { url, database, demoOutput, logs: () => output, stop };
}

/**
 * The demo database scripts/web-tests.sh made once for this run, if any, and usable here:
 * a server on one shared database ($TANDEM_DATABASE_URL) runs `tandem demo` itself.
 * @returns {{sqliteFile?: string, postgresTemplate?: string, output: string} | null}
 */
function preparedDemo() {
  const spec = process.env.TANDEM_TEST_DEMO;
  const output = process.env.TANDEM_TEST_DEMO_OUTPUT;
  if (!spec || !output || process.env.TANDEM_DATABASE_URL) return null;
  if (spec.startsWith('sqlite:') && !process.env.TANDEM_TEST_POSTGRES) {
    return { sqliteFile: spec.slice('sqlite:'.length), output };
  }
  if (spec.startsWith('postgres:') && process.env.TANDEM_TEST_POSTGRES) {
    return { postgresTemplate: spec.slice('postgres:'.length), output };
  }
  return null;
}

/** Copies a closed SQLite database with its companion files (`-access`, `-wal`, ...). */
async function copySqliteDatabase(from, to) {
  const base = path.basename(from);
  for (const name of await readdir(path.dirname(from))) {
    if (name.startsWith(base)) {
      await copyFile(path.join(path.dirname(from), name), to + name.slice(base.length));
    }
  }
}

let databasesCreated = 0;

/**
 * Creates a database on the PostgreSQL server that `maintenanceUrl` reaches, empty or as
 * a copy of `template`, named for this process so that test files running side by side
 * never share one.
 * @returns {Promise<{url: string, drop: () => Promise<void>}>}
 */
async function createPostgresDatabase(maintenanceUrl, template) {
  const name = `tandem_web_${process.pid}_${++databasesCreated}`;
  const from = template ? ` TEMPLATE ${template}` : '';
  // PostgreSQL refuses to copy a template while another session is connected to it;
  // nobody connects to the demo template, but a moment's retry costs nothing.
  for (let attempt = 1; ; attempt++) {
    try {
      await execFileAsync('psql', [maintenanceUrl, '-qXc', `CREATE DATABASE ${name}${from}`]);
      break;
    } catch (error) {
      if (attempt === 5 || !/being accessed by other users/.test(error.stderr ?? '')) throw error;
      await sleep(200 * attempt);
    }
  }
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => execFileAsync('psql', [maintenanceUrl, '-qXc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
  };
}

/** Arguments for Chromium: no network beyond the server under test, no GPU, no sandbox. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-proxy-server',
];

/**
 * Launches the system's Chromium through playwright-core. Close it with
 * `await browser.close()`.
 * @param {object} [options] extra options for playwright's chromium.launch()
 */
export async function launchBrowser(options = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.TANDEM_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    ...options,
  });
}

/** The axe-core rule tags checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let axeSource;

/**
 * Runs axe-core on the page as it is now and fails, listing every violation (rule id,
 * what it asks for, and the selectors of the offending elements), if there are any.
 *
 * @param {import('playwright-core').Page} page
 * @param {object} [options]
 * @param {string[]} [options.exclude=[]]   CSS selectors to leave out of the check
 * @param {string[]} [options.disable=[]]   axe rule ids not to run (say why at the call)
 * @returns {Promise<object>} axe's results
 */
export async function checkAxe(page, { exclude = [], disable = [] } = {}) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, so a Content-Security-Policy that forbids
  // inline scripts does not stop it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axeSource);
  }
  const results = await page.evaluate(
    async ({ tags, exclude, disable }) => {
      const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
      const rules = Object.fromEntries(disable.map((id) => [id, { enabled: false }]));
      return window.axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        rules,
        resultTypes: ['violations'],
      });
    },
    { tags: axeTags, exclude, disable },
  );
  if (results.violations.length > 0) {
    const lines = results.violations.map((v) => {
      const targets = v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n${targets}`;
    });
    assert.fail(`axe found ${results.violations.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`);
  }
  return results;
}

/**
 * Signs in through the /sign-in form and waits for the page it leads to.
 * @returns {Promise<string>} the URL the browser ends on
 */
export async function signIn(page, url, email, password) {
  await page.goto(`${url}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  const form = page.locator('form', { has: page.locator('#password') });
  await form.locator('button[type="submit"], button:not([type]), input[type="submit"]').first().click();
  await page.waitForLoadState('load');
  return page.url();
}

function decodeEntities(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x2F;|&#0*47;/gi, '/')
    .replace(/&#x3D;|&#0*61;/gi, '=')
    .replace(/&amp;/g, '&');
}

/**
 * The value of the first `<input name="csrf_token" value="...">` in the HTML, or
 * undefined when there is none.
 */
export function csrfFrom(html) {
  for (const [input] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (!/\bname\s*=\s*"csrf_token"/i.test(input)) continue;
    const value = /\bvalue\s*=\s*"([^"]*)"/i.exec(input);
    if (value) return decodeEntities(value[1]);
  }
  return undefined;
}

/**
 * An HTTP client for integration tests that keeps the cookies the server sets.
 * Every method resolves to { status, headers, location, text, data }: text is the body,
 * data the parsed body when it is JSON. Redirects are returned, not followed, unless
 * { follow: true } is passed.
 */
export class Client {
  /** @param {string} baseUrl e.g. the url startServer() returned */
  constructor(baseUrl) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    /** @type {Map<string, string>} cookie name -> value */
    this.cookies = new Map();
  }

  /** The Cookie header this client sends, or '' for none. */
  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  storeCookies(headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key, val = ''] = a.split('=').map((s) => s.trim());
        if (/^max-age$/i.test(key)) return Number(val) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(val) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /**
   * @param {string} method
   * @param {string} pathname  a path such as '/sign-in', or an absolute URL
   * @param {object} [options] { headers, body, follow }
   */
  async request(method, pathname, { headers = {}, body, follow = false } = {}) {
    let url = new URL(pathname, `${this.baseUrl}/`).href;
    for (let hops = 0; ; hops++) {
      const sent = { ...headers };
      const cookie = this.cookieHeader();
      if (cookie) sent.cookie = cookie;
      const res = await fetch(url, { method, headers: sent, body, redirect: 'manual' });
      this.storeCookies(res.headers);
      const text = await res.text();
      const location = res.headers.get('location') ?? undefined;
      if (follow && location && res.status >= 300 && res.status < 400) {
        if (hops >= 10) throw new Error(`too many redirects from ${pathname}`);
        url = new URL(location, url).href;
        if (res.status !== 307 && res.status !== 308) {
          method = 'GET';
          body = undefined;
          headers = { ...headers };
          delete headers['content-type'];
        }
        continue;
      }
      let data;
      if (/\bjson\b/i.test(res.headers.get('content-type') ?? '') && text !== '') {
        data = JSON.parse(text);
      }
      return { status: res.status, headers: res.headers, location, url, text, data };
    }
  }

  /** GET a page (Accept: text/html). */
  get(pathname, { headers = {}, follow = false } = {}) {
    return this.request('GET', pathname, { headers: { accept: 'text/html', ...headers }, follow });
  }

  /** POST an application/x-www-form-urlencoded form. */
  postForm(pathname, fields = {}, { headers = {}, follow = false } = {}) {
    return this.request('POST', pathname, {
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
      follow,
    });
  }

  /** Send JSON (when body is given) and accept JSON. */
  json(method, pathname, body, { headers = {} } = {}) {
    const sent = { accept: 'application/json', ...headers };
    if (body !== undefined) sent['content-type'] = 'application/json';
    return this.request(method, pathname, {
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** GET the page and return the csrf_token of its first form. */
  async csrfFor(pathname) {
    const res = await this.get(pathname);
    const token = csrfFrom(res.text);
    assert.ok(token, `no csrf_token on ${pathname} (status ${res.status})`);
    return token;
  }
}

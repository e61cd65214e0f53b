// A caseworker's journey in Chromium: sign in by keyboard, search the register
// by keyboard, open a record, make an edit with a mistake and correct it.
// axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { checkAxe, launchBrowser, signIn, startServer } from './harness.mjs';
import { PASSWORD, email } from './accounts.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('sign in and search using the keyboard alone, with no accessibility violations', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/sign-in`);
  await checkAxe(page);
  // Tab from the top of the page: skip link, then the form fields in order.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Skip to main content');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'email');
  await page.keyboard.type(email('caseworker'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'password');
  await page.keyboard.type(PASSWORD);
  // A caseworker lands on their cases, most urgent first.
  await Promise.all([page.waitForURL(/\/cases$/), page.keyboard.press('Enter')]);
  await checkAxe(page);
  await page.goto(`${server.url}/children`);
  await checkAxe(page);

  // The search box is reachable by keyboard and Enter submits it.
  const firstRowName = await page.locator('tbody tr th a').first().textContent();
  const family = firstRowName.trim().split(' ').slice(-1)[0];
  await page.focus('#q');
  await page.keyboard.type(family);
  await Promise.all([page.waitForURL(/q=/), page.keyboard.press('Enter')]);
  const names = await page.locator('tbody tr th a').allTextContents();
  assert.ok(names.length > 0, 'the search finds the child');
  assert.ok(names.every((n) => n.toLowerCase().includes(family.toLowerCase())), `every result matches ${family}`);
  await checkAxe(page);
  await page.close();
});

test('open a record, edit it with a validation error, then fix it', async () => {
  const page = await browser.newPage();
  await signIn(page, server.url, email('caseworker'), PASSWORD);
  await page.goto(`${server.url}/children?plan_status=ehc_plan`);
  await Promise.all([page.waitForURL(/\/children\/[^/?]+$/), page.locator('tbody tr th a').first().click()]);
  await page.locator('h2', { hasText: 'Agencies and professionals involved' }).waitFor();
  await checkAxe(page);

  await Promise.all([page.waitForURL(/\/edit$/), page.getByRole('link', { name: /Change details/ }).click()]);
  await checkAxe(page);
  await page.fill('#date_of_birth', '2015-02-30');
  await page.fill('#postcode', 'not a postcode');
  await page.getByRole('button', { name: 'Save' }).click();
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  assert.match(await page.title(), /^Error: /);
  const problems = await summary.locator('li a').allTextContents();
  assert.equal(problems.length, 2);
  assert.ok(problems.some((p) => /real date/.test(p)));
  assert.ok(problems.some((p) => /postcode/i.test(p)));
  // The error summary takes focus and each message links to its field.
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('govuk-error-summary')), true);
  await checkAxe(page);

  await page.fill('#date_of_birth', '2015-03-27');
  await page.fill('#postcode', 'QA1 2BB');
  await page.fill('#reason', 'Corrected from the birth certificate');
  await Promise.all([page.waitForURL(/saved=1/), page.getByRole('button', { name: 'Save' }).click()]);
  assert.match(await page.locator('.govuk-notification-banner').textContent(), /saved/);
  assert.match(await page.locator('main').textContent(), /27 March 2015/);
  assert.match(await page.locator('main').textContent(), /Corrected from the birth certificate/);
  await checkAxe(page);
  await page.close();
});

test('the add form, audit trail and error pages pass axe', async () => {
  const page = await browser.newPage();
  await signIn(page, server.url, email('caseworker'), PASSWORD);
  await page.goto(`${server.url}/children/new`);
  await checkAxe(page);
  await page.goto(`${server.url}/children/no-such-child`);
  assert.match(await page.locator('h1').textContent(), /Page not found/);
  await checkAxe(page);
  const admin = await browser.newPage();
  await signIn(admin, server.url, email('administrator'), PASSWORD);
  await admin.goto(`${server.url}/audit`);
  await checkAxe(admin);
  await page.close();
  await admin.close();
});

test("a caseworker's cases, an assessment and the 20-week page pass axe; a bad step shows the error summary", async () => {
  const page = await browser.newPage();
  await signIn(page, server.url, email('caseworker'), PASSWORD);
  await page.goto(`${server.url}/cases?scope=area`);
  assert.match(await page.locator('h1').textContent(), /All assessments/);
  const first = await page.locator('tbody tr:has(.govuk-tag)').first().locator('.govuk-tag').textContent();
  assert.match(first, /Overdue|At risk|On time/, 'the most urgent case comes first');
  await checkAxe(page);
  await Promise.all([page.waitForURL(/\/assessments\//), page.locator('tbody tr th a').first().click()]);
  await page.locator('h2', { hasText: 'Statutory deadlines' }).waitFor();
  await checkAxe(page);
  // Record an exception with no reason: refused, naming the field.
  const form = page.locator('form', { has: page.locator('input[name="step"][value="exception"]') });
  if (await form.count()) {
    await form.getByRole('button', { name: 'Record the exception' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    assert.match(await page.title(), /^Error: /);
    await checkAxe(page);
  }
  await page.goto(`${server.url}/performance/twenty-weeks`);
  await checkAxe(page);
  await page.goto(`${server.url}/performance/costs`);
  await checkAxe(page);
  await page.goto(`${server.url}/performance/outcomes`);
  assert.match(await page.locator('h1').textContent(), /Outcomes by provider/);
  await checkAxe(page);
  await page.goto(`${server.url}/performance/advice`);
  assert.match(await page.locator('h1').textContent(), /Advice for assessments/);
  await checkAxe(page);
  // Narrowed to health, submitted from the keyboard: the choice stays chosen.
  await page.locator('#agency').selectOption('icb');
  await page.locator('#agency').focus();
  await page.keyboard.press('Tab');
  await Promise.all([page.waitForURL(/agency=icb/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('#agency').inputValue(), 'icb');
  await page.goto(`${server.url}/performance/advice?agency=nobody`);
  await page.locator('.govuk-error-summary').waitFor();
  assert.match(await page.title(), /^Error: /);
  await checkAxe(page);
  await page.goto(`${server.url}/returns/sen2`);
  assert.match(await page.locator('h1').textContent(), /SEN2 return/);
  await checkAxe(page);
  await page.goto(`${server.url}/reviews`);
  assert.match(await page.locator('h1').textContent(), /Annual reviews/);
  await checkAxe(page);
  await Promise.all([page.waitForURL(/\/phase-transfers$/), page.getByRole('link', { name: /Phase transfers/ }).click()]);
  assert.match(await page.locator('h1').textContent(), /Phase transfers in September \d{4}/);
  await checkAxe(page);
  await page.goto(`${server.url}/moves`);
  assert.match(await page.locator('h1').textContent(), /Moves between councils/);
  await checkAxe(page);
  await Promise.all([page.waitForURL(/\/moves\/[^/?]+$/), page.locator('tbody tr th a').first().click()]);
  await page.locator('h2', { hasText: 'Deadlines' }).waitFor();
  await checkAxe(page);
  // Saving with the day of the move emptied: refused, naming the field.
  await page.locator('#moved_on').fill('');
  await page.getByRole('button', { name: 'Save the move' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  await checkAxe(page);
  // A child's record, then their EHC plan.
  await page.goto(`${server.url}/children?plan_status=ehc_plan`);
  await Promise.all([page.waitForURL(/\/children\/[^/?]+$/), page.locator('tbody tr th a').first().click()]);
  await Promise.all([page.waitForURL(/\/plans\//), page.locator('a[href^="/plans/"]').first().click()]);
  assert.match(await page.locator('h2').allTextContents().then((h) => h.join('|')), /F, G, H\. Provision/);
  await checkAxe(page);
  await page.close();
});

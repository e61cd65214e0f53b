// Writing a plan in Chromium, by keyboard where a caseworker would type:
// every form, its error summary, the plan page and the disagreement pages pass
// axe-core.
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

test('a caseworker drafts a plan with provision recorded against the proposal; every page passes axe', async () => {
  const page = await browser.newPage();
  await signIn(page, server.url, email('caseworker'), PASSWORD);
  const me = await page.request.get(`${server.url}/api/v1/me`);
  const csrf = (await me.json()).csrf_token;
  const child = await page.request.post(`${server.url}/api/v1/children`, {
    headers: { 'x-csrf-token': csrf },
    data: { given_name: 'Cai', family_name: 'Browser', date_of_birth: '2017-01-05', sex: 'M', plan_status: 'assessment', primary_need: 'ASD' },
  });
  assert.equal(child.status(), 201);
  const childId = (await child.json()).id;

  await page.goto(`${server.url}/children/${childId}`);
  await Promise.all([page.waitForURL(/\/sections$/), page.getByRole('button', { name: 'Start a draft EHC plan' }).click()]);
  await checkAxe(page);
  await page.locator('#views').focus();
  await page.keyboard.type('Cai wants to be a vet.');
  await Promise.all([page.waitForURL(/\/plans\/[^/]+\?saved=1$/), page.getByRole('button', { name: 'Save sections A to D' }).click()]);
  await checkAxe(page);

  await Promise.all([page.waitForURL(/\/outcomes\/new$/), page.getByRole('link', { name: 'Add an outcome' }).click()]);
  await checkAxe(page);
  await page.fill('#text', 'Cai will join a small-group lesson for 20 minutes');
  await page.getByRole('button', { name: 'Save outcome' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  assert.match(await page.title(), /^Error: /);
  await checkAxe(page);
  await page.fill('#target_date', '2027-07-16');
  await Promise.all([page.waitForURL(/\?saved=1$/), page.getByRole('button', { name: 'Save outcome' }).click()]);

  await Promise.all([page.waitForURL(/\/lines\/new$/), page.getByRole('link', { name: 'Add provision' }).click()]);
  await checkAxe(page);
  await page.getByRole('button', { name: 'Save provision' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  await checkAxe(page);
  await page.locator('#section-H2').check();
  await page.selectOption('#category', 'short_breaks');
  await page.fill('#what', 'Saturday club short break');
  await page.fill('#how_much', '5 hours');
  await page.fill('#how_often', 'fortnightly');
  await page.fill('#provider', 'Riverside short breaks service');
  await page.locator('#level-specialist').check();
  await page.fill('#annual_cost', '3,900');
  await page.locator('#responsibility-recorded').check();
  await page.locator('#recorded-details').waitFor({ state: 'visible' });
  await checkAxe(page);
  await page.selectOption('#securing', 'council_social_care');
  await page.selectOption('#pay_agency_0', 'council_social_care');
  await page.fill('#pay_percent_0', '50');
  await page.selectOption('#pay_agency_1', 'icb');
  await page.fill('#pay_percent_1', '50');
  await page.fill('#override_reason', 'Agreed at the joint panel because of his health needs');
  await Promise.all([page.waitForURL(/\?disagreement=/), page.getByRole('button', { name: 'Save provision' }).click()]);
  assert.match(await page.locator('.govuk-notification-banner').textContent(), /each agency affected must agree/);
  await checkAxe(page);
  await Promise.all([page.waitForURL(/\/disagreements\/[^/?]+$/), page.getByRole('link', { name: 'See the disagreement record' }).click()]);
  assert.match(await page.locator('h1').textContent(), /Saturday club short break/);
  await checkAxe(page);
  await page.goto(`${server.url}/disagreements?status=all`);
  await checkAxe(page);
  await page.goBack();
  await Promise.all([page.waitForURL(/\/plans\/[^/?]+$/), page.getByRole('link', { name: 'Open the plan' }).click()]);
  await Promise.all([page.waitForURL(/\/final$/), page.getByRole('button', { name: 'Issue the final plan' }).click()]);
  await checkAxe(page);
  await page.getByRole('button', { name: 'Issue the final plan' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  await checkAxe(page);
  await page.close();
});

test('the ICB commissioner records a position on a disagreement by keyboard', async () => {
  const cw = await browser.newPage();
  await signIn(cw, server.url, email('caseworker'), PASSWORD);
  await cw.goto(`${server.url}/disagreements?status=open`);
  const first = cw.locator('tbody tr', { hasText: 'Saturday club short break' }).locator('a');
  const href = await first.getAttribute('href');
  await cw.close();
  const icb = await browser.newPage();
  await signIn(icb, server.url, email('icb_commissioner'), PASSWORD);
  await icb.goto(`${server.url}${href}`);
  await checkAxe(icb);
  await icb.locator('#position').focus();
  await icb.keyboard.press('Space');
  await icb.locator('#note').focus();
  await icb.keyboard.type('The ICB accepts its share');
  await icb.keyboard.press('Tab');
  await Promise.all([icb.waitForURL(/\?saved=1$/), icb.keyboard.press('Enter')]);
  assert.match(await icb.locator('tbody').textContent(), /Integrated care board\s*Agrees/);
  await checkAxe(icb);
  await icb.close();
});

test('a caseworker records a review meeting and the decision; the review pages pass axe', async () => {
  const page = await browser.newPage();
  await signIn(page, server.url, email('caseworker'), PASSWORD);
  await page.goto(`${server.url}/reviews`);
  await Promise.all([page.waitForURL(/\/plans\/[^/?]+$/), page.locator('tbody tr th a[href^="/plans/"]').first().click()]);
  await Promise.all([page.waitForURL(/\/reviews\/new$/), page.getByRole('button', { name: 'Record a review meeting' }).click()]);
  await checkAxe(page);
  await page.getByRole('button', { name: 'Record the meeting' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  assert.match(await page.title(), /^Error: /);
  await checkAxe(page);
  await page.locator('#lead').check();
  await page.locator('#recommendation-amend').check();
  for (const radio of await page.locator('input[type="radio"][name^="progress_"][value="on_track"]').all()) await radio.check();
  await Promise.all([page.waitForURL(/\/reviews\/[^/?]+\?saved=1$/), page.getByRole('button', { name: 'Record the meeting' }).click()]);
  assert.match(await page.locator('h1').textContent(), /Review meeting on/);
  await checkAxe(page);
  await page.locator('#decision').check();
  await page.getByRole('button', { name: 'Record the decision and write the letter' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  await checkAxe(page);
  await page.locator('#decision-amend').check();
  await page.fill('#amendments', 'Update section F after the move to Year 7');
  await Promise.all([page.waitForURL(/\?saved=1$/), page.getByRole('button', { name: 'Record the decision and write the letter' }).click()]);
  assert.match(await page.locator('main').textContent(), /Issue the amended plan/);
  await checkAxe(page);
  await page.goto(`${server.url}/reviews`);
  assert.match(await page.locator('main').textContent(), /After the meeting: decisions and amended plans due/);
  await checkAxe(page);
  await page.close();
});

test('the tribunal tracker and an appeal pass axe; a bad date shows the error summary', async () => {
  const page = await browser.newPage();
  await signIn(page, server.url, email('caseworker'), PASSWORD);
  await page.goto(`${server.url}/children?plan_status=ehc_plan`);
  await Promise.all([page.waitForURL(/\/children\/[^/?]+$/), page.locator('tbody tr th a').first().click()]);
  await Promise.all([page.waitForURL(/\/appeals\/new$/), page.getByRole('link', { name: 'Record an appeal' }).click()]);
  await checkAxe(page);
  await page.selectOption('#decision', 'plan_contents');
  await page.fill('#decision_notice_on', '2026-06-01');
  await page.fill('#registered_on', '2026-05-01');
  await page.getByRole('button', { name: 'Record the appeal' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  await checkAxe(page);
  await page.fill('#registered_on', '2026-07-15');
  await Promise.all([page.waitForURL(/\/appeals\/[^/?]+\?saved=1$/), page.getByRole('button', { name: 'Record the appeal' }).click()]);
  await checkAxe(page);
  await page.selectOption('#outcome', 'upheld');
  await Promise.all([page.waitForURL(/\?saved=1$/), page.getByRole('button', { name: 'Record the outcome' }).click()]);
  await page.selectOption('#kind', 'amend_plan');
  await Promise.all([page.waitForURL(/\?saved=1$/), page.getByRole('button', { name: 'Add the order' }).click()]);
  assert.match(await page.locator('main').textContent(), /Issue the amended plan: by/);
  await checkAxe(page);
  await page.goto(`${server.url}/appeals`);
  assert.match(await page.locator('h1').textContent(), /Tribunal tracker/);
  await checkAxe(page);
  // Ceasing a plan: the form, and its error summary.
  await page.goto(`${server.url}/reviews`);
  await Promise.all([page.waitForURL(/\/plans\/[^/?]+$/), page.locator('tbody tr th a[href^="/plans/"]').first().click()]);
  await Promise.all([page.waitForURL(/\/cease$/), page.getByRole('button', { name: 'Cease the plan' }).click()]);
  await checkAxe(page);
  await page.getByRole('button', { name: 'Decide to cease the plan and write the notice' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  await checkAxe(page);
  await page.close();
});

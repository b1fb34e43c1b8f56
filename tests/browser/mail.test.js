// Email choices and the outbox, in the browser: a teacher turns off one kind of email and takes a
// daily digest; the administrator finds the outbox from the Schools page. axe runs on each page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage } = require('./helpers');

const suite = useServerAndBrowser();

test('a teacher chooses which emails she gets and how often', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await page.goto('/account/email');
  await page.getByRole('heading', { level: 1, name: 'Your emails' }).waitFor();
  await checkPage(page, 'email-choices');
  await page.getByLabel('Surveys to answer').uncheck();
  await page.getByLabel('One email a day at 7am, listing them all').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Surveys to answer').isChecked(), false);
  assert.equal(await page.getByLabel('Training days').isChecked(), true);
  assert.equal(await page.getByLabel('One email a day at 7am, listing them all').isChecked(), true);
  await context.close();
});

test('the administrator finds what was emailed and what failed', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.admin.email);
  await page.goto('/schools');
  await page.getByRole('link', { name: 'See what was sent and what failed' }).click();
  await page.getByRole('heading', { level: 1, name: 'Email' }).waitFor();
  // This test server sends no email: the page says how to set it up.
  await page.getByText('This server does not send email').waitFor();
  await checkPage(page, 'email-outbox');
  await context.close();
});

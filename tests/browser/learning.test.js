// The catalogue of online learning modules: search, filters and a module's overview page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage } = require('./helpers');

const suite = useServerAndBrowser();

test('catalogue_lists_modules_and_filters_them_for_support_staff', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.support.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Online learning' }).click();
  await page.getByRole('heading', { level: 1, name: 'Online learning' }).waitFor();
  await checkPage(page, 'learning-catalogue');
  assert.equal(await page.locator('main .cards > li').count(), 4);

  await page.getByLabel('Written for').selectOption('support');
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('audience') === 'support'),
    page.getByRole('button', { name: 'Find modules' }).click(),
  ]);
  assert.equal(await page.locator('main .cards > li').count(), 3);
  await checkPage(page, 'learning-catalogue-filtered');
  await context.close();
});

test('module_page_describes_the_module', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await page.goto('/learning');
  await page.getByRole('link', { name: 'Building trust for professional development' }).click();
  await page.getByRole('heading', { level: 1, name: 'Building trust for professional development' }).waitFor();
  await page.getByRole('heading', { name: 'What you will have at the end' }).waitFor();
  assert.ok((await page.locator('main ol > li').count()) >= 6, 'at least six pages listed');
  await checkPage(page, 'learning-module');
  await context.close();
});

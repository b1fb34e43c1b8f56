// A teaching assistant's own CPD record in Chromium: reached from the main navigation, filled in from
// the programme session she was registered at, with the hours over a range she chooses. axe-core
// checks the page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser({ year: true });

test('a_teaching_assistant_reads_her_cpd_record', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.support.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My record' }).click();
  await page.getByRole('heading', { level: 1, name: 'My CPD record' }).waitFor();
  await page.getByRole('heading', { level: 2, name: /^This school year, .*: 1 hour 30 min$/ }).waitFor();
  await page.getByRole('link', { name: 'Working alongside the teacher' }).waitFor();
  await checkPage(page, 'record');
  await page.getByLabel('From', { exact: true }).fill('2026-10-01');
  await page.getByLabel('To', { exact: true }).fill('2026-10-31');
  await clickAndWait(page, 'Show the hours', (url) => url.search.includes('from=2026-10-01'));
  const caption = await page.getByRole('table', { name: /to Saturday 31 October 2026: 1 hour 30 min in all/ }).count();
  assert.equal(caption, 1, 'the chosen range counts the October session');
  await context.close();
});

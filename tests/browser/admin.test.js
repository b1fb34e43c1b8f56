// The administrator's tools in Chromium: editing a person and giving them a role, recording that
// they left and that they are back, and adding and renaming a school. axe-core checks each page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, DEMO_PASSWORD, useServerAndBrowser, openAs, newPage, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser();

async function openTeacherAsAdmin(page) {
  await page.goto('/people?q=teacher%40oakfield');
  await page.getByRole('link', { name: 'Okafor, Grace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Grace Okafor' }).waitFor();
}

test('administrator_edits_a_person_records_a_leaver_and_keeps_schools', async () => {
  const admin = await openAs(suite.browser, suite.server, DEMO_USERS.admin.email);
  const page = admin.page;

  // Grace becomes her school's PD lead.
  await openTeacherAsAdmin(page);
  await page.getByRole('link', { name: 'Edit details and role' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit Grace Okafor' }).waitFor();
  await checkPage(page, 'admin-person-edit');
  await page.getByLabel('Email').fill(DEMO_USERS.pdlead.email);
  await clickAndWait(page, 'Save changes', (url) => url.pathname.endsWith('/edit'));
  await page.getByRole('alert').filter({ hasText: "already someone else's email address" }).waitFor();
  await checkPage(page, 'admin-person-edit-error');
  await page.getByLabel('Email').fill(DEMO_USERS.teacher.email);
  await page.getByLabel('Job title').fill('Head of English');
  await page.getByLabel('Role in Trellis').selectOption({ label: 'School PD lead' });
  await clickAndWait(page, 'Save changes', (url) => url.search === '?saved=1');
  assert.ok((await page.locator('main').innerText()).includes('Head of English'));
  assert.ok((await page.locator('main').innerText()).includes('School PD lead'));

  // She leaves: she can no longer sign in, and her page says when she left.
  await clickAndWait(page, 'Record that Grace Okafor has left', (url) => url.search === '?left=1');
  await page.getByText(/^Left on /).waitFor();
  await checkPage(page, 'admin-person-left');
  const grace = await newPage(suite.browser, suite.server);
  await grace.page.goto('/sign-in');
  await grace.page.getByLabel('Email address').fill(DEMO_USERS.teacher.email);
  await grace.page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await grace.page.getByRole('button', { name: 'Sign in' }).click();
  await grace.page.getByRole('alert').waitFor();
  assert.equal(new URL(grace.page.url()).pathname, '/sign-in');
  await grace.context.close();
  await clickAndWait(page, 'Record that Grace Okafor is back', (url) => url.search === '?returned=1');

  // A school joins the trust and another is renamed.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schools' }).click();
  await page.getByRole('heading', { level: 1, name: 'Schools' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Hillside Infant School');
  await page.getByLabel('Phase').selectOption({ label: 'Primary' });
  await clickAndWait(page, 'Add the school', (url) => url.search === '?saved=1');
  await page.getByLabel('Name of Hillside Infant School').fill('Hillside Primary School');
  await clickAndWait(page, 'Rename Hillside Infant School', (url) => url.search === '?saved=1');
  assert.equal(await page.getByLabel('Name of Hillside Primary School').count(), 1);
  await checkPage(page, 'admin-schools');

  // Each of those steps is in the audit log, newest first.
  await page.goto('/');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('cell', { name: 'Renamed Hillside Infant School to Hillside Primary School' }).waitFor();
  await page.getByRole('cell', { name: "Changed Grace Okafor's role from Staff to School PD lead" }).waitFor();
  await checkPage(page, 'admin-audit');

  // Erasing asks first, saying what goes and what stays.
  await openTeacherAsAdmin(page);
  await page.getByRole('link', { name: "Erase Grace Okafor's data" }).click();
  await page.getByRole('heading', { level: 1, name: "Erase Grace Okafor's data?" }).waitFor();
  await checkPage(page, 'admin-erase');
  await page.getByRole('link', { name: 'Cancel' }).click();
  await page.getByRole('heading', { level: 1, name: 'Grace Okafor' }).waitFor();
  await admin.context.close();
});

// Priorities in Chromium: the trust PD lead adds one and edits it; the school PD lead adds the
// school's own and ticks the trust priorities the school takes on. axe-core checks each page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser();

test('trust_and_school_leads_keep_their_priorities', async () => {
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await lead.page.goto('/');
  await lead.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Priorities' }).click();
  await lead.page.getByRole('heading', { level: 1, name: 'Priorities' }).waitFor();
  await lead.page.getByLabel('Title').fill('Adaptive teaching for pupils with SEND');
  await lead.page.getByLabel('What it means in practice').fill('Every lesson planned so that every pupil can take part.');
  await lead.page.getByLabel('Teaching assistant').or(lead.page.getByLabel('Support staff', { exact: true })).first().check();
  await lead.page.getByLabel('Owner').selectOption({ label: 'Asha Patel' });
  await lead.page.getByLabel('What success would look like').fill('Fewer pupils taught outside the classroom.');
  await clickAndWait(lead.page, 'Add the priority', (url) => url.search === '?saved=1');
  await lead.page.getByRole('heading', { level: 3, name: 'Adaptive teaching for pupils with SEND' }).waitFor();
  await checkPage(lead.page, 'priorities-trust-lead');
  await lead.page.getByRole('link', { name: 'Edit Adaptive teaching for pupils with SEND' }).click();
  await lead.page.getByLabel('Title').fill('Adaptive teaching in every lesson');
  await checkPage(lead.page, 'priorities-edit');
  await clickAndWait(lead.page, 'Save the priority', (url) => url.search === '?saved=1');
  await lead.page.getByRole('heading', { level: 3, name: 'Adaptive teaching in every lesson' }).waitFor();
  await lead.context.close();

  const school = await openAs(suite.browser, suite.server, DEMO_USERS.schoollead.email);
  await school.page.goto('/priorities');
  await school.page.getByLabel('Title').fill('Phonics for every adult in the room');
  await clickAndWait(school.page, 'Add the priority', (url) => url.search === '?saved=1');
  await school.page.getByLabel('My school takes this on').first().check();
  await clickAndWait(school.page, 'Save what my school takes on', (url) => url.search === '?saved=1');
  assert.equal(await school.page.getByLabel('My school takes this on').first().isChecked(), true);
  await school.page.getByRole('heading', { level: 3, name: 'Phonics for every adult in the room' }).waitFor();
  await checkPage(school.page, 'priorities-school-lead');
  await school.context.close();
});

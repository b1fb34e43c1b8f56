// Standing groups in Chromium: a teacher starts a lesson-study group with two colleagues, keeps a
// meeting with who came, shares a note and an item from the library; a colleague who came finds the
// meeting in his record; the trust PD lead sees that the group met, not what it wrote. axe-core checks
// every page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser({ year: true });

test('a_teacher_starts_a_group_keeps_a_meeting_and_shares_a_note_and_a_library_item', async () => {
  const teacher = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  const page = teacher.page;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
  await page.getByRole('link', { name: 'Humanities at Oakfield' }).waitFor();
  await page.getByLabel('Name').fill('Questioning lesson study');
  await page.getByLabel('Kind of group').selectOption({ label: 'Lesson study' });
  await page.getByLabel('What the group is for (optional)').fill('Plan, teach and watch one lesson on questioning.');
  await page.getByLabel("Colleagues' email addresses").fill(`${DEMO_USERS.support.email}\n${DEMO_USERS.schoollead.email}`);
  await checkPage(page, 'groups-list');
  await clickAndWait(page, 'Start the group', (url) => url.search === '?saved=started');
  await page.getByRole('heading', { level: 1, name: 'Questioning lesson study' }).waitFor();

  // Tom could not come.
  await page.getByLabel('How long, in minutes').fill('50');
  await page.getByLabel('Tom Whitaker').uncheck();
  await page.getByLabel('What you did (optional)').fill('Planned the lesson around three hinge questions.');
  await checkPage(page, 'group-page');
  await clickAndWait(page, 'Keep the meeting', (url) => url.search === '?saved=meeting');
  const meeting = page.locator('article[id^="meeting-"]').first();
  assert.match(await meeting.textContent(), /2 people: Grace Okafor, Dan Kowalski|2 people: Dan Kowalski, Grace Okafor/);
  assert.match(await meeting.textContent(), /three hinge questions/);

  await page.getByLabel('A note for the group').fill('I will bring the seating plan.');
  await clickAndWait(page, 'Share the note', (url) => url.search === '?saved=note');
  await page.getByText('I will bring the seating plan.').waitFor();

  // An item from the library, by pasting its address.
  await page.goto('/library');
  const itemLink = page.getByRole('link', { name: 'Cold calling kindly' });
  const address = new URL(await itemLink.getAttribute('href'), page.url()).toString();
  await page.goBack();
  await page.getByLabel(/A link, or the address of an item/).fill(address);
  await clickAndWait(page, 'Share with the group', (url) => url.search === '?saved=resource');
  await page.getByRole('link', { name: 'Cold calling kindly' }).waitFor();
  await teacher.context.close();

  const support = await openAs(suite.browser, suite.server, DEMO_USERS.support.email);
  await support.page.goto('/record');
  await support.page.getByRole('link', { name: 'Questioning lesson study' }).first().waitFor();
  await support.context.close();

  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await lead.page.goto('/groups');
  await lead.page.getByRole('link', { name: 'Questioning lesson study' }).click();
  await lead.page.getByText('You oversee this group').waitFor();
  assert.equal(await lead.page.getByText('three hinge questions').count(), 0);
  assert.equal(await lead.page.getByText('seating plan').count(), 0);
  await checkPage(lead.page, 'group-overseen');
  await lead.context.close();
});

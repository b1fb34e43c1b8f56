// Training days, step 1: the trust PD lead creates a day through the form, edits it, moves its
// stage and chooses reviewers; a teacher sees the day but none of the lead's tools.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage } = require('./helpers');

const suite = useServerAndBrowser();

test('lead_creates_edits_and_stages_a_training_day', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training days' }).click();
  await page.getByRole('heading', { level: 1, name: 'Training days' }).waitFor();
  await checkPage(page, 'events-list-empty');

  await page.getByRole('link', { name: 'New training day' }).click();
  await page.getByRole('heading', { level: 1, name: 'New training day' }).waitFor();
  await checkPage(page, 'event-new');
  await page.getByLabel('Title').fill('Spring training day');
  await page.getByLabel('Date', { exact: true }).fill('2027-03-05');
  await page.getByLabel('Venue').fill('Oakfield Academy');
  await page.getByLabel('Rooms').fill('Library, 30, projector\nHall, 120\nRoom 4, 24');
  await page.getByLabel("The trust's priorities a workshop should serve").fill(
    'Feedback that moves learning on\nSupporting pupils with SEND in every lesson');
  // A slot that ends before it starts is refused with the line named, and nothing is saved.
  await page.getByLabel('Time slots').fill('09:30-10:30\n11:00-10:00');
  await page.getByRole('button', { name: 'Create training day' }).click();
  await page.getByRole('alert').filter({ hasText: '11:00-10:00' }).waitFor();
  assert.equal(await page.getByLabel('Title').inputValue(), 'Spring training day', 'what was typed is kept');
  await checkPage(page, 'event-new-error');

  await page.getByLabel('Time slots').fill('09:30-10:30\n11:00-12:00\n13:30-14:30');
  await page.getByRole('button', { name: 'Create training day' }).click();
  await page.getByRole('heading', { level: 1, name: 'Spring training day' }).waitFor();
  const eventUrl = page.url();
  for (const text of ['Draft: only leads see it', '13:30–14:30', 'Supporting pupils with SEND in every lesson'])
    assert.ok((await page.locator('main').innerText()).includes(text), text);
  await checkPage(page, 'event-show-lead');

  // The life cycle is at the top: the draft is the current step.
  await page.locator('.life-cycle [aria-current="step"]').filter({ hasText: 'Draft' }).waitFor();
  await page.getByLabel('Move the day to').selectOption({ label: 'Choices open' });
  await page.getByRole('button', { name: 'Move to this stage' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.ok((await page.locator('main').innerText()).includes('Choose my workshops'));

  await page.getByLabel(/Tom Whitaker/).check();
  await page.getByRole('button', { name: 'Save reviewers' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal(await page.getByLabel(/Tom Whitaker/).isChecked(), true);

  await page.getByRole('link', { name: 'Edit the day, slots, rooms and brief' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit training day' }).waitFor();
  await checkPage(page, 'event-edit');
  await page.getByLabel('Venue').fill('Meadowbank Primary School');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.ok((await page.locator('main').innerText()).includes('Meadowbank Primary School'));
  await context.close();

  const teacher = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await teacher.page.goto(eventUrl);
  await teacher.page.getByRole('heading', { level: 1, name: 'Spring training day' }).waitFor();
  assert.equal(await teacher.page.getByRole('button', { name: 'Move to this stage' }).count(), 0);
  await checkPage(teacher.page, 'event-show-teacher');
  await teacher.context.close();
});

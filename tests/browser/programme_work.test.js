// Work between a programme's sessions in Chromium, on the demo trust's year: a teaching assistant
// writes the reflection on a practice task, a teacher records what her collaboration group did, and
// the trust PD lead suggests groups and reads attendance by school and staff group. axe-core checks
// each page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser({ year: true });

const QUESTIONING = 'Questioning that makes every pupil think';
const SUPPORT = 'Every role matters: learning support across the trust';

async function openProgramme(page, title) {
  await page.goto('/programmes');
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

test('a_teaching_assistant_writes_the_reflection_on_a_practice_task', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.support.email);
  await openProgramme(page, SUPPORT);
  await page.getByRole('link', { name: /^Write your reflection\W+Try it: scaffold, then step back$/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Try it: scaffold, then step back' }).waitFor();
  await checkPage(page, 'programme-reflection');
  await page.getByLabel('What did you try, what happened, and what will you do next?')
    .fill('I gave one prompt fewer each day. By Friday Amir started the sums before asking me.');
  await clickAndWait(page, 'Save my reflection', (url) => url.search === '?saved=1');
  await page.getByText('Your reflection is saved.').waitFor();
  assert.match(await page.locator('textarea#body').inputValue(), /Amir started the sums/);
  await openProgramme(page, SUPPORT);
  await page.getByRole('link', { name: /^Your reflection \(written\)\W+Try it: scaffold, then step back$/ }).waitFor();
  await context.close();
});

test('a_teacher_records_what_her_collaboration_group_did', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await openProgramme(page, QUESTIONING);
  await page.getByRole('link', { name: /^Your group\W+Inset afternoon: department triads$/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Your group' }).waitFor();
  assert.ok(await page.locator('.group-list li', { hasText: 'Grace Okafor' }).isVisible(), 'she sees herself in her group');
  await checkPage(page, 'programme-group-member');
  await page.getByLabel('In a few lines, what did the group do?')
    .fill('Each played five minutes of questioning; we agreed to wait five seconds before naming anyone.');
  await clickAndWait(page, /^Save/, (url) => url.search === '?saved=1');
  await page.getByText('we agreed to wait five seconds').first().waitFor();
  await page.getByText('Written by Grace Okafor').waitFor();
  await context.close();
});

test('the_lead_suggests_groups_and_reads_attendance_with_small_groups_hidden', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await openProgramme(page, SUPPORT);
  await page.getByRole('link', { name: /^Groups and what they did\W+Inset: support staff networks$/ }).click();
  await page.getByText('No groups yet.').waitFor();
  await page.getByLabel('People in each group').selectOption('5');
  await clickAndWait(page, 'Suggest groups', (url) => url.search === '?saved=1');
  const groups = page.locator('.group-list .card');
  assert.ok(await groups.count() > 1, 'several groups were suggested');
  const sizes = await page.locator('.group-list .card ul').evaluateAll(
    (lists) => lists.map((list) => list.querySelectorAll('li').length));
  assert.ok(sizes.every((size) => size >= 3 && size <= 6), `groups of 3 to 6: ${sizes}`);
  await checkPage(page, 'programme-groups-lead');

  await openProgramme(page, QUESTIONING);
  await page.getByRole('link', { name: 'Attendance', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Attendance: ${QUESTIONING}` }).waitFor();
  const grid = page.locator('table.attendance-grid');
  assert.match(await grid.innerText(), /fewer than 5 people/);
  assert.match(await grid.innerText(), /caught up/);
  await checkPage(page, 'programme-attendance');
  const launch = await page.locator('#session option', { hasText: 'Launch: questions that make everyone think' }).getAttribute('value');
  await page.getByLabel('Show').selectOption(launch);
  await clickAndWait(page, 'Show', (url) => url.search.startsWith('?session='));
  await page.getByText('Launch: questions that make everyone think: attended live').waitFor();
  await context.close();
});

test('the_lead_reads_session_feedback_and_shares_a_handout', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await openProgramme(page, QUESTIONING);
  const launch = page.locator('.activity').first();
  const title = (await launch.locator('.card__title').innerText()).trim();
  await launch.getByRole('link', { name: /^Feedback from those who came/ }).click();
  await page.getByRole('heading', { level: 2, name: 'What people said' }).waitFor();
  assert.ok(await page.locator('svg.chart__svg').first().isVisible(), 'the ratings are charted');
  await page.getByRole('table', { name: /The session: responses and ratings/ }).waitFor();
  await checkPage(page, 'programme-session-feedback');

  await openProgramme(page, QUESTIONING);
  await page.locator('.activity').first().getByRole('link', { name: /^Materials \(1\)/ }).click();
  await page.getByRole('heading', { level: 1, name: `Materials: ${title}` }).waitFor();
  await page.getByRole('link', { name: 'Questioning routines (launch handout).txt' }).waitFor();
  await page.getByLabel('Add a file').setInputFiles({
    name: 'Wait time prompts.txt', mimeType: 'text/plain', buffer: Buffer.from('Count to five before naming anyone.\n'),
  });
  await clickAndWait(page, 'Upload', (url) => url.pathname.endsWith('/materials'));
  await page.getByRole('link', { name: 'Wait time prompts.txt' }).waitFor();
  await checkPage(page, 'programme-materials');
  await context.close();
});

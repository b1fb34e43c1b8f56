// Who can help with … in Chromium: a teacher searches the directory, finds a colleague who can help
// and asks; she offers her own help; the school PD lead finds a request on his home page and marks
// it answered. axe-core checks every page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser({ year: true });

test('a_teacher_finds_a_colleague_who_can_help_asks_and_offers_her_own_help', async () => {
  const teacher = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  const page = teacher.page;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Who can help' }).click();
  await page.getByRole('heading', { level: 1, name: 'Who can help with …' }).waitFor();
  await page.getByLabel('What do you need help with?').fill('autism');
  await clickAndWait(page, 'Search', (url) => url.searchParams.get('q') === 'autism');
  await page.getByText('1 colleague found.').waitFor();
  const expert = page.locator('.expert-list > li').filter({ hasText: 'autistic pupils' });
  await expert.locator('summary').click();
  await expert.getByLabel('What would you like help with?').fill('A calmer start to the day for a pupil in Year 3.');
  await checkPage(page, 'expertise-directory');
  await Promise.all([page.waitForURL((url) => url.search === '?asked=1'),
    expert.getByRole('button', { name: 'Send the request' }).click()]);
  await page.getByText("Your request is on your colleague's home page.").waitFor();

  // She offers her own help, with a tag and a priority; colleagues then find her.
  await page.getByRole('link', { name: 'Offer your help' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your entry' }).waitFor();
  await page.getByLabel('What you can help with').fill('Questioning so that every pupil has to think.');
  await page.getByLabel('Tags').fill('questioning, wait time');
  await page.getByLabel('Adaptive teaching so that every pupil takes part').check();
  await checkPage(page, 'expertise-entry');
  await clickAndWait(page, 'Add me to the directory', (url) => url.search === '?saved=1');
  await page.getByText('You are in the directory.').waitFor();
  await teacher.context.close();

  const colleague = await openAs(suite.browser, suite.server, DEMO_USERS.support.email);
  await colleague.page.goto('/expertise?q=wait+time');
  const found = colleague.page.locator('.expert-list > li').filter({ hasText: 'Questioning so that every pupil' });
  await found.getByRole('heading', { name: 'Grace Okafor' }).waitFor();
  await colleague.context.close();
});

test('the_expert_finds_a_request_on_his_home_page_and_marks_it_answered', async () => {
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.schoollead.email);
  const page = lead.page;
  await page.getByRole('link', { name: /Grace Okafor asks for your help/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Your entry' }).waitFor();
  const request = page.locator('li[id^="request-"]').filter({ hasText: 'Grace Okafor' });
  assert.match(await request.textContent(), /Year 4 maths group/);
  await checkPage(page, 'expertise-requests');
  await Promise.all([page.waitForURL((url) => url.pathname === '/expertise/mine'),
    request.getByRole('button', { name: 'Mark as answered' }).click()]);
  await request.getByText('Answered').waitFor();
  await page.goto('/');
  assert.equal(await page.getByRole('link', { name: /Grace Okafor asks for your help/ }).count(), 0);
  await lead.context.close();
});

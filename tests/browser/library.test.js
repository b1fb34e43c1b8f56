// The trust's library in Chromium: a teacher finds a guide by a word inside its file, narrows the
// search by phase and opens the item; a lead adds a Markdown handout with tags, and a teacher finds
// it by a word that is only inside the file. axe-core checks each page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait, writeTempFile } = require('./helpers');

const suite = useServerAndBrowser({ year: true });

test('a_teacher_finds_a_library_item_by_search', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  await checkPage(page, 'library');
  // "hinge" is only inside the mini-whiteboards guide's file, not in its title or description.
  await page.getByLabel('Words').fill('hinge question');
  await clickAndWait(page, 'Search', (url) => url.search.includes('q=hinge'));
  await page.getByRole('status').filter({ hasText: '1 item found' }).waitFor();
  await page.getByRole('link', { name: 'Mini-whiteboards: everyone shows at once' }).waitFor();
  await checkPage(page, 'library-search');
  await page.getByLabel('Phase').selectOption('secondary');
  await clickAndWait(page, 'Search', (url) => url.search.includes('phase=secondary'));
  await page.getByText('Nothing matches').waitFor();
  await page.getByLabel('Phase').selectOption('primary');
  await clickAndWait(page, 'Search', (url) => url.search.includes('phase=primary'));
  await page.getByRole('link', { name: 'Mini-whiteboards: everyone shows at once' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mini-whiteboards: everyone shows at once' }).waitFor();
  await page.locator('.tag', { hasText: 'Provide prompts and cues' }).waitFor();
  const download = page.getByRole('link', { name: 'Download mini-whiteboards.md' });
  const response = await page.request.get(new URL(await download.getAttribute('href'), page.url()).toString());
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-disposition'], /^attachment; filename="mini-whiteboards.md"/);
  assert.match(response.headers()['x-content-type-options'], /nosniff/);
  await checkPage(page, 'library-item');
  await context.close();
});

test('a_lead_adds_a_tagged_handout_that_a_teacher_finds_by_its_words', async () => {
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await lead.page.goto('/library');
  await lead.page.getByRole('link', { name: 'Add to the library' }).click();
  await lead.page.getByRole('heading', { level: 1, name: 'Add to the library' }).waitFor();
  await checkPage(lead.page, 'library-new');
  await lead.page.getByLabel('Title').fill('Exit tickets that tell you something');
  await lead.page.getByLabel('What it is and how to use it').fill('One question at the end of the lesson.');
  await lead.page.getByLabel('A file').setInputFiles(writeTempFile('exit-tickets.md',
    '# Exit tickets\n\nAsk one question that separates **misconceptions** from slips.\n'));
  await lead.page.getByRole('group', { name: /^Phases/ }).getByLabel('Secondary').check();
  await lead.page.getByRole('group', { name: /^How it helps staff learn/ }).getByLabel('Monitor and give feedback').check();
  await clickAndWait(lead.page, 'Add to the library', (url) => /^\/library\/\d+$/.test(url.pathname));
  await lead.page.getByRole('heading', { level: 1, name: 'Exit tickets that tell you something' }).waitFor();
  await checkPage(lead.page, 'library-item-lead');
  await lead.context.close();

  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await page.goto('/library?q=misconceptions');
  await page.getByRole('link', { name: 'Exit tickets that tell you something' }).waitFor();
  await page.locator('.tag', { hasText: 'Monitor and give feedback' }).first().waitFor();
  await context.close();
});

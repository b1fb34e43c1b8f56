// A teaching assistant's own CPD record in Chromium: reached from the main navigation, filled in from
// the programme session she was registered at, with the hours over a range she chooses; a teacher
// logs her reading and downloads her record as a PDF (its text read back with pdftotext). axe-core
// checks the pages.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait, pdfText } = require('./helpers');

const suite = useServerAndBrowser({ year: true });

test('a_teaching_assistant_reads_her_cpd_record', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.support.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My record' }).click();
  await page.getByRole('heading', { level: 1, name: 'My CPD record' }).waitFor();
  // Her year holds the programme session she was registered at (and what she logged herself).
  await page.getByRole('heading', { level: 2, name: /^This school year, 20\d\d–\d\d: / }).waitFor();
  await page.getByRole('link', { name: 'Working alongside the teacher' }).waitFor();
  await checkPage(page, 'record');
  await page.getByLabel('From', { exact: true }).fill('2026-10-01');
  await page.getByLabel('To', { exact: true }).fill('2026-10-31');
  await clickAndWait(page, 'Show the hours', (url) => url.search.includes('from=2026-10-01'));
  const chosen = page.getByRole('table', { name: /to Saturday 31 October 2026: .* in all/ });
  assert.match(await chosen.getByRole('row', { name: /Programme session attended/ }).innerText(), /1 hour 30 min/,
    'the chosen range counts the October session');
  await context.close();
});

test('a_teacher_logs_her_reading_and_changes_it', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await page.goto('/record');
  await page.getByRole('link', { name: 'Log something you did' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log your learning' }).waitFor();
  await checkPage(page, 'record-log');
  await page.getByLabel('Professional reading').check();
  await page.getByLabel('What was it?').fill('Questioning in the classroom, a research summary');
  await page.getByLabel('When').fill('2026-11-20');
  await page.getByLabel('Time it took, in hours').fill('lots');
  await clickAndWait(page, 'Add to my record', (url) => url.pathname === '/record');
  await page.getByText('Give the time it took in hours').waitFor();
  await page.getByLabel('Time it took, in hours').fill('0.5');
  await clickAndWait(page, 'Add to my record', (url) => url.search === '?saved=1');
  await page.getByRole('cell', { name: /Questioning in the classroom, a research summary/ }).waitFor();
  await page.getByRole('link', { name: /^Change\W+Questioning in the classroom/ }).click();
  await page.getByLabel('Time it took, in hours').fill('1');
  await clickAndWait(page, 'Save changes', (url) => url.search === '?saved=1');
  const row = page.getByRole('row', { name: /Questioning in the classroom/ });
  assert.match(await row.innerText(), /1 hour/);

  // The record as a PDF for an appraisal: her name, the entry and its hours, and the year's total.
  const href = await page.getByRole('link', { name: 'Download as a PDF' }).getAttribute('href');
  const response = await page.request.get(new URL(href, page.url()).toString());
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  assert.match(response.headers()['content-disposition'], /attachment; filename="cpd-record.pdf"/);
  const text = pdfText(await response.body());
  assert.ok(text.includes('CPD record: Grace Okafor'), text);
  assert.ok(text.includes('Fri 20, Professional reading: Questioning in the classroom, a research summary, 1 hour'), text);
  assert.match(text, /The school year 2026–27 .* in all\./);
  await context.close();
});

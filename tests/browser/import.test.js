// Staff import through the page: a good file is previewed then imported; a bad one imports nothing.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO_USERS, useServerAndBrowser, newPage, signIn, openAs, checkPage, writeTempFile,
} = require('./helpers');

const suite = useServerAndBrowser();

const HEADER = 'email,first_name,last_name,school,staff_group,job_title,phase,subjects';

// Uploads a CSV file through the import form and waits for the preview page.
async function uploadCsv(page, file) {
  await page.goto('/people/import');
  await page.getByRole('heading', { level: 1, name: 'Import staff' }).waitFor();
  await page.getByLabel('CSV file').setInputFiles(file);
  await Promise.all([
    page.waitForURL(/\/people\/imports\/\d+$/),
    page.getByRole('button', { name: 'Check the file' }).click(),
  ]);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

// Searches the directory and returns the number of people found.
async function searchDirectory(page, query) {
  await page.goto('/people');
  await page.getByLabel('Name or email').fill(query);
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('q') === query),
    page.getByRole('button', { name: 'Search' }).click(),
  ]);
  const text = await page.getByRole('status').filter({ hasText: /(people|person) found/ }).innerText();
  return Number(text.match(/(\d+) (?:people|person) found/)[1]);
}

test('trust_pd_lead_imports_three_new_people_through_the_page', async () => {
  const stamp = Date.now().toString(36);
  const file = writeTempFile('new-staff.csv', [
    HEADER,
    `zara.quill.${stamp}@oakfield.example,Zara,Quillfeather,Meadowbank Primary School,teacher,Class teacher (Year 2),,`,
    `yusuf.brand.${stamp}@oakfield.example,Yusuf,Brandwood,Oakfield Academy,support,Librarian,,`,
    `ines.ortolan.${stamp}@oakfield.example,Inès,Ortolan,Central team,leader,Director of education,all-through,"English, History"`,
  ].join('\n') + '\n');

  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/people/import'),
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import staff' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: 'Import staff' }).waitFor();
  await checkPage(page, 'import-form');

  await uploadCsv(page, file);
  await page.getByRole('heading', { level: 1, name: 'Check the staff file' }).waitFor();
  const ready = await page.getByRole('status').filter({ hasText: 'The file is ready' }).innerText();
  assert.match(ready, /\b3 new\b/, `preview says 3 new: "${ready}"`);
  const commit = page.getByRole('button', { name: 'Import 3 people' });
  await commit.waitFor();
  await checkPage(page, 'import-preview-ready');

  await commit.click();
  // Small imports may finish at once; larger ones show progress and move on by themselves.
  const progress = page.getByRole('heading', { level: 1, name: 'Importing staff' });
  const done = page.getByRole('heading', { level: 1, name: 'Staff imported' });
  await progress.or(done).first().waitFor();
  if (await progress.isVisible()) {
    // The progress page moves on by itself when the import ends, which may be while axe reads it.
    await checkPage(page, 'import-running').catch((error) => {
      if (!/Execution context was destroyed|navigation/.test(error.message)) throw error;
    });
  }
  await done.waitFor({ timeout: 30_000 });
  await page.getByText(/Imported 3 people: 3 new and 0 updated/).waitFor();
  await checkPage(page, 'import-done');

  assert.equal(await searchDirectory(page, 'Quillfeather'), 1);
  await page.getByRole('link', { name: 'Quillfeather, Zara' }).waitFor();
  const row = page.locator('main table tbody tr').filter({ hasText: 'Quillfeather' });
  assert.match(await row.innerText(), /Meadowbank Primary School/);
  assert.equal(await searchDirectory(page, `ines.ortolan.${stamp}@oakfield.example`), 1);
  await context.close();
});

test('csv_with_errors_lists_problems_by_row_and_imports_nothing', async () => {
  const stamp = Date.now().toString(36);
  const file = writeTempFile('bad-staff.csv', [
    HEADER,
    `valid.vellacott.${stamp}@oakfield.example,Valerie,Vellacott,Oakfield Academy,teacher,Teacher of Art,,`,
    `wrong.school.${stamp}@oakfield.example,Walter,Wrongschool,Nowhere Primary School,teacher,,,`,
    `not-an-email,Nora,Noemail,Oakfield Academy,support,,,`,
    `bad.group.${stamp}@oakfield.example,Bert,Badgroup,Oakfield Academy,headteacher,,,`,
  ].join('\n') + '\n');

  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.admin.email);
  await uploadCsv(page, file);
  await page.getByRole('heading', { level: 1, name: 'Check the staff file' }).waitFor();
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing has been imported' });
  await alert.waitFor();
  assert.equal(await page.getByRole('button', { name: /^Import \d+ people$/ }).count(), 0,
    'no import button while the file has problems');

  const table = page.getByRole('table', { name: 'Problems by row' });
  const problems = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => ({
    row: row.cells[0].textContent.trim(),
    column: row.cells[1].textContent.trim(),
    message: row.cells[2].textContent.trim(),
  })));
  assert.ok(problems.length >= 3, `at least three problems: ${JSON.stringify(problems)}`);
  for (const problem of problems) assert.match(problem.row, /^\d+$/, `a row number: ${JSON.stringify(problem)}`);
  const byColumn = (name) => problems.find((problem) => problem.column === name);
  // Rows count as in a spreadsheet: the header is row 1, so the data start at row 2.
  assert.equal(byColumn('school')?.row, '3', `school problem on row 3: ${JSON.stringify(problems)}`);
  assert.equal(byColumn('email')?.row, '4', `email problem on row 4: ${JSON.stringify(problems)}`);
  assert.equal(byColumn('staff_group')?.row, '5', `staff_group problem on row 5: ${JSON.stringify(problems)}`);
  assert.ok(!problems.some((problem) => problem.row === '2'), 'the valid row has no problem');
  await checkPage(page, 'import-preview-problems');

  // All or nothing: even the valid row was not saved.
  assert.equal(await searchDirectory(page, 'Vellacott'), 0);
  await context.close();
});

test('uploading_an_empty_file_shows_why_on_the_form', async () => {
  const file = writeTempFile('empty.csv', '');
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.admin.email);
  await page.goto('/people/import');
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file' }).click();
  // The server answers 400 with the form and a message; the upload script must not lose it.
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /CSV file/);
  await page.getByRole('heading', { level: 1, name: 'Import staff' }).waitFor();
  await checkPage(page, 'import-form-error');
  await context.close();
});

test('school_lead_and_staff_cannot_open_the_import_page', async () => {
  for (const key of ['schoollead', 'teacher']) {
    const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS[key].email);
    const response = await page.goto('/people/import');
    assert.ok([403, 404].includes(response.status()), `${key} gets 403 or 404, got ${response.status()}`);
    await page.getByRole('link', { name: 'Go to your home page' }).waitFor();
    if (key === 'teacher') await checkPage(page, `error-${response.status()}`);
    await context.close();
  }
});

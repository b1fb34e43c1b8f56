// The people directory: filters, a person's page, and the layout at phone width.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO_USERS, useServerAndBrowser, newPage, signIn, openAs, checkPage, screenshot, hasHorizontalScroll,
} = require('./helpers');

const suite = useServerAndBrowser();

// The number in "N people found."
async function peopleFound(page) {
  const text = await page.getByRole('status').filter({ hasText: /(people|person) found/ }).innerText();
  const match = text.match(/(\d+) (?:people|person) found/);
  assert.ok(match, `a count of people in "${text}"`);
  return Number(match[1]);
}

// The text of one column (0-based) in every row of the directory table.
function column(page, index) {
  return page.locator('main table tbody tr').evaluateAll(
    (rows, i) => rows.map((row) => row.cells[i].textContent.trim()), index);
}

async function submitFilters(page) {
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/people' && url.search !== ''),
    page.getByRole('button', { name: 'Search' }).click(),
  ]);
}

test('directory_filters_by_school_and_staff_group', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/people'),
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  const everyone = await peopleFound(page);
  assert.ok(everyone > 100, `the demo trust has many people (${everyone})`);
  await checkPage(page, 'people-list');

  await page.getByLabel('School').selectOption({ label: 'Meadowbank Primary School' });
  await submitFilters(page);
  const inSchool = await peopleFound(page);
  assert.ok(inSchool > 0 && inSchool < everyone, `one school has fewer people (${inSchool} of ${everyone})`);
  assert.deepEqual([...new Set(await column(page, 1))], ['Meadowbank Primary School']);
  assert.equal(await page.getByLabel('School').inputValue() !== '', true, 'the chosen school stays selected');

  await page.getByLabel('Staff group').selectOption({ label: 'Support staff' });
  await submitFilters(page);
  const supportInSchool = await peopleFound(page);
  assert.ok(supportInSchool > 0 && supportInSchool < inSchool,
    `support staff are some of the school (${supportInSchool} of ${inSchool})`);
  assert.deepEqual([...new Set(await column(page, 1))], ['Meadowbank Primary School']);
  assert.deepEqual([...new Set(await column(page, 2))], ['Support staff']);
  await checkPage(page, 'people-list-filtered');

  // The staff group filter alone, across every school.
  await page.getByLabel('School').selectOption({ label: 'All schools' });
  await page.getByLabel('Staff group').selectOption({ label: 'Early-career teacher' });
  await submitFilters(page);
  const ects = await peopleFound(page);
  assert.ok(ects > 0 && ects < everyone);
  assert.deepEqual([...new Set(await column(page, 2))], ['Early-career teacher']);
  assert.ok(new Set(await column(page, 1)).size > 1, 'early-career teachers from more than one school');
  await context.close();
});

test('directory_search_finds_a_person_by_name_and_opens_their_page', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.admin.email);
  await page.goto('/people');
  await page.getByLabel('Name or email').fill('Okafor');
  await submitFilters(page);
  const names = await column(page, 0);
  assert.ok(names.includes('Okafor, Grace'), `Grace Okafor is found: ${names}`);
  await Promise.all([
    page.waitForURL(/\/people\/\d+$/),
    page.getByRole('link', { name: 'Okafor, Grace' }).first().click(),
  ]);
  await page.getByRole('heading', { level: 1, name: 'Grace Okafor' }).waitFor();
  await page.getByText(DEMO_USERS.teacher.email).waitFor();
  await checkPage(page, 'person');
  await context.close();
});

test('school_lead_sees_only_their_own_school', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.schoollead.email);
  await page.goto('/people');
  const schools = new Set(await column(page, 1));
  assert.equal(schools.size, 1, `one school only: ${[...schools]}`);
  // The same template as the trust-wide list, which axe checks above: a picture is enough.
  await screenshot(page, 'people-list-school-lead');
  await context.close();
});

test('pagination_moves_between_pages', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await page.goto('/people');
  const firstPage = await column(page, 4);
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await Promise.all([
    page.waitForURL(/page=2/),
    pages.getByRole('link', { name: 'Next page' }).click(),
  ]);
  await pages.getByText(/Page 2 of \d+/).waitFor();
  const secondPage = await column(page, 4);
  assert.ok(secondPage.length > 0);
  assert.ok(!secondPage.some((email) => firstPage.includes(email)), 'page 2 shows different people');
  await context.close();
});

test('layout_has_no_horizontal_scroll_at_phone_width_and_wide_tables_scroll_by_keyboard', async () => {
  const { context, page } = await newPage(suite.browser, suite.server, { viewport: { width: 375, height: 740 } });
  await signIn(page, DEMO_USERS.admin.email);
  // axe checks every page at desktop width elsewhere; here it runs on the small pages only,
  // because a full directory page takes seconds to analyse on two cores.
  for (const [name, url, runAxe] of [['home', '/', true], ['people-list', '/people', false],
    ['person', '/people/4', true], ['import-form', '/people/import', false]]) {
    await page.goto(url);
    await page.locator('h1').waitFor();
    assert.equal(await hasHorizontalScroll(page), false,
      `${url} fits 375px: scrollWidth ${await page.evaluate(() => document.documentElement.scrollWidth)}`);
    await (runAxe ? checkPage : screenshot)(page, `phone-${name}`);
  }

  // The directory table is wider than a phone: it scrolls inside its own box, which a keyboard
  // user can reach with Tab and scroll with the arrow keys.
  await page.goto('/people');
  const region = page.getByRole('region', { name: /^People, page 1 of \d+$/ });
  const scroll = () => region.evaluate((box) => ({ left: box.scrollLeft, overflow: box.scrollWidth - box.clientWidth }));
  assert.ok((await scroll()).overflow > 0, 'the table is wider than the phone screen');
  await region.focus();
  for (let presses = 0; presses < 5; presses += 1) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(
    () => document.querySelector('.table-wrap').scrollLeft > 0, null, { timeout: 2000 });
  assert.ok((await scroll()).left > 0, 'arrow keys scroll the table sideways');
  await context.close();
});

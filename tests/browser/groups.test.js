// Forming cross-school groups for a programme's collaboration time in Chromium: the trust PD lead
// keeps two colleagues apart, asks Trellis to suggest groups, and reads why each group is as it is.
// axe-core checks the page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser({ year: true });

test('a_lead_forms_cross_school_groups_for_a_programme_keeping_two_people_apart', async () => {
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  const page = lead.page;
  await page.goto('/programmes/2');
  await page.getByRole('link', { name: /Inset: support staff networks/ }).first().click();
  const groupsLink = page.getByRole('main').getByRole('link', { name: /groups/i }).first();
  await groupsLink.click();
  await page.getByRole('heading', { level: 1, name: 'Inset: support staff networks' }).waitFor();
  await page.getByText('No groups yet.').waitFor();

  // Someone asked not to be grouped with a colleague: the lead keeps the two apart.
  const keep = page.getByLabel('Keep', { exact: true });
  const apartFrom = page.getByLabel('apart from', { exact: true });
  const first = await keep.locator('option').nth(0).textContent();
  const second = await apartFrom.locator('option').nth(1).textContent();
  await keep.selectOption({ index: 0 });
  await apartFrom.selectOption({ index: 1 });
  await clickAndWait(page, 'Keep them apart', (url) => url.search === '?saved=1');
  const firstName = first.replace(/ \(.*\)$/, '');
  const secondName = second.replace(/ \(.*\)$/, '');
  await page.getByText(`${firstName} and ${secondName}`).waitFor();

  await page.getByLabel('People in each group').selectOption('4');
  await clickAndWait(page, 'Suggest groups', (url) => url.search === '?saved=1');
  await page.getByRole('heading', { level: 2, name: 'The groups' }).waitFor();
  const cards = page.locator('.group-list > section');
  assert.ok(await cards.count() > 10, 'the support staff of the trust make many groups');
  // Each group says why its people are together: one phase, from as many schools as there are.
  const reasons = await cards.locator(':scope > p.hint').allTextContents();
  assert.equal(reasons.length, await cards.count());
  // And beside each person, why they are in it.
  const whyHere = await cards.first().locator('li .hint').allTextContents();
  assert.ok(whyHere.length > 0 && whyHere.every((why) => /^[A-Z][A-Za-z -]+[,:] /.test(why)), whyHere.join('\n'));
  assert.ok(reasons.some((reason) => /^Primary: \d people from [2-9] schools/.test(reason)), reasons.join('\n'));
  // The two kept apart are in different groups, and those groups say a request was honoured.
  const member = (name) => cards.filter({ has: page.locator('li').filter({ hasText: new RegExp(`^${name} `) }) });
  const withFirst = member(firstName);
  const withSecond = member(secondName);
  assert.equal(await withFirst.count(), 1);
  assert.equal(await withSecond.count(), 1);
  assert.notEqual(await withFirst.getAttribute('aria-labelledby'), await withSecond.getAttribute('aria-labelledby'));
  await checkPage(page, 'groups-formed');
  await lead.context.close();
});

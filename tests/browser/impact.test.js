// Needs, provision and impact in Chromium: the trust PD lead reads the needs-versus-provision map
// (the gaps in words first) and the fairness table; opens last year's behaviour programme's impact
// page, narrows it to one school, is told plainly when a plan is incomplete, and downloads the report
// for trustees (its text read back with pdftotext). axe-core checks each page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait, hasHorizontalScroll, overflowingElements, pdfText } = require('./helpers');

const suite = useServerAndBrowser({ year: true });
const BEHAVIOUR = 'Calm, safe and kind: behaviour for every adult (2025–26)';

test('the_lead_reads_needs_against_provision_and_fairness', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs and provision' }).click();
  await page.getByRole('heading', { level: 1, name: /^Needs and provision, \d{4}–\d{2}$/ }).waitFor();
  assert.equal(await page.getByLabel('Needs from').inputValue() !== '', true);
  assert.match(await page.locator('#survey option:checked').innerText(), /Autumn needs survey 2026/);
  const gaps = page.getByRole('heading', { name: 'Where need is high and little was offered' }).locator('..').locator('li');
  assert.ok(await gaps.count() > 0, 'some gaps are named');
  assert.match(await gaps.first().innerText(),
    /^(Teachers|Early-career teachers|Support staff|Leaders) at .+(nothing was offered to them this year|only \d+ minutes were offered to them this year)\.$/);
  // The map scrolls inside its own box; the page itself does not scroll sideways.
  const map = page.getByRole('region', { name: 'Needs and provision by priority, school and staff group' });
  await map.waitFor();
  assert.ok(await map.locator('td.map-cell--gap').count() > 0, 'gaps stand out in the map');
  assert.equal(await hasHorizontalScroll(page), false, `sideways scroll from: ${await overflowingElements(page)}`);
  const fairness = page.getByRole('table', { name: 'CPD hours per person by school and staff group' });
  assert.match(await fairness.innerText(), /The trust/);
  await checkPage(page, 'provision-map');
  await context.close();
});

test('the_lead_reads_a_programmes_impact_and_prints_it_for_trustees', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programmes' }).click();
  await page.getByRole('link', { name: BEHAVIOUR }).first().click();
  await page.getByRole('link', { name: 'Impact', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Impact: ${BEHAVIOUR}` }).waitFor();
  for (const level of ['1. Reactions', '2. Learning', '3. Organisational support', '4. Use', '5. Pupil outcomes'])
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${level.replace('.', '\\.')}`) }).waitFor();
  const learning = page.locator('#learning');
  assert.match(await learning.innerText(), /could be matched person by person/);
  assert.match(await learning.locator('tbody tr').first().innerText(), /\+\d\.\d/);
  assert.match(await page.locator('#use').innerText(), /Twelve weeks on/);
  await checkPage(page, 'impact');

  // One school's view: the same levels, fewer answers, small groups still withheld.
  await page.getByRole('form', { name: 'Choose the view' }).getByLabel('School').selectOption({ label: 'Oakfield Academy' });
  await clickAndWait(page, 'Show', (url) => url.search.includes('school='));
  assert.match(await page.locator('#learning').innerText(), /answered before|Fewer than 5 answers/);
  await checkPage(page, 'impact-one-school');

  // A plan that cannot be measured says why, and keeps what was typed.
  await page.getByLabel('Confidence statements for learning, one per line').fill('Only one statement');
  await clickAndWait(page, 'Save the plan', (url) => url.pathname.endsWith('/impact/plan'));
  await page.getByRole('alert').getByText('write between 2 and 12 statements').waitFor();
  assert.equal(await page.getByLabel('Confidence statements for learning, one per line').inputValue(),
    'Only one statement');
  await checkPage(page, 'impact-plan-refused');

  // The report for trustees and governors.
  const href = await page.getByRole('link', { name: /Download the report for trustees and governors/ }).getAttribute('href');
  const response = await page.request.get(new URL(href, page.url()).toString());
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const text = pdfText(await response.body());
  assert.ok(text.includes('Impact: Calm, safe and kind'), text);
  assert.ok(text.includes('Repair and restore'), 'each session is listed');
  assert.ok(/Using the five shared routines in every lesson: \d\.\d before, \d\.\d after/.test(text), text);
  assert.ok(text.includes('Lessons with no low-level disruption on learning walks (%), Oakfield Academy'), text);
  assert.ok(text.includes('Figures about fewer than 5 people are never shown'), text);
  await context.close();
});

// Surveys in Chromium: a lead builds one with every kind of question and a version for support
// staff; a teaching assistant answers half of the demo's open survey, leaves, and finishes later; the
// lead filters the autumn needs survey's results. axe-core checks each page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser({ year: true });

function dayFromToday(days) {
  const day = new Date(Date.now() + days * 86400000);
  return day.toISOString().slice(0, 10);
}

async function addQuestion(page, kind, prompt, fields = {}) {
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByLabel('Question', { exact: true }).fill(prompt);
  if (fields.options) await page.getByLabel('Options, one per line').fill(fields.options);
  if (fields.rows) await page.getByLabel('Statements, one per line').fill(fields.rows);
  if (fields.supportOnly) await page.locator('#qgroup-support').check();
  await clickAndWait(page, 'Add the question', (url) => url.search.includes('added=question'));
  await page.getByText(prompt).first().waitFor();
}

test('a_lead_builds_a_survey_with_every_kind_of_question_and_a_support_staff_version', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
  await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
  await checkPage(page, 'surveys');
  await page.getByLabel('Title').fill('After the spring inset');
  await clickAndWait(page, 'Create the survey', (url) => url.pathname.endsWith('/edit'));
  await page.getByRole('heading', { level: 1, name: 'After the spring inset' }).waitFor();

  await addQuestion(page, 'Rating scale', 'How confident are you now?');
  await addQuestion(page, 'Single choice', 'Which session did you go to?', { options: 'Reading\nBehaviour\nFeedback' });
  await addQuestion(page, 'Multiple choice', 'What will you try?', { options: 'Cold calling\nHinge questions\nMini whiteboards' });
  await addQuestion(page, 'Rank these', 'What should come next?', { options: 'More time\nCoaching\nVisits' });
  await addQuestion(page, 'Confidence grid', 'In your own role, how confident are you…', {
    rows: 'Supporting a pupil who is stuck\nHelping with behaviour', supportOnly: true });
  await addQuestion(page, 'Free text', 'Anything else?');
  const cards = page.locator('.survey-questions > li');
  assert.equal(await cards.count(), 6, 'six questions, one of each kind');
  assert.match(await cards.nth(4).innerText(), /Asked of Support staff/);
  await checkPage(page, 'survey-build');

  await page.getByLabel('Opens on').fill(dayFromToday(-1));
  await page.getByLabel('Closes after').fill(dayFromToday(7));
  await clickAndWait(page, 'Save details', (url) => url.search.includes('saved=1'));
  await page.getByText('Open', { exact: true }).first().waitFor();
  await page.getByRole('heading', { level: 2, name: 'Who has answered' }).waitFor();
  await context.close();
});

test('a_teaching_assistant_answers_half_leaves_and_finishes_later', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.support.email);
  await page.getByRole('heading', { level: 2, name: 'Surveys for you' }).waitFor();
  await page.getByRole('link', { name: /Planning the spring term/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /Planning the spring term/ }).waitFor();
  await checkPage(page, 'survey-answer');
  // Only support staff's own questions are asked of him.
  assert.equal(await page.getByText('Which best describes your role?').count(), 1);
  assert.equal(await page.getByText('How confident do you feel about each of these in your own classroom?').count(), 0);

  await page.getByLabel('Teaching assistant for pupils with SEND').check();
  await page.getByText(/^Saved at/).waitFor();
  await page.goto('/');
  await page.getByText(/You have started: carry on where you left off/).waitFor();
  await page.getByRole('link', { name: /Planning the spring term/ }).first().click();
  assert.equal(await page.getByLabel('Teaching assistant for pupils with SEND').isChecked(), true,
    'the answer given before leaving is still there');

  await page.getByLabel(/What training would make the biggest difference to your work\?/).fill('Behaviour training with the teachers I work with.');
  await clickAndWait(page, 'Send my answers', (url) => url.search.includes('sent=1'));
  await page.getByText('Thank you: your answers are sent.').waitFor();
  await page.goto('/');
  assert.equal(await page.getByRole('link', { name: /Planning the spring term/ }).count(), 0,
    'a survey sent leaves the home page');
  await context.close();
});

test('the_lead_filters_the_autumn_results_and_small_groups_stay_hidden', async () => {
  const { page, context } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await page.goto('/surveys');
  await page.getByRole('link', { name: /Results\W+of Autumn needs survey 2026/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Results: Autumn needs survey 2026' }).waitFor();
  await checkPage(page, 'survey-results');
  await page.getByLabel('School', { exact: true }).selectOption({ label: 'Meadowbank Primary School' });
  await page.getByLabel('Staff group', { exact: true }).selectOption({ label: 'Support staff' });
  await clickAndWait(page, 'Show', (url) => url.search.includes('group=support'));
  const summary = await page.getByText(/^Meadowbank Primary School · Support staff: \d+ answers/).innerText();
  assert.match(summary, /\d+ answers/);
  const ranking = page.getByRole('table').filter({ hasText: 'Mean points' });
  assert.match(await ranking.locator('tbody tr').first().innerText(), /Calm, safe and kind/,
    'behaviour is what Meadowbank support staff most ask for');
  // A school's leaders are too few to show at one school or more: that view gives no figures.
  const schools = await page.locator('#school option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
  let hidden = 0;
  for (const school of schools) {
    await page.getByLabel('School', { exact: true }).selectOption(school);
    await page.getByLabel('Staff group', { exact: true }).selectOption({ label: 'Leader' });
    await clickAndWait(page, 'Show', (url) => url.search.includes('school=' + school));
    if (await page.getByText(/This view has fewer than 5 answers/).count() > 0) {
      hidden += 1;
      assert.equal(await page.locator('.survey-result').count(), 0, 'a withheld view shows no question');
    }
  }
  assert.ok(hidden > 0, 'some school has fewer than 5 leaders answering');
  await context.close();
});

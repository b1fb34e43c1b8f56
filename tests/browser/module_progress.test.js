// What a module tells a learner about their own progress: the order-sort activity scores the order
// they set (with scripts and without), the foot of the last page once the module is finished, and
// where "Continue" lands. Progress is seeded straight into the database where a test is not about
// the activities before it.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { DEMO_USERS, useServerAndBrowser, newPage, openAs, signIn, checkPage, screenshot, runSql } = require('./helpers');

const suite = useServerAndBrowser();
const SLUG = 'building-trust';
const MODULE_DIR = path.resolve(__dirname, '..', '..', 'content', 'modules', SLUG);
const SORT_ID = 'sort-contract-order';

const sql = (statements) => runSql(suite.server, statements);

// Every block of the module by page, from its files: [{ page, id, type, required }].
function moduleBlocks() {
  const manifest = JSON.parse(fs.readFileSync(path.join(MODULE_DIR, 'module.json'), 'utf8'));
  const blocks = [];
  manifest.pages.forEach((file, index) => {
    const text = fs.readFileSync(path.join(MODULE_DIR, file), 'utf8');
    for (const match of text.matchAll(/^```trellis-(\w+) id=([a-z0-9-]+)([^\n]*)$/gm)) {
      const [, type, id, rest] = match;
      blocks.push({ page: index + 1, id, type, required: type !== 'further' && !rest.includes('optional') });
    }
  });
  return blocks;
}

// The cards of the order-sort activity in their suggested order, as the module's file lists them.
function suggestedOrder() {
  const text = fs.readFileSync(path.join(MODULE_DIR, '05-coaching-and-observation.md'), 'utf8');
  const body = text.split(`id=${SORT_ID}`)[1].split('```')[0];
  return body.split('\n').filter((line) => line.startsWith('- ')).map((line) => line.slice(2).trim());
}

// Marks these blocks done for a person, with the module at `page` and `current` the block last worked on.
function seedProgress(email, doneIds, page, current) {
  const now = Math.floor(Date.now() / 1000);
  const person = `(SELECT id FROM people WHERE email = '${email}')`;
  const trust = `(SELECT trust_id FROM people WHERE email = '${email}')`;
  const required = moduleBlocks().filter((block) => block.required).length;
  const statements = [
    `DELETE FROM block_progress WHERE person_id = ${person} AND module_slug = '${SLUG}'`,
    `DELETE FROM module_progress WHERE person_id = ${person} AND module_slug = '${SLUG}'`,
    `INSERT INTO module_progress (trust_id, person_id, module_slug, current_page, current_block, blocks_done, blocks_required, started_at, updated_at)
     VALUES (${trust}, ${person}, '${SLUG}', ${page}, '${current}', ${doneIds.length}, ${required}, ${now}, ${now})`,
  ];
  for (const id of doneIds) {
    const state = id.startsWith('reflect') ? '{"text":"Listen first, then act on what I hear."}' : '{"opened":true}';
    statements.push(`INSERT INTO block_progress (trust_id, person_id, module_slug, block_id, state, done, updated_at)
      VALUES (${trust}, ${person}, '${SLUG}', '${id}', '${state}', 1, ${now})`);
  }
  sql(statements);
}

test('order_sort_with_scripts_scores_the_order_the_learner_sets_and_shows_no_place_selects', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await page.goto(`/learning/${SLUG}/5`);
  const block = page.locator(`#block-${SORT_ID}`);
  await block.getByRole('button', { name: /^Move up/ }).first().waitFor();
  // The script's buttons replace the place selects: both at once would give two answers.
  for (const select of await block.locator('select').all()) {
    assert.equal(await select.isVisible(), false, 'a place select is hidden once the Move buttons are there');
  }
  const suggested = suggestedOrder();
  const cardTexts = () => block.locator('.sort-card__text').allInnerTexts();
  for (let place = 0; place < suggested.length; place += 1) {
    let texts = await cardTexts();
    let at = texts.indexOf(suggested[place]);
    while (at > place) {
      await block.locator('.sort-card').nth(at).getByRole('button', { name: /^Move up/ }).click();
      texts = await cardTexts();
      at = texts.indexOf(suggested[place]);
    }
  }
  assert.deepEqual(await cardTexts(), suggested);
  await block.getByRole('button', { name: /Check/ }).click();
  await page.getByText(`You placed ${suggested.length} of ${suggested.length} as suggested.`).waitFor();
  await checkPage(page, 'module-order-sort-scripted');
  await context.close();
});

test('order_sort_without_scripts_scores_the_places_chosen', async () => {
  const { context, page } = await newPage(suite.browser, suite.server, { javaScriptEnabled: false });
  await signIn(page, DEMO_USERS.support.email);
  await page.goto(`/learning/${SLUG}/5`);
  const block = page.locator(`#block-${SORT_ID}`);
  const suggested = suggestedOrder();
  for (const card of await block.locator('.sort-card').all()) {
    const text = (await card.locator('.sort-card__text').innerText()).trim();
    await card.getByLabel('Place').selectOption(String(suggested.indexOf(text) + 1));
  }
  await Promise.all([
    page.waitForURL(`**/learning/${SLUG}/5#block-${SORT_ID}`),
    block.getByRole('button', { name: /Check/ }).click(),
  ]);
  await page.getByText(`You placed ${suggested.length} of ${suggested.length} as suggested.`).waitFor();
  await screenshot(page, 'module-order-sort-without-scripts');
  await context.close();
});

test('finishing_the_module_on_its_last_page_offers_the_certificate_at_its_foot', async () => {
  const blocks = moduleBlocks();
  const last = Math.max(...blocks.map((block) => block.page));
  const plan = blocks.find((block) => block.type === 'actionplan');
  const before = blocks.filter((block) => block.required && block.id !== plan.id).map((block) => block.id);
  seedProgress(DEMO_USERS.schoollead.email, before, last, before[before.length - 1]);

  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.schoollead.email);
  await page.goto(`/learning/${SLUG}/${last}`);
  const foot = page.locator('[data-finish-list]');
  await foot.getByRole('link', { name: /Action plan/ }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Further resources' }).count(), 1,
    'one "Further resources" heading on the last page');

  const block = page.locator(`#block-${plan.id}`);
  await block.getByRole('checkbox').first().check();
  await block.getByRole('button', { name: 'Save my plan' }).click();
  await page.locator('[data-completion-notice] .notice').waitFor();
  // Saved in place by the script: the foot says the same as the top.
  assert.equal(await foot.count(), 0, 'the list of what is left is gone');
  const pager = page.getByRole('navigation', { name: 'Pages' });
  await pager.getByRole('link', { name: 'Your certificate' }).waitFor();
  await checkPage(page, 'module-finished-foot');

  // And the page as the server draws it afterwards.
  await page.reload();
  assert.equal(await page.getByText('To finish the module').count(), 0);
  await pager.getByRole('link', { name: 'Your certificate' }).waitFor();
  await context.close();
});

test('continue_lands_on_the_next_block_to_do_not_one_already_done', async () => {
  const blocks = moduleBlocks().filter((block) => block.required);
  // Done: every required block up to and including the first activity of page 2.
  const firstOnTwo = blocks.findIndex((block) => block.page === 2);
  const done = blocks.slice(0, firstOnTwo + 1).map((block) => block.id);
  const next = blocks[firstOnTwo + 1];
  assert.equal(next.page, 2, 'page 2 has a second activity');
  seedProgress(DEMO_USERS.pdlead.email, done, 2, done[done.length - 1]);

  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await page.goto(`/learning/${SLUG}`);
  await page.getByRole('link', { name: 'Continue where you left off' }).click();
  await page.waitForURL(`**/learning/${SLUG}/2#block-${next.id}`);
  await context.close();
});

// Taking a whole module by keyboard: every block type, signing out half-way and carrying on,
// the certificate (read back with pdftotext) and its public check. axe runs on every page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DEMO_USERS, DEMO_PASSWORD, useServerAndBrowser, newPage, signIn, checkPage, screenshot, pdfText } = require('./helpers');

const suite = useServerAndBrowser();
const SLUG = 'building-trust';
const MODULE_DIR = path.resolve(__dirname, '..', '..', 'content', 'modules', SLUG);
const TITLE = JSON.parse(fs.readFileSync(path.join(MODULE_DIR, 'module.json'), 'utf8')).title;

// The activity blocks of the module's files, by id: what a person who knows the answers would do.
function answerKey() {
  const key = new Map();
  const manifest = JSON.parse(fs.readFileSync(path.join(MODULE_DIR, 'module.json'), 'utf8'));
  for (const file of manifest.pages) {
    const text = fs.readFileSync(path.join(MODULE_DIR, file), 'utf8');
    for (const match of text.matchAll(/^```trellis-(\w+) id=([a-z0-9-]+)[^\n]*\n([\s\S]*?)^```$/gm)) {
      const [, type, id, body] = match;
      const lines = body.split('\n');
      key.set(id, {
        type,
        correct: lines.filter((line) => /^- \[[x ]\]/.test(line)).map((line) => line.startsWith('- [x]')),
        groups: new Map(lines.filter((line) => line.includes(' => ')).map((line) => {
          const [card, group] = line.slice(2).split(' => ');
          return [card.trim(), group.trim()];
        })),
      });
    }
  }
  return key;
}

// Presses Tab until `target` has focus, as a keyboard user would.
async function tabTo(page, target, limit = 300) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function pressOn(page, target, key = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function answerQuiz(page, block, answer) {
  const inputs = block.locator('input[name="option"]');
  const multiple = (await inputs.first().getAttribute('type')) === 'checkbox';
  if (multiple) {
    for (let index = 0; index < answer.correct.length; index += 1) {
      if (answer.correct[index]) await pressOn(page, inputs.nth(index), 'Space');
    }
  } else {
    const right = answer.correct.indexOf(true);
    await tabTo(page, inputs.first());
    if (right === 0) await page.keyboard.press('Space');
    for (let step = 0; step < right; step += 1) await page.keyboard.press('ArrowDown');
  }
  await pressOn(page, block.getByRole('button', { name: /Check/ }));
  await block.locator('.verdict--right').waitFor();
}

async function playScenario(page, block) {
  for (let step = 0; step < 10; step += 1) {
    if (await block.getByRole('button', { name: 'Try a different path' }).count()) return;
    const story = await block.locator('.scenario__node').innerText();
    await pressOn(page, block.locator('.scenario__choice').first());
    await page.waitForFunction(
      ([id, before]) => document.querySelector(`#${id} .scenario__node`)?.innerText !== before,
      [await block.getAttribute('id'), story]);
  }
  throw new Error('the scenario never ended');
}

async function sortCards(page, block, answer) {
  if (await block.locator('form[data-sort-order]').count()) {
    // Move the second card up by keyboard, and check it moved.
    const texts = () => block.locator('.sort-card__text').allInnerTexts();
    const before = await texts();
    await pressOn(page, block.locator('.sort-card').nth(1).getByRole('button', { name: /^Move up/ }));
    const after = await texts();
    assert.deepEqual(after.slice(0, 2), [before[1], before[0]], 'Move up swaps the card with the one above');
  } else {
    for (const card of await block.locator('.sort-card').all()) {
      const group = answer.groups.get((await card.locator('.sort-card__text').innerText()).trim());
      await tabTo(page, card.locator('select'));
      await page.keyboard.type(group);
      assert.equal(await card.locator('select option:checked').innerText(), group);
    }
  }
  await pressOn(page, block.getByRole('button', { name: /Check/ }));
  await block.getByText(/You placed \d+ of \d+ as suggested/).waitFor();
}

async function reflect(page, block) {
  await tabTo(page, block.locator('textarea'));
  await page.keyboard.type('Staff need to see leaders act on what they hear before they believe it.');
  await block.getByText(/^Saved at/).waitFor(); // saved by itself, a moment after typing stops
}

async function downloadResource(page, block) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    pressOn(page, block.getByRole('link', { name: /Download/ })),
  ]);
  const bytes = fs.readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 4).toString(), '%PDF');
}

async function planActions(page, block) {
  await pressOn(page, block.getByRole('checkbox').first(), 'Space');
  await tabTo(page, block.getByLabel('Steps of your own'));
  await page.keyboard.type('Hold a coaching agreement meeting with my team by half-term');
  await pressOn(page, block.getByRole('button', { name: 'Save my plan' }));
  await page.locator('[data-completion-notice] .notice').waitFor();
}

// Completes every activity on the current page, in order, by keyboard.
async function completePage(page, key) {
  for (const block of await page.locator('section.block[id^="block-"]').all()) {
    const id = (await block.getAttribute('id')).slice('block-'.length);
    const answer = key.get(id);
    if (!answer) continue;
    if (answer.type === 'quiz') await answerQuiz(page, block, answer);
    if (answer.type === 'scenario') await playScenario(page, block);
    if (answer.type === 'sort') await sortCards(page, block, answer);
    if (answer.type === 'reflection') await reflect(page, block);
    if (answer.type === 'video') {
      await pressOn(page, block.getByRole('button', { name: /I have watched it/ }));
      await block.getByText('You have watched this video.').waitFor();
    }
    if (answer.type === 'resource') await downloadResource(page, block);
    if (answer.type === 'actionplan') await planActions(page, block);
  }
}

async function signInByKeyboard(page, email) {
  await page.goto('/sign-in');
  await tabTo(page, page.getByLabel('Email address'));
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
}

test('a_teacher_takes_a_module_by_keyboard_resumes_after_signing_out_and_gets_a_certificate', async () => {
  const key = answerKey();
  const { context, page } = await newPage(suite.browser, suite.server, { acceptDownloads: true });
  await signInByKeyboard(page, DEMO_USERS.teacher.email);
  await page.goto(`/learning/${SLUG}`);
  await pressOn(page, page.getByRole('link', { name: 'Start the module' }));
  await page.waitForURL(`**/learning/${SLUG}/1`);

  const pages = JSON.parse(fs.readFileSync(path.join(MODULE_DIR, 'module.json'), 'utf8')).pages.length;
  for (let number = 1; number <= pages; number += 1) {
    await checkPage(page, `module-page-${number}`);
    await completePage(page, key);
    await checkPage(page, `module-page-${number}-answered`);
    if (number === 4) {
      // Half-way: sign out, come back, and carry on where there is something left to do: page 4
      // is finished, so the next page, from its top.
      await pressOn(page, page.getByRole('button', { name: 'Sign out' }));
      await page.waitForURL('**/sign-in');
      await signInByKeyboard(page, DEMO_USERS.teacher.email);
      await pressOn(page, page.getByRole('link', { name: `Continue: ${TITLE}` }));
      await page.waitForURL(`**/learning/${SLUG}/5`);
      await checkPage(page, 'module-resumed');
      // What was written on page 4 is still there.
      await page.goto(`/learning/${SLUG}/4`);
      assert.match(await page.locator('#block-reflect-say-do textarea').inputValue(), /leaders act on what they hear/);
    }
    if (number < pages) {
      await pressOn(page, page.getByRole('link', { name: /^Next page/ }));
      await page.waitForURL(`**/learning/${SLUG}/${number + 1}`);
    }
  }

  await pressOn(page, page.locator('[data-completion-notice]').getByRole('link', { name: /certificate/ }));
  await page.waitForURL(`**/learning/${SLUG}/certificate`);
  await checkPage(page, 'module-certificate');
  const code = (await page.locator('code').innerText()).trim();
  assert.match(code, /^TRL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    pressOn(page, page.getByRole('link', { name: 'Download your certificate (PDF)' })),
  ]);
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-certificate-')), 'certificate.pdf');
  await download.saveAs(pdf);
  const text = pdfText(pdf);
  assert.ok(text.includes('Grace Okafor'), `the certificate names the teacher: ${text}`);
  assert.ok(text.includes(TITLE), `the certificate names the module: ${text}`);
  assert.ok(text.includes(code), `the certificate carries its code: ${text}`);

  await page.goto('/learning/mine');
  await page.getByRole('cell', { name: TITLE, exact: true }).waitFor();
  await checkPage(page, 'my-learning');
  await context.close();

  // Anyone, signed in or not, can check the code; an invented one is refused.
  const { context: publicContext, page: publicPage } = await newPage(suite.browser, suite.server);
  const genuine = await publicPage.goto(`/verify/${code}`);
  assert.equal(genuine.status(), 200);
  await publicPage.getByText('This certificate is genuine.').waitFor();
  assert.ok((await publicPage.locator('main').innerText()).includes('Grace Okafor'));
  await checkPage(publicPage, 'verify-genuine');
  const invented = await publicPage.goto('/verify/TRL-AAAA-BBBB-CCCC');
  assert.equal(invented.status(), 404);
  await publicPage.getByText(/No certificate has the code TRL-AAAA-BBBB-CCCC/).waitFor();
  await checkPage(publicPage, 'verify-refused');
  await publicContext.close();
});

test('a_quiz_works_without_scripts_and_the_transcript_has_its_own_page', async () => {
  const { context, page } = await newPage(suite.browser, suite.server, { javaScriptEnabled: false });
  await signIn(page, DEMO_USERS.support.email);
  await page.goto(`/learning/${SLUG}/6`);
  // Without JavaScript the quiz is an ordinary form: the page comes back with feedback.
  await page.locator('#block-quiz-case-study input[name="option"]').nth(1).check();
  await page.locator('#block-quiz-case-study').getByRole('button', { name: 'Check my answer' }).click();
  await page.waitForURL(`**/learning/${SLUG}/6#block-quiz-case-study`);
  await page.locator('#block-quiz-case-study .verdict').waitFor();
  await screenshot(page, 'module-page-without-scripts'); // axe itself needs scripts, so it runs below
  await context.close();

  const { context: scripted, page: withScripts } = await newPage(suite.browser, suite.server);
  await signIn(withScripts, DEMO_USERS.support.email);
  await withScripts.goto(`/learning/${SLUG}/6`);
  await withScripts.locator('#block-quiz-case-study .verdict').waitFor();
  await checkPage(withScripts, 'module-page-quiz-feedback');
  await withScripts.goto(`/learning/${SLUG}/transcripts/case-study`);
  await withScripts.getByRole('heading', { level: 1, name: /^Transcript/ }).waitFor();
  await checkPage(withScripts, 'module-transcript');
  await scripted.close();
});

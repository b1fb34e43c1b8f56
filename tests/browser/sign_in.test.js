// Signing in and out, per role, by mouse and by keyboard.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO_USERS, DEMO_PASSWORD, useServerAndBrowser, newPage, signIn, checkPage,
} = require('./helpers');

const suite = useServerAndBrowser();

// The links in the main navigation, by their visible text.
async function navigationLabels(page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
}

test('sign_in_page_is_accessible', async () => {
  const { context, page } = await newPage(suite.browser, suite.server);
  await page.goto('/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in to Trellis' }).waitFor();
  await checkPage(page, 'sign-in');
  await context.close();
});

const expectations = {
  admin: { people: true, importStaff: true },
  pdlead: { people: true, importStaff: true },
  schoollead: { people: true, importStaff: false },
  teacher: { people: false, importStaff: false },
  support: { people: false, importStaff: false },
};

for (const [key, user] of Object.entries(DEMO_USERS)) {
  test(`${key}_signs_in_and_sees_role_appropriate_home`, async () => {
    const { context, page } = await newPage(suite.browser, suite.server);
    await signIn(page, user.email);
    await page.getByRole('heading', { level: 1, name: `Hello, ${user.first_name}` }).waitFor();
    const lead = await page.locator('main .lead').innerText();
    assert.ok(lead.includes(`as ${user.role}.`), `the home page says who ${key} is: ${lead}`);
    const header = await page.locator('.site-header__who').innerText();
    assert.ok(header.includes(user.role), `the header says who ${key} is: ${header}`);
    const labels = await navigationLabels(page);
    assert.ok(labels.includes('Home'), `navigation has Home: ${labels}`);
    assert.ok(await page.locator('.site-header__who a[title="My profile"]').count() === 1, 'the name in the header links to My profile');
    assert.equal(labels.includes('People'), expectations[key].people, `People link for ${key}: ${labels}`);
    assert.equal(labels.includes('Import staff'), expectations[key].importStaff, `Import staff link for ${key}: ${labels}`);
    await checkPage(page, `home-${key}`);
    await context.close();
  });
}

test('staff_cannot_open_the_people_directory', async () => {
  const { context, page } = await newPage(suite.browser, suite.server);
  await signIn(page, DEMO_USERS.teacher.email);
  const response = await page.goto('/people');
  assert.ok(response.status() === 403 || response.status() === 404,
    `a teacher gets 403 or 404 from /people, got ${response.status()}`);
  await context.close();
});

test('sign_out_ends_the_session', async () => {
  const { context, page } = await newPage(suite.browser, suite.server);
  await signIn(page, DEMO_USERS.teacher.email);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/'),
    page.getByRole('button', { name: 'Sign out' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: 'Sign in to Trellis' }).waitFor();
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/sign-in', 'home sends a signed-out visitor to sign in');
  await assert.rejects(
    page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 500 }),
    'no sign-out button once signed out');
  await context.close();
});

test('wrong_password_shows_an_error_and_does_not_sign_in', async () => {
  const { context, page } = await newPage(suite.browser, suite.server);
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(DEMO_USERS.admin.email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const error = page.getByRole('alert');
  await error.waitFor();
  assert.match(await error.innerText(), /\S/);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  assert.equal(await page.getByLabel('Email address').inputValue(), DEMO_USERS.admin.email,
    'the email address is kept after a failed attempt');
  await checkPage(page, 'sign-in-error');
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/sign-in', 'still signed out');
  await context.close();
});

test('sign_in_form_can_be_completed_with_the_keyboard_only', async () => {
  const { context, page } = await newPage(suite.browser, suite.server);
  await page.goto('/sign-in');
  // Tab from the top of the page until the email field has focus; it must come soon.
  let focused = '';
  for (let presses = 0; presses < 10 && focused !== 'email'; presses += 1) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  assert.equal(focused, 'email', 'Tab reaches the email field');
  await page.keyboard.type(DEMO_USERS.schoollead.email);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'password', 'Tab moves from email to password');
  await page.keyboard.type(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.keyboard.press('Enter'),
  ]);
  await page.getByRole('heading', { level: 1, name: `Hello, ${DEMO_USERS.schoollead.first_name}` }).waitFor();
  await context.close();
});

test('skip_link_is_first_and_moves_focus_to_main', async () => {
  const { context, page } = await newPage(suite.browser, suite.server);
  await page.goto('/sign-in');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(first, 'Skip to main content');
  assert.ok(await page.evaluate(() => {
    const box = document.activeElement.getBoundingClientRect();
    return box.left >= 0 && box.width > 0;
  }), 'the skip link is visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await context.close();
});

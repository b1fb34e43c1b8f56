// Passwords: a one-time reset link made by an administrator, changing one's own password,
// and the error page for an address that does not exist.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO_USERS, DEMO_PASSWORD, useServerAndBrowser, newPage, signIn, openAs, checkPage,
} = require('./helpers');

const suite = useServerAndBrowser();

test('admin_makes_a_reset_link_and_the_person_chooses_a_password_with_it', async () => {
  const admin = await openAs(suite.browser, suite.server, DEMO_USERS.admin.email);
  await admin.page.goto('/people');
  await admin.page.getByLabel('Name or email').fill(DEMO_USERS.support.email);
  await Promise.all([
    admin.page.waitForURL((url) => url.searchParams.has('q')),
    admin.page.getByRole('button', { name: 'Search' }).click(),
  ]);
  await Promise.all([
    admin.page.waitForURL(/\/people\/\d+$/),
    admin.page.getByRole('link', { name: 'Kowalski, Dan' }).click(),
  ]);
  await admin.page.getByRole('heading', { level: 1, name: 'Dan Kowalski' }).waitFor();
  await checkPage(admin.page, 'person-admin-view');
  await admin.page.getByRole('button', { name: 'Make a sign-in link' }).click();
  await admin.page.getByRole('heading', { level: 1, name: 'Sign-in link for Dan Kowalski' }).waitFor();
  const link = await admin.page.getByLabel('Link').inputValue();
  const resetPath = new URL(link, suite.server.baseUrl).pathname;
  assert.match(resetPath, /^\/reset\/[A-Za-z0-9_-]{16,}$/, `a one-time link: ${link}`);
  await checkPage(admin.page, 'reset-link');
  await admin.context.close();

  // Dan opens the link in his own browser, where nobody is signed in.
  const dan = await newPage(suite.browser, suite.server);
  await dan.page.goto(resetPath);
  await dan.page.getByRole('heading', { level: 1, name: 'Choose a password' }).waitFor();
  await dan.page.getByText('Dan Kowalski').first().waitFor();
  await checkPage(dan.page, 'reset');
  const newPassword = 'a-brand-new-password-for-dan';
  await dan.page.getByLabel('New password', { exact: true }).fill(newPassword);
  await dan.page.getByLabel('New password again').fill(newPassword);
  await Promise.all([
    dan.page.waitForURL((url) => !url.pathname.startsWith('/reset/')),
    dan.page.getByRole('button', { name: 'Save password' }).click(),
  ]);
  // Choosing the password signs him in: he lands on his own home page, not the sign-in form.
  await dan.page.getByRole('heading', { level: 1, name: 'Hello, Dan' }).waitFor();
  await dan.page.getByText('Your password is set and you are signed in.').waitFor();
  await checkPage(dan.page, 'home-after-reset');
  await dan.context.close();

  const fresh = await newPage(suite.browser, suite.server);
  await signIn(fresh.page, DEMO_USERS.support.email, newPassword);
  await fresh.page.getByRole('heading', { level: 1, name: 'Hello, Dan' }).waitFor();
  await fresh.context.close();

  // The link works once, and the old password no longer does.
  const again = await newPage(suite.browser, suite.server);
  const reused = await again.page.goto(resetPath);
  assert.ok(reused.status() >= 400, `a used link is refused, got ${reused.status()}`);
  await again.page.goto('/sign-in');
  await again.page.getByLabel('Email address').fill(DEMO_USERS.support.email);
  await again.page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await again.page.getByRole('button', { name: 'Sign in' }).click();
  await again.page.getByRole('alert').waitFor();
  await again.context.close();
});

test('reset_link_with_mismatched_passwords_shows_an_error', async () => {
  const admin = await openAs(suite.browser, suite.server, DEMO_USERS.admin.email);
  await admin.page.goto('/people/4');
  await admin.page.getByRole('button', { name: 'Make a sign-in link' }).click();
  const link = await admin.page.getByLabel('Link').inputValue();
  await admin.context.close();

  const teacher = await newPage(suite.browser, suite.server);
  await teacher.page.goto(new URL(link, suite.server.baseUrl).pathname);
  await teacher.page.getByLabel('New password', { exact: true }).fill('first-long-password');
  await teacher.page.getByLabel('New password again').fill('other-long-password');
  await teacher.page.getByRole('button', { name: 'Save password' }).click();
  await teacher.page.getByRole('alert').waitFor();
  await teacher.page.getByRole('heading', { level: 1, name: 'Choose a password' }).waitFor();
  await checkPage(teacher.page, 'reset-error');
  await teacher.context.close();
});

test('person_changes_their_own_password', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.schoollead.email);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/account/password'),
    page.getByRole('link', { name: 'Change my password' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: 'Change your password' }).waitFor();
  await checkPage(page, 'password-change');

  // A wrong current password is refused with a message.
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill('tom-chose-this-one');
  await page.getByLabel('New password again').fill('tom-chose-this-one');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('alert').waitFor();
  await checkPage(page, 'password-change-error');

  await page.getByLabel('Current password').fill(DEMO_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('tom-chose-this-one');
  await page.getByLabel('New password again').fill('tom-chose-this-one');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('status').filter({ hasText: /password/i }).first().waitFor();
  await checkPage(page, 'password-changed');
  await context.close();

  const fresh = await newPage(suite.browser, suite.server);
  await signIn(fresh.page, DEMO_USERS.schoollead.email, 'tom-chose-this-one');
  await fresh.context.close();
});

test('unknown_address_shows_an_accessible_404_page', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  const response = await page.goto('/no-such-page');
  assert.equal(response.status(), 404);
  await page.getByRole('heading', { level: 1, name: /404/ }).waitFor();
  await page.getByRole('link', { name: 'Go to your home page' }).waitFor();
  await checkPage(page, 'error-404');
  await context.close();
});

test('sign_in_returns_to_the_page_asked_for', async () => {
  // Signed out, a page asks for sign-in first and then returns to where the person was going.
  const anonymous = await newPage(suite.browser, suite.server);
  await anonymous.page.goto('/people/4');
  assert.equal(new URL(anonymous.page.url()).pathname, '/sign-in', 'signed-out visitors are asked to sign in');
  await anonymous.page.getByLabel('Email address').fill(DEMO_USERS.admin.email);
  await anonymous.page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await Promise.all([
    anonymous.page.waitForURL((url) => url.pathname !== '/sign-in'),
    anonymous.page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  assert.equal(new URL(anonymous.page.url()).pathname, '/people/4', 'back to the page asked for');
  await anonymous.context.close();
});

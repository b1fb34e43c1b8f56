// First-run setup: on an empty database the first visitor creates the organisation.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useServerAndBrowser, newPage, signIn, checkPage } = require('./helpers');

const suite = useServerAndBrowser({ demo: false });

test('setup_with_mismatched_passwords_shows_an_error_and_keeps_the_answers', async () => {
  const { context, page } = await newPage(suite.browser, suite.server);
  await page.goto('/setup');
  await page.getByLabel('Name of your trust or school').fill('Northfield Learning Trust');
  await page.getByLabel('Short name').fill('northfield-trust');
  await page.getByLabel('First name').fill('Priya');
  await page.getByLabel('Last name').fill('Raman');
  await page.getByLabel('Email address').fill('priya.raman@northfield.example');
  await page.getByLabel('Password', { exact: true }).fill('northfield-setup-2026');
  await page.getByLabel('Password again').fill('something-else-entirely');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByLabel('Name of your trust or school').inputValue(), 'Northfield Learning Trust');
  assert.equal(await page.getByLabel('Email address').inputValue(), 'priya.raman@northfield.example');
  await checkPage(page, 'setup-error');
  await context.close();
});

test('first_run_setup_creates_the_organisation_and_lands_on_home', async () => {
  const { context, page } = await newPage(suite.browser, suite.server);
  await page.goto('/');
  // An empty Trellis sends its first visitor to setup, whichever page they ask for.
  if (new URL(page.url()).pathname !== '/setup') await page.goto('/setup');
  await page.getByRole('heading', { level: 1, name: 'Set up Trellis' }).waitFor();
  await checkPage(page, 'setup');

  await page.getByLabel('Name of your trust or school').fill('Northfield Learning Trust');
  await page.getByLabel('Short name').fill('northfield-trust');
  await page.getByLabel('First name').fill('Priya');
  await page.getByLabel('Last name').fill('Raman');
  await page.getByLabel('Email address').fill('priya.raman@northfield.example');
  await page.getByLabel('Password', { exact: true }).fill('northfield-setup-2026');
  await page.getByLabel('Password again').fill('northfield-setup-2026');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.getByRole('button', { name: 'Create organisation' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: 'Hello, Priya' }).waitFor();
  assert.match(await page.locator('main .lead').innerText(), /Northfield Learning Trust as Administrator/);
  await checkPage(page, 'setup-done-home');
  await context.close();

  // Setup happens once: afterwards it is closed, and the new administrator can sign in.
  const later = await newPage(suite.browser, suite.server);
  const again = await later.page.goto('/setup');
  assert.ok(again.status() >= 400 || new URL(later.page.url()).pathname !== '/setup',
    `setup is closed once done (status ${again.status()}, ${later.page.url()})`);
  await signIn(later.page, 'priya.raman@northfield.example', 'northfield-setup-2026');
  await later.context.close();
});

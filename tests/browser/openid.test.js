// Signing in with Microsoft against the loopback OpenID provider (servers/openid_provider.mjs): the
// administrator sets it up from the Schools page, then a teacher presses "Sign in with Microsoft" and
// lands on her home page; a token the provider got wrong leaves her on the sign-in page with a
// message. axe runs on each page.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { DEMO_USERS, useServerAndBrowser, newPage, openAs, checkPage } = require('./helpers');

const suite = useServerAndBrowser();
const provider = {};

// Starts the provider on a port of its choosing and reads its address from the line it prints.
before(async () => {
  provider.child = spawn(process.execPath, [path.join(__dirname, 'servers', 'openid_provider.mjs'), '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  provider.url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the OpenID provider did not start')), 10_000);
    provider.child.stdout.on('data', (chunk) => {
      const found = /ready on (http:\/\/127\.0\.0\.1:\d+)/.exec(String(chunk));
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
  });
});
after(() => provider.child?.kill('SIGTERM'));

async function setScenario(body) {
  const answer = await fetch(`${provider.url}/_scenario`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  assert.equal(answer.status, 204);
}

test('the administrator sets up Microsoft and a teacher signs in with it to her home page', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.admin.email);
  await page.goto('/schools');
  await page.getByRole('link', { name: 'Set up signing in with Microsoft or Google' }).click();
  await checkPage(page, 'sign-in-settings-empty');
  await page.getByLabel('Microsoft 365 (Entra ID)').check();
  await page.getByLabel('Client id (Microsoft: application id)').fill('trellis-browser-test');
  await page.getByLabel('Client secret').fill('a secret only the provider knows');
  await page.getByLabel('Microsoft: directory (tenant) id').fill('organizations');
  await page.getByLabel('Microsoft: directories whose staff may sign in').fill('11111111-1111-1111-1111-111111111111');
  await page.getByLabel('Domains of staff email addresses').fill('oakfield.example');
  await page.getByText("Provider's address (rarely changed)").click();
  await page.getByLabel("Where the provider's discovery document is").fill(provider.url);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.', { exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Microsoft' }).waitFor();
  await checkPage(page, 'sign-in-settings-microsoft');
  await context.close();

  const visitor = await newPage(suite.browser, suite.server);
  await visitor.page.goto('/sign-in');
  await checkPage(visitor.page, 'sign-in-with-microsoft');
  await Promise.all([
    visitor.page.waitForURL((url) => url.pathname === '/'),
    visitor.page.getByRole('link', { name: 'Sign in with Microsoft' }).click(),
  ]);
  await visitor.page.getByRole('heading', { level: 1, name: 'Hello, Grace' }).waitFor();
  await checkPage(visitor.page, 'signed-in-with-microsoft');
  await visitor.context.close();
});

test('a token meant for another application leaves the person on the sign-in page with a message', async () => {
  await setScenario({ claims: { aud: 'another-application' } });
  const { page, context } = await newPage(suite.browser, suite.server);
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
  const message = page.getByRole('alert');
  await message.waitFor();
  assert.match(await message.innerText(), /could not be trusted, so you are not signed in/);
  await checkPage(page, 'sign-in-with-microsoft-refused');
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  await setScenario({});
  await context.close();
});

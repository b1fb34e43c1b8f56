// Shared helpers for the browser tests: a throwaway Trellis server, a headless Chromium,
// sign-in, axe-core checks and screenshots. Everything runs on loopback addresses only.
'use strict';

const { before, after } = require('node:test');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

const TEST_DIR = __dirname;
const REPO_ROOT = path.resolve(TEST_DIR, '..', '..');
const TRELLIS_BINARY = path.resolve(
  process.env.TRELLIS_BINARY || path.join(TEST_DIR, '..', '..', 'build', 'trellis'));
const TRELLIS_ROOT = path.resolve(process.env.TRELLIS_ROOT || REPO_ROOT);
const SCREENSHOT_DIR = path.join(TEST_DIR, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LOOPBACK = '127.0.0.1';

const DEMO_PASSWORD = 'oakfield-demo-2026';
// role is the label Trellis shows for each account: staff by their staff group, anyone with a
// further role by that role with their staff group beside it.
const DEMO_USERS = {
  admin: { email: 'admin@oakfield.example', first_name: 'Morgan', role: 'Administrator (Leader)' },
  pdlead: { email: 'pdlead@oakfield.example', first_name: 'Asha', role: 'Trust PD lead (Leader)' },
  schoollead: { email: 'schoollead@oakfield.example', first_name: 'Tom', role: 'School PD lead (Leader)' },
  teacher: { email: 'teacher@oakfield.example', first_name: 'Grace', role: 'Teacher' },
  support: { email: 'support@oakfield.example', first_name: 'Dan', role: 'Support staff' },
};

// The tags every page is checked against, and the impacts that fail a test.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

// Turn Ctrl-C and termination into a normal exit, so the exit handlers below stop servers and
// remove temporary folders.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
}

// Resolves with a TCP port that was free on loopback a moment ago.
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealthy(baseUrl, child, logFile, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`trellis serve exited early (${child.exitCode ?? child.signalCode}):\n${readTail(logFile)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet; poll again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`trellis serve did not answer /healthz within ${deadlineMs} ms:\n${readTail(logFile)}`);
}

function readTail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

// Starts `trellis serve` on a fresh data folder (with the demo trust unless demo is false, and
// its training day and year of programmes when year is true) and resolves once /healthz answers.
// Call stop() to end it and remove its data.
async function startServer({ demo = true, year = false } = {}) {
  if (!fs.existsSync(TRELLIS_BINARY)) {
    throw new Error(`No Trellis binary at ${TRELLIS_BINARY}: build it or set TRELLIS_BINARY.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-browser-'));
  if (demo) {
    execFileSync(TRELLIS_BINARY, ['demo', '--data-dir', dataDir, ...(year ? ['--training-day'] : [])],
      { stdio: 'pipe', timeout: 60_000 });
  }
  const logFile = path.join(dataDir, 'serve.log');
  let lastError;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const log = fs.openSync(logFile, 'a');
    const child = spawn(TRELLIS_BINARY, [
      'serve', '--data-dir', dataDir, '--port', String(port), '--bind', LOOPBACK, '--root', TRELLIS_ROOT,
    // The address the browser uses is the one Trellis hands out (sign-in callbacks, badges).
    ], { stdio: ['ignore', log, log], env: { ...process.env, TRELLIS_PUBLIC_URL: `http://${LOOPBACK}:${port}` } });
    fs.closeSync(log);
    const baseUrl = `http://${LOOPBACK}:${port}`;
    try {
      await waitForHealthy(baseUrl, child, logFile, 15_000);
    } catch (error) {
      // Most likely another process took the port between probing and binding: try another.
      lastError = error;
      await killChild(child);
      continue;
    }
    const stop = async () => {
      await killChild(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    // Never leave a server behind, even when the test process ends abruptly.
    process.once('exit', () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    return { baseUrl, dataDir, logFile, stop };
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  throw lastError;
}

function killChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => { clearTimeout(force); resolve(); });
    child.kill('SIGTERM');
  });
}

// Launches Debian's Chromium headless; never downloads a browser.
function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

// Uncaught JavaScript errors seen on each page, checked by checkPage.
const scriptErrors = new WeakMap();

// A new context (cookie jar) and page pointed at the server, with short, explicit timeouts.
async function newPage(browser, server, options = {}) {
  const context = await browser.newContext({ baseURL: server.baseUrl, ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A script or style the Content-Security-Policy blocked is a broken page too.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  scriptErrors.set(page, errors);
  return { context, page };
}

// Signs in through the form and waits for the home page.
async function signIn(page, email, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
}

// Cookies of a signed-in session per server and email, so that tests which are not about
// signing in skip the form (each sign-in costs an Argon2id hash and two page loads).
const sessions = new Map();

// A new context and page already signed in as email (signing in through the form the first
// time). Use signIn instead where a test changes that person's password or signs them out.
async function openAs(browser, server, email, options = {}) {
  const key = `${server.baseUrl} ${email}`;
  if (!sessions.has(key)) {
    const { context, page } = await newPage(browser, server);
    await signIn(page, email);
    sessions.set(key, await context.storageState());
    await context.close();
  }
  const opened = await newPage(browser, server, { ...options, storageState: sessions.get(key) });
  await opened.page.goto('/');
  await opened.page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
  return opened;
}

function describeViolations(violations) {
  return violations.map((violation) => {
    const targets = violation.nodes.map((node) => `      ${node.target.join(' ')}\n        ${node.failureSummary?.split('\n').join('\n        ') ?? ''}`).join('\n');
    return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${targets}`;
  }).join('\n');
}

// The most of a page a screenshot keeps, in CSS pixels: registers and group lists of a whole staff
// run past 20,000 pixels, which Chromium can take longer than a test's timeout to paint on a busy
// machine, and a person reading the picture looks at the top of such a page anyway.
const SCREENSHOT_MOST_HEIGHT = 6000;

// Saves a full-page screenshot (its top SCREENSHOT_MOST_HEIGHT pixels) as screenshots/NAME.png.
async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, SCREENSHOT_MOST_HEIGHT) },
    timeout: 60_000,
  });
}

// Saves a screenshot (see above) and fails on any serious or critical WCAG 2.1 A/AA
// violation that axe-core finds on the page as it is now, or on any uncaught script error.
async function checkPage(page, name) {
  await screenshot(page, name);
  assert.deepEqual(scriptErrors.get(page) ?? [], [], `no JavaScript errors on ${name} (${page.url()})`);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const failing = results.violations.filter((violation) => FAILING_IMPACTS.has(violation.impact));
  const minor = results.violations.filter((violation) => !FAILING_IMPACTS.has(violation.impact));
  if (minor.length > 0) {
    console.log(`axe: minor/moderate findings on ${name} (${page.url()}):\n${describeViolations(minor)}`);
  }
  assert.equal(failing.length, 0,
    `axe found serious or critical violations on ${name} (${page.url()}):\n${describeViolations(failing)}`);
  return results;
}

// Registers hooks that start a server (with `options` for startServer) and Chromium before this
// test file's tests and stop both after them; returns an object whose `server` and `browser`
// are set once the hook has run.
function useServerAndBrowser(options = {}) {
  const suite = {};
  before(async () => {
    suite.server = await startServer(options);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

// Writes text to a new temporary file and returns its path.
function writeTempFile(name, text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-upload-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

// True when the page is wider than the viewport, i.e. the reader must scroll sideways.
function hasHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

// The elements that reach past the viewport's right edge (outside any scrolling box), for a
// failure message that says what made the page scroll sideways.
function overflowingElements(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (element) => {
      for (let up = element.parentElement; up; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (['auto', 'scroll', 'hidden'].includes(style.overflowX)) return true;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !inScroller(element))
      .slice(0, 8)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}` +
        `${element.className && typeof element.className === 'string' ? '.' + element.className.split(' ').join('.') : ''}` +
        ` (right edge ${Math.round(element.getBoundingClientRect().right)} of ${width})`)
      .join(', ');
  });
}

// Runs SQL statements on a test server's SQLite file with Python's sqlite3 module, for arranging
// what the pages under test do not make; returns the first value of the last query that gave rows.
function runSql(server, statements) {
  const code = [
    'import sqlite3, sys, json',
    'db = sqlite3.connect(sys.argv[1], timeout=30)',
    'last = None',
    'for statement in json.loads(sys.argv[2]):',
    '    rows = db.execute(statement).fetchall()',
    '    last = rows[0][0] if rows else last',
    'db.commit()',
    'print(last if last is not None else "")',
  ].join('\n');
  return execFileSync('python3', ['-c', code, path.join(server.dataDir, 'trellis.db'), JSON.stringify(statements)])
    .toString().trim();
}

// Clicks the named button and waits until the page has moved to an address that passes urlTest.
async function clickAndWait(page, name, urlTest) {
  await Promise.all([page.waitForURL(urlTest), page.getByRole('button', { name }).click()]);
}

// The text of a PDF (its bytes, or the path of a saved download) by pdftotext, with every run of
// white space made one space so a test can look for a phrase however the page wrapped it.
function pdfText(bytesOrPath) {
  let file = bytesOrPath;
  if (Buffer.isBuffer(bytesOrPath)) {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-pdf-')), 'document.pdf');
    fs.writeFileSync(file, bytesOrPath);
  }
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

module.exports = {
  clickAndWait,
  pdfText,
  runSql,
  useServerAndBrowser,
  DEMO_PASSWORD,
  DEMO_USERS,
  SCREENSHOT_DIR,
  startServer,
  launchBrowser,
  newPage,
  signIn,
  openAs,
  checkPage,
  screenshot,
  writeTempFile,
  hasHorizontalScroll, overflowingElements,
};

// A training day from the published timetable to the feedback results, in Chromium: a teacher
// downloads her calendar file, a presenter takes the register on a phone, an attendee gives
// feedback from the notice on the home page, and the lead reads the results and room sheets.
// The event, its sessions and placements are written straight into the demo database, as the
// allocation pages would leave them. axe runs on every page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { DEMO_USERS, useServerAndBrowser, newPage, signIn, checkPage, hasHorizontalScroll } = require('./helpers');

const suite = useServerAndBrowser();
const QUESTIONING = 'Questioning that makes everyone think';
const PHONICS = 'Phonics for support staff';

function haveSqlite() {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function sql(statements) {
  return execFileSync('sqlite3', [path.join(suite.server.dataDir, 'trellis.db')], {
    input: `.timeout 5000\n${statements}\n`, encoding: 'utf8',
  }).trim();
}

// One published event: two slots, two rooms, Grace's workshop first in the Library, the school
// lead's Phonics in the Hall then the Library. Dan goes to both; eight others fill Grace's room
// and have already rated it.
function seedPublishedDay() {
  sql(`
INSERT INTO events (trust_id, title, event_date, venue, stage, created_by, created_at, updated_at)
  SELECT trust_id, 'Spring training day', '2027-02-15', 'Oakfield Academy', 'published', id, 0, 0
  FROM people WHERE email = 'pdlead@oakfield.example';
INSERT INTO event_schools (event_id, trust_id, school_id) SELECT e.id, e.trust_id, s.id FROM events e JOIN schools s ON s.trust_id = e.trust_id;
INSERT INTO event_slots (event_id, trust_id, position, starts_at, ends_at) SELECT id, trust_id, 1, '09:30', '10:30' FROM events;
INSERT INTO event_slots (event_id, trust_id, position, starts_at, ends_at) SELECT id, trust_id, 2, '11:00', '12:15' FROM events;
INSERT INTO event_rooms (event_id, trust_id, name, capacity) SELECT id, trust_id, 'Library', 30 FROM events;
INSERT INTO event_rooms (event_id, trust_id, name, capacity) SELECT id, trust_id, 'Hall', 40 FROM events;
INSERT INTO workshop_offers (event_id, trust_id, presenter_id, title, summary, max_group, status, created_at, updated_at)
  SELECT e.id, e.trust_id, p.id, '${QUESTIONING}', 'Hinge questions and cold calling, tried in class.', 30, 'approved', 0, 0
  FROM events e, people p WHERE p.email = 'teacher@oakfield.example';
INSERT INTO workshop_offers (event_id, trust_id, presenter_id, title, summary, max_group, status, created_at, updated_at)
  SELECT e.id, e.trust_id, p.id, '${PHONICS}', 'Supporting early readers in small groups.', 30, 'approved', 0, 0
  FROM events e, people p WHERE p.email = 'schoollead@oakfield.example';
INSERT INTO workshop_sessions (event_id, trust_id, offer_id, slot_id, room_id)
  SELECT o.event_id, o.trust_id, o.id, sl.id, r.id FROM workshop_offers o
  JOIN event_slots sl ON sl.event_id = o.event_id AND sl.position = 1
  JOIN event_rooms r ON r.event_id = o.event_id AND r.name = 'Library' WHERE o.title = '${QUESTIONING}';
INSERT INTO workshop_sessions (event_id, trust_id, offer_id, slot_id, room_id)
  SELECT o.event_id, o.trust_id, o.id, sl.id, r.id FROM workshop_offers o
  JOIN event_slots sl ON sl.event_id = o.event_id AND sl.position = 1
  JOIN event_rooms r ON r.event_id = o.event_id AND r.name = 'Hall' WHERE o.title = '${PHONICS}';
INSERT INTO workshop_sessions (event_id, trust_id, offer_id, slot_id, room_id)
  SELECT o.event_id, o.trust_id, o.id, sl.id, r.id FROM workshop_offers o
  JOIN event_slots sl ON sl.event_id = o.event_id AND sl.position = 2
  JOIN event_rooms r ON r.event_id = o.event_id AND r.name = 'Library' WHERE o.title = '${PHONICS}';
CREATE TEMP VIEW placed_in AS SELECT s.id AS session_id, s.event_id, s.trust_id, s.slot_id, sl.position, o.title
  FROM workshop_sessions s JOIN workshop_offers o ON o.id = s.offer_id JOIN event_slots sl ON sl.id = s.slot_id;
INSERT INTO placements (event_id, trust_id, person_id, slot_id, session_id)
  SELECT v.event_id, v.trust_id, p.id, v.slot_id, v.session_id FROM placed_in v, people p
  WHERE p.email = 'support@oakfield.example' AND ((v.position = 1 AND v.title = '${QUESTIONING}') OR v.position = 2);
INSERT INTO placements (event_id, trust_id, person_id, slot_id, session_id)
  SELECT v.event_id, v.trust_id, p.id, v.slot_id, v.session_id FROM placed_in v, people p
  WHERE p.email = 'teacher@oakfield.example' AND v.position = 2;
INSERT INTO placements (event_id, trust_id, person_id, slot_id, session_id)
  SELECT v.event_id, v.trust_id, p.id, v.slot_id, v.session_id FROM placed_in v,
  (SELECT id FROM people WHERE email LIKE '%.%@oakfield.example' ORDER BY id LIMIT 8) p
  WHERE v.position = 1 AND v.title = '${QUESTIONING}';
`);
}

// The others in Grace's room were there and rated her workshop and the day.
function seedOthersFeedback() {
  sql(`
INSERT INTO attendance_marks (session_kind, session_id, trust_id, person_id, status, how, marked_by, marked_at)
  SELECT 'workshop', pl.session_id, pl.trust_id, pl.person_id, 'present', 'register', pl.person_id, 0 FROM placements pl
  JOIN people p ON p.id = pl.person_id WHERE p.email NOT IN ('support@oakfield.example', 'teacher@oakfield.example')
  AND NOT EXISTS (SELECT 1 FROM attendance_marks a WHERE a.session_id = pl.session_id AND a.person_id = pl.person_id);
INSERT INTO feedback (about_kind, about_id, trust_id, person_id, item_id, rating, comment, created_at)
  SELECT 'event', s.event_id, a.trust_id, a.person_id, s.offer_id, 3 + (a.person_id % 3), 'Worth the hour.', 0
  FROM attendance_marks a JOIN workshop_sessions s ON s.id = a.session_id
  WHERE a.person_id NOT IN (SELECT id FROM people WHERE email IN ('support@oakfield.example', 'pdlead@oakfield.example'));
INSERT INTO feedback (about_kind, about_id, trust_id, person_id, item_id, rating, comment, created_at)
  SELECT DISTINCT 'event', s.event_id, a.trust_id, a.person_id, 0, 2 + (a.person_id % 4), '', 0
  FROM attendance_marks a JOIN workshop_sessions s ON s.id = a.session_id
  WHERE a.person_id NOT IN (SELECT id FROM people WHERE email IN ('support@oakfield.example', 'pdlead@oakfield.example'));
UPDATE events SET stage = 'feedback';
`);
}

function eventId() {
  return sql('SELECT id FROM events;');
}

function unfold(text) {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

const skip = haveSqlite() ? false : 'needs the sqlite3 command to seed the event';

// Seeds once, on the first test's turn, when the suite's server is up.
let seeded = false;
function ensureSeeded() {
  if (!seeded) seedPublishedDay();
  seeded = true;
}

test('a teacher sees her timetable and downloads it as a calendar file', { skip }, async () => {
  ensureSeeded();
  const { context, page } = await newPage(suite.browser, suite.server, { acceptDownloads: true });
  await signIn(page, DEMO_USERS.teacher.email);
  const notice = page.getByRole('link', { name: /Your timetable for Spring training day is ready/ });
  await notice.waitFor();
  await checkPage(page, 'events-day-home-notice');
  await notice.click();
  await page.getByRole('heading', { level: 1, name: 'My timetable' }).waitFor();
  const table = page.getByRole('table', { name: 'Where to be and when' });
  await table.getByText(QUESTIONING).waitFor();
  await table.getByText('You are running this').waitFor();
  await table.getByText(PHONICS).waitFor();
  await checkPage(page, 'events-day-timetable');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Add to my calendar (.ics)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(text.includes('\r\n'), 'lines end with CRLF');
  const lines = unfold(text);
  assert.equal(lines.filter((line) => line === 'BEGIN:VEVENT').length, 2);
  assert.ok(lines.includes(`SUMMARY:${QUESTIONING}`));
  assert.ok(lines.includes(`SUMMARY:${PHONICS}`));
  assert.ok(lines.includes('DTSTART;TZID=Europe/London:20270215T093000'));
  assert.ok(lines.includes('DTSTART;TZID=Europe/London:20270215T110000'));
  assert.ok(lines.includes('LOCATION:Library\\, Oakfield Academy'));

  // Printed, the timetable keeps the table and drops the site's navigation.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-nav').isVisible(), false);
  assert.equal(await table.isVisible(), true);
  await context.close();
});

test('a presenter takes the register on a phone', { skip }, async () => {
  ensureSeeded();
  const { context, page } = await newPage(suite.browser, suite.server, {
    viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true,
  });
  await signIn(page, DEMO_USERS.teacher.email);
  await page.goto(`/events/${eventId()}/registers`);
  await page.getByRole('heading', { level: 1, name: 'Registers' }).waitFor();
  assert.equal(await hasHorizontalScroll(page), false, 'the list of registers fits a phone screen');
  await checkPage(page, 'events-day-registers-phone');
  await page.getByRole('link', { name: QUESTIONING, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Register: ${QUESTIONING}` }).waitFor();
  assert.equal(await hasHorizontalScroll(page), false, 'the register fits a phone screen');
  await checkPage(page, 'events-day-register-phone');
  const boxes = page.getByRole('checkbox');
  assert.equal(await boxes.count(), 9);
  await page.getByRole('checkbox', { name: /Dan Kowalski/ }).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Save register' }).click();
  await page.getByRole('status').filter({ hasText: 'Register saved: 2 of 9 present.' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /Dan Kowalski/ }).isChecked(), true);
  await checkPage(page, 'events-day-register-saved');
  await context.close();
});

test('an attendee gives feedback from the notice on the home page', { skip }, async () => {
  ensureSeeded();
  seedOthersFeedback();
  const { context, page } = await newPage(suite.browser, suite.server);
  await signIn(page, DEMO_USERS.support.email);
  await page.getByRole('link', { name: /How was Spring training day\?/ }).click();
  await page.getByRole('heading', { level: 1, name: 'How was the day?' }).waitFor();
  await checkPage(page, 'events-day-feedback');
  const workshop = page.getByRole('group', { name: QUESTIONING, exact: true });
  await workshop.getByLabel('5 Excellent').check();
  await workshop.getByLabel('Comment (optional)').fill('I tried the hinge questions the next morning.');
  await page.getByRole('group', { name: 'The day as a whole', exact: true }).getByLabel('4 Good').check();
  await page.getByRole('button', { name: 'Save my feedback' }).click();
  await page.getByRole('status').filter({ hasText: 'your feedback is saved' }).waitFor();
  assert.equal(await workshop.getByLabel('5 Excellent').isChecked(), true);
  await checkPage(page, 'events-day-feedback-saved');
  await context.close();
});

test('the lead reads the results with charts, and the room sheets', { skip }, async () => {
  ensureSeeded();
  const { context, page } = await newPage(suite.browser, suite.server);
  await signIn(page, DEMO_USERS.pdlead.email);
  await page.goto(`/events/${eventId()}/results`);
  await page.getByRole('heading', { level: 1, name: /^Feedback: / }).waitFor();
  for (const chart of ['Mean rating by workshop', 'Mean workshop rating by school', 'Mean workshop rating by staff group']) {
    await page.getByRole('img', { name: chart }).waitFor();
  }
  await page.getByText('I tried the hinge questions the next morning.').waitFor();
  await checkPage(page, 'events-day-results');

  await page.goto(`/events/${eventId()}/room-sheets`);
  await page.getByRole('heading', { level: 2, name: 'Library' }).waitFor();
  await page.getByRole('table', { name: 'Hall, slot by slot' }).getByText('Free').waitFor();
  await checkPage(page, 'events-day-room-sheets');
  await context.close();

  // The presenter sees her own workshop's results only.
  const presenter = await newPage(suite.browser, suite.server);
  await signIn(presenter.page, DEMO_USERS.teacher.email);
  await presenter.page.goto(`/events/${eventId()}/results`);
  await presenter.page.getByRole('heading', { level: 2, name: QUESTIONING }).waitFor();
  assert.equal(await presenter.page.getByText(PHONICS).count(), 0);
  await checkPage(presenter.page, 'events-day-results-presenter');
  await presenter.context.close();
});

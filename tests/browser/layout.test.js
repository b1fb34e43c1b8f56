// The frame around every page and the words on it: the icon, the header and menu on a phone, search
// buttons beside their fields, whole workshop titles in the choices, dates in words, singular counts,
// who is signed in, and pages worded for whoever reads them. A training day is seeded straight into
// the database; its own pages are tested elsewhere.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, newPage, openAs, signIn, checkPage, screenshot, runSql } = require('./helpers');

const suite = useServerAndBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const LONG_TITLE = 'Questioning that makes every pupil think: cold calling, wait time and hinge questions in practice';

const sql = (statements) => runSql(suite.server, statements);

// A training day at `stage` with one reserve, two workshops in two slots (one with a long title run by
// the school lead), and the teacher placed in it. Returns { eventId, sessionId }.
function seedEvent(stage) {
  const now = Math.floor(Date.now() / 1000);
  const person = (user) => `(SELECT id FROM people WHERE email = '${DEMO_USERS[user].email}')`;
  const trust = `(SELECT trust_id FROM people WHERE email = '${DEMO_USERS.pdlead.email}')`;
  const eventId = sql([
    `INSERT INTO events (trust_id, title, event_date, stage, choices_wanted, reserves_wanted, offers_close, choices_close, created_by, created_at, updated_at)
     VALUES (${trust}, 'Spring training day', '2027-02-01', '${stage}', 2, 1, '2027-01-11', '2027-01-25', ${person('pdlead')}, ${now}, ${now})`,
    'SELECT MAX(id) FROM events',
  ]);
  const ofEvent = `${eventId}, ${trust}`;
  const offer = (title, presenter) =>
    `INSERT INTO workshop_offers (event_id, trust_id, presenter_id, title, summary, audience, phase, outcomes, max_group, can_repeat, status, created_at, updated_at)
     VALUES (${ofEvent}, ${person(presenter)}, '${title}', 'A practical hour.', '', '', 'Something to try', 30, 1, 'approved', ${now}, ${now})`;
  const session = (title, position, room) =>
    `INSERT INTO workshop_sessions (event_id, trust_id, offer_id, slot_id, room_id)
     VALUES (${ofEvent}, (SELECT id FROM workshop_offers WHERE event_id = ${eventId} AND title = '${title}'),
             (SELECT id FROM event_slots WHERE event_id = ${eventId} AND position = ${position}),
             (SELECT id FROM event_rooms WHERE event_id = ${eventId} AND name = '${room}'))`;
  const sessionId = sql([
    `INSERT INTO event_schools (event_id, trust_id, school_id) SELECT ${eventId}, trust_id, id FROM schools WHERE trust_id = ${trust}`,
    `INSERT INTO event_slots (event_id, trust_id, position, starts_at, ends_at) VALUES (${ofEvent}, 1, '09:30', '10:30')`,
    `INSERT INTO event_slots (event_id, trust_id, position, starts_at, ends_at) VALUES (${ofEvent}, 2, '11:00', '12:00')`,
    `INSERT INTO event_rooms (event_id, trust_id, name, capacity) VALUES (${ofEvent}, 'Hall', 60)`,
    `INSERT INTO event_rooms (event_id, trust_id, name, capacity) VALUES (${ofEvent}, 'Library', 60)`,
    offer(LONG_TITLE, 'schoollead'),
    offer('Reading for pleasure', 'support'),
    session(LONG_TITLE, 1, 'Hall'),
    session('Reading for pleasure', 2, 'Library'),
    `INSERT INTO placements (event_id, trust_id, person_id, slot_id, session_id)
     SELECT ${ofEvent}, ${person('teacher')}, slot_id, id FROM workshop_sessions WHERE event_id = ${eventId} AND room_id =
       (SELECT id FROM event_rooms WHERE event_id = ${eventId} AND name = 'Hall')`,
    `SELECT id FROM workshop_sessions WHERE event_id = ${eventId} AND room_id =
       (SELECT id FROM event_rooms WHERE event_id = ${eventId} AND name = 'Hall')`,
  ]);
  return { eventId, sessionId };
}

test('every_page_has_our_icon_and_no_request_fails', async () => {
  const { context, page } = await newPage(suite.browser, suite.server);
  const failed = [];
  page.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  await signIn(page, DEMO_USERS.teacher.email);
  await page.goto('/learning');
  await page.waitForLoadState('networkidle');
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  const icon = await page.request.get(href);
  assert.equal(icon.status(), 200);
  assert.match(icon.headers()['content-type'], /^image\/svg\+xml/);
  assert.match(await icon.text(), /<svg/);
  assert.deepEqual(failed, [], 'no request on the way failed');
  await context.close();
});

for (const scripts of [true, false]) {
  test(`on_a_phone_the_header_is_short_and_the_menu_opens_${scripts ? 'with' : 'without'}_scripts`, async () => {
    const { context, page } = await newPage(suite.browser, suite.server, { ...PHONE, javaScriptEnabled: scripts });
    await signIn(page, DEMO_USERS.pdlead.email);
    const header = await page.locator('header.site-header').boundingBox();
    assert.ok(header.height <= 90, `the header takes ${header.height} of 844 pixels`);
    const main = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await main.count(), 0, 'the menu starts folded away');
    const menu = page.locator('summary', { hasText: 'Menu' });
    await menu.click();
    await main.getByRole('link', { name: 'Online learning' }).waitFor();
    assert.ok((await page.locator('.site-menu__who').innerText()).includes(DEMO_USERS.pdlead.role), 'the menu says who is signed in');
    if (scripts) await checkPage(page, 'phone-menu-open');
    else await screenshot(page, 'phone-menu-open-without-scripts');
    await Promise.all([
      page.waitForURL('**/learning'),
      main.getByRole('link', { name: 'Online learning' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Online learning' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).count().then((count) => assert.equal(count, 0, 'Sign out is in the folded menu'));
    await context.close();
  });
}

test('on_a_wide_screen_search_buttons_sit_beside_their_fields', async () => {
  const wide = { viewport: { width: 1600, height: 900 } };
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email, wide);
  for (const address of ['/learning', '/people', '/materials']) {
    await lead.page.goto(address);
    const form = lead.page.locator('form.filters');
    const inputs = form.locator('.field input, .field select');
    const last = await inputs.nth((await inputs.count()) - 1).boundingBox();
    const button = await form.locator('button[type="submit"]').boundingBox();
    const gap = button.x - (last.x + last.width);
    assert.ok(gap >= 0 && gap <= 32, `on ${address} the button is ${gap} pixels from the last field`);
    assert.ok(Math.abs(button.y + button.height - (last.y + last.height)) <= 4, `on ${address} the button is on the field's line`);
  }
  await checkPage(lead.page, 'filters-wide');
  await lead.context.close();
});

test('on_a_phone_the_whole_title_of_each_chosen_workshop_shows', async () => {
  const { eventId } = seedEvent('choices');
  for (const scripts of [true, false]) {
    const { context, page } = await newPage(suite.browser, suite.server, { ...PHONE, javaScriptEnabled: scripts });
    await signIn(page, DEMO_USERS.teacher.email);
    await page.goto(`/events/${eventId}/choices`);
    await page.getByLabel('1st choice').selectOption({ label: LONG_TITLE });
    await page.getByLabel('2nd choice').selectOption({ label: 'Reading for pleasure' });
    if (!scripts) {
      await Promise.all([
        page.waitForURL((url) => url.search === '?saved=1'),
        page.getByRole('button', { name: 'Save my choices' }).click(),
      ]);
    }
    const picked = page.locator('[data-picked-for="choice_1"]');
    assert.equal((await picked.innerText()).trim(), LONG_TITLE);
    assert.ok(await picked.isVisible());
    const overflow = await picked.evaluate((element) => element.scrollWidth > element.clientWidth);
    assert.equal(overflow, false, 'the title wraps within the screen');
    if (scripts) await checkPage(page, 'phone-choices');
    else await screenshot(page, 'phone-choices-saved-without-scripts');
    await context.close();
  }
});

test('dates_are_in_words_and_counts_of_one_are_singular', async () => {
  const { eventId } = seedEvent('choices');
  const teacher = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await teacher.page.goto(`/events/${eventId}/choices`);
  const choices = await teacher.page.locator('main').innerText();
  assert.ok(choices.includes('Monday 25 January 2027'), `the close date in words: ${choices}`);
  assert.ok(!/\d{4}-\d\d-\d\d/.test(choices), `no date in figures on the choices page: ${choices}`);
  await teacher.page.goto(`/events/${eventId}`);
  const show = await teacher.page.locator('main').innerText();
  assert.ok(show.includes('Rank 2 workshops, then up to 1 reserve'), show);
  await teacher.context.close();

  sql([`UPDATE events SET stage = 'offers' WHERE id = ${eventId}`]);
  const support = await openAs(suite.browser, suite.server, DEMO_USERS.support.email);
  await support.page.goto(`/events/${eventId}/offers`);
  const call = await support.page.locator('main').innerText();
  assert.ok(call.includes('Monday 1 February 2027'), `the day in words: ${call}`);
  assert.ok(call.includes('Monday 11 January 2027'), `the close of offers in words: ${call}`);
  assert.ok(!/\d{4}-\d\d-\d\d/.test(call), `no date in figures on the call page: ${call}`);
  await checkPage(support.page, 'call-dates-in-words');
  await support.context.close();

  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await lead.page.goto(`/people?q=${encodeURIComponent(DEMO_USERS.teacher.email)}`);
  await lead.page.getByRole('status').filter({ hasText: '1 person found.' }).waitFor();
  await lead.page.goto('/library?q=nothing-has-this-name');
  await lead.page.getByRole('status').filter({ hasText: '0 items found.' }).waitFor();
  await lead.page.goto('/learning?topic=lesson-study');
  await lead.page.getByRole('status').filter({ hasText: '1 module found.' }).waitFor();
  await lead.context.close();
});

test('a_teacher_sees_their_staff_group_and_the_role_tag_only_where_it_tells_them_something', async () => {
  const { context, page } = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  assert.equal((await page.locator('.site-header__who').innerText()).includes('· Teacher ·'), true);
  await page.goto('/learning/building-trust');
  assert.equal(await page.getByText('Written for your role').count(), 0, 'a module for everyone has no tag');
  await page.goto('/learning/planning-continuous-cpd');
  await page.getByText('Written for your role').waitFor();
  await context.close();
});

test('the_lead_reads_registers_and_colleagues_pages_worded_for_the_lead', async () => {
  const { eventId, sessionId } = seedEvent('published');
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await lead.page.goto(`/events/${eventId}/sessions/${sessionId}/register`);
  const crumbs = lead.page.getByRole('navigation', { name: 'Breadcrumb' });
  await crumbs.getByRole('link', { name: 'Registers' }).waitFor();
  assert.equal(await lead.page.getByText('My timetable').count(), 0, 'the lead is not reading their own timetable');
  await checkPage(lead.page, 'register-lead');
  await crumbs.getByRole('link', { name: 'Registers' }).click();
  await lead.page.getByRole('heading', { level: 1, name: 'Registers' }).waitFor();

  const teacherId = sql([`SELECT id FROM people WHERE email = '${DEMO_USERS.teacher.email}'`]);
  await lead.page.goto(`/people/${teacherId}`);
  const text = await lead.page.locator('main').innerText();
  assert.ok(!text.includes('when you finish'), `worded for the lead: ${text}`);
  assert.ok(text.includes('when Grace finishes a module'), text);
  await lead.context.close();
});

test('a_workshop_nobody_rated_reads_no_answers_yet_and_has_no_bar', async () => {
  const { eventId, sessionId } = seedEvent('feedback');
  const teacherId = sql([`SELECT id FROM people WHERE email = '${DEMO_USERS.teacher.email}'`]);
  const leadId = sql([`SELECT id FROM people WHERE email = '${DEMO_USERS.pdlead.email}'`]);
  sql([`INSERT INTO attendance_marks (session_kind, session_id, trust_id, person_id, status, how, marked_by, marked_at)
        SELECT 'workshop', ${sessionId}, trust_id, ${teacherId}, 'present', 'register', ${leadId}, 0 FROM people WHERE id = ${teacherId}`]);
  const teacher = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await teacher.page.goto(`/events/${eventId}/feedback`);
  await teacher.page.locator('fieldset.feedback__question', { hasText: LONG_TITLE }).getByLabel('4 Good').check();
  await Promise.all([
    teacher.page.waitForURL((url) => url.search === '?saved=1'),
    teacher.page.getByRole('button', { name: 'Save my feedback' }).click(),
  ]);
  await teacher.context.close();

  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await lead.page.goto(`/events/${eventId}/results`);
  const chart = lead.page.getByRole('img', { name: 'Mean rating by workshop' });
  await chart.waitFor();
  assert.equal(await chart.locator('rect').count(), 1, 'one bar: the workshop somebody rated');
  assert.equal(await chart.locator('text', { hasText: 'no answers yet' }).count(), 1);
  assert.equal(await chart.locator('text', { hasText: /^0\.0$/ }).count(), 0, 'no 0.0 that reads as worse than Poor');
  await checkPage(lead.page, 'results-no-answers-yet');
  await lead.context.close();
});

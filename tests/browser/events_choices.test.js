// Training days in the browser: the lead schedules approved workshops (with a suggestion), a
// teacher reads the catalogue and ranks workshops, the lead watches demand, reminds, allocates,
// moves someone and publishes. axe-core checks every page on the way.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, runSql, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser();

const sql = (statements) => runSql(suite.server, statements);

function seedEvent() {
  const now = Math.floor(Date.now() / 1000);
  const lead = `(SELECT id FROM people WHERE email = '${DEMO_USERS.pdlead.email}')`;
  const trust = `(SELECT trust_id FROM people WHERE email = '${DEMO_USERS.pdlead.email}')`;
  const eventId = sql([
    `INSERT INTO events (trust_id, title, event_date, stage, choices_wanted, reserves_wanted, choices_close, created_by, created_at, updated_at)
     VALUES (${trust}, 'Summer training day', '2027-06-25', 'scheduling', 3, 1, '2027-06-11', ${lead}, ${now}, ${now})`,
    'SELECT MAX(id) FROM events',
  ]);
  const ofEvent = `${eventId}, ${trust}`;
  // A presenter runs one workshop at a time, so each workshop has its own.
  const person = (user) => `(SELECT id FROM people WHERE email = '${DEMO_USERS[user].email}')`;
  const offer = (title, audience, phase, max, repeat, presenter) =>
    `INSERT INTO workshop_offers (event_id, trust_id, presenter_id, title, summary, audience, phase, outcomes, priority_id, max_group, can_repeat, status, created_at, updated_at)
     VALUES (${ofEvent}, ${person(presenter)}, '${title}', 'A practical hour on ${title.toLowerCase()}.', '${audience}', '${phase}',
     'A routine to try on Monday\nA way to check it worked', (SELECT MIN(id) FROM event_priorities WHERE event_id = ${eventId}), ${max}, ${repeat}, 'approved', ${now}, ${now})`;
  sql([
    `INSERT INTO event_schools (event_id, trust_id, school_id) SELECT ${eventId}, trust_id, id FROM schools WHERE trust_id = ${trust}`,
    `INSERT INTO event_slots (event_id, trust_id, position, starts_at, ends_at) VALUES (${ofEvent}, 1, '09:30', '10:30')`,
    `INSERT INTO event_slots (event_id, trust_id, position, starts_at, ends_at) VALUES (${ofEvent}, 2, '11:00', '12:00')`,
    `INSERT INTO event_rooms (event_id, trust_id, name, capacity) VALUES (${ofEvent}, 'Hall', 400)`,
    `INSERT INTO event_rooms (event_id, trust_id, name, capacity) VALUES (${ofEvent}, 'Library', 300)`,
    `INSERT INTO event_rooms (event_id, trust_id, name, capacity) VALUES (${ofEvent}, 'Studio', 200)`,
    `INSERT INTO event_priorities (event_id, trust_id, position, title) VALUES (${ofEvent}, 1, 'Reading across the curriculum')`,
    offer('Behaviour basics', '', '', 400, 1, 'pdlead'),
    offer('Reading for pleasure', '', '', 300, 1, 'schoollead'),
    offer('Phonics in practice', 'teacher,ect', 'primary', 200, 1, 'support'),
    offer('Lunchtime play', 'support', '', 200, 0, 'admin'),
  ]);
  return eventId;
}

function setStage(eventId, stage) {
  sql([`UPDATE events SET stage = '${stage}' WHERE id = ${eventId}`]);
}

test('lead_schedules_teacher_chooses_lead_allocates_and_publishes', async () => {
  const eventId = seedEvent();
  const base = `/events/${eventId}`;

  // The lead schedules with a suggestion and saves it.
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await lead.page.goto(`${base}/schedule`);
  await lead.page.getByRole('heading', { level: 1, name: 'Schedule the workshops' }).waitFor();
  await checkPage(lead.page, 'events-schedule');
  await clickAndWait(lead.page, 'Suggest a schedule', (url) => url.pathname.endsWith('/schedule/suggest'));
  await lead.page.getByText('This is a suggested schedule').waitFor();
  await checkPage(lead.page, 'events-schedule-suggested');
  await clickAndWait(lead.page, 'Save the schedule', (url) => url.search === '?saved=1');
  await lead.page.getByText('The schedule is saved.').waitFor();
  assert.equal(await lead.page.getByLabel('Workshop in Hall at 09:30–10:30').inputValue() !== '', true,
    'the hall is used in the first slot');

  // Choices open; the teacher reads the catalogue and ranks three workshops.
  setStage(eventId, 'choices');
  const teacher = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await teacher.page.goto(`${base}/workshops`);
  await teacher.page.getByRole('heading', { level: 1, name: /^Workshops on/ }).waitFor();
  assert.equal(await teacher.page.getByText('Lunchtime play').count(), 0, 'support-only workshops are not shown to a teacher');
  await checkPage(teacher.page, 'events-workshops');
  await teacher.page.getByRole('link', { name: 'Reading for pleasure' }).first().click();
  await teacher.page.getByRole('heading', { level: 2, name: 'What you will take away' }).waitFor();
  await checkPage(teacher.page, 'events-workshop');
  await teacher.page.getByRole('link', { name: 'Make your choices' }).click();
  await teacher.page.getByRole('heading', { level: 1, name: 'Your workshop choices' }).waitFor();
  await checkPage(teacher.page, 'events-choices');
  await teacher.page.getByLabel('1st choice').selectOption({ label: 'Reading for pleasure' });
  await teacher.page.getByLabel('2nd choice').selectOption({ label: 'Reading for pleasure' });
  await teacher.page.getByLabel('3rd choice').selectOption({ label: 'Behaviour basics' });
  await clickAndWait(teacher.page, 'Save my choices', (url) => url.pathname.endsWith('/choices'));
  await teacher.page.getByRole('alert').filter({ hasText: 'twice' }).waitFor();
  await checkPage(teacher.page, 'events-choices-error');
  await teacher.page.getByLabel('2nd choice').selectOption({ label: 'Phonics in practice' });
  await clickAndWait(teacher.page, 'Save my choices', (url) => url.search === '?saved=1');
  await teacher.page.getByText('Your choices are saved.').waitFor();

  // The lead sees demand and reminds everyone else.
  await lead.page.goto(`${base}/demand`);
  await lead.page.getByText(/^1 of \d+ people taking part have chosen/).waitFor();
  await checkPage(lead.page, 'events-demand');
  await clickAndWait(lead.page, 'Remind them', (url) => url.search.startsWith('?reminded='));
  await lead.page.getByText(/A reminder is on the home page of \d+ people/).waitFor();

  // Choices close; the lead allocates, moves the teacher, and publishes.
  setStage(eventId, 'allocating');
  await lead.page.goto(`${base}/allocation`);
  await checkPage(lead.page, 'events-allocation-start');
  await lead.page.getByRole('button', { name: 'Start the allocation' }).click();
  await lead.page.getByRole('heading', { level: 2, name: 'What people got' }).waitFor({ timeout: 30_000 });
  await checkPage(lead.page, 'events-allocation-result');
  // People and places are counted apart, and the cost is told in a lead's words.
  await lead.page.getByText(/people taking part, each counted once/).waitFor();
  await lead.page.getByText(/places: one for each person in each of 2 time slots/).waitFor();
  await lead.page.getByText('How far down their lists people went', { exact: true }).waitFor();
  await lead.page.getByLabel('Name or email').fill(DEMO_USERS.teacher.email);
  await clickAndWait(lead.page, 'Find', (url) => url.search.includes('person='));
  // Sessions with room come first in each select; full ones are marked and come last.
  const labels = await lead.page.getByLabel('11:00–12:00').locator('option').allInnerTexts();
  const firstFull = labels.findIndex((label) => label.startsWith('Full: '));
  if (firstFull >= 0) assert.ok(labels.slice(firstFull).every((label) => label.startsWith('Full: ')), labels.join(' | '));
  await lead.page.getByLabel('11:00–12:00').selectOption({ index: 0 });
  await checkPage(lead.page, 'events-allocation-move');
  await lead.page.getByRole('button', { name: 'Move' }).nth(1).click();
  await lead.page.getByText('The move is saved.').waitFor();
  await lead.page.getByRole('link', { name: 'Review and publish timetables' }).click();
  await lead.page.getByRole('heading', { level: 1, name: 'Publish timetables?' }).waitFor();
  await checkPage(lead.page, 'events-allocation-confirm');
  await clickAndWait(lead.page, /^Publish timetables to \d+ people$/, (url) => url.search.startsWith('?published='));
  await lead.page.getByText(/Timetables are published/).waitFor();
  await checkPage(lead.page, 'events-allocation-published');
  const notices = Number(sql([`SELECT COUNT(*) FROM notices WHERE link = '${base}/timetable'`]));
  assert.ok(notices > 0, `everyone placed is told (${notices})`);

  await lead.context.close();
  await teacher.context.close();
});

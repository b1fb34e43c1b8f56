// The whole cycle of a training day with the demo trust, every step through the pages: the lead
// creates the day, three members of staff offer workshops, a reviewer asks for changes and then
// approves, the lead schedules and opens choices, staff choose, the lead allocates and publishes,
// a teacher downloads her calendar file, a presenter takes the register, attendees give feedback
// and the lead reads the results. axe-core checks each page on the way.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { DEMO_USERS, useServerAndBrowser, openAs, newPage, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser();

const READING = 'Reading aloud in every subject';
const LUNCHTIMES = 'Calm lunchtimes';
const COACHING = 'Coaching conversations';
const CRITERIA = ['Serves its priority', 'Right for its audience', 'Format and length fit the brief',
  'Clear outcomes and quality'];

async function moveStage(lead, eventUrl, label) {
  await lead.goto(eventUrl);
  await lead.getByLabel('Move the day to').selectOption({ label });
  await clickAndWait(lead, 'Move to this stage', (url) => url.search === '?saved=1');
  await lead.getByText(label).first().waitFor();
}

async function createDay(lead) {
  await lead.goto('/events/new');
  await lead.getByLabel('Title').fill('Autumn training day');
  await lead.getByLabel('Date', { exact: true }).fill('2027-10-08');
  await lead.getByLabel('Venue').fill('Riverside High School');
  await lead.getByLabel('Time slots').fill('09:30-10:30\n11:00-12:00');
  await lead.getByLabel('Rooms').fill('Hall, 450, projector\nLibrary, 300\nStudio, 250');
  await lead.getByLabel('Workshops each person ranks').fill('2');
  await lead.getByLabel('Reserve choices after those').fill('1');
  await lead.getByLabel("The trust's priorities a workshop should serve").fill(
    'Reading across the curriculum\nBehaviour and belonging\nGrowing each other as professionals');
  await lead.getByLabel('Audiences wanted').fill('Support staff as much as teachers.');
  await clickAndWait(lead, 'Create training day', (url) => /^\/events\/\d+$/.test(url.pathname));
  await checkPage(lead, 'cycle-event-created');
  const eventUrl = new URL(lead.url()).pathname;
  await lead.getByLabel(/Tom Whitaker/).check();
  await clickAndWait(lead, 'Save reviewers', (url) => url.search === '?saved=1');
  await lead.locator('.life-cycle [aria-current="step"]').filter({ hasText: 'Draft' }).waitFor();
  await checkPage(lead, 'cycle-event-draft');
  return eventUrl;
}

async function offerWorkshop(page, eventUrl, workshop) {
  await page.goto(`${eventUrl}/offers`);
  await page.getByLabel('Title', { exact: true }).fill(workshop.title);
  await page.getByLabel('Summary').fill(workshop.summary);
  for (const group of workshop.groups) await page.getByLabel(group, { exact: true }).check();
  await page.getByLabel('Intended outcomes').fill(workshop.outcomes);
  await page.getByLabel('Trust priority it serves').selectOption({ label: workshop.priority });
  await page.getByLabel('Largest group you can take').fill('250');
  if (workshop.repeat) await page.getByLabel('I can run it more than once on the day').check();
  await clickAndWait(page, 'Send my offer', /\/offers\/\d+\?sent=1$/);
  return page.url().match(/\/offers\/(\d+)/)[1];
}

async function review(page, offerId, decision, comment = '') {
  await page.goto(`/offers/${offerId}/review`);
  for (const criterion of CRITERIA) await page.getByRole('group', { name: criterion }).getByLabel(/^3 /).check();
  if (comment) await page.getByLabel('Comment for the presenter').fill(comment);
  await page.getByLabel(decision, { exact: true }).check();
  await clickAndWait(page, 'Save the review', /\/events\/\d+\/reviews$/);
}

async function choose(page, eventUrl, ranked, name) {
  await page.goto(`${eventUrl}/choices`);
  await page.getByRole('heading', { level: 1, name: 'Your workshop choices' }).waitFor();
  const labels = ['1st choice', '2nd choice', '1st reserve'];
  for (let i = 0; i < ranked.length; i += 1) await page.getByLabel(labels[i]).selectOption({ label: ranked[i] });
  await checkPage(page, `cycle-choices-${name}`);
  await clickAndWait(page, 'Save my choices', (url) => url.search === '?saved=1');
  await page.getByText('Your choices are saved.').waitFor();
}

function unfold(text) {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

test('the_whole_cycle_of_a_training_day', async () => {
  const { browser, server } = suite;
  const lead = await openAs(browser, server, DEMO_USERS.pdlead.email);
  const teacher = await openAs(browser, server, DEMO_USERS.teacher.email);
  const support = await openAs(browser, server, DEMO_USERS.support.email);
  const reviewer = await openAs(browser, server, DEMO_USERS.schoollead.email);

  // 1. The lead creates the day and names the school PD lead as a reviewer.
  const eventUrl = await createDay(lead.page);
  // A new day is a draft; staff hear of it when the lead opens the call for offers.
  await teacher.page.goto('/');
  assert.equal(await teacher.page.getByText(/Workshop offers are open for Autumn/).count(), 0);
  await moveStage(lead.page, eventUrl, 'Call for offers open');
  await teacher.page.goto('/');
  await teacher.page.getByRole('link', { name: /^Workshop offers are open for Autumn training day/ }).click();
  await teacher.page.getByRole('button', { name: 'Send my offer' }).waitFor();

  // 2. Three members of staff offer workshops against the brief.
  const reading = await offerWorkshop(teacher.page, eventUrl, {
    title: READING, summary: 'Three routines for reading aloud that work in any lesson.',
    groups: ['Teacher', 'Early-career teacher', 'Leader'], outcomes: 'Plan one routine to use next week.',
    priority: 'Reading across the curriculum',
  });
  await checkPage(teacher.page, 'cycle-offer-sent');
  const lunchtimes = await offerWorkshop(support.page, eventUrl, {
    title: LUNCHTIMES, summary: 'What midday supervisors and TAs do to keep lunchtimes calm.',
    groups: ['Support staff', 'Teacher'], outcomes: 'Use two de-escalation phrases.',
    priority: 'Behaviour and belonging', repeat: true,
  });
  const coaching = await offerWorkshop(lead.page, eventUrl, {
    title: COACHING, summary: 'A short model for coaching a colleague, practised in threes.',
    groups: ['Leader', 'Teacher', 'Support staff'], outcomes: 'Hold a ten-minute coaching conversation.',
    priority: 'Growing each other as professionals', repeat: true,
  });

  // 3. The reviewer, told on their home page, asks for changes to one offer and approves the
  // others; the presenter, told in turn, changes it and sends it again; the reviewer approves it.
  await reviewer.page.goto('/');
  await reviewer.page.getByRole('link', { name: new RegExp(`${READING}.*waiting for your review`) }).waitFor();
  await checkPage(reviewer.page, 'cycle-reviewer-home');
  await review(reviewer.page, reading, 'Ask for changes', 'Add a routine that teaching assistants can lead.');
  await review(reviewer.page, lunchtimes, 'Approve');
  await review(reviewer.page, coaching, 'Approve');
  await checkPage(reviewer.page, 'cycle-reviews');
  await teacher.page.goto('/');
  await teacher.page.getByRole('link', { name: /^A reviewer asked for changes to your offer/ }).click();
  await teacher.page.waitForURL(/\/offers\/\d+$/);
  await teacher.page.goto('/offers/mine');
  await teacher.page.getByText('Add a routine that teaching assistants can lead.').waitFor();
  await teacher.page.getByRole('link', { name: new RegExp(`^Change and resubmit\\W+${READING}`) }).click();
  await teacher.page.getByLabel('Support staff', { exact: true }).check();
  await teacher.page.getByLabel('Summary').fill('Three routines for reading aloud, one led by a teaching assistant.');
  await clickAndWait(teacher.page, 'Send the changed offer', /\/offers\/\d+\?sent=1$/);
  await review(reviewer.page, reading, 'Approve');

  // 4. The lead schedules the approved workshops with the suggestion and opens choices.
  await moveStage(lead.page, eventUrl, 'Scheduling workshops');
  await lead.page.goto(`${eventUrl}/schedule`);
  await clickAndWait(lead.page, 'Suggest a schedule', (url) => url.pathname.endsWith('/schedule/suggest'));
  await clickAndWait(lead.page, 'Save the schedule', (url) => url.search === '?saved=1');
  await lead.page.getByText('The schedule is saved.').waitFor();
  await checkPage(lead.page, 'cycle-schedule');
  await moveStage(lead.page, eventUrl, 'Choices open');

  // 5. Staff browse and choose.
  await teacher.page.goto(`${eventUrl}/workshops`);
  await teacher.page.getByRole('link', { name: COACHING }).first().waitFor();
  await checkPage(teacher.page, 'cycle-workshops');
  await choose(teacher.page, eventUrl, [LUNCHTIMES, COACHING], 'teacher');
  await choose(support.page, eventUrl, [READING, COACHING, LUNCHTIMES], 'support');
  await choose(reviewer.page, eventUrl, [READING, COACHING], 'leader');
  await lead.page.goto(`${eventUrl}/demand`);
  await lead.page.getByText(/^3 of \d+ people taking part have chosen/).waitFor();
  await checkPage(lead.page, 'cycle-demand');

  // 6. The lead allocates and publishes.
  await moveStage(lead.page, eventUrl, 'Allocating places');
  await lead.page.goto(`${eventUrl}/allocation`);
  await lead.page.getByRole('button', { name: 'Start the allocation' }).click();
  await lead.page.getByRole('heading', { level: 2, name: 'What people got' }).waitFor({ timeout: 30_000 });
  await checkPage(lead.page, 'cycle-allocation');
  await lead.page.getByRole('link', { name: 'Review and publish timetables' }).click();
  await lead.page.getByRole('heading', { level: 1, name: 'Publish timetables?' }).waitFor();
  await checkPage(lead.page, 'cycle-publish-confirm');
  await clickAndWait(lead.page, /^Publish timetables to \d+ people$/, (url) => url.search.startsWith('?published='));
  await lead.page.getByText(/Timetables are published/).waitFor();

  // 7. The teacher downloads her timetable as a calendar file: the slot she presents in and the
  // slot she attends one of her choices.
  const calendar = await newPage(browser, server, { acceptDownloads: true, storageState: await teacher.context.storageState() });
  await calendar.page.goto(`${eventUrl}/timetable`);
  await calendar.page.getByRole('heading', { level: 1, name: 'My timetable' }).waitFor();
  await checkPage(calendar.page, 'cycle-timetable');
  const [download] = await Promise.all([
    calendar.page.waitForEvent('download'),
    calendar.page.getByRole('link', { name: 'Add to my calendar (.ics)' }).click(),
  ]);
  const lines = unfold(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  const summaries = lines.filter((line) => line.startsWith('SUMMARY:')).map((line) => line.slice(8));
  assert.equal(summaries.filter((summary) => summary === READING).length, 1, `she runs her own workshop once (${summaries})`);
  assert.ok(summaries.includes(LUNCHTIMES) || summaries.includes(COACHING), `she attends a chosen one (${summaries})`);
  const starts = lines.filter((line) => line.startsWith('DTSTART'));
  assert.ok(starts.includes('DTSTART;TZID=Europe/London:20271008T093000'), starts.join(' '));
  assert.ok(starts.includes('DTSTART;TZID=Europe/London:20271008T110000'), starts.join(' '));
  assert.ok(lines.some((line) => line.startsWith('LOCATION:') && line.includes('Riverside High School')));
  await calendar.context.close();

  // 8. The teacher, presenting, takes the register: the school PD lead, who chose her workshop
  // first and presents nothing, is on it.
  await teacher.page.goto(`${eventUrl}/registers`);
  await teacher.page.getByRole('link', { name: READING }).first().click();
  await teacher.page.getByRole('heading', { level: 1, name: `Register: ${READING}` }).waitFor();
  await teacher.page.getByRole('checkbox', { name: /Tom Whitaker/ }).check();
  await teacher.page.getByRole('button', { name: 'Save register' }).click();
  await teacher.page.getByRole('status').filter({ hasText: /Register saved: 1 of \d+ present/ }).waitFor();
  await checkPage(teacher.page, 'cycle-register');

  // 9. Feedback opens; the attendee answers from the notice on the home page.
  await moveStage(lead.page, eventUrl, 'Feedback open');
  await reviewer.page.goto('/');
  await reviewer.page.getByRole('link', { name: /How was Autumn training day\?/ }).click();
  await reviewer.page.getByRole('heading', { level: 1, name: 'How was the day?' }).waitFor();
  const workshop = reviewer.page.getByRole('group', { name: READING, exact: true });
  await workshop.getByLabel('5 Excellent').check();
  await workshop.getByLabel('Comment (optional)').fill('The TA-led routine is already in use in Year 3.');
  await reviewer.page.getByRole('group', { name: 'The day as a whole', exact: true }).getByLabel('4 Good').check();
  await reviewer.page.getByRole('button', { name: 'Save my feedback' }).click();
  await reviewer.page.getByRole('status').filter({ hasText: 'your feedback is saved' }).waitFor();
  await checkPage(reviewer.page, 'cycle-feedback');

  // 10. The lead reads the results; the presenter sees her own.
  await lead.page.goto(`${eventUrl}/results`);
  await lead.page.getByRole('img', { name: 'Mean rating by workshop' }).waitFor();
  await lead.page.getByText('The TA-led routine is already in use in Year 3.').waitFor();
  await checkPage(lead.page, 'cycle-results-lead');
  await teacher.page.goto(`${eventUrl}/results`);
  await teacher.page.getByRole('heading', { level: 2, name: READING }).waitFor();
  assert.equal(await teacher.page.getByRole('heading', { level: 2, name: COACHING }).count(), 0);

  for (const opened of [lead, teacher, support, reviewer]) await opened.context.close();
});

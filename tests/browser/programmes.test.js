// Programmes in Chromium: the trust PD lead builds a year-long programme with every kind of
// activity and watches its design check fill in; then a teacher finds it in "My year" and on her
// home page. axe-core checks each page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser();

const TITLE = 'Questioning that makes every pupil think';

async function designSummary(page) {
  return (await page.locator('#check-heading + p').textContent()).trim();
}

// Opens "Add an activity", picks the kind and fills what every kind has.
async function startActivity(page, kind, title, details) {
  await page.getByRole('link', { name: 'Add an activity', exact: true }).click();
  await page.getByRole('link', { name: kind }).click();
  await page.getByRole('heading', { level: 1, name: `New activity: ${kind}` }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('What happens').fill(details);
}

async function finishActivity(page, mechanisms) {
  for (const mechanism of mechanisms) await page.getByLabel(mechanism, { exact: true }).check();
  await clickAndWait(page, 'Add the activity', (url) => /\/programmes\/\d+$/.test(url.pathname));
}

test('a_lead_builds_a_programme_and_its_design_check_fills_in', async () => {
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  const { page } = lead;
  await page.goto('/priorities');
  await page.getByLabel('Title').fill('Adaptive teaching so that every pupil takes part');
  await clickAndWait(page, 'Add the priority', (url) => url.search === '?saved=1');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programmes' }).click();
  await page.getByRole('link', { name: 'New programme' }).click();
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('Purpose').fill('Teachers use routines that bring every pupil into the thinking.');
  await page.getByLabel('Teacher', { exact: true }).check();
  await page.getByLabel('Starts').fill('2026-09-01');
  await page.getByLabel('Ends').fill('2027-07-21');
  await checkPage(page, 'programme-new');
  await clickAndWait(page, 'Create programme', (url) => /\/programmes\/\d+$/.test(url.pathname));
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  assert.match(await designSummary(page), /^0 of 6 met/);

  await startActivity(page, 'Live session', 'Launch: questions that make everyone think',
    'Why most questions reach only a few pupils, and three routines that reach them all.');
  await page.getByLabel('Date').fill('2026-10-15');
  await page.getByLabel('Starts at').fill('15:45');
  await page.getByLabel('Ends at').fill('17:00');
  await page.getByLabel('Venue (in person)').fill('Oakfield Academy');
  await page.getByLabel('Room', { exact: true }).fill('Main hall');
  await page.getByLabel('The evidence or expert it draws on').fill('Our lead practitioner for teaching');
  await checkPage(page, 'programme-activity-live');
  await finishActivity(page, ['Model the technique', 'Present information from a credible source']);
  await page.getByText('Met: Underpinned by robust evidence and expertise.').waitFor();
  assert.match(await designSummary(page), /^1 of 6 met/);

  await startActivity(page, 'Self-paced module', 'Online: an evidence-informed habit', 'In your own time.');
  await page.getByLabel('Opens on').fill('2026-10-19');
  await page.getByLabel('Due by').fill('2026-11-20');
  await page.getByLabel('Module', { exact: true }).selectOption({ index: 0 });
  await finishActivity(page, ['Manage cognitive load']);

  await startActivity(page, 'Collaboration time', 'Inset afternoon: department triads', 'Protected time.');
  await page.getByLabel('Date').fill('2027-01-14');
  await page.getByLabel('Starts at').fill('13:30');
  await page.getByLabel('Ends at').fill('15:30');
  await page.getByLabel('Prompt for the groups').fill('Bring five minutes of your questioning and agree one change each.');
  await finishActivity(page, ['Arrange social support']);
  await page.getByText('Met: Includes collaboration and expert challenge.').waitFor();

  await startActivity(page, 'Practice task', 'Plan hinge questions for a unit', 'Use them and keep the best.');
  await page.getByLabel('Opens on').fill('2027-01-18');
  await page.getByLabel('Due by').fill('2027-02-12');
  await finishActivity(page, ['Rehearse the technique', 'Prompt action planning']);
  await page.getByText('Met: Mechanisms that change practice.').waitFor();

  await startActivity(page, 'Follow-up check-in', 'What stuck?', 'Three questions on what you still do.');
  await page.getByLabel('Opens on').fill('2027-03-15');
  await page.getByLabel('Due by').fill('2027-03-26');
  await finishActivity(page, ['Encourage self-monitoring']);
  await page.getByText('Met: Sustained over time.').waitFor();

  // The two lines left need the programme itself: a pupil outcome, a priority and a sponsor.
  assert.match(await designSummary(page), /^4 of 6 met/);
  await page.getByRole('link', { name: 'Choose a priority and sponsor' }).click();
  await page.getByLabel('The pupil outcome it aims at').fill('More pupils answer and explain in every lesson.');
  await page.getByLabel('Adaptive teaching so that every pupil takes part').check();
  const sponsor = await page.locator('#sponsor_id option', { hasText: 'Asha Patel' }).getAttribute('value');
  await page.getByLabel('Senior sponsor').selectOption(sponsor);
  await clickAndWait(page, 'Save changes', (url) => url.search === '?saved=1');
  assert.match(await designSummary(page), /^6 of 6 met/);
  // Every activity sits on the timeline in its half-term.
  const spring1 = page.locator('.timeline__term', { hasText: 'Spring 1' });
  await spring1.getByRole('link', { name: 'Inset afternoon: department triads' }).waitFor();
  await checkPage(page, 'programme-show-lead');

  await page.goto('/programmes');
  const row = page.getByRole('row', { name: new RegExp(TITLE) });
  assert.match(await row.textContent(), /6 of 6 met/);
  await checkPage(page, 'programmes-list-lead');
  await lead.context.close();

  // The teacher finds it in her year, in order, and what is next on her home page.
  const teacher = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await teacher.page.goto('/');
  await teacher.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My year' }).click();
  await teacher.page.getByRole('heading', { level: 1, name: 'My year' }).waitFor();
  const items = await teacher.page.locator('.year-item a').allTextContents();
  const order = ['Launch: questions that make everyone think', 'Online: an evidence-informed habit',
    'Inset afternoon: department triads', 'Plan hinge questions for a unit', 'What stuck?'];
  assert.deepEqual(items.filter((item) => order.includes(item)), order);
  await teacher.page.getByRole('heading', { level: 2, name: 'Spring 1 2026–27' }).waitFor();
  await checkPage(teacher.page, 'my-year-teacher');
  await teacher.page.getByRole('button', { name: 'Make my calendar address' }).click();
  const address = await teacher.page.getByLabel('Your calendar address').inputValue();
  assert.match(address, /\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await teacher.page.goto(`/programmes`);
  await teacher.page.getByRole('link', { name: TITLE }).click();
  await checkPage(teacher.page, 'programme-show-teacher');
  await teacher.context.close();
});

// "YYYY-MM-DD" and "HH:MM" on school clocks, `minutes` from now.
function londonMoment(minutes) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const part = (type) => parts.find((p) => p.type === type).value;
  return { day: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

test('a_participant_checks_in_with_the_code_during_the_session_and_not_before', async (t) => {
  const soon = londonMoment(10);
  const tomorrow = londonMoment(24 * 60);
  if (soon.day !== londonMoment(0).day || soon.time >= '23:00') {
    t.skip('too close to midnight in London for a session today');
    return;
  }
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  const { page } = lead;
  await page.goto('/programmes/new');
  await page.getByLabel('Title').fill('Behaviour: calm starts');
  await page.getByLabel('Teacher', { exact: true }).check();
  await page.getByLabel('Starts').fill(soon.day);
  await page.getByLabel('Ends').fill(tomorrow.day);
  await clickAndWait(page, 'Create programme', (url) => /\/programmes\/\d+$/.test(url.pathname));
  for (const [title, when] of [['Calm starts: live', soon], ['Calm starts: follow-up session', tomorrow]]) {
    await startActivity(page, 'Live session', title, 'Routines for the first five minutes.');
    await page.getByLabel('Date').fill(when.day);
    await page.getByLabel('Starts at').fill(when.time);
    await page.getByLabel('Ends at').fill('23:59');
    await page.getByLabel('Venue (in person)').fill('Oakfield Academy');
    await finishActivity(page, []);
  }
  await page.getByRole('link', { name: 'Register and check-in code for Calm starts: live' }).click();
  const code = (await page.locator('.check-in-code__code').textContent()).trim();
  assert.match(code, /^[A-Z0-9]{6}$/);
  await page.getByRole('img', { name: /QR code to check in/ }).waitFor();
  await checkPage(page, 'programme-register-with-code');
  const programmePath = new URL(await page.getByRole('link', { name: 'Behaviour: calm starts' }).getAttribute('href'),
    suite.server.baseUrl).pathname;
  await lead.context.close();

  const teacher = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await teacher.page.goto(programmePath);
  // Not yet open for tomorrow's session: no button, and its page says when it opens.
  assert.equal(await teacher.page.getByRole('link', { name: 'Check in to Calm starts: follow-up session' }).count(), 0);
  await teacher.page.getByRole('link', { name: 'Check in to Calm starts: live' }).click();
  await checkPage(teacher.page, 'programme-check-in');
  await teacher.page.getByLabel("The session's code").fill('WRONG1');
  await teacher.page.getByRole('button', { name: 'Check in' }).click();
  await teacher.page.getByRole('alert').getByText('not this session').waitFor();
  await teacher.page.getByLabel("The session's code").fill(code.toLowerCase());
  await clickAndWait(teacher.page, 'Check in', (url) => url.search === '?checked_in=1');
  await teacher.page.getByText('You are checked in. Thank you.').waitFor();
  const later = teacher.page.url().replace(/\?.*$/, '');
  await teacher.page.goto(later);
  const followUp = await teacher.page.locator('.activity', { hasText: 'Calm starts: follow-up session' }).getAttribute('id');
  await teacher.page.goto(`${programmePath}/activities/${followUp.replace('activity-', '')}/check-in`);
  await teacher.page.getByText('Check-in opens 15 minutes before the session starts').waitFor();
  assert.equal(await teacher.page.getByRole('button', { name: 'Check in' }).count(), 0);
  await teacher.context.close();
});

test('an_absent_teacher_catches_up_by_watching_the_captioned_recording_to_its_end', async () => {
  const path = require('node:path');
  const moduleDir = path.join(__dirname, '..', '..', 'content', 'modules', 'building-trust');
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  const { page } = lead;
  await page.goto('/programmes/new');
  await page.getByLabel('Title').fill('Feedback that moves learning on');
  await page.getByLabel('Teacher', { exact: true }).check();
  await page.getByLabel('Starts').fill('2026-09-01');
  await page.getByLabel('Ends').fill('2027-07-21');
  await clickAndWait(page, 'Create programme', (url) => /\/programmes\/\d+$/.test(url.pathname));
  await startActivity(page, 'Live session', 'Feedback: what the research says', 'Short, specific, acted on.');
  await page.getByLabel('Date').fill('2026-10-01');
  await page.getByLabel('Starts at').fill('15:45');
  await page.getByLabel('Ends at').fill('17:00');
  await page.getByLabel('Venue (in person)').fill('Oakfield Academy');
  await finishActivity(page, []);

  // The register: everyone ticked but the demo teacher, who was away.
  await page.getByRole('link', { name: 'Register and check-in code for Feedback: what the research says' }).click();
  const boxes = page.locator('.register__person input[type=checkbox]');
  for (let i = 0; i < Math.min(await boxes.count(), 5); i += 1) await boxes.nth(i).check();
  await clickAndWait(page, 'Save register', (url) => url.search === '?saved=1');
  await page.getByRole('link', { name: 'Feedback that moves learning on' }).click();
  await page.getByRole('link', { name: /^Add the recording\W+Feedback: what the research says$/ }).click();
  await page.getByLabel('Video (WebM or MP4, up to 60 MB)').setInputFiles(path.join(moduleDir, 'case-study.webm'));
  await page.getByLabel('Captions (WebVTT)').setInputFiles(path.join(moduleDir, 'case-study.vtt'));
  await clickAndWait(page, 'Save the recording', (url) => url.search === '?saved=1');
  await checkPage(page, 'programme-recording-lead');
  await lead.context.close();

  const teacher = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await teacher.page.goto('/');
  await teacher.page.getByRole('link', { name: /Catch up: watch the recording of “Feedback: what the research says”/ }).click();
  await teacher.page.getByRole('heading', { level: 1, name: 'Recording: Feedback: what the research says' }).waitFor();
  const video = teacher.page.locator('video');
  assert.equal(await teacher.page.locator('video track[kind=captions]').count(), 1);
  await checkPage(teacher.page, 'programme-recording-catch-up');
  // Play it through to its end: the page only then counts it as watched.
  await video.evaluate(async (element) => {
    element.muted = true;
    await new Promise((resolve) => (element.readyState >= 1 ? resolve() : element.addEventListener('loadedmetadata', resolve, { once: true })));
    const ended = new Promise((resolve) => element.addEventListener('ended', resolve, { once: true }));
    element.playbackRate = 4;
    await element.play();
    await ended;
  });
  assert.equal(await teacher.page.locator('[data-watched]').inputValue(), '1');
  await teacher.page.getByLabel('In a line, what will you take from it?').fill('Feedback pupils act on in the lesson.');
  await teacher.page.getByRole('button', { name: 'I have caught up' }).click();
  await teacher.page.getByText('You have caught up on this session.').waitFor();
  await teacher.page.goto('/');
  assert.equal(await teacher.page.getByText(/Catch up: watch the recording of “Feedback/).count(), 0);
  await teacher.context.close();
});

// A training day's call for offers and its quality assurance, in the browser: three members of
// staff offer workshops against the brief, a school PD lead the trust lead chose as reviewer asks
// for changes, the presenter changes and resubmits, the reviewer approves; the lead checks what
// the approved workshops cover; the presenter uploads slides that the trust can find.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, writeTempFile } = require('./helpers');

const suite = useServerAndBrowser();
const SCHOOL_LEAD_PERSON_ID = 3; // the demo's school PD lead, Tom Whitaker

// Posts a form as the signed-in page would, with its session's form token; answers the response
// without following the redirect.
async function postForm(page, path, fields) {
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const body = new URLSearchParams([['_csrf', csrf], ...fields]);
  return page.request.post(path, {
    data: body.toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    maxRedirects: 0,
  });
}

// The lead sets the day up through the events pages, and names the school PD lead as reviewer.
async function createEvent(page) {
  const fields = [
    ['title', 'Summer training day'], ['event_date', '2027-06-25'], ['venue', 'Riverside High School'],
    ['choices_wanted', '3'], ['reserves_wanted', '1'], ['offers_close', '2027-05-01'],
    ['brief_purpose', 'Practice worth sharing, from our own classrooms and offices.'],
    ['brief_audiences', 'Support staff as much as teachers; every phase.'],
    ['brief_format', 'Hands-on, with something to try the next week.'],
    ['brief_length', '50 minutes'], ['brief_quality', 'Grounded in evidence, with clear outcomes.'],
    ['slots', '09:30-10:20\n10:40-11:30'], ['rooms', 'Library, 30\nHall, 120'],
    ['priorities', 'Reading across the curriculum\nBehaviour and belonging\nSEND in every classroom'],
  ];
  for (let school = 1; school <= 7; school += 1) fields.push(['school_ids', String(school)]);
  const created = await postForm(page, '/events', fields);
  assert.equal(created.status(), 303, await created.text());
  const eventId = created.headers().location.match(/^\/events\/(\d+)/)[1];
  const reviewers = await postForm(page, `/events/${eventId}/reviewers`,
    [['person_id', String(SCHOOL_LEAD_PERSON_ID)]]);
  assert.equal(reviewers.status(), 303, await reviewers.text());
  // A new day is a draft that only leads see; opening the call shows it to staff.
  const opened = await postForm(page, `/events/${eventId}/stage`, [['stage', 'offers']]);
  assert.equal(opened.status(), 303, await opened.text());
  return eventId;
}

async function offerWorkshop(page, eventId, workshop) {
  await page.goto(`/events/${eventId}/offers`);
  await page.getByLabel('Title', { exact: true }).fill(workshop.title);
  await page.getByLabel('Summary').fill(workshop.summary);
  for (const group of workshop.groups) await page.getByLabel(group, { exact: true }).check();
  await page.getByLabel('Phase').selectOption({ label: workshop.phase });
  await page.getByLabel('Intended outcomes').fill(workshop.outcomes);
  await page.getByLabel('Trust priority it serves').selectOption({ label: workshop.priority });
  await page.getByLabel('Largest group you can take').fill('24');
  if (workshop.repeat) await page.getByLabel('I can run it more than once on the day').check();
  await Promise.all([
    page.waitForURL(/\/offers\/\d+\?sent=1$/),
    page.getByRole('button', { name: 'Send my offer' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: workshop.title }).waitFor();
  return page.url().match(/\/offers\/(\d+)/)[1];
}

async function review(page, offerId, decision, comment = '') {
  await page.goto(`/offers/${offerId}/review`);
  for (const criterion of ['Serves its priority', 'Right for its audience',
    'Format and length fit the brief', 'Clear outcomes and quality']) {
    await page.getByRole('group', { name: criterion }).getByLabel(/^3 /).check();
  }
  if (comment) await page.getByLabel('Comment for the presenter').fill(comment);
  await page.getByLabel(decision, { exact: true }).check();
  await Promise.all([
    page.waitForURL(/\/events\/\d+\/reviews$/),
    page.getByRole('button', { name: 'Save the review' }).click(),
  ]);
}

test('three_staff_offer_a_reviewer_asks_for_changes_and_approves_the_resubmission', async () => {
  const { browser, server } = suite;
  const lead = await openAs(browser, server, DEMO_USERS.pdlead.email);
  const eventId = await createEvent(lead.page);

  // The teacher reads the brief and, at first, forgets to say who the workshop is for.
  const teacher = await openAs(browser, server, DEMO_USERS.teacher.email);
  await teacher.page.goto(`/events/${eventId}/offers`);
  await teacher.page.getByRole('heading', { level: 1, name: 'Call for workshops: Summer training day' }).waitFor();
  await teacher.page.getByText('Support staff as much as teachers; every phase.').waitFor();
  await checkPage(teacher.page, 'offers-call');
  await teacher.page.getByLabel('Title', { exact: true }).fill('Reading aloud in every subject');
  await teacher.page.getByLabel('Summary').fill('Three routines for reading aloud that work in any lesson.');
  await teacher.page.getByLabel('Intended outcomes').fill('Plan one routine to use next week.');
  await teacher.page.getByLabel('Trust priority it serves').selectOption({ label: 'Reading across the curriculum' });
  await teacher.page.getByRole('button', { name: 'Send my offer' }).click();
  await teacher.page.getByRole('alert').filter({ hasText: 'Tick at least one staff group' }).waitFor();
  assert.equal(await teacher.page.getByLabel('Title', { exact: true }).inputValue(),
    'Reading aloud in every subject', 'what was typed is kept');
  await checkPage(teacher.page, 'offers-call-error');

  const reading = await offerWorkshop(teacher.page, eventId, {
    title: 'Reading aloud in every subject', summary: 'Three routines for reading aloud that work in any lesson.',
    groups: ['Teacher', 'Early-career teacher'], phase: 'Secondary', outcomes: 'Plan one routine to use next week.',
    priority: 'Reading across the curriculum', repeat: true,
  });
  await checkPage(teacher.page, 'offers-show-sent');

  const support = await openAs(browser, server, DEMO_USERS.support.email);
  const lunchtimes = await offerWorkshop(support.page, eventId, {
    title: 'Calm lunchtimes', summary: 'What midday supervisors and TAs do to keep lunchtimes calm.',
    groups: ['Support staff'], phase: 'Primary', outcomes: 'Use two de-escalation phrases.',
    priority: 'Behaviour and belonging',
  });
  const coaching = await offerWorkshop(lead.page, eventId, {
    title: 'Coaching conversations', summary: 'A short model for coaching a colleague.',
    groups: ['Leader', 'Teacher'], phase: 'Any phase', outcomes: 'Hold a ten-minute coaching conversation.',
    priority: 'SEND in every classroom',
  });

  // The school PD lead reviews: changes for the teacher's offer, approval for the others.
  const reviewer = await openAs(browser, server, DEMO_USERS.schoollead.email);
  await reviewer.page.goto(`/events/${eventId}/reviews`);
  await reviewer.page.getByRole('heading', { level: 1, name: 'Review workshop offers' }).waitFor();
  assert.equal(await reviewer.page.locator('main table tbody tr').count(), 3);
  await checkPage(reviewer.page, 'offers-review-list');
  // Declining without saying why is refused, and the scores given stay ticked.
  await reviewer.page.goto(`/offers/${reading}/review`);
  for (const criterion of ['Serves its priority', 'Right for its audience',
    'Format and length fit the brief', 'Clear outcomes and quality']) {
    await reviewer.page.getByRole('group', { name: criterion }).getByLabel(/^2 /).check();
  }
  await reviewer.page.getByLabel('Decline', { exact: true }).check();
  await reviewer.page.getByRole('button', { name: 'Save the review' }).click();
  await reviewer.page.getByRole('alert').filter({ hasText: 'Write a comment' }).waitFor();
  assert.equal(await reviewer.page.getByRole('group', { name: 'Serves its priority' }).getByLabel(/^2 /).isChecked(), true);
  await checkPage(reviewer.page, 'offers-review-error');
  await review(reviewer.page, reading, 'Ask for changes', 'Add a routine that teaching assistants can lead.');
  await review(reviewer.page, lunchtimes, 'Approve');
  await review(reviewer.page, coaching, 'Approve');
  await checkPage(reviewer.page, 'offers-review-list-decided');

  // The teacher sees the comment, changes the offer and sends it again.
  await teacher.page.goto('/offers/mine');
  await teacher.page.getByText('Changes requested').waitFor();
  await teacher.page.getByText('Add a routine that teaching assistants can lead.').waitFor();
  await checkPage(teacher.page, 'offers-mine-changes');
  await teacher.page.getByRole('link', { name: /^Change and resubmit\W+Reading aloud in every subject/ }).click();
  await teacher.page.getByRole('heading', { level: 1, name: 'Change your offer' }).waitFor();
  await checkPage(teacher.page, 'offers-edit');
  await teacher.page.getByLabel('Support staff', { exact: true }).check();
  await teacher.page.getByLabel('Summary').fill('Three routines for reading aloud, one led by a TA.');
  await Promise.all([
    teacher.page.waitForURL(/\/offers\/\d+\?sent=1$/),
    teacher.page.getByRole('button', { name: 'Send the changed offer' }).click(),
  ]);
  await teacher.page.locator('.status', { hasText: 'Submitted' }).waitFor();

  await review(reviewer.page, reading, 'Approve');
  await teacher.page.goto('/offers/mine');
  assert.equal(await teacher.page.locator('.status', { hasText: 'Approved' }).count(), 1);
  await checkPage(teacher.page, 'offers-mine-approved');

  // The lead checks coverage: no staff group is left without a workshop, one priority per workshop.
  await lead.page.goto(`/events/${eventId}/coverage`);
  await lead.page.getByRole('table', { name: 'Approved workshops per staff group' }).waitFor();
  await checkPage(lead.page, 'offers-coverage');
  const supportRow = lead.page.getByRole('row', { name: /^Support staff/ });
  assert.match(await supportRow.innerText(), /2/);

  // The presenter uploads slides; the trust finds them on the materials page.
  await teacher.page.goto(`/offers/${reading}`);
  const slides = writeTempFile('reading-aloud.pdf', '%PDF-1.4\nreading aloud slides\n%%EOF\n');
  await teacher.page.getByLabel('Add a file').setInputFiles(slides);
  await Promise.all([
    teacher.page.waitForURL(/\/offers\/\d+#materials$/),
    teacher.page.getByRole('button', { name: 'Upload' }).click(),
  ]);
  await teacher.page.getByRole('link', { name: 'reading-aloud.pdf' }).waitFor();
  await checkPage(teacher.page, 'offers-show-materials');
  await support.page.goto('/materials?q=reading');
  await support.page.getByRole('link', { name: 'reading-aloud.pdf' }).waitFor();
  await checkPage(support.page, 'materials-list');

  for (const opened of [lead, teacher, support, reviewer]) await opened.context.close();
});

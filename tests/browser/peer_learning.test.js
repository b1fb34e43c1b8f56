// Learning from each other in Chromium: the trust PD lead pairs a mentor with a teacher, the two keep
// a meeting with a next step from the library and review it at the next one; a teacher invites a
// colleague to watch part of a lesson and reads the note they write. axe-core checks every page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO_USERS, useServerAndBrowser, openAs, checkPage, clickAndWait } = require('./helpers');

const suite = useServerAndBrowser({ year: true });

// The day `days` after a YYYY-MM-DD day, as YYYY-MM-DD.
function dayAfter(day, days) {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('a_mentor_and_mentee_keep_a_meeting_and_review_its_step_next_time', async () => {
  const lead = await openAs(suite.browser, suite.server, DEMO_USERS.pdlead.email);
  await lead.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
  await lead.page.getByRole('heading', { level: 1, name: 'Mentoring and coaching' }).waitFor();
  await lead.page.getByRole('table', { name: 'Mentoring and coaching pairs' }).waitFor();
  await checkPage(lead.page, 'mentoring-lead');
  await lead.page.getByLabel('Email of the person to be mentored or coached').fill(DEMO_USERS.teacher.email);
  await lead.page.getByLabel('Email of the mentor or coach').fill('nobody@oakfield.example');
  await clickAndWait(lead.page, 'Make the pair', (url) => url.pathname === '/mentoring/pairs');
  await lead.page.getByText('There is no member of staff with that email for the mentor.').waitFor();
  await lead.page.getByLabel('Email of the mentor or coach').fill(DEMO_USERS.schoollead.email);
  await lead.page.getByLabel('Focus (optional)').fill('Questioning that includes everyone');
  await clickAndWait(lead.page, 'Make the pair', (url) => url.search === '?saved=1');
  await lead.context.close();

  // The teacher hears of it on her home page and keeps the first meeting, picking a library step.
  const mentee = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await mentee.page.getByRole('link', { name: /Tom Whitaker is your mentor/ }).click();
  await mentee.page.getByRole('heading', { level: 1, name: 'Mentoring: Grace Okafor with Tom Whitaker' }).waitFor();
  const today = await mentee.page.getByLabel('When you met').inputValue();
  await mentee.page.getByLabel('Focus of the meeting').fill('Who answers my questions');
  await mentee.page.getByLabel('What you discussed (optional)').fill('The same four pupils answer most questions.');
  await mentee.page.getByLabel('A step from the library (optional)').selectOption({ label: 'Wait after asking' });
  await mentee.page.getByLabel('To try by').fill(dayAfter(today, 14));
  await clickAndWait(mentee.page, 'Keep the meeting', (url) => url.search === '?saved=1');
  await mentee.page.getByText('The meeting is kept. It counts in both your records.').waitFor();
  await checkPage(mentee.page, 'mentoring-pair');
  await mentee.context.close();

  // The mentor keeps the next one, saying whether that step was tried.
  const mentor = await openAs(suite.browser, suite.server, DEMO_USERS.schoollead.email);
  await mentor.page.goto('/mentoring');
  await mentor.page.getByRole('link', { name: 'Mentoring with Grace Okafor' }).click();
  await mentor.page.getByRole('group', { name: /Last time you agreed: “Wait after asking”/ }).waitFor();
  await mentor.page.getByLabel('Focus of the meeting').fill('Waiting after asking, a week on');
  await mentor.page.getByLabel('The step in your own words').fill('Say "I am waiting for ten hands" once, early');
  await mentor.page.getByLabel('To try by').fill(dayAfter(today, 21));
  // The review is asked for before anything else is sent (the server refuses it too).
  assert.equal(await mentor.page.getByLabel('Tried it', { exact: true }).getAttribute('required'), '');
  await mentor.page.getByLabel('Tried it', { exact: true }).check();
  await clickAndWait(mentor.page, 'Keep the meeting', (url) => url.search === '?saved=1');
  const latest = mentor.page.getByRole('article').first();
  assert.match(await latest.innerText(), /last step: Tried it/);
  assert.match(await latest.innerText(), /I am waiting for ten hands/);
  await mentor.page.getByRole('group', { name: /Last time you agreed: “Say "I am waiting for ten hands" once, early”/ }).waitFor();
  await mentor.context.close();
});

test('a_peer_observation_goes_from_invitation_to_note', async () => {
  const host = await openAs(suite.browser, suite.server, DEMO_USERS.teacher.email);
  await host.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Observation' }).click();
  await host.page.getByRole('heading', { level: 1, name: 'Peer observation' }).waitFor();
  await checkPage(host.page, 'observations');
  const today = await host.page.getByLabel('Day').getAttribute('min');
  await host.page.getByLabel("Colleague's email").fill(DEMO_USERS.support.email);
  await host.page.getByLabel('What to watch').fill('Year 9 science, the practical set-up');
  await host.page.getByLabel('Day').fill(today);
  await host.page.getByLabel('A step from the library (optional)').selectOption({ label: 'Everyone shows on mini-whiteboards' });
  await clickAndWait(host.page, 'Send the invitation', (url) => url.search === '?invited=1');
  await host.page.getByRole('link', { name: 'Year 9 science, the practical set-up' }).waitFor();

  const observer = await openAs(suite.browser, suite.server, DEMO_USERS.support.email);
  await observer.page.getByRole('link', { name: /Grace Okafor invites you to watch Year 9 science/ }).click();
  await observer.page.getByText('never used for appraisal').waitFor();
  await observer.page.getByLabel('What I saw').fill('Every pupil held up a board within five seconds.');
  await observer.page.getByLabel('What I wondered').fill('Whether the pupils at the side could see the example.');
  await observer.page.getByLabel('One thing to try').fill('Stand at the side once to check the view.');
  await checkPage(observer.page, 'observation-note');
  await clickAndWait(observer.page, 'Send the note to Grace Okafor', (url) => url.search === '?saved=1');
  await observer.context.close();

  await host.page.goto('/observations');
  await host.page.getByRole('link', { name: 'Year 9 science, the practical set-up' }).click();
  await host.page.getByRole('heading', { level: 2, name: "Dan Kowalski's note" }).waitFor();
  await host.page.getByText('Stand at the side once to check the view.').waitFor();
  await checkPage(host.page, 'observation-read');
  await host.page.goto('/record');
  await host.page.getByRole('row', { name: /^Peer observation received \d/ }).waitFor();
  await host.context.close();
});

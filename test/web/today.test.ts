// "Today" on the pages is the date in England, from the services' clock, which PARENTIS_TODAY can pin.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { clockWithToday, stoppedClock, systemClock } from '../../src/domain/clock.ts';
import { ledPlanFixture } from '../helpers/people.ts';
import { useWebTest } from '../helpers/web.ts';

// Jo Example owns test-plan:1.
const web = useWebTest({ names: { owner: 'Jo Example' } });
const ACTION = '/plans/test-plan/actions/1';
/** 23:30 UTC on a summer day still to come: 14 July in UTC, already 15 July in England. */
const SUMMER_NIGHT = new Date('2027-07-14T23:30:00Z');

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, ledPlanFixture());
});

afterEach(() => {
  web.db.services.clock = systemClock;
});

const versionIn = (html: string): string => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
const valueOf = (html: string, id: string): string | undefined => new RegExp(`id="${id}" name="${id}" type="text" value="([^"]*)"`).exec(html)?.[1];

test('get update form at 23:30 UTC in summer offers the date in England', async () => {
  web.db.services.clock = stoppedClock(SUMMER_NIGHT);
  const r = await web.get(`${ACTION}/update`, await web.signIn('owner'));
  assert.equal(r.statusCode, 200);
  assert.deepEqual([valueOf(r.body, 'date-day'), valueOf(r.body, 'date-month'), valueOf(r.body, 'date-year')], ['15', '7', '2027']);
});

test('post update dated today in England at 23:30 UTC in summer is accepted, not taken as tomorrow', async () => {
  web.db.services.clock = stoppedClock(SUMMER_NIGHT);
  const owner = await web.signIn('owner');
  const form = await web.get(`${ACTION}/update`, owner);
  const r = await web.post(
    `${ACTION}/update`,
    { version: versionIn(form.body), 'date-day': '15', 'date-month': '7', 'date-year': '2027', body: 'Written before midnight in England.', status: '' },
    owner,
  );
  assert.equal(r.statusCode, 303, r.body.slice(0, 2000));
  const shown = await web.db.services.actions.show(web.ctx, 'test-plan:1');
  assert.equal(shown.updates.at(-1)?.date, '2027-07-15');
});

test('post update dated after a pinned today is refused as in the future and changes nothing', async () => {
  web.db.services.clock = clockWithToday('2018-06-30');
  const owner = await web.signIn('owner');
  const form = await web.get(`${ACTION}/update`, owner);
  assert.equal(valueOf(form.body, 'date-day'), '30');
  const before = (await web.db.services.actions.show(web.ctx, 'test-plan:1')).updates.length;
  const r = await web.post(
    `${ACTION}/update`,
    { version: versionIn(form.body), 'date-day': '1', 'date-month': '7', 'date-year': '2018', body: 'A day ahead of the pinned date.', status: '' },
    owner,
  );
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /<a href="#date-day">The date of the update must be today or in the past<\/a>/);
  assert.equal((await web.db.services.actions.show(web.ctx, 'test-plan:1')).updates.length, before);
});

// Values as councils type them into trackers: dates, timescales, BRAG words, owners, dated updates, numbers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanNumber, leadingNumber, parseDate, parseOwners, parseStatus, parseTimescales, parseUpdates } from './values.ts';

describe('parseDate', () => {
  it('reads day-first dates with slashes, stops and dashes', () => {
    assert.equal(parseDate('12/09/2017'), '2017-09-12');
    assert.equal(parseDate('01.02.2018'), '2018-02-01');
    assert.equal(parseDate('3.11.17'), '2017-11-03');
    assert.equal(parseDate('31-03-2019'), '2019-03-31');
  });
  it('reads ISO dates, written months and month-only dates as the month end', () => {
    assert.equal(parseDate('2018-06-30'), '2018-06-30');
    assert.equal(parseDate('12 September 2017'), '2017-09-12');
    assert.equal(parseDate('1st Sept 2018'), '2018-09-01');
    assert.equal(parseDate('March 2018'), '2018-03-31');
    assert.equal(parseDate('Sept 2018'), '2018-09-30');
    assert.equal(parseDate('Feb-20'), '2020-02-29');
    assert.equal(parseDate('by March 2019'), '2019-03-31');
  });
  it('reads financial-year quarters and seasons as their last day', () => {
    assert.equal(parseDate('Q3 18/19'), '2018-12-31');
    assert.equal(parseDate('Q4 2018/19'), '2019-03-31');
    assert.equal(parseDate('Q1 19-20'), '2019-06-30');
    assert.equal(parseDate('Spring 2018'), '2018-05-31');
    assert.equal(parseDate('Winter 2018'), '2019-02-28');
  });
  it('reads an Excel day number typed as text', () => {
    assert.equal(parseDate('43190'), '2018-03-31');
  });
  it('refuses what is not a date', () => {
    assert.equal(parseDate('Sprung 2018'), null);
    assert.equal(parseDate('31/02/2018'), null);
    assert.equal(parseDate('Ongoing'), null);
    assert.equal(parseDate(''), null);
  });
});

describe('parseTimescales', () => {
  it('takes the first date as the deadline and later ones as revisions', () => {
    assert.deepEqual(parseTimescales('March 2018 revised to June 2018'), { dates: ['2018-03-31', '2018-06-30'], leftOver: '' });
    assert.deepEqual(parseTimescales('01.02.2018 01.06.2018'), { dates: ['2018-02-01', '2018-06-01'], leftOver: '' });
  });
  it('keeps words that are not dates for the caller to report', () => {
    assert.deepEqual(parseTimescales('Sprung 2018'), { dates: [], leftOver: 'Sprung 2018' });
    assert.deepEqual(parseTimescales('Ongoing'), { dates: [], leftOver: 'Ongoing' });
  });
});

describe('parseStatus', () => {
  it('reads letters, colour words and completion words', () => {
    assert.equal(parseStatus('R').status, 'R');
    assert.equal(parseStatus('amber').status, 'A');
    assert.equal(parseStatus('Green').status, 'G');
    assert.equal(parseStatus('Complete').status, 'B');
    assert.equal(parseStatus('B - On track').status, 'B');
    assert.equal(parseStatus('').status, null);
  });
  it('takes the first of two statuses and says so', () => {
    const r = parseStatus('A/G');
    assert.equal(r.status, 'A');
    assert.match(r.note ?? '', /two statuses/);
  });
  it('names a word that is not a status', () => {
    const r = parseStatus('Purple');
    assert.equal(r.status, null);
    assert.match(r.note ?? '', /"Purple" is not a BRAG status/);
  });
});

describe('parseOwners', () => {
  it('splits several owners and tells names from job titles', () => {
    assert.deepEqual(parseOwners('Head of Placements / Commissioning Manager'), [{ role: 'Head of Placements' }, { role: 'Commissioning Manager' }]);
    assert.deepEqual(parseOwners('Louise Palmer, Strategic Commissioner'), [{ name: 'Louise Palmer', role: 'Strategic Commissioner' }]);
    assert.deepEqual(parseOwners('CLA Nurse Specialist Angela Reece / Becky Hopkins'), [
      { name: 'Angela Reece', role: 'CLA Nurse Specialist' },
      { name: 'Becky Hopkins' },
    ]);
    assert.deepEqual(parseOwners(''), []);
  });
});

describe('parseUpdates', () => {
  it('splits "Update dd.mm.yyyy:" paragraphs into dated updates', () => {
    const u = parseUpdates('Funding to be sought. Update 12.09.2017: Funding approved by the CCG. Update 7.12.17: Project started.');
    assert.deepEqual(u, [
      { date: null, body: 'Funding to be sought.' },
      { date: '2017-09-12', body: 'Funding approved by the CCG.' },
      { date: '2017-12-07', body: 'Project started.' },
    ]);
  });
  it('reads lines that start with a month or a quarter', () => {
    const u = parseUpdates('Sept 2018 – Panel set up.\nQ3 18/19: First meeting held.');
    assert.deepEqual(u, [
      { date: '2018-09-30', body: 'Panel set up.' },
      { date: '2018-12-31', body: 'First meeting held.' },
    ]);
  });
  it('keeps undated commentary whole', () => {
    assert.deepEqual(parseUpdates('- Tender completed.\n- Service starts in October.'), [{ date: null, body: '- Tender completed.\n- Service starts in October.' }]);
  });
});

describe('numbers', () => {
  it('reads a number at the start of an action and cleans a number cell', () => {
    assert.deepEqual(leadingNumber('1.2 Data re health assessments'), { number: '1.2', rest: 'Data re health assessments' });
    assert.deepEqual(leadingNumber('b) Review the offer'), { number: 'b', rest: 'Review the offer' });
    assert.equal(leadingNumber('A review of the offer'), null);
    assert.equal(cleanNumber('3.'), '3');
    assert.equal(cleanNumber('Action 4'), '4');
    assert.equal(cleanNumber('1.1A'), '1.1a');
    assert.equal(cleanNumber('Housing'), null);
  });
});

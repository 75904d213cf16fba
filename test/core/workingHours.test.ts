import * as assert from 'assert';
import { addWorkingHours, isWorkingTime, workingCalendar, workingHoursPerDay, workingMillisBetween } from '../../core/workingHours';

const istanbul = workingCalendar('08:30-17:30', 'Europe/Istanbul');
const HOUR = 3_600_000;

/** Istanbul wall time, written the way a librarian would say it. 2026-11-27 is a Friday. */
const ist = (wall: string) => Date.parse(`${wall}+03:00`);

describe('working hours (Europe/Istanbul, 08:30-17:30, Monday to Friday)', () => {
    describe('isWorkingTime', () => {
        const cases: Array<[string, boolean]> = [
            ['2026-11-27T08:30:00.000', true], // opening minute counts
            ['2026-11-27T08:29:59.999', false],
            ['2026-11-27T12:00:00.000', true],
            ['2026-11-27T17:29:59.999', true],
            ['2026-11-27T17:30:00.000', false], // closing minute does not
            ['2026-11-27T21:00:00.000', false], // Friday evening
            ['2026-11-27T05:00:00.000', false], // early morning
            ['2026-11-28T10:00:00.000', false], // Saturday
            ['2026-11-29T10:00:00.000', false], // Sunday
            ['2026-11-30T10:00:00.000', true], // Monday
        ];
        for (const [wall, expected] of cases) {
            it(`${wall} is ${expected ? '' : 'not '}working time`, () => {
                assert.strictEqual(isWorkingTime(ist(wall), istanbul), expected);
            });
        }

        it('uses local time, not UTC: 06:00Z on a Friday is 09:00 in Istanbul', () => {
            assert.strictEqual(isWorkingTime(Date.parse('2026-11-27T06:00:00Z'), istanbul), true);
            assert.strictEqual(isWorkingTime(Date.parse('2026-11-27T06:00:00Z'), workingCalendar('08:30-17:30', 'UTC')), false);
        });
    });

    describe('workingMillisBetween', () => {
        const cases: Array<[string, string, string, number]> = [
            ['within one morning', '2026-11-26T09:00', '2026-11-26T11:30', 2.5],
            ['a whole working day, edge to edge', '2026-11-26T08:30', '2026-11-26T17:30', 9],
            ['an evening', '2026-11-26T18:00', '2026-11-26T23:00', 0],
            ['closing to next opening', '2026-11-26T17:30', '2026-11-27T08:30', 0],
            ['overnight', '2026-11-26T16:30', '2026-11-27T09:30', 2],
            ['Friday afternoon to Monday morning', '2026-11-27T16:30', '2026-11-30T09:30', 2],
            ['a weekend', '2026-11-28T00:00', '2026-11-30T00:00', 0],
            ['starting on Saturday', '2026-11-28T10:00', '2026-11-30T10:00', 1.5],
            ['starting before opening', '2026-11-30T06:00', '2026-11-30T10:00', 1.5],
            ['ending after closing', '2026-11-30T16:00', '2026-11-30T20:00', 1.5],
            ['a whole week', '2026-11-30T00:00', '2026-12-07T00:00', 45],
        ];
        for (const [title, from, to, hours] of cases) {
            it(`${title}: ${hours} h`, () => {
                assert.strictEqual(workingMillisBetween(ist(from), ist(to), istanbul), hours * HOUR);
            });
        }

        it('is 0 when the end is not after the start', () => {
            assert.strictEqual(workingMillisBetween(ist('2026-11-27T12:00'), ist('2026-11-27T12:00'), istanbul), 0);
            assert.strictEqual(workingMillisBetween(ist('2026-11-27T12:00'), ist('2026-11-27T10:00'), istanbul), 0);
        });
    });

    describe('addWorkingHours', () => {
        const cases: Array<[string, string, number, string]> = [
            ['within the day', '2026-11-26T09:00', 4, '2026-11-26T13:00'],
            ['ending exactly at closing stays on that day', '2026-11-26T13:30', 4, '2026-11-26T17:30'],
            ['past closing carries to the next morning', '2026-11-26T17:00', 1, '2026-11-27T09:00'],
            ['Friday afternoon over the weekend', '2026-11-27T15:00', 4, '2026-11-30T10:00'],
            ['starting on Saturday', '2026-11-28T12:00', 1, '2026-11-30T09:30'],
            ['starting in the evening', '2026-11-24T20:00', 2, '2026-11-25T10:30'],
            ['starting before opening', '2026-11-24T06:00', 1, '2026-11-24T09:30'],
            ['starting exactly at closing', '2026-11-24T17:30', 0.5, '2026-11-25T09:00'],
            ['two working days from Wednesday', '2026-11-25T10:00', 18, '2026-11-27T10:00'],
            ['two working days from Thursday cross the weekend', '2026-11-26T10:00', 18, '2026-11-30T10:00'],
        ];
        for (const [title, from, hours, expected] of cases) {
            it(`${title}: ${from} + ${hours} h = ${expected}`, () => {
                assert.strictEqual(new Date(addWorkingHours(ist(from), hours, istanbul)).toISOString(), new Date(ist(expected)).toISOString());
            });
        }

        it('adding nothing is the start itself, even outside hours', () => {
            assert.strictEqual(addWorkingHours(ist('2026-11-28T12:00'), 0, istanbul), ist('2026-11-28T12:00'));
        });

        it('refuses negative or endless amounts', () => {
            assert.throws(() => addWorkingHours(ist('2026-11-26T09:00'), -1, istanbul), RangeError);
            assert.throws(() => addWorkingHours(ist('2026-11-26T09:00'), Number.POSITIVE_INFINITY, istanbul), RangeError);
            assert.throws(() => addWorkingHours(ist('2026-11-26T09:00'), Number.NaN, istanbul), RangeError);
        });

        it('undoes workingMillisBetween for any start and amount', () => {
            let seed = 42;
            const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
            for (let i = 0; i < 300; i++) {
                const from = ist('2026-11-23T00:00') + Math.floor(random() * 21 * 24 * 60) * 60_000;
                const hours = Math.floor(random() * 40 * 4) / 4;
                const end = addWorkingHours(from, hours, istanbul);
                assert.strictEqual(workingMillisBetween(from, end, istanbul), hours * HOUR, `${new Date(from).toISOString()} + ${hours} h`);
                if (hours > 0) assert.ok(isWorkingTime(end - 1, istanbul), 'the last working millisecond lies within working hours');
            }
        });
    });

    describe('calendars', () => {
        it('follow a zone whose offset changes: Berlin over the spring DST weekend', () => {
            const berlin = workingCalendar('08:30-17:30', 'Europe/Berlin');
            // Friday 27 March 2026 is CET (+01:00); Monday 30 March is CEST (+02:00).
            const from = Date.parse('2026-03-27T16:30:00+01:00');
            const to = Date.parse('2026-03-30T09:30:00+02:00');
            assert.strictEqual(workingMillisBetween(from, to, berlin), 2 * HOUR);
            assert.strictEqual(addWorkingHours(from, 2, berlin), to);
            assert.strictEqual(isWorkingTime(Date.parse('2026-03-30T08:30:00+02:00'), berlin), true);
            assert.strictEqual(isWorkingTime(Date.parse('2026-03-30T08:29:00+02:00'), berlin), false);
        });

        it('know the length of a working day', () => {
            assert.strictEqual(workingHoursPerDay(istanbul), 9);
            assert.strictEqual(workingHoursPerDay(workingCalendar('09:00-12:30', 'UTC')), 3.5);
        });

        it('refuse windows that are not a window and zones that do not exist', () => {
            for (const window of ['17:30-08:30', '8:30-17:30', '08:60-17:00', '09:00-09:00', '09:00-24:30']) {
                assert.throws(() => workingCalendar(window, 'Europe/Istanbul'), RangeError, window);
            }
            assert.throws(() => workingCalendar('08:30-17:30', 'Mars/Olympus_Mons'), RangeError);
        });

        it('take the zone names Intl takes, aliases too (checked against its list first, a formatter only when the list does not have it)', () => {
            for (const zone of ['Europe/Istanbul', 'UTC', 'Turkey', 'Etc/GMT-3']) assert.strictEqual(workingCalendar('08:30-17:30', zone).timeZone, zone);
            assert.strictEqual(isWorkingTime(Date.parse('2026-11-27T06:00:00Z'), workingCalendar('08:30-17:30', 'Turkey')), true, '09:00 in Istanbul');
        });
    });
});

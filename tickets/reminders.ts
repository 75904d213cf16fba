import type { Logger } from '../core/logger';
import type { Clock } from '../core/clock';
import { lastChangeByPeople } from './lifecycle';
import type { ReminderKind, Ticket } from './ticket';
import type { TicketService } from './ticketService';
import { workingHoursPerDay, workingMillisBetween, type WorkingCalendar } from '../core/workingHours';

export interface ReminderPolicy {
    calendar: WorkingCalendar;
    /** A new ticket nobody claimed for this many working hours gets one reminder. */
    unclaimedWorkingHours: number;
    /** A ticket waiting on the library for this many working days gets one reminder. */
    waitingWorkingDays: number;
}

const HOUR = 3_600_000;

/** Which reminder a ticket is due for now, if any; counted in working time since people last acted. */
function dueReminder(ticket: Ticket, policy: ReminderPolicy, now: number): ReminderKind | undefined {
    const since = lastChangeByPeople(ticket);
    const waited = workingMillisBetween(since, now, policy.calendar);
    if (ticket.status === 'new' && !ticket.assignee) return waited >= policy.unclaimedWorkingHours * HOUR ? 'unclaimed' : undefined;
    if (ticket.status === 'claimed') {
        return waited >= policy.waitingWorkingDays * workingHoursPerDay(policy.calendar) * HOUR ? 'waitingOnLibrary' : undefined;
    }
    return undefined;
}

/**
 * Sends the reminders that are due. Safe to run on every instance at once: each reminder is a
 * conditional write on the ticket, and the lifecycle refuses a second one for the same wait.
 */
export async function sweepReminders(tickets: TicketService, policy: ReminderPolicy, clock: Clock, logger: Logger): Promise<number> {
    let sent = 0;
    for (const ticket of await tickets.listOpen()) {
        const kind = dueReminder(ticket, policy, clock.now());
        if (!kind) continue;
        const result = await tickets.act(ticket.id, { type: 'remind', kind });
        if (!result.refused) {
            sent++;
            logger.info('ticket reminder queued', { ticket: ticket.number, kind });
        }
    }
    return sent;
}

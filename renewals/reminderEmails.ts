import { randomBytes, timingSafeEqual } from 'crypto';
import type { EmailLinkAction } from '../core/emailLinks';
import type { RenewalNoticeDraft, RenewalReminder } from './renewalReminder';
import type { RenewalReminderStore } from './renewalReminderStore';

/**
 * Renewal reminders by e-mail go only to an address its owner proved, and never in bulk: anyone in
 * web chat could otherwise sign up any colleague's address, dozens a day.
 * - Proven: Teams gave the address for the user, or the owner opened the confirmation link the bot
 *   sent there first. Until then the reminder has no e-mail messages at all.
 * - At most `MAX_REMINDERS_PER_USER` reminders per user and `MAX_REMINDERS_PER_ADDRESS` per address
 *   (confirmed ones and those waiting for confirmation), so at most that many confirmation e-mails
 *   reach an address within `CONFIRMATION_HOURS`.
 * - Every reminder e-mail has a link that stops them, working without the bot.
 */
export const MAX_REMINDERS_PER_USER = 3;
export const MAX_REMINDERS_PER_ADDRESS = 3;
export const CONFIRMATION_HOURS = 48;
const HOUR = 3_600_000;

/** The address may get reminder e-mails. A Teams reminder stored before confirmation existed has Teams' address: proven. */
export function hasProvenEmail(reminder: RenewalReminder): boolean {
    if (!reminder.email || !reminder.emailKey) return false;
    return reminder.emailConfirmed ?? reminder.reference?.channelId === 'msteams';
}

/** Still waiting for its address to be confirmed, and the link not yet run out at `now`. */
export function awaitsConfirmation(reminder: RenewalReminder, now: number): boolean {
    return !!reminder.email && reminder.emailPendingSince !== undefined && now < reminder.emailPendingSince + CONFIRMATION_HOURS * HOUR;
}

/** The confirmation link waited too long: the reminder, which has nothing else to do, goes. */
export function confirmationExpired(reminder: RenewalReminder, now: number): boolean {
    return reminder.emailPendingSince !== undefined && !awaitsConfirmation(reminder, now);
}

const newKey = () => randomBytes(24).toString('base64url');

/** A new reminder's e-mail fields: a key for its links; waiting for confirmation unless the channel proved the address. */
export function withEmailState(reminder: RenewalReminder, now: number): RenewalReminder {
    if (!reminder.email) return reminder;
    const email = reminder.email.trim().toLowerCase();
    return reminder.emailConfirmed ? { ...reminder, email, emailKey: newKey(), emailConfirmed: true } : { ...reminder, email, emailKey: newKey(), emailConfirmed: false, emailPendingSince: now };
}

/** The one message of a reminder whose address waits: the confirmation e-mail, at once. */
export const confirmationDraft = (now: number): RenewalNoticeDraft => ({ target: 'renewalConfirm', stage: 0, notBefore: now });

export type LimitReached = 'perUser' | 'perAddress';

/**
 * Why no further reminder may be added for this user (or to this typed address); undefined when it
 * may. An address the channel proved (Teams') is the user's own: only their own limit counts, so
 * requests typed by others cannot lock its owner out.
 */
export async function reminderLimitReached(store: RenewalReminderStore, userId: string, email: string | undefined, proven: boolean, now: number): Promise<LimitReached | undefined> {
    if ((await store.listRenewalReminders(userId)).length >= MAX_REMINDERS_PER_USER) return 'perUser';
    if (!email || proven) return undefined;
    const toAddress = (await store.listRenewalRemindersByEmail(email.trim().toLowerCase())).filter((reminder) => hasProvenEmail(reminder) || awaitsConfirmation(reminder, now));
    return toAddress.length >= MAX_REMINDERS_PER_ADDRESS ? 'perAddress' : undefined;
}

/** The reminder a link names, if its key is that reminder's (compared in constant time). */
export async function reminderOfLink(store: RenewalReminderStore, reminderId: string, key: string): Promise<RenewalReminder | undefined> {
    const reminder = await store.getRenewalReminder(reminderId);
    if (!reminder?.emailKey || !reminder.email) return undefined;
    const [given, expected] = [Buffer.from(key), Buffer.from(reminder.emailKey)];
    return given.length === expected.length && timingSafeEqual(given, expected) ? reminder : undefined;
}

export type EmailLinkOutcome = { done: 'confirmed'; reminder: RenewalReminder } | { done: 'stopped'; reminder: RenewalReminder; stopped: number } | { done: 'invalid' };

export interface EmailLinkDependencies {
    store: RenewalReminderStore;
    /** Writes the reminder with the messages still ahead for it (see RenewalReminders.reschedule). */
    reschedule(reminder: RenewalReminder): Promise<void>;
    now(): number;
}

/**
 * What a link does, once its owner pressed the button on its page. Confirm: the reminder's e-mail
 * messages are planned from now on. Stop: no reminder e-mail goes to that address any more, from
 * any reminder; a reminder left with nowhere to go is deleted.
 */
export async function followEmailLink(deps: EmailLinkDependencies, action: EmailLinkAction, reminderId: string, key: string): Promise<EmailLinkOutcome> {
    const reminder = await reminderOfLink(deps.store, reminderId, key);
    if (!reminder) return { done: 'invalid' };
    if (action === 'confirm') {
        if (hasProvenEmail(reminder)) return { done: 'confirmed', reminder };
        if (!awaitsConfirmation(reminder, deps.now())) return { done: 'invalid' };
        const confirmed: RenewalReminder = { ...reminder, emailConfirmed: true, emailPendingSince: undefined };
        await deps.reschedule(confirmed);
        return { done: 'confirmed', reminder: confirmed };
    }
    let stopped = 0;
    for (const sameAddress of await deps.store.listRenewalRemindersByEmail(reminder.email!)) {
        const { email: _address, emailConfirmed: _confirmed, emailPendingSince: _pending, emailKey: _key, ...rest } = sameAddress;
        if (rest.reference) await deps.reschedule(rest);
        else await deps.store.deleteRenewalReminder(sameAddress.id);
        stopped++;
    }
    return { done: 'stopped', reminder, stopped };
}

/**
 * Reminders stored before addresses were confirmed: each gets a key for its links; a Teams one
 * keeps Teams' address as proven; a web chat one (typed by anyone) waits for confirmation, and its
 * messages are replaced by the e-mail asking for it. Safe to run twice.
 */
export async function secureStoredReminderEmails(store: RenewalReminderStore, now: number): Promise<{ teams: number; awaitingConfirmation: number }> {
    const counts = { teams: 0, awaitingConfirmation: 0 };
    for (const reminder of await store.listAllRenewalReminders()) {
        if (!reminder.email || reminder.emailKey) continue;
        const teams = reminder.reference?.channelId === 'msteams';
        const secured = withEmailState({ ...reminder, emailConfirmed: teams }, now);
        if (teams) {
            await store.updateRenewalReminder(secured);
            counts.teams++;
        } else {
            await store.saveRenewalReminder(secured, [confirmationDraft(now)]);
            counts.awaitingConfirmation++;
        }
    }
    return counts;
}

/** Sends a reminder's e-mails (the mail edge implements it): a reminder message, or the request to confirm the address. */
export interface RenewalEmailSender {
    /** Rejects when the mail server refuses, so the outbox retries. Sends nothing to an address not proven. */
    send(reminder: RenewalReminder, stage: number): Promise<void>;
    /** The e-mail asking the address's owner to confirm, with the link; nothing once it is proven. */
    sendConfirmation(reminder: RenewalReminder): Promise<void>;
}

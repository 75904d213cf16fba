import type { Attachment } from 'botbuilder';
import type { Language } from '../core/language';
import type { Speaker } from '../core/speaker';
import { renderGuideCard } from './guideCard';
import { renewalReminderData } from './payloads';
import { RENEWAL_STAGES, type RenewalReminder } from '../renewals/renewalReminder';

const DATE_LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-GB' };

/** "Haziran 2027": the expiry as the user gave it (no day, no time zone). */
export function formatExpiry(month: number, year: number, language: Language): string {
    return new Intl.DateTimeFormat(DATE_LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15));
}

/** "1 Nisan 2027": a reminder's day in the institution's time zone. */
export function formatDay(at: number, language: Language, timeZone: string): string {
    return new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'long', timeZone }).format(at);
}

/** The proactive reminder, with its three buttons: start the renewal, remind me later, turn the reminder off. */
export function renewalReminderCard(speaker: Speaker, reminder: RenewalReminder, stage: number, months: number): Attachment {
    // The lead time's message is the plain key; production's its `production` variant.
    const context = RENEWAL_STAGES[stage] === 'production' ? 'production' : undefined;
    const values = { expiry: formatExpiry(reminder.expiryMonth, reminder.expiryYear, reminder.language), months, context };
    return renderGuideCard({
        title: speaker.say('renewalReminders.message.title', values),
        paragraphs: speaker.sayList('renewalReminders.message.body', values),
        actions: [
            { title: speaker.say('renewalReminders.message.start'), data: renewalReminderData('start', reminder.id, stage), style: 'positive' },
            { title: speaker.say('renewalReminders.message.later'), data: renewalReminderData('later', reminder.id, stage) },
            { title: speaker.say('renewalReminders.message.off'), data: renewalReminderData('off', reminder.id, stage) },
        ],
    });
}

import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import { localePrivacyInspector } from '../core/privacyGuard';
import type { Ticket, TicketDetails } from '../tickets/ticket';

export interface RenderedEmail {
    subject: string;
    text: string;
}

const DATE_LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-GB' };

/** Free-text details in the order staff read them; the rest are labelled lists or ids. */
const TEXT_DETAILS = ['fullName', 'unit', 'title', 'email', 'otherInstitutionSignatures', 'question'] as const satisfies readonly (keyof TicketDetails)[];

/**
 * The plain-text e-mail copy of a new ticket. Text is masked again before it leaves for a mail
 * server: the privacy middleware guards the chat, this guards whatever reached the ticket otherwise.
 */
export function createTicketEmailRenderer(translator: Translator, language: Language, timeZone: string): (ticket: Ticket) => RenderedEmail {
    const inspect = localePrivacyInspector(translator);
    const dates = new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone });
    const t = (key: string, values?: Record<string, unknown>) => translator.t(language, key, values);
    const line = (label: string, value: string) => t('email.line', { label: t(`email.labels.${label}`), value });
    const clean = (text: string) => inspect(text).redacted;

    function detailLines(details: TicketDetails): string[] {
        const lines: string[] = [];
        for (const key of TEXT_DETAILS) {
            const value = details[key];
            if (value) lines.push(line(key, clean(value)));
        }
        if (details.applicationKind) lines.push(line('applicationKind', t(`email.applicationKinds.${details.applicationKind}`)));
        if (details.stepId) {
            const stepTitle = `steps.${details.stepId}.title`;
            lines.push(line('step', translator.has(language, stepTitle) ? t(stepTitle) : details.stepId));
        }
        return lines;
    }

    return (ticket) => {
        const kind = t(`email.kinds.${ticket.kind}`);
        const { requester } = ticket;
        const transcript = (ticket.details.transcript ?? []).map((entry) => t('email.transcriptLine', { speaker: t(`email.speakers.${entry.from}`), text: clean(entry.text) }));
        const details = detailLines(ticket.details);
        const text = [
            t('email.intro'),
            '',
            line('number', String(ticket.number)),
            line('kind', kind),
            line('status', t(`email.statuses.${ticket.status}`)),
            line('requester', t('email.requester', { name: requester.name, email: requester.email ?? t('email.notGiven') })),
            line('createdAt', dates.format(ticket.createdAt)),
            ...(details.length > 0 ? ['', t('email.sections.details'), ...details] : []),
            ...(transcript.length > 0 ? ['', t('email.sections.transcript'), ...transcript] : []),
        ].join('\n');
        return { subject: t('email.subject', { number: ticket.number, kind }), text: `${text}\n` };
    };
}

import * as fs from 'fs';
import { fromRoot } from '../core/projectPaths';
import type { Language } from '../core/language';
import { numberedSteps } from '../flow/flowSteps';
import type { InsightEvent } from '../insights/insightLog';
import { buildInsightReport, type InsightReport } from '../insights/insightReport';
import type { InstitutionProfile } from '../institution/institutionProfile';
import type { RenewalReminder } from '../renewals/renewalReminder';
import type { HistoryEntry, Ticket, TicketKind, TicketStatus } from '../tickets/ticket';
import { workingCalendar } from '../core/workingHours';

/** The gallery's sample people, tickets, reminders and report: made-up data, kept apart from the code that draws the cards. */

type SampleWords = Record<'staffAsks' | 'userAnswers' | 'staffReplies' | 'staffResolves' | 'question' | 'transcriptBot' | 'transcriptUser' | 'unit' | 'title' | 'otherSignatures', string> & {
    unanswered: string[];
};

/** A staff answer's words in each language, for the gallery's answer cards. */
type SampleAnswer = Record<Language, { title: string; text: string; example: string }>;

export const SAMPLES = JSON.parse(fs.readFileSync(fromRoot('tools', 'cardGallerySamples.json'), 'utf8')) as {
    people: Record<'requester' | 'staff' | 'colleague', string>;
    staffAnswer: SampleAnswer;
} & Record<Language, SampleWords>;

export const PEOPLE = {
    requester: { id: 'user-1', name: SAMPLES.people.requester },
    staff: { id: 'staff-1', name: SAMPLES.people.staff },
    colleague: { id: 'staff-2', name: SAMPLES.people.colleague },
};
/** The gallery's "now": every sample date is counted from it, so the page is the same every time. */
export const T0 = Date.UTC(2026, 2, 2, 7, 30);
const MINUTE = 60_000;
const DAY = 86_400_000;

/** A ticket as it stands after `status`, with a history that led there. */
export function sampleTicket(profile: InstitutionProfile, kind: TicketKind, status: TicketStatus, language: Language): Ticket {
    const staff = { ...PEOPLE.staff, role: 'staff' as const };
    const user = { ...PEOPLE.requester, role: 'user' as const };
    const sample = SAMPLES[language];
    const history: HistoryEntry[] = [{ at: T0, actor: user, action: 'created' }];
    if (status !== 'new' && status !== 'withdrawn') history.push({ at: T0 + 20 * MINUTE, actor: staff, action: 'claimed' });
    if (status === 'waitingForUser' || status === 'resolved') {
        history.push({ at: T0 + 30 * MINUTE, actor: staff, action: 'asked', text: sample.staffAsks });
        history.push({ at: T0 + 45 * MINUTE, actor: user, action: 'userMessage', text: sample.userAnswers });
    }
    if (status === 'resolved') history.push({ at: T0 + 60 * MINUTE, actor: staff, action: 'resolved', text: sample.staffResolves });
    if (status === 'withdrawn') history.push({ at: T0 + 10 * MINUTE, actor: user, action: 'withdrawn' });
    const emailAddress = `ayse.yilmaz@${profile.institutionalEmailDomain}`;
    return {
        id: `sample-${kind}-${status}`,
        number: 1001,
        kind,
        status,
        requester: { ...PEOPLE.requester, email: emailAddress, language, reference: { channelId: 'msteams' } },
        details:
            kind === 'help'
                ? {
                      fullName: PEOPLE.requester.name,
                      email: emailAddress,
                      stepId: 'smsVerification',
                      question: sample.question,
                      transcript: [
                          { from: 'bot', text: sample.transcriptBot },
                          { from: 'user', text: sample.transcriptUser },
                      ],
                  }
                : kind === 'esignatureRequest'
                  ? {
                        fullName: PEOPLE.requester.name,
                        email: emailAddress,
                        unit: sample.unit,
                        title: sample.title,
                        applicationKind: 'first',
                        otherInstitution: true,
                        otherInstitutionSignatures: sample.otherSignatures,
                    }
                  : { fullName: PEOPLE.requester.name, email: emailAddress },
        assignee: status === 'new' || status === 'withdrawn' ? undefined : PEOPLE.staff,
        history,
        reminders: {},
        createdAt: T0,
        updatedAt: history[history.length - 1].at,
        eTag: 'sample',
    };
}

/** Two reminders: certificates expiring in June 2027 and March 2028. */
export function sampleReminders(language: Language): RenewalReminder[] {
    return [
        [6, 2027],
        [3, 2028],
    ].map(([expiryMonth, expiryYear], index) => ({
        id: `sample-reminder-${index + 1}`,
        userId: PEOPLE.requester.id,
        language,
        expiryMonth,
        expiryYear,
        createdAt: T0,
    }));
}

/**
 * A week of the library's report: a dozen people in the first-application flow stopping along the
 * way, three answers given, the sample unanswered questions and a few tickets.
 */
export function sampleReport(profile: InstitutionProfile, language: Language, answerIds: string[]): InsightReport {
    const from = T0 - 7 * DAY;
    const steps = numberedSteps('first');
    const events: InsightEvent[] = [];
    for (let person = 0; person < 12; person++) {
        const visitor = `sample-visitor-${person}`;
        const reached = Math.max(1, steps.length - person * 2);
        steps.slice(0, reached).forEach((stepId, index) => events.push({ type: 'stepReached', at: from + person * DAY + index * MINUTE, kind: 'first', stepId, stepNumber: index + 1, language, visitor }));
        if (reached === steps.length) events.push({ type: 'flowFinished', at: from + person * DAY + reached * MINUTE, kind: 'first', detail: 'wet', visitor });
        else if (person % 3 === 0) events.push({ type: 'flowLeft', at: from + person * DAY + reached * MINUTE, kind: 'first', detail: 'later', visitor });
    }
    answerIds.slice(0, 3).forEach((answerId, rank) => {
        for (let i = 0; i < 5 - rank * 2; i++) events.push({ type: 'answerGiven', at: from + i * DAY, detail: answerId, language });
    });
    const questions = SAMPLES[language].unanswered.map((text, index) => ({ text, language, stepId: steps[index], askedAt: from + index * DAY }));
    const tickets = [sampleTicket(profile, 'help', 'resolved', language), sampleTicket(profile, 'esignatureRequest', 'new', language)];
    // The window ends a day after T0, so the sample tickets (opened at T0) are in it.
    return buildInsightReport({
        from,
        to: T0 + DAY,
        now: T0 + DAY,
        idleDays: 14,
        calendar: workingCalendar('08:30-17:30', profile.timeZone),
        events,
        questions,
        tickets,
    });
}

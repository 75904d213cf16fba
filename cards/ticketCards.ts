import * as fs from 'fs';
import type { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import { fromRoot } from '../core/projectPaths';
import type { HistoryEntry, Person, Ticket, TicketStatus } from '../tickets/ticket';
import { renderGuideCard, type CardAction } from './guideCard';
import type { Speaker } from '../core/speaker';
import { staffTextInputId, verbOf, type StaffVerb } from '../tickets/staffVerbs';
import { choiceData, STAFF_TEXT_MAX, ticketMessageData, USER_ANSWER_MAX } from './payloads';
import { clip, plainText } from './plainText';
import { answerEditorCard, draftFromTicket, type EditorValues } from './staffAnswerCards';

/** Staff card verbs (Universal Actions), routed by `bot/activityRouter.ts` to `bot/staffActions.ts`. */

const STATUS_COLORS: Record<TicketStatus, string> = { new: 'Attention', claimed: 'Accent', waitingForUser: 'Warning', resolved: 'Good', withdrawn: 'Default' };

let template: Template | undefined;
/**
 * The staff card's template, loaded on first use: the templating library and its expression parser
 * take a fifth of the bot's start-up, and only a ticket's staff card needs them.
 */
function staffCardTemplate(): Template {
    if (!template) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (above)
        const templating = require('adaptivecards-templating') as typeof import('adaptivecards-templating');
        template = new templating.Template(JSON.parse(fs.readFileSync(fromRoot('cards', 'ticketCard.json'), 'utf8')));
    }
    return template;
}

/**
 * Teams refuses a card over ~28 KB, and then every update of the ticket would fail: the card shows
 * the latest history entries (with a count of the rest), each cut to a length; the whole ticket
 * stays in the store and in `npm run tickets`.
 */
export const HISTORY_SHOWN = 8;
export const HISTORY_TEXT_SHOWN = 600;
const FACT_SHOWN = 1000;
const TRANSCRIPT_LINE_SHOWN = 300;

/** What someone typed, as plain text (never Markdown), cut to `max` characters. */
const typed = (text: string | undefined, max: number) => plainText(clip(text ?? '', max));

// One formatter per (language, time zone): building one costs far more than formatting with it.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatTime(at: number, language: string, timeZone: string): string {
    const locale = language === 'tr' ? 'tr-TR' : 'en-GB';
    const key = `${locale}|${timeZone}`;
    let format = timeFormats.get(key);
    if (!format) {
        format = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'short', timeStyle: 'short' });
        if (timeFormats.size >= 32) timeFormats.clear();
        timeFormats.set(key, format);
    }
    return format.format(at);
}

export function ticketHeading(speaker: Speaker, ticket: Ticket): string {
    return speaker.say('tickets.heading', { number: ticket.number, kind: speaker.say(`tickets.kinds.${ticket.kind}`) });
}

function historyLine(speaker: Speaker, entry: HistoryEntry, when: string): string {
    return speaker.say(`tickets.history.${entry.action}`, {
        when,
        actor: typed(entry.actor.name, FACT_SHOWN),
        assignee: typed(entry.assignee?.name, FACT_SHOWN),
        text: typed(entry.text, HISTORY_TEXT_SHOWN),
    });
}

/** The latest entries, preceded by how many earlier ones the card leaves out. */
function historyLines(speaker: Speaker, ticket: Ticket, options: StaffCardOptions): string[] {
    const shown = ticket.history.slice(-HISTORY_SHOWN);
    const earlier = ticket.history.length - shown.length;
    return [
        ...(earlier > 0 ? [speaker.say('tickets.historyEarlier', { count: earlier, number: ticket.number })] : []),
        ...shown.map((entry) => historyLine(speaker, entry, formatTime(entry.at, options.language, options.timeZone))),
    ];
}

function staffFacts(speaker: Speaker, ticket: Ticket): { title: string; value: string }[] {
    const { details, requester } = ticket;
    const facts: [string, string | undefined][] = [
        ['requester', requester.name],
        ['email', details.email ?? requester.email],
        ['unit', details.unit],
        ['title', details.title],
        ['applicationKind', details.applicationKind && speaker.say(`tickets.applicationKinds.${details.applicationKind}`)],
        ['otherInstitution', details.otherInstitution === undefined ? undefined : speaker.say(`options.${details.otherInstitution ? 'yes' : 'no'}`)],
        ['otherInstitutionSignatures', details.otherInstitutionSignatures],
        ['question', details.question],
        ['step', details.stepId && speaker.has(`steps.${details.stepId}.title`) ? speaker.say(`steps.${details.stepId}.title`) : details.stepId],
        ['assignee', ticket.assignee?.name],
        ['channel', speaker.say(`tickets.channels.${requester.reference.channelId === 'msteams' ? 'teams' : 'web'}`)],
    ];
    // Everything but the assignee and the channel was typed by the user (or Teams' profile): plain text.
    return facts.filter((fact): fact is [string, string] => !!fact[1]).map(([key, value]) => ({ title: speaker.say(`tickets.facts.${key}`), value: typed(value, FACT_SHOWN) }));
}

function textInputCard(speaker: Speaker, verb: 'reply' | 'ask' | 'resolve', ticketId: string, required: boolean): Record<string, unknown> {
    return {
        type: 'AdaptiveCard',
        body: [
            {
                type: 'Input.Text',
                id: staffTextInputId(verb),
                label: speaker.say(`tickets.staffActions.${verb}`),
                isMultiline: true,
                maxLength: STAFF_TEXT_MAX,
                isRequired: required,
                placeholder: speaker.say(`tickets.staffActions.${verb}Placeholder`),
                errorMessage: speaker.say('tickets.staffActions.textRequired'),
            },
        ],
        actions: [{ type: 'Action.Execute', verb: verbOf(verb), title: speaker.say(`tickets.staffActions.${verb}Send`), data: { ticketId }, associatedInputs: 'auto' }],
    };
}

/** The newest reply (or resolution note) staff sent on the ticket: the answer text a staff answer starts from. */
function lastStaffWords(ticket: Ticket): string | undefined {
    return [...ticket.history].reverse().find((entry) => entry.actor.role === 'staff' && (entry.action === 'replied' || entry.action === 'resolved') && entry.text?.trim())?.text;
}

/** "Cevaplara ekle" on a resolved help ticket: the answer editor, prefilled from the question and the reply (or as staff left it). */
function addToAnswersAction(speaker: Speaker, ticket: Ticket, options: StaffCardOptions): Record<string, unknown>[] {
    const question = ticket.details.question;
    if (ticket.kind !== 'help' || !question) return [];
    const values = options.answerDraft?.values ?? draftFromTicket(question, lastStaffWords(ticket), ticket.requester.language);
    const card = answerEditorCard(speaker, values, { question, overlapTitles: options.answerDraft?.overlapTitles, save: { data: { ticketId: ticket.id } } });
    return [{ type: 'Action.ShowCard', title: speaker.say('staffAnswers.actions.add'), card }];
}

function staffActions(speaker: Speaker, ticket: Ticket, colleagues: Person[], options: StaffCardOptions): Record<string, unknown>[] {
    const execute = (verb: StaffVerb) => ({ type: 'Action.Execute', verb: verbOf(verb), title: speaker.say(`tickets.staffActions.${verb}`), data: { ticketId: ticket.id } });
    const showCard = (verb: StaffVerb, card: Record<string, unknown>) => ({ type: 'Action.ShowCard', title: speaker.say(`tickets.staffActions.${verb}`), card });
    if (ticket.status === 'resolved') return [execute('reopen'), ...addToAnswersAction(speaker, ticket, options)];
    if (ticket.status === 'withdrawn') return [];
    return [
        ...(ticket.assignee ? [] : [execute('claim')]),
        showCard('reply', textInputCard(speaker, 'reply', ticket.id, true)),
        showCard('ask', textInputCard(speaker, 'ask', ticket.id, true)),
        ...(colleagues.length > 0
            ? [
                  showCard('assign', {
                      type: 'AdaptiveCard',
                      body: [
                          {
                              type: 'Input.ChoiceSet',
                              id: 'assigneeId',
                              label: speaker.say('tickets.staffActions.assign'),
                              isRequired: true,
                              errorMessage: speaker.say('tickets.staffActions.textRequired'),
                              choices: colleagues.map((person) => ({ title: person.name, value: person.id })),
                          },
                      ],
                      actions: [{ type: 'Action.Execute', verb: verbOf('assign'), title: speaker.say('tickets.staffActions.assignSend'), data: { ticketId: ticket.id } }],
                  }),
              ]
            : []),
        showCard('resolve', textInputCard(speaker, 'resolve', ticket.id, false)),
    ];
}

export interface StaffCardOptions {
    timeZone: string;
    language: string;
    /** The staff team's members, for "assign to a colleague". */
    colleagues: Person[];
    /** Why the last click did not change the ticket, for the one who clicked. */
    notice?: string;
    /** The answer editor as staff left it (a save that needs their confirmation), instead of the prefilled one. */
    answerDraft?: { values: EditorValues; overlapTitles?: string[] };
}

/** The ticket as the library's staff see it in their channel; refreshed in place after every change. */
export function staffTicketCard(speaker: Speaker, ticket: Ticket, options: StaffCardOptions): Attachment {
    const card = staffCardTemplate().expand({
        $root: {
            heading: ticketHeading(speaker, ticket),
            statusLabel: speaker.say(`tickets.statuses.${ticket.status}`),
            statusColor: STATUS_COLORS[ticket.status],
            facts: staffFacts(speaker, ticket),
            transcriptTitle: speaker.say('tickets.transcriptTitle'),
            transcript: (ticket.details.transcript ?? []).map((line) => speaker.say(`tickets.transcriptLine.${line.from}`, { text: typed(line.text, TRANSCRIPT_LINE_SHOWN) })),
            historyTitle: speaker.say('tickets.historyTitle'),
            history: historyLines(speaker, ticket, options),
            notice: options.notice,
            actions: staffActions(speaker, ticket, options.colleagues, options),
        },
    }) as Record<string, unknown>;
    return CardFactory.adaptiveCard(card);
}

/** What the user reads when the library acts on their ticket, in their own language. */
export function userNoticeCard(speaker: Speaker, ticket: Ticket, entry: HistoryEntry): Attachment {
    const values = { number: ticket.number, actor: typed(entry.actor.name, FACT_SHOWN), assignee: typed(entry.assignee?.name, FACT_SHOWN) };
    const canAnswer = (entry.action === 'asked' || entry.action === 'replied') && ['claimed', 'waitingForUser', 'new'].includes(ticket.status);
    const actions: CardAction[] = canAnswer
        ? [{ title: speaker.say('tickets.user.answerSend'), data: ticketMessageData(ticket.id), style: 'positive' }]
        : [{ title: speaker.say('tickets.user.myTickets'), data: choiceData('myTickets') }];
    return renderGuideCard({
        title: speaker.say(`tickets.user.notices.${entry.action}.title`, values),
        paragraphs: speaker.sayList(`tickets.user.notices.${entry.action}.body`, values),
        quote: entry.text === undefined ? undefined : typed(entry.text, STAFF_TEXT_MAX),
        input: canAnswer ? { id: 'message', placeholder: speaker.say('tickets.user.answerPlaceholder'), maxLength: USER_ANSWER_MAX } : undefined,
        actions,
    });
}

/** A line in the staff thread for changes the card alone would not make visible. */
export function staffThreadMessage(speaker: Speaker, ticket: Ticket, entry: HistoryEntry, timeZone: string): string | undefined {
    if (!['userMessage', 'withdrawn', 'reminded', 'replied', 'asked', 'reopened'].includes(entry.action)) return undefined;
    const reminder = entry.action === 'reminded' ? Object.entries(ticket.reminders).find(([, at]) => at === entry.at)?.[0] : undefined;
    const key = reminder ? `tickets.thread.reminded_${reminder}` : `tickets.thread.${entry.action}`;
    return speaker.say(key, { number: ticket.number, actor: typed(entry.actor.name, FACT_SHOWN), text: typed(entry.text, USER_ANSWER_MAX), when: formatTime(entry.at, 'tr', timeZone) });
}

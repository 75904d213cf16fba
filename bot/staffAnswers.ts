import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, Attachment, TurnContext } from 'botbuilder';
import { ANSWER_INPUTS, staffAnswerDataSchema, type StaffAnswerData } from '../cards/payloads';
import { draftFromTicket, examplePhrasings, staffAnswersCard, type EditorValues, type ListedAnswer, type StaffAnswersView } from '../cards/staffAnswerCards';
import { formatTime } from '../cards/ticketCards';
import type { Clock } from '../core/clock';
import { STAFF_ACTION_REFUSALS } from '../core/errors';
import type { Translator } from '../core/i18n';
import { LANGUAGES } from '../core/language';
import type { Logger } from '../core/logger';
import type { Speaker } from '../core/speaker';
import { foldText } from '../core/textMatch';
import type { LiveKnowledge } from '../understanding/knowledgeBase';
import type { InstitutionProfile } from '../institution/institutionProfile';
import { languageSpeaker } from '../institution/profileSpeaker';
import type { StaffChannelRegistry } from './staffChannel';
import type { AnswerVerb } from '../tickets/staffVerbs';
import type { TicketService } from '../tickets/ticketService';
import { groupQuestions } from '../understanding/questionGroups';
import type { QuestionLog } from '../understanding/questionLog';
import type { SaveResult, StaffActor, StaffAnswerBook, StaffAnswerDraft } from '../understanding/staffAnswerBook';
import { languagesOf, type StaffAnswer } from '../understanding/staffAnswers';
import type { StaffCardSource } from './staffActions';

const DAY = 86_400_000;
/** The card lists the questions of this many days, as `npm run questions` does by default. */
const QUESTION_DAYS = 30;
/** The card shows this many answers and question groups; the rest are counted (all of them: `npm run answers`, `npm run questions`). */
const ANSWERS_SHOWN = 10;
const QUESTIONS_SHOWN = 6;

export interface StaffAnswerDependencies {
    book: StaffAnswerBook;
    knowledge: LiveKnowledge;
    staffChannels: StaffChannelRegistry;
    tickets: TicketService;
    messenger: StaffCardSource;
    questions: QuestionLog;
    translator: Translator;
    profile: InstitutionProfile;
    clock: Clock;
    logger: Logger;
}

const staffSpeaker = (deps: StaffAnswerDependencies) => languageSpeaker(deps.translator, deps.profile, deps.profile.staffLanguage);

// The mention words of every language, folded once per translator: the locales do not change while it lives.
const mentionWords = new WeakMap<Translator, ReadonlySet<string>>();

/** True for "cevaplar" / "answers" (any case, with or without punctuation), the bot's mention already stripped. */
export function asksForAnswers(text: string | undefined, translator: Translator): boolean {
    let words = mentionWords.get(translator);
    if (!words) {
        words = new Set(LANGUAGES.flatMap((language) => translator.list<string>(language, 'staffAnswers.mention')).map(foldText));
        mentionWords.set(translator, words);
    }
    return words.has(foldText(text ?? ''));
}

/**
 * A staff member mentioned the bot with "cevaplar" in the staff channel: the library's answers and
 * the questions waiting for one, as a card. False (nothing sent) for anything else, or from anyone
 * but the staff team, which then goes on as before.
 */
export async function answerStaffAnswers(context: TurnContext, deps: StaffAnswerDependencies): Promise<boolean> {
    if (!asksForAnswers(context.activity.text, deps.translator) || !(await deps.staffChannels.acceptsStaffAction(context))) return false;
    await context.sendActivity({ attachments: [staffAnswersCard(staffSpeaker(deps), await listView(deps))] });
    return true;
}

/** Answers a click on the library's answers (Universal Actions): only from the staff team, then the refreshed card. */
export async function handleStaffAnswerAction(context: TurnContext, verb: AnswerVerb, invoke: AdaptiveCardInvokeValue, deps: StaffAnswerDependencies): Promise<AdaptiveCardInvokeResponse> {
    const speaker = staffSpeaker(deps);
    const from = context.activity.from as { id: string; name?: string; aadObjectId?: string };
    if (!(await deps.staffChannels.acceptsStaffAction(context))) {
        deps.logger.warn('staff answer action refused: not from the staff team', { verb, channelId: context.activity.channelId, userId: from.id });
        return { statusCode: STAFF_ACTION_REFUSALS.forbidden, type: 'application/vnd.microsoft.error', value: { code: 'forbidden', message: speaker.say('staffAnswers.notices.forbidden') } };
    }
    const parsed = staffAnswerDataSchema.safeParse(invoke.action.data);
    if (!parsed.success) {
        return { statusCode: STAFF_ACTION_REFUSALS.badRequest, type: 'application/vnd.microsoft.error', value: { code: 'badRequest', message: speaker.say('tickets.errors.badRequest') } };
    }
    const data = parsed.data;
    const actor: StaffActor = { id: from.aadObjectId ?? from.id, name: from.name ?? from.id };
    const card = data.ticketId && verb === 'save' ? await saveFromTicket(context, data, actor, deps) : await panel(verb, data, actor, deps);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as Record<string, unknown> };
}

/** The "cevaplar" card after a click: the list, or the editor of one answer. */
async function panel(verb: AnswerVerb, data: StaffAnswerData, actor: StaffActor, deps: StaffAnswerDependencies): Promise<Attachment> {
    const speaker = staffSpeaker(deps);
    const render = (view: StaffAnswersView) => staffAnswersCard(speaker, view);
    const answer = data.answerId ? await deps.book.get(data.answerId) : undefined;
    switch (verb) {
        case 'list':
            return render(await listView(deps));
        case 'open':
            return render(answer ? editView(answer) : await listView(deps, speaker.say('staffAnswers.notices.notFound')));
        case 'draft': {
            const question = data.question?.trim();
            return render({ kind: 'edit', values: question ? draftFromQuestion(question, deps) : { title: {}, text: {}, examples: {} }, question });
        }
        case 'retire':
        case 'restore': {
            const result = data.answerId && data.eTag ? await deps.book.setStatus(data.answerId, data.eTag, verb === 'retire' ? 'retired' : 'active', actor) : { problem: 'notFound' as const };
            if ('saved' in result) await refreshHere(deps);
            return render(await listView(deps, noticeOf(speaker, result, verb === 'retire' ? 'retired' : 'restored')));
        }
        case 'save': {
            const draft = draftOf(data);
            const confirm = confirmed(data);
            const result = answer && data.eTag ? await deps.book.edit(answer.id, data.eTag, draft, actor, confirm) : await deps.book.add(draft, actor, confirm);
            if ('saved' in result) {
                await refreshHere(deps);
                return render(await listView(deps, noticeOf(speaker, result, answer ? 'edited' : 'added')));
            }
            if (result.problem === 'notFound' || result.problem === 'changed') return render(await listView(deps, noticeOf(speaker, result, 'edited')));
            const existing = answer ? { id: answer.id, number: answer.number, eTag: data.eTag ?? answer.eTag, status: answer.status } : undefined;
            return render({ kind: 'edit', values: result.draft ?? draft, notice: noticeOf(speaker, result, 'added'), question: data.question, overlapTitles: titlesOf(speaker, result.overlaps), existing });
        }
    }
}

/** "Cevaplara ekle" on a resolved ticket: saved, or the ticket card again with the editor as staff left it and why. */
async function saveFromTicket(context: TurnContext, data: StaffAnswerData, actor: StaffActor, deps: StaffAnswerDependencies): Promise<Attachment> {
    const speaker = staffSpeaker(deps);
    const ticket = await deps.tickets.get(data.ticketId!);
    if (!ticket) return staffAnswersCard(speaker, await listView(deps, speaker.say('staffAnswers.notices.notFound')));
    if (!ticket.details.question) return deps.messenger.card(context, ticket, speaker.say('staffAnswers.notices.noQuestion'));
    const result = await deps.book.add({ ...draftOf(data), ticketNumber: ticket.number }, actor, confirmed(data));
    if ('saved' in result) {
        await refreshHere(deps);
        return deps.messenger.card(context, ticket, noticeOf(speaker, result, 'added'));
    }
    return deps.messenger.card(context, ticket, noticeOf(speaker, result, 'added'), undefined, {
        answerDraft: { values: result.draft ?? draftOf(data), overlapTitles: titlesOf(speaker, result.overlaps) },
    });
}

/** This instance answers with the change at once; the others within their refresh interval. */
async function refreshHere(deps: StaffAnswerDependencies): Promise<void> {
    await deps.knowledge.refresh().catch((error: Error) => deps.logger.warn("the library's answers could not be reloaded here, the timer will", { error: error.message }));
}

function confirmed(data: StaffAnswerData): boolean {
    const value = data[ANSWER_INPUTS.confirm];
    return value === true || value === 'true';
}

const lines = (value: string | undefined) =>
    (value ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);

/** What staff typed into the editor. */
function draftOf(data: StaffAnswerData): StaffAnswerDraft {
    return {
        title: { tr: data[ANSWER_INPUTS.titleTr], en: data[ANSWER_INPUTS.titleEn] },
        text: { tr: data[ANSWER_INPUTS.textTr], en: data[ANSWER_INPUTS.textEn] },
        examples: { tr: lines(data[ANSWER_INPUTS.examplesTr]), en: lines(data[ANSWER_INPUTS.examplesEn]) },
    };
}

/** An unanswered question as a draft, in the language it was written in. */
function draftFromQuestion(question: string, deps: StaffAnswerDependencies): EditorValues {
    const language = deps.knowledge.current().recognizer.recognize(question, deps.profile.staffLanguage).language;
    return { ...draftFromTicket(question, undefined, language), examples: { [language]: examplePhrasings(question) } };
}

function editView(answer: StaffAnswer): StaffAnswersView {
    return {
        kind: 'edit',
        values: { title: answer.title, text: answer.text, examples: answer.examples },
        existing: { id: answer.id, number: answer.number, eTag: answer.eTag, status: answer.status },
    };
}

/** The guide's answers by title, for a conflict line. */
function titlesOf(speaker: Speaker, answerIds: readonly string[] | undefined): string[] {
    return (answerIds ?? []).map((id) => (speaker.has(`answers.${id}.title`) ? speaker.say(`answers.${id}.title`) : id));
}

function noticeOf(speaker: Speaker, result: SaveResult, done: 'added' | 'edited' | 'retired' | 'restored'): string {
    if ('saved' in result) {
        const notice = speaker.say(`staffAnswers.notices.${done}`, { number: result.saved.number });
        return result.masked ? `${notice} ${speaker.say('staffAnswers.notices.masked')}` : notice;
    }
    const notice = speaker.say(`staffAnswers.notices.${result.problem}`, { titles: titlesOf(speaker, result.overlaps).join(', ') });
    return result.masked ? `${notice} ${speaker.say('staffAnswers.notices.masked')}` : notice;
}

/** The library's answers (newest first) and the questions still without one (the last 30 days, those the bot still cannot answer with confidence). */
async function listView(deps: StaffAnswerDependencies, notice?: string): Promise<StaffAnswersView> {
    const speaker = staffSpeaker(deps);
    const answers = (await deps.book.list()).sort((a, b) => b.number - a.number);
    const now = deps.clock.now();
    const knowledge = deps.knowledge.current();
    const waiting = groupQuestions(await deps.questions.list(now - QUESTION_DAYS * DAY, now + 1)).filter((group) => knowledge.recognizer.recognize(group.text, deps.profile.staffLanguage).outcome !== 'sure');
    const listed = answers.slice(0, ANSWERS_SHOWN).map((answer): ListedAnswer => {
        const added = answer.history[0];
        return {
            id: answer.id,
            number: answer.number,
            eTag: answer.eTag,
            title: answer.title[deps.profile.staffLanguage] ?? Object.values(answer.title)[0] ?? '',
            languages: languagesOf(answer),
            status: answer.status,
            by: added?.actor.name ?? '',
            when: added ? formatTime(added.at, deps.profile.staffLanguage, deps.profile.timeZone) : '',
            overlapTitles: titlesOf(speaker, answer.conflicts),
        };
    });
    return {
        kind: 'list',
        answers: listed,
        moreAnswers: Math.max(0, answers.length - ANSWERS_SHOWN),
        questions: waiting.slice(0, QUESTIONS_SHOWN).map((group) => ({ text: group.text, count: group.count, unsure: group.outcomes.unsure })),
        moreQuestions: Math.max(0, waiting.length - QUESTIONS_SHOWN),
        days: QUESTION_DAYS,
        notice,
    };
}

import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { Clock } from '../core/clock';
import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import type { Logger } from '../core/logger';
import type { Speaker } from '../core/speaker';
import { setTurnLanguage, turnLanguage } from '../state/turnFacts';
import type { FlowProgress } from '../flow/progress';
import type { InstitutionProfile } from '../institution/institutionProfile';
import { languageSpeaker } from '../institution/profileSpeaker';
import type { TranscriptLine } from '../tickets/ticket';
import type { TicketService } from '../tickets/ticketService';
import type { RenewalReminders } from '../renewals/renewalReminders';
import type { InsightRecorder } from '../insights/insightRecorder';
import type { QuestionLog } from '../understanding/questionLog';
import type { LiveKnowledge } from '../understanding/knowledgeBase';
import { createBotMemory, type Awaiting, type BotMemory } from '../state/botMemory';

/**
 * Everything the bot's turn handler and its dialogs use, built once by the composition root. A
 * dialog or helper declares the part it uses (the types below), so its constructor tells what it touches.
 */
export interface DialogServices {
    translator: Translator;
    profile: InstitutionProfile;
    logger: Logger;
    clock: Clock;
    /** Saved by the turn handler at the end of each turn; dialogs use the accessors below. */
    userState: UserState;
    conversationState: ConversationState;
    tickets: TicketService;
    /** Where typed questions the bot could not answer with confidence are kept for the library. */
    questions: QuestionLog;
    /** The answers to typed questions and their recognizer: the guide's, and the library's from the store. */
    knowledge: LiveKnowledge;
    /** Renewal reminders; absent where the bot was built without them. */
    renewals?: RenewalReminders;
    /** Anonymous usage events for the library's report (never a user id; see insights/insightLog.ts). */
    insights: InsightRecorder;
    /** Every kept field; the turn handler's (dialog stack, welcome, turn count). Dialogs use the fields below. */
    memory: BotMemory;
    /** The language the user chose explicitly. */
    language: StatePropertyAccessor<Language | undefined>;
    /** Where the user is in the guided flow. */
    progress: StatePropertyAccessor<FlowProgress | undefined>;
    /** The last few turns, already redacted, for the transcript of a help ticket. */
    recentTurns: StatePropertyAccessor<TranscriptLine[]>;
    /** The card (or free text) the bot waits on now. */
    awaiting: StatePropertyAccessor<Awaiting | undefined>;
    /** Teams only: the user's name for the greeting, read once from their member profile. */
    displayName: StatePropertyAccessor<string | undefined>;
}

/** Sentences in the turn's language, with the institution's facts. */
export type Speaking = Pick<DialogServices, 'translator' | 'profile'>;

/** What the bot waits on next: a card's buttons or free text. */
export type Waiting = Pick<DialogServices, 'awaiting'>;

/** A typed question answered from the knowledge base, or kept for the library when it is not. */
export type Answering = Speaking & Pick<DialogServices, 'knowledge' | 'questions' | 'insights' | 'clock' | 'logger'>;

/**
 * What every dialog uses: on any step it answers typed questions, commands and a language switch,
 * knows the user's place in the guided flow, and waits on the cards it draws.
 */
export type DialogBasics = Answering & Waiting & Pick<DialogServices, 'progress' | 'language'>;

/** The ticket errands: every dialog's basics and the ticket service. */
export type TicketServices = DialogBasics & Pick<DialogServices, 'tickets'>;

/** Renewal reminders: the reminders (when the bot has them), and the guided renewal a reminder starts. */
export type RenewalServices = Speaking & Pick<DialogServices, 'renewals' | 'progress' | 'clock'>;

/** The fields that are views of `memory`, made by `createDialogServices`. */
type MemoryViews = 'memory' | 'language' | 'progress' | 'recentTurns' | 'awaiting' | 'displayName';

export function createDialogServices(parts: Omit<DialogServices, MemoryViews>): DialogServices {
    const memory = createBotMemory(parts.userState, parts.conversationState);
    return {
        ...parts,
        memory,
        language: memory.user.language,
        progress: memory.user.flowProgress,
        displayName: memory.user.displayName,
        recentTurns: memory.conversation.recentTurns,
        awaiting: memory.conversation.awaiting,
    };
}

export async function setLanguage(services: Pick<DialogServices, 'language'>, context: TurnContext, language: Language): Promise<void> {
    setTurnLanguage(context, language);
    await services.language.set(context, language);
}

/** Text in the turn's language, with the institution's facts available to every sentence. */
export function speakerFor(services: Speaking, context: TurnContext): Speaker {
    return languageSpeaker(services.translator, services.profile, turnLanguage(context));
}

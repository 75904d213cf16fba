import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { Clock } from '../core/clock';
import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import type { Logger } from '../core/logger';
import type { Speaker } from '../core/speaker';
import { setTurnLanguage, turnLanguage } from '../core/turnFacts';
import type { FlowProgress } from '../flow/progress';
import type { InstitutionProfile } from '../institution/institutionProfile';
import { languageSpeaker } from '../institution/profileSpeaker';
import type { TranscriptLine } from '../tickets/ticket';
import type { TicketService } from '../tickets/ticketService';
import type { RenewalReminders } from '../renewals/renewalReminders';
import type { InsightRecorder } from '../insights/insightRecorder';
import type { QuestionLog } from '../understanding/questionLog';
import type { LiveKnowledge } from '../understanding/knowledgeBase';
import { createBotMemory, type BotMemory } from './botMemory';

export interface DialogServices {
    translator: Translator;
    profile: InstitutionProfile;
    logger: Logger;
    clock: Clock;
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
    memory: BotMemory;
    language: StatePropertyAccessor<Language | undefined>;
    progress: StatePropertyAccessor<FlowProgress | undefined>;
    /** The last few turns, already redacted, for the transcript of a help ticket. */
    recentTurns: StatePropertyAccessor<TranscriptLine[]>;
}

export function createDialogServices(parts: Omit<DialogServices, 'memory' | 'language' | 'progress' | 'recentTurns'>): DialogServices {
    const memory = createBotMemory(parts.userState, parts.conversationState);
    // Shorthands for the fields dialogs use on almost every turn.
    return { ...parts, memory, language: memory.user.language, progress: memory.user.flowProgress, recentTurns: memory.conversation.recentTurns };
}

export async function setLanguage(services: DialogServices, context: TurnContext, language: Language): Promise<void> {
    setTurnLanguage(context, language);
    await services.language.set(context, language);
}

/** Text in the turn's language, with the institution's facts available to every sentence. */
export function speakerFor(services: DialogServices, context: TurnContext): Speaker {
    return languageSpeaker(services.translator, services.profile, turnLanguage(context));
}

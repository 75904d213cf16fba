import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { Translator, TranslationValues } from '../bot/i18n';
import { DEFAULT_LANGUAGE, type Language } from '../bot/language';
import type { Logger } from '../bot/logger';
import { profileTextValues, type InstitutionProfile } from '../institution/institutionProfile';
import type { Speaker } from '../cards/speaker';
import type { TranscriptLine } from '../tickets/ticket';
import type { TicketService } from '../tickets/ticketService';
import type { ApplicationKind, FlowAnswers, StepId } from './flowSteps';

/** Where a user is in the guided flow; kept in user state so it survives new chats and restarts. */
export interface FlowProgress {
    kind: ApplicationKind;
    stepId: StepId;
    answers: FlowAnswers;
    /** Steps shown before this one, for "back". */
    history: StepId[];
    updatedAt: number;
}

export interface Clock {
    now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface DialogServices {
    translator: Translator;
    profile: InstitutionProfile;
    logger: Logger;
    clock: Clock;
    userState: UserState;
    conversationState: ConversationState;
    tickets: TicketService;
    language: StatePropertyAccessor<Language | undefined>;
    progress: StatePropertyAccessor<FlowProgress | undefined>;
    /** The last few turns, already redacted, for the transcript of a help ticket. */
    recentTurns: StatePropertyAccessor<TranscriptLine[]>;
}

export function createDialogServices(parts: Omit<DialogServices, 'language' | 'progress' | 'recentTurns'>): DialogServices {
    return {
        ...parts,
        language: parts.userState.createProperty<Language | undefined>('language'),
        progress: parts.userState.createProperty<FlowProgress | undefined>('flowProgress'),
        recentTurns: parts.conversationState.createProperty<TranscriptLine[]>('recentTurns'),
    };
}

const TURN_LANGUAGE = Symbol('eimza.turnLanguage');

/** The language of this turn, decided once by the bot and changed by a language switch. */
export function turnLanguage(context: TurnContext): Language {
    return (context.turnState.get(TURN_LANGUAGE) as Language | undefined) ?? DEFAULT_LANGUAGE;
}

export async function setLanguage(services: DialogServices, context: TurnContext, language: Language): Promise<void> {
    context.turnState.set(TURN_LANGUAGE, language);
    await services.language.set(context, language);
}

/** Text in the turn's language, with the institution's facts available to every sentence. */
export function speakerFor(services: DialogServices, context: TurnContext): Speaker {
    return languageSpeaker(services.translator, services.profile, turnLanguage(context));
}

/** Text in one language, outside any user's turn (staff cards, notices, e-mails). */
export function languageSpeaker(translator: Translator, profile: InstitutionProfile, language: Language): Speaker {
    const withProfile = (values?: TranslationValues) => ({ ...profileTextValues(profile, language), ...values });
    return {
        say: (key, values) => translator.t(language, key, withProfile(values)),
        sayList: <T = string>(key: string, values?: TranslationValues) => translator.list<T>(language, key, withProfile(values)),
        has: (key) => translator.has(language, key),
    };
}

import { ConversationState, UserState, type BotAdapter, type Storage, type TurnContext } from 'botbuilder';
import { ConversationReferences } from '../bot/conversationReferences';
import { EImzaBot } from '../bot/eImzaBot';
import { PrivacyMiddleware } from '../bot/privacyMiddleware';
import { inspectorFor, type StaffCardSource } from '../bot/staffActions';
import { createTurnErrorHandler } from '../bot/turnErrorHandler';
import { TypingIndicator } from '../bot/typingIndicator';
import { LocalTeamsCards } from '../bot/localTeamsCards';
import type { Clock } from '../core/clock';
import type { BotConfig } from '../core/config';
import type { Translator } from '../core/i18n';
import type { Logger } from '../core/logger';
import { createDialogServices, type DialogServices } from '../dialogs/dialogServices';
import { overlapsWithGuide, type LiveKnowledge } from '../understanding/knowledgeBase';
import { StaffAnswerBook } from '../understanding/staffAnswerBook';
import type { StaffAnswerStore } from '../understanding/staffAnswers';
import type { InstitutionProfile } from '../institution/institutionProfile';
import { StaffChannelRegistry } from '../bot/staffChannel';
import type { TicketService } from '../tickets/ticketService';
import type { QuestionLog } from '../understanding/questionLog';
import type { RenewalReminders } from '../renewals/renewalReminders';
import type { InsightLog } from '../insights/insightLog';
import { InsightRecorder } from '../insights/insightRecorder';
import type { InsightSources } from '../insights/insightService';

export interface BotParts<M extends StaffCardSource> {
    config: Pick<BotConfig, 'RESUME_AFTER_MINUTES' | 'STAFF_TEAM_ID'> & Partial<Pick<BotConfig, 'MicrosoftAppTenantId' | 'localMode'>>;
    logger: Logger;
    clock: Clock;
    profile: InstitutionProfile;
    translator: Translator;
    /** User and conversation state, and the staff channel once learned. */
    storage: Storage;
    /** Where users can be reached proactively. */
    referenceStorage: Storage;
    tickets: TicketService;
    questions: QuestionLog;
    /** The answers to typed questions, built once by the caller (rebuilt in place when the library's answers change). */
    knowledge: LiveKnowledge;
    /** Where the library's answers are kept; without it staff cannot teach the bot from Teams. */
    answers?: StaffAnswerStore;
    /** Insights for the library: where anonymous usage events go (none recorded without it), and the visitor hash key. */
    insights?: InsightLog;
    insightsHashKey?: string;
    /** Where the staff "rapor" card reads its figures; without it the staff channel gets no report. */
    insightSources?: InsightSources;
    /** Renewal reminders; without them the reminders menu item sets none. */
    renewals?: RenewalReminders;
    /** The adapter that runs the turns: Bot Framework's in production, botbuilder's TestAdapter in tests. */
    adapter: BotAdapter;
    /** Draws staff cards and sends notices; it needs to know where users and the staff channel are. */
    createMessenger(where: { references: ConversationReferences; staffChannels: StaffChannelRegistry }): M;
}

export interface AssembledBot<M extends StaffCardSource> {
    services: DialogServices;
    messenger: M;
    /** The turn handler the adapter calls for every activity. */
    logic: (context: TurnContext) => Promise<void>;
    /** Where ticket threads go, learned from the staff team's activities. */
    staffChannels: StaffChannelRegistry;
    /** Where users can be reached proactively (renewal reminders go there too). */
    references: ConversationReferences;
}

/**
 * The bot itself, as `createApp` runs it and as every test drives it: state, dialogs, staff
 * actions, and on the adapter the privacy middleware (first: secrets are masked before anything
 * else reads the turn), the typing indicator and the polite turn-error handler.
 */
export function assembleBot<M extends StaffCardSource>(parts: BotParts<M>): AssembledBot<M> {
    const { config, logger, clock, profile, translator, tickets, questions, knowledge, adapter } = parts;
    const conversationState = new ConversationState(parts.storage);
    const userState = new UserState(parts.storage);
    const insights = new InsightRecorder(parts.insights, clock, logger, parts.insightsHashKey);
    const services = createDialogServices({ translator, profile, logger, clock, userState, conversationState, tickets, questions, knowledge, insights, renewals: parts.renewals });
    const staffChannels = new StaffChannelRegistry(parts.storage, config.STAFF_TEAM_ID, config.MicrosoftAppTenantId);
    const references = new ConversationReferences(parts.referenceStorage, () => clock.now());
    const messenger = parts.createMessenger({ references, staffChannels });
    const bot = new EImzaBot(services, {
        resumeAfterMs: config.RESUME_AFTER_MINUTES * 60_000,
        staffChannels,
        staffActions: { tickets, messenger, staffChannels, translator, profile, logger },
        references,
        // Insights for the library: the staff "rapor" card.
        staffReport: parts.insightSources
            ? {
                  staffChannels,
                  sources: parts.insightSources,
                  clock,
                  translator,
                  staffLanguage: profile.staffLanguage,
                  timeZone: profile.timeZone,
              }
            : undefined,
        // The library teaching the bot: answers in the store, masked like every staff text, checked against the guide's.
        staffAnswers: parts.answers
            ? {
                  book: new StaffAnswerBook({
                      store: parts.answers,
                      clock,
                      logger,
                      inspect: inspectorFor(translator),
                      overlaps: (examples) => overlapsWithGuide(knowledge.guide(), examples),
                  }),
                  knowledge,
                  staffChannels,
                  tickets,
                  messenger,
                  questions,
                  translator,
                  profile,
                  clock,
                  logger,
              }
            : undefined,
    });
    adapter.use(new PrivacyMiddleware(translator));
    // The Agents Playground (Teams in local mode) cannot send a Teams messageBack: plain submits there.
    if (config.localMode) adapter.use(new LocalTeamsCards());
    // A turn that waits on a store or on Teams shows "typing…" after half a second, every two seconds.
    adapter.use(new TypingIndicator(logger));
    adapter.onTurnError = createTurnErrorHandler({ logger, translator, conversationState, userState });
    return { services, messenger, logic: (context) => bot.run(context), staffChannels, references };
}

import type { CloudAdapter } from 'botbuilder';
import type * as restify from 'restify';
import type { DialogServices } from '../dialogs/dialogServices';
import { systemClock, type Clock } from '../core/clock';
import { loadInstitutionProfile } from '../institution/institutionProfile';
import { createStores, type CosmosOverrides } from '../storage/createStores';
import { ChatMessenger } from '../bot/chatMessenger';
import { NoticeDispatcher } from '../tickets/noticeDispatcher';
import { sweepReminders, type ReminderPolicy } from '../tickets/reminders';
import { createTicketMailer } from '../tickets/ticketMailer';
import { TicketService } from '../tickets/ticketService';
import { workingCalendar } from '../tickets/workingHours';
import { registerWebChat, type WebChatHandle } from '../web/registerWebChat';
import { createAdapter } from '../bot/adapter';
import type { BotConfig } from '../core/config';
import { assembleBot } from './assembleBot';
import { knowledgeBase } from '../dialogs/knowledgeBase';
import { createTranslator } from '../core/i18n';
import { createLogger, type Logger } from '../core/logger';
import { createServer } from '../bot/server';

export interface AppOptions {
    logger?: Logger;
    clock?: Clock;
    /** How often leftover notices and due reminders are looked for. */
    sweepIntervalMs?: number;
    /** Tests only: how the Cosmos client reaches the local server. */
    cosmos?: CosmosOverrides;
}

export interface App {
    config: BotConfig;
    server: restify.Server;
    adapter: CloudAdapter;
    services: DialogServices;
    dispatcher: NoticeDispatcher;
    webChat: WebChatHandle;
    /** Sends the reminders that are due now; the timer calls it, tests may too. */
    sweepReminders(): Promise<number>;
    listen(): Promise<string>;
    close(): Promise<void>;
}

/** The whole bot wired together; `index.ts` starts it, tests start as many as they like. */
export function createApp(config: BotConfig, options: AppOptions = {}): App {
    const logger = options.logger ?? createLogger(config.LOG_LEVEL);
    const clock = options.clock ?? systemClock;
    const profile = loadInstitutionProfile(config.institutionProfilePath);
    const translator = createTranslator();
    const stores = createStores(config, logger, options.cosmos);
    const { storage, tickets: ticketStore } = stores;
    const mailer = createTicketMailer(config, translator, logger);
    const tickets = new TicketService(ticketStore, clock, logger, !!mailer);
    const adapter = createAdapter(config);
    // Built now, so the first typed question is answered as fast as the rest.
    knowledgeBase();
    const { services, messenger, logic } = assembleBot({
        config, logger, clock, profile, translator, tickets, adapter,
        storage, referenceStorage: stores.references, questions: stores.questions,
        createMessenger: ({ references, staffChannels }) => new ChatMessenger({ adapter, references, botAppId: config.MicrosoftAppId ?? '', staffChannels, translator, profile, logger }),
    });
    const dispatcher = new NoticeDispatcher(ticketStore, messenger, clock, logger, mailer);
    tickets.onNotices(() => dispatcher.kick());
    const server = createServer({
        adapter,
        logic,
        checkHealth: async () => {
            await stores.ping();
            return { store: stores.kind };
        },
        logger,
    });
    const webChat = registerWebChat(server, { adapter, logic, storage: stores.directLine, config, logger, profile, translator });
    const policy: ReminderPolicy = {
        calendar: workingCalendar(config.WORKING_HOURS, config.WORKING_TIME_ZONE),
        unclaimedWorkingHours: config.REMINDER_UNCLAIMED_WORKING_HOURS,
        waitingWorkingDays: config.REMINDER_WAITING_WORKING_DAYS,
    };
    const sweep = () => sweepReminders(tickets, policy, clock, logger);
    let timer: NodeJS.Timeout | undefined;

    return {
        config, server, adapter, services, dispatcher, webChat,
        sweepReminders: sweep,
        listen: () => new Promise((resolve) => {
            server.listen(config.PORT, () => {
                const interval = options.sweepIntervalMs ?? 60_000;
                dispatcher.start(interval);
                timer = setInterval(() => void sweep().catch((error: Error) => logger.error('reminder sweep failed', { error: error.message })), interval);
                timer.unref();
                resolve(server.url);
            });
        }),
        close: async () => {
            if (timer) clearInterval(timer);
            dispatcher.stop();
            // Open Web Chat streams would otherwise keep server.close() waiting.
            webChat.close();
            await new Promise<void>((resolve) => {
                server.close(() => resolve());
            });
            await dispatcher.settled();
            mailer?.close();
            await stores.close();
        },
    };
}

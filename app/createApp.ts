import { randomBytes } from 'crypto';
import * as net from 'net';
import * as path from 'path';
import type * as restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { DialogServices } from '../dialogs/dialogServices';
import { systemClock, type Clock } from '../core/clock';
import { loadInstitutionProfile } from '../institution/institutionProfile';
import { createStores, type CosmosOverrides } from '../storage/createStores';
import { ChatMessenger } from '../bot/chatMessenger';
import { NoticeDispatcher } from '../tickets/noticeDispatcher';
import { sweepReminders, type ReminderPolicy } from '../tickets/reminders';
import { createTicketMailer } from '../mail/ticketMailer';
// Renewal reminders: kept in the ticket store, sent through its outbox by Teams and e-mail.
import { RenewalReminders } from '../renewals/renewalReminders';
import { createRenewalMailer } from '../mail/renewalMailer';
import { RenewalMessenger } from '../bot/renewalMessenger';
import type { StaffChannelRegistry } from '../bot/staffChannel';
import { TicketService } from '../tickets/ticketService';
import { workingCalendar } from '../core/workingHours';
import { registerWebChat, type WebChatHandle } from '../web/registerWebChat';
import { localePrivacyInspector } from '../core/privacyGuard';
import { registerLocalDirectLine } from '../localDirectLine/registerLocalDirectLine';
import { registerEmailLinkPages } from '../web/emailLinkPages';
import { reminderEmailLinks } from './reminderEmailLinks';
import { createAdapter } from '../bot/adapter';
import type { BotConfig } from '../core/config';
import { assembleBot } from './assembleBot';
import { LiveKnowledge, loadKnowledgeContent } from '../understanding/knowledgeBase';
import { classifierCacheIn } from '../understanding/classifierCache';
import { createTranslator } from '../core/i18n';
import { createLogger, type Logger } from '../core/logger';
import { createServer } from '../bot/server';
import { startTelemetry } from './telemetry';
// Insights for the library: anonymous events, the staff report and the weekly digest.
import { insightsCard } from '../cards/insightsCard';
import { sendWeeklyDigest, type InsightSources } from '../insights/insightService';
import { reportWords } from '../insights/reportText';

export interface AppOptions {
    logger?: Logger;
    clock?: Clock;
    /** How often leftover notices and due reminders are looked for. */
    sweepIntervalMs?: number;
    /** Tests only: how the Cosmos client reaches the local server. */
    cosmos?: CosmosOverrides;
    /** How often the store is asked whether the library's answers changed (default 30 s: every instance serves a change within a minute). */
    knowledgeRefreshMs?: number;
}

export interface App {
    config: BotConfig;
    server: restify.Server;
    adapter: CloudAdapter;
    services: DialogServices;
    /** Where ticket threads go, as learned from the staff team. */
    staffChannels: StaffChannelRegistry;
    dispatcher: NoticeDispatcher;
    webChat: WebChatHandle;
    /** Sends the reminders that are due now; the timer calls it, tests may too. */
    sweepReminders(): Promise<number>;
    /** Posts this week's digest to the staff channel if it is due and no instance did; the timer calls it, tests may too. */
    sendWeeklyDigest(): Promise<boolean>;
    /** Rebuilds the typed-question answers if the library's answers changed in the store; the timer calls it, tests may too. */
    refreshKnowledge(): Promise<boolean>;
    listen(): Promise<string>;
    close(): Promise<void>;
}

const KNOWLEDGE_REFRESH_MS = 30_000;

/** The whole bot wired together; `index.ts` starts it, tests start as many as they like. */
export function createApp(config: BotConfig, options: AppOptions = {}): App {
    const logger = options.logger ?? createLogger(config.LOG_LEVEL);
    // First, so that its instrumentation sees every dependency call; off unless the variable is set (app/telemetry.ts).
    const telemetry = startTelemetry(process.env.APPLICATIONINSIGHTS_CONNECTION_STRING, logger);
    const clock = options.clock ?? systemClock;
    const profile = loadInstitutionProfile(config.institutionProfilePath);
    const translator = createTranslator();
    const stores = createStores(config, logger, options.cosmos);
    const { storage, tickets: ticketStore } = stores;
    const mailer = createTicketMailer(config, translator, logger);
    const tickets = new TicketService(ticketStore, clock, logger, !!mailer);
    // The bot signs its calls to its own Direct Line connector routes with this; it never leaves the process.
    const connectorKey = randomBytes(32).toString('base64url');
    const { adapter, ownConnectorTurns } = createAdapter(config, { key: connectorKey, owns: (url) => webChat.ownsUrl(url) });
    // Built now, so the first typed question is answered as fast as the rest; the library's own answers join at listen().
    const knowledge = new LiveKnowledge({ ...loadKnowledgeContent(), classifierCache: classifierCacheIn(path.join(config.dataDir, 'classifiers'), logger) }, stores.answers, logger);
    // The library's working week: insights' idle days, renewal reminders' sending times, ticket reminders.
    const calendar = workingCalendar(config.WORKING_HOURS, config.WORKING_TIME_ZONE);
    const insightSources: InsightSources = {
        insights: stores.insights,
        questions: stores.questions,
        listTickets: () => ticketStore.list(),
        calendar,
        idleDays: config.INSIGHTS_IDLE_DAYS,
    };
    // Renewal reminders: kept in the ticket store, sent through its notice outbox in working time.
    const renewalMonths = profile.kamusm.renewalProductionMonthsBeforeExpiry;
    // Reminder e-mails carry links (confirm the address, stop them) to this server: none where they would lead nowhere.
    const publicBaseUrl = config.PUBLIC_BASE_URL;
    const linkBase = publicBaseUrl ? () => publicBaseUrl : config.localMode ? () => `http://127.0.0.1:${server.address().port}` : undefined;
    if (config.SMTP_URL && !linkBase) logger.warn('renewal reminder e-mails are off: set PUBLIC_BASE_URL, where browsers reach this bot, for their confirm and stop links');
    const renewalMailer = linkBase && createRenewalMailer(config, translator, logger, renewalMonths, linkBase);
    const renewals = new RenewalReminders(ticketStore, clock, logger, {
        calendar,
        months: { lead: profile.renewalReminderMonthsBeforeExpiry, production: renewalMonths },
        emailEnabled: !!renewalMailer,
    });
    const { services, messenger, logic, staffChannels, references } = assembleBot({
        renewals,
        config,
        logger,
        clock,
        profile,
        translator,
        tickets,
        adapter,
        storage,
        referenceStorage: stores.references,
        questions: stores.questions,
        knowledge,
        answers: stores.answers,
        insights: stores.insights,
        insightsHashKey: config.INSIGHTS_HASH_KEY,
        insightSources,
        createMessenger: ({ references, staffChannels }) => new ChatMessenger({ adapter, references, botAppId: config.MicrosoftAppId ?? '', staffChannels, translator, profile, logger }),
    });
    if (telemetry.middleware) adapter.use(telemetry.middleware);
    const renewalMessenger = new RenewalMessenger({ adapter, references, botAppId: config.MicrosoftAppId ?? '', translator, profile, logger, mailer: renewalMailer });
    const dispatcher = new NoticeDispatcher(ticketStore, messenger, clock, logger, mailer, renewalMessenger);
    tickets.onNotices(() => dispatcher.kick());
    renewals.onNotices(() => dispatcher.kick());
    // A ticket filed before the bot met the staff team goes out as soon as it does, not at the next sweep.
    staffChannels.onLearned(() => dispatcher.staffChannelKnown());
    const server = createServer({
        adapter,
        logic,
        checkHealth: async () => {
            await stores.ping();
            return { store: stores.kind };
        },
        logger,
        localMode: config.localMode,
    });
    registerEmailLinkPages(server, { translator, logger, links: reminderEmailLinks(ticketStore, renewals, clock) });
    // The local Direct Line is a development tool: wired here, and only when it is asked for.
    const startLocalEndpoint = config.localDirectLine
        ? () =>
              registerLocalDirectLine(server, {
                  runTurn: (activity) => adapter.processActivityDirect(ownConnectorTurns, activity, logic),
                  connectorKey,
                  storage: stores.directLine,
                  config,
                  logger,
                  publicBaseUrl,
                  inspect: localePrivacyInspector(translator),
              })
        : undefined;
    const webChat: WebChatHandle = registerWebChat(server, { config, logger, profile, translator, startLocalEndpoint });
    const policy: ReminderPolicy = {
        calendar,
        unclaimedWorkingHours: config.REMINDER_UNCLAIMED_WORKING_HOURS,
        waitingWorkingDays: config.REMINDER_WAITING_WORKING_DAYS,
    };
    const sweep = () => sweepReminders(tickets, policy, clock, logger);
    const digestOwner = randomBytes(8).toString('hex');
    // Without a staff team there is no channel to post to.
    const digest = async () =>
        !!config.STAFF_TEAM_ID
        && sendWeeklyDigest({
            sources: insightSources,
            clock,
            logger,
            owner: digestOwner,
            post: (report) => messenger.postToStaffChannel(insightsCard(report, reportWords(translator, profile.staffLanguage), { timeZone: profile.timeZone, digest: true })),
        });
    const migrateStores = () => stores.migrate(clock.now()).catch((error: Error) => logger.warn('stored data not brought up to date yet; trying again at the next sweep', { error: error.message }));
    let timer: NodeJS.Timeout | undefined;
    let digestTimer: NodeJS.Timeout | undefined;
    let knowledgeTimer: NodeJS.Timeout | undefined;
    const refreshKnowledge = () => knowledge.refresh();
    const extraListeners: net.Server[] = [];

    return {
        config,
        server,
        adapter,
        services,
        staffChannels,
        dispatcher,
        webChat,
        sweepReminders: sweep,
        sendWeeklyDigest: digest,
        refreshKnowledge,
        listen: async () => {
            // Before anyone is answered, so a user finds what they stored before an update; a store
            // that cannot answer now is asked again with each sweep (the bot starts anyway, as always).
            await migrateStores();
            // The library's answers before the first turn; a store that does not answer yet is asked again by the timer.
            await refreshKnowledge().catch((error: Error) => logger.warn("the library's answers could not be read, will retry", { error: error.message }));
            const url = await listenOn(server, config, logger, extraListeners);
            const interval = options.sweepIntervalMs ?? 60_000;
            dispatcher.start(interval);
            timer = setInterval(
                () =>
                    void migrateStores()
                        .then(sweep)
                        .catch((error: Error) => logger.error('reminder sweep failed', { error: error.message })),
                interval,
            );
            timer.unref();
            digestTimer = setInterval(() => void digest().catch((error: Error) => logger.warn('weekly digest not sent, will retry', { error: error.message })), interval);
            digestTimer.unref();
            // No change feed to listen to (and none on the test server): every instance asks for the version.
            knowledgeTimer = setInterval(
                () => void refreshKnowledge().catch((error: Error) => logger.warn("the library's answers could not be read, will retry", { error: error.message })),
                options.knowledgeRefreshMs ?? KNOWLEDGE_REFRESH_MS,
            );
            knowledgeTimer.unref();
            return url;
        },
        close: async () => {
            if (timer) clearInterval(timer);
            if (digestTimer) clearInterval(digestTimer);
            if (knowledgeTimer) clearInterval(knowledgeTimer);
            dispatcher.stop();
            // Open Web Chat streams would otherwise keep server.close() waiting.
            webChat.close();
            for (const listener of extraListeners.splice(0)) listener.close();
            await new Promise<void>((resolve) => {
                server.close(() => resolve());
            });
            await dispatcher.settled();
            mailer?.close();
            renewalMailer?.close();
            await stores.close();
            await telemetry.shutdown();
        },
    };
}

/**
 * Local mode (no authentication) listens on loopback only, IPv4 and IPv6: the server on 127.0.0.1
 * and a second listener on ::1 (same port) handing its connections to the same HTTP server.
 * LISTEN_ALL_INTERFACES=true widens it, with a loud warning; with credentials it listens everywhere.
 */
async function listenOn(server: restify.Server, config: BotConfig, logger: Logger, extraListeners: net.Server[]): Promise<string> {
    const [primary, ...others] = config.listenHosts ?? [];
    if (config.localMode && !primary) {
        logger.warn(
            'LOCAL MODE ON EVERY INTERFACE: LISTEN_ALL_INTERFACES=true and no Bot Framework authentication. Anyone who can reach this port can act as any user. Never do this outside a closed test network.',
        );
    }
    await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        const ready = () => {
            server.server.off('error', reject);
            resolve();
        };
        if (primary) server.listen(config.PORT, primary, ready);
        else server.listen(config.PORT, ready);
    });
    const { port } = server.address();
    for (const host of others) {
        const listener = net.createServer((socket) => server.server.emit('connection', socket));
        await new Promise<void>((resolve) => {
            listener.once('error', (error: NodeJS.ErrnoException) => {
                // A host without IPv6 has no ::1: 127.0.0.1 alone is still loopback only.
                logger.warn('could not listen on a loopback address', { host, error: error.code ?? error.message });
                resolve();
            });
            listener.listen(port, host, () => {
                extraListeners.push(listener);
                resolve();
            });
        });
    }
    return server.url;
}

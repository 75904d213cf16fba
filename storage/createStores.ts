import * as path from 'path';
import type { Storage } from 'botbuilder';
import type { BotConfig } from '../core/config';
import type { Logger } from '../core/logger';
import { deleteEndedReminders } from '../renewals/reminderRetention';
import { secureStoredReminderEmails } from '../renewals/reminderEmails';
import { namespaceStoredRequesterIds } from '../tickets/requesterIds';
import type { TicketStore } from '../tickets/ticketStore';
import type { QuestionLog } from '../understanding/questionLog';
import type { CosmosSettings } from './cosmosClient';
import type * as CosmosQuestionLogModule from './cosmosQuestionLog';
import type * as CosmosStorageModule from './cosmosStorage';
import type * as CosmosTicketStoreModule from './cosmosTicketStore';
import { QUESTIONS_FILE, SqliteQuestionLog } from './sqliteQuestionLog';
import { SqliteStorage } from './sqliteStorage';
import { SqliteTicketStore } from './sqliteTicketStore';
import type { StaffAnswerStore } from '../understanding/staffAnswers';
import type * as CosmosStaffAnswerStoreModule from './cosmosStaffAnswerStore';
import { ANSWERS_FILE, SqliteStaffAnswerStore } from './sqliteStaffAnswerStore';
// Insights for the library: their own store, apart from tickets and conversation state.
import type { InsightLog } from '../insights/insightLog';
import { BufferedInsightLog } from '../insights/bufferedInsightLog';
import type * as CosmosInsightLogModule from './cosmosInsightLog';
import { INSIGHTS_FILE, SqliteInsightLog } from './sqliteInsightLog';

/** Test-only knobs for the Cosmos client (the local server's self-signed certificate). */
export type CosmosOverrides = Pick<CosmosSettings, 'agent' | 'endpointDiscovery'>;

interface RetainingStorage extends Storage {
    ping(): Promise<void>;
    deleteIdleBefore(cutoff: number): Promise<number>;
    close(): void;
}

interface ClosableQuestionLog extends QuestionLog {
    close(): Promise<void>;
}

export interface Stores {
    kind: 'sqlite' | 'cosmos';
    storage: Storage;
    /** Conversation references (who can be reached where); its own container in Cosmos DB. */
    references: Storage;
    /** The local Direct Line endpoint's conversations; its own container in Cosmos DB. */
    directLine: Storage;
    tickets: TicketStore;
    /** Questions the bot could not answer (masked text, language, step, time); its own container in Cosmos DB. */
    questions: QuestionLog;
    /**
     * Anonymous usage events for the library's report and the weekly digest's lease; its own
     * container in Cosmos DB. With SQLite buffered: a turn's event is written with others a moment
     * later, and every read writes what waits first; `close()` writes it before the store closes.
     */
    insights: InsightLog;
    /** Answers the library taught the bot from Teams; its own container in Cosmos DB. */
    answers: StaffAnswerStore;
    ping(): Promise<void>;
    /** Brings what an earlier version stored up to date; run before the bot answers anyone (see `migrations`). */
    migrate(now?: number): Promise<void>;
    /** Deletes what the retention setting says is kept too long as of `now`; the timer calls it. */
    sweepExpired(now?: number): Promise<{ tickets: number; states: number; questions: number; reminders: number }>;
    close(): Promise<void>;
}

const DAY = 86_400_000;
const FIRST_SWEEP_MS = 60_000;
/**
 * Changes to what is stored, each done once: its key in the bot's state store says it was. Every
 * change is safe to run twice (two instances starting at once both may).
 */
const migrations: Array<{ key: string; run: (stores: { tickets: TicketStore }, now: number) => Promise<Record<string, number>> }> = [
    // Requester ids gained their channel ("msteams:…"): a web chat id could equal a Teams user's.
    { key: 'migrations/channelPrefixedRequesterIds', run: ({ tickets }) => namespaceStoredRequesterIds(tickets) },
    // Reminder e-mails go only to proven addresses, with links: web chat ones stored before are asked to confirm.
    { key: 'migrations/reminderEmailConfirmation', run: ({ tickets }, now) => secureStoredReminderEmails(tickets, now) },
];
const SWEEP_EVERY_MS = 6 * 3_600_000;

/** Cosmos DB when COSMOS_ENDPOINT is set (every instance shares it), otherwise SQLite files in DATA_DIR. */
export function createStores(config: BotConfig, logger: Logger, cosmos: CosmosOverrides = {}): Stores {
    const kind = config.COSMOS_ENDPOINT ? 'cosmos' : 'sqlite';
    let storage: RetainingStorage;
    let references: RetainingStorage;
    let directLine: RetainingStorage;
    let tickets: TicketStore;
    let questions: ClosableQuestionLog;
    let insightStore: InsightLog & { close(): Promise<void> };
    let answers: StaffAnswerStore;
    if (config.COSMOS_ENDPOINT) {
        const settings: CosmosSettings = {
            endpoint: config.COSMOS_ENDPOINT,
            key: config.COSMOS_KEY,
            database: config.COSMOS_DATABASE ?? 'e-imza',
            endpointDiscovery: config.COSMOS_ENDPOINT_DISCOVERY,
            ...cosmos,
        };
        // Loaded only here: @azure/cosmos, @azure/identity and botbuilder-azure are a third of the
        // start-up's module loading, and a SQLite bot never uses them.
        /* eslint-disable @typescript-eslint/no-require-imports */
        const { CosmosStorage, DIRECT_LINE_CONTAINER, REFERENCES_CONTAINER } = require('./cosmosStorage') as typeof CosmosStorageModule;
        const { CosmosTicketStore } = require('./cosmosTicketStore') as typeof CosmosTicketStoreModule;
        const { CosmosQuestionLog } = require('./cosmosQuestionLog') as typeof CosmosQuestionLogModule;
        const { CosmosInsightLog } = require('./cosmosInsightLog') as typeof CosmosInsightLogModule;
        const { CosmosStaffAnswerStore } = require('./cosmosStaffAnswerStore') as typeof CosmosStaffAnswerStoreModule;
        /* eslint-enable @typescript-eslint/no-require-imports */
        storage = new CosmosStorage(settings);
        references = new CosmosStorage(settings, REFERENCES_CONTAINER);
        directLine = new CosmosStorage(settings, DIRECT_LINE_CONTAINER);
        tickets = new CosmosTicketStore(settings);
        questions = new CosmosQuestionLog(settings);
        insightStore = new CosmosInsightLog(settings);
        answers = new CosmosStaffAnswerStore(settings);
    } else {
        // One file holds them all; their keys never overlap.
        storage = references = directLine = new SqliteStorage(path.join(config.dataDir, 'bot.sqlite'));
        tickets = new SqliteTicketStore(path.join(config.dataDir, 'tickets.sqlite'));
        questions = new SqliteQuestionLog(path.join(config.dataDir, QUESTIONS_FILE));
        insightStore = new SqliteInsightLog(path.join(config.dataDir, INSIGHTS_FILE));
        answers = new SqliteStaffAnswerStore(path.join(config.dataDir, ANSWERS_FILE));
    }
    // SQLite's INSERT runs on the turn's thread (about 30 µs an event, 6 µs batched); Cosmos DB's
    // create is a network call the turn only awaits, and written at once every instance's report
    // sees it. One instance for the recorder, the reports and the sweep: each read flushes first.
    const insights: InsightLog & { close(): Promise<void> } = config.COSMOS_ENDPOINT ? insightStore : new BufferedInsightLog(insightStore, logger);
    const stateStores = [...new Set([storage, references, directLine])];
    const sweepExpired = async (now = Date.now()) => {
        const cutoff = now - config.DATA_RETENTION_DAYS * DAY;
        let states = 0;
        for (const store of stateStores) states += await store.deleteIdleBefore(cutoff);
        const removed = {
            tickets: await tickets.deleteClosedBefore(cutoff),
            states,
            questions: await questions.deleteOlderThan(cutoff),
            // Renewal reminders end with their expiry month, however young they are.
            reminders: await deleteEndedReminders(tickets, now),
        };
        // Insight events follow the same retention (counted in the log line, not in the answer).
        const insightEvents = await insights.deleteOlderThan(cutoff);
        if (insightEvents) logger.info('retention sweep deleted old insight events', { insightEvents, retentionDays: config.DATA_RETENTION_DAYS });
        if (removed.tickets || removed.states || removed.questions || removed.reminders) logger.info('retention sweep deleted old data', { ...removed, retentionDays: config.DATA_RETENTION_DAYS });
        return removed;
    };
    const sweepLogged = () => void sweepExpired().catch((error: Error) => logger.warn('retention sweep failed, will retry', { error: error.message }));
    // Every instance sweeps; deleting what another already deleted is harmless.
    const first = setTimeout(sweepLogged, FIRST_SWEEP_MS).unref();
    let migrated = false;
    const timer = setInterval(sweepLogged, SWEEP_EVERY_MS).unref();
    return {
        kind,
        storage,
        references,
        directLine,
        tickets,
        questions,
        insights,
        answers,
        ping: async () => {
            for (const store of stateStores) await store.ping();
            await tickets.ping();
        },
        migrate: async (now = Date.now()) => {
            if (migrated) return;
            for (const migration of migrations) {
                if ((await storage.read([migration.key]))[migration.key]) continue;
                const changed = await migration.run({ tickets }, now);
                logger.info('stored data brought up to date', { migration: migration.key, ...changed });
                await storage.write({ [migration.key]: { doneAt: now, ...changed, eTag: '*' } });
            }
            migrated = true;
        },
        sweepExpired,
        close: async () => {
            clearTimeout(first);
            clearInterval(timer);
            // The waiting events first, while their store is open.
            if (insights !== insightStore) await insights.close();
            await tickets.close();
            await questions.close();
            await insightStore.close();
            await answers.close();
            stateStores.forEach((store) => store.close());
        },
    };
}

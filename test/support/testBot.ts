import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity, type Storage, type TurnContext } from 'botbuilder';
import { assembleBot } from '../../app/assembleBot';
import { createTranslator } from '../../core/i18n';
import { silentLogger, type Logger } from '../../core/logger';
import { fromRoot } from '../../core/projectPaths';
import type { DialogServices } from '../../dialogs/dialogServices';
import { LiveKnowledge, loadKnowledgeContent, type KnowledgeContent } from '../../understanding/knowledgeBase';
import { SqliteTicketStore } from '../../storage/sqliteTicketStore';
import { SqliteQuestionLog } from '../../storage/sqliteQuestionLog';
import type { QuestionLog } from '../../understanding/questionLog';
import type { InsightLog } from '../../insights/insightLog';
import { TicketService } from '../../tickets/ticketService';
import { loadInstitutionProfile } from '../../institution/institutionProfile';
import { buttonsOf, readableText, webChatSubmit, type CardButton } from './cardText';
import { FakeClock } from './fakeClock';

export const translator = createTranslator();
export const profile = loadInstitutionProfile(fromRoot('institution', 'profile.json'));

let knowledgeContent: KnowledgeContent | undefined;
let sharedKnowledge: LiveKnowledge | undefined;
/** The guide's examples and concepts, read once per test run. */
const testKnowledgeContent = () => (knowledgeContent ??= loadKnowledgeContent());
/** The guide's answers without any of the library's: built once per test run and shared, as the app builds one per process. */
export const guideKnowledge = () => (sharedKnowledge ??= new LiveKnowledge(testKnowledgeContent()));

export interface TestChatOptions {
    storage?: Storage;
    clock?: FakeClock;
    locale?: string;
    userId?: string;
    userName?: string;
    conversationId?: string;
    /** The Bot Framework channel the chat is on (default `test`). */
    channelId?: string;
    resumeAfterMinutes?: number;
    logger?: Logger;
    /** A message with exactly this text makes the turn throw, as a bug would. */
    failOn?: string;
    /** What that turn throws (default: `new Error('simulated failure')`). */
    failWith?: () => Error;
    tickets?: TicketService;
    questions?: QuestionLog;
    /** Insights: where the anonymous usage events go, and the visitor hash key. */
    insights?: InsightLog;
    insightsHashKey?: string;
    /** The answers to typed questions; the guide's alone by default. */
    knowledge?: LiveKnowledge;
}

let scratch: string | undefined;
/** One folder of throw-away ticket stores per test run, removed when the run ends. */
function scratchDir(): string {
    if (!scratch) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-testchat-'));
        process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
        scratch = dir;
    }
    return scratch;
}

/** One user chatting with the whole bot (privacy middleware, language, dialogs) in memory. */
export class TestChat {
    readonly clock: FakeClock;
    readonly storage: Storage;
    readonly tickets: TicketService;
    readonly services: DialogServices;
    readonly questions: QuestionLog;
    private readonly adapter: TestAdapter;
    private lastReplies: Partial<Activity>[] = [];
    private earlierButtons: CardButton[] = [];

    constructor(private readonly options: TestChatOptions = {}) {
        this.clock = options.clock ?? new FakeClock();
        this.storage = options.storage ?? new MemoryStorage();
        const logger = options.logger ?? silentLogger;
        this.tickets = options.tickets ?? new TicketService(new SqliteTicketStore(path.join(scratchDir(), `${randomUUID()}.sqlite`)), this.clock, logger);
        this.questions = options.questions ?? new SqliteQuestionLog(path.join(scratchDir(), `${randomUUID()}.questions.sqlite`));
        let logic: (context: TurnContext) => Promise<void> = () => Promise.resolve();
        this.adapter = new TestAdapter(async (context) => {
            if (options.failOn !== undefined && context.activity.text === options.failOn) {
                await this.services.progress.get(context); // state is loaded when the failure strikes, as in real turns
                throw options.failWith?.() ?? new Error('simulated failure');
            }
            await logic(context);
        });
        // The same factory as the app; no staff team here (STAFF_TEAM_ID unset): staff cards are exercised end to end in test/tickets.
        const bot = assembleBot({
            config: { RESUME_AFTER_MINUTES: options.resumeAfterMinutes ?? 60, STAFF_TEAM_ID: undefined },
            logger,
            clock: this.clock,
            profile,
            translator,
            tickets: this.tickets,
            adapter: this.adapter,
            storage: this.storage,
            referenceStorage: this.storage,
            questions: this.questions,
            knowledge: options.knowledge ?? guideKnowledge(),
            insights: options.insights,
            insightsHashKey: options.insightsHashKey,
            createMessenger: () => ({ colleagues: () => Promise.resolve([]), card: () => Promise.reject(new Error('no staff team in this test')) }),
        });
        this.services = bot.services;
        logic = bot.logic;
    }

    /** The user opens the chat: Bot Framework sends conversationUpdate with the user joining. */
    async open(): Promise<Partial<Activity>[]> {
        const user = this.user();
        return this.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [user], recipient: { id: 'bot', name: 'bot' } });
    }

    async say(text: string): Promise<Partial<Activity>[]> {
        return this.send({ type: ActivityTypes.Message, text });
    }

    /**
     * Clicks a button by its exact title, as Web Chat and Teams submit it: on the latest cards,
     * or else on an earlier card still visible higher up in the chat.
     */
    async click(title: string): Promise<Partial<Activity>[]> {
        const button = [...this.buttons(), ...this.earlierButtons].find((candidate) => candidate.title === title);
        if (!button)
            throw new Error(
                `No button "${title}" among: ${this.buttons()
                    .map((b) => b.title)
                    .join(' | ')}`,
            );
        return this.press(button);
    }

    /**
     * Sends a button's click as Web Chat does: a messageBack button (`__isBotFrameworkCardAction`)
     * sends only its `cardAction.value`, with the title as the display text and no `text`; any other
     * button sends its data as the value.
     */
    async press(button: CardButton): Promise<Partial<Activity>[]> {
        return this.send({ type: ActivityTypes.Message, ...webChatSubmit(button.data) });
    }

    /** Submits a choice by its id, as a card button would; for walks where titles do not matter. */
    async pick(choice: string): Promise<Partial<Activity>[]> {
        return this.send({ type: ActivityTypes.Message, value: { choice } });
    }

    buttons(): CardButton[] {
        return this.lastReplies.flatMap(buttonsOf);
    }

    /** Every button of the cards before the latest reply, newest first, as they stay clickable higher up in the chat. */
    olderButtons(): CardButton[] {
        return this.earlierButtons;
    }

    /** The replies of the last turn. */
    replies(): Partial<Activity>[] {
        return this.lastReplies;
    }

    text(): string {
        return this.lastReplies.map(readableText).join('\n');
    }

    private user() {
        return { id: this.options.userId ?? 'user-1', name: this.options.userName ?? 'User' };
    }

    private async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
        this.earlierButtons = [...this.buttons(), ...this.earlierButtons];
        this.adapter.activeQueue.splice(0);
        await this.adapter.processActivity({
            channelId: this.options.channelId ?? 'test',
            locale: this.options.locale,
            from: this.user(),
            recipient: { id: 'bot', name: 'bot' },
            conversation: { id: this.options.conversationId ?? 'conversation-1', isGroup: false, conversationType: 'personal', name: '' },
            ...activity,
        });
        this.lastReplies = this.adapter.activeQueue.splice(0).filter((reply) => reply.type === ActivityTypes.Message);
        return this.lastReplies;
    }
}

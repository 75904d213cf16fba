import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, UserState, type Activity, type Storage } from 'botbuilder';
import { EImzaBot } from '../../bot/eImzaBot';
import { createTranslator } from '../../bot/i18n';
import { silentLogger, type Logger } from '../../bot/logger';
import { fromRoot } from '../../bot/projectPaths';
import { PrivacyMiddleware } from '../../bot/privacyMiddleware';
import { createTurnErrorHandler } from '../../bot/turnErrorHandler';
import { createDialogServices } from '../../dialogs/dialogServices';
import { loadInstitutionProfile } from '../../institution/institutionProfile';
import { buttonsOf, readableText, type CardButton } from './cardText';
import { FakeClock } from './fakeClock';

export const translator = createTranslator();
export const profile = loadInstitutionProfile(fromRoot('institution', 'profile.json'));

export interface TestChatOptions {
    storage?: Storage;
    clock?: FakeClock;
    locale?: string;
    userId?: string;
    userName?: string;
    conversationId?: string;
    resumeAfterMinutes?: number;
    logger?: Logger;
    /** A message with exactly this text makes the turn throw, as a bug would. */
    failOn?: string;
}

/** One user chatting with the whole bot (privacy middleware, language, dialogs) in memory. */
export class TestChat {
    readonly clock: FakeClock;
    readonly storage: Storage;
    private readonly adapter: TestAdapter;
    private lastReplies: Partial<Activity>[] = [];
    private earlierButtons: CardButton[] = [];

    constructor(private readonly options: TestChatOptions = {}) {
        this.clock = options.clock ?? new FakeClock();
        this.storage = options.storage ?? new MemoryStorage();
        const conversationState = new ConversationState(this.storage);
        const userState = new UserState(this.storage);
        const logger = options.logger ?? silentLogger;
        const services = createDialogServices({ translator, profile, logger, clock: this.clock, userState, conversationState });
        const bot = new EImzaBot(services, { resumeAfterMs: (options.resumeAfterMinutes ?? 60) * 60_000 });
        this.adapter = new TestAdapter(async (context) => {
            if (options.failOn !== undefined && context.activity.text === options.failOn) {
                await services.progress.get(context); // state is loaded when the failure strikes, as in real turns
                throw new Error('simulated failure');
            }
            await bot.run(context);
        });
        this.adapter.use(new PrivacyMiddleware(translator));
        this.adapter.onTurnError = createTurnErrorHandler({ logger, translator, conversationState, userState });
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
        if (!button) throw new Error(`No button "${title}" among: ${this.buttons().map((b) => b.title).join(' | ')}`);
        return this.send({ type: ActivityTypes.Message, value: button.data });
    }

    /** Submits a choice by its id, as a card button would; for walks where titles do not matter. */
    async pick(choice: string): Promise<Partial<Activity>[]> {
        return this.send({ type: ActivityTypes.Message, value: { choice } });
    }

    buttons(): CardButton[] {
        return this.lastReplies.flatMap(buttonsOf);
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
            channelId: 'test',
            locale: this.options.locale,
            from: this.user(),
            recipient: { id: 'bot', name: 'bot' },
            conversation: { id: this.options.conversationId ?? 'conversation-1', isGroup: false, conversationType: 'personal', name: '' },
            ...activity,
        } as Partial<Activity>);
        this.lastReplies = this.adapter.activeQueue.splice(0).filter((reply) => reply.type === ActivityTypes.Message);
        return this.lastReplies;
    }
}

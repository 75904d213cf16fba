import type { Activity, ChannelAccount } from 'botbuilder';
import type { WebSocket } from 'ws';
import type { Logger } from '../core/logger';
import type { PrivacyInspector } from '../core/privacyGuard';
import { clientActivityToKeep } from './clientActivityToKeep';
import { directLineErrors } from '../core/errors';
import { ConversationStore, type DeliveredActivity, type DirectLineConversation } from './conversationStore';
import type { ActivityGroup, StreamHub } from './streamHub';

const DIRECT_LINE_CHANNEL_ID = 'directline';

/** Where activities from the client go: the bot, told to answer through this server's connector routes. */
export interface BotEndpoint {
    account: ChannelAccount;
    serviceUrl(): string;
    process(activity: Activity): Promise<void>;
}

/**
 * The Direct Line service's job, in-process: number what both sides send, keep it, stream it to the
 * client, and hand client activities to the bot.
 */
export class LocalDirectLine {
    constructor(
        private readonly store: ConversationStore,
        private readonly hub: StreamHub,
        private readonly bot: BotEndpoint,
        private readonly logger: Logger,
        private readonly inspect: PrivacyInspector,
    ) {}

    /** Creates the conversation on first start and greets the bot; later starts just find it. */
    async start(conversationId: string, userId: string, locale: string | undefined): Promise<{ conversation: DirectLineConversation; created: boolean }> {
        const outcome = await this.store.exclusive(conversationId, async () => {
            const existing = await this.store.get(conversationId);
            if (existing) return { conversation: existing, created: false };
            const conversation: DirectLineConversation = { id: conversationId, userId, locale, createdAt: new Date().toISOString(), nextSeq: 1, activities: [] };
            await this.store.put(conversation);
            return { conversation, created: true };
        });
        if (outcome.created) {
            try {
                await this.bot.process(
                    this.toBot(outcome.conversation, {
                        type: 'conversationUpdate',
                        id: `${conversationId}|start`,
                        from: { id: userId, name: '' },
                        membersAdded: [this.bot.account, { id: userId, name: '' }],
                    }),
                );
            } catch (error) {
                // The conversation exists either way: the user can still write, as with the real service.
                this.logger.error('the bot failed the conversation start', { error: (error as Error).message });
            }
        }
        return outcome;
    }

    async find(conversationId: string): Promise<DirectLineConversation> {
        const conversation = await this.store.get(conversationId);
        if (!conversation) throw directLineErrors.conversationNotFound();
        return conversation;
    }

    /**
     * Client → bot. The echo reaches the client before the bot answers, as with the real service.
     * The sender is the user the token was issued to, whatever the client wrote in `from` (no
     * identity claims such as `aadObjectId`); what is stored is rebuilt from an allow-list and
     * masked, the bot gets the text and value as sent. "The user is typing" goes no further.
     */
    async receiveFromClient(conversationId: string, incoming: Partial<Activity>): Promise<string> {
        if (incoming.type === 'typing') return `${(await this.find(conversationId)).id}|typing-${Date.now()}`;
        const { conversation, delivered } = await this.append(conversationId, (conversation, id) => ({
            ...clientActivityToKeep(this.inspect, incoming),
            id,
            from: { id: conversation.userId, name: '', role: 'user' },
            recipient: this.bot.account,
            locale: typeof incoming.locale === 'string' ? incoming.locale : conversation.locale,
        }));
        // The bot's privacy middleware masks the original itself, and warns the user about what they shared.
        await this.bot.process(this.toBot(conversation, { ...delivered.activity, text: incoming.text, value: incoming.value as unknown }));
        return delivered.activity.id as string;
    }

    /** Bot → client, called by the connector routes. */
    async receiveFromBot(conversationId: string, outgoing: Partial<Activity>, replyToId?: string): Promise<string> {
        if (outgoing.type === 'typing') return this.streamOnly(conversationId, outgoing);
        const { delivered } = await this.append(conversationId, (conversation, id) => {
            const activity: Partial<Activity> = { ...outgoing, id };
            const repliedTo = outgoing.replyToId ?? replyToId;
            // Web Chat holds back a reply to an activity it never saw (a proactive message's stale reference).
            if (repliedTo && conversation.activities.some((entry) => entry.activity.id === repliedTo)) activity.replyToId = repliedTo;
            else delete activity.replyToId;
            return activity;
        });
        return delivered.activity.id as string;
    }

    /** The bot changed a card: the new version goes out again under the same id. */
    async updateFromBot(conversationId: string, activityId: string, outgoing: Partial<Activity>): Promise<string> {
        await this.append(
            conversationId,
            (conversation) => {
                const index = conversation.activities.findIndex((entry) => entry.activity.id === activityId);
                if (index < 0) throw directLineErrors.activityNotFound();
                const [previous] = conversation.activities.splice(index, 1);
                return { ...outgoing, id: activityId, replyToId: previous?.activity.replyToId };
            },
            activityId,
        );
        return activityId;
    }

    async deleteFromBot(conversationId: string, activityId: string): Promise<void> {
        await this.store.exclusive(conversationId, async () => {
            const conversation = await this.find(conversationId);
            conversation.activities = conversation.activities.filter((entry) => entry.activity.id !== activityId);
            await this.store.put(conversation);
        });
    }

    async activitiesAfter(conversationId: string, watermark: number): Promise<ActivityGroup> {
        const conversation = await this.find(conversationId);
        return groupAfter(conversation, watermark);
    }

    /** Sends what the client missed, then streams live; under the conversation's queue so nothing slips between. */
    async openStream(conversationId: string, socket: WebSocket, watermark: number): Promise<void> {
        await this.store.exclusive(conversationId, async () => {
            const conversation = await this.find(conversationId);
            const missed = groupAfter(conversation, watermark);
            if (missed.activities.length > 0) socket.send(JSON.stringify(missed));
            this.hub.add(conversationId, socket);
        });
    }

    private async append(
        conversationId: string,
        build: (conversation: DirectLineConversation, id: string) => Partial<Activity>,
        keepId?: string,
    ): Promise<{ conversation: DirectLineConversation; delivered: DeliveredActivity }> {
        return this.store.exclusive(conversationId, async () => {
            const conversation = await this.find(conversationId);
            const seq = conversation.nextSeq;
            const built = build(conversation, keepId ?? `${conversationId}|${String(seq).padStart(7, '0')}`);
            const { serviceUrl: _internal, ...activity } = built;
            const delivered: DeliveredActivity = {
                seq,
                activity: { ...activity, channelId: DIRECT_LINE_CHANNEL_ID, conversation: { id: conversationId } as Activity['conversation'], timestamp: new Date() },
            };
            conversation.nextSeq = seq + 1;
            conversation.activities.push(delivered);
            await this.store.put(conversation);
            this.hub.send(conversationId, { activities: [delivered.activity], watermark: String(seq) });
            return { conversation, delivered };
        });
    }

    private async streamOnly(conversationId: string, outgoing: Partial<Activity>): Promise<string> {
        const conversation = await this.find(conversationId);
        const id = `${conversation.id}|typing-${Date.now()}`;
        const { serviceUrl: _internal, replyToId: _unseen, ...activity } = outgoing;
        this.hub.send(conversationId, { activities: [{ ...activity, id, channelId: DIRECT_LINE_CHANNEL_ID, timestamp: new Date() }] });
        return id;
    }

    private toBot(conversation: DirectLineConversation, activity: Partial<Activity>): Activity {
        return {
            ...activity,
            channelId: DIRECT_LINE_CHANNEL_ID,
            serviceUrl: this.bot.serviceUrl(),
            conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
            recipient: this.bot.account,
            locale: activity.locale ?? conversation.locale,
            timestamp: activity.timestamp ?? new Date(),
        } as Activity;
    }
}

function groupAfter(conversation: DirectLineConversation, watermark: number): ActivityGroup {
    return {
        activities: conversation.activities.filter((entry) => entry.seq > watermark).map((entry) => entry.activity),
        watermark: String(conversation.nextSeq - 1),
    };
}

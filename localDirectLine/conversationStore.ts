import type { Activity, Storage } from 'botbuilder';
import { TokenSigner } from './tokenSigner';

/** One activity as the client sees it, numbered by the watermark it was delivered at. */
export interface DeliveredActivity {
    seq: number;
    activity: Partial<Activity>;
}

export interface DirectLineConversation {
    id: string;
    userId: string;
    locale?: string;
    createdAt: string;
    /** The watermark of the next activity; the client's watermark is the last `seq` it received. */
    nextSeq: number;
    activities: DeliveredActivity[];
}

const CONVERSATION_PREFIX = 'directline/conversations/';
const SIGNING_KEY = 'directline/signing-key';
// Every append rewrites the whole document: keep it small; catch-up only needs the recent chat.
const MAX_KEPT_ACTIVITIES = 200;

/**
 * Direct Line conversations in the bot's own store. One process owns the local endpoint, so an
 * in-process queue per conversation is enough to keep read-modify-write cycles from interleaving.
 */
export class ConversationStore {
    private readonly queues = new Map<string, Promise<unknown>>();

    constructor(private readonly storage: Storage) {}

    async signingKey(): Promise<Buffer> {
        const stored = (await this.storage.read([SIGNING_KEY]))[SIGNING_KEY] as { key?: string } | undefined;
        if (stored?.key) return Buffer.from(stored.key, 'base64');
        const key = TokenSigner.newKey();
        await this.storage.write({ [SIGNING_KEY]: { key: key.toString('base64'), eTag: '*' } });
        return key;
    }

    async get(id: string): Promise<DirectLineConversation | undefined> {
        const key = CONVERSATION_PREFIX + id;
        const item = (await this.storage.read([key]))[key] as (DirectLineConversation & { eTag?: string }) | undefined;
        if (!item) return undefined;
        const { eTag: _eTag, ...conversation } = item;
        return conversation;
    }

    async put(conversation: DirectLineConversation): Promise<void> {
        const trimmed = { ...conversation, activities: conversation.activities.slice(-MAX_KEPT_ACTIVITIES) };
        await this.storage.write({ [CONVERSATION_PREFIX + conversation.id]: { ...trimmed, eTag: '*' } });
    }

    /** Runs `work` after every earlier piece of work queued for the same conversation. */
    exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
        const previous = this.queues.get(id) ?? Promise.resolve();
        const result = previous.then(work, work);
        const settled = result.then(
            () => undefined,
            () => undefined,
        );
        this.queues.set(id, settled);
        void settled.then(() => {
            if (this.queues.get(id) === settled) this.queues.delete(id);
        });
        return result;
    }
}

import { TurnContext, type ConversationReference, type Storage } from 'botbuilder';
import { requesterId } from '../dialogs/requesterIdentity';

interface ReferenceRecord {
    reference?: Partial<ConversationReference>;
    /** Set when the user removed the app: nothing is sent to them any more. */
    forgotten?: boolean;
    updatedAt: number;
}

export type LatestReference = { reference: Partial<ConversationReference> } | { forgotten: true } | undefined;

/**
 * Where each user can be reached proactively: their latest personal chat with the bot, kept in
 * the bot's store so notices work after restarts and on every instance.
 */
export class ConversationReferences {
    constructor(
        private readonly storage: Storage,
        private readonly now: () => number,
    ) {}

    private key(userId: string): string {
        return `references/users/${userId}`;
    }

    /** This chat is where the user can be reached now (also undoing an earlier removal, and any record under the id without its channel). */
    async remember(context: TurnContext): Promise<void> {
        const reference = TurnContext.getConversationReference(context.activity);
        const userId = requesterId(context);
        await this.storage.write({ [this.key(userId)]: { reference, updatedAt: this.now(), eTag: '*' } });
        await this.storage.delete([this.key(userId.slice(userId.indexOf(':') + 1))]);
    }

    async latest(userId: string): Promise<LatestReference> {
        const key = this.key(userId);
        const record = (await this.storage.read([key]))[key] as ReferenceRecord | undefined;
        const found = record ?? (await this.fromBeforeChannelPrefixes(userId));
        if (found?.forgotten) return { forgotten: true };
        return found?.reference ? { reference: found.reference } : undefined;
    }

    /**
     * Records written before ids carried their channel sit under the bare id (`references/users/<AAD id>`).
     * One counts for `channel:id` only if it is that channel's chat; a removal without a chat, only
     * for Teams, the one channel that tells the bot it was removed. The user's next message moves it.
     */
    private async fromBeforeChannelPrefixes(userId: string): Promise<ReferenceRecord | undefined> {
        const colon = userId.indexOf(':');
        if (colon <= 0) return undefined;
        const [channel, bareId] = [userId.slice(0, colon), userId.slice(colon + 1)];
        const key = this.key(bareId);
        const record = (await this.storage.read([key]))[key] as ReferenceRecord | undefined;
        if (record?.reference) return record.reference.channelId === channel ? record : undefined;
        return record?.forgotten && channel === 'msteams' ? record : undefined;
    }

    /** The user removed the app: their reference goes; a tombstone keeps older copies unused. */
    async forget(context: TurnContext): Promise<void> {
        await this.storage.write({ [this.key(requesterId(context))]: { forgotten: true, updatedAt: this.now(), eTag: '*' } });
    }
}

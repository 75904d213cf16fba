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
    constructor(private readonly storage: Storage, private readonly now: () => number) {}

    private key(userId: string): string {
        return `references/users/${userId}`;
    }

    /** This chat is where the user can be reached now (also undoing an earlier removal). */
    async remember(context: TurnContext): Promise<void> {
        const reference = TurnContext.getConversationReference(context.activity);
        await this.storage.write({ [this.key(requesterId(context))]: { reference, updatedAt: this.now(), eTag: '*' } });
    }

    async latest(userId: string): Promise<LatestReference> {
        const key = this.key(userId);
        const record = (await this.storage.read([key]))[key] as ReferenceRecord | undefined;
        if (record?.forgotten) return { forgotten: true };
        return record?.reference ? { reference: record.reference } : undefined;
    }

    /** The user removed the app: their reference goes; a tombstone keeps older copies unused. */
    async forget(context: TurnContext): Promise<void> {
        await this.storage.write({ [this.key(requesterId(context))]: { forgotten: true, updatedAt: this.now(), eTag: '*' } });
    }
}

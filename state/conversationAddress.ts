import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationAddress } from '../core/conversationAddress';

/** Where this activity's chat can be reached again, kept by the domain as the SDK wrote it. */
export function addressOf(activity: Partial<Activity>): ConversationAddress {
    return { ...TurnContext.getConversationReference(activity) };
}

/** The conversation reference an address holds, as the edge wrote it; a move to another SDK maps the stored fields here. */
export function referenceOf(address: ConversationAddress): Partial<ConversationReference> {
    return address;
}

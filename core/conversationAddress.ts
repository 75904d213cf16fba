/**
 * Where a chat can be reached again (a Bot Framework conversation reference today): written by the
 * edge, kept with a ticket or a reminder exactly as the edge wrote it, and read back by the edge to
 * send a notice. To the domain it is opaque data; it only reads which channel the chat is in.
 */
export interface ConversationAddress {
    readonly channelId?: string;
    readonly [field: string]: unknown;
}

import { TurnContext } from 'botbuilder';

/** Personal chats (Teams personal scope, Web Chat) talk to the bot alone; channels and group chats do not. */
export function isSharedConversation(context: TurnContext): boolean {
    const type = context.activity.conversation?.conversationType;
    return type === 'channel' || type === 'groupChat';
}

/** In a channel or group chat, only messages that @mention the bot are for it. */
export function mentionsBot(context: TurnContext): boolean {
    const botId = context.activity.recipient?.id;
    return TurnContext.getMentions(context.activity).some((mention) => mention.mentioned?.id === botId);
}

/** Removes the bot's own @mention from the text, so the words match as in a personal chat. */
export function stripBotMention(context: TurnContext): void {
    const text = TurnContext.removeRecipientMention(context.activity);
    context.activity.text = (text ?? context.activity.text ?? '').trim();
}

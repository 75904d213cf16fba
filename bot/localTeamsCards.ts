import type { Activity, Middleware, TurnContext } from 'botbuilder';

/** Copies a card's JSON without Teams' `msteams` on any Action.Submit's data. */
function withoutTeamsSubmit(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(withoutTeamsSubmit);
    if (!node || typeof node !== 'object') return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) copy[key] = withoutTeamsSubmit(value);
    const data = copy.data as Record<string, unknown> | undefined;
    if (copy.type === 'Action.Submit' && data && typeof data === 'object' && 'msteams' in data) {
        const { msteams: _teams, ...rest } = data;
        copy.data = rest;
    }
    return copy;
}

/**
 * In local mode the only Teams client is Microsoft 365 Agents Playground, which sends nothing at all
 * for an Action.Submit whose data carries Teams' `msteams` messageBack. There the buttons go out as
 * plain submits (their payload is at the top of the data); Teams itself shows the choice as the user's
 * message, and Web Chat reads its own form of it.
 */
export class LocalTeamsCards implements Middleware {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
        // Only Teams cards carry `msteams`; Web Chat's are left as they are, uncopied.
        if (context.activity.channelId !== 'msteams') return next();
        context.onSendActivities(async (_context, activities: Partial<Activity>[], send) => {
            for (const activity of activities) {
                activity.attachments = activity.attachments?.map((attachment) => ({ ...attachment, content: withoutTeamsSubmit(attachment.content) }));
            }
            return send();
        });
        await next();
    }
}

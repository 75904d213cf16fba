import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { requesterId } from '../../dialogs/requesterIdentity';

export interface ClaimsIdentityLike {
    claims: { type: string; value: string }[];
    authenticationType?: string | boolean;
}

/** requesterId() of an activity whose turn carries the given Bot Framework identity. */
export function requesterIdOf(activity: Partial<Activity>, identity: ClaimsIdentityLike | undefined): string {
    const adapter = new TestAdapter();
    const context = new TurnContext(adapter, { type: 'message', conversation: { id: 'c' } as never, recipient: { id: 'bot', name: 'bot' }, ...activity });
    if (identity) context.turnState.set(adapter.BotIdentityKey, identity);
    return requesterId(context);
}

import { TeamsInfo, TurnContext } from 'botbuilder';
import type { Requester } from '../tickets/ticket';
import { turnLanguage } from '../core/turnFacts';

export interface Identity {
    name?: string;
    email?: string;
}

/** The user's stable id: Teams' AAD object id when there is one, the channel's user id otherwise. */
export function requesterId(context: TurnContext): string {
    const from = context.activity.from as { id: string; aadObjectId?: string };
    return from.aadObjectId ?? from.id;
}

/** What the channel already says about the user: Teams knows name and e-mail; Web Chat nothing. */
export async function knownIdentity(context: TurnContext): Promise<Identity> {
    if (context.activity.channelId !== 'msteams') return {};
    try {
        const member = await TeamsInfo.getMember(context, context.activity.from.id);
        return { name: member.name || context.activity.from.name, email: member.email ?? member.userPrincipalName ?? undefined };
    } catch {
        return { name: context.activity.from.name };
    }
}

export function requesterFor(context: TurnContext, identity: Required<Identity>): Requester {
    return {
        id: requesterId(context),
        name: identity.name,
        email: identity.email,
        language: turnLanguage(context),
        reference: TurnContext.getConversationReference(context.activity),
    };
}

import { TeamsInfo, type TurnContext } from 'botbuilder';
import { requesterIdFor } from '../tickets/requesterIds';
import type { Requester } from '../tickets/ticket';
import { addressOf } from '../state/conversationAddress';
import { turnLanguage } from '../state/turnFacts';

export interface Identity {
    name?: string;
    email?: string;
}

/**
 * Whether the channel vouches for the identity claims in `from`: only Teams, and only when the
 * Bot Framework token of this very request was checked (a validated JWT; local mode's anonymous
 * identity and the bot's own proactive turns do not count).
 */
function channelVouchesForIdentity(context: TurnContext): boolean {
    if (context.activity.channelId !== 'msteams') return false;
    const identity = context.turnState.get<{ authenticationType?: unknown } | undefined>(context.adapter.BotIdentityKey);
    return identity?.authenticationType === true;
}

/**
 * The user's stable id, prefixed with the channel (`msteams:…`, `directline:…`): Teams' AAD object
 * id where the channel vouches for it, the channel's own user id otherwise (for web chat, the user
 * id the Direct Line token was issued to). A claim written by the client itself never counts, and
 * no id of one channel can equal another channel's: either would let anyone act as anyone.
 */
export function requesterId(context: TurnContext): string {
    const from = context.activity.from as { id: string; aadObjectId?: string };
    return requesterIdFor(context.activity.channelId, (channelVouchesForIdentity(context) ? from.aadObjectId : undefined) ?? from.id);
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
        reference: addressOf(context.activity),
    };
}

import * as assert from 'assert';
import type { Activity } from 'botbuilder';
import type { App } from '../../app/createApp';
import { ANSWER_INPUTS } from '../../cards/payloads';
import { readableText } from './cardText';
import type { Member } from './fakeConnector';
import { STAFF_TEAM, TENANT, type TicketWorld } from './ticketWorld';

const BOT = { id: '28:bot', name: 'e-imza' };

/** Where an app answers HTTP: the world's first instance, or a second one. */
export const urlOf = (app: App) => `http://127.0.0.1:${app.server.address().port}`;

async function post(url: string, activity: Partial<Activity>): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export interface ClickAnswer {
    status: number;
    statusCode?: number;
    /** The refreshed card's text (buttons in brackets). */
    text: string;
    /** The refreshed card itself. */
    card: Record<string, unknown>;
}

/**
 * A click on the library's answers (Universal Actions, `answers.<verb>`) as Teams sends it: by
 * `member`, in the staff team unless `where` says otherwise (another team, a personal chat, web chat).
 */
export async function clickAnswers(
    world: TicketWorld,
    member: Member,
    verb: string,
    data: Record<string, unknown>,
    where: { team?: string; channelId?: string; conversationId?: string; url?: string } = {},
): Promise<ClickAnswer> {
    // A thread of the staff channel (a ticket's) is given with its team; a personal chat without.
    const team = where.team ?? STAFF_TEAM;
    const channelId = where.channelId ?? 'msteams';
    const { status, body } = await post(where.url ?? world.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId,
        serviceUrl: world.connector.url,
        from: member,
        recipient: BOT,
        conversation: {
            id: where.conversationId ?? `${team};messageid=42`,
            conversationType: channelId === 'msteams' && !where.conversationId ? 'channel' : 'personal',
            isGroup: !where.conversationId,
        } as never,
        // A personal chat carries the tenant but no team, as Teams sends it.
        channelData: channelId !== 'msteams' ? {} : where.conversationId && !where.team ? { tenant: { id: TENANT } } : { team: { id: team }, channel: { id: team }, tenant: { id: TENANT } },
        value: { action: { type: 'Action.Execute', verb: `answers.${verb}`, data }, trigger: 'manual' },
    });
    const response = body as { statusCode?: number; value?: Record<string, unknown> } | undefined;
    return { status, statusCode: response?.statusCode, text: readableText({ attachments: [{ contentType: '', content: response?.value }] }), card: response?.value ?? {} };
}

/** A staff member writes in the staff channel, mentioning the bot; the replies of the turn. */
export async function staffMentions(world: TicketWorld, member: Member, text: string, team = STAFF_TEAM): Promise<Partial<Activity>[]> {
    const { status, body } = await post(world.url, {
        type: 'message',
        channelId: 'msteams',
        serviceUrl: world.connector.url,
        deliveryMode: 'expectReplies',
        from: member,
        recipient: BOT,
        text: `<at>e-imza</at> ${text}`,
        entities: [{ type: 'mention', mentioned: BOT, text: '<at>e-imza</at>' }],
        conversation: { id: `${team};messageid=7`, conversationType: 'channel', isGroup: true } as never,
        channelData: { team: { id: team }, channel: { id: team }, tenant: { id: TENANT } },
    });
    assert.strictEqual(status, 200);
    return ((body as { activities?: Partial<Activity>[] })?.activities ?? []).filter((reply) => reply.type === 'message');
}

/** A user of a web chat on the given instance: says something and gets the text of the replies. */
export async function webUserSays(world: TicketWorld, url: string, userId: string, text: string): Promise<string> {
    const { status, body } = await post(url, {
        type: 'message',
        text,
        channelId: 'webchat',
        serviceUrl: world.connector.url,
        deliveryMode: 'expectReplies',
        locale: 'tr-TR',
        from: { id: userId, name: '' },
        recipient: BOT,
        conversation: { id: `webchat-${userId}` } as never,
    });
    assert.strictEqual(status, 200, JSON.stringify(body));
    return ((body as { activities?: Partial<Activity>[] }).activities ?? [])
        .filter((reply) => reply.type === 'message')
        .map(readableText)
        .join('\n');
}

/** The editor's inputs as Teams submits them with a click. */
export function editorInputs(values: { titleTr?: string; textTr?: string; examplesTr?: string[]; titleEn?: string; textEn?: string; examplesEn?: string[]; confirm?: boolean }): Record<string, unknown> {
    return {
        [ANSWER_INPUTS.titleTr]: values.titleTr ?? '',
        [ANSWER_INPUTS.textTr]: values.textTr ?? '',
        [ANSWER_INPUTS.examplesTr]: (values.examplesTr ?? []).join('\n'),
        [ANSWER_INPUTS.titleEn]: values.titleEn ?? '',
        [ANSWER_INPUTS.textEn]: values.textEn ?? '',
        [ANSWER_INPUTS.examplesEn]: (values.examplesEn ?? []).join('\n'),
        ...(values.confirm === undefined ? {} : { [ANSWER_INPUTS.confirm]: values.confirm ? 'true' : 'false' }),
    };
}

/** The data of the first button with this title on a card (nested cards included). */
export function buttonData(card: unknown, title: string): Record<string, unknown> {
    const found: Record<string, unknown>[] = [];
    const walk = (node: unknown) => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
            const item = node as Record<string, unknown>;
            if (item.title === title && item.data) found.push(item.data as Record<string, unknown>);
            Object.values(item).forEach(walk);
        }
    };
    walk(card);
    assert.ok(found[0], `no button "${title}" on the card`);
    return found[0];
}

/** The value of an input on a card (nested cards included). */
export function inputValue(card: unknown, id: string): string | undefined {
    let value: string | undefined;
    const walk = (node: unknown) => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
            const item = node as Record<string, unknown>;
            if (item.id === id && typeof item.type === 'string' && item.type.startsWith('Input.')) value ??= item.value as string;
            Object.values(item).forEach(walk);
        }
    };
    walk(card);
    return value;
}

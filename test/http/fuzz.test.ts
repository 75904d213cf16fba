import * as assert from 'assert';
import * as zlib from 'zlib';
import type { Activity } from 'botbuilder';
import { botProcessForSuite, type BotProcess } from '../support/botProcess';
import { readableText } from '../support/cardText';
import { translator } from '../support/testBot';

/** A small deterministic generator (mulberry32), so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const ODD_TEXTS = [
    '',
    ' ',
    '\u0000',
    '\u202e\u202d',
    '🙂'.repeat(2000),
    'İıŞşĞğÇçÖöÜü'.repeat(300),
    'a'.repeat(200_000),
    'pin' + ' '.repeat(150_000),
    '<script>alert(1)</script>',
    '{{libraryEmail}}',
    '${x}',
    '[Onayla](https://example.invalid)',
    '\ud800',
    'e\u0301'.repeat(5000),
    'TC 10000000146',
    'şifre: Abc12345',
    'yardım',
    'menü',
    'iptal',
    'geri',
    'English',
    '1',
    '99',
    // Long runs crafted against the recognizer's and the privacy guard's patterns: they once made a regex backtrack.
    'a'.repeat(4000),
    `e${' '.repeat(3998)}x`,
    'e '.repeat(2000),
    `${'.'.repeat(3990)}a şifremle`,
    `şifre ${'.'.repeat(3990)}a`,
    `kamu${' '.repeat(3995)}sm`,
    "a'".repeat(2000),
    '1\u200b'.repeat(2000),
    '١'.repeat(4000),
    'PIN numaram '.repeat(330),
];
const TYPES = ['message', 'conversationUpdate', 'invoke', 'installationUpdate', 'messageReaction', 'typing', 'endOfConversation', 'event', 'trace', 'unknownType', '', 42, null];
/** What an activity's body may be sent as: plain, or compressed (refused unread, so a small body cannot inflate to gigabytes), or claiming to be. */
const ENCODINGS = [undefined, undefined, undefined, 'gzip', 'deflate', 'br', 'gzip, identity', 'identity'] as const;
const INVOKE_NAMES = ['adaptiveCard/action', 'composeExtension/query', 'signin/verifyState', 'task/fetch', 'nothing/here', '', 7];

/** One activity shaped the way a broken or hostile client might send it: wrong types, missing fields, odd text. */
function activityFrom(next: () => number, index: number): Record<string, unknown> {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const maybe = <T>(value: T): T | undefined => (next() < 0.8 ? value : undefined);
    const conversationId = `fuzz-${Math.floor(next() * 20)}`;
    const activity: Record<string, unknown> = {
        type: pick(TYPES),
        channelId: maybe(pick(['emulator', 'msteams', 'webchat', 'directline', 5])),
        serviceUrl: 'http://127.0.0.1:1',
        from: maybe(pick([{ id: `u-${index % 7}`, name: 'Ayşe' }, { id: 3 }, {}, 'string', { id: 'u', aadObjectId: 'someone-else' }])),
        recipient: maybe({ id: 'bot' }),
        conversation: maybe(pick([{ id: conversationId }, { id: conversationId, isGroup: true, conversationType: 'channel' }, {}, null])),
        locale: maybe(pick(['tr-TR', 'en-US', 'xx', '', 12])),
        text: maybe(pick([...ODD_TEXTS, 42, { nested: true }, ['list']])),
        value: maybe(
            pick([
                undefined,
                { choice: 'first' },
                { choice: 12 },
                { command: 'help' },
                { command: 'nope' },
                { answer: 'fees' },
                { guideFrom: 'login' },
                { guideFrom: '__proto__' },
                { ticketAction: 'message', ticketId: 'x', message: 'y'.repeat(10_000) },
                'text',
                7,
                null,
                { action: { type: 'Action.Execute', verb: pick(['ticket.claim', 'ticket.reply', 'other']), data: pick([{ ticketId: 'x' }, null, 'x']) } },
            ]),
        ),
        membersAdded: maybe(pick([[{ id: 'u-1' }], [{ id: 'bot' }], 'x', [null]])),
        action: maybe(pick(['add', 'remove', 7])),
        name: maybe(pick(INVOKE_NAMES)),
        channelData: maybe(pick([{ team: { id: '19:x@thread.tacv2' } }, { tenant: { id: 't' } }, 'x', null])),
        deliveryMode: 'expectReplies',
    };
    return activity;
}

describe('HTTP: a thousand malformed or hostile activities', function () {
    this.timeout(240_000);
    const suite = botProcessForSuite('eimza-fuzz-');
    let bot: BotProcess;
    beforeEach(() => {
        bot = suite.bot;
    });

    /** Posts one body as JSON, compressed as `encoding` says (a bogus body for "br": nothing may read it anyway). */
    const postEncoded = async (route: string, body: unknown, encoding: (typeof ENCODINGS)[number], token?: string) => {
        const json = Buffer.from(JSON.stringify(body));
        const payload = encoding === 'gzip' || encoding === 'gzip, identity' ? zlib.gzipSync(json) : encoding === 'deflate' ? zlib.deflateSync(json) : json;
        const response = await fetch(`${bot.baseUrl}${route}`, {
            method: 'POST',
            body: payload,
            headers: { 'content-type': 'application/json', ...(encoding ? { 'content-encoding': encoding } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        });
        await response.arrayBuffer();
        return response.status;
    };

    it('answers none with a server error (an unknown invoke gets 501, a protocol answer), refuses every compressed body, and the bot still answers afterwards', async () => {
        const seed = 20261129;
        const next = random(seed);
        const serverErrors: string[] = [];
        const compressedAccepted: string[] = [];
        for (let index = 0; index < 1000; index++) {
            const activity = activityFrom(next, index);
            const encoding = ENCODINGS[Math.floor(next() * ENCODINGS.length)];
            const status = await postEncoded('/api/messages', activity, encoding);
            const unknownInvoke = status === 501 && activity.type === 'invoke';
            if (status >= 500 && !unknownInvoke) serverErrors.push(`#${index} (seed ${seed}): ${status} for ${JSON.stringify(activity).slice(0, 300)}`);
            if (encoding && status !== 415) compressedAccepted.push(`#${index} (seed ${seed}): ${encoding} answered ${status}`);
        }
        assert.deepStrictEqual(serverErrors, []);
        assert.deepStrictEqual(compressedAccepted, []);
        await theBotStillHelps();
    });

    it('the local Direct Line takes a message or "typing" from a client and refuses every other activity with 400, never a server error', async () => {
        const seed = 20261202;
        const next = random(seed);
        const started = (await (await fetch(`${bot.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
        const route = `/v3/directline/conversations/${encodeURIComponent(started.conversationId)}/activities`;
        assert.strictEqual(await postEncoded('/v3/directline/conversations', { locale: 'tr-TR' }, undefined, started.token), 201);
        const unexpected: string[] = [];
        for (let index = 0; index < 300; index++) {
            const activity = activityFrom(next, index);
            const encoding = ENCODINGS[Math.floor(next() * ENCODINGS.length)];
            const status = await postEncoded(route, activity, encoding, started.token);
            const fromClient = activity.type === 'message' || activity.type === 'typing';
            const textOk = activity.text === undefined || typeof activity.text === 'string';
            const localeOk = activity.locale === undefined || (typeof activity.locale === 'string' && activity.locale.length <= 35);
            const expected = encoding ? 415 : fromClient && textOk && localeOk ? 200 : 400;
            if (status !== expected) unexpected.push(`#${index} (seed ${seed}): ${status}, not ${expected}, for ${encoding ?? 'plain'} ${JSON.stringify(activity).slice(0, 200)}`);
        }
        assert.deepStrictEqual(unexpected, []);
        // The conversation goes on: "yardım" gets help (for the step the fuzz left it on, or in general), through the same Direct Line.
        assert.strictEqual(await postEncoded(route, { type: 'message', text: 'yardım', locale: 'tr-TR' }, undefined, started.token), 200);
        const { activities } = (await (await fetch(`${bot.baseUrl}${route}`, { headers: { authorization: `Bearer ${started.token}` } })).json()) as { activities: Partial<Activity>[] };
        const help = readableText(activities.at(-1)!);
        assert.ok(help.includes(translator.t('tr', 'help.title')) || help.startsWith(translator.t('tr', 'help.stepTitle', { step: '' }).trim()), help);
        await theBotStillHelps();
    });

    /** Health answers, and a new user's "yardım" gets the help card, not an apology. */
    async function theBotStillHelps(): Promise<void> {
        assert.strictEqual((await bot.get('/healthz')).status, 200);
        const replies: Partial<Activity>[] = await bot.exchange({
            type: 'message',
            channelId: 'emulator',
            serviceUrl: 'http://127.0.0.1:1',
            text: 'yardım',
            locale: 'tr-TR',
            from: { id: 'after-fuzz', name: 'Ayşe' },
            recipient: { id: 'bot', name: 'bot' },
            conversation: { id: 'after-fuzz', isGroup: false, conversationType: 'personal', name: '' },
        });
        const text = replies.map(readableText).join('\n');
        assert.ok(text.includes(translator.t('tr', 'help.title')), text);
        assert.ok(!text.includes(translator.t('tr', 'errors.turnFailed')), text);
    }
});

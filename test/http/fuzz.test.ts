import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BotProcess, freePort } from '../support/botProcess';
import { readableText } from '../support/cardText';
import type { Activity } from 'botbuilder';

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
    '', ' ', '\u0000', '\u202e\u202d', '🙂'.repeat(2000), 'İıŞşĞğÇçÖöÜü'.repeat(300), 'a'.repeat(200_000), 'pin' + ' '.repeat(150_000),
    '<script>alert(1)</script>', '{{libraryEmail}}', '${x}', '[Onayla](https://example.invalid)', '\ud800', 'e\u0301'.repeat(5000),
    'TC 10000000146', 'şifre: Abc12345', 'yardım', 'menü', 'iptal', 'geri', 'English', '1', '99',
];
const TYPES = ['message', 'conversationUpdate', 'invoke', 'installationUpdate', 'messageReaction', 'typing', 'endOfConversation', 'event', 'trace', 'unknownType', '', 42, null];
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
        value: maybe(pick([undefined, { choice: 'first' }, { choice: 12 }, { command: 'help' }, { command: 'nope' }, { answer: 'fees' }, { guideFrom: 'login' },
            { guideFrom: '__proto__' }, { ticketAction: 'message', ticketId: 'x', message: 'y'.repeat(10_000) }, 'text', 7, null,
            { action: { type: 'Action.Execute', verb: pick(['ticket.claim', 'ticket.reply', 'other']), data: pick([{ ticketId: 'x' }, null, 'x']) } }])),
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
    let dataDir: string;
    let bot: BotProcess;

    before(async () => {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-fuzz-'));
        bot = new BotProcess(await freePort(), { DATA_DIR: dataDir });
        await bot.start();
    });

    after(async () => {
        await bot.kill('SIGTERM');
        fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('answers none with a server error (an unknown invoke gets 501, a protocol answer), and the bot still answers afterwards', async () => {
        const seed = 20261129;
        const next = random(seed);
        const serverErrors: string[] = [];
        for (let index = 0; index < 1000; index++) {
            const activity = activityFrom(next, index);
            const { status } = await bot.post('/api/messages', activity);
            const unknownInvoke = status === 501 && activity.type === 'invoke';
            if (status >= 500 && !unknownInvoke) serverErrors.push(`#${index} (seed ${seed}): ${status} for ${JSON.stringify(activity).slice(0, 300)}`);
        }
        assert.deepStrictEqual(serverErrors, []);
        assert.strictEqual((await bot.get('/healthz')).status, 200);
        const replies: Partial<Activity>[] = await bot.exchange({
            type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1', text: 'yardım', locale: 'tr-TR',
            from: { id: 'after-fuzz', name: 'Ayşe' }, recipient: { id: 'bot', name: 'bot' }, conversation: { id: 'after-fuzz', isGroup: false, conversationType: 'personal', name: '' },
        });
        assert.match(replies.map(readableText).join('\n'), /\S/);
    });
});

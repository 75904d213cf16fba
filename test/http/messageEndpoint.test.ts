import * as assert from 'assert';
import type { Activity } from 'botbuilder';
import { createLogger } from '../../core/logger';
import { startTestServer, type TestServer } from '../web/startTestServer';

const BAD_ACTIVITY = { error: 'BAD_ACTIVITY', message: 'The body must be a Bot Framework activity with a "type".' };

/** An activity from a loopback "channel" that is never called: replies come back in the HTTP response or not at all. */
const activity = (fields: Record<string, unknown>) => ({
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1',
    from: { id: 'endpoint-user', name: 'Ayşe' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: 'endpoint-conversation', isGroup: false, conversationType: 'personal', name: '' },
    locale: 'tr-TR',
    ...fields,
});

async function post(bot: TestServer, body: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    const text = await response.text();
    return { status: response.status, text, contentType: response.headers.get('content-type') };
}

describe("HTTP: /api/messages answers as botbuilder's CloudAdapter does", function () {
    this.timeout(30_000);

    describe('in local mode', () => {
        let bot: TestServer;
        before(async () => {
            bot = await startTestServer();
        });
        after(async () => bot.stop());

        it('a body that is not an object gets 400 BAD_ACTIVITY', async () => {
            for (const body of ['[]', '[{"type":"message"}]', 'null', '5', '"message"', 'true']) {
                const answer = await post(bot, body);
                assert.strictEqual(answer.status, 400, body);
                assert.deepStrictEqual(JSON.parse(answer.text), BAD_ACTIVITY, body);
            }
        });

        it('a missing, empty or non-string type gets 400 BAD_ACTIVITY', async () => {
            for (const type of [undefined, '', 42, null, ['message'], { name: 'message' }, true]) {
                const answer = await post(bot, JSON.stringify(activity({ type, text: 'merhaba', deliveryMode: 'expectReplies' })));
                assert.strictEqual(answer.status, 400, JSON.stringify(type));
                assert.deepStrictEqual(JSON.parse(answer.text), BAD_ACTIVITY, JSON.stringify(type));
            }
        });

        it('the 400 comes before the loopback check: a non-loopback activity without a type is a bad activity', async () => {
            const answer = await post(bot, JSON.stringify({ serviceUrl: 'http://attacker.example', text: 'x' }));
            assert.strictEqual(answer.status, 400);
            assert.deepStrictEqual(JSON.parse(answer.text), BAD_ACTIVITY);
        });

        it("an unknown invoke gets the SDK's invoke response: 501, no body", async () => {
            const answer = await post(bot, JSON.stringify(activity({ type: 'invoke', name: 'nothing/here', value: {} })));
            assert.strictEqual(answer.status, 501);
            assert.strictEqual(answer.text, '');
        });

        it('an expectReplies message gets 200 with the replies as {activities: [...]}', async () => {
            const answer = await post(bot, JSON.stringify(activity({ type: 'message', text: 'yardım', deliveryMode: 'expectReplies' })));
            assert.strictEqual(answer.status, 200);
            assert.match(answer.contentType ?? '', /^application\/json/);
            const body = JSON.parse(answer.text) as { activities: Partial<Activity>[] };
            assert.deepStrictEqual(Object.keys(body), ['activities']);
            assert.ok(body.activities.length > 0, 'the bot replied');
            for (const reply of body.activities) {
                assert.strictEqual(reply.type === 'message' || reply.type === 'typing', true, `reply type ${String(reply.type)}`);
                assert.strictEqual(reply.conversation?.id, 'endpoint-conversation');
            }
            assert.ok(
                body.activities.some((reply) => reply.type === 'message'),
                'a message among the replies',
            );
        });

        it('an activity the bot only takes note of gets 200 and no body', async () => {
            const answer = await post(bot, JSON.stringify(activity({ type: 'typing' })));
            assert.strictEqual(answer.status, 200);
            assert.strictEqual(answer.text, '');
        });

        it('string timestamps reach the bot and do not break the turn', async () => {
            const answer = await post(
                bot,
                JSON.stringify(
                    activity({
                        type: 'message',
                        text: 'yardım',
                        deliveryMode: 'expectReplies',
                        timestamp: '2026-03-02T10:00:00.000Z',
                        localTimestamp: '2026-03-02T13:00:00.000+03:00',
                        expiration: '2026-03-02T11:00:00.000Z',
                    }),
                ),
            );
            assert.strictEqual(answer.status, 200);
            assert.ok((JSON.parse(answer.text) as { activities: unknown[] }).activities.length > 0);
        });
    });

    describe('with Bot Framework credentials (not local mode)', () => {
        // Refused before any token is validated: no key download, no network.
        const credentials = { MicrosoftAppId: '00000000-0000-0000-0000-000000000002', MicrosoftAppPassword: 'not-used-in-this-test' };
        let bot: TestServer;
        const lines: string[] = [];
        const printError = console.error;
        before(async () => {
            bot = await startTestServer({ env: credentials, logger: createLogger('warn', (line) => lines.push(line)) });
            console.error = () => undefined; // CloudAdapter.process prints every refusal's stack there
        });
        after(async () => {
            console.error = printError;
            await bot.stop();
        });

        it('an activity without an Authorization header gets 401, and the bot does not answer it', async () => {
            for (const headers of [{}, { Authorization: '' }, { Authorization: '   ' }] as Record<string, string>[]) {
                const answer = await post(bot, JSON.stringify(activity({ type: 'message', text: 'merhaba', deliveryMode: 'expectReplies', serviceUrl: 'https://smba.trafficmanager.net/emea/' })), headers);
                assert.strictEqual(answer.status, 401, JSON.stringify(headers));
                assert.ok(!answer.text.includes('activities'), 'no replies');
                assert.strictEqual(JSON.parse(answer.text), 'Unauthorized Access. Request is not authorized', "the SDK's message, as JSON");
            }
            const refusals = lines.filter((line) => line.includes('refused an activity: authentication failed'));
            assert.strictEqual(refusals.length, 3, lines.join('\n'));
            assert.ok(
                refusals.every((line) => line.includes('"level":"warn"') && !line.includes('merhaba')),
                "a warning, without the activity's text",
            );
        });

        it('a header that is not a bearer token gets 401 too (refused before any key is fetched)', async () => {
            const answer = await post(bot, JSON.stringify(activity({ type: 'message', text: 'merhaba', deliveryMode: 'expectReplies' })), { Authorization: 'Basic abc' });
            assert.strictEqual(answer.status, 401);
            assert.strictEqual(JSON.parse(answer.text), 'Unauthorized. No valid identity.');
        });

        it('the non-object and missing-type answers are the same 400 there', async () => {
            assert.strictEqual((await post(bot, '[]')).status, 400);
            assert.strictEqual((await post(bot, JSON.stringify({ text: 'x' }))).status, 400);
        });
    });
});

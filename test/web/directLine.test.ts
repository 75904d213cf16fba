import * as assert from 'assert';
import type { Activity, ConversationReference } from 'botbuilder';
import { readableText } from '../support/cardText';
import { ChatClient } from './directLineClient';
import { startTestServer, temporaryDataDir, type TestServer } from './startTestServer';

/** Where the bot reaches this web chat proactively, from a message it sent there. */
function referenceTo(sent: Partial<Activity>, serviceUrl: string): Partial<ConversationReference> {
    return { bot: sent.from, conversation: sent.conversation, channelId: sent.channelId, serviceUrl, user: sent.recipient };
}

const FIRST_STEP = /Adım 1 \//;
const WELCOME = /Merhaba/;

async function generateToken(baseUrl: string): Promise<{ token: string; conversationId: string }> {
    const response = await fetch(`${baseUrl}/v3/directline/tokens/generate`, { method: 'POST' });
    assert.strictEqual(response.status, 200);
    return (await response.json()) as { token: string; conversationId: string };
}

for (const transport of [
    { name: 'WebSocket', webSocket: true },
    { name: 'polling', webSocket: false },
]) {
    describe(`local Direct Line with botframework-directlinejs over ${transport.name}`, () => {
        let bot: TestServer;
        const clients: ChatClient[] = [];
        const open = (options: ConstructorParameters<typeof ChatClient>[1]) => {
            const client = new ChatClient(bot.baseUrl, { webSocket: transport.webSocket, pollingInterval: 200, ...options });
            clients.push(client);
            return client;
        };

        beforeEach(async () => {
            bot = await startTestServer();
        });

        afterEach(async () => {
            for (const client of clients.splice(0)) client.end();
            await bot.stop();
        });

        it('starts a conversation and greets in Turkish with the main menu card', async () => {
            const { token } = await generateToken(bot.baseUrl);
            const user = open({ token, conversationStartProperties: { locale: 'tr-TR' } });
            const welcome = await user.botSays(WELCOME);
            assert.ok(
                welcome.attachments?.some((card) => card.contentType === 'application/vnd.microsoft.card.adaptive'),
                'the welcome is an Adaptive Card',
            );
            assert.match(readableText(welcome), /Yeni e-imza başvurusu/);
        });

        it('greets in English when the page starts the conversation with an English locale', async () => {
            const { token } = await generateToken(bot.baseUrl);
            const user = open({ token, conversationStartProperties: { locale: 'en-US' } });
            assert.match(readableText(await user.botSays(/Hello/)), /New e-signature application/);
        });

        it('echoes what the user sends and answers "yardım" with a card', async () => {
            const { token } = await generateToken(bot.baseUrl);
            const user = open({ token, conversationStartProperties: { locale: 'tr-TR' } });
            await user.botSays(WELCOME);
            const before = user.fromBot().length;
            const id = await user.say('yardım');
            const echo = await user.receives((activity) => activity.id === id, 'the echo of the message');
            assert.strictEqual(echo.text, 'yardım');
            assert.strictEqual(echo.from?.role, 'user');
            const answer = await user.botSays(/./, before);
            assert.ok((answer.attachments?.length ?? 0) > 0 || (answer.suggestedActions?.actions.length ?? 0) > 0, 'the answer offers choices');
        });

        it('a card button submit (value {choice: "first"}) opens the first step card', async () => {
            const { token } = await generateToken(bot.baseUrl);
            const user = open({ token, conversationStartProperties: { locale: 'tr-TR' } });
            await user.botSays(WELCOME);
            const before = user.fromBot().length;
            await user.send({ type: 'message', value: { choice: 'first' }, locale: 'tr-TR' } as never);
            const step = await user.botSays(FIRST_STEP, before);
            assert.match(readableText(step), /Adım 1 \/ 18/);
        });

        it('a client that reconnects with its watermark gets only what it missed', async () => {
            const { token, conversationId } = await generateToken(bot.baseUrl);
            const first = open({ token, conversationStartProperties: { locale: 'tr-TR' } });
            await first.botSays(WELCOME);
            const watermark = first.session.watermark;
            const seen = first.received.length;
            const laterToken = first.session.token;
            first.end();

            // While nobody listens, the user acts through a second tab and the bot answers.
            const other = open({ token: laterToken, conversationId });
            await other.send({ type: 'message', value: { choice: 'first' }, locale: 'tr-TR' } as never);
            await other.botSays(FIRST_STEP);
            other.end();

            const back = open({ token: laterToken, conversationId, watermark });
            const step = await back.botSays(FIRST_STEP);
            assert.ok(step.id, 'activities carry ids');
            assert.ok(!back.received.some((activity) => WELCOME.test(readableText(activity))), 'the welcome it already had is not sent again');
            assert.ok(seen > 0);
        });

        it('a restart of the bot keeps the conversation: the same token resumes it with its history', async () => {
            const dataDir = temporaryDataDir();
            await bot.stop();
            bot = await startTestServer({ dataDir });
            const { token, conversationId } = await generateToken(bot.baseUrl);
            const user = open({ token, conversationStartProperties: { locale: 'tr-TR' } });
            await user.botSays(WELCOME);
            const refreshed = user.session.token;
            user.end();
            await bot.stop();

            bot = await startTestServer({ dataDir });
            const again = open({ token: refreshed, conversationId });
            await again.botSays(WELCOME);
            const before = again.fromBot().length;
            await again.send({ type: 'message', value: { choice: 'first' }, locale: 'tr-TR' } as never);
            await again.botSays(FIRST_STEP, before);
        });

        it('delivers a proactive message sent with a stored conversation reference, without a stale replyToId', async () => {
            const { token } = await generateToken(bot.baseUrl);
            const user = open({ token, conversationStartProperties: { locale: 'tr-TR' } });
            const welcome = await user.botSays(WELCOME);
            const reference = { ...referenceTo(welcome, bot.baseUrl), activityId: 'an-activity-the-client-never-saw' };
            await bot.app.adapter.continueConversationAsync('', reference, async (context) => {
                await context.sendActivity('Kütüphaneden bir yanıt var.');
            });
            const notice: Partial<Activity> = await user.botSays(/Kütüphaneden bir yanıt var/);
            assert.strictEqual(notice.replyToId, undefined);
        });

        it('a card the bot updates reaches the client again under the same id', async () => {
            const { token } = await generateToken(bot.baseUrl);
            const user = open({ token, conversationStartProperties: { locale: 'tr-TR' } });
            const welcome = await user.botSays(WELCOME);
            const reference = referenceTo(welcome, bot.baseUrl);
            await bot.app.adapter.continueConversationAsync('', reference, async (context) => {
                await context.updateActivity({ id: welcome.id, type: 'message', text: 'Kart güncellendi.' });
            });
            await user.receives((activity) => activity.id === welcome.id && activity.text === 'Kart güncellendi.', 'the updated card');
        });

        it('a new token starts a new conversation each time', async () => {
            const first = await generateToken(bot.baseUrl);
            const second = await generateToken(bot.baseUrl);
            assert.notStrictEqual(first.conversationId, second.conversationId);
            const user = open({ token: second.token, conversationStartProperties: { locale: 'tr-TR' } });
            await user.botSays(WELCOME);
            assert.strictEqual(user.session.conversationId, second.conversationId);
        });
    });
}

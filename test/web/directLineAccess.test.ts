import * as assert from 'assert';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './startTestServer';

interface Started {
    conversationId: string;
    token: string;
    streamUrl: string;
}

describe('local Direct Line: who may do what', () => {
    let bot: TestServer;

    const call = async (method: string, path: string, token?: string, body?: unknown) =>
        fetch(`${bot.baseUrl}${path}`, {
            method,
            headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
            body: body === undefined ? undefined : JSON.stringify(body),
        });

    const startConversation = async (): Promise<Started> => {
        const generated = (await (await call('POST', '/v3/directline/tokens/generate')).json()) as { token: string };
        const started = await call('POST', '/v3/directline/conversations', generated.token, { locale: 'tr-TR' });
        assert.strictEqual(started.status, 201);
        return (await started.json()) as Started;
    };

    /** Resolves with the HTTP status the server answered the WebSocket upgrade with (101 when it opened). */
    const upgradeStatus = (url: string) =>
        new Promise<number>((resolve, reject) => {
            const socket = new WebSocket(url);
            socket.once('open', () => {
                socket.close();
                resolve(101);
            });
            socket.once('unexpected-response', (_req, res) => {
                socket.terminate();
                resolve(res.statusCode ?? 0);
            });
            socket.once('error', (error) => reject(error));
        });

    beforeEach(async () => {
        bot = await startTestServer();
    });

    afterEach(async () => {
        await bot.stop();
    });

    it('starting twice with the same token resumes the conversation instead of opening another', async () => {
        const first = await startConversation();
        const again = await call('POST', '/v3/directline/conversations', first.token, {});
        assert.strictEqual(again.status, 200);
        assert.strictEqual(((await again.json()) as Started).conversationId, first.conversationId);
    });

    it("a conversation's token opens no other conversation", async () => {
        const mine = await startConversation();
        const theirs = await startConversation();
        const peek = await call('GET', `/v3/directline/conversations/${encodeURIComponent(theirs.conversationId)}/activities`, mine.token);
        assert.strictEqual(peek.status, 403);
        const post = await call('POST', `/v3/directline/conversations/${encodeURIComponent(theirs.conversationId)}/activities`, mine.token, { type: 'message', text: 'merhaba' });
        assert.strictEqual(post.status, 403);
    });

    it('asks for credentials and refuses a forged token', async () => {
        const mine = await startConversation();
        const path = `/v3/directline/conversations/${encodeURIComponent(mine.conversationId)}/activities`;
        assert.strictEqual((await call('GET', path)).status, 401);
        const forged = mine.token.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
        assert.strictEqual((await call('GET', path, forged)).status, 403);
    });

    it('opens the stream only with the conversation token in its URL', async () => {
        const mine = await startConversation();
        assert.strictEqual(await upgradeStatus(mine.streamUrl), 101);
        assert.strictEqual(await upgradeStatus(mine.streamUrl.replace(/t=[^&]+/, 't=not-a-token')), 403);
    });

    it('answers 404 for a conversation that was never started', async () => {
        const generated = (await (await call('POST', '/v3/directline/tokens/generate')).json()) as Started;
        const reconnect = await call('GET', `/v3/directline/conversations/${encodeURIComponent(generated.conversationId)}?watermark=0`, generated.token);
        assert.strictEqual(reconnect.status, 404);
    });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as zlib from 'zlib';
import type { CloudAdapter } from 'botbuilder';
import { createServer } from '../../bot/server';
import { createLogger } from '../../core/logger';
import { startTestServer, type TestServer } from '../web/startTestServer';

describe('HTTP: only JSON bodies, refused before anything is written (issue 12, point 3)', () => {
    let bot: TestServer;
    beforeEach(async () => {
        bot = await startTestServer();
    });
    afterEach(async () => bot.stop());

    it('a multipart upload gets 415 on every route, and nothing lands in the temp directory', async () => {
        const before = new Set(fs.readdirSync(os.tmpdir()));
        const upload = () => {
            const form = new FormData();
            form.append('file', new Blob([Buffer.alloc(2 * 1024 * 1024, 0x41)]), 'big.bin');
            form.append('type', 'message');
            return form;
        };
        for (const path of ['/api/messages', '/v3/directline/conversations', '/v3/directline/tokens/generate', '/v3/conversations/x/activities', '/nowhere']) {
            const response = await fetch(`${bot.baseUrl}${path}`, { method: 'POST', body: upload() });
            assert.strictEqual(response.status, 415, path);
        }
        // Uploads would be files directly in the temp directory (other tests' data folders come and go there).
        const created = fs
            .readdirSync(os.tmpdir(), { withFileTypes: true })
            .filter((entry) => !before.has(entry.name) && !entry.isDirectory())
            .map((entry) => entry.name);
        assert.deepStrictEqual(created, [], 'no upload was written to the temp directory');
    });

    it('other non-JSON bodies get 415; JSON with a charset is accepted', async () => {
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', 'application/vnd.api+json']) {
            const response = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': type }, body: '{"type":"message"}' });
            assert.strictEqual(response.status, 415, type);
        }
        const json = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{"text":"no type"}' });
        assert.strictEqual(json.status, 400, 'parsed as JSON, refused for the missing type');
        const token = await fetch(`${bot.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' });
        assert.strictEqual(token.status, 200, 'no body needs no content type');
    });
});

describe('HTTP: compressed bodies are refused before they are inflated (security review 2, N2)', () => {
    let bot: TestServer;
    beforeEach(async () => {
        bot = await startTestServer();
    });
    afterEach(async () => bot.stop());

    // 40 MB of JSON in about 40 KB on the wire: inflated, it would pass a limit that counts wire bytes.
    const bomb = zlib.gzipSync(Buffer.concat([Buffer.from('{"type":"message","text":"'), Buffer.alloc(40 * 1024 * 1024, 0x61), Buffer.from('"}')]), { level: 9 });

    it('a gzip body gets 415 on every route, whatever it would inflate to', async () => {
        assert.ok(bomb.length < 256 * 1024, 'small enough on the wire to pass the body limit');
        for (const path of ['/api/messages', '/v3/directline/conversations', '/v3/directline/tokens/generate', '/v3/conversations/x/activities', '/healthz', '/nowhere']) {
            for (const encoding of ['gzip', 'deflate', 'br', 'GZIP', 'gzip, identity', 'identity']) {
                const response = await fetch(`${bot.baseUrl}${path}`, {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding },
                    body: bomb,
                });
                assert.strictEqual(response.status, 415, `${path} ${encoding}`);
                assert.strictEqual(((await response.json()) as { error: string }).error, 'UNSUPPORTED_ENCODING');
            }
        }
    });

    it('a small gzip activity is refused too (no channel compresses); without an encoding it is read', async () => {
        const activity = JSON.stringify({ type: 'message', text: 'merhaba' });
        const gzipped = await fetch(`${bot.baseUrl}/api/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
            body: zlib.gzipSync(activity),
        });
        assert.strictEqual(gzipped.status, 415);
        const plain = await fetch(`${bot.baseUrl}/api/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{"text":"no type"}',
        });
        assert.strictEqual(plain.status, 400, 'read and parsed: refused only for the missing type');
    });
});

describe('HTTP: /healthz tells anonymous callers nothing about the store (issue 12, low)', () => {
    it('answers a generic 503 and logs the store error', async () => {
        const lines: string[] = [];
        const server = createServer({
            adapter: {} as CloudAdapter,
            logic: () => Promise.resolve(),
            checkHealth: () => Promise.reject(new Error('connect ECONNREFUSED db-internal.example.edu.tr:10255 (account eimza-prod)')),
            logger: createLogger('error', (line) => lines.push(line)),
        });
        await new Promise<void>((resolve) => {
            server.listen(0, '127.0.0.1', () => resolve());
        });
        try {
            const response = await fetch(`http://127.0.0.1:${server.address().port}/healthz`);
            assert.strictEqual(response.status, 503);
            const body = await response.text();
            assert.deepStrictEqual(JSON.parse(body), { status: 'unavailable', error: 'UNAVAILABLE' });
            assert.ok(!body.includes('db-internal'));
            assert.ok(
                lines.some((line) => line.includes('db-internal.example.edu.tr')),
                'the operator finds the cause in the log',
            );
        } finally {
            server.server.closeAllConnections();
            await new Promise<void>((resolve) => {
                server.close(() => resolve());
            });
        }
    });
});

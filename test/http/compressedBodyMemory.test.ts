import * as assert from 'assert';
import * as fs from 'fs';
import * as zlib from 'zlib';
import { botProcessForSuite, type BotProcess } from '../support/botProcess';

/** Resident memory of a process in MB from /proc (Linux, where CI runs): now, and the most it ever held (VmHWM). */
function residentMemory(pid: number): { now: number; peak: number } {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
    return { now: kilobytes('VmRSS') / 1024, peak: kilobytes('VmHWM') / 1024 };
}

/** A gzip bomb: a JSON activity of `megabytes` MB of "a", gzip level 9, built a megabyte at a time. */
async function gzipBomb(megabytes: number): Promise<Uint8Array<ArrayBuffer>> {
    const gzip = zlib.createGzip({ level: 9 });
    const chunks: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => gzip.once('end', resolve).once('error', reject));
    const megabyte = Buffer.alloc(1024 * 1024, 0x61);
    gzip.write('{"type":"message","text":"');
    for (let i = 0; i < megabytes; i++) if (!gzip.write(megabyte)) await new Promise((resolve) => gzip.once('drain', resolve));
    gzip.end('"}');
    await done;
    return new Uint8Array(Buffer.concat(chunks));
}

describe('HTTP: gzip bombs cost the bot no memory (security review 2, N2)', function () {
    this.timeout(120_000);
    const suite = botProcessForSuite('eimza-bomb-');
    let bot: BotProcess;
    beforeEach(() => {
        bot = suite.bot;
    });

    it("eight at once, each 255 MB inflated, before authentication: 415, and the process's peak memory grows by less than a few MB", async () => {
        const bomb = await gzipBomb(255);
        assert.ok(bomb.length < 300 * 1024, `${bomb.length} bytes on the wire`);
        const post = (route: string, body: Uint8Array<ArrayBuffer>, encoding?: string) =>
            fetch(`${bot.baseUrl}${route}`, {
                method: 'POST',
                body,
                headers: { 'content-type': 'application/json', ...(encoding ? { 'content-encoding': encoding } : {}) },
            }).then(async (response) => {
                await response.arrayBuffer();
                return response.status;
            });
        // The same traffic, uncompressed and small, first: what handling eight requests at once costs anyway.
        const small = new TextEncoder().encode(JSON.stringify({ type: 'message', text: 'merhaba' }));
        for (let round = 0; round < 3; round++) await Promise.all(Array.from({ length: 8 }, () => post('/api/messages', small)));
        const before = residentMemory(bot.pid!);

        const routes = ['/api/messages', '/v3/directline/conversations', '/v3/directline/tokens/generate', '/nowhere'];
        const statuses = await Promise.all(Array.from({ length: 8 }, (_, i) => post(routes[i % routes.length], bomb, 'gzip').catch((error: Error) => error.message)));
        const after = residentMemory(bot.pid!);
        const growth = after.peak - before.peak;
        assert.ok(growth < 8, `peak resident memory grew by ${growth.toFixed(1)} MB (${before.peak.toFixed(0)} → ${after.peak.toFixed(0)} MB)`);
        assert.deepStrictEqual(statuses, Array<number>(8).fill(415));
        assert.strictEqual((await bot.get('/healthz')).status, 200);
    });
});

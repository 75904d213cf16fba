import * as assert from 'assert';
import { botProcessForSuite, type BotProcess } from '../support/botProcess';

/**
 * One message used to freeze the whole process (the password detector
 * backtracked for ~25 s on "pin" and 150 KB of spaces, and /healthz waited with it).
 */
describe('HTTP: a hostile message does not stall the bot', function () {
    this.timeout(60_000);
    const suite = botProcessForSuite('eimza-bomb-');
    let bot: BotProcess;
    beforeEach(() => {
        bot = suite.bot;
    });

    it('/healthz answers promptly while bomb messages are processed, and the bombs are answered within a bound', async () => {
        const base = {
            type: 'message',
            channelId: 'emulator',
            serviceUrl: 'http://127.0.0.1:1',
            locale: 'tr-TR',
            from: { id: 'user-bomb', name: 'Bomb' },
            recipient: { id: 'bot', name: 'e-İmza Asistanı' },
        };
        const bombs = [`pin${' '.repeat(150_000)}`, `şifrem${' '.repeat(150_000)}:`, `kod ${'1 '.repeat(70_000)}`, `TR${' '.repeat(150_000)}33`];
        const started = Date.now();
        const answered: number[] = [];
        const sent = bombs.map((text, index) => bot.exchange({ ...base, conversation: { id: `bomb-${index}` } as never, text }).then(() => answered.push(Date.now() - started)));
        const healthStarted = Date.now();
        const health = await bot.get('/healthz');
        const healthMs = Date.now() - healthStarted;
        await Promise.all(sent);
        assert.strictEqual(health.status, 200);
        // Before the fix the first bomb alone held the event loop for ~25 s.
        assert.ok(healthMs < 2_000, `/healthz took ${healthMs} ms while the bombs were processed`);
        assert.ok(Math.max(...answered) < 10_000, `the bombs took ${Math.max(...answered)} ms`);
        // And the bot still talks.
        const replies = await bot.exchange({ ...base, conversation: { id: 'after-bombs' } as never, text: 'merhaba' });
        assert.ok(replies.length > 0);
    });
});

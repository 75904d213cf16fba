import * as assert from 'assert';
import { createLogger, REDACTED_LOG_PATHS, repeatedWarning } from '../../core/logger';

describe('logger (pino behind the Logger interface)', () => {
    const collect = (minimum: 'debug' | 'info' | 'warn' | 'error') => {
        const lines: string[] = [];
        return { lines, logger: createLogger(minimum, (line) => lines.push(line)) };
    };

    it('writes one JSON line per event: level, ISO time, message and fields', () => {
        const { lines, logger } = collect('debug');
        logger.warn('notice not delivered, will retry', { ticket: 1001, retryInMs: 5000 });
        assert.strictEqual(lines.length, 1);
        assert.ok(!lines[0].includes('\n'));
        const entry = JSON.parse(lines[0]) as Record<string, unknown>;
        assert.deepStrictEqual({ ...entry, time: undefined }, { level: 'warn', time: undefined, message: 'notice not delivered, will retry', ticket: 1001, retryInMs: 5000 });
        assert.ok(!Number.isNaN(Date.parse(String(entry.time))));
    });

    it('leaves out events below the minimum level', () => {
        const { lines, logger } = collect('warn');
        logger.debug('d');
        logger.info('i');
        logger.error('e');
        assert.deepStrictEqual(
            lines.map((line) => (JSON.parse(line) as { level: string }).level),
            ['error'],
        );
    });

    it('masks fields that could carry what a user typed, at the top and one level down', () => {
        const { lines, logger } = collect('info');
        const activity = { type: 'message', text: 'TC kimlik 12345678901', value: { choice: 'şifrem 1234' } };
        logger.info('turn', { text: 'benim adım', activity, email: 'a@b.c', body: '{"text":"x"}', ticket: 7 });
        assert.doesNotMatch(lines[0], /12345678901|şifrem|benim adım|a@b\.c|"x"/);
        const entry = JSON.parse(lines[0]) as { ticket: number; activity: { type: string; text: string } };
        assert.strictEqual(entry.ticket, 7);
        assert.deepStrictEqual(entry.activity, { type: 'message', text: '[redacted]', value: '[redacted]' });
        assert.strictEqual(activity.text, 'TC kimlik 12345678901', "the caller's object is left as it was");
        assert.ok(REDACTED_LOG_PATHS.includes('text'));
    });

    it('a warning the caller repeats is written once, then how many times it came again; other warnings each time', async () => {
        const lines: Record<string, unknown>[] = [];
        let counted: () => void = () => undefined;
        const countWritten = new Promise<void>((resolve) => {
            counted = resolve;
        });
        const logger = createLogger('info', (line) => {
            const entry = JSON.parse(line) as Record<string, unknown>;
            lines.push(entry);
            if (entry.repeated !== undefined) counted();
        });
        const retry = repeatedWarning(logger, 200);
        const unknown = 'STAFF_TEAM_ID is not set';
        for (const [ticket, retryInMs] of [
            [1001, 5000],
            [1001, 10000],
            [1002, 5000],
            [1001, 20000],
        ]) {
            retry('notice not delivered, will retry', { ticket, target: 'staff', error: unknown, retryInMs });
        }
        retry('notice not delivered, will retry', { ticket: 1003, target: 'user', error: 'timeout', retryInMs: 5000 });
        logger.info('something else');
        logger.warn('not a repeated warning', {});
        logger.warn('not a repeated warning', {});
        assert.deepStrictEqual(
            lines.map((entry) => [entry.message, entry.target ?? null]),
            [
                ['notice not delivered, will retry', 'staff'],
                ['notice not delivered, will retry', 'user'],
                ['something else', null],
                ['not a repeated warning', null],
                ['not a repeated warning', null],
            ],
            'other warnings are written each time',
        );
        await countWritten;
        const summary = lines[lines.length - 1];
        assert.deepStrictEqual(
            { ...summary, time: undefined },
            {
                level: 'warn',
                time: undefined,
                message: 'notice not delivered, will retry',
                ticket: 1001,
                target: 'staff',
                error: unknown,
                retryInMs: 20000,
                repeated: 3,
                withinSeconds: 0,
            },
        );
        assert.strictEqual(lines.filter((entry) => entry.repeated !== undefined).length, 1, 'the warning said once with a count');
    });
});

import * as assert from 'assert';
import { createLogger, REDACTED_LOG_PATHS } from '../../core/logger';

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
        assert.deepStrictEqual(lines.map((line) => (JSON.parse(line) as { level: string }).level), ['error']);
    });

    it('masks fields that could carry what a user typed, at the top and one level down', () => {
        const { lines, logger } = collect('info');
        const activity = { type: 'message', text: 'TC kimlik 12345678901', value: { choice: 'şifrem 1234' } };
        logger.info('turn', { text: 'benim adım', activity, email: 'a@b.c', body: '{"text":"x"}', ticket: 7 });
        assert.doesNotMatch(lines[0], /12345678901|şifrem|benim adım|a@b\.c|"x"/);
        const entry = JSON.parse(lines[0]) as { ticket: number; activity: { type: string; text: string } };
        assert.strictEqual(entry.ticket, 7);
        assert.deepStrictEqual(entry.activity, { type: 'message', text: '[redacted]', value: '[redacted]' });
        assert.strictEqual(activity.text, 'TC kimlik 12345678901', 'the caller\'s object is left as it was');
        assert.ok(REDACTED_LOG_PATHS.includes('text'));
    });
});

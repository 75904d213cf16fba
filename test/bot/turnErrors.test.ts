import * as assert from 'assert';
import { createLogger } from '../../core/logger';
import { TestChat } from '../support/testBot';
import { play } from '../support/conversationTable';

describe('a failing turn', () => {
    it('apologises in the user\'s language, logs the error without the user\'s words, and the next message works', async () => {
        const lines: string[] = [];
        const chat = new TestChat({ locale: 'en-US', failOn: 'boom please', logger: createLogger('debug', (line) => lines.push(line)) });
        await play(chat, [
            { open: true }, { click: 'New e-signature application', sees: ['Step 1 / 17'] },
            { say: 'boom please', sees: ['Sorry, something went wrong', "you haven't lost your place"] },
            { say: 'hello', sees: ['Welcome back!', 'Step 1 / 17'] },
            { click: 'Continue where I left off', sees: ['Have you asked the library for an e-signature?'] },
        ]);
        const logged = lines.map((line) => JSON.parse(line) as { level: string; message: string; error?: string });
        assert.ok(logged.some((entry) => entry.level === 'error' && entry.error === 'simulated failure'));
        assert.ok(!lines.join('\n').includes('boom please'), 'the user\'s text must not be logged');
    });

    it('apologises in Turkish by default', async () => {
        await play(new TestChat({ failOn: 'x' }), [{ open: true }, { say: 'x', sees: ['Üzgünüm, bir şeyler ters gitti'] }]);
    });
});

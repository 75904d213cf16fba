import * as assert from 'assert';
import { readmeConversation, recordConversation } from './readmeConversation';

describe("the README's sample conversation", () => {
    it('is what the bot says today (regenerate it with `npm run readme:conversation`)', async () => {
        const written = readmeConversation();
        assert.ok(written !== undefined, 'README.md has the conversation section');
        assert.strictEqual(written, await recordConversation(), 'README.md is stale: run `npm run readme:conversation`');
    });
});

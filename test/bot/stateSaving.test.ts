import * as assert from 'assert';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { TestChat } from '../support/testBot';

/** botbuilder's MemoryStorage, remembering which state documents (keys under the channel id) each write call carried. */
class RecordingStorage extends MemoryStorage {
    writes: string[][] = [];

    override write(changes: StoreItems): Promise<void> {
        const states = Object.keys(changes).filter((key) => key.startsWith('test/'));
        if (states.length > 0) this.writes.push(states);
        return super.write(changes);
    }
}

const CONVERSATION = 'test/conversations/conversation-1/';
const USER = 'test/users/user-1/';

describe('conversation and user state: saved once, at the end of a turn', () => {
    let storage: RecordingStorage;
    let chat: TestChat;
    beforeEach(async () => {
        storage = new RecordingStorage();
        chat = new TestChat({ storage });
        await chat.open();
        storage.writes = [];
    });

    it('a turn that moves the user on writes each of the two states once, with what changed', async () => {
        await chat.pick('first');
        assert.deepStrictEqual(storage.writes.flat().sort(), [CONVERSATION, USER]);
        const stored = await storage.read([USER]);
        assert.ok((stored[USER] as { flowProgress?: unknown }).flowProgress, 'the place in the flow was saved');
    });

    it('a state the turn only read is not written', async () => {
        await chat.pick('first');
        storage.writes = [];
        await chat.say('yardım');
        assert.deepStrictEqual(storage.writes, [[CONVERSATION]]);
    });
});

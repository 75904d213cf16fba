import { strict as assert } from 'assert';
import { MemoryStorage, TestAdapter, TurnContext, type StoreItems } from 'botbuilder';
import { saveTurnStates, TurnConversationState, TurnUserState } from '../../dialogs/turnStates';

/** A MemoryStorage that remembers every write call (botbuilder's own, with eTags). */
class CountingStorage extends MemoryStorage {
    writes: string[][] = [];

    override write(changes: StoreItems): Promise<void> {
        this.writes.push(Object.keys(changes).sort());
        return super.write(changes);
    }
}

/** One stored item, as a plain record (StoreItems' values are `any`). */
async function stored(storage: MemoryStorage, key: string): Promise<Record<string, unknown> | undefined> {
    return (await storage.read([key]))[key] as Record<string, unknown> | undefined;
}

function turn(conversation = 'c1', user = 'u1'): TurnContext {
    return new TurnContext(new TestAdapter(), {
        type: 'message', channelId: 'test', text: 'hi',
        conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
        from: { id: user, name: 'User' }, recipient: { id: 'bot', name: 'bot' },
    });
}

describe('turn states (change check by snapshot, one write a turn)', () => {
    let storage: CountingStorage;
    let conversation: TurnConversationState;
    let user: TurnUserState;

    beforeEach(() => {
        storage = new CountingStorage();
        conversation = new TurnConversationState(storage);
        user = new TurnUserState(storage);
    });

    it('writes both changed states of a turn in one storage call, under botbuilder\'s own keys', async () => {
        const context = turn();
        await conversation.createProperty<number>('step').set(context, 3);
        await user.createProperty<string>('language').set(context, 'tr');
        await saveTurnStates(context, [conversation, user]);
        assert.deepEqual(storage.writes, [['test/conversations/c1/', 'test/users/u1/']]);
        assert.equal((await stored(storage, 'test/conversations/c1/'))?.step, 3);
        assert.equal((await stored(storage, 'test/users/u1/'))?.language, 'tr');
    });

    it('writes nothing for a turn that only read, although the store added an eTag', async () => {
        const first = turn();
        await conversation.createProperty<number>('step').set(first, 1);
        await saveTurnStates(first, [conversation, user]);
        storage.writes = [];
        const second = turn();
        assert.equal(await conversation.createProperty<number>('step').get(second), 1);
        assert.equal(await user.createProperty<string>('language').get(second), undefined);
        await saveTurnStates(second, [conversation, user]);
        assert.deepEqual(storage.writes, []);
    });

    it('writes only the state that changed, and a nested change counts', async () => {
        const first = turn();
        await conversation.createProperty<{ stack: number[] }>('dialog').set(first, { stack: [1] });
        await saveTurnStates(first, [conversation, user]);
        storage.writes = [];
        const second = turn();
        const dialog = await conversation.createProperty<{ stack: number[] }>('dialog').get(second);
        dialog!.stack.push(2);
        await saveTurnStates(second, [conversation, user]);
        assert.deepEqual(storage.writes, [['test/conversations/c1/']]);
        assert.deepEqual((await stored(storage, 'test/conversations/c1/'))?.dialog, { stack: [1, 2] });
    });

    it('saves once: a second save in the same turn with no further change writes nothing', async () => {
        const context = turn();
        await user.createProperty<string>('language').set(context, 'en');
        await saveTurnStates(context, [conversation, user]);
        await user.saveChanges(context);
        await saveTurnStates(context, [conversation, user]);
        assert.equal(storage.writes.length, 1);
    });

    it('keeps botbuilder\'s clear, delete, forced save and cache', async () => {
        const context = turn();
        await user.createProperty<string>('language').set(context, 'tr');
        await user.saveChanges(context);
        assert.equal((user.get(context) as Record<string, unknown> | undefined)?.language, 'tr', 'the turn cache is botbuilder\'s own');
        await user.clear(context);
        await user.saveChanges(context);
        assert.equal((await stored(storage, 'test/users/u1/'))?.language, undefined, 'cleared state is written');
        await user.delete(context);
        assert.deepEqual(await storage.read(['test/users/u1/']), {});
        storage.writes = [];
        await new TurnUserState(storage).saveChanges(turn(), true);
        assert.deepEqual(storage.writes, [['test/users/u1/']], 'a forced save writes even an unread state');
    });

    it('reads the store again when asked to (force), as botbuilder does', async () => {
        const context = turn();
        const language = user.createProperty<string>('language');
        await language.set(context, 'tr');
        await user.saveChanges(context);
        await storage.write({ 'test/users/u1/': { language: 'en', eTag: '*' } });
        assert.equal(await language.get(context), 'tr');
        await user.load(context, true);
        assert.equal(await language.get(context), 'en');
    });
});

import { strict as assert } from 'assert';
import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { DialogTurnStatus, WaterfallDialog, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { RootDialogSet } from '../../dialogs/rootDialogSet';

describe('the root dialog set', () => {
    it('builds the dialog memory configuration once and hands it to every turn, with dialogs working as before', async () => {
        const conversationState = new ConversationState(new MemoryStorage());
        const dialogs = new RootDialogSet(conversationState.createProperty('dialogState'));
        const seen: (DialogStateManagerConfiguration | undefined)[] = [];
        const heard: unknown[] = [];
        dialogs.add(new WaterfallDialog('ask', [
            async (step) => {
                await step.context.sendActivity('first');
                return { status: DialogTurnStatus.waiting };
            },
            async (step) => {
                // Memory scopes come from the configuration: the turn and dialog scopes must resolve.
                heard.push(step.state.getValue('turn.activity.text'));
                step.state.setValue('dialog.answer', step.context.activity.text);
                heard.push(step.state.getValue('dialog.answer'));
                await step.context.sendActivity('second');
                return step.endDialog();
            },
        ]));
        const adapter = new TestAdapter(async (context: TurnContext) => {
            const dc = await dialogs.createContext(context);
            seen.push(context.turnState.get<DialogStateManagerConfiguration>('DialogStateManagerConfiguration'));
            const result = await dc.continueDialog();
            if (result.status === DialogTurnStatus.empty) await dc.beginDialog('ask');
            await conversationState.saveChanges(context);
        });
        await adapter.send('hello').assertReply('first').send('blue').assertReply('second').send('again').assertReply('first');
        assert.equal(seen.length, 3);
        assert.ok(seen[0] && seen[0].memoryScopes.length > 0, 'the first turn built a configuration with memory scopes');
        assert.ok(seen.every((configuration) => configuration === seen[0]), 'every later turn got the same configuration object');
        assert.deepEqual(heard, ['blue', 'blue']);
    });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity, type TurnContext } from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs';
import { silentLogger } from '../../core/logger';
import { setTurnLanguage } from '../../state/turnFacts';
import { createBotMemory } from '../../state/botMemory';
import { FORM_DELIVERY_DIALOG } from '../../dialogs/dialogIds';
import type { TicketServices } from '../../dialogs/dialogServices';
import { FormDeliveryDialog } from '../../dialogs/formDeliveryDialog';
import { setTurnInput, type DialogInput } from '../../dialogs/turnInput';
import { InsightRecorder } from '../../insights/insightRecorder';
import { languageSpeaker } from '../../institution/profileSpeaker';
import { SqliteQuestionLog } from '../../storage/sqliteQuestionLog';
import { SqliteTicketStore } from '../../storage/sqliteTicketStore';
import { TicketService } from '../../tickets/ticketService';
import { FakeClock } from '../support/fakeClock';
import { guideKnowledge, profile, translator } from '../support/testBot';

/**
 * A dialog declares the services it uses; a test can build it with exactly those. Here a ticket
 * errand gets `TicketServices` and nothing more (no renewal reminders, no transcript, no whole
 * memory), and still does its whole job. Each turn's input is set as the activity router would.
 */
describe('a dialog built with only the services it declares', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-narrow-'));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('the form delivery errand asks who is asking, confirms and files the ticket', async () => {
        const storage = new MemoryStorage();
        const conversationState = new ConversationState(storage);
        const userState = new UserState(storage);
        const memory = createBotMemory(userState, conversationState);
        const clock = new FakeClock();
        const tickets = new TicketService(new SqliteTicketStore(path.join(dir, 'tickets.sqlite')), clock, silentLogger);
        // Exactly the declared part: an object literal with any other field would not compile.
        const services: TicketServices = {
            translator,
            profile,
            clock,
            logger: silentLogger,
            tickets,
            knowledge: guideKnowledge(),
            questions: new SqliteQuestionLog(path.join(dir, 'questions.sqlite')),
            insights: new InsightRecorder(undefined, clock, silentLogger),
            progress: memory.user.flowProgress,
            language: memory.user.language,
            awaiting: memory.conversation.awaiting,
        };
        const dialogs = new DialogSet(memory.conversation.dialogState).add(new FormDeliveryDialog(services));
        let turn = 0;
        const inputs: DialogInput[] = [];
        const adapter = new TestAdapter(async (context: TurnContext) => {
            setTurnLanguage(context, 'en');
            setTurnInput(context, inputs.shift() ?? { kind: 'other' }, ++turn);
            const dc = await dialogs.createContext(context);
            if (dc.activeDialog) await dc.continueDialog();
            else await dc.beginDialog(FORM_DELIVERY_DIALOG);
            await conversationState.saveChanges(context);
            await userState.saveChanges(context);
        });
        const send = async (text: string, input: DialogInput): Promise<Partial<Activity>[]> => {
            inputs.push(input);
            const replies: Partial<Activity>[] = [];
            await adapter.send(text).assertReply((reply) => {
                replies.push(reply);
            });
            while (adapter.activeQueue.length > 0) replies.push(adapter.activeQueue.shift()!);
            return replies;
        };
        const speaker = languageSpeaker(translator, profile, 'en');
        const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '');

        assert.deepStrictEqual(texts(await send('start', { kind: 'other' })), [speaker.say('tickets.ask.name')]);
        assert.deepStrictEqual(texts(await send('Ayşe Yılmaz', { kind: 'text', text: 'Ayşe Yılmaz' })), [speaker.say('tickets.ask.email')]);
        const email = `ayse@${profile.institutionalEmailDomain}`;
        const confirm = await send(email, { kind: 'text', text: email });
        assert.strictEqual(confirm.length, 1);
        assert.match(JSON.stringify(confirm[0].attachments), /"choice":"send"/, 'the confirmation card offers to send');
        const receipt = await send('send', { kind: 'click', choice: 'send', origin: { card: `prompt.${FORM_DELIVERY_DIALOG}`, turn } });

        const [ticket] = await tickets.listOpen();
        assert.strictEqual(ticket?.kind, 'formDelivery');
        assert.deepStrictEqual({ name: ticket.details.fullName, email: ticket.details.email }, { name: 'Ayşe Yılmaz', email });
        assert.match(JSON.stringify(receipt[0].attachments), new RegExp(speaker.say('tickets.created.title', { number: ticket.number }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    });
});

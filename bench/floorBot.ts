import * as os from 'os';
import * as path from 'path';
import * as restify from 'restify';
import { CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { SqliteStorage } from '../storage/sqliteStorage';

/**
 * The framework's floors between the echo bot and ours (`npm run bench -- --floors`), built as
 * botbuilder's samples build them, with botbuilder's own connector client for replies:
 *   FLOOR=state      the echo bot + conversation and user state in the bot's SQLite store, a card reply
 *   FLOOR=waterfall  that + a DialogSet with one waterfall, a card per step, as a bare dialog bot
 * What the bot costs above `waterfall` is its own work; what `waterfall` costs above the echo is the framework's.
 */
const floor = process.env.FLOOR === 'waterfall' ? 'waterfall' : 'state';
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const storage = new SqliteStorage(path.join(process.env.DATA_DIR ?? os.tmpdir(), `floor-${process.pid}.sqlite`));
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
const dialogState = conversationState.createProperty<DialogState>('dialogState');
const visits = userState.createProperty<number>('visits');
const place = conversationState.createProperty<number>('place');

/** A card about the size of a guided step's. */
const card = (step: number) =>
    CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: Array.from({ length: 8 }, (_, line) => ({ type: 'TextBlock', text: `Adım ${step}: satır ${line}, bir rehber kartının açıklama metni kadar uzun bir cümle.`, wrap: true })),
        actions: [{ type: 'Action.Submit', title: 'Tamam', data: { choice: 'done' } }],
    });

const dialogs = new DialogSet(dialogState);
dialogs.add(
    new WaterfallDialog(
        'walk',
        Array.from({ length: 40 }, (_, index) => async (step) => {
            await step.context.sendActivity({ attachments: [card(index + 1)] });
            return { status: DialogTurnStatus.waiting };
        }),
    ),
);

async function logic(context: TurnContext): Promise<void> {
    if (context.activity.type !== 'message') return;
    await visits.set(context, (await visits.get(context, 0)) + 1);
    if (floor === 'state') {
        const next = (await place.get(context, 0)) + 1;
        await place.set(context, next);
        await context.sendActivity({ attachments: [card(next)] });
    } else {
        const dc = await dialogs.createContext(context);
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) await dc.beginDialog('walk');
    }
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
}

const server = restify.createServer({ name: `floor-${floor}` });
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, logic);
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
});

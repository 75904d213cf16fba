import * as restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

/**
 * The floor: a bare botbuilder echo bot (CloudAdapter + restify, no middleware, no state), as
 * the framework's own samples build it, in local mode. The bench drives it with the same load as
 * the real bot; whatever the real bot costs above this is ours.
 */
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context: TurnContext, error: Error) => {
    console.error('echo bot turn failed', error.message);
    await context.sendActivity('error');
};

async function logic(context: TurnContext): Promise<void> {
    if (context.activity.type !== 'message') return;
    const value = context.activity.value as { choice?: unknown } | undefined;
    const said = context.activity.text ?? (typeof value?.choice === 'string' ? value.choice : '');
    await context.sendActivity(`Echo: ${said}`);
}

const server = restify.createServer({ name: 'echo-floor' });
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, logic);
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => console.log(`echo bot is listening on ${server.url}`));
process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
});

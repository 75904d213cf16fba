import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { fromRoot } from '../core/projectPaths';
import { createApp } from '../app/createApp';
import { PLAYGROUND_CONFIG, playgroundTeamId, startPlayground } from './playground';

/**
 * `npm run playground`: the bot in local mode with its embedded store, and Microsoft 365 Agents
 * Playground (Microsoft's offline Teams emulator) against it. The staff team is the Playground's
 * mock team: its id is read from `.m365agentsplayground.yml` and given to the bot as STAFF_TEAM_ID.
 * A developer tool; never used in production.
 */
async function main(): Promise<void> {
    if (fs.existsSync(fromRoot('.env'))) process.loadEnvFile(fromRoot('.env'));
    const teamId = playgroundTeamId();
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        // The Playground has no Bot Framework credentials: the bot runs in local mode, in its own data folder.
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        MicrosoftAppType: '',
        MicrosoftAppTenantId: '',
        BOT_ID: '',
        BOT_PASSWORD: '',
        BOT_TENANT_ID: '',
        BOT_TYPE: '',
        COSMOS_ENDPOINT: '',
        DIRECT_LINE_SECRET: '',
        DATA_DIR: process.env.PLAYGROUND_DATA_DIR ?? fromRoot('data', 'playground'),
        STAFF_TEAM_ID: teamId,
        // A free port of its own (not PORT, which `npm start` may be using): the Playground is told where the bot is.
        PORT: process.env.PLAYGROUND_BOT_PORT ?? '0',
    };
    const config = loadConfig(env);
    const logger = createLogger(config.LOG_LEVEL);
    const app = createApp(config, { logger });
    const botUrl = await app.listen();
    const playground = await startPlayground({
        endpoint: `${botUrl}/api/messages`,
        port: Number(process.env.PLAYGROUND_PORT ?? 56150),
        echo: (text) => process.stdout.write(text),
        logFile: path.join(config.dataDir, 'm365agentsplayground.log'),
    });
    console.log(
        [
            '',
            `Microsoft 365 Agents Playground: ${playground.url}`,
            `  the bot: ${botUrl}/api/messages (local mode, data in ${config.dataDir})`,
            `  staff team: "${teamId}" from ${PLAYGROUND_CONFIG} (its General channel gets the ticket cards)`,
            `  the Playground listens on every network interface (it has no option for loopback only): on a shared network, anyone who reaches port ${playground.port} can open it`,
            '  Ctrl+C stops both.',
            '',
        ].join('\n'),
    );

    let stopping = false;
    const stop = (code: number) => {
        if (stopping) return;
        stopping = true;
        setTimeout(() => process.exit(code), 5_000).unref();
        void Promise.allSettled([playground.stop(), app.close()]).then(() => process.exit(code));
    };
    playground.process.once('exit', (exitCode) => {
        if (stopping) return;
        logger.warn('the Playground stopped; stopping the bot', { exitCode });
        stop(exitCode ?? 1);
    });
    process.on('SIGINT', () => stop(0));
    process.on('SIGTERM', () => stop(0));
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});

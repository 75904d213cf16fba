import * as fs from 'fs';
import { createApp } from './app/createApp';
import { loadConfig } from './core/config';
import { createLogger } from './core/logger';
import { fromRoot } from './core/projectPaths';

// A .env file is optional; variables already set in the environment win.
if (fs.existsSync(fromRoot('.env'))) process.loadEnvFile(fromRoot('.env'));

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const app = createApp(config, { logger });

if (config.localMode) {
    logger.warn('LOCAL MODE: no MicrosoftAppId set, Bot Framework authentication is OFF. Never expose this instance to the internet.');
}
if (!config.STAFF_TEAM_ID) logger.warn('STAFF_TEAM_ID is not set: tickets are kept and listed by `npm run tickets`, but reach no staff channel.');

void app.listen().then((url) => logger.info('e-signature assistant is listening', { url, dataDir: config.dataDir }));

let stopping = false;
function shutdown(signal: string): void {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    // Open keep-alive connections must not hold the process forever.
    setTimeout(() => process.exit(0), 5_000).unref();
    void app.close().then(() => process.exit(0));
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

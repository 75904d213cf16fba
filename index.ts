// First: every module loaded after it may come from the compile cache (Node 22+).
import './app/compileCache';
import * as fs from 'fs';
import { createApp } from './app/createApp';
import { loadConfig, type BotConfig } from './core/config';
import { ConfigurationError } from './core/errors';
import { createLogger } from './core/logger';
import { fromRoot } from './core/projectPaths';

// A .env file is optional; variables already set in the environment win.
if (fs.existsSync(fromRoot('.env'))) process.loadEnvFile(fromRoot('.env'));

function configuration(): BotConfig {
    try {
        return loadConfig();
    } catch (error) {
        // Refuse to start rather than start unsafely (e.g. without authentication by a typo).
        if (!(error instanceof ConfigurationError)) throw error;
        createLogger('error').error('the bot cannot start: configuration refused', { code: error.code, error: error.message });
        process.exit(1);
    }
}

const config = configuration();
const logger = createLogger(config.LOG_LEVEL);
const app = createApp(config, { logger });

if (config.localMode) {
    logger.warn('LOCAL MODE: no MicrosoftAppId set, Bot Framework authentication is OFF. Listening on loopback only, talking to loopback service URLs only. Never expose this instance to the internet.');
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

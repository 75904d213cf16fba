import * as fs from 'fs';
import * as path from 'path';
import { ConversationState, UserState } from 'botbuilder';
import { createAdapter } from './bot/adapter';
import { loadConfig } from './bot/config';
import { EImzaBot } from './bot/eImzaBot';
import { createTranslator } from './bot/i18n';
import { createLogger } from './bot/logger';
import { fromRoot } from './bot/projectPaths';
import { createServer } from './bot/server';
import { createDialogServices, systemClock } from './dialogs/dialogServices';
import { loadInstitutionProfile } from './institution/institutionProfile';
import { SqliteStorage } from './storage/sqliteStorage';

// A .env file is optional; variables already set in the environment win.
if (fs.existsSync(fromRoot('.env'))) process.loadEnvFile(fromRoot('.env'));

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const profile = loadInstitutionProfile(config.institutionProfilePath);
const translator = createTranslator();
const storage = new SqliteStorage(path.join(config.dataDir, 'bot.sqlite'));
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
const services = createDialogServices({ translator, profile, logger, clock: systemClock, userState, conversationState });
const bot = new EImzaBot(services, { resumeAfterMs: config.RESUME_AFTER_MINUTES * 60_000 });
const adapter = createAdapter(config, { logger, translator, conversationState, userState });
const server = createServer({
    adapter,
    logic: (context) => bot.run(context),
    checkHealth: async () => {
        await storage.ping();
        return { store: 'sqlite' };
    },
    logger,
});

if (config.localMode) {
    logger.warn('LOCAL MODE: no MicrosoftAppId set, Bot Framework authentication is OFF. Never expose this instance to the internet.');
}

server.listen(config.PORT, () => {
    logger.info('e-signature assistant is listening', { url: server.url, dataDir: config.dataDir, institution: profile.id });
});

let stopping = false;
function shutdown(signal: string): void {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    server.close(() => {
        storage.close();
        process.exit(0);
    });
    // Open keep-alive connections must not hold the process forever.
    setTimeout(() => {
        storage.close();
        process.exit(0);
    }, 5_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

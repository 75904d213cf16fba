import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createApp, type App } from '../../app/createApp';
import { loadConfig } from '../../core/config';
import { silentLogger, type Logger } from '../../core/logger';

export interface TestServer {
    baseUrl: string;
    app: App;
    stop(): Promise<void>;
}

export interface TestServerOptions {
    /** Reuse a data folder to check what survives a restart; a fresh temporary one otherwise. */
    dataDir?: string;
    env?: Record<string, string>;
    /** Where the bot logs; silent unless a test reads the log. */
    logger?: Logger;
}

export function temporaryDataDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-web-'));
}

/** The bot exactly as `index.ts` starts it, on a free port, with its store in a temporary DATA_DIR. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
    const config = loadConfig({ PORT: '0', DATA_DIR: options.dataDir ?? temporaryDataDir(), LOG_LEVEL: 'error', ...options.env });
    const app = createApp(config, { logger: options.logger ?? silentLogger });
    await app.listen();
    const { port } = app.server.address();
    return {
        baseUrl: `http://127.0.0.1:${port}`,
        app,
        async stop() {
            const closing = app.close();
            // Keep-alive sockets of the clients under test must not hold the port open.
            app.server.server.closeAllConnections();
            await closing;
        },
    };
}

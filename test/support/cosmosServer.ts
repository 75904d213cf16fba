import type { IncomingMessage } from 'http';
import * as https from 'https';
import type { CosmosSettings } from '../../storage/cosmosClient';
import type { CosmosOverrides } from '../../storage/createStores';
import cosmosServer from '@vercel/cosmosdb-server';
import { freePort } from './botProcess';

/**
 * `@vercel/cosmosdb-server` on 127.0.0.1, started by the tests. `stop()` refuses connections
 * like a Cosmos outage; `start()` again serves the same (in-memory) account on the same port.
 */
export class CosmosTestServer {
    private readonly server = cosmosServer();
    private port = 0;
    /** Requests served, by method and resource kind (`GET docs`, `POST batch`…): what a turn costs. */
    readonly requests: string[] = [];

    constructor() {
        this.server.on('request', (req: IncomingMessage) => {
            const kind = /\/docs(\/|$)/.test(req.url ?? '') ? 'docs' : 'metadata';
            const batch = req.headers['x-ms-cosmos-is-batch-request'] ? ' batch' : req.headers['x-ms-documentdb-isquery'] ? ' query' : '';
            this.requests.push(`${req.method} ${kind}${batch}`);
        });
    }

    /** Its certificate is self-signed: only tests hand this agent to the Cosmos client. */
    readonly agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });

    get endpoint(): string {
        return `https://127.0.0.1:${this.port}`;
    }

    async start(): Promise<void> {
        if (this.server.listening) return;
        this.port ||= await freePort();
        await new Promise<void>((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(this.port, '127.0.0.1', () => {
                this.server.off('error', reject);
                // The package creates a fresh, empty account on every 'listening': keep the first.
                this.server.removeAllListeners('listening');
                resolve();
            });
        });
    }

    async stop(): Promise<void> {
        if (!this.server.listening) return;
        const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
        this.server.closeAllConnections();
        await closed;
    }

    /** Environment that points the bot at this server, with a database of its own. */
    env(database: string): Record<string, string> {
        return { COSMOS_ENDPOINT: this.endpoint, COSMOS_KEY: 'test-key', COSMOS_DATABASE: database };
    }

    /** The same for another process (a bot, a CLI), which must also trust this server. */
    processEnv(database: string): Record<string, string> {
        // The local server's certificate is self-signed and it advertises no regions.
        return { ...this.env(database), NODE_TLS_REJECT_UNAUTHORIZED: '0', COSMOS_ENDPOINT_DISCOVERY: 'false' };
    }

    /** What a test hands to createApp (through TicketWorld) so the bot trusts this server. */
    get overrides(): CosmosOverrides {
        return { agent: this.agent, endpointDiscovery: false };
    }

    /** Settings for a store of its own (one database per test: nothing leaks between tests). */
    settings(database: string): CosmosSettings {
        return { endpoint: this.endpoint, key: 'test-key', database, ...this.overrides };
    }
}

import * as http from 'http';
import type { AddressInfo } from 'net';

/**
 * The Bot Connector the bots reply to (the activities' serviceUrl): reads each reply whole and
 * answers 200 with an id at once, so a reply costs the bot what it costs in production and the
 * connector itself stays out of the measurement. Keeps only counters.
 */
export class BenchConnector {
    replies = 0;
    bytes = 0;
    /** TCP connections opened to it: far fewer than replies when the bots keep connections alive. */
    connections = 0;
    private readonly server: http.Server;
    private nextId = 1;

    constructor() {
        this.server = http.createServer((req, res) => {
            req.on('data', (chunk: Buffer) => (this.bytes += chunk.length));
            req.on('end', () => {
                this.replies++;
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end(`{"id":"${this.nextId++}"}`);
            });
        });
        this.server.on('connection', () => this.connections++);
        this.server.keepAliveTimeout = 30_000;
    }

    async start(): Promise<string> {
        await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    }

    async stop(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }
}

import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Activity } from 'botbuilder';
import { fromRoot } from '../../core/projectPaths';

export async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address() as net.AddressInfo;
            probe.close(() => resolve(port));
        });
    });
}

/** The real bot (`node dist/index.js`), as `npm start` runs it, on its own port and data folder. */
export class BotProcess {
    private child?: ChildProcess;
    readonly baseUrl: string;

    constructor(
        readonly port: number,
        private readonly env: Record<string, string>,
    ) {
        this.baseUrl = `http://127.0.0.1:${port}`;
    }

    /** Resolves once the bot logs that it listens; rejects if it exits or stays silent for 45 s (a loaded CI machine starts Node slowly). */
    async start(): Promise<void> {
        const child = spawn(process.execPath, [fromRoot('dist', 'index.js')], {
            cwd: fromRoot(),
            env: { ...process.env, ...this.env, PORT: String(this.port) },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        this.child = child;
        let output = '';
        await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`bot did not start:\n${output}`)), 45_000);
            const onData = (chunk: Buffer) => {
                output += chunk.toString();
                if (output.includes('is listening')) {
                    clearTimeout(timer);
                    resolve();
                }
            };
            child.stdout?.on('data', onData);
            child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
            child.once('exit', (code) => {
                clearTimeout(timer);
                reject(new Error(`bot exited with ${code}:\n${output}`));
            });
        });
    }

    /** The process id, while it runs (to read its memory from /proc). */
    get pid(): number | undefined {
        return this.child?.pid;
    }

    /** SIGKILL: the crash case. Resolves when the process is gone. */
    async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
        const child = this.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        await new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill(signal);
        });
    }

    async post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
        const response = await fetch(`${this.baseUrl}${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, body: text ? JSON.parse(text) : undefined };
    }

    async get(path: string): Promise<{ status: number; body: unknown }> {
        const response = await fetch(`${this.baseUrl}${path}`);
        return { status: response.status, body: await response.json() };
    }

    /** Sends one activity with `deliveryMode: "expectReplies"` and returns the bot's replies. */
    async exchange(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
        const { status, body } = await this.post('/api/messages', { deliveryMode: 'expectReplies', ...activity });
        if (status !== 200) throw new Error(`POST /api/messages answered ${status}: ${JSON.stringify(body)}`);
        return ((body as { activities?: Partial<Activity>[] }).activities ?? []).filter((reply) => reply.type === 'message');
    }
}

/**
 * The real bot, started once for the calling `describe` on a fresh data folder (`prefix` names it),
 * stopped and its folder removed after the last test. Read `.bot` inside tests and hooks only.
 */
export function botProcessForSuite(prefix: string): { readonly bot: BotProcess } {
    let dataDir = '';
    let bot: BotProcess | undefined;
    before(async () => {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
        bot = new BotProcess(await freePort(), { DATA_DIR: dataDir });
        await bot.start();
    });
    after(async () => {
        await bot?.kill('SIGTERM');
        fs.rmSync(dataDir, { recursive: true, force: true });
    });
    return {
        get bot() {
            if (!bot) throw new Error('the bot process runs only while the suite does');
            return bot;
        },
    };
}

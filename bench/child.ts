import { spawn, type ChildProcess } from 'child_process';
import type { ProbeReply } from './probe';

// The same free-port finder as the tests: the bench starts bots the way they do.
export { freePort } from '../test/support/botProcess';

/** A bot under test in its own process, with the probe preloaded (CPU time, memory, forced GC). */
export class BenchChild {
    readonly baseUrl: string;
    readonly spawnedAt: number;
    private readonly child: ChildProcess;
    private stderr = '';
    private exited = false;

    constructor(
        readonly name: string,
        script: string,
        readonly port: number,
        env: Record<string, string>,
        nodeArgs: string[],
        probePath: string,
        cwd: string,
    ) {
        this.baseUrl = `http://127.0.0.1:${port}`;
        this.spawnedAt = performance.now();
        this.child = spawn(process.execPath, [...nodeArgs, '-r', probePath, script], {
            cwd,
            env: { ...process.env, ...env, PORT: String(port) },
            stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        });
        this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
        this.child.once('exit', () => (this.exited = true));
    }

    get pid(): number | undefined {
        return this.child.pid;
    }

    /** What the process wrote to stderr lately, for a failure message. */
    get errors(): string {
        return this.stderr;
    }

    probe(kind: 'usage' | 'gc' | 'profileStart' | 'profileStop' | 'snapshot', file?: string): Promise<ProbeReply> {
        return new Promise((resolve, reject) => {
            if (this.exited) return reject(new Error(`${this.name} has exited:\n${this.stderr}`));
            const timer = setTimeout(() => reject(new Error(`${this.name} did not answer the probe`)), 60_000);
            this.child.once('message', (message: ProbeReply) => {
                clearTimeout(timer);
                resolve(message);
            });
            this.child.send({ probe: kind, file });
        });
    }

    /** SIGTERM, as a platform stops it (a CPU profile is written on the way out); SIGKILL after 8 s. */
    async stop(): Promise<void> {
        if (this.exited) return;
        await new Promise<void>((resolve) => {
            const timer = setTimeout(() => this.child.kill('SIGKILL'), 8_000);
            this.child.once('exit', () => {
                clearTimeout(timer);
                resolve();
            });
            this.child.kill('SIGTERM');
        });
    }
}

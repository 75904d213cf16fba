import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import { fromRoot } from '../core/projectPaths';

/**
 * Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`, a devDependency): Microsoft's
 * offline Teams emulator, for `npm run playground` and the emulator test. A development and test
 * tool only, pre-release and licensed for evaluation: nothing here runs in production.
 */

/** Where the Playground reads its mock tenant (users, personal chat, the team and its channels). */
export const PLAYGROUND_CONFIG = fromRoot('.m365agentsplayground.yml');

/** The mock team's id in the Playground's config file: the bot's `STAFF_TEAM_ID` when it runs against the Playground. */
export function playgroundTeamId(file = PLAYGROUND_CONFIG): string {
    const match = /^team:\s*\n\s+id:\s*"?([^"\n]+?)"?\s*$/m.exec(fs.readFileSync(file, 'utf8'));
    if (!match?.[1]) throw new Error(`${file} has no team id (team: / id: …)`);
    return match[1];
}

/** The Playground's command-line entry, or undefined when the devDependency is not installed. */
export function playgroundCli(): string | undefined {
    try {
        return require.resolve('@microsoft/m365agentsplayground/cli.js');
    } catch {
        return undefined;
    }
}

export interface PlaygroundOptions {
    /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
    endpoint: string;
    /** The port asked for; 0 lets the Playground pick. It silently picks another when this one is taken. */
    port?: number;
    /** Where its output goes besides being read for the port (e.g. the terminal). */
    echo?: (text: string) => void;
    env?: NodeJS.ProcessEnv;
    /** The Playground's own log file (it writes one); under DATA_DIR's default folder unless told. */
    logFile?: string;
    /** How long to wait for "Listening on N" and for its page to answer. */
    timeoutMs?: number;
}

export interface Playground {
    url: string;
    port: number;
    process: ChildProcess;
    stop(): Promise<void>;
}

/**
 * Its page fetched once. The Playground prints "Listening on N" as its server starts; a request that
 * arrives at once was seen reset (ECONNRESET) now and then, so the address is handed out (and
 * printed by `npm run playground`) only once the page has answered.
 */
async function untilItAnswers(url: string, until: number, gone: () => boolean): Promise<void> {
    for (;;) {
        try {
            await (await fetch(url)).arrayBuffer();
            return;
        } catch (error) {
            // Once the Playground has exited (already reported) its page will not answer: no need to keep asking.
            if (Date.now() >= until || gone()) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    }
}

/**
 * Starts the Playground in the project folder (so it reads `.m365agentsplayground.yml`) with the
 * Teams channel and its telemetry off (`--dt`), and resolves with the port it really listens on.
 */
export function startPlayground(options: PlaygroundOptions): Promise<Playground> {
    const cli = playgroundCli();
    if (!cli) return Promise.reject(new Error('@microsoft/m365agentsplayground is not installed (npm install)'));
    const args = [cli, '-e', options.endpoint, '-c', 'msteams', '-p', String(options.port ?? 56150), '--dt'];
    const child = spawn(process.execPath, args, {
        cwd: fromRoot(),
        env: {
            ...process.env,
            M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
            // Else it writes ./devTools/m365agentsplayground.log into the project.
            M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile ?? fromRoot('data', 'playground', 'm365agentsplayground.log'),
            ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = () => child.exitCode !== null || child.signalCode !== null;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const stop = () =>
        new Promise<void>((resolve) => {
            if (exited()) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
        });
    return new Promise<Playground>((resolve, reject) => {
        let output = '';
        let heard = false;
        const timer = setTimeout(() => {
            void stop();
            reject(new Error(`the Playground did not say where it listens within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const read = (chunk: Buffer) => {
            const text = chunk.toString('utf8');
            options.echo?.(text);
            output += text;
            const listening = /Listening on (\d+)/.exec(output);
            if (listening && !heard) {
                heard = true;
                clearTimeout(timer);
                const port = Number(listening[1]);
                const url = `http://localhost:${port}/`;
                untilItAnswers(url, Date.now() + timeoutMs, exited).then(
                    () => resolve({ url, port, process: child, stop }),
                    (error: Error) => {
                        void stop();
                        reject(new Error(`the Playground said it listens on ${port} but its page did not answer (${error.message}):\n${output}`));
                    },
                );
            }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`the Playground exited (${code}) before listening:\n${output}`));
        });
    });
}

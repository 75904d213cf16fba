import * as fs from 'fs';
import { fromRoot } from '../core/projectPaths';

/** What a command-line tool of the project prints and how it exits. */
export interface CliOutput {
    stdout: string;
    stderr: string;
    exitCode: number;
}

/** Runs a tool with the same optional .env as the bot (so it reads the same store); the environment wins. */
export function runCommandLine(run: (args: readonly string[]) => Promise<CliOutput>): void {
    if (fs.existsSync(fromRoot('.env'))) process.loadEnvFile(fromRoot('.env'));
    run(process.argv.slice(2)).then(
        ({ stdout, stderr, exitCode }) => {
            if (stdout) process.stdout.write(`${stdout}\n`);
            if (stderr) process.stderr.write(`${stderr}\n`);
            process.exitCode = exitCode;
        },
        (error: unknown) => {
            process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
            process.exitCode = 1;
        },
    );
}

/** The usage text: asked for (`--help`) it goes to stdout, after a wrong argument to stderr with exit code 2. */
export function usageOutput(usage: string, invalid: boolean): CliOutput {
    return invalid ? { stdout: '', stderr: usage, exitCode: 2 } : { stdout: usage, stderr: '', exitCode: 0 };
}

import { execFile } from 'child_process';

/** How a command-line tool ended: its exit code and everything it wrote. */
export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * Runs a compiled CLI (`node <cli> …args`) as npm would, on the data folder `dataDir`, with
 * `env` added to this process's environment. Never rejects: a failing exit is part of what a
 * test checks, so it comes back as `code`.
 */
export function runCli(cli: string, dataDir: string, args: string[], env: Record<string, string> = {}, timeoutMs = 15_000): Promise<CliRun> {
    return new Promise((resolve) => {
        execFile(process.execPath, [cli, ...args], { env: { ...process.env, DATA_DIR: dataDir, ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
            resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
        });
    });
}

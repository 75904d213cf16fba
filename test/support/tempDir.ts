import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A fresh folder under the system's temp folder, and how to remove it with all it holds. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `use` with a fresh temp folder and removes the folder afterwards, whether `use` passed or threw. */
export async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
    const { dir, cleanup } = tempDir(prefix);
    try {
        return await use(dir);
    } finally {
        cleanup();
    }
}

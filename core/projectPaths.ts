import * as fs from 'fs';
import * as path from 'path';
import { InternalError } from './errors';

// Compiled code runs from dist/; content (locales, cards, institution) stays at the project root.
function findProjectRoot(start: string): string {
    let dir = start;
    while (!fs.existsSync(path.join(dir, 'package.json'))) {
        const parent = path.dirname(dir);
        if (parent === dir) throw new InternalError(`package.json not found above ${start}`);
        dir = parent;
    }
    return dir;
}

export const projectRoot = findProjectRoot(__dirname);

export function fromRoot(...segments: string[]): string {
    return path.join(projectRoot, ...segments);
}

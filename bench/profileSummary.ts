import * as fs from 'fs';
import * as path from 'path';

interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
}

interface CpuProfile {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
}

export interface Hotspot {
    name: string;
    share: number;
}

const where = (url: string, root: string) => url.replace(/^file:\/\//, '').replace(root + path.sep, '');

/**
 * Self time per function and per file of a `--cpu-prof` profile, as shares of all samples
 * (idle and GC included, so shares add up to the whole run).
 */
export function summarizeProfile(file: string, root: string, top = 25): { functions: Hotspot[]; files: Hotspot[]; packages: Hotspot[]; oursInclusive: Hotspot[]; packageMicros: ReadonlyMap<string, number> } {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map<number, number>();
    profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
    const total = [...self.values()].reduce((sum, value) => sum + value, 0) || 1;
    const functions = new Map<string, number>();
    const files = new Map<string, number>();
    const packages = new Map<string, number>();
    const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
    for (const [id, time] of self) {
        const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
        const file = url ? where(url, root) : '(native)';
        add(functions, `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`, time);
        add(files, file, time);
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? (file.startsWith('dist/') ? `ours: ${file.split('/')[1]}/` : file.startsWith('node:') ? 'node core' : functionName || file);
        add(packages, pkg, time);
    }
    // Inclusive time of the project's own functions: each sample counts once for every one of ours on its stack.
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, index) => {
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
            const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
            const file = where(url, root);
            if (!file.startsWith('dist/') || file.startsWith('dist/bench/')) continue;
            seen.add(`${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`);
        }
        for (const key of seen) add(inclusive, key, profile.timeDeltas[index] ?? 0);
    });
    const ranked = (map: Map<string, number>) =>
        [...map]
            .sort((a, b) => b[1] - a[1])
            .slice(0, top)
            .map(([name, time]) => ({ name, share: time / total }));
    return { functions: ranked(functions), files: ranked(files), packages: ranked(packages), oursInclusive: ranked(inclusive), packageMicros: packages };
}

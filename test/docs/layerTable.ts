import { createRequire } from 'module';
import { fromRoot } from '../../core/projectPaths';

/** Layer → the layers it may import, as the documentation states it or as lint enforces it. */
export type Layers = Map<string, string[]>;

interface CruiserRule {
    name: string;
    from: { path?: string };
    to: { path?: string; pathNot?: string };
}

interface CruiserConfig {
    forbidden: CruiserRule[];
    MAY_IMPORT: Record<string, string[]>;
}

const ENTRY_POINT = 'index.ts';
const NOTHING = 'nothing of the project';
const EVERYTHING_BELOW = 'everything below it';

/**
 * The rows of the table under "## The layers": `folder/` (or `index.ts`) | what lives there | may import,
 * the last as `layer`s, "nothing of the project", or "everything below it" (every row after this one).
 */
export function parseLayerTable(markdown: string): Layers {
    const section = markdown.split(/^## /m).find((part) => part.startsWith('The layers\n'));
    if (section === undefined) throw new Error('docs/architecture.md has no "## The layers" section');
    const rows: [string, string][] = [];
    for (const line of section.split('\n')) {
        const cells = line
            .split('|')
            .slice(1, -1)
            .map((cell) => cell.trim());
        const layer = /^`([\w.]+?)\/?`$/.exec(cells[0] ?? '')?.[1];
        if (cells.length === 3 && layer !== undefined) rows.push([layer, cells[2]]);
    }
    const layers: Layers = new Map();
    rows.forEach(([layer, mayImport], index) => {
        if (mayImport === NOTHING) layers.set(layer, []);
        else if (mayImport === EVERYTHING_BELOW)
            layers.set(
                layer,
                rows.slice(index + 1).map(([below]) => below),
            );
        else {
            const imports = [...mayImport.matchAll(/`([\w.]+?)\/?`/g)].map((match) => match[1]);
            if (imports.length === 0) throw new Error(`the row of ${layer} names no layer it may import (write "${NOTHING}" or "${EVERYTHING_BELOW}")`);
            layers.set(layer, imports);
        }
    });
    return layers;
}

/** What `.dependency-cruiser.js` enforces: `MAY_IMPORT`, and for index.ts whatever its `entry-point-thin` rule leaves. */
export function enforcedLayers(): Layers {
    const config = createRequire(__filename)(fromRoot('.dependency-cruiser.js')) as CruiserConfig;
    const layers: Layers = new Map(Object.entries(config.MAY_IMPORT));
    const entryRule = config.forbidden.find((rule) => rule.name === 'entry-point-thin');
    if (entryRule === undefined) throw new Error('.dependency-cruiser.js has no entry-point-thin rule');
    const forbids = (folder: string) => {
        const file = `${folder}/file.ts`;
        return (entryRule.to.path === undefined || new RegExp(entryRule.to.path).test(file)) && (entryRule.to.pathNot === undefined || !new RegExp(entryRule.to.pathNot).test(file));
    };
    layers.set(
        ENTRY_POINT,
        Object.keys(config.MAY_IMPORT).filter((folder) => !forbids(folder)),
    );
    return layers;
}

/** Every difference between the documented and the enforced layers, both ways; empty when they agree. */
export function layerDifferences(documented: Layers, enforced: Layers): string[] {
    const differences: string[] = [];
    for (const layer of enforced.keys()) if (!documented.has(layer)) differences.push(`${layer}: in the rules, not in the table`);
    for (const [layer, imports] of documented) {
        const allowed = enforced.get(layer);
        if (allowed === undefined) {
            differences.push(`${layer}: in the table, not in the rules`);
            continue;
        }
        for (const other of allowed) if (!imports.includes(other)) differences.push(`${layer} may import ${other}: in the rules, not in the table`);
        for (const other of imports) if (!allowed.includes(other)) differences.push(`${layer} may import ${other}: in the table, not in the rules`);
    }
    return differences;
}

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

/** The rows of the table under "## The layers": `folder/` (or `index.ts`) | what lives there | may import. */
export function parseLayerTable(markdown: string): Layers {
    const section = markdown.split(/^## /m).find((part) => part.startsWith('The layers\n'));
    if (section === undefined) throw new Error('docs/architecture.md has no "## The layers" section');
    const layers: Layers = new Map();
    for (const line of section.split('\n')) {
        const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
        const layer = /^`([\w.]+?)\/?`$/.exec(cells[0] ?? '')?.[1];
        if (cells.length !== 3 || layer === undefined) continue;
        const imports = cells[2] === NOTHING ? [] : [...cells[2].matchAll(/`([\w.]+?)\/?`/g)].map((match) => match[1]);
        if (imports.length === 0 && cells[2] !== NOTHING) throw new Error(`the row of ${layer} names no layer it may import (write "${NOTHING}" for none)`);
        layers.set(layer, imports);
    }
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
        return (entryRule.to.path === undefined || new RegExp(entryRule.to.path).test(file))
            && (entryRule.to.pathNot === undefined || !new RegExp(entryRule.to.pathNot).test(file));
    };
    layers.set(ENTRY_POINT, Object.keys(config.MAY_IMPORT).filter((folder) => !forbids(folder)));
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

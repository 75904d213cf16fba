import * as assert from 'assert';
import * as fs from 'fs';
import { fromRoot } from '../../core/projectPaths';
import { enforcedLayers, layerDifferences, parseLayerTable, type Layers } from './layerTable';

const architecture = () => fs.readFileSync(fromRoot('docs', 'architecture.md'), 'utf8');
const copy = (layers: Layers): Layers => new Map([...layers].map(([layer, imports]) => [layer, [...imports]]));

describe('the layer table in docs/architecture.md is the rules lint enforces', () => {
    it('names every layer of .dependency-cruiser.js, and each may import exactly what MAY_IMPORT allows', () => {
        const documented = parseLayerTable(architecture());
        assert.ok(documented.size > 1, 'the table has rows');
        assert.deepStrictEqual(layerDifferences(documented, enforcedLayers()), []);
    });

    describe('the check fails when the two differ', () => {
        const enforced = enforcedLayers();
        const rowOf = (layer: string) =>
            architecture()
                .split('\n')
                .find((line) => line.startsWith(`| \`${layer}/\` |`));
        // A layer whose row names what it may import one by one.
        const [layer, imports] = [...enforced].find(([name, allowed]) => allowed.length > 1 && rowOf(name)?.endsWith(`\`${allowed.at(-1)}\` |`))!;

        it('a layer missing from the table, or a row for a folder the rules do not know', () => {
            const missing = copy(enforced);
            missing.delete(layer);
            assert.deepStrictEqual(layerDifferences(missing, enforced), [`${layer}: in the rules, not in the table`]);
            const extra = copy(enforced).set('newFolder', []);
            assert.deepStrictEqual(layerDifferences(extra, enforced), ['newFolder: in the table, not in the rules']);
        });

        it('an allowed import left out of a row, or one the rules do not allow', () => {
            const fewer = copy(enforced).set(layer, imports.slice(1));
            assert.deepStrictEqual(layerDifferences(fewer, enforced), [`${layer} may import ${imports[0]}: in the rules, not in the table`]);
            const more = copy(enforced).set(layer, [...imports, 'newFolder']);
            assert.deepStrictEqual(layerDifferences(more, enforced), [`${layer} may import newFolder: in the table, not in the rules`]);
        });

        it('a row edited in the markdown itself', () => {
            const text = architecture();
            const row = rowOf(layer)!;
            const edited = row.replace(new RegExp(`\`${imports[0]}\`(, )?`), '');
            assert.notStrictEqual(edited, row);
            assert.deepStrictEqual(layerDifferences(parseLayerTable(text.replace(row, edited)), enforced), [`${layer} may import ${imports[0]}: in the rules, not in the table`]);
        });
    });

    it('the README keeps no layer table of its own and links to this one', () => {
        const readme = fs.readFileSync(fromRoot('README.md'), 'utf8');
        assert.ok(readme.includes('](docs/architecture.md#the-layers)'), 'README links to docs/architecture.md#the-layers');
        assert.strictEqual(layerRowsIn(readme), 0, 'README has no table row per layer');
    });
});

/** Table rows in a text whose first cell is one of the layers' folders. */
function layerRowsIn(text: string): number {
    const folders = [...enforcedLayers().keys()].map((layer) => (layer.endsWith('.ts') ? `\`${layer}\`` : `\`${layer}/\``));
    return text.split('\n').filter((line) => folders.some((folder) => line.startsWith(`| ${folder} |`))).length;
}

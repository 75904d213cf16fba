import * as assert from 'assert';
import * as fs from 'fs';
import { readLocaleResources } from '../../core/i18n';
import { LANGUAGES } from '../../core/language';
import { fromRoot } from '../../core/projectPaths';
import { STEPS, visibleOptions } from '../../flow/flowSteps';
import { translator } from '../support/testBot';

function leafKeys(node: unknown, prefix = ''): string[] {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return [prefix];
    return Object.entries(node).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

describe('locales', () => {
    const resources = readLocaleResources();

    it('Turkish and English have exactly the same keys', () => {
        const [tr, en] = LANGUAGES.map((language) => new Set(leafKeys(resources[language])));
        assert.deepStrictEqual(
            [...tr].filter((key) => !en.has(key)),
            [],
            'only in Turkish',
        );
        assert.deepStrictEqual(
            [...en].filter((key) => !tr.has(key)),
            [],
            'only in English',
        );
    });

    it('lists are lists in both languages', () => {
        for (const key of leafKeys(resources.tr)) {
            const [tr, en] = LANGUAGES.map((language) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources[language]));
            assert.strictEqual(Array.isArray(tr), Array.isArray(en), key);
        }
    });

    it('every step has a title, a body and help, and every answer a button title, in both languages', () => {
        for (const language of LANGUAGES) {
            for (const step of Object.values(STEPS)) {
                for (const part of ['title', 'body', 'help']) assert.ok(translator.has(language, `steps.${step.id}.${part}`), `${language}: steps.${step.id}.${part}`);
                for (const option of visibleOptions(step, { signatureValid: true })) {
                    assert.ok(
                        translator.has(language, `steps.${step.id}.options.${option.id}`) || translator.has(language, `options.${option.id}`),
                        `${language}: no title for option ${option.id} of ${step.id}`,
                    );
                }
            }
        }
    });

    it('every placeholder is written {{likeThis}}: a single brace would reach the user as it is', () => {
        for (const language of LANGUAGES) {
            const text = JSON.stringify(resources[language]);
            assert.deepStrictEqual(text.match(/(?<!\{)\{[A-Za-z]+\}(?!\})/g) ?? [], [], language);
        }
    });

    it('KamuSM screen labels are identical in both languages (users look for them on a Turkish screen)', () => {
        assert.deepStrictEqual(resources.en.kamusm, resources.tr.kamusm);
    });

    it('no sentence is written in code: no Turkish letters in string literals outside tests', () => {
        const sources = [
            'index.ts',
            ...['app', 'tools', 'bot', 'dialogs', 'cards', 'institution', 'storage', 'tickets', 'renewals', 'mail', 'insights', 'understanding', 'flow', 'core', 'web', 'localDirectLine', 'appPackage'].flatMap(
                (dir) =>
                    fs
                        .readdirSync(fromRoot(dir))
                        .filter((file) => file.endsWith('.ts'))
                        .map((file) => `${dir}/${file}`),
            ),
        ];
        const offenders = sources.filter((file) =>
            /['"`][^'"`\n]*[çğıöşüÇĞİÖŞÜ][^'"`\n]*['"`]/.test(
                fs
                    .readFileSync(fromRoot(file), 'utf8')
                    .split('\n')
                    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
                    .join('\n'),
            ),
        );
        assert.deepStrictEqual(offenders, []);
    });
});

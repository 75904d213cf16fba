import * as assert from 'node:assert';
import { guideKnowledge } from '../support/testBot';
import { normalize } from '../../understanding/normalize';
import { MAX_RECOGNIZED_CHARS } from '../../understanding/recognizer';
import { costs } from '../support/costs';

const LENGTH = 4000;
/** What people type, at the length of the crafted messages: the cost every other input is measured against. */
const NORMAL = 'e-imza başvurusu için hangi belgeler gerekiyor, ücreti ne kadar ve kartı nereden alırım? '.repeat(60).slice(0, LENGTH);

/** Crafted messages and their relatives: long runs that made a regex backtrack. */
const CRAFTED: [string, string][] = [
    ['one 4,000-letter word', 'a'.repeat(LENGTH)],
    ['Turkish letters without a space', 'ş'.repeat(LENGTH)],
    ['"e" and 4,000 spaces', `e${' '.repeat(LENGTH - 2)}x`],
    ['"e " repeated', 'e '.repeat(LENGTH / 2)],
    ['"e -" repeated', 'e -'.repeat(LENGTH / 3)],
    ['"kamu" and spaces', `kamu${' '.repeat(LENGTH - 5)}x`],
    ['"elektronik" and spaces', `elektronik${' '.repeat(LENGTH - 11)}x`],
    ['"t" and spaces before a dot', `t${' '.repeat(LENGTH - 2)}.`],
    ['letters and one apostrophe at the end', `${'b'.repeat(LENGTH - 2)}'x`],
    ['apostrophes between letters', "a'".repeat(LENGTH / 2)],
    ['letters and digits alternating', 'a1'.repeat(LENGTH / 2)],
];

describe('understanding: hostile text costs what a normal message does (security review 2, N3)', function () {
    this.timeout(60_000);
    const { recognizer } = guideKnowledge().current();

    for (const [name, text] of CRAFTED) {
        it(`${name}: no more than three times a normal message of the same length`, () => {
            assert.strictEqual(text.length <= LENGTH + 1, true);
            const [crafted, normal] = costs(
                () => recognizer.recognize(text, 'tr'),
                () => recognizer.recognize(NORMAL, 'tr'),
            );
            assert.ok(crafted <= 3 * normal, `${crafted.toFixed(2)} ms against ${normal.toFixed(2)} ms for a normal message`);
        });
    }

    it(`reads only the first ${MAX_RECOGNIZED_CHARS} characters: what follows changes nothing`, () => {
        const question = 'e-imza ücreti ne kadar?';
        const padded = `${question}${' '.repeat(MAX_RECOGNIZED_CHARS)}şifremi unuttum kartım kilitlendi`;
        assert.deepStrictEqual(recognizer.recognize(padded, 'tr'), recognizer.recognize(question, 'tr'));
    });

    it('normalisation itself grows linearly: eight times the text costs about eight times as much, not 64', () => {
        for (const [name, unit] of [
            ['letters', 'a'],
            ['"e" and spaces', ' '],
            ['letters before an apostrophe', 'b'],
        ] as const) {
            const text = (length: number) => (unit === ' ' ? `e${' '.repeat(length)}x` : `${unit.repeat(length)}'x`);
            const [small, large] = costs(
                () => normalize(text(4_000)),
                () => normalize(text(32_000)),
                15,
            );
            assert.ok(large <= 20 * small, `${name}: ${large.toFixed(2)} ms for 32,000 characters against ${small.toFixed(2)} ms for 4,000`);
        }
    });
});

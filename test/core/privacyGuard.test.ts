import * as assert from 'assert';
import { localePrivacyInspector, PRIVACY_EXAMINED_CHARS, REDACTION_MARK } from '../../core/privacyGuard';
import { costs } from '../support/costs';
import { translator } from '../support/testBot';
import { HARMLESS_ROWS, SECRET_ROWS } from './privacyTable';

const inspect = localePrivacyInspector(translator);

describe('privacy guard: the table of realistic sentences', () => {
    it('has at least 100 sentences, half of them harmless', () => {
        assert.ok(SECRET_ROWS.length + HARMLESS_ROWS.length >= 100);
        assert.ok(HARMLESS_ROWS.length >= (SECRET_ROWS.length + HARMLESS_ROWS.length) / 2);
    });

    for (const { text, kinds, secrets = [] } of SECRET_ROWS) {
        it(`masks "${text}" → ${kinds.join(', ')}`, () => {
            const finding = inspect(text);
            assert.deepStrictEqual([...finding.kinds].sort(), [...kinds].sort(), `found ${finding.kinds.join(', ') || 'nothing'} in "${finding.redacted}"`);
            for (const secret of secrets) assert.ok(!finding.redacted.includes(secret), `"${secret}" still visible in "${finding.redacted}"`);
            assert.ok(finding.redacted.includes(REDACTION_MARK));
        });
    }

    for (const text of HARMLESS_ROWS) {
        it(`leaves "${text}" alone`, () => {
            const finding = inspect(text);
            assert.deepStrictEqual(finding.kinds, [], `masked as ${finding.kinds.join(', ')}: "${finding.redacted}"`);
            assert.strictEqual(finding.redacted, text);
        });
    }
});

/** Milliseconds one inspection of `text` takes. */
function timed(text: string): { ms: number; redacted: string } {
    const started = process.hrtime.bigint();
    const { redacted } = inspect(text);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, redacted };
}

describe('privacy guard: hostile input', () => {
    const big = 150_000;
    const bombs: [string, string][] = [
        ['"pin" and 150 KB of spaces', `pin${' '.repeat(big)}`],
        ['"pin" and 150 KB of spaces, then a letter', `pin${' '.repeat(big)}x`],
        ['a password keyword repeated', 'şifre '.repeat(big / 6)],
        ['"şifre:" repeated without spaces', 'şifre:'.repeat(big / 6)],
        ['code keywords and short numbers alternating', 'kod 12 '.repeat(big / 7)],
        ['150 KB of digits', '1'.repeat(big)],
        ['digits in groups of one', '1 '.repeat(big / 2)],
        ['digits joined by dots and dashes', '1.2-3 '.repeat(big / 6)],
        ['letters glued to digits', 'TR1a2b3c'.repeat(big / 8)],
        ['"TR" and spaces', `TR${' '.repeat(big)}33`],
        ['one endless word', 'a'.repeat(big)],
        ['astral characters', '😀'.repeat(big / 2)],
        ['apostrophes and digits', "1'".repeat(big / 2)],
    ];
    for (const [name, text] of bombs) {
        it(`stays fast on ${name}`, () => {
            timed(text); // first run warms the JIT
            const { ms, redacted } = timed(text);
            assert.ok(ms < 250, `took ${ms.toFixed(1)} ms`);
            assert.ok(redacted.length <= PRIVACY_EXAMINED_CHARS + REDACTION_MARK.length + 1, `kept ${redacted.length} characters`);
        });
    }

    it('the time grows with the examined text, not with the message: 10 KB and 1 MB cost the same', () => {
        const small = `pin${' '.repeat(10_000)}`;
        const huge = `pin${' '.repeat(1_000_000)}`;
        timed(small);
        timed(huge);
        assert.ok(timed(huge).ms < 250);
    });

    it('cuts a long text after the examined part, where a word ends, and masks what it examined', () => {
        const filler = 'kelime '.repeat(Math.ceil(PRIVACY_EXAMINED_CHARS / 7));
        const finding = inspect(`TC 10000000146 ${filler} şifrem: Gizli123 ve 10000000146`);
        assert.ok(!finding.redacted.includes('10000000146'));
        assert.ok(!finding.redacted.includes('Gizli123'));
        assert.ok(finding.redacted.endsWith(` ${REDACTION_MARK}`));
        assert.ok(finding.redacted.length <= PRIVACY_EXAMINED_CHARS + REDACTION_MARK.length + 1);
        // A number straddling the cut is dropped whole, not left half visible.
        const straddling = inspect(`${'a '.repeat((PRIVACY_EXAMINED_CHARS - 5) / 2)}10000000146 sonra`);
        assert.ok(!straddling.redacted.includes('10000'), straddling.redacted.slice(-40));
    });

    it('a text under the limit comes back exactly as written when nothing is secret', () => {
        const text = 'Merhaba '.repeat(400);
        assert.strictEqual(inspect(text).redacted, text);
    });
});

describe('privacy guard: crafted text costs what a normal message does (security review 2, N3)', () => {
    const length = PRIVACY_EXAMINED_CHARS;
    const normal = 'Merhaba, e-imza başvurumu yaptım ama kargo gelmedi, ne yapmalıyım? Telefon 0212 523 22 88. '.repeat(50).slice(0, length);
    const crafted: [string, string][] = [
        ['a run of dots after a password keyword', `şifre ${'.'.repeat(length - 8)}a`],
        ['a run of dots before a password keyword', `${'.'.repeat(length - 12)}a şifremle`],
        ['"PIN numaram" repeated', 'PIN numaram '.repeat(length / 12)],
        ['digits between invisible characters', '1\u200b'.repeat(length / 2)],
        ['full-width digits', '１'.repeat(length)],
        ['Arabic-Indic digits in groups', '١٢٣ '.repeat(length / 4)],
        ['digits joined by " - "', '1 - '.repeat(length / 4)],
        ['"şifrem" and a word, repeated', 'şifrem kediler '.repeat(length / 15)],
    ];
    for (const [name, text] of crafted) {
        it(`${name}: grows with its length, not faster, and stays within a few times a normal message`, () => {
            // Linear work takes 4 times as long for 4 times the text (a backtracking pattern 16 times);
            // the margins leave room for a busy machine, not for another order of growth.
            const [cost, quarterCost] = costs(
                () => inspect(text),
                () => inspect(text.slice(0, length / 4)),
            );
            assert.ok(cost <= 8 * quarterCost, `${cost.toFixed(2)} ms for the whole text against ${quarterCost.toFixed(2)} ms for its first quarter`);
            const [sameCost, normalCost] = costs(
                () => inspect(text),
                () => inspect(normal),
            );
            assert.ok(sameCost <= 6 * normalCost, `${sameCost.toFixed(2)} ms against ${normalCost.toFixed(2)} ms for a normal message`);
        });
    }
});

import * as assert from 'assert';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { localePrivacyInspector, REDACTION_MARK, type SensitiveKind } from '../../core/privacyGuard';
import { TestChat, translator } from '../support/testBot';
import { play } from '../support/conversationTable';

/** A MemoryStorage that keeps the JSON of every write: all the bot ever stored, not only what is left. */
class RecordedStorage extends MemoryStorage {
    readonly written: string[] = [];

    override write(changes: StoreItems): Promise<void> {
        this.written.push(JSON.stringify(changes));
        return super.write(changes);
    }
}

const NATIONAL_ID = '10000000146'; // a checksum-valid example number, not a person's
const CARD = '4111 1111 1111 1111';

const cases: { text: string; kinds: SensitiveKind[]; secret?: string }[] = [
    { text: `TC kimlik numaram ${NATIONAL_ID}`, kinds: ['nationalId'], secret: NATIONAL_ID },
    { text: NATIONAL_ID, kinds: ['nationalId'], secret: NATIONAL_ID },
    { text: '482913', kinds: ['smsCode'], secret: '482913' },
    { text: 'SMS kodu 4829 geldi', kinds: ['smsCode'], secret: '4829' },
    { text: 'my code is 739215', kinds: ['smsCode'], secret: '739215' },
    { text: `kartım ${CARD}`, kinds: ['cardNumber'], secret: '1111 1111' },
    { text: 'IBAN TR33 0006 1005 1978 6457 8413 26', kinds: ['iban'], secret: '6457' },
    { text: 'şifrem: Gizli123', kinds: ['password'], secret: 'Gizli123' },
    { text: 'my password is hunter2', kinds: ['password'], secret: 'hunter2' },
    { text: 'şifremi unuttum', kinds: [] },
    { text: 'Adım 5 tamam', kinds: [] },
    { text: 'telefonum 0531 393 24 65', kinds: [] },
];

const inspectText = localePrivacyInspector(translator);

describe('privacy guard', () => {
    for (const { text, kinds, secret } of cases) {
        it(`"${text}" → ${kinds.join(', ') || 'nothing to hide'}`, () => {
            const finding = inspectText(text);
            assert.deepStrictEqual(finding.kinds, kinds);
            if (secret) {
                assert.ok(!finding.redacted.includes(secret), `still visible in "${finding.redacted}"`);
                assert.ok(finding.redacted.includes(REDACTION_MARK));
            } else {
                assert.strictEqual(finding.redacted, text);
            }
        });
    }

    it('warns kindly, never repeats the secret, keeps it out of state, and the step goes on', async () => {
        const storage = new RecordedStorage();
        const chat = new TestChat({ storage });
        await play(chat, [
            { open: true },
            { click: 'Yeni e-imza başvurusu' },
            { say: `kimlik no ${NATIONAL_ID}`, sees: ['Kimlik numaranızı bana yazmanıza gerek yok'], doesNotSee: [NATIONAL_ID, 'Bunu anlayamadım'] },
            { say: '528341', sees: ['SMS onay kodu', 'kimsenin ona ihtiyacı yok'], doesNotSee: ['528341'] },
            { click: 'Evet, gönderdim', sees: ['Adım 2 / 18'] },
        ]);
        const everything = storage.written.join('\n');
        assert.ok(storage.written.length > 0, 'nothing was stored');
        assert.ok(!everything.includes(NATIONAL_ID) && !everything.includes('528341'), 'a secret reached the store');
    });

    it('warns in English for an English user', async () => {
        await play(new TestChat({ locale: 'en-GB' }), [{ open: true }, { say: `card ${CARD}`, sees: ["Please don't type your card number"], doesNotSee: [CARD] }]);
    });
});

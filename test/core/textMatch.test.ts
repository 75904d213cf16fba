import * as assert from 'assert';
import { foldText, sameText } from '../../core/textMatch';
import { languageFromLocale } from '../../core/language';

describe('Turkish-aware matching', () => {
    const equal: [string, string][] = [
        ['İPTAL', 'iptal'],
        ['Iptal', 'iptal'],
        ['IPTAL', 'iptal'],
        ['yardim', 'yardım'],
        ['YARDIM', 'yardım'],
        ['Kütüphane', 'kutuphane'],
        ['  Ana   Menü! ', 'ana menu'],
        ['ÇALINTI', 'çalıntı'],
        ['Hayır.', 'hayir'],
    ];
    for (const [a, b] of equal) it(`"${a}" matches "${b}"`, () => assert.ok(sameText(a, b), `${foldText(a)} ≠ ${foldText(b)}`));
    it('different words stay different', () => assert.ok(!sameText('evet', 'hayır')));

    const locales: [string | undefined, string][] = [
        ['en-US', 'en'],
        ['en', 'en'],
        ['EN-gb', 'en'],
        ['tr-TR', 'tr'],
        ['de-DE', 'tr'],
        [undefined, 'tr'],
    ];
    for (const [locale, language] of locales) it(`locale ${locale} → ${language}`, () => assert.strictEqual(languageFromLocale(locale), language));
});

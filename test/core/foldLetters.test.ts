import * as assert from 'assert';
import { foldLetters } from '../../core/textMatch';

/** `foldLetters` as it was: ICU's Turkish lower case for every text. */
const turkishFold = (text: string) =>
    text
        .toLocaleLowerCase('tr-TR')
        .replace(/\u0131/g, 'i')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '');

// Speed: the default lower case stands in for ICU's Turkish one when the text has none of I, İ, U+0307.
describe('foldLetters: the fast lower case folds exactly as the Turkish one', () => {
    it('every character of the Basic Multilingual Plane, alone and next to I, İ, a dot above and a final sigma', () => {
        const differences: string[] = [];
        for (let code = 0; code <= 0xffff; code++) {
            if (code >= 0xd800 && code <= 0xdfff) continue;
            const char = String.fromCharCode(code);
            for (const text of [char, `I${char}`, `${char}İ`, `I\u0307${char}`, `Σ${char}Σ `]) {
                if (foldLetters(text) !== turkishFold(text)) differences.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
            }
        }
        assert.deepStrictEqual(differences.slice(0, 10), []);
    });

    it('Turkish words in every case', () => {
        for (const text of ['ISPARTA', 'İSTANBUL', 'Iğdır', 'ıspanak', 'KIŞ', 'Şifre', 'TC KİMLİK NO', 'I\u0307', 'ÇAĞRI', 'sms kodu gelmedi']) {
            assert.strictEqual(foldLetters(text), turkishFold(text), text);
        }
    });
});

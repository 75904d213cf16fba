import * as assert from 'assert';
import { createTranslator } from '../../core/i18n';
import { createSpeaker } from '../../core/speaker';
import { TranslationMissingError } from '../../core/errors';

// For speed, rendered sentences are kept per translator and base values. Nothing about that may show.
describe('speaker: rendered sentences are remembered without changing what users read', () => {
    const translator = createTranslator();
    const base = { institutionName: 'Bezmialem Vakıf Üniversitesi', libraryEmail: 'kutuphane@example.edu.tr' };

    it('says exactly what the translator says, the first time and every time after', () => {
        const speaker = createSpeaker(translator, 'tr', base);
        for (let round = 0; round < 3; round++) {
            assert.strictEqual(speaker.say('menu.title'), translator.t('tr', 'menu.title', base));
            assert.strictEqual(speaker.say('stepHeader.progress', { number: 3, total: 17 }), translator.t('tr', 'stepHeader.progress', { ...base, number: 3, total: 17 }));
            assert.deepStrictEqual(speaker.sayList('menu.welcome'), translator.list('tr', 'menu.welcome', base));
        }
        assert.strictEqual(speaker.say('stepHeader.progress', { number: 4, total: 17 }), translator.t('tr', 'stepHeader.progress', { ...base, number: 4, total: 17 }), 'other numbers, other text');
    });

    it('keeps languages, base values and contexts apart', () => {
        const other = { ...base, institutionName: 'Başka Üniversite' };
        assert.match(createSpeaker(translator, 'tr', base).sayList('menu.welcome')[0], /Bezmialem/);
        assert.match(createSpeaker(translator, 'tr', other).sayList('menu.welcome')[0], /Başka Üniversite/);
        assert.notDeepStrictEqual(createSpeaker(translator, 'en', base).sayList('menu.welcome'), createSpeaker(translator, 'tr', base).sayList('menu.welcome'));
        const speaker = createSpeaker(translator, 'tr', base);
        assert.deepStrictEqual(speaker.sayList('menu.welcome', { context: 'named', name: 'Ayşe' }), translator.list('tr', 'menu.welcome', { ...base, context: 'named', name: 'Ayşe' }));
        assert.match(speaker.sayList('menu.welcome', { context: 'named', name: 'Mehmet' })[0], /Mehmet/, 'a name is rendered for its own turn');
    });

    it('a list a caller changes does not change what the next caller gets', () => {
        const speaker = createSpeaker(translator, 'tr', base);
        const first = speaker.sayList('menu.welcome');
        const pristine = [...first];
        first.push('changed');
        first[0] = 'changed';
        assert.deepStrictEqual(speaker.sayList('menu.welcome'), pristine);
    });

    it('a missing key still fails every time', () => {
        const speaker = createSpeaker(translator, 'tr', base);
        for (let round = 0; round < 2; round++) assert.throws(() => speaker.say('menu.noSuchKey'), TranslationMissingError);
        assert.strictEqual(speaker.has('menu.noSuchKey'), false);
        assert.strictEqual(speaker.has('menu.title'), true);
        assert.deepStrictEqual(translator.allLanguages('menu.title'), [translator.t('tr', 'menu.title'), translator.t('en', 'menu.title')]);
    });
});

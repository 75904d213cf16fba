import type { Translator, TranslationValues } from './i18n';
import type { Language } from './language';

/** Text in the turn's language; card builders receive it so they never hold a sentence themselves. */
export interface Speaker {
    say(key: string, values?: TranslationValues): string;
    sayList<T = string>(key: string, values?: TranslationValues): T[];
    has(key: string): boolean;
}

/** A speaker for one language; `baseValues` (the institution's facts) are available to every sentence. */
export function createSpeaker(translator: Translator, language: Language, baseValues: TranslationValues): Speaker {
    const withBase = (values?: TranslationValues) => ({ ...baseValues, ...values });
    return {
        say: (key, values) => translator.t(language, key, withBase(values)),
        sayList: <T = string>(key: string, values?: TranslationValues) => translator.list<T>(language, key, withBase(values)),
        has: (key) => translator.has(language, key),
    };
}

import type { TranslationValues } from '../bot/i18n';

/** Text in the turn's language; card builders receive it so they never hold a sentence themselves. */
export interface Speaker {
    say(key: string, values?: TranslationValues): string;
    sayList<T = string>(key: string, values?: TranslationValues): T[];
    has(key: string): boolean;
}

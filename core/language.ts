export const LANGUAGES = ['tr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'tr';
/** The locale each language is written in: Web Chat's `locale`, and the `locale` of the bot's replies. */
export const LOCALE_OF: Readonly<Record<Language, string>> = { tr: 'tr-TR', en: 'en-US' };

/** Turkish unless the client clearly asks for English (`en`, `en-US`, …). */
export function languageFromLocale(locale: string | undefined): Language {
    return locale && /^en\b/i.test(locale.trim()) ? 'en' : DEFAULT_LANGUAGE;
}

export function isLanguage(value: unknown): value is Language {
    return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language a "switch language" without a target means. */
export function otherLanguage(language: Language): Language {
    return language === 'tr' ? 'en' : 'tr';
}

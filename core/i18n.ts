import * as fs from 'fs';
import * as path from 'path';
import i18next, { type i18n as I18nInstance } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './language';
import { fromRoot } from './projectPaths';
import { TranslationMissingError } from './errors';

export type TranslationValues = Record<string, unknown>;

/** Renders text by key; every sentence a user reads comes through here. */
export interface Translator {
    t(language: Language, key: string, values?: TranslationValues): string;
    list<T = string>(language: Language, key: string, values?: TranslationValues): T[];
    has(language: Language, key: string): boolean;
    /** Every translation of a key, for matching what users type in either language. */
    allLanguages(key: string): string[];
}

/** Reads `locales/<lang>/<file>.json`; each file's content sits under its file name (`menu.json` → `menu.*`). */
export function readLocaleResources(localesDir = fromRoot('locales')): Record<Language, Record<string, unknown>> {
    const resources = {} as Record<Language, Record<string, unknown>>;
    for (const language of LANGUAGES) {
        const dir = path.join(localesDir, language);
        const bundle: Record<string, unknown> = {};
        for (const file of fs
            .readdirSync(dir)
            .filter((name) => name.endsWith('.json'))
            .sort()) {
            bundle[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
        }
        resources[language] = bundle;
    }
    return resources;
}

const MAX_CACHED_KEYS = 10_000;

export function createTranslator(localesDir?: string): Translator {
    const resources = readLocaleResources(localesDir);
    const instance: I18nInstance = i18next.createInstance();
    void instance.init({
        initAsync: false,
        resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: resources[language] }])),
        lng: DEFAULT_LANGUAGE,
        fallbackLng: DEFAULT_LANGUAGE,
        supportedLngs: [...LANGUAGES],
        interpolation: { escapeValue: false },
        returnNull: false,
    });
    // The resources never change after init: whether a key exists, and every language's words for
    // a key, are looked up once (a turn asks the same keys many times, e.g. every command's words).
    const known = new Map<string, boolean>();
    const exists = (language: Language, key: string): boolean => {
        const id = `${language}\u0000${key}`;
        let found = known.get(id);
        if (found === undefined) {
            // Keys come from the code, so this stays small; the bound only guards against a key built from input.
            if (known.size >= MAX_CACHED_KEYS) known.clear();
            known.set(id, (found = instance.exists(key, { lng: language })));
        }
        return found;
    };
    const everyLanguage = new Map<string, readonly string[]>();
    const ensure = (language: Language, key: string) => {
        if (!exists(language, key)) throw new TranslationMissingError(`Missing translation "${key}" for "${language}"`);
    };
    return {
        t(language, key, values) {
            ensure(language, key);
            return instance.t(key, { lng: language, ...values });
        },
        list<T>(language: Language, key: string, values?: TranslationValues): T[] {
            ensure(language, key);
            const value = instance.t(key, { lng: language, returnObjects: true, ...values }) as unknown;
            if (!Array.isArray(value)) throw new TranslationMissingError(`Translation "${key}" is not a list`);
            return value as T[];
        },
        has: exists,
        allLanguages: (key) => {
            let texts = everyLanguage.get(key);
            if (!texts) {
                texts = LANGUAGES.flatMap((language) => {
                    if (!exists(language, key)) return [];
                    const value = instance.t(key, { lng: language, returnObjects: true }) as unknown;
                    return Array.isArray(value) ? (value as string[]) : [String(value)];
                });
                if (everyLanguage.size >= MAX_CACHED_KEYS) everyLanguage.clear();
                everyLanguage.set(key, texts);
            }
            return [...texts];
        },
    };
}

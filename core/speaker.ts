import type { Translator, TranslationValues } from './i18n';
import type { Language } from './language';

/** Text in the turn's language; card builders receive it so they never hold a sentence themselves. */
export interface Speaker {
    say(key: string, values?: TranslationValues): string;
    sayList<T = string>(key: string, values?: TranslationValues): T[];
    has(key: string): boolean;
}

/**
 * Rendered sentences, per translator and per set of base values: the locales and the institution's
 * facts do not change while the bot runs, and a turn renders the same sentences again and again
 * (every button title, every step header). Only renderings whose own values are numbers, booleans
 * or an i18next `context` are kept, so nobody's words (names, e-mail addresses, questions) stay in
 * memory; the bound keeps it small whatever the keys.
 */
interface Rendered {
    language: Language;
    /** A copy of the base values these renderings were made with. */
    baseValues: TranslationValues;
    texts: Map<string, unknown>;
}

const rendered = new WeakMap<Translator, Rendered[]>();
const MAX_RENDERED = 5_000;
const MAX_BASES = 20;
const isPlain = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function sameBase(kept: TranslationValues, values: TranslationValues): boolean {
    const names = Object.keys(values);
    return names.length === Object.keys(kept).length && names.every((name) => Object.hasOwn(kept, name) && kept[name] === values[name]);
}

/** The renderings of one translator, language and set of base values; undefined when the base values are not plain facts. */
function cacheFor(translator: Translator, language: Language, baseValues: TranslationValues): Map<string, unknown> | undefined {
    if (!Object.values(baseValues).every(isPlain)) return undefined;
    let all = rendered.get(translator);
    if (!all) rendered.set(translator, (all = []));
    const found = all.find((entry) => entry.language === language && sameBase(entry.baseValues, baseValues));
    if (found) return found.texts;
    if (all.length >= MAX_BASES) all.length = 0;
    const created: Rendered = { language, baseValues: { ...baseValues }, texts: new Map() };
    all.push(created);
    return created.texts;
}

/** The cache key of a call's own values, or undefined when they must not be kept. */
function valuesKey(values: TranslationValues | undefined): string | undefined {
    if (!values) return '';
    let key = '';
    for (const name of Object.keys(values)) {
        const value = values[name];
        const type = typeof value;
        if (value === undefined || type === 'number' || type === 'boolean' || (name === 'context' && type === 'string')) {
            key += `\u0001${name}\u0002${type}\u0002${String(value)}`;
        } else {
            return undefined;
        }
    }
    return key;
}

/** A copy of a rendered list, so a caller that changes what it got cannot change the cache. */
function copyOf<T>(value: T): T {
    if (Array.isArray(value)) return value.map(copyOf) as T;
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, copyOf(item)])) as T;
    }
    return value;
}

/** A speaker for one language; `baseValues` (the institution's facts) are available to every sentence. */
export function createSpeaker(translator: Translator, language: Language, baseValues: TranslationValues): Speaker {
    const withBase = (values?: TranslationValues) => ({ ...baseValues, ...values });
    const cache = cacheFor(translator, language, baseValues);
    const remembered = <T>(kind: string, key: string, values: TranslationValues | undefined, render: () => T): T => {
        const own = cache && valuesKey(values);
        if (!cache || own === undefined) return render();
        const id = `${kind}\u0000${key}\u0000${own}`;
        if (cache.has(id)) return cache.get(id) as T;
        const value = render();
        if (cache.size >= MAX_RENDERED) cache.clear();
        cache.set(id, value);
        return value;
    };
    return {
        say: (key, values) => remembered('say', key, values, () => translator.t(language, key, withBase(values))),
        sayList: <T = string>(key: string, values?: TranslationValues) => copyOf(remembered('list', key, values, () => translator.list<T>(language, key, withBase(values)))),
        has: (key) => translator.has(language, key),
    };
}

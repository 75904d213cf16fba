import { LANGUAGES, type Language } from '../../core/language';
import { readLocaleResources } from '../../core/i18n';
import { languageSpeaker } from '../../institution/profileSpeaker';
import type { ApplicationKind, ReplacementReason } from '../../flow/flowSteps';
import { profile, translator } from '../support/testBot';

/** A fact of the user's situation that a sentence can state: whether they hold a working e-signature, how they approved, which application. */
export type Fact = { name: 'signatureValid'; value: boolean } | { name: 'approval'; value: 'esign' | 'wet' } | { name: 'kind'; value: ApplicationKind } | { name: 'replacement'; value: ReplacementReason };

/** One sentence that states a fact, by the locale key (and variant) it comes from. */
export interface Claim {
    key: string;
    context?: string;
    /** For a list: which paragraph states it. */
    index?: number;
    fact: Fact;
    /** The sentence as rendered, in each language. */
    texts: Record<Language, string>;
}

interface ClaimSource {
    key: string;
    context?: string;
    index?: number;
    fact: Fact;
}

/**
 * Every sentence that states the user's situation, by locale key and variant. These are the texts
 * of the login and approval steps, the result steps, the completion card and production timing:
 * each may be shown only once the user has given what it states.
 */
const SOURCES: ClaimSource[] = [
    { key: 'steps.login.title', context: 'esign', fact: { name: 'signatureValid', value: true } },
    { key: 'steps.login.body', context: 'esign', index: 1, fact: { name: 'signatureValid', value: true } },
    { key: 'steps.login.title', context: 'edevlet', fact: { name: 'signatureValid', value: false } },
    { key: 'steps.login.body', context: 'edevlet', index: 1, fact: { name: 'signatureValid', value: false } },
    { key: 'steps.approval.body', context: 'esign', index: 1, fact: { name: 'signatureValid', value: true } },
    { key: 'steps.approval.body', context: 'wet', index: 1, fact: { name: 'signatureValid', value: false } },
    { key: 'steps.approvalEsign.title', fact: { name: 'approval', value: 'esign' } },
    { key: 'steps.approvalEsign.body', index: 0, fact: { name: 'approval', value: 'esign' } },
    { key: 'completion.body', context: 'esign', index: 0, fact: { name: 'approval', value: 'esign' } },
    { key: 'steps.approvalWet.title', fact: { name: 'approval', value: 'wet' } },
    { key: 'steps.approvalWet.body', index: 0, fact: { name: 'approval', value: 'wet' } },
    { key: 'completion.body', context: 'wet', index: 0, fact: { name: 'approval', value: 'wet' } },
    { key: 'completion.production.first', fact: { name: 'kind', value: 'first' } },
    { key: 'completion.production.renewal', fact: { name: 'kind', value: 'renewal' } },
    { key: 'steps.signatureValid.title', fact: { name: 'kind', value: 'renewal' } },
    { key: 'steps.signatureValid.body', index: 2, fact: { name: 'kind', value: 'renewal' } },
    { key: 'steps.replacementFacts.title', fact: { name: 'kind', value: 'lost' } },
    { key: 'completion.production.lost', fact: { name: 'replacement', value: 'lost' } },
    { key: 'completion.production.stolen', fact: { name: 'replacement', value: 'stolen' } },
    { key: 'completion.production.damaged', fact: { name: 'replacement', value: 'damaged' } },
    { key: 'steps.replacementFacts.title', context: 'lost', fact: { name: 'replacement', value: 'lost' } },
    { key: 'steps.replacementFacts.title', context: 'stolen', fact: { name: 'replacement', value: 'stolen' } },
    { key: 'steps.replacementFacts.title', context: 'damaged', fact: { name: 'replacement', value: 'damaged' } },
    { key: 'steps.signatureValid.title', context: 'damaged', fact: { name: 'replacement', value: 'damaged' } },
];

function render(language: Language, source: ClaimSource): string {
    const speaker = languageSpeaker(translator, profile, language);
    const values = { context: source.context };
    return source.index === undefined ? speaker.say(source.key, values) : speaker.sayList(source.key, values)[source.index];
}

/** The raw template of a claim's sentence (before placeholders are filled), to find it among all the locale texts. */
function template(language: Language, source: ClaimSource, resources: Record<Language, Record<string, unknown>>): string {
    const variantKey = source.context ? `${source.key}_${source.context}` : source.key;
    const path = variantKey.split('.');
    let node: unknown = resources[language];
    for (const part of path) node = (node as Record<string, unknown>)[part];
    return String(source.index === undefined ? node : (node as unknown[])[source.index]);
}

function leaves(node: unknown, out: string[] = []): string[] {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach((item) => leaves(item, out));
    else if (node && typeof node === 'object') Object.values(node).forEach((item) => leaves(item, out));
    return out;
}

const sameFact = (a: Fact, b: Fact) => a.name === b.name && a.value === b.value;

/**
 * The claims, each checked to be told apart by its words: a claim's sentence may appear in no other
 * locale text but one stating the same fact, or reading the bot's words for it would be guesswork.
 */
export function situationClaims(): Claim[] {
    const resources = readLocaleResources();
    const claims = SOURCES.map((source): Claim => ({ ...source, texts: Object.fromEntries(LANGUAGES.map((language) => [language, render(language, source)])) as Record<Language, string> }));
    for (const language of LANGUAGES) {
        const all = leaves(resources[language]);
        for (const source of SOURCES) {
            const own = template(language, source, resources);
            const sharers = all.filter((text) => text.includes(own));
            const others = sharers.filter((text) => !SOURCES.some((other) => sameFact(other.fact, source.fact) && template(language, other, resources) === text));
            if (others.length > 0) throw new Error(`the claim "${source.key}${source.context ? `_${source.context}` : ''}" (${language}) is not told apart by its words: also in "${others[0].slice(0, 80)}"`);
        }
    }
    return claims;
}

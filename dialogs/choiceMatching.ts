import type { Translator, TranslationValues } from '../core/i18n';
import type { Speaker } from '../core/speaker';
import type { Language } from '../core/language';
import { COMMANDS, type Choice, type CommandName, type UserSubmit } from '../cards/payloads';
import { foldText } from '../core/textMatch';

export interface Command {
    name: CommandName;
    /** For `language`: the language asked for; absent means "the other one". */
    language?: Language;
    /** For `ticket`: the question the user typed, to be sent without asking again. */
    question?: string;
    /** For `ticket`: the id the question was kept under for the library, when it was. */
    asked?: string;
}

/** What a typed word can pick: a button's id, its title, and the locale keys whose words also pick it. */
export type MatchableChoice = Pick<Choice, 'id' | 'title' | 'matchKeys'>;

// Each key's words in every language, folded once per translator: the locales do not change while it lives.
const foldedWords = new WeakMap<Translator, Map<string, ReadonlySet<string>>>();

function foldedWordsOf(translator: Translator, key: string): ReadonlySet<string> {
    let byKey = foldedWords.get(translator);
    if (!byKey) foldedWords.set(translator, (byKey = new Map<string, ReadonlySet<string>>()));
    let words = byKey.get(key);
    if (!words) {
        // Keys come from the code; the bound only guards against one built from input.
        if (byKey.size >= 10_000) byKey.clear();
        byKey.set(key, (words = new Set(translator.allLanguages(key).map(foldText))));
    }
    return words;
}

function saysAnyOf(translator: Translator, folded: string, keys: string[]): boolean {
    return folded !== '' && keys.some((key) => foldedWordsOf(translator, key).has(folded));
}

/** The button whose title (any case, with or without Turkish letters) or number the user typed. */
export function typedChoiceOf<T extends MatchableChoice>(text: string, choices: T[], translator: Translator): T | undefined {
    const folded = foldText(text);
    if (folded === '') return undefined;
    const byNumber = /^\d{1,2}$/.test(folded) ? choices[Number(folded) - 1] : undefined;
    if (byNumber) return byNumber;
    return choices.find((choice) => foldText(choice.title) === folded || saysAnyOf(translator, folded, choice.matchKeys));
}

/** A command button: help, cancel, menu, back, language, talk to the library, … */
export function clickedCommandOf(submit: UserSubmit): Command | undefined {
    return submit.command ? { name: submit.command, language: submit.language, question: submit.question, asked: submit.asked } : undefined;
}

/** A command typed in either language: "yardım", "geri", "menü", "English", … */
export function typedCommandOf(text: string, translator: Translator): Command | undefined {
    const folded = foldText(text);
    if (saysAnyOf(translator, folded, ['commands.english'])) return { name: 'language', language: 'en' };
    if (saysAnyOf(translator, folded, ['commands.turkish'])) return { name: 'language', language: 'tr' };
    const name = COMMANDS.find((command) => saysAnyOf(translator, folded, [`commands.${command}`]));
    return name ? { name } : undefined;
}

/** A button titled by a locale key: the key's words in every language, and the id's synonyms, also pick it. */
export function keyedChoice(speaker: Speaker, id: string, titleKey: string, values?: TranslationValues): Choice {
    return { id, title: speaker.say(titleKey, values), matchKeys: [titleKey, `synonyms.${id}`] };
}

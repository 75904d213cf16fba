import type { TurnContext } from 'botbuilder';
import type { Translator, TranslationValues } from '../core/i18n';
import type { Speaker } from '../core/speaker';
import type { Language } from '../core/language';
import { COMMANDS, userSubmitOf, type Choice, type CommandName, type UserSubmit } from '../cards/payloads';
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

function submitted(context: TurnContext): UserSubmit {
    return userSubmitOf(context.activity.value);
}

function typedText(context: TurnContext): string {
    return foldText(context.activity.text ?? '');
}

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

/** A clicked button, or its title typed in any case, with or without Turkish letters, or its number. */
export function matchChoice(context: TurnContext, choices: Choice[], translator: Translator): string | undefined {
    const clicked = submitted(context).choice;
    if (typeof clicked === 'string') return choices.find((choice) => choice.id === clicked)?.id;
    const folded = typedText(context);
    if (folded === '') return undefined;
    const byNumber = /^\d{1,2}$/.test(folded) ? choices[Number(folded) - 1] : undefined;
    if (byNumber) return byNumber.id;
    return choices.find((choice) => foldText(choice.title) === folded || saysAnyOf(translator, folded, choice.matchKeys))?.id;
}

/** help, cancel, menu, back, language, talk to the library: clicked or typed in either language. */
export function recognizeCommand(context: TurnContext, translator: Translator): Command | undefined {
    const value = submitted(context);
    if (value.command) return { name: value.command, language: value.language, question: value.question, asked: value.asked };
    if (typeof value.choice === 'string') return undefined;
    const folded = typedText(context);
    if (saysAnyOf(translator, folded, ['commands.english'])) return { name: 'language', language: 'en' };
    if (saysAnyOf(translator, folded, ['commands.turkish'])) return { name: 'language', language: 'tr' };
    const name = COMMANDS.find((command) => saysAnyOf(translator, folded, [`commands.${command}`]));
    return name ? { name } : undefined;
}

/** A button titled by a locale key: the key's words in every language, and the id's synonyms, also pick it. */
export function keyedChoice(speaker: Speaker, id: string, titleKey: string, values?: TranslationValues): Choice {
    return { id, title: speaker.say(titleKey, values), matchKeys: [titleKey, `synonyms.${id}`] };
}

import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import type { Translator } from '../core/i18n';
import type { Choice } from '../cards/payloads';
import { matchChoice } from './choiceMatching';

/** Options of a card prompt: the card to show (`prompt`) and the choices its buttons submit. */
export interface CardChoiceOptions extends PromptOptions {
    validations: { choices: Choice[] };
}

/**
 * Asks with an Adaptive Card and accepts a click or the typed title of a button (any case,
 * with or without Turkish letters) — botbuilder's ChoicePrompt knows no Turkish.
 */
export class CardChoicePrompt extends Prompt<string> {
    constructor(id: string, private readonly translator: Translator) {
        super(id);
    }

    protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
        if (isRetry && options.retryPrompt) await context.sendActivity(options.retryPrompt);
        if (options.prompt) await context.sendActivity(options.prompt);
    }

    protected onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
        const choices = (options as CardChoiceOptions).validations?.choices ?? [];
        const value = matchChoice(context, choices, this.translator);
        return Promise.resolve(value ? { succeeded: true, value } : { succeeded: false });
    }
}

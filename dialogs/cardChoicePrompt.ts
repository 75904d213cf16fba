import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import type { Choice } from '../cards/payloads';
import { awaitChoices } from './awaiting';
import type { DialogServices } from './dialogServices';
import { chosenId } from './turnInput';

/** Options of a card prompt: the card to show (`prompt`) and the (stamped) choices its buttons submit. */
export interface CardChoiceOptions extends PromptOptions {
    validations: { choices: Choice[] };
}

/**
 * Asks with an Adaptive Card and accepts a click on it or the typed title of a button (the router
 * matched the words; botbuilder's ChoicePrompt knows no Turkish). The card is a one-off: a click on
 * the same question drawn in an earlier turn is an older card's, not an answer to this one.
 */
export class CardChoicePrompt extends Prompt<string> {
    constructor(id: string, private readonly services: DialogServices) {
        super(id);
    }

    protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
        if (isRetry && options.retryPrompt) await context.sendActivity(options.retryPrompt);
        if (options.prompt) await context.sendActivity(options.prompt);
        await awaitChoices(this.services, context, (options as CardChoiceOptions).validations?.choices ?? [], { oneOff: true });
    }

    protected onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
        const choices = (options as CardChoiceOptions).validations?.choices ?? [];
        const value = choices.find((choice) => choice.id === chosenId(context))?.id;
        return Promise.resolve(value ? { succeeded: true, value } : { succeeded: false });
    }
}

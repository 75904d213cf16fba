import type { TurnContext } from 'botbuilder';
import { Prompt, type DialogTurnResult, type PromptOptions, type PromptRecognizerResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceActions } from '../cards/commonActions';
import { renderGuideCard, type GuideCardContent } from '../cards/guideCard';
import type { Choice } from '../cards/payloads';
import type { Speaker } from '../core/speaker';
import { awaitChoices, stamped } from './awaiting';
import { CARD_CHOICE_PROMPT } from './dialogIds';
import type { Waiting } from './dialogServices';
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
    constructor(
        id: string,
        private readonly services: Waiting,
    ) {
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

/**
 * A question of dialog `dialogId` on a card, asked with the card prompt (which the dialog adds): a
 * one-off card, whose buttons answer it only as drawn now.
 */
export function askWithCard(step: WaterfallStepContext, dialogId: string, speaker: Speaker, content: GuideCardContent, choices: Choice[]): Promise<DialogTurnResult> {
    const buttons = stamped(step.context, `prompt.${dialogId}`, choices);
    const options: CardChoiceOptions = {
        prompt: { type: 'message', attachments: [renderGuideCard({ ...content, actions: choiceActions(buttons) })] },
        retryPrompt: speaker.say('flow.chooseAnOption'),
        validations: { choices: buttons },
    };
    return step.prompt(CARD_CHOICE_PROMPT, options);
}

import type { TurnContext } from 'botbuilder';
import { TextPrompt, type PromptOptions, type PromptValidator, type PromptValidatorContext } from 'botbuilder-dialogs';
import { REDACTION_MARK } from '../core/privacyGuard';
import { awaitText } from './awaiting';
import { EMAIL_PROMPT, TEXT_PROMPT } from './dialogIds';
import type { DialogServices, Waiting } from './dialogServices';

const MAX_TEXT = 1000;

/** A text prompt that tells the router free text is awaited: what the user types is the answer, not a question. */
export class AwaitedTextPrompt extends TextPrompt {
    constructor(
        id: string,
        private readonly services: Waiting,
        validator?: PromptValidator<string>,
    ) {
        super(id, validator);
    }

    protected async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
        await super.onPrompt(context, state, options, isRetry);
        await awaitText(this.services, context);
    }
}

/** Something to pass on: not empty, not only a masked secret, not a novel. */
function isUsefulText(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = prompt.recognized.value?.trim() ?? '';
    return Promise.resolve(prompt.recognized.succeeded && text.length > 0 && text.length <= MAX_TEXT && text.split(REDACTION_MARK).join('').trim().length > 0);
}

export function freeTextPrompt(services: Waiting): TextPrompt {
    return new AwaitedTextPrompt(TEXT_PROMPT, services, isUsefulText);
}

/** Only an address of the institution's own domain: the library answers institutional mail. */
export function institutionalEmailPrompt(services: Waiting & Pick<DialogServices, 'profile'>): TextPrompt {
    const domain = services.profile.institutionalEmailDomain;
    const pattern = new RegExp(`^[^\\s@]+@${domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
    return new AwaitedTextPrompt(EMAIL_PROMPT, services, (prompt) => Promise.resolve(prompt.recognized.succeeded && pattern.test(prompt.recognized.value?.trim() ?? '')));
}

export function isInstitutionalEmail(email: string | undefined, domain: string): boolean {
    return !!email && email.toLowerCase().endsWith(`@${domain.toLowerCase()}`);
}

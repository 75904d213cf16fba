import { TextPrompt, type PromptValidatorContext } from 'botbuilder-dialogs';
import { REDACTION_MARK } from '../core/privacyGuard';
import { EMAIL_PROMPT, TEXT_PROMPT } from './dialogIds';

const MAX_TEXT = 1000;

/** Something to pass on: not empty, not only a masked secret, not a novel. */
function isUsefulText(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = prompt.recognized.value?.trim() ?? '';
    return Promise.resolve(prompt.recognized.succeeded && text.length > 0 && text.length <= MAX_TEXT && text.split(REDACTION_MARK).join('').trim().length > 0);
}

export function freeTextPrompt(): TextPrompt {
    return new TextPrompt(TEXT_PROMPT, isUsefulText);
}

/** Only an address of the institution's own domain: the library answers institutional mail. */
export function institutionalEmailPrompt(domain: string): TextPrompt {
    const pattern = new RegExp(`^[^\\s@]+@${domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
    return new TextPrompt(EMAIL_PROMPT, (prompt) => Promise.resolve(prompt.recognized.succeeded && pattern.test(prompt.recognized.value?.trim() ?? '')));
}

export function isInstitutionalEmail(email: string | undefined, domain: string): boolean {
    return !!email && email.toLowerCase().endsWith(`@${domain.toLowerCase()}`);
}

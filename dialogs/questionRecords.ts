import { randomUUID } from 'crypto';
import type { TurnContext } from 'botbuilder';
import type { Recognition } from '../understanding/recognizer';
import { CHOSE_LIBRARY } from '../understanding/questionLog';
import type { DialogServices } from './dialogServices';

/** The log of kept questions, the time they were asked, and where a failure to note a choice is told. */
type QuestionKeeping = Pick<DialogServices, 'questions' | 'clock' | 'logger'>;

/**
 * Every typed question the bot did not answer with confidence is kept for the library, with what
 * it offered; a later click on one of those offers (or "none of these") is noted on it. The text is
 * what the privacy middleware left of it; no user or conversation id goes with it.
 */
export async function keepUnanswered(services: QuestionKeeping, text: string, recognition: Recognition, stepId: string | undefined): Promise<string> {
    const id = randomUUID();
    await services.questions.record({
        id,
        text,
        language: recognition.language,
        ...(stepId ? { stepId } : {}),
        askedAt: services.clock.now(),
        outcome: recognition.outcome === 'unsure' ? 'unsure' : 'unknown',
        ...(recognition.outcome === 'unsure' ? { candidates: recognition.suggestions } : {}),
    });
    return id;
}

/**
 * Notes what the person chose for a question kept as unsure or unknown: an answer they clicked, or
 * the library. A failure to note it costs the library one data point, never the user their answer.
 */
export async function noteChoice(services: QuestionKeeping, context: TurnContext, asked: string | undefined, chosen: string = CHOSE_LIBRARY): Promise<void> {
    if (!asked) return;
    try {
        await services.questions.recordChoice(asked, chosen);
    } catch (error) {
        services.logger.warn('could not note the choice on a kept question', { error: (error as Error).message, channelId: context.activity.channelId });
    }
}

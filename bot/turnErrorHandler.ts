import { createHash } from 'crypto';
import type { ConversationState, TurnContext, UserState } from 'botbuilder';
import { AppError, StoreUnavailableError } from '../core/errors';
import type { Translator } from '../core/i18n';
import { isLanguage, languageFromLocale } from '../core/language';
import type { Logger } from '../core/logger';

export interface TurnErrorDependencies {
    logger: Logger;
    translator: Translator;
    conversationState: ConversationState;
    userState: UserState;
}

/** The error and what it wraps: botbuilder-dialogs' DialogContextError uses `.error`, others `cause`. */
function errorChain(error: unknown): object[] {
    const chain: object[] = [];
    let queue: unknown[] = [error];
    while (queue.length > 0 && chain.length < 12) {
        const next: unknown[] = [];
        for (const item of queue) {
            if (!item || typeof item !== 'object' || chain.includes(item)) continue;
            chain.push(item);
            const wrapped = item as { error?: unknown; cause?: unknown };
            next.push(wrapped.error, wrapped.cause);
        }
        queue = next;
    }
    return chain;
}

const codeOf = (error: object) => (error as { code?: unknown }).code;

/** A store that cannot answer now: ours (SQLite, Cosmos DB) says so with StoreUnavailableError; a raw SQLite error counts too. */
export function isStoreUnavailable(error: unknown): boolean {
    return errorChain(error).some(
        (item) =>
            item instanceof StoreUnavailableError
            || codeOf(item) === 'STORE_UNAVAILABLE'
            || (item as { name?: unknown }).name === 'SqliteError'
            || (typeof codeOf(item) === 'string' && (codeOf(item) as string).startsWith('SQLITE_')),
    );
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A call out of the bot failed (the Bot Connector, Teams, a network hiccup): trying again may work. */
export function isTransientFailure(error: unknown): boolean {
    return errorChain(error).some((item) => {
        const code = codeOf(item);
        const status = (item as { statusCode?: unknown; status?: unknown }).statusCode ?? (item as { status?: unknown }).status;
        const name = (item as { name?: unknown }).name;
        return (
            (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR_')))
            || (typeof status === 'number' && status >= 400 && !(item instanceof AppError))
            || name === 'RestError'
            || name === 'AbortError'
            || name === 'TimeoutError'
            || ['TICKET_CONTENTION', 'STAFF_CHANNEL_UNAVAILABLE', 'ETAG_CONFLICT'].includes(String(code))
        );
    });
}

/**
 * The saved dialog state itself may be what broke the turn: a dialog that no longer exists, or
 * state the code cannot read (a TypeError or RangeError while continuing it). Only then is the
 * dialog stack cleared; any other failure leaves the user where they were.
 */
export function isStateBroken(error: unknown): boolean {
    if (isTransientFailure(error)) return false;
    return errorChain(error).some(
        (item) =>
            item instanceof TypeError
            || item instanceof RangeError
            || item instanceof SyntaxError
            || (item as { name?: unknown }).name === 'ZodError'
            || codeOf(item) === 'INTERNAL'
            || /dialog (with an id of .*)?(wasn't|was not|not) found|unable to (find|continue) dialog/i.test(((item as { message?: unknown }).message as string) ?? ''),
    );
}

/**
 * Which conversation failed, for the log. A Direct Line or web chat conversation id works like a
 * password (a token names it), so only a short hash of it is logged: enough to match two lines.
 */
function conversationForLog(context: TurnContext): Record<string, string | undefined> {
    const id = context.activity.conversation?.id;
    if (context.activity.channelId === 'msteams' || !id) return { conversationId: id };
    return { conversationHash: createHash('sha256').update(id).digest('hex').slice(0, 12) };
}

/**
 * Apologises in the user's language. The user's place is kept (a failed call to Teams or the Bot
 * Connector must not lose a half-filled ticket); only when the dialog state itself is broken is
 * the dialog stack cleared, so the next message works.
 */
export function createTurnErrorHandler({ logger, translator, conversationState, userState }: TurnErrorDependencies) {
    return async (context: TurnContext, error: Error): Promise<void> => {
        const storeDown = isStoreUnavailable(error);
        const stateBroken = !storeDown && isStateBroken(error);
        logger.error(storeDown ? 'turn failed: store unavailable' : stateBroken ? 'turn failed: dialog state cleared' : 'turn failed', {
            error: error.message,
            stack: error.stack,
            activityType: context.activity.type,
            channelId: context.activity.channelId,
            ...conversationForLog(context),
        });
        try {
            if (storeDown) {
                // State cannot be read or cleared now and is not broken: leave it, ask to retry soon.
                // The user's language is known if their state was read before the store went away.
                const cached = (userState.get(context) as { language?: unknown } | undefined)?.language;
                const language = isLanguage(cached) ? cached : languageFromLocale(context.activity.locale);
                await context.sendActivity(translator.t(language, 'errors.storeUnavailable'));
                return;
            }
            if (stateBroken) {
                // The dialog stack is what broke. Flow progress lives in user state and survives,
                // so the user is offered to resume instead of starting again.
                await conversationState.delete(context);
            }
            const remembered = ((await userState.load(context)) as { language?: unknown } | undefined)?.language;
            const language = isLanguage(remembered) ? remembered : languageFromLocale(context.activity.locale);
            await context.sendActivity(translator.t(language, 'errors.turnFailed'));
        } catch (secondary) {
            logger.error('could not recover from a failed turn', { error: (secondary as Error).message });
        }
    };
}

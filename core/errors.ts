/**
 * The error catalogue: every error the application raises on purpose is declared here, with a
 * stable code and the HTTP status it maps to where one applies. Messages are for logs and
 * operators, never for users (their sentences live in locales/).
 */
export class AppError extends Error {
    constructor(
        readonly code: string,
        message: string,
        readonly status = 500,
        options?: ErrorOptions,
    ) {
        super(message, options);
        this.name = new.target.name;
    }
}

/** The environment does not describe a bot that can start safely. */
export class ConfigurationError extends AppError {
    constructor(message: string) {
        super('CONFIGURATION_INVALID', message);
    }
}

/** institution/profile.json is missing, unreadable or incomplete. */
export class InstitutionProfileError extends AppError {
    constructor(message: string) {
        super('INSTITUTION_PROFILE_INVALID', message);
    }
}

/** A sentence the code asked for is not in locales/: a bug, caught by the locale tests. */
export class TranslationMissingError extends AppError {
    constructor(message: string) {
        super('TRANSLATION_MISSING', message);
    }
}

/** A conditional write lost: someone else changed the item since it was read. */
export class ETagConflictError extends AppError {
    constructor(readonly key: string) {
        super('ETAG_CONFLICT', `Storage: error writing "${key}" due to eTag conflict.`, 412);
    }
}

/** The store cannot be reached or answered with an error; the turn can be retried later. */
export class StoreUnavailableError extends AppError {
    constructor(message: string, options?: ErrorOptions) {
        super('STORE_UNAVAILABLE', message, 503, options);
    }
}

/** A ticket changed under every retry of one action; the action can be tried again. */
export class TicketContentionError extends AppError {
    constructor(message: string) {
        super('TICKET_CONTENTION', message, 409);
    }
}

/** A ticket card cannot reach the staff channel (the bot is not installed in the staff team yet). */
export class StaffChannelUnavailableError extends AppError {
    constructor(message: string) {
        super('STAFF_CHANNEL_UNAVAILABLE', message, 503);
    }
}

/** A state the code rules out was reached, or a shipped file breaks its own format. */
export class InternalError extends AppError {
    constructor(message: string) {
        super('INTERNAL', message);
    }
}

/** Why a staff card action was refused; the code is also the locale key of the message staff see. */
export const STAFF_ACTION_REFUSALS = { forbidden: 403, badRequest: 400, unknownColleague: 400, notFound: 404 } as const;
export type StaffActionRefusal = keyof typeof STAFF_ACTION_REFUSALS;

/** Direct Line 3.0 error body: `{ error: { code, message } }`, with the HTTP status the service uses. */
export class DirectLineError extends AppError {
    toBody(): { error: { code: string; message: string } } {
        return { error: { code: this.code, message: this.message } };
    }
}

export const directLineErrors = {
    badArgument: (message: string) => new DirectLineError('BadArgument', message, 400),
    missingAuthorization: () => new DirectLineError('Unauthorized', 'Authorization: Bearer <token or secret> is required.', 401),
    tokenInvalid: () => new DirectLineError('TokenInvalid', 'The token is not valid for this conversation.', 403),
    tokenExpired: () => new DirectLineError('TokenExpired', 'The token has expired.', 403),
    conversationNotFound: () => new DirectLineError('BadArgument', 'Conversation not found.', 404),
    activityNotFound: () => new DirectLineError('BadArgument', 'Activity not found.', 404),
    botError: () => new DirectLineError('BotError', 'The bot failed to process the activity.', 502),
    rateLimited: () => new DirectLineError('TooManyRequests', 'Too many new conversations from this address; try again later.', 429),
    notLocalCaller: () => new DirectLineError('Forbidden', 'Only the bot on this host may call the connector routes.', 403),
    upstream: (status: number) => new DirectLineError('ServiceError', `Direct Line answered ${status}`, 502),
};

/** An HTTP refusal of the bot's own endpoints, answered as `{ error: code, message }`. */
class HttpError extends AppError {
    toBody(): { error: string; message: string } {
        return { error: this.code, message: this.message };
    }
}

export const httpErrors = {
    unsupportedMediaType: () => new HttpError('UNSUPPORTED_MEDIA_TYPE', 'Only application/json bodies are accepted.', 415),
    unsupportedEncoding: () => new HttpError('UNSUPPORTED_ENCODING', 'Compressed request bodies are not accepted.', 415),
    serviceUrlNotLoopback: () => new HttpError('SERVICE_URL_REFUSED', 'In local mode the bot only talks to loopback service URLs.', 403),
    unhealthy: () => new HttpError('UNAVAILABLE', 'The store does not answer.', 503),
};

/** Local mode: the bot was about to call a service URL that is not on this host. */
export class ServiceUrlRefusedError extends AppError {
    constructor() {
        super('SERVICE_URL_REFUSED', 'Local mode: outgoing calls go to loopback service URLs only.', 403);
    }
}

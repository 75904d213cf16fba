/** Direct Line 3.0 error body: `{ error: { code, message } }`, with the HTTP status the service uses. */
export class DirectLineError extends Error {
    constructor(readonly status: number, readonly code: string, message: string) {
        super(message);
    }

    toBody(): { error: { code: string; message: string } } {
        return { error: { code: this.code, message: this.message } };
    }
}

export const directLineErrors = {
    badArgument: (message: string) => new DirectLineError(400, 'BadArgument', message),
    missingAuthorization: () => new DirectLineError(401, 'Unauthorized', 'Authorization: Bearer <token or secret> is required.'),
    tokenInvalid: () => new DirectLineError(403, 'TokenInvalid', 'The token is not valid for this conversation.'),
    tokenExpired: () => new DirectLineError(403, 'TokenExpired', 'The token has expired.'),
    conversationNotFound: () => new DirectLineError(404, 'BadArgument', 'Conversation not found.'),
    activityNotFound: () => new DirectLineError(404, 'BadArgument', 'Activity not found.'),
    botError: () => new DirectLineError(502, 'BotError', 'The bot failed to process the activity.'),
    notLocalCaller: () => new DirectLineError(403, 'Forbidden', 'Only the bot on this host may call the connector routes.'),
};

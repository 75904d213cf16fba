/**
 * Which bot-state keys are personal conversation or user state (ConversationState and UserState
 * keys: `channel/conversations/id`, `channel/users/id`). Anything else, such as the staff
 * channel the bot learned, is configuration and is kept however old it is.
 */
export function isIdleStateKey(key: string): boolean {
    return /^[^/]+\/(conversations|users)\//.test(key);
}

import type { Storage } from 'botbuilder';
import type { FlowProgress } from '../../flow/progress';

/** Where a TestChat user's state is stored: botbuilder's UserState key for channel `test`. */
const userKey = (userId: string) => `test/users/${userId}/`;

/** The user's saved flow, read from the store as the next turn would read it. */
export async function progressOf(storage: Storage, userId = 'user-1'): Promise<FlowProgress | undefined> {
    const items = await storage.read([userKey(userId)]);
    return (items[userKey(userId)] as { flowProgress?: FlowProgress } | undefined)?.flowProgress;
}

/** Saves a flow for the user, as an earlier version of the bot (or an earlier chat) left it. */
export async function saveProgress(storage: Storage, progress: FlowProgress, userId = 'user-1'): Promise<void> {
    const items = await storage.read([userKey(userId)]);
    const state = (items[userKey(userId)] ?? {}) as Record<string, unknown>;
    await storage.write({ [userKey(userId)]: { ...state, flowProgress: progress, eTag: '*' } });
}

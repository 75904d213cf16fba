import { BotState, ConversationState, UserState, type Storage, type StoreItems, type TurnContext } from 'botbuilder';

/*
 * botbuilder's BotState decides whether a state changed during a turn by hashing it three times
 * a turn (on load, before the save, after the save): a cycle-safe stringify, then SHA-256. For the
 * two states of every turn that was about a tenth of the bot's own CPU (`npm run bench -- --profile`).
 * These subclasses keep botbuilder's contract — same storage keys, same turn cache (so property
 * accessors, dialogs' memory scopes and `clear`/`delete` work unchanged), a write only when the
 * state changed, eTag `*` — but compare the state's JSON as read with its JSON at the end of the
 * turn, and `saveTurnStates` writes both states of a turn in one storage call (one SQLite transaction).
 */

type StateDocument = Record<string, unknown> & { eTag?: string };

/** What botbuilder keeps in the turn cache for a loaded state: the object, and (here) its JSON as read. */
interface CachedState {
    state: StateDocument;
    hash: string;
}

/** The state as stored, without its eTag (which the store sets, and which says nothing of a change). */
function snapshotOf(state: StateDocument): string {
    if (!('eTag' in state)) return JSON.stringify(state);
    const { eTag: _eTag, ...rest } = state;
    return JSON.stringify(rest);
}

interface PendingWrite {
    storage: Storage;
    key: string;
    cached: CachedState;
    /** After the write: what was written becomes what the state is compared with. */
    settle(context: TurnContext): void;
}

/** What the two states share with the functions below: botbuilder's store, key and (private) turn-cache key. */
interface StateParts {
    storage: Storage;
    storageKey: (context: TurnContext) => Promise<string> | string;
    /** botbuilder's own (private) turn-cache key, so everything reading the cache sees these states. */
    cacheKey: symbol;
}

async function loadComparing(parts: StateParts, context: TurnContext, force: boolean): Promise<StateDocument> {
    const cached = context.turnState.get<CachedState | undefined>(parts.cacheKey);
    if (!force && cached?.state) return cached.state;
    const key = await parts.storageKey(context);
    const items = await parts.storage.read([key]);
    const state = (items[key] ?? {}) as StateDocument;
    context.turnState.set(parts.cacheKey, { state, hash: snapshotOf(state) });
    return state;
}

/** The write this turn needs, or nothing when the state is as it was read (botbuilder's rule, `force` included). */
async function pendingWriteOf(parts: StateParts, context: TurnContext, force: boolean): Promise<PendingWrite | undefined> {
    const cached = context.turnState.get<CachedState | undefined>(parts.cacheKey);
    if (!cached && !force) return undefined;
    const current = cached ?? { state: {}, hash: '' };
    const snapshot = snapshotOf(current.state);
    if (!force && snapshot === current.hash) return undefined;
    return {
        storage: parts.storage, key: await parts.storageKey(context), cached: current,
        settle: (turn) => {
            current.hash = snapshot;
            turn.turnState.set(parts.cacheKey, current);
        },
    };
}

// TypeScript's mixin pattern needs exactly this constructor type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StateClass = new (...args: any[]) => BotState;

/** botbuilder's ConversationState or UserState, with the snapshot comparison and the combined write. */
function comparingSnapshots<T extends StateClass>(Base: T) {
    return class extends Base {
        private get parts(): StateParts {
            return { storage: this.storage, storageKey: this.storageKey, cacheKey: (this as unknown as { stateKey: symbol }).stateKey };
        }

        override load(context: TurnContext, force = false): Promise<StateDocument> {
            return loadComparing(this.parts, context, force);
        }

        pendingWrite(context: TurnContext, force = false): Promise<PendingWrite | undefined> {
            return pendingWriteOf(this.parts, context, force);
        }

        override async saveChanges(context: TurnContext, force = false): Promise<void> {
            const pending = await this.pendingWrite(context, force);
            if (pending) await writeAll(context, [pending]);
        }
    };
}

export class TurnConversationState extends comparingSnapshots(ConversationState) {}
export class TurnUserState extends comparingSnapshots(UserState) {}

type TurnState = TurnConversationState | TurnUserState;

/** Writes the pending states, one storage call per store (both states share one in this bot). */
async function writeAll(context: TurnContext, pending: PendingWrite[]): Promise<void> {
    const byStorage = new Map<Storage, PendingWrite[]>();
    for (const write of pending) byStorage.set(write.storage, [...(byStorage.get(write.storage) ?? []), write]);
    for (const [storage, writes] of byStorage) {
        const changes: StoreItems = {};
        for (const write of writes) {
            // botbuilder saves turn state last-writer-wins.
            write.cached.state.eTag = '*';
            changes[write.key] = write.cached.state;
        }
        await storage.write(changes);
        for (const write of writes) write.settle(context);
    }
}

/** The end of a turn: every changed state written, in one storage call. */
export async function saveTurnStates(context: TurnContext, states: TurnState[]): Promise<void> {
    const pending: PendingWrite[] = [];
    for (const state of states) {
        const write = await state.pendingWrite(context);
        if (write) pending.push(write);
    }
    if (pending.length > 0) await writeAll(context, pending);
}

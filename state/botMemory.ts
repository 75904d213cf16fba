import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { startOfMinute } from '../core/clock';
import type { DialogState } from 'botbuilder-dialogs';
import type { Language } from '../core/language';
import type { FlowProgress } from '../flow/progress';
import type { TranscriptLine } from '../tickets/ticket';

/**
 * Everything the bot keeps about a user and about a conversation, declared in one place. It is
 * also the data inventory for KVKK: what each field holds and why. None of it holds a national
 * ID, an SMS code, a password or a card number (the privacy middleware masks them first).
 * Tickets, conversation references and Direct Line conversations are kept by their own stores.
 *
 * Renewal reminders (`renewals/renewalReminders.ts`, kept in the ticket store, table
 * `renewal_reminders` or items of type `renewalReminder`): the user's id, language, the expiry
 * MONTH and YEAR of their certificate (never the certificate or any number on it), where to reach
 * them (their Teams personal chat, and an e-mail address: Teams', or one typed in web chat and
 * confirmed by its owner; whether it is confirmed, and the random key of its links), and their
 * pending messages in the notice outbox. Deleted with its messages when the user turns it off (its
 * "turn off" button, the reminders list, or the e-mail's stop link when e-mail was its only way),
 * starts the renewal from it, after its last message is sent or given up, once the expiry month is
 * over, or when the address is not confirmed within 48 hours.
 *
 * Insights for the library (`insights/insightLog.ts`, its own store: `insights.sqlite` or
 * the `insights` container): anonymous events — step reached (kind, step, language, channel), flow
 * finished (approval method), flow left ("continue later"), answer given (answer id) — with the
 * hour they happened in (state keeps its times to the minute: the two cannot be matched). No user
 * id, conversation id, name or typed text; flow events carry a visitor hash (HMAC of the month and
 * the channel-prefixed user id under INSIGHTS_HASH_KEY, rotating monthly) only to count people. Deleted
 * after DATA_RETENTION_DAYS. Unanswered questions stay in the question log; ticket figures come
 * from the tickets' history.
 */
interface UserMemory {
    /** `tr` or `en`, only when the user chose it explicitly. */
    language: Language | undefined;
    /** Where the user is in the guided flow (kind, step, yes/no answers, steps seen), to resume it. */
    flowProgress: FlowProgress | undefined;
    /**
     * Teams only: the user's display name from their Teams member profile, read once (Teams' events
     * carry no name) and kept to greet them by name. Nothing else about the profile is kept.
     */
    displayName: string | undefined;
}

/** A card whose buttons answer what the bot waits on; a one-off card (a ticket question) only in the turn it was drawn. */
interface AwaitedCard {
    card: string;
    turn?: number;
}

/** One awaited button: its id, the card it belongs to, and its title and locale keys for typed answers. */
export interface AwaitedChoice {
    id: string;
    card: string;
    title: string;
    matchKeys: string[];
}

/** What the bot waits on: the buttons of these cards, or free text. */
export interface Awaiting {
    cards: AwaitedCard[];
    choices: AwaitedChoice[];
    text?: boolean;
}

interface ConversationMemory {
    /** botbuilder's dialog stack: which dialog and step this chat is on. */
    dialogState: DialogState;
    /** When the user last wrote (to the minute), to offer "resume" after a long gap. */
    lastSeenAt: number | undefined;
    /** Whether this chat was greeted already. */
    welcomed: boolean;
    /** The conversation id and service URL last recorded for proactive notices. */
    referenceSaved: string | undefined;
    /** The last few turns, already masked, for the transcript of a help ticket. */
    recentTurns: TranscriptLine[];
    /** How many messages the user sent in this chat; stamped on buttons to tell a current card from an older one. */
    turn: number | undefined;
    /** The card (button ids, titles, locale keys) or free text the bot waits on now; no user's words. */
    awaiting: Awaiting | undefined;
}

type Accessors<T> = { [K in keyof T]-?: StatePropertyAccessor<T[K]> };

export interface BotMemory {
    user: Accessors<UserMemory>;
    conversation: Accessors<ConversationMemory>;
}

/**
 * A field kept as `keep` turns the value, whoever writes it. Times are kept to the minute: a
 * millisecond time of the turn would match the anonymous usage event of the same turn, and tell
 * whose visitor hash it is (the events keep only the hour).
 */
function keptAs<T>(accessor: StatePropertyAccessor<T>, keep: (value: T) => T): StatePropertyAccessor<T> {
    return {
        get: (context: TurnContext, defaultValue?: T) => accessor.get(context, defaultValue as T),
        set: (context: TurnContext, value: T) => accessor.set(context, keep(value)),
        delete: (context: TurnContext) => accessor.delete(context),
    };
}

/** The accessors of every kept field; property names are the keys in the store, so they never change. */
export function createBotMemory(userState: UserState, conversationState: ConversationState): BotMemory {
    const userField = <K extends keyof UserMemory>(name: K) => userState.createProperty<UserMemory[K]>(name);
    const conversationField = <K extends keyof ConversationMemory>(name: K) => conversationState.createProperty<ConversationMemory[K]>(name);
    return {
        user: {
            language: userField('language'),
            flowProgress: keptAs(userField('flowProgress'), (progress) => progress && { ...progress, updatedAt: startOfMinute(progress.updatedAt) }),
            displayName: userField('displayName'),
        },
        conversation: {
            dialogState: conversationField('dialogState'),
            lastSeenAt: keptAs(conversationField('lastSeenAt'), (at) => (at === undefined ? at : startOfMinute(at))),
            welcomed: conversationField('welcomed'),
            referenceSaved: conversationField('referenceSaved'),
            recentTurns: conversationField('recentTurns'),
            turn: conversationField('turn'),
            awaiting: conversationField('awaiting'),
        },
    };
}

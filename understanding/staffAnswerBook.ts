import type { Clock } from '../core/clock';
import { ETagConflictError } from '../core/errors';
import { LANGUAGES, type Language } from '../core/language';
import type { Logger } from '../core/logger';
import type { PrivacyInspector } from '../core/privacyGuard';
import { languagesOf, STAFF_ANSWER_LIMITS, type StaffAnswer, type StaffAnswerAction, type StaffAnswerContent, type StaffAnswerStore } from './staffAnswers';

/** Who acts on an answer: a staff member from Teams, or an operator at `npm run answers`. */
export interface StaffActor {
    id: string;
    name: string;
}

/** What staff typed for an answer, before it is checked and masked. */
export interface StaffAnswerDraft extends StaffAnswerContent {
    /** The ticket it is taught from, if any. */
    ticketNumber?: number;
}

/** Why a draft was not saved. */
export type DraftProblem =
    /** No language has a title, a text and an example question. */
    | 'incomplete'
    /** Its examples overlap the guide's own answers, and staff did not confirm. */
    | 'overlap'
    /** Someone else changed the answer since it was opened. */
    | 'changed'
    | 'notFound';

export type SaveResult = { saved: StaffAnswer; masked: boolean } | { problem: DraftProblem; overlaps?: string[]; masked?: boolean; draft?: StaffAnswerDraft };

export interface StaffAnswerBookDependencies {
    store: StaffAnswerStore;
    clock: Clock;
    logger: Logger;
    /** Masks secrets in what staff typed, as every staff text is. */
    inspect: PrivacyInspector;
    /** The guide's answers that some of these example questions already get (the recognizer without this answer). */
    overlaps(examples: Partial<Record<Language, string[]>>): string[];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Checked {
    content: StaffAnswerContent;
    overlaps: string[];
    masked: boolean;
}

/**
 * Adding, editing, retiring and restoring the library's answers: checked (limits, at least one
 * complete language), masked like every staff text, compared with the guide's answers (an overlap
 * is saved only when staff confirm it, and kept as a conflict), and audited (who, what, when).
 */
export class StaffAnswerBook {
    constructor(private readonly deps: StaffAnswerBookDependencies) {}

    list(): Promise<StaffAnswer[]> {
        return this.deps.store.list();
    }

    get(id: string): Promise<StaffAnswer | undefined> {
        return this.deps.store.get(id);
    }

    getByNumber(number: number): Promise<StaffAnswer | undefined> {
        return this.deps.store.getByNumber(number);
    }

    /** A new answer; `confirmOverlap`: staff saw the overlap with the guide's answers and add it anyway. */
    async add(draft: StaffAnswerDraft, actor: StaffActor, confirmOverlap: boolean): Promise<SaveResult> {
        const checked = this.check(draft, confirmOverlap);
        if ('problem' in checked) return checked;
        const now = this.deps.clock.now();
        const saved = await this.deps.store.create({
            ...checked.content,
            status: 'active',
            conflicts: checked.overlaps,
            ...(draft.ticketNumber ? { ticketNumber: draft.ticketNumber } : {}),
            history: [this.event(actor, 'added', now)],
            createdAt: now,
            updatedAt: now,
        });
        this.audit(saved, actor, 'added');
        return { saved, masked: checked.masked };
    }

    /** New words for an answer opened at `eTag`; refused when someone changed it since. */
    async edit(id: string, eTag: string, draft: StaffAnswerDraft, actor: StaffActor, confirmOverlap: boolean): Promise<SaveResult> {
        const current = await this.deps.store.get(id);
        if (!current) return { problem: 'notFound' };
        if (current.eTag !== eTag) return { problem: 'changed' };
        const checked = this.check(draft, confirmOverlap);
        if ('problem' in checked) return checked;
        return this.write({ ...current, ...checked.content, conflicts: checked.overlaps }, actor, 'edited', checked.masked);
    }

    /** Retired: no longer answered, kept (and listed) for the audit; `restore` brings it back. */
    async setStatus(id: string, eTag: string, status: StaffAnswer['status'], actor: StaffActor): Promise<SaveResult> {
        const current = await this.deps.store.get(id);
        if (!current) return { problem: 'notFound' };
        if (current.eTag !== eTag) return { problem: 'changed' };
        if (current.status === status) return { saved: current, masked: false };
        return this.write({ ...current, status }, actor, status === 'retired' ? 'retired' : 'restored', false);
    }

    private async write(answer: StaffAnswer, actor: StaffActor, action: StaffAnswerAction, masked: boolean): Promise<SaveResult> {
        const now = this.deps.clock.now();
        try {
            const saved = await this.deps.store.update({ ...answer, history: [...answer.history, this.event(actor, action, now)], updatedAt: now });
            this.audit(saved, actor, action);
            return { saved, masked };
        } catch (error) {
            if (error instanceof ETagConflictError) return { problem: 'changed' };
            throw error;
        }
    }

    /** Limits, masking, completeness and the overlap with the guide, in that order. */
    private check(draft: StaffAnswerDraft, confirmOverlap: boolean): Checked | Extract<SaveResult, { problem: DraftProblem }> {
        let masked = false;
        const clean = (text: string | undefined, limit: number) => {
            if (!text?.trim()) return undefined;
            const finding = this.deps.inspect(text.slice(0, limit));
            if (finding.kinds.length > 0) masked = true;
            return finding.redacted.trim();
        };
        const content: StaffAnswerContent = { title: {}, text: {}, examples: {} };
        for (const language of LANGUAGES) {
            const title = clean(draft.title[language] && oneLine(draft.title[language]), STAFF_ANSWER_LIMITS.title);
            const text = clean(draft.text[language], STAFF_ANSWER_LIMITS.text);
            const examples = (draft.examples[language] ?? []).map((example) => clean(oneLine(example), STAFF_ANSWER_LIMITS.example)).filter((example): example is string => !!example);
            if (title) content.title[language] = title;
            if (text) content.text[language] = text;
            if (examples.length) content.examples[language] = [...new Set(examples)].slice(0, STAFF_ANSWER_LIMITS.examples);
        }
        const complete = languagesOf(content).filter((language) => (content.examples[language] ?? []).length > 0);
        if (complete.length === 0) return { problem: 'incomplete', masked, draft: { ...content, ticketNumber: draft.ticketNumber } };
        const overlaps = this.deps.overlaps(content.examples);
        if (overlaps.length > 0 && !confirmOverlap) return { problem: 'overlap', overlaps, masked, draft: { ...content, ticketNumber: draft.ticketNumber } };
        return { content, overlaps, masked };
    }

    private event(actor: StaffActor, action: StaffAnswerAction, at: number) {
        return { at, actor: { id: actor.id, name: actor.name }, action };
    }

    /** The audit line: identifiers only, as every log line (the words stay in the store). */
    private audit(answer: StaffAnswer, actor: StaffActor, action: StaffAnswerAction): void {
        this.deps.logger.info(`staff answer ${action}`, { answer: answer.number, by: actor.id, conflicts: answer.conflicts.length });
    }
}

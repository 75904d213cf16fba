import { MemoryStorage, type Activity } from 'botbuilder';
import { LANGUAGES, type Language } from '../../core/language';
import { readLocaleResources } from '../../core/i18n';
import { APPLICATION_KINDS, isApplicationKind, positionOf, STEPS, type FlowAnswers } from '../../flow/flowSteps';
import { languageSpeaker } from '../../institution/profileSpeaker';
import type { Awaiting } from '../../state/botMemory';
import { typedChoiceOf, typedCommandOf } from '../../dialogs/choiceMatching';
import type { FlowProgress } from '../../flow/progress';
import { guideKnowledge } from '../support/testBot';
import { stepOfCard } from '../../dialogs/awaiting';
import type { TicketService } from '../../tickets/ticketService';
import type { QuestionLog } from '../../understanding/questionLog';
import { readableText, type CardButton } from '../support/cardText';
import { FakeClock } from '../support/fakeClock';
import { progressOf } from '../support/flowState';
import { profile, TestChat, translator } from '../support/testBot';
import { situationClaims, type Claim, type Fact } from './situationClaims';

/** A small, fast, seeded random number generator (mulberry32): the same seed walks the same way. */
export class Random {
    constructor(private state: number) {}

    next(): number {
        this.state = (this.state + 0x6d2b79f5) | 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    int(below: number): number {
        return Math.floor(this.next() * below);
    }

    pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)];
    }
}

/** What a button sends, as Web Chat or Teams would: the messageBack's value, or the data itself. */
function payloadOf(button: CardButton): Record<string, unknown> {
    const action = button.data.cardAction as { value?: Record<string, unknown> } | undefined;
    return action?.value ?? button.data;
}

/** What the user has said of their situation in this walk: every value they gave, for each fact. */
class GivenFacts {
    private readonly values = new Map<Fact['name'], Set<unknown>>();

    add(name: Fact['name'], value: unknown): void {
        if (value === undefined) return;
        let set = this.values.get(name);
        if (!set) this.values.set(name, (set = new Set()));
        set.add(value);
    }

    has(fact: Fact): boolean {
        return this.values.get(fact.name)?.has(fact.value) ?? false;
    }

    addAnswers(answers: FlowAnswers | undefined): void {
        this.add('signatureValid', answers?.signatureValid);
        this.add('approval', answers?.approval);
        this.add('replacement', answers?.replacement);
    }

    /** What pressing this button says: a menu or kind choice, an answer to a step, "guide me" from an answer that implies something. */
    learnFrom(button: CardButton): void {
        this.learnFromPayload(payloadOf(button));
    }

    learnFromPayload(payload: Record<string, unknown>): void {
        const { card, choice, about } = payload as { card?: string; choice?: string; about?: string };
        if ((card === 'menu' || card === 'situation.kind' || card === 'prompt.renewalReminders') && (isApplicationKind(choice) || choice === 'start')) {
            this.add('kind', choice === 'start' ? 'renewal' : choice);
        }
        const stepId = stepOfCard(card);
        const option = stepId && STEPS[stepId].options.find((candidate) => candidate.id === choice);
        if (option?.answer) this.addAnswers(option.answer({}));
        if (about) {
            const implies = guideKnowledge().current().catalogue.get(about)?.implies;
            this.add('kind', implies?.kind);
            this.addAnswers(implies?.answers);
        }
    }
}

export interface WalkShared {
    tickets: TicketService;
    questions: QuestionLog;
}

export interface Violation {
    turn: number;
    rule: string;
    detail: string;
}

export interface WalkResult {
    seed: number;
    turns: number;
    violations: Violation[];
    /** What the user did and the start of what the bot answered, turn by turn, to replay a failure. */
    log: string[];
}

const SMALL_TALK: Record<Language, string[]> = { tr: ['merhaba', 'teşekkürler', 'iyi günler'], en: ['hello', 'thanks', 'bye'] };
const COMMANDS: Record<Language, string[]> = {
    tr: ['geri', 'yardım', 'menü', 'iptal', 'English', 'Türkçe', 'adımı göster', 'kütüphane'],
    en: ['back', 'help', 'menu', 'cancel', 'Türkçe', 'English', 'show the step', 'library'],
};
const FREE_TEXT = ['Ayşe Yılmaz', `ayse.yilmaz@${profile.institutionalEmailDomain}`, 'Kardiyoloji', 'Doçent', '06/2031', 'asdf qwer', '', 'kimlik no 10000000146', 'Haziran 2027'];
const RESUME_AFTER_MINUTES = 60;

/** Texts the bot must never answer a click with, and the error apologies it must never need. */
function forbiddenTexts() {
    const both = (key: string) => LANGUAGES.map((language) => translator.t(language, key));
    return {
        notUnderstood: [...both('flow.chooseAnOption'), ...both('renewalReminders.retry')],
        errors: [...both('errors.turnFailed'), ...both('errors.storeUnavailable')],
        refusedAsOlder: [...both('clicks.notCurrent'), ...LANGUAGES.map((language) => translator.t(language, 'clicks.earlierStep').split('“')[0])],
    };
}

/** Every example question of the knowledge base, per language, to type the way people do. */
function exampleQuestions(): Record<Language, string[]> {
    const resources = readLocaleResources();
    const questionsOf = (language: Language) => Object.values(resources[language].questions as Record<string, string[]>).flat();
    return { tr: questionsOf('tr'), en: questionsOf('en') };
}

/**
 * A user walking the bot the way people do, at random but from a seed: clicking any button of any
 * card seen so far (older ones too), typing a button's words, questions from the knowledge base,
 * small talk and commands, going back, coming back after a long pause, and after a restart on the
 * same store. After every turn the invariants are checked:
 *  - a click never gets "I didn't understand" (nor the reminder's "not a month and year");
 *  - no sentence states a working or missing e-signature, an approval method or a kind of
 *    application the user did not give (read by the locale keys and variants of those sentences);
 *  - a click meant for another step never moves the step number forward;
 *  - a button of the latest reply is never refused as an older card's;
 *  - never an error apology.
 */
export class ConversationWalker {
    private readonly claims: Claim[] = situationClaims();
    private readonly forbidden = forbiddenTexts();
    private readonly questions = exampleQuestions();

    constructor(private readonly shared: WalkShared) {}

    async walk(seed: number, maxTurns: number): Promise<WalkResult> {
        const random = new Random(seed);
        const language: Language = random.next() < 0.75 ? 'tr' : 'en';
        const storage = new MemoryStorage();
        const clock = new FakeClock();
        const userId = `walker-${seed}`;
        const newChat = () =>
            new TestChat({
                storage,
                clock,
                userId,
                conversationId: `walk-${seed}`,
                locale: language === 'tr' ? 'tr-TR' : 'en-US',
                resumeAfterMinutes: RESUME_AFTER_MINUTES,
                tickets: this.shared.tickets,
                questions: this.shared.questions,
            });
        let chat = newChat();
        const given = new GivenFacts();
        const seen: CardButton[] = [];
        const log: string[] = [];
        const violations: Violation[] = [];
        const turns = 3 + random.int(maxTurns - 2);
        await chat.open();
        for (let turn = 1; turn <= turns; turn++) {
            const before = await progressOf(storage, userId);
            const latest = chat.buttons();
            seen.unshift(...latest);
            const action = this.chooseAction(random, language, latest, seen);
            let replies: Partial<Activity>[];
            try {
                if (action.restart) {
                    chat = newChat();
                    if (random.next() < 0.5) clock.advanceMinutes(RESUME_AFTER_MINUTES + 5);
                }
                if (action.pause) clock.advanceMinutes(RESUME_AFTER_MINUTES + 5);
                if (action.button) {
                    given.learnFrom(action.button);
                    replies = await chat.press(action.button);
                } else {
                    const meant = await this.typedChoice(storage, `walk-${seed}`, language, action.text ?? '');
                    if (meant) given.learnFromPayload(meant);
                    replies = await chat.say(action.text ?? '');
                }
            } catch (error) {
                violations.push({ turn, rule: 'the turn failed', detail: (error as Error).stack ?? String(error) });
                break;
            }
            const text = replies.map(readableText).join('\n');
            log.push(`${turn}. ${action.describe} → ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
            const after = await progressOf(storage, userId);
            violations.push(...this.check(turn, action, text, given, before, after));
        }
        return { seed, turns, violations, log };
    }

    /**
     * The button typed words pick, as the bot waits on it (its buttons' titles, synonyms, numbers):
     * "kayıp" at "what happened to your e-signature?" is the user saying it was lost.
     */
    private async typedChoice(storage: MemoryStorage, conversationId: string, language: Language, text: string): Promise<Record<string, unknown> | undefined> {
        if (typedCommandOf(text, translator)) return undefined;
        const key = `test/conversations/${conversationId}/`;
        const state = (await storage.read([key]))[key] as { dialogState?: { dialogStack?: unknown[] }; awaiting?: Awaiting } | undefined;
        const speaker = languageSpeaker(translator, profile, language);
        const awaiting: Awaiting | undefined = state?.dialogState?.dialogStack?.length
            ? state.awaiting
            : { cards: [{ card: 'menu' }], choices: APPLICATION_KINDS.map((id) => ({ id, card: 'menu', title: speaker.say(`menu.options.${id}`), matchKeys: [`menu.options.${id}`, `synonyms.${id}`] })) };
        if (!awaiting || awaiting.text) return undefined;
        const choice = typedChoiceOf(text, awaiting.choices, translator);
        return choice && { choice: choice.id, card: choice.card };
    }

    private chooseAction(random: Random, language: Language, latest: CardButton[], seen: CardButton[]): WalkAction {
        const roll = random.next();
        if (roll < 0.4 && latest.length > 0) {
            const button = random.pick(latest);
            return { button, latest: true, describe: `clicks "${button.title}"` };
        }
        if (roll < 0.62 && seen.length > 0) {
            const button = random.pick(seen);
            return { button, latest: latest.includes(button), describe: `clicks "${button.title}" on an earlier card` };
        }
        if (roll < 0.7 && latest.length > 0) {
            const button = random.pick(latest);
            return { text: button.title, describe: `types "${button.title}"` };
        }
        if (roll < 0.82) {
            const text = random.pick(this.questions[random.next() < 0.9 ? language : language === 'tr' ? 'en' : 'tr']);
            return { text, describe: `asks "${text}"` };
        }
        if (roll < 0.86) {
            const text = random.pick(SMALL_TALK[language]);
            return { text, describe: `says "${text}"` };
        }
        if (roll < 0.92) {
            const text = random.pick(COMMANDS[language]);
            return { text, describe: `types the command "${text}"` };
        }
        if (roll < 0.95) {
            const text = random.pick(FREE_TEXT);
            return { text, describe: `types "${text}"` };
        }
        if (roll < 0.98 && seen.length > 0) {
            const button = random.pick(seen);
            return { restart: true, button, latest: false, describe: `after a restart, clicks "${button.title}" on an earlier card` };
        }
        const text = random.pick(SMALL_TALK[language]);
        return { pause: true, text, describe: `after a long pause, says "${text}"` };
    }

    private check(turn: number, action: WalkAction, text: string, given: GivenFacts, before: FlowProgress | undefined, after: FlowProgress | undefined): Violation[] {
        const violations: Violation[] = [];
        const found = (texts: string[]) => texts.find((candidate) => text.includes(candidate));
        const error = found(this.forbidden.errors);
        if (error) violations.push({ turn, rule: 'an error apology', detail: error });
        if (action.button) {
            const notUnderstood = found(this.forbidden.notUnderstood);
            if (notUnderstood) violations.push({ turn, rule: 'a click answered with "I didn\'t understand"', detail: notUnderstood });
            const refused = action.latest && !action.restart ? found(this.forbidden.refusedAsOlder) : undefined;
            if (refused) violations.push({ turn, rule: "a button of the latest reply refused as an older card's", detail: action.describe });
            violations.push(...this.checkStepNumber(turn, action.button, before, after));
        }
        for (const claim of this.claims) {
            if (!given.has(claim.fact) && LANGUAGES.some((language) => text.includes(claim.texts[language]))) {
                violations.push({ turn, rule: `states ${claim.fact.name} = ${String(claim.fact.value)}, which the user did not give`, detail: `${claim.key}${claim.context ? `_${claim.context}` : ''}` });
            }
        }
        return violations;
    }

    /** An answer meant for another step than the one the user is on never moves the step number forward. */
    private checkStepNumber(turn: number, button: CardButton, before: FlowProgress | undefined, after: FlowProgress | undefined): Violation[] {
        const { card, choice } = payloadOf(button) as { card?: string; choice?: string };
        const stepId = stepOfCard(card);
        // A command ("◀ Back", "I can't find it") acts on where the user is, whichever card it is on.
        if (!stepId || choice === undefined || !before || !after || before.kind !== after.kind) return [];
        const number = (progress: FlowProgress, id = progress.stepId) => positionOf(id, progress.kind, progress.answers).number;
        if (number(before, stepId) === number(before)) return [];
        return number(after) > number(before) ? [{ turn, rule: 'a click meant for another step moved the step number forward', detail: `${stepId}: ${number(before)} → ${number(after)}` }] : [];
    }
}

interface WalkAction {
    describe: string;
    button?: CardButton;
    /** The button is on the latest reply. */
    latest?: boolean;
    text?: string;
    restart?: boolean;
    pause?: boolean;
}

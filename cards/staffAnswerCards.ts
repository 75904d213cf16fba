import { CardFactory, type Attachment } from 'botbuilder';
import type { Speaker } from '../core/speaker';
import type { Language } from '../core/language';
import { answerVerb, type AnswerVerb } from '../tickets/staffVerbs';
import { ANSWER_INPUTS, ANSWER_TEXT_MAX } from './payloads';
import { clip, plainText } from './plainText';
import { foldText } from '../core/textMatch';

/**
 * The library teaching the bot, in the staff channel: the answer editor (also inside a resolved
 * ticket's card, "Cevaplara ekle") and the "cevaplar" card that lists the library's answers and the
 * questions the bot could not answer. Every button is an `Action.Execute` the card is refreshed by.
 */
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** A question or a title in a list line: cut so that a long one does not push the card over Teams' size limit. */
const LINE_SHOWN = 200;

/** What the editor shows in its inputs: a draft (prefilled, or as staff typed it). */
export interface EditorValues {
    title: Partial<Record<Language, string>>;
    text: Partial<Record<Language, string>>;
    examples: Partial<Record<Language, string[]>>;
}

export interface EditorOptions {
    /** The user's question it is taught from, shown above the inputs. */
    question?: string;
    /** The guide's answers the examples overlap (titles): the confirm box is shown. */
    overlapTitles?: string[];
    /** What "Kaydet" sends. */
    save: { data: Record<string, unknown> };
}

type Json = Record<string, unknown>;

const execute = (speaker: Speaker, verb: AnswerVerb, titleKey: string, data: Json, style?: 'positive' | 'destructive'): Json => ({
    type: 'Action.Execute',
    verb: answerVerb(verb),
    title: speaker.say(`staffAnswers.actions.${titleKey}`),
    data,
    ...(style ? { style } : {}),
});
const text = (value: string, extra: Json = {}): Json => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
/** What someone typed, as plain text (never Markdown), cut. */
const typed = (value: string, max = LINE_SHOWN) => plainText(clip(value, max));

function input(id: string, label: string, value: string | undefined, maxLength: number, multiline: boolean): Json {
    return { type: 'Input.Text', id, label, value: value ?? '', maxLength, isMultiline: multiline };
}

/** The editor's body: the question taught from, the help line, the six inputs (and the confirm box after an overlap). */
function answerEditorBody(speaker: Speaker, values: EditorValues, options: Omit<EditorOptions, 'save'>): Json[] {
    const say = (key: string) => speaker.say(`staffAnswers.editor.${key}`);
    return [
        ...(options.question ? [text(speaker.say('staffAnswers.editor.question', { text: typed(options.question) }), { isSubtle: true })] : []),
        text(say('help'), { size: 'Small' }),
        input(ANSWER_INPUTS.titleTr, say('titleTr'), values.title.tr, ANSWER_TEXT_MAX.title, false),
        input(ANSWER_INPUTS.textTr, say('textTr'), values.text.tr, ANSWER_TEXT_MAX.text, true),
        input(ANSWER_INPUTS.examplesTr, say('examplesTr'), values.examples.tr?.join('\n'), ANSWER_TEXT_MAX.examples, true),
        input(ANSWER_INPUTS.titleEn, say('titleEn'), values.title.en, ANSWER_TEXT_MAX.title, false),
        input(ANSWER_INPUTS.textEn, say('textEn'), values.text.en, ANSWER_TEXT_MAX.text, true),
        input(ANSWER_INPUTS.examplesEn, say('examplesEn'), values.examples.en?.join('\n'), ANSWER_TEXT_MAX.examples, true),
        ...(options.overlapTitles?.length ? [{ type: 'Input.Toggle', id: ANSWER_INPUTS.confirm, title: say('confirm'), value: 'false', valueOn: 'true', valueOff: 'false' }] : []),
    ];
}

/** How many example questions the editor offers from one question. */
const PREFILLED_EXAMPLES = 3;
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * A few example phrasings of a user's question for the editor: as typed, its last sentence when it
 * has several (the question itself, without the story), and written the way people type (lower
 * case, no Turkish letters, no punctuation).
 */
export function examplePhrasings(question: string): string[] {
    const typedLine = clip(oneLine(question), 200);
    const sentences = question
        .split(/[.!?\n]+/)
        .map(oneLine)
        .filter((sentence) => sentence.length > 3);
    const last = sentences.length > 1 ? clip(sentences[sentences.length - 1], 200) : undefined;
    const plain = foldText(last ?? typedLine);
    return [...new Set([typedLine, ...(last ? [last] : []), plain].filter(Boolean))].slice(0, PREFILLED_EXAMPLES);
}

/** The editor prefilled from a resolved ticket: the question as title and examples, the staff reply as the answer, in the user's language. */
export function draftFromTicket(question: string, reply: string | undefined, language: Language): EditorValues {
    return { title: { [language]: clip(oneLine(question), 80) }, text: reply ? { [language]: reply } : {}, examples: { [language]: examplePhrasings(question) } };
}

/** The editor as a card of its own: inside a ticket card's "Cevaplara ekle" (Action.ShowCard). */
export function answerEditorCard(speaker: Speaker, values: EditorValues, options: EditorOptions): Json {
    return {
        type: 'AdaptiveCard',
        body: answerEditorBody(speaker, values, options),
        actions: [{ ...execute(speaker, 'save', 'save', options.save.data, 'positive'), associatedInputs: 'auto' }],
    };
}

/** One of the library's answers, as the list shows it. */
export interface ListedAnswer {
    id: string;
    number: number;
    eTag: string;
    title: string;
    languages: Language[];
    status: 'active' | 'retired';
    /** Who added it, and when (already formatted). */
    by: string;
    when: string;
    /** The guide's answers it overlapped when saved (titles). */
    overlapTitles: string[];
}

/** A group of questions the bot could not answer (or was unsure of): its text is masked already. */
interface ListedQuestion {
    text: string;
    count: number;
    unsure: number;
}

export type StaffAnswersView =
    | { kind: 'list'; answers: ListedAnswer[]; moreAnswers: number; questions: ListedQuestion[]; moreQuestions: number; days: number; notice?: string }
    | {
          kind: 'edit';
          values: EditorValues;
          notice?: string;
          question?: string;
          overlapTitles?: string[];
          /** An answer already saved: its number and version, and whether it is in use. */
          existing?: { id: string; number: number; eTag: string; status: 'active' | 'retired' };
      };

function listBody(speaker: Speaker, view: Extract<StaffAnswersView, { kind: 'list' }>): Json[] {
    const say = (key: string, values?: Json) => speaker.say(`staffAnswers.panel.${key}`, values);
    const body: Json[] = [text(say('intro'), { size: 'Small' })];
    if (view.answers.length === 0) body.push(text(say('none'), { isSubtle: true }));
    for (const answer of view.answers) {
        body.push({
            type: 'Container',
            separator: true,
            items: [
                text(
                    say('answerLine', {
                        number: answer.number,
                        title: typed(answer.title),
                        languages: answer.languages.map((language) => language.toUpperCase()).join(', '),
                        status: say(`statuses.${answer.status}`),
                        by: typed(answer.by, 100),
                        when: answer.when,
                    }),
                ),
                ...(answer.overlapTitles.length ? [text(say('conflictLine', { titles: answer.overlapTitles.join(', ') }), { size: 'Small', color: 'Warning' })] : []),
                {
                    type: 'ActionSet',
                    actions: [
                        execute(speaker, 'open', 'edit', { answerId: answer.id }),
                        answer.status === 'active'
                            ? execute(speaker, 'retire', 'retire', { answerId: answer.id, eTag: answer.eTag }, 'destructive')
                            : execute(speaker, 'restore', 'restore', { answerId: answer.id, eTag: answer.eTag }),
                    ],
                },
            ],
        });
    }
    if (view.moreAnswers > 0) body.push(text(say('more', { count: view.moreAnswers }), { isSubtle: true, size: 'Small' }));
    body.push(text(say('questionsTitle', { days: view.days }), { weight: 'Bolder', separator: true, spacing: 'Large' }));
    if (view.questions.length === 0) body.push(text(say('questionsNone'), { isSubtle: true }));
    for (const question of view.questions) {
        body.push({
            type: 'ColumnSet',
            separator: true,
            columns: [
                {
                    type: 'Column',
                    width: 'stretch',
                    items: [text(say('questionLine', { count: question.count, text: typed(question.text), context: question.unsure ? 'unsure' : undefined, unsure: question.unsure }))],
                },
                { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [execute(speaker, 'draft', 'add', { question: clip(question.text, 500) })] }] },
            ],
        });
    }
    if (view.moreQuestions > 0) body.push(text(say('more', { count: view.moreQuestions }), { isSubtle: true, size: 'Small' }));
    return body;
}

/** The "cevaplar" card: the list, or the editor for one answer; the same card is refreshed by every click. */
export function staffAnswersCard(speaker: Speaker, view: StaffAnswersView): Attachment {
    const notice = view.notice ? [text(view.notice, { color: 'Attention', weight: 'Bolder' })] : [];
    if (view.kind === 'list') {
        return CardFactory.adaptiveCard({
            type: 'AdaptiveCard',
            $schema: SCHEMA,
            version: '1.5',
            body: [text(speaker.say('staffAnswers.panel.title'), { size: 'Medium', weight: 'Bolder', style: 'heading' }), ...notice, ...listBody(speaker, view)],
            actions: [],
        });
    }
    const { existing } = view;
    const save = existing ? { answerId: existing.id, eTag: existing.eTag } : { ...(view.question ? { question: clip(view.question, 500) } : {}) };
    return CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        $schema: SCHEMA,
        version: '1.5',
        body: [
            text(existing ? speaker.say('staffAnswers.editor.titleEdit', { number: existing.number }) : speaker.say('staffAnswers.editor.titleNew'), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
            ...notice,
            ...answerEditorBody(speaker, view.values, { question: view.question, overlapTitles: view.overlapTitles }),
        ],
        actions: [
            { ...execute(speaker, 'save', 'save', save, 'positive'), associatedInputs: 'auto' },
            ...(existing
                ? [
                      existing.status === 'active'
                          ? execute(speaker, 'retire', 'retire', { answerId: existing.id, eTag: existing.eTag }, 'destructive')
                          : execute(speaker, 'restore', 'restore', { answerId: existing.id, eTag: existing.eTag }),
                  ]
                : []),
            execute(speaker, 'list', 'back', {}),
        ],
    });
}

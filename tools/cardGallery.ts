import type { Attachment } from 'botbuilder';
import { answerCard, guideAnswerView, suggestionsCard, unknownQuestionCard, type TypedQuestion } from '../cards/answerCards';
import { answerView } from '../dialogs/answerViews';
import { sampleStaffAnswer, SAMPLE_QUESTION_ID } from './gallerySamples';
import { askLibraryAction, choiceActions, menuAction } from '../cards/commonActions';
import { renderGuideCard, type GuideCardContent } from '../cards/guideCard';
import { completionCard, contactsCard, feesCard, generalHelpCard, menuCard, paymentTable, resumeCard, STATUS_KEYS, statusDetailCard, statusListCard, stepHelpCard } from '../cards/infoCards';
import { insightsCard } from '../cards/insightsCard';
import type { Choice } from '../cards/payloads';
import { formatDay, formatExpiry, renewalReminderCard } from '../cards/renewalCards';
import { stepCard, stepReminderCard } from '../cards/stepCard';
import { draftFromTicket, staffAnswersCard } from '../cards/staffAnswerCards';
import { staffTicketCard, ticketHeading, userNoticeCard, formatTime } from '../cards/ticketCards';
import type { Translator } from '../core/i18n';
import { LANGUAGES, otherLanguage, type Language } from '../core/language';
import type { Speaker } from '../core/speaker';
import { keyedChoice } from '../dialogs/choiceMatching';
import { MENU_CHOICES, RESUME_CHOICES } from '../dialogs/menuChoices';
import { loadAnswerCatalogue } from '../flow/answerCatalogue';
import {
    APPLICATION_KINDS,
    initialAnswers,
    numberedSteps,
    pathOf,
    positionOf,
    STEPS,
    stepVariant,
    visibleOptions,
    type ApplicationKind,
    type FlowAnswers,
    type PathKey,
    type StepDefinition,
} from '../flow/flowSteps';
import { reportWords } from '../insights/reportText';
import type { InstitutionProfile } from '../institution/institutionProfile';
import { languageSpeaker } from '../institution/profileSpeaker';
import { renewalDates } from '../renewals/renewalReminders';
import { RENEWAL_STAGES } from '../renewals/renewalReminder';
import type { HistoryEntry, Person, Ticket, TicketStatus } from '../tickets/ticket';
import { PEOPLE, SAMPLES, sampleReminders, sampleReport, sampleTicket, T0 } from './cardGallerySamples';

/**
 * Every card the bot can send, built by the real card builders (`cards/`) with the real texts and
 * institution profile, in both languages: for `npm run cards` (the library's review page) and for
 * the tests that check each one with the official Adaptive Cards SDK and in Chromium. Where a dialog
 * composes a card itself (the ticket questions, "Taleplerim", the receipt, "Hatırlatıcılarım", the
 * Teams install notice), the same `renderGuideCard` call is repeated here with the same locale keys.
 */

export interface GalleryCard {
    /** Stable and unique per language, e.g. `step/login/esign`. */
    id: string;
    /** Where it belongs on the page. */
    group: GalleryGroup;
    language: Language;
    /** What it is, for the reviewer (English, not shown to users). */
    caption: string;
    /** Staff cards go to the library's Teams channel; the rest to users in Teams and on the web. */
    audience: 'user' | 'staff';
    content: Record<string, unknown>;
}

export const GALLERY_GROUPS = ['steps', 'menus', 'status', 'answers', 'tickets', 'reminders', 'reports', 'notices'] as const;
export type GalleryGroup = (typeof GALLERY_GROUPS)[number];

/** A few answers per kind of application: together they reach every step, every variant and every option set. */
const SCENARIOS: Record<ApplicationKind, FlowAnswers[]> = {
    first: [{}, { signatureValid: true, approval: 'esign' }, { signatureValid: false, approval: 'wet' }],
    renewal: [{}, { signatureValid: true, approval: 'esign' }, { signatureValid: false, approval: 'wet' }],
    lost: [
        { replacement: 'lost', signatureValid: false },
        { replacement: 'stolen', signatureValid: false },
        { replacement: 'damaged', signatureValid: true, approval: 'esign' },
        { replacement: 'damaged', signatureValid: false, approval: 'wet' },
    ],
};
const PATHS: PathKey[] = ['first', 'renewal', 'lost', 'stolen', 'damaged'];

function stepChoices(speaker: Speaker, step: StepDefinition, answers: FlowAnswers, variant: string | undefined): Choice[] {
    return visibleOptions(step, answers).map((option) => {
        const stepKey = `steps.${step.id}.options.${option.id}`;
        return keyedChoice(speaker, option.id, speaker.has(stepKey) ? stepKey : `options.${option.id}`, { context: variant });
    });
}

interface StepShown {
    kind: ApplicationKind;
    answers: FlowAnswers;
    step: StepDefinition;
    variant: string | undefined;
    key: string;
}

/** Each step once per distinct card: its text variant, its buttons and (on a last card) its path. */
function distinctSteps(): StepShown[] {
    const shown = new Map<string, StepShown>();
    for (const kind of APPLICATION_KINDS) {
        for (const answers of SCENARIOS[kind]) {
            const path = numberedSteps(kind, answers);
            for (const step of Object.values(STEPS)) {
                if (!path.includes(step.detourOf ?? step.id) && !(step.id === 'approvalEsign' || step.id === 'approvalWet')) continue;
                const variant = stepVariant(step.id, answers, kind);
                const options = visibleOptions(step, answers)
                    .map((option) => option.id)
                    .join('+');
                const key = [step.id, variant ?? '', options, step.productionTiming ? pathOf(kind, answers) : ''].filter(Boolean).join('/');
                if (!shown.has(key)) shown.set(key, { kind, answers, step, variant, key });
            }
        }
    }
    return [...shown.values()];
}

type Add = (group: GalleryGroup, id: string, caption: string, attachment: Attachment, audience?: 'user' | 'staff') => void;
/** A card a dialog composes itself: `renderGuideCard` with its choices as buttons, as `askWithCard` (dialogs/cardChoicePrompt.ts) does. */
const guideWith = (content: GuideCardContent, choices: Choice[] = []) => renderGuideCard({ ...content, actions: [...(content.actions ?? []), ...choiceActions(choices)] });

/** The guided flow: every step, variant and option set; "Bulamıyorum" on each; the end of each path. */
function flowCards(speaker: Speaker, profile: InstitutionProfile, add: Add): void {
    for (const { kind, answers, step, variant, key } of distinctSteps()) {
        const position = positionOf(step.id, kind, answers);
        const choices = stepChoices(speaker, step, answers, variant);
        add(
            'steps',
            `step/${key}`,
            `Step "${step.id}"${variant ? `, variant "${variant}"` : ''} (${kind})`,
            stepCard(speaker, {
                step,
                position,
                choices,
                variant,
                canGoBack: position.number > 1 || !!step.detourOf,
                path: pathOf(kind, answers),
                table: step.paymentTable ? paymentTable(speaker, profile) : undefined,
            }),
        );
        add('steps', `stepHelp/${key}`, `"I can't find it" on step "${step.id}"${variant ? `, variant "${variant}"` : ''}`, stepHelpCard(speaker, step.id, variant, choices));
    }
    // A typed answer mid-flow comes with the step as one line (its buttons, and one to show it whole).
    for (const stepId of ['requestSent', 'menuNes'] as const) {
        const step = STEPS[stepId];
        add(
            'steps',
            `stepReminder/${stepId}`,
            `The one-line reminder of step "${stepId}" under an answer`,
            stepReminderCard(speaker, {
                position: positionOf(stepId, 'first', {}),
                title: speaker.say(`steps.${stepId}.title`),
                choices: stepChoices(speaker, step, {}, undefined),
            }),
        );
    }
    // "Guide me from this step" with nothing said of the application: asked first.
    add(
        'steps',
        'situation/kind',
        'Which application? (before a step chosen from an answer)',
        guideWith(
            { title: speaker.say('situation.kind.title'), paragraphs: speaker.sayList('situation.kind.body') },
            APPLICATION_KINDS.map((kind) => keyedChoice(speaker, kind, `menu.options.${kind}`)),
        ),
    );
    // Another application clicked on the welcome card while one is open.
    const switchValues = { current: speaker.say('menu.options.first'), wanted: speaker.say('menu.options.renewal'), number: 5, total: 18 };
    add(
        'menus',
        'clicks/switch',
        'Another application chosen on an older welcome card',
        guideWith({ title: speaker.say('clicks.switch.title'), paragraphs: speaker.sayList('clicks.switch.body', switchValues) }, [
            keyedChoice(speaker, 'switch', 'clicks.switch.options.switch', switchValues),
            keyedChoice(speaker, 'resume', 'clicks.switch.options.resume'),
        ]),
    );
    for (const approval of ['esign', 'wet']) {
        for (const path of PATHS) {
            add(
                'steps',
                `completion/${approval}/${path}`,
                `End of the flow: approval "${approval}", path "${path}"`,
                completionCard(speaker, approval, path, [keyedChoice(speaker, 'status', 'menu.options.status')]),
            );
        }
    }
}

/** Menus and the places every step can reach; the resume offer at a real step of a real path. */
function menuCards(speaker: Speaker, add: Add): void {
    const kind: ApplicationKind = 'first';
    const answers = initialAnswers(kind);
    const stepId = numberedSteps(kind, answers)[4];
    const position = positionOf(stepId, kind, answers);
    const menuChoices = (withResume: boolean) => [
        ...(withResume ? [keyedChoice(speaker, 'resume', 'menu.options.resume', { ...position })] : []),
        ...MENU_CHOICES.map((id) => keyedChoice(speaker, id, `menu.options.${id}`)),
    ];
    add('menus', 'menu/welcome', 'Welcome (a user whose name the channel gives)', menuCard(speaker, menuChoices(false), speaker.sayList('menu.welcome', { context: 'named', name: PEOPLE.requester.name })));
    add('menus', 'menu/welcomeAnonymous', 'Welcome (no name known)', menuCard(speaker, menuChoices(false), speaker.sayList('menu.welcome')));
    add('menus', 'menu/withResume', 'The menu, with a guided flow in progress', menuCard(speaker, menuChoices(true), speaker.sayList('menu.prompt')));
    const where = { ...position, title: speaker.say(`steps.${stepId}.title`, { context: stepVariant(stepId, answers, kind) }) };
    add(
        'menus',
        'resume',
        'Coming back after a while: resume or start over',
        resumeCard(
            speaker,
            RESUME_CHOICES.map((id) => keyedChoice(speaker, id, `resume.options.${id}`)),
            where,
        ),
    );
    add('menus', 'help', 'General help', generalHelpCard(speaker));
    add('menus', 'contacts', 'The library\'s contacts (the "library" command)', contactsCard(speaker));
    add('menus', 'contacts/ask', 'The library\'s contacts, with "write to the library"', contactsCard(speaker, [askLibraryAction(speaker)]));
    add('menus', 'contacts/menu', "The library's contacts from the menu", contactsCard(speaker, [askLibraryAction(speaker), menuAction(speaker)]));
    add(
        'menus',
        'fees',
        'Fees (from the menu)',
        feesCard(
            speaker,
            menuChoices(false).filter((option) => option.id === 'first'),
        ),
    );
    add('menus', 'fees/typed', 'Fees (typed on a step)', feesCard(speaker, []));
}

/** The status explainer. */
function statusCards(speaker: Speaker, profile: InstitutionProfile, add: Add): void {
    const statusChoices = [
        ...STATUS_KEYS.map((status) => keyedChoice(speaker, status, speaker.has(`status.${status}.choice`) ? `status.${status}.choice` : `kamusm.statuses.${status}`)),
        keyedChoice(speaker, 'done', 'status.done'),
    ];
    add('status', 'status/list', 'What does my status mean?', statusListCard(speaker, statusChoices));
    for (const status of STATUS_KEYS) {
        add(
            'status',
            `status/${status}`,
            `Status "${status}"`,
            statusDetailCard(
                speaker,
                profile,
                status,
                statusChoices.filter((option) => option.id !== status),
            ),
        );
    }
}

/** Typed questions: every answer, "did you mean", and "I don't know". */
function answerCards(speaker: Speaker, translator: Translator, language: Language, add: Add): void {
    const question: TypedQuestion = { text: language === 'tr' ? 'kod gelmiyor' : 'the code does not come' };
    const otherWay: TypedQuestion = { ...question, switchTo: { language: otherLanguage(language), title: translator.t(otherLanguage(language), 'understanding.switchLanguage') } };
    const catalogue = loadAnswerCatalogue();
    for (const entry of catalogue.values()) {
        add('answers', `answer/${entry.id}`, `Answer "${entry.id}"`, answerCard(speaker, guideAnswerView(speaker, entry), question, { canGuide: true }));
        // Each facet: the short first sentence that answers one way of asking, then the answer.
        for (const facet of Object.keys(entry.facets ?? {})) {
            add(
                'answers',
                `answer/${entry.id}/facet/${facet}`,
                `Answer "${entry.id}", facet "${facet}" (${entry.facets![facet]})`,
                answerCard(speaker, guideAnswerView(speaker, entry, facet), question, { canGuide: true }),
            );
        }
    }
    const firstEntry = [...catalogue.values()][0];
    if (firstEntry)
        add('answers', `answer/${firstEntry.id}/otherLanguage`, 'An answer to a question typed in the other language', answerCard(speaker, guideAnswerView(speaker, firstEntry), otherWay, { canGuide: true }));
    const suggestions = [...catalogue.values()].slice(0, 3).map((entry) => ({ id: entry.id, title: speaker.say(`answers.${entry.id}.title`) }));
    add('answers', 'suggestions', '"Did you mean"', suggestionsCard(speaker, suggestions, { ...otherWay, asked: SAMPLE_QUESTION_ID }));
    add('answers', 'unknown', 'No answer fits: "I don\'t know", the library\'s contacts, the question ready to send', unknownQuestionCard(speaker, { ...question, asked: SAMPLE_QUESTION_ID }));
    // An answer the library taught from Teams, in both languages and in the other language only.
    const taught = sampleStaffAnswer();
    const other = otherLanguage(language);
    add('answers', 'staffAnswer', 'An answer the library added from Teams', answerCard(speaker, answerView(speaker, { kind: 'staff', answer: taught }, language), question, { canGuide: false }));
    add(
        'answers',
        'staffAnswer/otherLanguage',
        'An answer the library added in the other language only',
        answerCard(
            speaker,
            answerView(
                speaker,
                {
                    kind: 'staff',
                    answer: { ...taught, title: { [other]: taught.title[other] }, text: { [other]: taught.text[other] } },
                },
                language,
            ),
            question,
            { canGuide: false },
        ),
    );
}

/** Tickets, the user's side: the questions the ticket dialogs ask, the receipt, "Taleplerim", the notices. */
function userTicketCards(speaker: Speaker, profile: InstitutionProfile, language: Language, add: Add): void {
    const guide = (id: string, caption: string, content: GuideCardContent, choices: Choice[] = []) => add('tickets', id, caption, guideWith(content, choices));
    const yesNo = ['yes', 'no'].map((id) => keyedChoice(speaker, id, `options.${id}`));
    const sendOrNot = ['send', 'dontSend'].map((id) => keyedChoice(speaker, id, `tickets.choices.${id}`));
    guide(
        'request/kind',
        'E-signature request: which kind',
        { title: speaker.say('tickets.ask.kind') },
        APPLICATION_KINDS.map((id) => keyedChoice(speaker, id, `tickets.applicationKinds.${id}`)),
    );
    guide(
        'request/otherInstitution',
        "E-signature request: another institution's e-signature",
        { title: speaker.say('tickets.ask.otherInstitution'), paragraphs: speaker.sayList('tickets.ask.otherInstitutionWhy') },
        yesNo,
    );
    const request = sampleTicket(profile, 'esignatureRequest', 'new', language);
    const userFacts: [string, string | undefined][] = [
        ['requester', request.details.fullName],
        ['email', request.details.email],
        ['unit', request.details.unit],
        ['title', request.details.title],
        ['applicationKind', speaker.say('tickets.applicationKinds.first')],
        ['otherInstitution', speaker.say('options.yes')],
        ['otherInstitutionSignatures', request.details.otherInstitutionSignatures],
    ];
    guide(
        'request/summary',
        'E-signature request: the summary before sending',
        {
            title: speaker.say('tickets.request.summaryTitle'),
            paragraphs: speaker.sayList('tickets.request.summaryBody'),
            facts: userFacts.filter((fact): fact is [string, string] => !!fact[1]).map(([key, value]) => ({ title: speaker.say(`tickets.userFacts.${key}`), value })),
        },
        sendOrNot,
    );
    guide('formDelivery', 'Bringing the signed form: confirm', { title: speaker.say('tickets.formDelivery.title'), paragraphs: speaker.sayList('tickets.formDelivery.body') }, sendOrNot);
    for (const kind of ['esignatureRequest', 'formDelivery', 'help'] as const) {
        guide(`created/${kind}`, `The receipt of a new ticket (${kind})`, {
            title: speaker.say('tickets.created.title', { number: 1001 }),
            paragraphs: speaker.sayList(`tickets.created.body_${kind}`, { number: 1001 }),
            actions: [{ title: speaker.say('menu.options.myTickets'), data: { choice: 'myTickets' } }],
        });
    }
    const mine = [sampleTicket(profile, 'help', 'claimed', language), sampleTicket(profile, 'esignatureRequest', 'resolved', language)];
    const when = (ticket: Ticket) => formatTime(ticket.updatedAt, speaker.say('tickets.dateLanguage'), profile.timeZone);
    guide(
        'mine',
        '"My tickets"',
        {
            title: speaker.say('tickets.mine.title'),
            paragraphs: speaker.sayList('tickets.mine.intro'),
            facts: mine.map((ticket) => ({ title: ticketHeading(speaker, ticket), value: speaker.say('tickets.mine.line', { status: speaker.say(`tickets.statuses.${ticket.status}`), when: when(ticket) }) })),
        },
        [
            ...(['message', 'withdraw'] as const).map((action) => ({ id: `${action}:1`, title: speaker.say(`tickets.mine.${action}`, { number: 1001 }), matchKeys: [] })),
            keyedChoice(speaker, 'done', 'status.done'),
        ],
    );
    guide('mine/none', '"My tickets" without any', { title: speaker.say('tickets.mine.title'), paragraphs: speaker.sayList('tickets.mine.none') }, [keyedChoice(speaker, 'done', 'status.done')]);
    guide('mine/withdraw', 'Withdrawing a ticket: confirm', { title: speaker.say('tickets.mine.withdrawQuestion', { number: 1001 }) }, yesNo);
    const noticeTicket = sampleTicket(profile, 'help', 'claimed', language);
    const staffActor = { ...PEOPLE.staff, role: 'staff' as const };
    const notices: HistoryEntry[] = [
        { at: T0, actor: staffActor, action: 'claimed' },
        { at: T0, actor: staffActor, action: 'assigned', assignee: PEOPLE.colleague },
        { at: T0, actor: staffActor, action: 'replied', text: SAMPLES[language].staffReplies },
        { at: T0, actor: staffActor, action: 'asked', text: SAMPLES[language].staffAsks },
        { at: T0, actor: staffActor, action: 'resolved', text: SAMPLES[language].staffResolves },
        { at: T0, actor: staffActor, action: 'reopened' },
    ];
    for (const entry of notices) {
        const ticket = entry.action === 'resolved' ? { ...noticeTicket, status: 'resolved' as const } : entry.action === 'asked' ? { ...noticeTicket, status: 'waitingForUser' as const } : noticeTicket;
        add('tickets', `notice/${entry.action}`, `The user hears: ${entry.action}`, userNoticeCard(speaker, ticket, entry));
    }
}

/** Tickets, the library's side (in the staff team's channel; always in the staff language, shown here in both). */
function staffTicketCards(speaker: Speaker, profile: InstitutionProfile, language: Language, add: Add): void {
    const staffOptions = (colleagues: Person[], notice?: string) => ({ timeZone: profile.timeZone, language, colleagues, notice });
    const statuses: TicketStatus[] = ['new', 'claimed', 'waitingForUser', 'resolved', 'withdrawn'];
    for (const kind of ['help', 'esignatureRequest', 'formDelivery'] as const) {
        for (const status of kind === 'help' ? statuses : (['new'] as TicketStatus[])) {
            add(
                'tickets',
                `staff/${kind}/${status}`,
                `The staff card: ${kind}, ${status}`,
                staffTicketCard(speaker, sampleTicket(profile, kind, status, language), staffOptions([PEOPLE.staff, PEOPLE.colleague])),
                'staff',
            );
        }
    }
    add('tickets', 'staff/help/new/alone', 'The staff card when the team has no one else to assign to', staffTicketCard(speaker, sampleTicket(profile, 'help', 'new', language), staffOptions([])), 'staff');
    add(
        'tickets',
        'staff/help/claimed/refused',
        'The staff card after a refused click',
        staffTicketCard(speaker, sampleTicket(profile, 'help', 'claimed', language), staffOptions([PEOPLE.staff, PEOPLE.colleague], speaker.say('tickets.refusals.alreadyClaimed', { by: PEOPLE.staff.name }))),
        'staff',
    );
}

/** The library teaching the bot: "Cevaplara ekle" after an overlap, the "cevaplar" card, the editor. */
function libraryAnswerCards(speaker: Speaker, profile: InstitutionProfile, language: Language, add: Add): void {
    const taught = sampleStaffAnswer();
    const resolved = sampleTicket(profile, 'help', 'resolved', language);
    const overlapTitles = [speaker.say('answers.libraryContact.title')];
    const values = { title: taught.title, text: taught.text, examples: taught.examples };
    const overlapNotice = speaker.say('staffAnswers.notices.overlap', { titles: overlapTitles.join(', ') });
    add(
        'tickets',
        'staff/help/resolved/answerOverlap',
        'The staff card after "Cevaplara ekle" met an overlap with the guide',
        staffTicketCard(speaker, resolved, {
            timeZone: profile.timeZone,
            language,
            colleagues: [],
            notice: overlapNotice,
            answerDraft: { values, overlapTitles },
        }),
        'staff',
    );
    const listed = {
        id: taught.id,
        number: taught.number,
        eTag: taught.eTag,
        title: taught.title[language] ?? '',
        languages: [...LANGUAGES],
        by: PEOPLE.staff.name,
        when: formatTime(T0, language, profile.timeZone),
    };
    const question = SAMPLES[language].question;
    add(
        'tickets',
        'staffAnswers/list',
        'The "cevaplar" card: the library\'s answers and the questions waiting for one',
        staffAnswersCard(speaker, {
            kind: 'list',
            days: 30,
            moreAnswers: 0,
            moreQuestions: 4,
            answers: [
                { ...listed, status: 'active', overlapTitles: [] },
                { ...listed, number: 2, status: 'retired', overlapTitles },
            ],
            questions: [
                { text: question, count: 3, unsure: 1 },
                { text: taught.examples[language]![0], count: 1, unsure: 0 },
            ],
            notice: speaker.say('staffAnswers.notices.added', { number: taught.number }),
        }),
        'staff',
    );
    add(
        'tickets',
        'staffAnswers/list/empty',
        'The "cevaplar" card before any answer',
        staffAnswersCard(speaker, { kind: 'list', days: 30, moreAnswers: 0, moreQuestions: 0, answers: [], questions: [] }),
        'staff',
    );
    add('tickets', 'staffAnswers/new', 'The answer editor, from a waiting question', staffAnswersCard(speaker, { kind: 'edit', question, values: draftFromTicket(question, undefined, language) }), 'staff');
    add(
        'tickets',
        'staffAnswers/edit/overlap',
        'The answer editor after an overlap with the guide: confirm to save',
        staffAnswersCard(speaker, {
            kind: 'edit',
            values,
            overlapTitles,
            notice: overlapNotice,
            existing: { id: taught.id, number: taught.number, eTag: taught.eTag, status: 'active' },
        }),
        'staff',
    );
}

/**
 * Renewal reminders: "Hatırlatıcılarım", the expiry question, the timing explained with each offer
 * the dialog can make (Teams, e-mail, neither, nothing ahead), an expiry already past, and the two
 * proactive messages.
 */
function reminderCards(speaker: Speaker, profile: InstitutionProfile, language: Language, add: Add): void {
    const months = { lead: profile.renewalReminderMonthsBeforeExpiry, production: profile.kamusm.renewalProductionMonthsBeforeExpiry };
    const day = (at: number) => formatDay(at, language, profile.timeZone);
    const reminders = sampleReminders(language);
    const expiryOf = (reminder: { expiryMonth: number; expiryYear: number }) => formatExpiry(reminder.expiryMonth, reminder.expiryYear, language);
    const done = keyedChoice(speaker, 'done', 'renewalReminders.done');
    add(
        'reminders',
        'reminders/mine',
        '"My reminders" with two reminders',
        guideWith(
            {
                title: speaker.say('renewalReminders.title'),
                paragraphs: speaker.sayList('renewalReminders.intro'),
                facts: reminders.map((reminder, index) => ({
                    title: expiryOf(reminder),
                    value:
                        index === 0
                            ? speaker.say('renewalReminders.line', { expiry: expiryOf(reminder), next: day(renewalDates(reminder.expiryMonth, reminder.expiryYear, months).remindFrom) })
                            : speaker.say('renewalReminders.lineNoMessage', { expiry: expiryOf(reminder) }),
                })),
            },
            [
                ...reminders.map((reminder) => ({ id: `cancel:${reminder.id}`, title: speaker.say('renewalReminders.cancel', { expiry: expiryOf(reminder) }), matchKeys: [] })),
                keyedChoice(speaker, 'add', 'renewalReminders.add'),
                done,
            ],
        ),
    );
    add('reminders', 'reminders/ask', 'Asking for the expiry month and year', guideWith({ title: speaker.say('renewalReminders.askTitle'), paragraphs: speaker.sayList('renewalReminders.ask') }));

    const [reminder] = reminders;
    const dates = renewalDates(reminder.expiryMonth, reminder.expiryYear, months);
    const production = new Date(dates.productionFrom);
    const values = { expiry: expiryOf(reminder), production: formatExpiry(production.getUTCMonth() + 1, production.getUTCFullYear(), language) };
    const timing = speaker.sayList('renewalReminders.timing', values);
    const start = keyedChoice(speaker, 'start', 'renewalReminders.options.start');
    const noThanks = keyedChoice(speaker, 'noThanks', 'renewalReminders.options.noThanks');
    const remind = keyedChoice(speaker, 'remind', 'renewalReminders.options.remind');
    const explained = (id: string, caption: string, paragraphs: string[], choices: Choice[]) =>
        add(
            'reminders',
            `reminders/timing/${id}`,
            caption,
            guideWith(
                {
                    title: speaker.say('renewalReminders.title'),
                    paragraphs: [...timing, ...paragraphs],
                },
                choices,
            ),
        );
    const first = day(dates.remindFrom);
    explained(
        'teams',
        'The timing explained, in Teams: a reminder at the lead time and one when renewals go into production',
        [speaker.say('renewalReminders.offer', { first, second: day(dates.productionFrom) })],
        [remind, noThanks, start],
    );
    explained(
        'teams/last',
        'The same when only the production-time reminder is still ahead (time to start now)',
        [speaker.say('renewalReminders.timeToStart'), speaker.say('renewalReminders.offerLast', { first: day(dates.productionFrom) })],
        [remind, noThanks, start],
    );
    explained(
        'email',
        'The timing explained, in the web chat with e-mail set up',
        [speaker.say('renewalReminders.emailOffer', { first })],
        [keyedChoice(speaker, 'remindByEmail', 'renewalReminders.options.remindByEmail'), noThanks, start],
    );
    explained('neither', 'The timing explained, in the web chat without e-mail', [speaker.say('renewalReminders.needsTeamsOrEmail', { first })], [start, done]);
    explained('nothingAhead', 'The timing explained, no reminder left to send', [speaker.say('renewalReminders.timeToStart'), speaker.say('renewalReminders.nothingAhead')], [start, done]);
    add(
        'reminders',
        'reminders/past',
        'An expiry month already past: the way the guide gives',
        guideWith(
            {
                title: speaker.say('renewalReminders.pastTitle'),
                paragraphs: speaker.sayList('renewalReminders.past', values),
            },
            [start, done],
        ),
    );
    RENEWAL_STAGES.forEach((stage, index) => {
        add('reminders', `reminders/message/${stage}`, `The reminder message: ${stage}`, renewalReminderCard(speaker, reminder, index, months.production));
    });
}

/** The library's report: the staff "rapor" answer and the weekly digest. */
function reportCards(translator: Translator, profile: InstitutionProfile, language: Language, add: Add): void {
    const report = sampleReport(profile, language, [...loadAnswerCatalogue().keys()]);
    const words = reportWords(translator, language);
    add('reports', 'report', 'The report, answering "@bot rapor" in the staff channel', insightsCard(report, words, { timeZone: profile.timeZone }), 'staff');
    add('reports', 'report/digest', 'The weekly digest in the staff channel', insightsCard(report, words, { timeZone: profile.timeZone, digest: true }), 'staff');
}

/** Every card of one language. */
function cardsIn(translator: Translator, profile: InstitutionProfile, language: Language): Omit<GalleryCard, 'language'>[] {
    const speaker = languageSpeaker(translator, profile, language);
    const cards: Omit<GalleryCard, 'language'>[] = [];
    const add: Add = (group, id, caption, attachment, audience = 'user') => cards.push({ group, id, caption, audience, content: attachment.content as Record<string, unknown> });
    flowCards(speaker, profile, add);
    menuCards(speaker, add);
    statusCards(speaker, profile, add);
    answerCards(speaker, translator, language, add);
    userTicketCards(speaker, profile, language, add);
    staffTicketCards(speaker, profile, language, add);
    libraryAnswerCards(speaker, profile, language, add);
    reminderCards(speaker, profile, language, add);
    reportCards(translator, profile, language, add);
    // Notices when the bot is added to a team.
    for (const which of ['team', 'staffTeam'] as const) {
        add(
            'notices',
            `teams/${which}`,
            which === 'team' ? 'Added to a team' : "Added to the library's staff team",
            guideWith({ title: speaker.say(`teams.${which}.title`), paragraphs: speaker.sayList(`teams.${which}.body`) }),
        );
    }
    return cards;
}

/** Every card the bot can send, in both languages. */
export function galleryCards(translator: Translator, profile: InstitutionProfile): GalleryCard[] {
    return LANGUAGES.flatMap((language) => cardsIn(translator, profile, language).map((card) => ({ ...card, language })));
}

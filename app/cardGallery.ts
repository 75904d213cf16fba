import * as fs from 'fs';
import type { Attachment } from 'botbuilder';
import { answerCard, suggestionsCard, unknownQuestionCard, type TypedQuestion } from '../cards/answerCards';
import { askLibraryAction, choiceActions, menuAction } from '../cards/commonActions';
import { renderGuideCard, type GuideCardContent } from '../cards/guideCard';
import {
    completionCard, contactsCard, feesCard, generalHelpCard, menuCard, paymentTable, resumeCard, STATUS_KEYS, statusDetailCard, statusListCard, stepHelpCard,
} from '../cards/infoCards';
import type { Choice } from '../cards/payloads';
import { stepCard, stepReminderCard } from '../cards/stepCard';
import { formatDay, formatExpiry, renewalReminderCard } from '../cards/renewalCards';
import { RENEWAL_STAGES } from '../tickets/renewalReminder';
import { staffTicketCard, ticketHeading, userNoticeCard, formatTime } from '../cards/ticketCards';
import type { Translator } from '../core/i18n';
import { fromRoot } from '../core/projectPaths';
import { LANGUAGES, otherLanguage, type Language } from '../core/language';
import type { Speaker } from '../core/speaker';
import { loadAnswerCatalogue } from '../flow/answerCatalogue';
import {
    APPLICATION_KINDS, numberedSteps, pathOf, positionOf, STEPS, stepVariant, visibleOptions, type ApplicationKind, type FlowAnswers, type PathKey, type StepDefinition,
} from '../flow/flowSteps';
import type { InstitutionProfile } from '../institution/institutionProfile';
import { languageSpeaker } from '../institution/profileSpeaker';
import type { HistoryEntry, Person, Ticket, TicketKind, TicketStatus } from '../tickets/ticket';

/**
 * Every card the bot can send, built by the real card builders (`cards/`) with the real texts and
 * institution profile, in both languages: for `npm run cards` (the library's review page) and for
 * the test that checks each one with the official Adaptive Cards SDK. Where a dialog composes a
 * card itself (the ticket questions, "Taleplerim", the receipt, the Teams install notice), the same
 * `renderGuideCard` call is repeated here with the same locale keys.
 */

export interface GalleryCard {
    /** Stable and unique per language, e.g. `step/login/esign`. */
    id: string;
    /** Where it belongs on the page: steps, menus, status, answers, tickets, notices. */
    group: GalleryGroup;
    language: Language;
    /** What it is, for the reviewer (English, not shown to users). */
    caption: string;
    /** Staff cards go to the library's Teams channel; the rest to users in Teams and on the web. */
    audience: 'user' | 'staff';
    content: Record<string, unknown>;
}

const GALLERY_GROUPS = ['steps', 'menus', 'status', 'answers', 'tickets', 'notices'] as const;
type GalleryGroup = (typeof GALLERY_GROUPS)[number];

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
const MENU_CHOICES = ['first', 'renewal', 'lost', 'status', 'askLibrary', 'myTickets', 'fees', 'contact', 'language'];
const RESUME_CHOICES = ['resume', 'restart', 'showMenu'];

const choice = (speaker: Speaker, id: string, titleKey: string, values?: Record<string, unknown>): Choice => ({ id, title: speaker.say(titleKey, values), matchKeys: [titleKey] });

function stepChoices(speaker: Speaker, step: StepDefinition, answers: FlowAnswers, variant: string | undefined): Choice[] {
    return visibleOptions(step, answers).map((option) => {
        const stepKey = `steps.${step.id}.options.${option.id}`;
        return choice(speaker, option.id, speaker.has(stepKey) ? stepKey : `options.${option.id}`, { context: variant });
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
                const options = visibleOptions(step, answers).map((option) => option.id).join('+');
                const key = [step.id, variant ?? '', options, step.productionTiming ? pathOf(kind, answers) : ''].filter(Boolean).join('/');
                if (!shown.has(key)) shown.set(key, { kind, answers, step, variant, key });
            }
        }
    }
    return [...shown.values()];
}

/** Sample people and words for the sample tickets: data, kept apart from the code that draws the cards. */
const SAMPLES = JSON.parse(fs.readFileSync(fromRoot('app', 'cardGallerySamples.json'), 'utf8')) as {
    people: Record<'requester' | 'staff' | 'colleague', string>;
} & Record<Language, Record<'staffAsks' | 'userAnswers' | 'staffReplies' | 'staffResolves' | 'question' | 'transcriptBot' | 'transcriptUser' | 'unit' | 'title' | 'otherSignatures', string>>;
const PEOPLE = {
    requester: { id: 'user-1', name: SAMPLES.people.requester },
    staff: { id: 'staff-1', name: SAMPLES.people.staff },
    colleague: { id: 'staff-2', name: SAMPLES.people.colleague },
};
const T0 = Date.UTC(2026, 2, 2, 7, 30);
const MINUTE = 60_000;

/** A ticket as it stands after `status`, with a history that led there (all sample data). */
function sampleTicket(profile: InstitutionProfile, kind: TicketKind, status: TicketStatus, language: Language): Ticket {
    const staff = { ...PEOPLE.staff, role: 'staff' as const };
    const user = { ...PEOPLE.requester, role: 'user' as const };
    const sample = SAMPLES[language];
    const history: HistoryEntry[] = [{ at: T0, actor: user, action: 'created' }];
    if (status !== 'new' && status !== 'withdrawn') history.push({ at: T0 + 20 * MINUTE, actor: staff, action: 'claimed' });
    if (status === 'waitingForUser' || status === 'resolved') {
        history.push({ at: T0 + 30 * MINUTE, actor: staff, action: 'asked', text: sample.staffAsks });
        history.push({ at: T0 + 45 * MINUTE, actor: user, action: 'userMessage', text: sample.userAnswers });
    }
    if (status === 'resolved') history.push({ at: T0 + 60 * MINUTE, actor: staff, action: 'resolved', text: sample.staffResolves });
    if (status === 'withdrawn') history.push({ at: T0 + 10 * MINUTE, actor: user, action: 'withdrawn' });
    const emailAddress = `ayse.yilmaz@${profile.institutionalEmailDomain}`;
    return {
        id: `sample-${kind}-${status}`,
        number: 1001,
        kind,
        status,
        requester: { ...PEOPLE.requester, email: emailAddress, language, reference: { channelId: 'msteams' } },
        details: kind === 'help'
            ? {
                fullName: PEOPLE.requester.name, email: emailAddress, stepId: 'smsVerification',
                question: sample.question,
                transcript: [
                    { from: 'bot', text: sample.transcriptBot },
                    { from: 'user', text: sample.transcriptUser },
                ],
            }
            : kind === 'esignatureRequest'
                ? { fullName: PEOPLE.requester.name, email: emailAddress, unit: sample.unit, title: sample.title, applicationKind: 'first', otherInstitution: true, otherInstitutionSignatures: sample.otherSignatures }
                : { fullName: PEOPLE.requester.name, email: emailAddress },
        assignee: status === 'new' || status === 'withdrawn' ? undefined : PEOPLE.staff,
        history,
        reminders: {},
        createdAt: T0,
        updatedAt: history[history.length - 1].at,
        eTag: 'sample',
    };
}

/** Every card of one language. */
function cardsIn(translator: Translator, profile: InstitutionProfile, language: Language): Omit<GalleryCard, 'language'>[] {
    const speaker = languageSpeaker(translator, profile, language);
    const cards: Omit<GalleryCard, 'language'>[] = [];
    const add = (group: GalleryGroup, id: string, caption: string, attachment: Attachment, audience: 'user' | 'staff' = 'user') =>
        cards.push({ group, id, caption, audience, content: attachment.content as Record<string, unknown> });
    const guide = (group: GalleryGroup, id: string, caption: string, content: GuideCardContent, choices: Choice[] = []) =>
        add(group, id, caption, renderGuideCard({ ...content, actions: [...(content.actions ?? []), ...choiceActions(choices)] }));

    // The guided flow: every step, variant and option set; "Bulamıyorum" on each; the end of each path.
    for (const { kind, answers, step, variant, key } of distinctSteps()) {
        const position = positionOf(step.id, kind, answers);
        const choices = stepChoices(speaker, step, answers, variant);
        add('steps', `step/${key}`, `Step "${step.id}"${variant ? `, variant "${variant}"` : ''} (${kind})`, stepCard(speaker, {
            step, position, choices, variant, canGoBack: position.number > 1 || !!step.detourOf, path: pathOf(kind, answers),
            table: step.paymentTable ? paymentTable(speaker, profile) : undefined,
        }));
        add('steps', `stepHelp/${key}`, `"I can't find it" on step "${step.id}"${variant ? `, variant "${variant}"` : ''}`, stepHelpCard(speaker, step.id, variant, choices));
    }
    // A typed answer mid-flow comes with the step as one line (its buttons, and one to show it whole).
    for (const stepId of ['requestSent', 'menuNes'] as const) {
        const step = STEPS[stepId];
        add('steps', `stepReminder/${stepId}`, `The one-line reminder of step "${stepId}" under an answer`, stepReminderCard(speaker, {
            position: positionOf(stepId, 'first', {}), title: speaker.say(`steps.${stepId}.title`), choices: stepChoices(speaker, step, {}, undefined),
        }));
    }
    // "Guide me from this step" with nothing said of the application: asked first.
    guide('steps', 'situation/kind', 'Which application? (before a step chosen from an answer)', { title: speaker.say('situation.kind.title'), paragraphs: speaker.sayList('situation.kind.body') },
        APPLICATION_KINDS.map((kind) => choice(speaker, kind, `menu.options.${kind}`)));
    // Another application clicked on the welcome card while one is open.
    const switchValues = { current: speaker.say('menu.options.first'), wanted: speaker.say('menu.options.renewal'), number: 5, total: 18 };
    guide('menus', 'clicks/switch', 'Another application chosen on an older welcome card', { title: speaker.say('clicks.switch.title'), paragraphs: speaker.sayList('clicks.switch.body', switchValues) },
        [choice(speaker, 'switch', 'clicks.switch.options.switch', switchValues), choice(speaker, 'resume', 'clicks.switch.options.resume')]);
    for (const approval of ['esign', 'wet']) {
        for (const path of PATHS) {
            add('steps', `completion/${approval}/${path}`, `End of the flow: approval "${approval}", path "${path}"`,
                completionCard(speaker, approval, path, [choice(speaker, 'status', 'menu.options.status')]));
        }
    }

    // Menus and the places every step can reach.
    const menuChoices = (withResume: boolean) => [
        ...(withResume ? [choice(speaker, 'resume', 'menu.options.resume', { number: 5, total: 17 })] : []),
        ...MENU_CHOICES.map((id) => choice(speaker, id, `menu.options.${id}`)),
    ];
    add('menus', 'menu/welcome', 'Welcome (a user whose name the channel gives)', menuCard(speaker, menuChoices(false), speaker.sayList('menu.welcome', { context: 'named', name: PEOPLE.requester.name })));
    add('menus', 'menu/welcomeAnonymous', 'Welcome (no name known)', menuCard(speaker, menuChoices(false), speaker.sayList('menu.welcome')));
    add('menus', 'menu/withResume', 'The menu, with a guided flow in progress', menuCard(speaker, menuChoices(true), speaker.sayList('menu.prompt')));
    const resumeWhere = { number: 5, total: 17, title: speaker.say('steps.login.title', { context: 'edevlet' }) };
    add('menus', 'resume', 'Coming back after a while: resume or start over', resumeCard(speaker, RESUME_CHOICES.map((id) => choice(speaker, id, `resume.options.${id}`)), resumeWhere));
    add('menus', 'help', 'General help', generalHelpCard(speaker));
    add('menus', 'contacts', 'The library\'s contacts (the "library" command)', contactsCard(speaker));
    add('menus', 'contacts/ask', 'The library\'s contacts, with "write to the library"', contactsCard(speaker, [askLibraryAction(speaker)]));
    add('menus', 'contacts/menu', 'The library\'s contacts from the menu', contactsCard(speaker, [askLibraryAction(speaker), menuAction(speaker)]));
    add('menus', 'fees', 'Fees (from the menu)', feesCard(speaker, menuChoices(false).filter((option) => option.id === 'first')));
    add('menus', 'fees/typed', 'Fees (typed on a step)', feesCard(speaker, []));

    // The status explainer.
    const statusChoices = [
        ...STATUS_KEYS.map((status) => choice(speaker, status, speaker.has(`status.${status}.choice`) ? `status.${status}.choice` : `kamusm.statuses.${status}`)),
        choice(speaker, 'done', 'status.done'),
    ];
    add('status', 'status/list', 'What does my status mean?', statusListCard(speaker, statusChoices));
    for (const status of STATUS_KEYS) {
        add('status', `status/${status}`, `Status "${status}"`, statusDetailCard(speaker, profile, status, statusChoices.filter((option) => option.id !== status)));
    }

    // Typed questions: every answer, "did you mean", and "I don't know".
    const question: TypedQuestion = { text: language === 'tr' ? 'kod gelmiyor' : 'the code does not come' };
    const otherWay: TypedQuestion = { ...question, switchTo: { language: otherLanguage(language), title: translator.t(otherLanguage(language), 'understanding.switchLanguage') } };
    const catalogue = loadAnswerCatalogue();
    for (const entry of catalogue.values()) {
        add('answers', `answer/${entry.id}`, `Answer "${entry.id}"`, answerCard(speaker, entry, question, { canGuide: true }));
    }
    const firstEntry = [...catalogue.values()][0];
    if (firstEntry) add('answers', `answer/${firstEntry.id}/otherLanguage`, 'An answer to a question typed in the other language', answerCard(speaker, firstEntry, otherWay, { canGuide: true }));
    add('answers', 'suggestions', '"Did you mean"', suggestionsCard(speaker, [...catalogue.keys()].slice(0, 3), otherWay));
    add('answers', 'unknown', 'No answer fits', unknownQuestionCard(speaker, question));
    add('answers', 'unknown/otherLanguage', 'No answer fits (typed in the other language)', unknownQuestionCard(speaker, otherWay));

    // Tickets, the user's side: the questions the ticket dialogs ask, the receipt, "Taleplerim", the notices.
    const yesNo = ['yes', 'no'].map((id) => choice(speaker, id, `options.${id}`));
    const sendOrNot = ['send', 'dontSend'].map((id) => choice(speaker, id, `tickets.choices.${id}`));
    guide('tickets', 'request/kind', 'E-signature request: which kind', { title: speaker.say('tickets.ask.kind') }, APPLICATION_KINDS.map((id) => choice(speaker, id, `tickets.applicationKinds.${id}`)));
    guide('tickets', 'request/otherInstitution', 'E-signature request: another institution\'s e-signature', { title: speaker.say('tickets.ask.otherInstitution'), paragraphs: speaker.sayList('tickets.ask.otherInstitutionWhy') }, yesNo);
    const request = sampleTicket(profile, 'esignatureRequest', 'new', language);
    const userFacts: [string, string | undefined][] = [
        ['requester', request.details.fullName], ['email', request.details.email], ['unit', request.details.unit], ['title', request.details.title],
        ['applicationKind', speaker.say('tickets.applicationKinds.first')], ['otherInstitution', speaker.say('options.yes')], ['otherInstitutionSignatures', request.details.otherInstitutionSignatures],
    ];
    guide('tickets', 'request/summary', 'E-signature request: the summary before sending', {
        title: speaker.say('tickets.request.summaryTitle'),
        paragraphs: speaker.sayList('tickets.request.summaryBody'),
        facts: userFacts.filter((fact): fact is [string, string] => !!fact[1]).map(([key, value]) => ({ title: speaker.say(`tickets.userFacts.${key}`), value })),
    }, sendOrNot);
    guide('tickets', 'formDelivery', 'Bringing the signed form: confirm', { title: speaker.say('tickets.formDelivery.title'), paragraphs: speaker.sayList('tickets.formDelivery.body') }, sendOrNot);
    for (const kind of ['esignatureRequest', 'formDelivery', 'help'] as const) {
        guide('tickets', `created/${kind}`, `The receipt of a new ticket (${kind})`, {
            title: speaker.say('tickets.created.title', { number: 1001 }),
            paragraphs: speaker.sayList(`tickets.created.body_${kind}`, { number: 1001 }),
            actions: [{ title: speaker.say('menu.options.myTickets'), data: { choice: 'myTickets' } }],
        });
    }
    const mine = [sampleTicket(profile, 'help', 'claimed', language), sampleTicket(profile, 'esignatureRequest', 'resolved', language)];
    const when = (ticket: Ticket) => formatTime(ticket.updatedAt, speaker.say('tickets.dateLanguage'), profile.timeZone);
    guide('tickets', 'mine', '"My tickets"', {
        title: speaker.say('tickets.mine.title'),
        paragraphs: speaker.sayList('tickets.mine.intro'),
        facts: mine.map((ticket) => ({ title: ticketHeading(speaker, ticket), value: speaker.say('tickets.mine.line', { status: speaker.say(`tickets.statuses.${ticket.status}`), when: when(ticket) }) })),
    }, [
        ...(['message', 'withdraw'] as const).map((action) => ({ id: `${action}:1`, title: speaker.say(`tickets.mine.${action}`, { number: 1001 }), matchKeys: [] })),
        choice(speaker, 'done', 'status.done'),
    ]);
    guide('tickets', 'mine/none', '"My tickets" without any', { title: speaker.say('tickets.mine.title'), paragraphs: speaker.sayList('tickets.mine.none') }, [choice(speaker, 'done', 'status.done')]);
    guide('tickets', 'mine/withdraw', 'Withdrawing a ticket: confirm', { title: speaker.say('tickets.mine.withdrawQuestion', { number: 1001 }) }, yesNo);
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

    // Tickets, the library's side (in the staff team's channel; always in the staff language, shown here in both).
    const staffOptions = (colleagues: Person[], notice?: string) => ({ timeZone: profile.timeZone, language, colleagues, notice });
    const statuses: TicketStatus[] = ['new', 'claimed', 'waitingForUser', 'resolved', 'withdrawn'];
    for (const kind of ['help', 'esignatureRequest', 'formDelivery'] as const) {
        for (const status of kind === 'help' ? statuses : ['new'] as TicketStatus[]) {
            add('tickets', `staff/${kind}/${status}`, `The staff card: ${kind}, ${status}`, staffTicketCard(speaker, sampleTicket(profile, kind, status, language), staffOptions([PEOPLE.staff, PEOPLE.colleague])), 'staff');
        }
    }
    add('tickets', 'staff/help/new/alone', 'The staff card when the team has no one else to assign to', staffTicketCard(speaker, sampleTicket(profile, 'help', 'new', language), staffOptions([])), 'staff');
    add('tickets', 'staff/help/claimed/refused', 'The staff card after a refused click', staffTicketCard(speaker, sampleTicket(profile, 'help', 'claimed', language),
        staffOptions([PEOPLE.staff, PEOPLE.colleague], speaker.say('tickets.refusals.alreadyClaimed', { by: PEOPLE.staff.name }))), 'staff');

    // Notices when the bot is added to a team.
    // Renewal reminders: when a renewal goes into production and why to apply before; the two proactive messages; an expired certificate.
    const expiryValues = { expiry: formatExpiry(6, 2027, language), production: formatExpiry(4, 2027, language) };
    guide('notices', 'renewal/timing', 'Renewal reminders: the expiry month given', {
        title: speaker.say('renewalReminders.title'),
        paragraphs: [...speaker.sayList('renewalReminders.timing', expiryValues), speaker.say('renewalReminders.offer', { first: formatDay(Date.UTC(2027, 1, 1, 6), language, profile.timeZone), second: formatDay(Date.UTC(2027, 3, 1, 6), language, profile.timeZone) })],
    }, ['remind', 'noThanks', 'start'].map((id) => choice(speaker, id, `renewalReminders.options.${id}`)));
    guide('notices', 'renewal/past', 'Renewal reminders: an expiry month already past', { title: speaker.say('renewalReminders.pastTitle'), paragraphs: speaker.sayList('renewalReminders.past', expiryValues) },
        [choice(speaker, 'start', 'renewalReminders.options.start'), choice(speaker, 'done', 'renewalReminders.done')]);
    const reminder = { id: 'sample', userId: 'sample', language, expiryMonth: 6, expiryYear: 2027, createdAt: T0 };
    RENEWAL_STAGES.forEach((stage, index) => add('notices', `renewal/message/${stage}`, `The renewal reminder in Teams: ${stage}`,
        renewalReminderCard(speaker, reminder, index, profile.kamusm.renewalProductionMonthsBeforeExpiry)));
    for (const which of ['team', 'staffTeam'] as const) {
        guide('notices', `teams/${which}`, which === 'team' ? 'Added to a team' : 'Added to the library\'s staff team', { title: speaker.say(`teams.${which}.title`), paragraphs: speaker.sayList(`teams.${which}.body`) });
    }
    return cards;
}

/** Every card the bot can send, in both languages. */
export function galleryCards(translator: Translator, profile: InstitutionProfile): GalleryCard[] {
    return LANGUAGES.flatMap((language) => cardsIn(translator, profile, language).map((card) => ({ ...card, language })));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside a <script> block: no `</script>` or `<!--` can close it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export interface GalleryPageOptions {
    /** The Adaptive Cards renderer (`adaptivecards/dist/adaptivecards.min.js`), inlined so the page works offline. */
    rendererScript: string;
    title: string;
}

/**
 * One static page: every card, Turkish and English side by side, rendered in the browser by the
 * official Adaptive Cards renderer with a Teams-like host config (light theme, at most 6 buttons
 * before "…", as Teams shows them).
 */
export function galleryHtml(cards: GalleryCard[], options: GalleryPageOptions): string {
    const rows = new Map<string, { group: GalleryGroup; caption: string; audience: string; byLanguage: Partial<Record<Language, GalleryCard>> }>();
    for (const card of cards) {
        const row = rows.get(card.id) ?? { group: card.group, caption: card.caption, audience: card.audience, byLanguage: {} };
        row.byLanguage[card.language] = card;
        rows.set(card.id, row);
    }
    const sections = GALLERY_GROUPS.map((group) => {
        const inGroup = [...rows.entries()].filter(([, row]) => row.group === group);
        if (inGroup.length === 0) return '';
        const items = inGroup.map(([id, row]) => `
<section class="row" id="${escapeHtml(id)}">
  <h3><a href="#${escapeHtml(id)}">${escapeHtml(row.caption)}</a> <code>${escapeHtml(id)}</code>${row.audience === 'staff' ? ' <span class="tag">staff channel</span>' : ''}</h3>
  <div class="pair">${LANGUAGES.map((language) => `<div class="card" lang="${language}" data-card="${escapeHtml(`${language}:${id}`)}"></div>`).join('')}</div>
</section>`).join('');
        return `<h2 id="group-${group}">${escapeHtml(group)} (${inGroup.length})</h2>${items}`;
    }).join('\n');
    const payload = Object.fromEntries(cards.map((card) => [`${card.language}:${card.id}`, card.content]));
    return `<!doctype html>
<html lang="tr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 2rem; background: #f5f5f5; color: #242424; }
  h2 { border-bottom: 2px solid #5b5fc7; padding-bottom: .25rem; text-transform: capitalize; }
  h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; } h3 a { color: inherit; text-decoration: none; }
  code { font-size: .8rem; color: #616161; } .tag { font-size: .75rem; background: #e8ebfa; color: #4f52b2; border-radius: 4px; padding: 0 .4rem; }
  nav a { margin-right: 1rem; } .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; align-items: start; }
  .card { background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.15); overflow: hidden; }
  .card::before { content: attr(lang); display: block; font-size: .7rem; text-transform: uppercase; color: #616161; padding: .25rem .75rem 0; }
  [role="menubar"] { flex-wrap: wrap; row-gap: 8px; }
  .ac-pushButton { white-space: normal; max-width: 100%; cursor: pointer; border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; padding: 5px 12px; font-weight: 600; }
  .ac-pushButton.style-positive { background: #5b5fc7; color: #fff; border-color: #5b5fc7; }
  .ac-textBlock p { margin: 0; } .ac-textBlock ul { margin: 0; padding-left: 1.25rem; }
</style>
</head>
<body>
<h1>${escapeHtml(options.title)}</h1>
<p>Every card the bot can send (${rows.size} cards × ${LANGUAGES.length} languages), built from the project's card builders, texts and institution profile, and rendered by the official Adaptive Cards renderer. Generated by <code>npm run cards</code>; example names and tickets are samples.</p>
<nav>${GALLERY_GROUPS.map((group) => `<a href="#group-${group}">${escapeHtml(group)}</a>`).join('')}</nav>
${sections}
<script>${options.rendererScript.replace(/<\/script/gi, '<\\/script')}</script>
<script id="cards" type="application/json">${scriptJson(payload)}</script>
<script>
(function () {
  var AC = window.AdaptiveCards;
  // As Teams does: the buttons past the sixth go into a "…" menu.
  AC.GlobalSettings.allowMoreThanMaxActionsInOverflowMenu = true;
  var cards = JSON.parse(document.getElementById('cards').textContent);
  var hostConfig = new AC.HostConfig({
    fontFamily: 'Segoe UI, system-ui, sans-serif',
    actions: { maxActions: 6, actionsOrientation: 'horizontal', buttonSpacing: 8, showCard: { actionMode: 'inline' } },
    supportsInteractivity: true
  });
  function escape(text) { return text.replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  // The Markdown Teams renders in TextBlocks and facts: bold, italic, links, bulleted lines.
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    var lines = escape(text).split(/\\r?\\n/);
    var html = '', inList = false;
    lines.forEach(function (line) {
      var item = /^\\s*[-*] (.*)$/.exec(line);
      if (item && !inList) { html += '<ul>'; inList = true; }
      if (!item && inList) { html += '</ul>'; inList = false; }
      var body = (item ? item[1] : line)
        .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
        .replace(/(^|\\s)_(.+?)_(?=\\s|$)/g, '$1<em>$2</em>')
        .replace(/\\[([^\\]]+)\\]\\((https?:[^)\\s]+)\\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
      html += item ? '<li>' + body + '</li>' : (body ? '<p>' + body + '</p>' : '');
    });
    if (inList) html += '</ul>';
    result.outputHtml = html;
    result.didProcess = true;
  };
  var failures = [];
  document.querySelectorAll('[data-card]').forEach(function (slot) {
    var key = slot.getAttribute('data-card');
    var card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    var context = new AC.SerializationContext(AC.Versions.v1_5);
    card.parse(cards[key], context);
    for (var i = 0; i < context.eventCount; i++) failures.push(key + ': ' + context.getEventAt(i).message);
    card.onExecuteAction = function () {};
    var rendered = card.render();
    if (!rendered) { failures.push(key + ': not rendered'); return; }
    slot.appendChild(rendered);
  });
  document.body.setAttribute('data-rendered', String(document.querySelectorAll('[data-card] .ac-adaptiveCard').length));
  if (failures.length) { failures.forEach(function (failure) { console.error(failure); }); }
})();
</script>
</body>
</html>
`;
}

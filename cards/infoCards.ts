import type { Attachment } from 'botbuilder';
import type { Choice } from './payloads';
import { commandData } from './payloads';
import { PAYMENT_CHANNELS, type InstitutionProfile } from '../institution/institutionProfile';
import { choiceActions, menuAction } from './commonActions';
import { renderGuideCard, type CardAction, type TableCell } from './guideCard';
import type { Speaker } from '../core/speaker';

export const STATUS_KEYS = ['awaitingPayment', 'awaitingProduction', 'cancelled', 'awaitingForm'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

/** Teams shows six top-level buttons before a "…" menu; the menu's choices stay visible in two groups instead. */
const MENU_FIRST_GROUP = 6;

export function menuCard(speaker: Speaker, choices: Choice[], intro: string[]): Attachment {
    const actions = choiceActions(choices);
    return renderGuideCard({ title: speaker.say('menu.title'), paragraphs: intro, actionGroups: [actions.slice(0, MENU_FIRST_GROUP), actions.slice(MENU_FIRST_GROUP)] });
}

export function resumeCard(speaker: Speaker, choices: Choice[], where: { number: number; total: number; title: string }): Attachment {
    return renderGuideCard({
        title: speaker.say('resume.title'),
        paragraphs: speaker.sayList('resume.body', where),
        actions: choiceActions(choices),
    });
}

export function contactsCard(speaker: Speaker, extraActions: CardAction[] = []): Attachment {
    return renderGuideCard({
        title: speaker.say('contacts.title'),
        paragraphs: speaker.sayList('contacts.body'),
        facts: speaker.sayList<{ label: string; value: string }>('contacts.facts').map((fact) => ({ title: fact.label, value: fact.value })),
        actions: extraActions,
    });
}

export function feesCard(speaker: Speaker, choices: Choice[]): Attachment {
    return renderGuideCard({ title: speaker.say('fees.title'), paragraphs: speaker.sayList('fees.body'), actions: [...choiceActions(choices), menuAction(speaker)] });
}

/** The generic "what can I do here" card, for places that have no step of their own. */
export function generalHelpCard(speaker: Speaker): Attachment {
    return renderGuideCard({
        title: speaker.say('help.title'),
        paragraphs: speaker.sayList('help.body'),
        actions: [menuAction(speaker), { title: speaker.say('actions.askLibrary'), data: commandData('library') }],
    });
}

/** "I can't find it" on one step: that step's hints, with the step's own buttons to go on. */
export function stepHelpCard(speaker: Speaker, stepId: string, variant: string | undefined, choices: Choice[]): Attachment {
    return renderGuideCard({
        title: speaker.say('help.stepTitle', { step: speaker.say(`steps.${stepId}.title`, { context: variant }) }),
        paragraphs: speaker.sayList(`steps.${stepId}.help`, { context: variant }),
        actions: [...choiceActions(choices), { title: speaker.say('actions.askLibrary'), data: commandData('library') }],
    });
}

export function statusListCard(speaker: Speaker, choices: Choice[]): Attachment {
    return renderGuideCard({ title: speaker.say('status.title'), paragraphs: speaker.sayList('status.intro'), actions: choiceActions(choices) });
}

/**
 * The guide's banks and channels (✓ per channel), from the institution profile: one row per channel
 * and a column per bank, so it fits a phone (six columns broke "İŞBANK" and "Çağrı Merkezi" mid-word).
 */
export function paymentTable(speaker: Speaker, profile: InstitutionProfile): { cells: TableCell[] }[] {
    const banks = profile.kamusm.paymentBanks;
    const header: TableCell[] = [{ text: speaker.say('status.channelColumn'), weight: 'Bolder' }, ...banks.map((bank): TableCell => ({ text: bank.name, weight: 'Bolder' }))];
    const rows = PAYMENT_CHANNELS.map((channel): { cells: TableCell[] } => ({
        cells: [
            { text: speaker.say(`status.paymentChannels.${channel}`), weight: 'Bolder' },
            ...banks.map((bank): TableCell => (bank.channels.includes(channel) ? { text: '✓', color: 'Good' } : { text: '–' })),
        ],
    }));
    return [{ cells: header }, ...rows];
}

export function statusDetailCard(speaker: Speaker, profile: InstitutionProfile, status: StatusKey, choices: Choice[]): Attachment {
    const key = `status.${status}`;
    return renderGuideCard({
        // "Başvuru Formu Bekleniyor" is a result screen's heading, not a row status: its card says so.
        title: speaker.has(`${key}.title`) ? speaker.say(`${key}.title`) : speaker.say(`kamusm.statuses.${status}`),
        paragraphs: speaker.sayList(`${key}.body`),
        facts: speaker.has(`${key}.facts`) ? speaker.sayList<{ label: string; value: string }>(`${key}.facts`).map((fact) => ({ title: fact.label, value: fact.value })) : [],
        table: status === 'awaitingPayment' ? paymentTable(speaker, profile) : undefined,
        note: speaker.has(`${key}.note`) ? speaker.say(`${key}.note`) : undefined,
        actions: choiceActions(choices),
    });
}

/** The end of a path: what is left to do, and when this path's certificate goes into production. */
export function completionCard(speaker: Speaker, variant: string, path: string, choices: Choice[]): Attachment {
    return renderGuideCard({
        title: speaker.say('completion.title'),
        paragraphs: [...speaker.sayList('completion.body', { context: variant }), speaker.say(`completion.production.${path}`)],
        actions: [...choiceActions(choices), menuAction(speaker)],
    });
}

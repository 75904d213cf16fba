import * as fs from 'fs';
import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import { fromRoot } from '../core/projectPaths';

export interface CardAction {
    title: string;
    data: Record<string, unknown>;
    style?: 'positive' | 'default';
}

export interface TableCell {
    text: string;
    weight?: 'Bolder' | 'Default';
    color?: 'Accent' | 'Good' | 'Default';
}

/** Everything a guide card can show; each part is optional but the title. */
export interface GuideCardContent {
    header?: { phase: string; progress: string };
    title: string;
    breadcrumb?: string;
    paragraphs?: string[];
    facts?: { title: string; value: string }[];
    table?: { cells: TableCell[] }[];
    note?: string;
    /** Someone's words shown as they wrote them (a staff reply relayed to the user). */
    quote?: string;
    /** One free-text box whose value comes back with the submit (`id` names it). */
    input?: { id: string; placeholder: string };
    actions?: CardAction[];
}

// Read once: the template is content, not code, and does not change while the bot runs.
const template = new Template(JSON.parse(fs.readFileSync(fromRoot('cards', 'guideCard.json'), 'utf8')));

export function renderGuideCard(content: GuideCardContent): Attachment {
    const card = template.expand({
        $root: {
            paragraphs: [],
            facts: [],
            actions: [],
            ...content,
            table: content.table?.map((row) => ({ cells: row.cells.map((cell) => ({ weight: 'Default', color: 'Default', ...cell })) })),
            ...(content.actions ? { actions: content.actions.map((action) => ({ style: 'default', ...action })) } : {}),
        },
    }) as Record<string, unknown>;
    return CardFactory.adaptiveCard(card);
}

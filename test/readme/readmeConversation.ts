import * as fs from 'fs';
import type { Activity } from 'botbuilder';
import { fromRoot } from '../../core/projectPaths';
import { buttonsOf } from '../support/cardText';
import { TestChat } from '../support/testBot';

/** Where the conversation goes in the README, between these two lines. */
export const README = fromRoot('README.md');
const START = '<!-- conversation:start (written by `npm run readme:conversation`; a test checks it) -->';
const END = '<!-- conversation:end -->';

interface CardNode {
    type?: string;
    text?: string;
    style?: string;
    items?: CardNode[];
    columns?: CardNode[];
    facts?: { title: string; value: string }[];
    body?: CardNode[];
}

/** The card's words in reading order: the header, the title in bold, paragraphs, facts; tables and buttons apart. */
function cardLines(node: CardNode, lines: string[]): void {
    switch (node.type) {
        case 'TextBlock':
            if (node.text) lines.push(node.style === 'heading' ? `**${node.text}**` : node.text);
            return;
        case 'ColumnSet':
            // A step's header: its phase, then "Adım n / m".
            lines.push((node.columns ?? []).map((column) => (column.items ?? []).map((item) => item.text ?? '').join(' ')).join(' — '));
            return;
        case 'FactSet':
            for (const fact of node.facts ?? []) lines.push(`${fact.title}: ${fact.value}`);
            return;
        case 'Container':
            for (const item of node.items ?? []) cardLines(item, lines);
            return;
        default:
    }
}

/** One reply as the README shows it: every line quoted, a card's buttons in brackets on one line. */
function replyMarkdown(activity: Partial<Activity>): string[] {
    const lines: string[] = activity.text ? activity.text.split('\n').filter(Boolean) : [];
    for (const attachment of activity.attachments ?? []) {
        const content = attachment.content as CardNode;
        for (const node of content.body ?? []) cardLines(node, lines);
        const buttons = buttonsOf({ attachments: [attachment] }).map((button) => `[${button.title}]`);
        if (buttons.length > 0) lines.push(buttons.join(' '));
    }
    return lines.map((line) => `> ${line.replace(/\n/g, ' ')}`);
}

type Move = { open: true; note: string } | { click: string; older?: boolean } | { say: string };

/** The conversation: a renewal, typed and clicked answers, help, an ID number, a question mid-flow, a button of an older card. */
const SCRIPT: Move[] = [
    { open: true, note: 'the user opens the chat' },
    { click: 'E-imzamı yenilemek istiyorum' },
    { say: 'evet' },
    { say: 'yardim' },
    { say: 'TC kimlik no 10000000146' },
    { say: 'imzalı formu nereye götüreceğim' },
    { click: 'Evet, gönderdim', older: true },
    { click: 'Hayır, yok' },
];

/** Plays the script against the bot itself (in memory, as in the tests) and writes what the user reads. */
export async function recordConversation(): Promise<string> {
    const chat = new TestChat({ locale: 'tr-TR', userName: 'Ayşe Yılmaz' });
    const out: string[] = [];
    for (const move of SCRIPT) {
        let replies: Partial<Activity>[];
        if ('open' in move) {
            replies = await chat.open();
            out.push(`**Bot** (${move.note})`);
        } else if ('click' in move) {
            replies = await chat.click(move.click);
            out.push(`**User**: [${move.click}]${move.older ? ' (on the step 1 card, scrolled up to)' : ''}`);
        } else {
            replies = await chat.say(move.say);
            out.push(`**User**: ${move.say}`);
        }
        out.push(replies.flatMap(replyMarkdown).join('\n'), '');
    }
    return out.join('\n').trim();
}

/** The README's conversation as it stands, or undefined when the markers are missing. */
export function readmeConversation(readme = fs.readFileSync(README, 'utf8')): string | undefined {
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    return start < 0 || end < start ? undefined : readme.slice(start + START.length, end).trim();
}

export function withConversation(readme: string, conversation: string): string {
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) throw new Error(`README.md has no "${START}" … "${END}" section`);
    return `${readme.slice(0, start + START.length)}\n\n${conversation}\n\n${readme.slice(end)}`;
}

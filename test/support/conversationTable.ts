import * as assert from 'assert';
import type { TestChat } from './testBot';

/** One row of a conversation: what the user does, then what they must read and be offered. */
export interface Turn {
    open?: true;
    say?: string;
    click?: string;
    sees?: string[];
    doesNotSee?: string[];
    offers?: string[];
}

function describeTurn(turn: Turn): string {
    if (turn.open) return 'opens the chat';
    return turn.click !== undefined ? `clicks "${turn.click}"` : `says "${turn.say}"`;
}

/** A new Turkish user's first application, clicked through to the KamuSM menu step (e-Devlet path). */
export const TO_KAMUSM_MENU: Turn[] = [
    { open: true },
    { click: 'Yeni e-imza başvurusu' },
    { click: 'Evet, gönderdim' },
    { click: 'Hayır, yok' },
    { click: 'Evet, geldi' },
    { click: 'Hayır, yok' },
    { click: 'Giriş yaptım' },
];

/** Plays the rows in order; a failure names the row and shows what the user actually saw. */
export async function play(chat: TestChat, turns: Turn[]): Promise<void> {
    for (const [index, turn] of turns.entries()) {
        if (turn.open) await chat.open();
        else if (turn.click !== undefined) await chat.click(turn.click);
        else await chat.say(turn.say ?? '');
        const where = `row ${index + 1} (user ${describeTurn(turn)})`;
        const text = chat.text();
        for (const expected of turn.sees ?? []) {
            if (!text.includes(expected)) assert.fail(`${where}: expected to read "${expected}" in:\n${text}`);
        }
        for (const unexpected of turn.doesNotSee ?? []) {
            if (text.includes(unexpected)) assert.fail(`${where}: did not expect "${unexpected}" in:\n${text}`);
        }
        const titles = chat.buttons().map((button) => button.title);
        for (const offered of turn.offers ?? []) {
            if (!titles.includes(offered)) assert.fail(`${where}: expected a button "${offered}" among: ${titles.join(' | ')}`);
        }
    }
}

import * as assert from 'assert';
import { HISTORY_SHOWN, HISTORY_TEXT_SHOWN, staffThreadMessage, staffTicketCard, userNoticeCard } from '../../cards/ticketCards';
import { STAFF_TEXT_MAX, ticketMessageSchema, USER_ANSWER_MAX } from '../../cards/payloads';
import { plainText } from '../../cards/plainText';
import { languageSpeaker } from '../../institution/profileSpeaker';
import type { Ticket } from '../../tickets/ticket';
import { changed, minutes, sampleTicket, staffMember, TICKET_TIME } from '../tickets/sampleTickets';
import { readableText } from '../support/cardText';
import { profile, translator } from '../support/testBot';

/** Teams refuses bot messages (and card updates) over about 28 KB. */
const TEAMS_CARD_LIMIT = 28 * 1024;
const speaker = languageSpeaker(translator, profile, 'tr');
const options = { timeZone: 'Europe/Istanbul', language: 'tr', colleagues: Array.from({ length: 100 }, (_, i) => ({ id: `29:member-${i}`, name: `Kütüphane Çalışanı ${i}` })) };
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

function longTicket(entries: number, textLength: number): Ticket {
    let ticket: Ticket = {
        ...sampleTicket({ details: { question: 'S'.repeat(1000), transcript: Array.from({ length: 12 }, () => ({ from: 'user' as const, text: 'T'.repeat(300) })) } }),
        id: 't-1',
        number: 1001,
        eTag: 'e',
    };
    for (let i = 0; i < entries; i++) {
        ticket = changed(ticket, i % 2 ? 'userMessage' : 'replied', TICKET_TIME + minutes(i + 1), 'claimed', `${i}:${'x'.repeat(textLength)}`);
    }
    return { ...ticket, assignee: staffMember };
}

describe('staff card: bounded for Teams (issue 12, point 11)', () => {
    it('a ticket with a long history still fits: the latest entries, each cut, and a count of the rest', () => {
        const ticket = longTicket(60, 4000);
        const card = staffTicketCard(speaker, ticket, options);
        assert.ok(bytes(card.content) < TEAMS_CARD_LIMIT, `the card is ${bytes(card.content)} bytes`);
        const text = readableText({ attachments: [card] });
        assert.match(text, new RegExp(`daha önce ${60 + 1 - HISTORY_SHOWN} kayıt`));
        assert.ok(text.includes('59:xxx'), 'the latest entry is shown');
        assert.ok(!text.includes('51:xxx'), 'older entries are left out');
        assert.ok(!text.includes('x'.repeat(HISTORY_TEXT_SHOWN + 1)), 'each entry is cut');
    });

    it('a short history is shown whole, without a count', () => {
        const text = readableText({ attachments: [staffTicketCard(speaker, longTicket(3, 20), options)] });
        assert.doesNotMatch(text, /daha önce/);
        for (const i of [0, 1, 2]) assert.ok(text.includes(`${i}:xxx`));
    });

    it('the answer box of a notice card and the staff text boxes carry a maxLength, and an overlong answer is cut at the server', () => {
        const ticket = changed({ ...sampleTicket(), id: 't-2', number: 1002, eTag: 'e' }, 'asked', TICKET_TIME + minutes(1), 'waitingForUser', 'Hangi kampüs?');
        const notice = JSON.stringify(userNoticeCard(speaker, ticket, ticket.history[1]).content);
        assert.match(notice, new RegExp(`"id":"message"[^}]*"maxLength":${USER_ANSWER_MAX}`));
        const staff = JSON.stringify(staffTicketCard(speaker, ticket, options).content);
        assert.ok((staff.match(new RegExp(`"maxLength":${STAFF_TEXT_MAX}`, 'g')) ?? []).length >= 3, 'reply, ask and resolve');
        const parsed = ticketMessageSchema.parse({ ticketAction: 'message', ticketId: 't-2', message: 'y'.repeat(100_000) });
        assert.strictEqual(parsed.message?.length, USER_ANSWER_MAX);
    });
});

describe('staff card: what people typed is plain text, never Markdown', () => {
    const phishing = '[Onayla](https://evil.example/login) **ACİL** _hemen_ {{DATE(2026-01-01T00:00:00Z, SHORT)}}';

    it('escapes links, emphasis and card functions', () => {
        const safe = plainText(phishing);
        assert.ok(!safe.includes('[Onayla](https'), safe);
        assert.ok(safe.includes('\\[Onayla\\]'), safe);
        assert.ok(safe.includes('\\*\\*ACİL\\*\\*'), safe);
        assert.ok(!safe.includes('{{'), safe);
        assert.strictEqual(plainText('- madde\n1. madde'), '\\- madde\n1\\. madde');
        assert.strictEqual(plainText('Doç. Dr. Ayşe Yılmaz, 2027’ye kadar'), 'Doç. Dr. Ayşe Yılmaz, 2027’ye kadar');
    });

    it('in the facts, the transcript, the history, the thread line and the user notice', () => {
        const base = sampleTicket();
        let ticket: Ticket = {
            ...base,
            id: 't-3',
            number: 1003,
            eTag: 'e',
            requester: { ...base.requester, name: `Ayşe ${phishing}` },
            details: { ...base.details, question: phishing, transcript: [{ from: 'user', text: phishing }] },
        };
        ticket = changed(ticket, 'userMessage', TICKET_TIME + minutes(1), 'new', phishing);
        ticket = changed(ticket, 'replied', TICKET_TIME + minutes(2), 'claimed', phishing);
        const card = JSON.stringify(staffTicketCard(speaker, ticket, options).content);
        assert.ok(!card.includes('[Onayla](https'), 'a link reached the staff card');
        assert.ok(!card.includes('{{DATE'), 'a card function reached the staff card');
        const line = staffThreadMessage(speaker, ticket, ticket.history[1], 'Europe/Istanbul') ?? '';
        assert.ok(line.includes('Onayla') && !line.includes('[Onayla](https'), line);
        const notice = JSON.stringify(userNoticeCard(speaker, ticket, ticket.history[2]).content);
        assert.ok(notice.includes('Onayla') && !notice.includes('[Onayla](https'), 'a link reached the user notice');
    });
});

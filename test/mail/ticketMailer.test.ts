import * as assert from 'assert';
import { createTranslator } from '../../core/i18n';
import type { Logger } from '../../core/logger';
import { REDACTION_MARK } from '../../core/privacyGuard';
import type { Ticket } from '../../tickets/ticket';
import { createTicketMailer, type TicketMailerConfig } from '../../mail/ticketMailer';
import { sampleTicket } from '../tickets/sampleTickets';
import { startMailServer } from '../support/mailServer';

const translator = createTranslator();
const tr = (key: string) => translator.t('tr', key);

function recordingLogger() {
    const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
    const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
        lines.push({ level, message, fields });
    };
    const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
    return { logger, lines };
}

const config = (url: string | undefined): TicketMailerConfig => ({
    SMTP_URL: url,
    TICKET_EMAIL_TO: 'ebysyardim@bezmialem.edu.tr',
    TICKET_EMAIL_FROM: 'e-imza-asistani@bezmialem.edu.tr',
    WORKING_TIME_ZONE: 'Europe/Istanbul',
});

const ticket = (overrides: Partial<Ticket>): Ticket => ({ ...sampleTicket(), id: 'ticket-1', number: 1042, eTag: 'e1', ...overrides });

describe('ticket e-mail copy', () => {
    let server: Awaited<ReturnType<typeof startMailServer>> | undefined;

    afterEach(async () => {
        await server?.stop();
        server = undefined;
    });
    const serve = async (options?: { refuseRecipients?: boolean }) => (server = await startMailServer(options));

    it('is off without SMTP_URL, and off (with a warning) without a recipient', () => {
        const { logger, lines } = recordingLogger();
        assert.strictEqual(createTicketMailer(config(undefined), translator, logger), undefined);
        assert.strictEqual(lines.length, 0);
        assert.strictEqual(createTicketMailer({ ...config('smtp://127.0.0.1:1'), TICKET_EMAIL_TO: undefined }, translator, logger), undefined);
        assert.deepStrictEqual(
            lines.map((line) => line.level),
            ['warn'],
        );
    });

    it('mails an e-signature request to the library, in Turkish, with every fact staff need', async () => {
        const smtp = await serve();
        const { logger, lines } = recordingLogger();
        const mailer = createTicketMailer(config(smtp.url), translator, logger)!;
        await mailer.send(
            ticket({
                kind: 'esignatureRequest',
                requester: { ...sampleTicket().requester, language: 'en', name: 'Mehmet Öztürk', email: 'mehmet.ozturk@bezmialem.edu.tr' },
                details: {
                    fullName: 'Mehmet Öztürk',
                    unit: 'Tıp Fakültesi',
                    title: 'Dr. Öğr. Üyesi',
                    email: 'mehmet.ozturk@bezmialem.edu.tr',
                    applicationKind: 'renewal',
                    otherInstitutionSignatures: 'Sağlık Bakanlığı',
                },
            }),
        );
        mailer.close();

        assert.strictEqual(smtp.received.length, 1);
        const [{ envelopeFrom, envelopeTo, mail }] = smtp.received;
        assert.strictEqual(envelopeFrom, 'e-imza-asistani@bezmialem.edu.tr');
        assert.deepStrictEqual(envelopeTo, ['ebysyardim@bezmialem.edu.tr']);
        assert.strictEqual(mail.subject, translator.t('tr', 'email.subject', { number: 1042, kind: tr('email.kinds.esignatureRequest') }));
        assert.match(mail.subject ?? '', /1042/);
        const body = mail.text ?? '';
        for (const expected of [
            `${tr('email.labels.number')}: 1042`,
            `${tr('email.labels.kind')}: ${tr('email.kinds.esignatureRequest')}`,
            `${tr('email.labels.status')}: ${tr('email.statuses.new')}`,
            `${tr('email.labels.requester')}: Mehmet Öztürk <mehmet.ozturk@bezmialem.edu.tr>`,
            `${tr('email.labels.unit')}: Tıp Fakültesi`,
            `${tr('email.labels.title')}: Dr. Öğr. Üyesi`,
            `${tr('email.labels.applicationKind')}: ${tr('email.applicationKinds.renewal')}`,
            `${tr('email.labels.otherInstitutionSignatures')}: Sağlık Bakanlığı`,
            `${tr('email.labels.createdAt')}: 27 Kasım 2026 12:00`,
        ])
            assert.ok(body.includes(expected), `body lacks "${expected}":\n${body}`);
        assert.ok(!body.includes(tr('email.sections.transcript')), 'no transcript section without a transcript');
        assert.deepStrictEqual(
            lines.map((line) => [line.level, line.fields?.number]),
            [['info', 1042]],
        );
    });

    it('mails a help ticket with its question, step and transcript, secrets masked', async () => {
        const smtp = await serve();
        const mailer = createTicketMailer(config(smtp.url), translator, recordingLogger().logger)!;
        await mailer.send(
            ticket({
                kind: 'help',
                requester: { ...sampleTicket().requester, email: undefined },
                details: {
                    question: 'SMS kodu gelmiyor',
                    stepId: 'smsVerification',
                    transcript: [
                        { from: 'bot', text: 'Cep telefonunuza gelen kodu KamuSM ekranına yazın.' },
                        { from: 'user', text: 'TC kimlik numaram 10000000146, kod gelmedi' },
                    ],
                },
            }),
        );
        mailer.close();

        const body = smtp.received[0].mail.text ?? '';
        assert.strictEqual(smtp.received[0].mail.subject, translator.t('tr', 'email.subject', { number: 1042, kind: tr('email.kinds.help') }));
        for (const expected of [
            `${tr('email.labels.requester')}: Ayşe Işık <${tr('email.notGiven')}>`,
            `${tr('email.labels.question')}: SMS kodu gelmiyor`,
            `${tr('email.labels.step')}: ${tr('steps.smsVerification.title')}`,
            tr('email.sections.transcript'),
            `${tr('email.speakers.bot')}: Cep telefonunuza gelen kodu KamuSM ekranına yazın.`,
            `${tr('email.speakers.user')}: TC kimlik numaram ${REDACTION_MARK}, kod gelmedi`,
        ])
            assert.ok(body.includes(expected), `body lacks "${expected}":\n${body}`);
        assert.ok(!body.includes('10000000146'), 'a national ID number never leaves in an e-mail');
    });

    it('rejects, and says so in the log, when the mail server refuses', async () => {
        const smtp = await serve({ refuseRecipients: true });
        const { logger, lines } = recordingLogger();
        const mailer = createTicketMailer(config(smtp.url), translator, logger)!;
        await assert.rejects(mailer.send(ticket({})));
        mailer.close();
        assert.strictEqual(smtp.received.length, 0);
        assert.deepStrictEqual(
            lines.map((line) => [line.level, line.fields?.ticketId]),
            [['warn', 'ticket-1']],
        );
    });
});

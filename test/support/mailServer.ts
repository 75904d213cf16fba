import type { AddressInfo } from 'net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
    envelopeFrom: string;
    envelopeTo: string[];
    mail: ParsedMail;
}

/** A real SMTP server on 127.0.0.1, plain text and no auth, keeping what it accepts. */
export async function startMailServer(options: { refuseRecipients?: boolean } = {}) {
    const received: Received[] = [];
    const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onRcptTo(_address, _session, callback) {
            callback(options.refuseRecipients ? new Error('mailbox unavailable') : null);
        },
        onData(stream, session, callback) {
            simpleParser(stream).then((mail) => {
                received.push({
                    envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                    envelopeTo: session.envelope.rcptTo.map((to) => to.address),
                    mail,
                });
                callback();
            }, callback);
        },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    return { received, url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`, stop: () => new Promise<void>((resolve) => server.close(resolve)) };
}

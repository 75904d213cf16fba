/** What one simulated user does, turn by turn; each walk is a new conversation. */
export type Step = { say: string } | { click: string };

/**
 * A user who opens the chat, starts a first application (asked the library: yes; another
 * institution's e-signature: no; KamuSM's e-mail came: yes; a valid e-signature now: no, so the
 * e-Devlet path) and clicks through to the KamuSM menu, asks two typed questions on the way, then asks the library a question (a help
 * ticket: question, name, e-mail) and reads it back in "Taleplerim".
 */
export const WALK: Step[] = [
    { say: 'merhaba' },
    { click: 'first' },
    { click: 'yes' },
    { click: 'no' },
    { click: 'yes' },
    { click: 'no' },
    { click: 'done' },
    { say: 'sms kodu gelmedi' },
    { click: 'done' },
    { click: 'done' },
    { say: 'e-imza ücretini kim ödüyor' },
    { click: 'done' },
    { say: 'menü' },
    { click: 'askLibrary' },
    { say: 'Başvuru formunu nereye getirmeliyim?' },
    { say: 'Ayşe Yılmaz' },
    { say: 'ayse.yilmaz@bezmialem.edu.tr' },
    { click: 'myTickets' },
    { click: 'done' },
];

/** The cheap walk of the memory mode: open the chat, click once. */
export const SHORT_WALK: Step[] = [{ say: 'merhaba' }, { click: 'first' }];

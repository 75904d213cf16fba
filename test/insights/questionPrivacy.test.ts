import * as assert from 'assert';
import { readableText } from '../support/cardText';
import { TicketWorld } from '../support/ticketWorld';
import { translator } from '../support/testBot';

const DAY = 86_400_000;

/** Inputs that once leaked: contact details, and an ID glued to a UUID's tail. */
const WITH_CONTACTS = 'Mehmet Öz, telefonum 0532 123 45 67, e-postam mehmet.oz@bezmialem.edu.tr, kedim hasta ne yapmalıyım';
const WITH_GLUED_ID = 'Kedim kimlik numaram 10000000146-0000-0000-0000-000000000000 yazınca neden hata veriyor';
/** The same question from three people, each with their own number and address, in Arabic-Indic digits once. */
const ASKED_THRICE = [
    'kütüphanenin otoparkı nerede acaba, beni 0532 111 22 33 numarasından arayın',
    'kütüphanenin otoparkı nerede acaba? beni 05324445566 numarasından arayın, ayse@gmail.com',
    'kütüphanenin otoparkı nerede acaba, beni ٠٥٣٢ ٧٧٧ ٨٨ ٩٩ numarasından arayın',
];
const LEAKS = ['0532', '123 45 67', 'mehmet.oz@', '10000000146', '111 22 33', '4445566', 'ayse@gmail.com', '٧٧٧'];

describe('unanswered questions keep no contact details and reach the staff channel only when asked often (security review 2, N6, N7)', function () {
    this.timeout(60_000);
    let world: TicketWorld;
    before(async () => (world = await TicketWorld.started({ inStaffTeam: true })));
    after(async () => world.stop());

    it('the question log keeps the question without phone numbers, e-mail addresses or an ID glued to a UUID', async () => {
        const answers = [await world.webUser('web-contacts').say(WITH_CONTACTS), await world.webUser('web-glued').say(WITH_GLUED_ID)];
        assert.match(answers[1], new RegExp(translator.t('tr', 'privacy.warning_nationalId').slice(0, 30)), 'the ID is noticed and the user warned');
        for (const [index, text] of ASKED_THRICE.entries()) await world.webUser(`web-parking-${index}`).say(text);
        const now = world.clock.now();
        const kept = await world.app.services.questions.list(now - DAY, now + DAY);
        const stored = JSON.stringify(kept);
        assert.ok(kept.length >= 4, stored);
        for (const leak of LEAKS) assert.ok(!stored.includes(leak), `"${leak}" was kept: ${stored}`);
        assert.ok(
            kept.some((question) => /kedim hasta/.test(question.text)),
            'the question itself is kept',
        );
    });

    it('the staff "rapor" card shows the question three people asked, masked, and only counts the ones asked once', async () => {
        const card = (await world.staffSays('rapor')).map(readableText).join('\n');
        assert.match(card, /3 × "kütüphanenin otoparkı nerede acaba, beni ••• numarasından arayın"/);
        assert.ok(!card.includes('kedim hasta') && !card.includes('Mehmet Öz') && !card.includes('Kedim kimlik'), card);
        // Every kept question but the three alike is counted, not shown (which of the others the bot kept is the recognizer's business).
        const now = world.clock.now();
        const askedOnce = (await world.app.services.questions.list(now - 7 * DAY, now + DAY)).length - ASKED_THRICE.length;
        assert.ok(askedOnce >= 1, 'at least the contact-details question was kept');
        const notShown = translator.t('tr', 'insights.unanswered.notShown', { count: askedOnce, min: 3 });
        assert.ok(card.includes(notShown), `no "${notShown}" in:\n${card}`);
        for (const leak of LEAKS) assert.ok(!card.includes(leak), `"${leak}" reached the staff channel`);
    });
});

import { strict as assert } from 'assert';
import { TestChat, translator } from '../support/testBot';
import { WALK } from '../../bench/script';

/*
 * The bench's figures mean something only while its scripted walk still goes where it says: every
 * click is one the card on screen offers (a click the flow no longer expects would be answered
 * with "please choose a button", a cheaper turn than the one meant), and the help ticket is made
 * and read back.
 */
describe('the bench walk', () => {
    it('is accepted at every turn, through the guided flow, two typed questions and a help ticket', async () => {
        const chat = new TestChat({ locale: 'tr-TR', userName: 'Ayşe Yılmaz' });
        const notUnderstood = translator.t('tr', 'flow.chooseAnOption');
        const seen: string[] = [];
        for (const [index, step] of WALK.entries()) {
            if ('click' in step) {
                const offered = chat.buttons().map((button) => (button.data as { choice?: unknown } | undefined)?.choice);
                assert.ok(offered.includes(step.click), `turn ${index + 1}: "${step.click}" is not offered (${offered.join(', ')})`);
            }
            const replies = 'say' in step ? await chat.say(step.say) : await chat.pick(step.click);
            assert.ok(replies.length > 0, `turn ${index + 1} got no reply`);
            assert.ok(!chat.text().includes(notUnderstood), `turn ${index + 1} (${JSON.stringify(step)}) was not understood`);
            seen.push(chat.text());
        }
        const ticketMade = seen.findIndex((text) => /#\d+/.test(text));
        assert.ok(ticketMade > 0, 'no help ticket was made');
        assert.match(seen.slice(ticketMade + 1).join('\n'), /#\d+/, 'the ticket was not read back');
    });
});

import * as assert from 'assert';
import { languageSpeaker } from '../../institution/profileSpeaker';
import { readableText } from '../support/cardText';
import { profile, TestChat, translator } from '../support/testBot';

const say = languageSpeaker(translator, profile, 'tr');

/** What the user sees as one message is one activity: one bubble to read, one call to the channel. */
describe('one message for what belongs together', () => {
    it('asking the library: the introduction and the question are one message; the receipt and the menu after it are one', async () => {
        const chat = new TestChat({ locale: 'tr-TR' });
        await chat.open();
        await chat.say('menü');
        await chat.click(say.say('menu.options.askLibrary'));
        assert.strictEqual(chat.replies().length, 1, chat.text());
        assert.ok(chat.text().includes(say.say('tickets.help.intro')) && chat.text().includes(say.say('tickets.ask.question')), chat.text());
        await chat.say('Başvuru formunu nereye getirmeliyim?');
        await chat.say('Ayşe Yılmaz');
        await chat.say('ayse.yilmaz@bezmialem.edu.tr');
        assert.strictEqual(chat.replies().length, 1, chat.text());
        const [message] = chat.replies();
        assert.strictEqual(message.attachments?.length, 2, 'the receipt, then the menu');
        assert.match(readableText({ attachments: [message.attachments[0]] }), /#\d+/, 'the receipt comes first, with the ticket number');
        assert.ok(readableText({ attachments: [message.attachments[1]] }).includes(say.say('menu.title')), 'the menu follows it');
    });
});

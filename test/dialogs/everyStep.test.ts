import * as assert from 'assert';
import { numberedSteps } from '../../flow/flowSteps';
import { TestChat } from '../support/testBot';

// The answers (button ids) that walk a renewal with a valid e-signature through all 18 steps.
const RENEWAL_ANSWERS = ['yes', 'no', 'yes', 'yes', ...Array<string>(12).fill('done'), 'esign'];
const TOTAL = numberedSteps('renewal', { signatureValid: true, approval: 'esign' }).length;

async function chatAtStep(step: number): Promise<TestChat> {
    const chat = new TestChat({ locale: 'tr-TR' });
    await chat.open();
    await chat.click('E-imzamı yenilemek istiyorum');
    for (const choice of RENEWAL_ANSWERS.slice(0, step - 1)) await chat.pick(choice);
    assert.ok(chat.text().includes(`Adım ${step} / ${TOTAL}`), `could not reach step ${step}:\n${chat.text()}`);
    return chat;
}

describe('every step answers help, language, back, menu and cancel', () => {
    it('the walk really has 18 steps', () => assert.strictEqual(TOTAL, RENEWAL_ANSWERS.length + 1));

    for (let step = 1; step <= TOTAL; step++) {
        it(`Adım ${step} / ${TOTAL}`, async () => {
            const chat = await chatAtStep(step);
            const title = chat.text().split('\n')[0];

            await chat.say('yardim');
            assert.ok(chat.text().includes(`Bulamıyorum: ${title}`), `help on step ${step}:\n${chat.text()}`);

            await chat.say('English');
            assert.ok(chat.text().includes(`Step ${step} / ${TOTAL}`), `English on step ${step}:\n${chat.text()}`);
            await chat.say('Türkçe');
            assert.ok(chat.text().includes(`Adım ${step} / ${TOTAL}`));

            await chat.say('GERİ');
            assert.ok(chat.text().includes(step === 1 ? 'Ne yapmak istiyorsunuz?' : `Adım ${step - 1} / ${TOTAL}`), `back on step ${step}:\n${chat.text()}`);

            await chat.say('Menü');
            assert.ok(chat.text().includes('Ne yapmak istiyorsunuz?'));
            if (step > 1) {
                await chat.say('devam');
                assert.ok(chat.text().includes(`Adım ${step - 1} / ${TOTAL}`), 'the menu keeps the place');
                await chat.say('Iptal');
                assert.ok(chat.text().includes('Başvuru rehberini bıraktım'));
                assert.ok(!chat.buttons().some((button) => button.title.startsWith('Kaldığım yerden')), 'cancel forgets the place');
            }
        });
    }
});

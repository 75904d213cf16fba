import * as fs from 'fs';
import { README, recordConversation, withConversation } from './readmeConversation';

/** `npm run readme:conversation`: plays the README's conversation against the bot and writes it into README.md. */
async function main(): Promise<void> {
    const conversation = await recordConversation();
    fs.writeFileSync(README, withConversation(fs.readFileSync(README, 'utf8'), conversation));
    console.log('README.md: the sample conversation is written.');
    process.exit(0);
}

void main();

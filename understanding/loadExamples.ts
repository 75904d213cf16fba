import * as fs from 'fs';
import * as path from 'path';
import { InternalError } from '../core/errors';
import { LANGUAGES, type Examples } from './types';

/**
 * Reads the recognizer's training questions from `<localesDir>/<lang>/questions.json`
 * (`{ "<answerId>": ["question", …], "outOfScope": […] }`).
 */
export function loadExamples(localesDir: string): Examples {
    const examples = {} as Examples;
    for (const language of LANGUAGES) {
        const file = path.join(localesDir, language, 'questions.json');
        const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new InternalError(`${file}: expected an object of question lists`);
        const lists: Record<string, string[]> = {};
        for (const [answerId, questions] of Object.entries(parsed as Record<string, unknown>)) {
            if (!Array.isArray(questions) || !questions.every((question) => typeof question === 'string')) {
                throw new InternalError(`${file}: "${answerId}" must be a list of strings`);
            }
            lists[answerId] = questions;
        }
        examples[language] = lists;
    }
    return examples;
}

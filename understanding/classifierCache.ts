import * as fs from 'fs';
import * as path from 'path';
import type { Logger } from '../core/logger';
import { readClassifier, writeClassifier } from './classifierFile';
import type { TfidfModel } from './tfidfEngine';

/**
 * Classifiers trained at run time, kept for the next start. Once the library has taught the bot an
 * answer, the build's model no longer fits (other examples) and every start trained again: with one
 * library answer the knowledge base took about 0.65 s of a cold start instead of 0.19 s, on every
 * restart, deploy and new instance. Kept under their examples' fingerprint, so a model is found only
 * for the very examples it learned.
 */
export interface ClassifierCache {
    find(fingerprint: string): TfidfModel | undefined;
    /** Best effort: a model that cannot be kept is trained again next time, nothing worse. */
    keep(model: TfidfModel): void;
}

/** The few newest are kept: the current answers' model and the ones just before it. */
const KEPT = 3;

/** A cache in `dir` (the bot's DATA_DIR/classifiers): one file per model, named by its fingerprint. */
export function classifierCacheIn(dir: string, logger?: Logger): ClassifierCache {
    // A fingerprint is "<examples>:<SHA-256 in hex>" (tfidfEngine.ts); the colon is no file name character everywhere.
    const fileOf = (fingerprint: string) => path.join(dir, `${fingerprint.replace(':', '-')}.bin`);
    return {
        find(fingerprint) {
            if (!/^\d+:[0-9a-f]{64}$/.test(fingerprint)) return undefined;
            const model = readClassifier(fileOf(fingerprint));
            return model?.fingerprint === fingerprint ? model : undefined;
        },
        keep(model) {
            try {
                fs.mkdirSync(dir, { recursive: true });
                // Written aside and renamed: a reader (another instance on the same disk) never sees half a file.
                const file = fileOf(model.fingerprint);
                const partial = `${file}.${process.pid}.partial`;
                writeClassifier(partial, model);
                fs.renameSync(partial, file);
                const newestFirst = fs
                    .readdirSync(dir)
                    .filter((name) => name.endsWith('.bin'))
                    .map((name) => ({ file: path.join(dir, name), modified: fs.statSync(path.join(dir, name)).mtimeMs }))
                    .sort((a, b) => b.modified - a.modified);
                for (const old of newestFirst.slice(KEPT)) fs.rmSync(old.file, { force: true });
            } catch (error) {
                logger?.warn('the trained classifier could not be kept for the next start', { error: (error as Error).message });
            }
        },
    };
}

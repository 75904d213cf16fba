import * as fs from 'fs';
import * as path from 'path';
import type { TfidfModel } from './tfidfEngine';

/**
 * The guide's classifier, trained once by `npm run build` (tools/writeGuideClassifier.ts) and read
 * at start-up instead of being trained again: training took a quarter of the start-up. Beside the
 * compiled code, so it is as old as the build; a model of other examples (the locales edited since,
 * the library's own answers added) is never used — `createRecognizer` compares its fingerprint with
 * the examples it has and trains when they differ.
 */
export const GUIDE_CLASSIFIER_FILE = path.join(__dirname, 'guideClassifier.bin');

const ARRAYS = ['idf', 'labels', 'postingStart', 'postingExample', 'postingWeight', 'centroid', 'isTrigram', 'softmaxWeights', 'softmaxBias'] as const;
type ArrayName = (typeof ARRAYS)[number];
type NumberArray = Float64Array | Int32Array | Uint8Array;
const KINDS = { Float64Array, Int32Array, Uint8Array };
type Kind = keyof typeof KINDS;

interface Header {
    fingerprint: string;
    features: string[];
    answerIds: string[];
    unseenIdf: number;
    /** Each array's type and its place in the bytes after the header (8-byte aligned). */
    arrays: Partial<Record<ArrayName, { kind: Kind; offset: number; length: number }>>;
}

/** Bytes to add after `length` bytes so that what follows starts on 8 bytes (every array type's alignment). */
const paddingTo8 = (length: number) => (8 - (length % 8)) % 8;

function arraysOf(model: TfidfModel): Partial<Record<ArrayName, NumberArray>> {
    const { idf, labels, postingStart, postingExample, postingWeight, centroid, isTrigram, softmax } = model;
    return { idf, labels, postingStart, postingExample, postingWeight, centroid, isTrigram, softmaxWeights: softmax?.weights, softmaxBias: softmax?.bias };
}

/** [header length: 4 bytes][header JSON, padded to 8 bytes][the arrays' bytes] */
export function writeClassifier(file: string, model: TfidfModel): void {
    const arrays = arraysOf(model);
    const header: Header = { fingerprint: model.fingerprint, features: model.features, answerIds: model.answerIds, unseenIdf: model.unseenIdf, arrays: {} };
    const parts: Buffer[] = [];
    let offset = 0;
    for (const name of ARRAYS) {
        const array = arrays[name];
        if (!array) continue;
        header.arrays[name] = { kind: array.constructor.name as Kind, offset, length: array.length };
        const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
        const padding = paddingTo8(bytes.length);
        parts.push(bytes, Buffer.alloc(padding));
        offset += bytes.length + padding;
    }
    const json = Buffer.from(JSON.stringify(header));
    const headerBytes = Buffer.alloc(4 + json.length + paddingTo8(4 + json.length));
    headerBytes.writeUInt32LE(json.length, 0);
    json.copy(headerBytes, 4);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.concat([headerBytes, ...parts]));
}

/** The model in `file`, or undefined when there is none or it cannot be read (the caller trains then). */
export function readClassifier(file: string): TfidfModel | undefined {
    try {
        const bytes = fs.readFileSync(file);
        const length = bytes.readUInt32LE(0);
        const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as Header;
        const start = 4 + length + paddingTo8(4 + length);
        const array = (name: ArrayName): NumberArray | undefined => {
            const place = header.arrays[name];
            if (!place) return undefined;
            const Kind = KINDS[place.kind];
            const from = bytes.byteOffset + start + place.offset;
            // A view of the file's bytes where they are aligned for the type (a file this size gets a
            // buffer of its own, and every array starts on 8 bytes); a copy only where they are not.
            if (from % Kind.BYTES_PER_ELEMENT === 0) return new Kind(bytes.buffer, from, place.length);
            return new Kind(bytes.buffer.slice(from, from + place.length * Kind.BYTES_PER_ELEMENT));
        };
        const weights = array('softmaxWeights') as Float64Array | undefined;
        const bias = array('softmaxBias') as Float64Array | undefined;
        return {
            fingerprint: header.fingerprint,
            features: header.features,
            answerIds: header.answerIds,
            unseenIdf: header.unseenIdf,
            idf: array('idf') as Float64Array,
            labels: array('labels') as Int32Array,
            postingStart: array('postingStart') as Int32Array,
            postingExample: array('postingExample') as Int32Array,
            postingWeight: array('postingWeight') as Float64Array,
            centroid: array('centroid') as Float64Array,
            isTrigram: array('isTrigram') as Uint8Array,
            softmax: weights && bias ? { weights, bias } : undefined,
        };
    } catch {
        return undefined;
    }
}

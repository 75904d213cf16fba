import { GUIDE_CLASSIFIER_FILE, writeClassifier } from '../understanding/classifierFile';
import { loadKnowledgeContent, trainGuideClassifier } from '../understanding/knowledgeBase';
import { GUIDE_WORDS_FILE, writePreparedWords } from '../understanding/preparedWords';

// Part of `npm run build` (scripts/compiled.js): trains the guide's classifier once, and works out its
// examples' words once, for every start to read.
const content = loadKnowledgeContent(undefined, false);
writeClassifier(GUIDE_CLASSIFIER_FILE, trainGuideClassifier(content));
writePreparedWords(GUIDE_WORDS_FILE, content.examples, content.concepts);

import { GUIDE_CLASSIFIER_FILE, writeClassifier } from '../understanding/classifierFile';
import { loadKnowledgeContent, trainGuideClassifier } from '../understanding/knowledgeBase';

// Part of `npm run build` (scripts/compiled.js): trains the guide's classifier once, for every start to read.
const model = trainGuideClassifier(loadKnowledgeContent(undefined, false));
writeClassifier(GUIDE_CLASSIFIER_FILE, model);

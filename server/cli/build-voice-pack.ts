// Makes the default voice pack (npm run build:voice, part of npm run build): a clip for every
// word of the default call sentence, and the chime, in dist/voice/default.

import { clipsNeeded, CHIME, DEFAULT_CALL_PHRASE } from '../domain/announcement/announcement.js';
import { makeClips } from '../../hardware/voice/espeak-clips.js';
import { DEFAULT_VOICE_DIR } from '../paths.js';

const made = await makeClips(DEFAULT_VOICE_DIR, clipsNeeded(DEFAULT_CALL_PHRASE), CHIME);
if (made.length > 0) console.log(`voice: made ${made.length} clips in ${DEFAULT_VOICE_DIR}`);

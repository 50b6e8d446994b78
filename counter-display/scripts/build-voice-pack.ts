/**
 * Generates the default voice pack (espeak-ng words + a sox chime) into a folder:
 *   npx tsx counter-display/scripts/build-voice-pack.ts [out-dir] [--south] [--english] [--config <file>]
 * The default folder is counter-display/voice-pack/ (ignored by git: the clips are megabytes and are
 * rebuilt from this script). With --config, the pack also covers that centre's templates and counter names.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfigFile } from '@motcua/shared/config/load';
import { voiceSchema } from '@motcua/shared/config/voice';
import { requiredClips } from '../src/voice/announcement.js';
import { buildVoicePack } from '../src/voice/pack-builder.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { south: { type: 'boolean' }, english: { type: 'boolean' }, config: { type: 'string' } },
});
const dir = positionals[0] ?? fileURLToPath(new URL('../voice-pack/', import.meta.url));
let voice = values.config === undefined ? voiceSchema.parse({}) : loadConfigFile(values.config).voice;
if (values.south === true) voice = { ...voice, dialect: 'south' };
if (values.english === true) voice = { ...voice, english: true };

const clips = requiredClips(voice);
const result = await buildVoicePack({ dir, clips, dialect: voice.dialect });
process.stdout.write(
  `${dir}: ${result.manifest.clips.length} clips (${result.generated} new) + chime, ` +
    `${voice.dialect}, ${(result.ms / 1000).toFixed(1)} s\n`,
);

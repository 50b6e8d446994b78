import { benchVoiceCommand } from './src/voice/cli.js';
const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };
await benchVoiceCommand(['--json', ...process.argv.slice(2)], io);

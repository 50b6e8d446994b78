/**
 * The hall board's voice, assembled: pack + config → renderer → queue → audio output, with the health the
 * board reports. The board screen (another module) calls `announce` for every call event it receives.
 */
import type { VoiceConfig } from '@motcua/shared/config/voice';
import type { Clock } from '@motcua/shared/runtime/clock';
import type { Logger } from '@motcua/shared/runtime/logger';
import { requiredClips, type AnnounceCall } from './announcement.js';
import { espeakSynthesise, type Synthesiser } from './espeak.js';
import { VoiceHealth, type VoiceHealthReport } from './health.js';
import type { AudioOutput } from './output.js';
import type { VoicePack } from './pack.js';
import { AnnouncementQueue, type QueueEvent } from './queue.js';
import { AnnouncementRenderer } from './renderer.js';

export interface BoardVoiceDeps {
  readonly voice: VoiceConfig;
  readonly pack: VoicePack;
  readonly output: AudioOutput;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly synth?: Synthesiser;
  readonly onEvent?: (e: QueueEvent) => void;
}

export interface BoardVoice {
  readonly queue: AnnouncementQueue;
  readonly renderer: AnnouncementRenderer;
  announce(call: AnnounceCall): void;
  health(): VoiceHealthReport;
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

export function createBoardVoice(deps: BoardVoiceDeps): BoardVoice {
  const health = new VoiceHealth(deps.clock, deps.pack, requiredClips(deps.voice), deps.voice.chime);
  if (deps.pack.manifest.dialect !== deps.voice.dialect)
    deps.logger.warn('voice pack dialect differs from the configured dialect', {
      pack: deps.pack.manifest.dialect,
      config: deps.voice.dialect,
    });
  const renderer = new AnnouncementRenderer({
    pack: deps.pack,
    voice: deps.voice,
    synth: deps.synth ?? espeakSynthesise,
    health,
  });
  const queue = new AnnouncementQueue({
    render: (call, allocate) => renderer.render(call, allocate),
    output: deps.output,
    clock: deps.clock,
    logger: deps.logger.child('voice'),
    health,
    ...(deps.onEvent === undefined ? {} : { onEvent: deps.onEvent }),
  });
  return {
    queue,
    renderer,
    announce: (call) => queue.enqueue(call),
    health: () => health.report(),
    whenIdle: () => queue.whenIdle(),
    close: async () => {
      await queue.whenIdle();
      await deps.output.close();
    },
  };
}

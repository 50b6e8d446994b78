import { describe, expect, it } from 'vitest';
import { ConfigError, exampleConfigPaths, loadConfigFile, parseConfig } from '../src/config.js';

const district = loadConfigFile(exampleConfigPaths.district);

function problemsOf(voice: unknown): string[] {
  try {
    parseConfig({ ...JSON.parse(JSON.stringify(district)), voice });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => `${p.field}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('voice config', () => {
  it('a config without a voice section gets the defaults: North, chime, said twice, Vietnamese only', () => {
    expect(district.voice.dialect).toBe('north');
    expect(district.voice.chime).toBe(true);
    expect(district.voice.repeat).toBe(2);
    expect(district.voice.english).toBe(false);
    expect(district.voice.templates.vi.call).toContain('{number}');
  });

  it('keeps spoken counter names and a southern dialect', () => {
    const c = parseConfig({
      ...JSON.parse(JSON.stringify(district)),
      voice: { dialect: 'south', counterNames: { q4: { vi: 'Tiếp nhận hồ sơ đất đai' } } },
    });
    expect(c.voice.dialect).toBe('south');
    expect(c.voice.counterNames.q4?.vi).toBe('Tiếp nhận hồ sơ đất đai');
    expect(c.voice.templates.en.call).toContain('{counter}');
  });

  it.each([
    [{ dialect: 'central' }, 'voice.dialect'],
    [{ templates: { vi: { call: 'Mời số thứ tự' } } }, 'voice.templates.vi.call: must contain {number}'],
    [
      { templates: { vi: { call: 'Mời {number} {room}' } } },
      'voice.templates.vi.call: must contain {number}',
    ],
    [{ counterNames: { q4: { vi: 'Quầy 4' } } }, 'voice.counterNames.q4.vi: must be written in words'],
    [{ repeat: 0 }, 'voice.repeat'],
    [{ volume: 3 }, 'voice: unknown field "volume"'],
  ])('refuses %j, naming %s', (voice, expected) => {
    expect(problemsOf(voice).join('\n')).toContain(expected);
  });
});

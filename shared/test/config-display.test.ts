/** The counter display's and rating pad's configuration: officers' photos and the rating screen's timings. */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';
import { testConfig } from './helpers.js';

const withPhoto = (photo: string): unknown => ({
  ...testConfig(),
  officers: [{ id: 'o1', name: 'Nguyễn Thị Hương', photo }],
});

describe('config: counter display and rating pad', () => {
  it('an officer photo is a picture path inside the configuration folder', () => {
    expect(parseConfig(withPhoto('photos/o1.jpg')).officers[0]!.photo).toBe('photos/o1.jpg');
    expect(parseConfig(withPhoto('o1.webp')).officers[0]!.photo).toBe('o1.webp');
    for (const bad of ['/etc/passwd.png', '../o1.png', 'photos/../../o1.png', 'o1.svg', 'photos/o1'])
      expect(() => parseConfig(withPhoto(bad)), bad).toThrow(ConfigError);
  });

  it('the rating screen has defaults for its timings and the dossier-code field', () => {
    expect(testConfig().rating).toMatchObject({ thanksS: 6, idleS: 90, askDossierCode: true });
    expect(() => parseConfig({ ...testConfig(), rating: { ...testConfig().rating, thanksS: 0 } })).toThrow(
      /rating\.thanksS/,
    );
  });
});

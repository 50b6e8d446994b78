/**
 * The topic contract the broker enforces: builders, parsers, role table, ACL text. Pure, no broker.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AclInputError, buildAclFile, buildPasswordFile } from '../../src/sync/acl.js';
import {
  ACL_ENFORCED,
  REQUEST_KINDS,
  ROLE_PERMISSIONS,
  TopicIdError,
  ackTopic,
  busEventsTopic,
  busStateTopic,
  checkSender,
  configTopic,
  eventsTopic,
  filters,
  isDeviceId,
  mayPublish,
  parseTopic,
  presenceTopic,
  requestTopic,
  responseTopic,
  type DeviceRole,
} from '../../src/sync/topics.js';
import { rewriteConf } from '@motcua/testing/mosquitto';

const C = 'q1-hcm';

describe('topic builders and parsers', () => {
  it('builds every topic under motcua/v1/{centre}', () => {
    expect(eventsTopic(C, 'kiosk-1')).toBe('motcua/v1/q1-hcm/dev/kiosk-1/events');
    expect(ackTopic(C, 'kiosk-1')).toBe('motcua/v1/q1-hcm/dev/kiosk-1/ack');
    expect(requestTopic(C, 'kiosk-1', 'issue')).toBe('motcua/v1/q1-hcm/dev/kiosk-1/req/issue');
    expect(responseTopic(C, 'kiosk-1')).toBe('motcua/v1/q1-hcm/dev/kiosk-1/res');
    expect(presenceTopic(C, 'kiosk-1')).toBe('motcua/v1/q1-hcm/presence/kiosk-1');
    expect(configTopic(C)).toBe('motcua/v1/q1-hcm/config');
    expect(busEventsTopic(C)).toBe('motcua/v1/q1-hcm/bus/events');
    expect(busStateTopic(C)).toBe('motcua/v1/q1-hcm/bus/state');
  });

  it('parses what it builds', () => {
    expect(parseTopic(eventsTopic(C, 'k1'))).toEqual({ kind: 'events', centreId: C, deviceId: 'k1' });
    expect(parseTopic(ackTopic(C, 'k1'))).toEqual({ kind: 'ack', centreId: C, deviceId: 'k1' });
    expect(parseTopic(responseTopic(C, 'k1'))).toEqual({ kind: 'res', centreId: C, deviceId: 'k1' });
    expect(parseTopic(presenceTopic(C, 'k1'))).toEqual({ kind: 'presence', centreId: C, deviceId: 'k1' });
    expect(parseTopic(configTopic(C))).toEqual({ kind: 'config', centreId: C });
    expect(parseTopic(busEventsTopic(C))).toEqual({ kind: 'busEvents', centreId: C });
    expect(parseTopic(busStateTopic(C))).toEqual({ kind: 'busState', centreId: C });
    for (const kind of REQUEST_KINDS) {
      expect(parseTopic(requestTopic(C, 'k1', kind))).toEqual({
        kind: 'req',
        centreId: C,
        deviceId: 'k1',
        requestKind: kind,
      });
    }
  });

  it.each([
    'motcua/v2/q1-hcm/config',
    'motcua/v1/q1-hcm/config/',
    'motcua/v1/q1-hcm/config/x',
    'motcua/v1/+/config',
    'motcua/v1/q1-hcm/dev/+/events',
    'motcua/v1/q1-hcm/dev/#',
    'motcua/v1/q1-hcm/dev/Kiosk-1/events',
    'motcua/v1/q1-hcm/dev/kiosk-1/req/delete',
    'motcua/v1/q1-hcm/dev/kiosk-1/req/issue/x',
    'motcua/v1/q1-hcm/dev/kiosk-1/events/x',
    'motcua/v1/q1-hcm/dev/kiosk-1',
    'motcua/v1/q1-hcm/bus/other',
    'motcua/v1/q1-hcm/presence/',
    '/motcua/v1/q1-hcm/config',
    '',
  ])('returns null for %j', (topic) => {
    expect(parseTopic(topic)).toBeNull();
  });

  it.each(['+', '#', 'a/b', 'kiosk-+', 'k#', '', 'Kiosk', 'ki osk', 'x'.repeat(41), 'kiốsk'])(
    'refuses to build topics from the id %j',
    (bad) => {
      expect(() => eventsTopic(C, bad)).toThrow(TopicIdError);
      expect(() => presenceTopic(C, bad)).toThrow(TopicIdError);
      expect(() => configTopic(bad)).toThrow(TopicIdError);
      expect(() => filters.centre(bad)).toThrow(TopicIdError);
      expect(isDeviceId(bad)).toBe(false);
    },
  );

  it('refuses an unknown request kind even when the type system is bypassed', () => {
    expect(() => requestTopic(C, 'k1', '#' as never)).toThrow(TopicIdError);
  });
});

describe('role permissions', () => {
  const devices: Record<DeviceRole, string> = {
    kiosk: 'kiosk-1',
    counter: 'counter-1',
    ratingpad: 'pad-1',
    display: 'board-1',
    lookup: 'lookup-1',
  };

  it('matches the agreed table', () => {
    expect(ROLE_PERMISSIONS.kiosk.requests).toEqual(['issue', 'lease', 'catchup']);
    expect(ROLE_PERMISSIONS.counter.requests).toEqual(['call', 'counter', 'catchup']);
    expect(ROLE_PERMISSIONS.ratingpad.requests).toEqual(['rate', 'catchup']);
    expect(ROLE_PERMISSIONS.display.requests).toEqual(['catchup']);
    expect(ROLE_PERMISSIONS.lookup.requests).toEqual(['catchup']);
  });

  it('a rating pad cannot publish a call; a counter can', () => {
    expect(mayPublish('ratingpad', 'pad-1', C, requestTopic(C, 'pad-1', 'call'))).toBe(false);
    expect(mayPublish('counter', 'counter-1', C, requestTopic(C, 'counter-1', 'call'))).toBe(true);
  });

  it('no device can publish as another device, on hub topics, or in another centre', () => {
    for (const [role, id] of Object.entries(devices) as [DeviceRole, string][]) {
      expect(mayPublish(role, id, C, eventsTopic(C, 'someone-else'))).toBe(false);
      expect(mayPublish(role, id, C, presenceTopic(C, 'someone-else'))).toBe(false);
      expect(mayPublish(role, id, C, ackTopic(C, id))).toBe(false);
      expect(mayPublish(role, id, C, responseTopic(C, id))).toBe(false);
      expect(mayPublish(role, id, C, configTopic(C))).toBe(false);
      expect(mayPublish(role, id, C, busEventsTopic(C))).toBe(false);
      expect(mayPublish(role, id, C, busStateTopic(C))).toBe(false);
      expect(mayPublish(role, id, C, eventsTopic('other', id))).toBe(false);
      expect(mayPublish(role, id, C, eventsTopic(C, id))).toBe(true);
      expect(mayPublish(role, id, C, presenceTopic(C, id))).toBe(true);
      for (const kind of REQUEST_KINDS) {
        expect(mayPublish(role, id, C, requestTopic(C, id, kind))).toBe(
          ROLE_PERMISSIONS[role].requests.includes(kind),
        );
      }
    }
  });

  it('the hub may publish anything of its centre, nothing elsewhere, never wildcards', () => {
    expect(mayPublish('hub', 'hub-q1', C, ackTopic(C, 'kiosk-1'))).toBe(true);
    expect(mayPublish('hub', 'hub-q1', C, configTopic(C))).toBe(true);
    expect(mayPublish('hub', 'hub-q1', C, configTopic('other'))).toBe(false);
    expect(mayPublish('hub', 'hub-q1', C, 'motcua/v1/q1-hcm/#')).toBe(false);
  });
});

describe('checkSender (consumer side)', () => {
  const topic = eventsTopic(C, 'kiosk-1');

  it('accepts when topic, payload and broker user name the same device', () => {
    expect(
      checkSender({ centreId: C, topic, payloadDeviceId: 'kiosk-1', brokerUsername: 'kiosk-1' }),
    ).toMatchObject({ ok: true, deviceId: 'kiosk-1' });
    expect(
      checkSender({ centreId: C, topic, payloadDeviceId: 'kiosk-1', brokerUsername: ACL_ENFORCED }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    [{ payloadDeviceId: 'kiosk-2', brokerUsername: 'kiosk-1' }, 'payload-device-mismatch'],
    [{ payloadDeviceId: undefined, brokerUsername: 'kiosk-1' }, 'payload-device-mismatch'],
    [{ payloadDeviceId: 'kiosk-1', brokerUsername: 'kiosk-2' }, 'username-mismatch'],
    // A device that happens to be called like the marker gains nothing: the marker is a symbol.
    [{ payloadDeviceId: 'kiosk-1', brokerUsername: 'acl-enforced' }, 'username-mismatch'],
  ] as const)('rejects %j with %s', (args, reason) => {
    expect(checkSender({ centreId: C, topic, ...args })).toEqual({ ok: false, reason });
  });

  it('rejects unknown topics, other centres and hub-owned topics', () => {
    const base = { centreId: C, payloadDeviceId: 'kiosk-1', brokerUsername: 'kiosk-1' };
    expect(checkSender({ ...base, topic: 'motcua/v1/q1-hcm/dev/+/events' })).toEqual({
      ok: false,
      reason: 'unknown-topic',
    });
    expect(checkSender({ ...base, topic: eventsTopic('q2', 'kiosk-1') })).toEqual({
      ok: false,
      reason: 'wrong-centre',
    });
    expect(checkSender({ ...base, topic: ackTopic(C, 'kiosk-1') })).toEqual({
      ok: false,
      reason: 'not-device-topic',
    });
  });
});

describe('generated Mosquitto ACL', () => {
  it('has one explicit user block per user and only that device’s grants', () => {
    const text = buildAclFile({
      centreId: C,
      hubUsername: 'hub-q1',
      devices: [
        { id: 'pad-1', role: 'ratingpad' },
        { id: 'board-1', role: 'display' },
      ],
    });
    const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines).toEqual([
      'user hub-q1',
      'topic readwrite motcua/v1/q1-hcm/#',
      'user pad-1',
      'topic write motcua/v1/q1-hcm/dev/pad-1/events',
      'topic write motcua/v1/q1-hcm/presence/pad-1',
      'topic write motcua/v1/q1-hcm/dev/pad-1/health',
      'topic write motcua/v1/q1-hcm/dev/pad-1/req/rate',
      'topic write motcua/v1/q1-hcm/dev/pad-1/req/catchup',
      'topic read motcua/v1/q1-hcm/dev/pad-1/ack',
      'topic read motcua/v1/q1-hcm/dev/pad-1/res',
      'topic read motcua/v1/q1-hcm/config',
      'topic read motcua/v1/q1-hcm/catalogue',
      'topic read motcua/v1/q1-hcm/catalogue/part/+',
      'topic read motcua/v1/q1-hcm/bus/#',
      'topic read motcua/v1/q1-hcm/presence/+',
      // the rating pad is the citizen's counter display too: it hears its counter's calls with the hub down
      'topic read motcua/v1/q1-hcm/dev/+/events',
      'user board-1',
      'topic write motcua/v1/q1-hcm/dev/board-1/events',
      'topic write motcua/v1/q1-hcm/presence/board-1',
      'topic write motcua/v1/q1-hcm/dev/board-1/health',
      'topic write motcua/v1/q1-hcm/dev/board-1/req/catchup',
      'topic read motcua/v1/q1-hcm/dev/board-1/ack',
      'topic read motcua/v1/q1-hcm/dev/board-1/res',
      'topic read motcua/v1/q1-hcm/config',
      'topic read motcua/v1/q1-hcm/catalogue',
      'topic read motcua/v1/q1-hcm/catalogue/part/+',
      'topic read motcua/v1/q1-hcm/bus/#',
      'topic read motcua/v1/q1-hcm/presence/+',
      // a display hears every device's own events (not their requests, answers or acks)
      'topic read motcua/v1/q1-hcm/dev/+/events',
    ]);
    expect(text).not.toMatch(/^pattern /m);
  });

  it.each([
    [{ hubUsername: 'hub', devices: [{ id: 'k#', role: 'kiosk' as const }] }, 'invalid-id'],
    [{ hubUsername: 'hub', devices: [{ id: 'hub', role: 'kiosk' as const }] }, 'duplicate-user'],
    [{ hubUsername: 'hub', devices: [{ id: 'k1', role: 'hub' as never }] }, 'invalid-role'],
    [{ hubUsername: 'a:b', devices: [] }, 'invalid-id'],
  ])('rejects bad input %j (%s)', (input, reason) => {
    expect(() => buildAclFile({ centreId: C, ...input })).toThrow(
      expect.objectContaining({ reason }) as AclInputError,
    );
  });

  it('hashes passwords with mosquitto_passwd (no plaintext in the file)', async () => {
    const text = await buildPasswordFile([
      { username: 'hub-q1', password: 'hub secret' },
      { username: 'kiosk-1', password: 'k1-secret' },
    ]);
    const lines = text.trim().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['hub-q1', 'kiosk-1']);
    expect(text).not.toContain('secret');
    expect(lines.every((l) => /^[a-z0-9-]+:\$\d+\$/.test(l))).toBe(true);
  });
});

describe('production mosquitto.conf', () => {
  it('keeps the settings the sync design relies on', async () => {
    const conf = await readFile(new URL('../../../build/mosquitto/mosquitto.conf', import.meta.url), 'utf8');
    const directives = conf
      .split('\n')
      .filter((l) => /^[a-z]/.test(l))
      .map((l) => l.trim());
    expect(directives).toEqual(
      expect.arrayContaining([
        'persistence true',
        'autosave_on_changes true',
        'autosave_interval 1',
        'allow_anonymous false',
        'per_listener_settings false',
      ]),
    );
    expect(directives.find((d) => d.startsWith('max_queued_messages '))).toBeDefined();
    // The directives the tests rewrite must stay present.
    expect(() =>
      rewriteConf(conf, { listener: 'x', password_file: 'x', acl_file: 'x', persistence_location: 'x' }),
    ).not.toThrow();
  });
});

/**
 * The look-up terminal's runtime against a real Mosquitto and the hub: the catalogue arrives on its retained
 * topic, is stored and survives a restart with the broker down; an invalid catalogue is refused (its fields
 * named in the log) and the stored one kept; dossier status by code through the default table adapter. A
 * catalogue too big for one message (2,000 procedures) arrives in parts; a corrupted part is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryLogger, silentLogger, systemClock } from '@motcua/shared';
import { loadConfigFile } from '@motcua/shared/config';
import { exampleConfigPaths } from '@motcua/shared/example-configs';
import { exampleCataloguePaths, loadCatalogueFile } from '@motcua/shared/catalogue/files';
import { catalogueTopic, cataloguePartTopic } from '@motcua/shared/sync/topics';
import { scaleCatalogue } from '@motcua/shared/catalogue/scale';
import { loadIndex } from '@motcua/shared/catalogue/search';
import { packCatalogue } from '@motcua/shared/sync/catalogue-parts';
import { startTestCentre, until, type TestCentreRun } from '@motcua/testing/test-centre';
import { startLookup, type LookupOptions, type LookupView } from '../../src/runtime/lookup.js';

let centre: TestCentreRun | null = null;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  await centre?.close();
  centre = null;
});

const config = loadConfigFile(exampleConfigPaths.provincial);
const sample = loadCatalogueFile(exampleCataloguePaths.provincial);

function lookup(o: Partial<LookupOptions> = {}) {
  const c = centre!;
  const api = startLookup({
    deviceId: 'lookup-1',
    dataDir: c.dir,
    brokerUrl: c.broker.url,
    config,
    logger: silentLogger,
    sync: { keepaliveS: 2, backoff: { initialMs: 50, maxMs: 300 } },
    ...o,
  });
  stops.push(() => api.stop());
  let last: LookupView | null = null;
  api.subscribe((v) => (last = v));
  return { api, view: () => last };
}

describe('look-up terminal runtime', () => {
  it('receives the catalogue from the hub, stores it, and boots from it with the broker down', async () => {
    centre = await startTestCentre({ config, catalogue: { ...sample, revision: 7 } });
    const first = lookup();
    await until(() => first.view()?.catalogueRevision === 7, 10_000, 'catalogue from the hub');
    const got = await first.api.commands.catalogue({});
    expect(got.ok && got.value.catalogue.procedures.length).toBe(sample.procedures.length);
    await first.api.stop();
    await centre.down();

    const again = lookup();
    expect(again.view()?.catalogueRevision).toBe(7);
    expect(again.view()?.hubOnline).toBe(false);
    const r = await again.api.commands.dossier({ code: sample.dossiers[0]!.code });
    expect(r.ok && r.value.kind).toBe('found');
  });

  it('refuses an invalid catalogue with the field named and keeps the stored one', async () => {
    centre = await startTestCentre({ config, catalogue: { ...sample, revision: 3 } });
    const mem = memoryLogger();
    const t = lookup({ logger: mem.logger });
    await until(() => t.view()?.catalogueRevision === 3, 10_000, 'catalogue from the hub');
    const bad = { ...sample, revision: 4, procedures: [{ ...sample.procedures[0]!, processingDays: -1 }] };
    const hub = await mqtt.connectAsync(centre.broker.url, { protocolVersion: 4 });
    await hub.publishAsync(
      catalogueTopic(config.centre.id),
      JSON.stringify({ revision: 4, catalogue: bad }),
      { qos: 1, retain: true },
    );
    await hub.endAsync();
    await until(
      () => mem.records.some((r) => r.message.includes('catalogue from the hub is invalid')),
      10_000,
      'refusal logged',
    );
    const refusal = mem.records.find((r) => r.message.includes('catalogue from the hub is invalid'));
    expect(String(refusal?.fields?.message)).toContain('procedures[0].processingDays');
    expect(t.view()?.catalogueRevision).toBe(3);
  });

  it('answers dossier codes: found with status and due date, unknown, malformed', async () => {
    centre = await startTestCentre({ config });
    const t = lookup({ catalogue: sample });
    expect(t.view()?.catalogueRevision).toBe(sample.revision);
    const d = sample.dossiers[0]!;
    const found = await t.api.commands.dossier({ code: ` ${d.code.toLowerCase()} ` });
    expect(found).toMatchObject({ ok: true, value: { kind: 'found', code: d.code, dueDate: d.dueDate } });
    expect(JSON.stringify(found)).not.toMatch(/name|phone|address/i);
    const unknown = await t.api.commands.dossier({ code: '000.00.19.H33-261201-9999' });
    expect(unknown).toMatchObject({ ok: true, value: { kind: 'unknown' } });
    const malformed = await t.api.commands.dossier({ code: 'abc' });
    expect(malformed).toMatchObject({ ok: true, value: { kind: 'malformed' } });
  });

  it('says no-catalogue before any catalogue arrived', async () => {
    centre = await startTestCentre({ config });
    const t = lookup();
    expect(t.view()?.catalogueRevision).toBeNull();
    expect(await t.api.commands.catalogue({})).toMatchObject({ ok: false, reason: 'no-catalogue' });
  });
});

/** A 2,000-procedure catalogue (~1.2 MB) whose last procedure exists only in it. */
function bigCatalogue(revision: number) {
  const scaled = scaleCatalogue(sample, 2000);
  const last = scaled.procedures.at(-1)!;
  const procedures = [
    ...scaled.procedures.slice(0, -1),
    { ...last, id: 'khinh-khi-cau', name: 'Cấp phép bay khinh khí cầu du lịch' },
  ];
  return { ...scaled, revision, procedures };
}

describe('catalogue bigger than one message', () => {
  it('reaches the terminal in parts through Mosquitto; search finds a procedure only the big one has', async () => {
    const big = bigCatalogue(11);
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(config.broker.maxPacketBytes);
    centre = await startTestCentre({ config, catalogue: big });
    const t = lookup({ catalogue: sample });
    await until(() => t.view()?.catalogueRevision === 11, 20_000, 'big catalogue from the hub');
    const got = await t.api.commands.catalogue({});
    if (!got.ok) throw new Error(got.message);
    expect(got.value.catalogue.procedures.length).toBe(2000);
    const hits = loadIndex(got.value.index, got.value.catalogue).search('khinh khí cầu');
    expect(hits[0]?.id).toBe('khinh-khi-cau');
    expect(sample.procedures.some((p) => p.id === 'khinh-khi-cau')).toBe(false);
  });

  it("reaches the terminal in parts through the hub's embedded broker (its access rules and packet limit)", async () => {
    const { startHub } = await import('@motcua/hub/hub');
    const dir = mkdtempSync(join(tmpdir(), 'motcua-lookup-embedded-'));
    stops.push(() => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    });
    const hub = await startHub({
      config,
      dataDir: join(dir, 'hub'),
      port: 0,
      host: '127.0.0.1',
      catalogue: bigCatalogue(12),
      clock: systemClock,
      logger: silentLogger,
    });
    stops.push(() => hub.stop());
    const api = startLookup({
      deviceId: 'lookup-1',
      dataDir: dir,
      brokerUrl: hub.brokerUrl,
      username: 'lookup-1',
      password: hub.devicePasswords['lookup-1']!,
      config,
      logger: silentLogger,
      sync: { keepaliveS: 2, backoff: { initialMs: 50, maxMs: 300 } },
    });
    stops.push(() => api.stop());
    let last: LookupView | null = null;
    api.subscribe((v) => (last = v));
    await until(() => last?.catalogueRevision === 12, 20_000, 'big catalogue');
  });

  it("a hub that publishes a smaller catalogue clears the bigger one's retained parts from the broker", async () => {
    const { startHub } = await import('@motcua/hub/hub');
    const big = bigCatalogue(13);
    const packed = packCatalogue(big, config.broker.maxPacketBytes);
    if (packed.kind !== 'parts') throw new Error('expected parts');
    centre = await startTestCentre({ config, catalogue: big });
    // What a terminal that subscribes now is sent: the retained parts.
    const retainedParts = async (): Promise<number> => {
      const c = await mqtt.connectAsync(centre!.broker.url, { protocolVersion: 4 });
      let n = 0;
      c.on('message', (_t, payload, packet) => {
        if (packet.retain && payload.length > 0) n++;
      });
      await c.subscribeAsync(`${cataloguePartTopic(config.centre.id, 0).replace(/\/0$/, '')}/+`, { qos: 1 });
      await new Promise((r) => setTimeout(r, 500));
      await c.endAsync();
      return n;
    };
    expect(await retainedParts()).toBe(packed.parts.length);
    await centre.stopHub();
    // The next hub (a new catalogue revision, small enough for one message) on the same broker.
    const hub = await startHub({
      config,
      dataDir: join(centre.dir, 'hub-2'),
      brokerUrl: centre.broker.url,
      catalogue: { ...sample, revision: 14 },
      clock: systemClock,
      logger: silentLogger,
    });
    stops.push(() => hub.stop());
    expect(await retainedParts()).toBe(0);
    // and a terminal still gets the new catalogue
    const t = lookup({ catalogue: sample });
    await until(() => t.view()?.catalogueRevision === 14, 20_000, 'the small catalogue');
  });

  it('refuses parts whose hash does not match, logs why, and keeps the stored catalogue', async () => {
    centre = await startTestCentre({ config, catalogue: { ...sample, revision: 3 } });
    const mem = memoryLogger();
    const t = lookup({ logger: mem.logger });
    await until(() => t.view()?.catalogueRevision === 3, 10_000, 'catalogue from the hub');
    const packed = packCatalogue(bigCatalogue(4), config.broker.maxPacketBytes);
    if (packed.kind !== 'parts') throw new Error('expected parts');
    const hub = await mqtt.connectAsync(centre.broker.url, { protocolVersion: 4 });
    for (const [i, part] of packed.parts.entries()) {
      const sent = Buffer.from(part);
      if (i === 1) sent[sent.length - 1] = sent[sent.length - 1]! ^ 0x20; // one bit flipped on the way
      await hub.publishAsync(cataloguePartTopic(config.centre.id, i), sent, { qos: 1, retain: true });
    }
    await hub.publishAsync(catalogueTopic(config.centre.id), JSON.stringify(packed.manifest), {
      qos: 1,
      retain: true,
    });
    await hub.endAsync();
    const refused = () => mem.records.find((r) => r.message.includes('catalogue parts refused'));
    await until(() => refused() !== undefined, 10_000, 'refusal logged');
    expect(refused()?.fields).toMatchObject({ revision: 4, reason: 'sha256 does not match' });
    expect(t.view()?.catalogueRevision).toBe(3);
    const got = await t.api.commands.catalogue({});
    expect(got.ok && got.value.catalogue.procedures.length).toBe(sample.procedures.length);
  });

  it('logs the parts still missing after the manifest and keeps the stored catalogue', async () => {
    centre = await startTestCentre({ config, catalogue: { ...sample, revision: 3 } });
    const mem = memoryLogger();
    const t = lookup({
      logger: mem.logger,
      sync: { keepaliveS: 2, backoff: { initialMs: 50, maxMs: 300 }, cataloguePartsWaitMs: 300 },
    });
    await until(() => t.view()?.catalogueRevision === 3, 10_000, 'catalogue from the hub');
    const packed = packCatalogue(bigCatalogue(5), config.broker.maxPacketBytes);
    if (packed.kind !== 'parts') throw new Error('expected parts');
    const hub = await mqtt.connectAsync(centre.broker.url, { protocolVersion: 4 });
    await hub.publishAsync(cataloguePartTopic(config.centre.id, 0), packed.parts[0]!, {
      qos: 1,
      retain: true,
    });
    await hub.publishAsync(catalogueTopic(config.centre.id), JSON.stringify(packed.manifest), {
      qos: 1,
      retain: true,
    });
    await hub.endAsync();
    const missing = () => mem.records.find((r) => r.message.includes('catalogue parts missing'));
    await until(() => missing() !== undefined, 10_000, 'missing parts logged');
    expect(missing()?.fields).toMatchObject({
      revision: 5,
      missing: [...packed.parts.keys()].slice(1),
    });
    expect(t.view()?.catalogueRevision).toBe(3);
  });
});

describe('hub catalogue size', () => {
  it('refuses at start a catalogue above what terminals assemble (32 MiB), with a reason', async () => {
    const { startHub, HubSetupError } = await import('@motcua/hub/hub');
    // Only the size matters: one procedure repeated is cheap to build.
    const huge = { ...sample, procedures: Array.from({ length: 60_000 }, () => sample.procedures[0]!) };
    const err = await startHub({
      config,
      dataDir: '/nonexistent-never-created',
      catalogue: huge,
      clock: { now: () => 0 },
      logger: silentLogger,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubSetupError);
    expect((err as InstanceType<typeof HubSetupError>).reason).toBe('catalogue-too-large');
  });
});

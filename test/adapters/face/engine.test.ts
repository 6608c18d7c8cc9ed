// The engine on real images (Debian public-domain portraits), loaded once for this file, with the network cut off.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { getFaceEngine, decodeImage, type FaceEngine } from '../../../src/adapters/face/engine.ts';
import { toTrackFace } from '../../../src/adapters/face/track.ts';
import { cosineSimilarity, faceEar } from '../../../src/domain/liveness/geometry.ts';
import { DEFAULT_CALIBRATION } from '../../../src/domain/liveness/calibration/index.ts';
import { decideMatch, fmrForSimilarity } from '../../../src/domain/liveness/fmr.ts';
import { COFFEE, COLLINS, HOPPER, missingImages, sideBySide } from './fixtures.ts';
import sharp from 'sharp';

const skip = missingImages();
const network: string[] = [];
let engine: FaceEngine;

before(async () => {
  // no network: any non-file fetch or socket connection throws (and is recorded)
  globalThis.fetch = (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    network.push(url);
    return Promise.reject(new Error(`network disabled in test: ${url}`));
  };
  net.Socket.prototype.connect = function blocked(this: net.Socket, ...args: unknown[]): net.Socket {
    network.push(`socket ${JSON.stringify(args[0])}`);
    throw new Error('network disabled in test');
  } as typeof net.Socket.prototype.connect;
  engine = await getFaceEngine();
});

test('loads offline on the wasm backend and measures its per-frame cost', () => {
  assert.deepEqual(network, []);
  assert.equal(engine.backend, 'wasm');
  assert.equal(engine.humanVersion, '3.3.6');
  assert.ok(engine.perFrameMs > 0 && engine.perFrameMs < 5000, `perFrameMs ${engine.perFrameMs}`);
  assert.ok(engine.perDescriptorFrameMs >= engine.perFrameMs * 0.5);
});

test('the engine is one per process', async () => {
  assert.equal(await getFaceEngine(), engine);
});

test(
  'a portrait gives one face with a 478-point mesh, angles, open-eye EAR and a 1024-d descriptor',
  { skip },
  async () => {
    const a = await engine.analyse(readFileSync(HOPPER), { descriptor: true });
    assert.equal(a.faces.length, 1);
    const f = a.faces[0];
    assert.ok(f);
    assert.equal(f.mesh.length, 478);
    assert.ok(f.score > 0.8);
    assert.ok(Math.abs(f.yawDeg) < 10 && Math.abs(f.rollDeg) < 15);
    assert.equal(f.descriptor?.length, 1024);
    const ear = faceEar(toTrackFace(f));
    assert.ok(ear > 0.22 && ear < 0.6, `EAR ${ear}`);
    assert.equal(a.digest.length, 40);
    const raw = await decodeImage(readFileSync(HOPPER));
    const again = await engine.analyse(raw);
    assert.equal(again.digest, a.digest, 'same pixels, same digest');
    assert.equal(again.faces[0]?.descriptor, undefined, 'descriptor only when asked');
  },
);

test(
  'same face matches, different faces do not (descriptor cosine through the calibration table)',
  { skip },
  async () => {
    const d = async (img: Buffer): Promise<readonly number[]> => {
      const a = await engine.analyse(img, { descriptor: true });
      assert.equal(a.faces.length, 1);
      const desc = a.faces[0]?.descriptor;
      assert.ok(desc);
      return desc;
    };
    const collins = await d(readFileSync(COLLINS));
    const collinsVariant = await d(
      await sharp(readFileSync(COLLINS)).flop().modulate({ brightness: 0.8 }).jpeg({ quality: 60 }).toBuffer(),
    );
    const hopper = await d(readFileSync(HOPPER));
    const same = cosineSimilarity(collins, collinsVariant);
    const different = cosineSimilarity(collins, hopper);
    assert.ok(same > 0.7, `same ${same}`);
    assert.ok(different < 0.55, `different ${different}`);
    assert.equal(decideMatch(fmrForSimilarity(DEFAULT_CALIBRATION, same), 1e-3), 'MATCH');
    assert.equal(decideMatch(fmrForSimilarity(DEFAULT_CALIBRATION, different), 1e-3), 'NO MATCH');
  },
);

test('no face in a picture of coffee; two faces side by side', { skip }, async () => {
  assert.equal((await engine.analyse(readFileSync(COFFEE))).faces.length, 0);
  assert.equal((await engine.analyse(await sideBySide(HOPPER, COLLINS))).faces.length, 2);
});

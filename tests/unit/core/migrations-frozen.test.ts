import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '#core/db/migrations';
import { SCHEMA_SNAPSHOT, freshSchemaText } from '../../helpers/schema-snapshot';

/**
 * SHA-256 of the SQL each released migration runs, taken from the text these
 * migrations ran when they were released (before their SQL was written out).
 * A released migration never changes, not by a space: a database made by an
 * older version must end up like a fresh one. Append a migration's digest here
 * when it ships.
 */
const RELEASED: readonly string[] = [
  '8646969bf153b44aa9571c58422a593b4ef08f0138102d211e12160f0ee7ca5c',
  '2c6592e45490a058c1cb60ea308e5b5e4f53a8d09b4e1c9693de1980696cb6d2',
  '9c320778fbca1f6431e8a698e311e14863fb6e92cb63fbbb2977a991717ef064',
  '3bb90242e313f1692bc5241eb0da6b6a4d96af70519d54b32f6903677270247c',
  '8e75cba177440057f1277e7defea2e5603dbf71e852d30f22002228f9eedddbb',
  'baa4933cec2548a037191bbc63a506c2fea553035492bfe82480c030dae7f037',
  '54d1edc33613ee4dab89f6dd5a9e6365bba061ead3dbc99c1590fb3b388af356',
  '4cbda7530fb88c67e61eebfb8a0ca8c2f37ec652e04258dc2c6aec3b399c5735',
  'a9bafc48533b48cfde307ab70e93be241e9e4b87ece0429c8d4bc218709ea15a',
  'ed9a50f84b3c0005a0c0b74706e5701886d8052e7d822e1c0aba346d6d677017',
  'a938bea8fd21c21b656e54e6428e06bbe3aab7688f70ecedabd35d4f87d414b5',
  '89263cb48deb94ac0d3a182925fb6bb85ec7ad7a337034f61f4e039996c6e488',
  '18deaab0ad89927e3b18ccb1588e345e0184a634a4deffa6314c95a026bd1ae0',
  '9bb15a890687961008adb63ecfef430b7f4f7cd2d020f243888e3b51b556be6c',
  '911e53c11bc2c18263c87be2404b82f99e8b697d2d4a11308b4f81fcb753a85f',
  '1cb3cd825470eb34fe9e6f246935ad60b0948e906a6ee296e84e64d2287129c2',
  'f60cdfebf6dfcc3df6672271c6882d8a9670de23a85207cf7ffd54c6f6f2f66f',
  '799b00bfa5da3406a29739b5805a67600bdf8f6054e85726f0c0be97d230a835',
  'ba3449c2e6df441232926f3c90d3e76cdf708eaf76670a81eafd2a42d8454aaf',
  '298786dd2103aa3002460be81b4ab4acedccf6045f6fb8787bdad76feb059ee9',
];

describe('released migrations are frozen', () => {
  it('each runs exactly the SQL it ran when released', () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(RELEASED.length);
    RELEASED.forEach((digest, i) => {
      const m = MIGRATIONS[i]!;
      expect(m.version, m.name).toBe(i + 1);
      expect(createHash('sha256').update(m.sql).digest('hex'), `migration ${m.version}`).toBe(digest);
    });
  });

  it('numbers every migration by its place in the list', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('a fresh database has exactly the checked-in schema (npm run schema:snapshot rewrites it)', () => {
    // Compared as text: a diff names the entry that moved. Lines, for a readable failure.
    expect(freshSchemaText().split('\n')).toEqual(readFileSync(SCHEMA_SNAPSHOT, 'utf8').split('\n'));
  });
});

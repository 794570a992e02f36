import tcb from '@cloudbase/node-sdk';
import { failure, startCloud, type Cloud } from './support';
import { LOCAL_FILE_LIMIT_BYTES, MAX_TEMP_URLS } from '../../scripts/local-cloud/storage-service';

/**
 * CloudBase storage as @cloudbase/node-sdk 3.18.3 reaches it, answered by the
 * local cloud (scripts/local-cloud/storage-service.ts):
 * - uploadFile: `storage.getUploadMetadata`, then a PUT of the bytes to COS,
 *   whose answer is empty on success and an XML <Error> otherwise (node-sdk
 *   src/storage/index.ts); returns `{fileID}`. Uploading to a path that exists
 *   replaces the file (COS PUT Object, cloud.tencent.com/document/api/436/7749).
 * - getTempFileURL: `storage.batchGetDownloadUrl`; each file answers
 *   `{code: 'SUCCESS', fileID, tempFileURL}`, or `STORAGE_FILE_NONEXIST`;
 *   at most 50 files a call; a link lasts `maxAge` seconds
 *   (docs.cloudbase.net/storage/get-temp-url; tcb-admin-node docs/storage.md;
 *   developers.weixin.qq.com wxcloud reference-server-api/storage/getTempFileURL).
 * - No type restriction: any bytes round-trip.
 * Refused by name (LOCAL_CLOUD_UNSUPPORTED): what CloudBase's answer to is not
 * documented (a leading slash, characters outside the SDK's documented set),
 * files over the local cloud's 20 MB, more than 50 links at once, and the
 * storage requests the platform does not use.
 */
let cloud: Cloud;
let app: ReturnType<typeof tcb.init>;

beforeAll(async () => {
  cloud = await startCloud();
  app = tcb.init({ env: 'local-dev' });
});
afterAll(() => cloud.stop());

async function download(url: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

describe('uploadFile and getTempFileURL', () => {
  it('stores the bytes under a cloud:// file id and hands out a link that serves them', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const { fileID } = await app.uploadFile({ cloudPath: 'entry-codes/release/college-c-cs.png', fileContent: png });
    expect(fileID).toBe('cloud://local-dev.local-dev-1250000000/entry-codes/release/college-c-cs.png');
    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] });
    expect(fileList).toEqual([{ code: 'SUCCESS', fileID, tempFileURL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/storage\/entry-codes\/release\/college-c-cs\.png\?t=\d+&sign=[0-9a-f]+$/) }]);
    expect(await download(fileList[0]!.tempFileURL)).toEqual({ status: 200, type: 'image/png', body: png });
  });

  it('keeps any type of file (CloudBase storage has no type restriction) and replaces a file uploaded to the same path', async () => {
    const first = Buffer.from('PK\u0003\u0004 first version of a spreadsheet');
    const second = Buffer.from('PK\u0003\u0004 second version');
    const { fileID } = await app.uploadFile({ cloudPath: 'reports/2026-03-13/校团委.xlsx', fileContent: first });
    await app.uploadFile({ cloudPath: 'reports/2026-03-13/校团委.xlsx', fileContent: second });
    const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
    const got = await download(fileList[0]!.tempFileURL);
    expect(got).toEqual({ status: 200, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: second });
  });

  it('answers STORAGE_FILE_NONEXIST for a file that is not there, file by file', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'a/here.txt', fileContent: Buffer.from('here') });
    const missing = 'cloud://local-dev.local-dev-1250000000/a/not-here.txt';
    const { fileList } = await app.getTempFileURL({ fileList: [fileID, missing, 'cloud://another-env.bucket/a/here.txt'] });
    expect(fileList.map((f) => [f.fileID, f.code])).toEqual([
      [fileID, 'SUCCESS'],
      [missing, 'STORAGE_FILE_NONEXIST'],
      ['cloud://another-env.bucket/a/here.txt', 'STORAGE_FILE_NONEXIST'],
    ]);
  });

  it('a link stops working after maxAge seconds, and an altered link never works (403, as COS answers)', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'a/short-lived.txt', fileContent: Buffer.from('soon gone') });
    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
    const url = fileList[0]!.tempFileURL;
    expect((await download(url)).status).toBe(200);
    const tampered = url.replace(/sign=([0-9a-f])/, (_m, c: string) => `sign=${c === '0' ? '1' : '0'}`);
    expect((await download(tampered)).status).toBe(403);
    expect((await download(url.replace('short-lived', 'other'))).status).toBe(403);
    cloud.clock.now += 61_000;
    const expired = await download(url);
    expect(expired.status).toBe(403);
    expect(expired.body.toString()).toContain('Request has expired');
  });

  it('refuses more than 50 links in one call by name (the documented limit)', async () => {
    const ids = Array.from({ length: MAX_TEMP_URLS + 1 }, (_, i) => `cloud://local-dev.local-dev-1250000000/x/${i}.txt`);
    expect(await failure(app.getTempFileURL({ fileList: ids }))).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/at most 50/) });
    const { fileList } = await app.getTempFileURL({ fileList: ids.slice(0, MAX_TEMP_URLS) });
    expect(fileList).toHaveLength(MAX_TEMP_URLS);
  });
});

describe('what the local cloud refuses by name', () => {
  it('a cloud path with a leading slash or characters the SDK does not document', async () => {
    for (const cloudPath of ['/entry-codes/a.png', 'a/../b.png', 'a//b.png', 'a/b?c=1.png', 'a/%2F.png']) {
      expect({ cloudPath, error: await failure(app.uploadFile({ cloudPath, fileContent: Buffer.from('x') })) }).toEqual({
        cloudPath,
        error: expect.objectContaining({ code: 'LOCAL_CLOUD_UNSUPPORTED' }),
      });
    }
    // Chinese, spaces, ! * - _ . are documented: they are kept.
    const ok = await app.uploadFile({ cloudPath: '报告/第 1 期!*-_.txt', fileContent: Buffer.from('ok') });
    expect(ok.fileID).toMatch(/报告\/第 1 期!\*-_\.txt$/);
  });

  it('a file larger than the local cloud keeps (20 MB), with COS\'s error format so the SDK reports it', async () => {
    const big = Buffer.alloc(LOCAL_FILE_LIMIT_BYTES + 1);
    const error = await failure(app.uploadFile({ cloudPath: 'big/file.bin', fileContent: big }));
    expect(error).toMatchObject({ code: 'STORAGE_REQUEST_FAIL', message: expect.stringMatching(/^\[LOCAL_CLOUD_UNSUPPORTED\]: a file of \d+ bytes/) });
    const { fileList } = await app.getTempFileURL({ fileList: ['cloud://local-dev.local-dev-1250000000/big/file.bin'] });
    expect(fileList[0]!.code).toBe('STORAGE_FILE_NONEXIST');
  });

  it('an upload without the authorization getUploadMetadata issued (SignatureDoesNotMatch, as COS answers)', async () => {
    const res = await fetch(`${cloud.service.url}/storage/forged/file.txt`, { method: 'PUT', headers: { authorization: 'forged' }, body: 'x' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('the storage requests the platform does not use', async () => {
    expect(await failure(app.deleteFile({ fileList: ['cloud://local-dev.local-dev-1250000000/a/here.txt'] }))).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/storage\.batchDeleteFile/) });
    expect(await failure(app.copyFile({ fileList: [{ srcPath: 'a/here.txt', dstPath: 'b/here.txt' }] }))).toMatchObject({ code: 'LOCAL_CLOUD_UNSUPPORTED', message: expect.stringMatching(/storage\.batchCopyFile/) });
  });

  it('storage requests are not counted as database requests', async () => {
    cloud.service.database.resetStats();
    await app.uploadFile({ cloudPath: 'a/counted.txt', fileContent: Buffer.from('x') });
    expect(cloud.service.database.stats()).toMatchObject({ total: 0, rounds: 0 });
  });
});

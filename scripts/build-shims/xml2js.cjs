'use strict';
/**
 * Stands in for xml2js inside the cloud-function bundles (scripts/build-functions.ts,
 * SHIMMED_MODULES). @cloudbase/node-sdk 3.18.3 uses xml2js once: `parseString`
 * on COS's answer to an upload PUT (app.uploadFile), which is an empty body on
 * success and one flat <Error> document otherwise, read as
 * `body.Error.Code[0]`, `body.Error.Message[0]`… This reads exactly that, the
 * way xml2js does (null for an empty body; each child's text in an array),
 * and fails loudly on anything else. tests/unit/function-bundle.test.ts
 * compares it with xml2js on COS's answers.
 */
const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, name) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : all;
  });
}

exports.parseString = function parseString(input, callback) {
  let result;
  try {
    const text = Buffer.isBuffer(input) ? input.toString('utf8') : String(input == null ? '' : input);
    const body = text.replace(/^\uFEFF/, '').replace(/^\s*<\?xml[^>]*\?>/, '').trim();
    if (body === '') {
      result = null;
    } else {
      const root = /^<([A-Za-z_][\w.-]*)[^>]*>([\s\S]*)<\/\1>$/.exec(body);
      if (!root) throw new Error(`the xml2js shim (scripts/build-shims/xml2js.cjs) reads one flat XML element, not: ${body.slice(0, 80)}`);
      const fields = {};
      for (const m of root[2].matchAll(/<([A-Za-z_][\w.-]*)[^>]*>([\s\S]*?)<\/\1>/g)) (fields[m[1]] = fields[m[1]] || []).push(decode(m[2]));
      result = { [root[1]]: fields };
    }
  } catch (err) {
    callback(err);
    return;
  }
  callback(null, result);
};

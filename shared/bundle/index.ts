/** Signed dataset bundles: format, building and signing, verification, and the diff of two datasets. */
export * from './schema';
export * from './record-schema';
export * from './keys';
export * from './build';
export * from './verify';
export * from './refusal';
export * from './payload';
export * from './diff';
export { compareSemver } from './semver';
export { hashPayloadLines } from './payload-lines';
export { MAX_JSON_DEPTH, TooDeepError, jsonDepth, parseJsonLimited } from './json-depth';
export * from './signers';
export * from './rotation';
export { changedExcerpt } from './diff-text';

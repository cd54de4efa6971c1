/** Dataset sync, pure parts: the plan of an update, its impact on briefings, review flags. */
export * from './types';
export * from './plan';
export * from './impact';

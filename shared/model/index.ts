export * from './primitives';
export * from './records';

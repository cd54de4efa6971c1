export * from './primitives';
export * from './records';
export * from './text';
export * from './dates';
export * from './facts';
export * from './contact';

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultWindowState,
  readWindowState,
  restoreWindowState,
  writeWindowState,
  type Rectangle,
  type WindowState,
} from '../../electron/window-state';

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
// An external monitor to the left of the laptop, so its coordinates are negative.
const leftMonitor: Rectangle = { x: -1920, y: 0, width: 1920, height: 1040 };

function saved(bounds: Rectangle, isMaximized = false): WindowState {
  return { ...bounds, isMaximized };
}

function isInside(window: Rectangle, area: Rectangle): boolean {
  return (
    window.x >= area.x &&
    window.y >= area.y &&
    window.x + window.width <= area.x + area.width &&
    window.y + window.height <= area.y + area.height
  );
}

describe('defaultWindowState', () => {
  it('centres a comfortable window on the display', () => {
    expect(defaultWindowState({ x: 0, y: 0, width: 1920, height: 1040 })).toEqual({
      x: 320,
      y: 110,
      width: 1280,
      height: 820,
      isMaximized: false,
    });
  });

  it('shrinks to a small display', () => {
    const state = defaultWindowState({ x: 0, y: 0, width: 1024, height: 700 });
    expect(state).toMatchObject({ x: 0, y: 0, width: 1024, height: 700 });
  });
});

describe('restoreWindowState', () => {
  it('uses the defaults when nothing was saved', () => {
    expect(restoreWindowState(undefined, [laptop], laptop)).toEqual(defaultWindowState(laptop));
  });

  it('keeps a window that is fully visible exactly where it was', () => {
    const state = saved({ x: 100, y: 50, width: 1000, height: 700 });
    expect(restoreWindowState(state, [laptop], laptop)).toEqual(state);
  });

  it('moves a window whose monitor has been unplugged onto the primary display', () => {
    const restored = restoreWindowState(saved({ x: -1500, y: 100, width: 1200, height: 800 }), [laptop], laptop);
    expect(isInside(restored, laptop)).toBe(true);
    expect(restored).toMatchObject({ x: 0, y: 75, width: 1200, height: 800 });
  });

  it('keeps a window on a secondary monitor at negative coordinates when that monitor is there', () => {
    const state = saved({ x: -1800, y: 100, width: 1200, height: 800 });
    expect(restoreWindowState(state, [laptop, leftMonitor], laptop)).toEqual(state);
  });

  it('pulls a window hanging off the edge back inside the display it mostly covers', () => {
    const restored = restoreWindowState(saved({ x: 1000, y: 600, width: 1000, height: 700 }), [laptop], laptop);
    expect(restored).toEqual({ x: 440, y: 175, width: 1000, height: 700, isMaximized: false });
  });

  it('shrinks a window larger than its display', () => {
    const restored = restoreWindowState(saved({ x: 0, y: 0, width: 3000, height: 2000 }), [laptop], laptop);
    expect(restored).toMatchObject({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('grows a saved window smaller than the minimum size', () => {
    const restored = restoreWindowState(saved({ x: 10, y: 10, width: 100, height: 50 }), [laptop], laptop);
    expect(restored).toMatchObject({ width: 720, height: 480 });
  });

  it('keeps the maximised flag', () => {
    expect(restoreWindowState(saved({ x: 0, y: 0, width: 800, height: 600 }, true), [laptop], laptop).isMaximized).toBe(true);
  });
});

describe('reading and writing the state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'window-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips a state, creating the directory', () => {
    const file = path.join(dir, 'nested', 'window-state.json');
    const state = saved({ x: -5, y: 7, width: 900, height: 600 }, true);
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it.each([
    ['a missing file', null],
    ['broken JSON', '{"x": 1,'],
    ['a negative width', JSON.stringify({ x: 0, y: 0, width: -1, height: 600 })],
    ['non-numbers', JSON.stringify({ x: '0', y: 0, width: 800, height: 600 })],
    ['fractional pixels', JSON.stringify({ x: 0.5, y: 0, width: 800, height: 600 })],
  ])('treats %s as no saved state', (_what, content) => {
    const file = path.join(dir, 'window-state.json');
    if (content !== null) writeFileSync(file, content);
    expect(readWindowState(file)).toBeUndefined();
  });
});

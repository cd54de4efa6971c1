import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/*
 * Remembered window size and position. The logic is pure (displays are passed in) so that the
 * awkward cases — a monitor unplugged since last time, a laptop lid closed — are unit-tested.
 */

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  isMaximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 720, height: 480 };

/** The default window: a comfortable size, shrunk to fit the display, centred on it. */
export function defaultWindowState(workArea: Rectangle): WindowState {
  const width = Math.min(DEFAULT_SIZE.width, workArea.width);
  const height = Math.min(DEFAULT_SIZE.height, workArea.height);
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
    isMaximized: false,
  };
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Fits saved bounds onto the displays that exist now: the window goes to the display it
 * overlaps most (the primary one if it overlaps none), is shrunk to that display's work area
 * and moved fully inside it, so it can never reopen off-screen.
 */
export function restoreWindowState(
  saved: WindowState | undefined,
  workAreas: Rectangle[],
  primaryWorkArea: Rectangle,
): WindowState {
  if (saved === undefined) return defaultWindowState(primaryWorkArea);
  let target = primaryWorkArea;
  let best = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved, area);
    if (overlap > best) {
      best = overlap;
      target = area;
    }
  }
  const width = clamp(saved.width, Math.min(MIN_SIZE.width, target.width), target.width);
  const height = clamp(saved.height, Math.min(MIN_SIZE.height, target.height), target.height);
  return {
    x: clamp(saved.x, target.x, target.x + target.width - width),
    y: clamp(saved.y, target.y, target.y + target.height - height),
    width,
    height,
    isMaximized: saved.isMaximized,
  };
}

/** The saved state, or undefined when there is none or it is unreadable (start with defaults). */
export function readWindowState(file: string): WindowState | undefined {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write cannot leave broken JSON. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state), 'utf8');
  renameSync(temporary, file);
}

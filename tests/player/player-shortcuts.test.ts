import { describe, expect, it } from "vitest";
import { shortcutFor, SHORTCUTS, type ShortcutAction } from "@/components/player/player-shortcuts";

// The player's keys, as the players people know have them; browser and system shortcuts
// (Ctrl, ⌘, Alt) are never taken.

const press = (key: string, more: Partial<KeyboardEvent> = {}) =>
  shortcutFor({ key, code: key === " " ? "Space" : `Key${key.toUpperCase()}`, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...more });

describe("shortcutFor", () => {
  it("maps each key to its action", () => {
    const cases: [string, Partial<KeyboardEvent>, ShortcutAction][] = [
      [" ", {}, "playPause"],
      ["ArrowLeft", {}, "seekBack"],
      ["ArrowRight", {}, "seekForward"],
      ["ArrowLeft", { shiftKey: true }, "previous"],
      ["ArrowRight", { shiftKey: true }, "next"],
      ["m", {}, "mute"],
      ["M", {}, "mute"],
      ["l", {}, "loop"],
      ["t", {}, "nextTake"],
      ["k", {}, "keep"],
      ["?", { shiftKey: true }, "help"],
    ];
    for (const [key, more, action] of cases) expect(press(key, more), `${key} ${JSON.stringify(more)}`).toBe(action);
  });
  it("leaves modified keys to the browser and ignores other keys", () => {
    expect(press("ArrowLeft", { metaKey: true })).toBeNull();
    expect(press("k", { ctrlKey: true })).toBeNull();
    expect(press("l", { altKey: true })).toBeNull();
    expect(press("x")).toBeNull();
    expect(press("Home")).toBeNull();
  });
  it("repeats seeking while an arrow is held, nothing else", () => {
    expect(press("ArrowRight", { repeat: true })).toBe("seekForward");
    expect(press(" ", { repeat: true })).toBeNull();
    expect(press("m", { repeat: true })).toBeNull();
  });
  it("lists every action once in the overlay", () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toHaveLength(10);
  });
});

import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("runs in demo mode with nothing set, with embedded database and storage under data/", () => {
    const env = parseEnv({});
    expect(env.mode).toBe("demo");
    expect(env.VENICE_API_BASE).toBe("https://api.venice.ai/api/v1");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(path.resolve("data"));
    expect(env.STORAGE_DIR).toBe(path.resolve("data", "storage"));
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
    expect(env.SIM_FAULTS).toBe(false);
    expect(env.SIM_BALANCE_USD).toBe(100);
  });

  it("treats empty values as unset (as a copied .env.example leaves them)", () => {
    const env = parseEnv({ VENICE_API_KEY: "", DATABASE_URL: " ", STORAGE_DIR: "" });
    expect(env.mode).toBe("demo");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("switches to Venice mode with a key and reads every setting", () => {
    const env = parseEnv({
      VENICE_API_KEY: "vk-123",
      VENICE_API_BASE: "http://127.0.0.1:4010/api/v1",
      DATABASE_URL: "postgresql://u:p@db:5432/studio",
      STORAGE_DIR: "/srv/tracks",
      SIM_SPEED: "20",
      SIM_FAULTS: "1",
      SIM_BALANCE_USD: "2.5",
    });
    expect(env.mode).toBe("venice");
    expect(env.DATABASE_URL).toBe("postgresql://u:p@db:5432/studio");
    expect(env.STORAGE_DIR).toBe("/srv/tracks");
    expect(env.SIM_SPEED).toBe(20);
    expect(env.SIM_FAULTS).toBe(true);
    expect(env.SIM_BALANCE_USD).toBe(2.5);
  });

  it.each([
    ["VENICE_API_BASE", "not a url"],
    ["VENICE_API_BASE", "ftp://venice.ai"],
    ["DATABASE_URL", "mysql://localhost/db"],
    ["EMBEDDED_PG_PORT", "99999"],
    ["LOG_LEVEL", "loud"],
    ["SIM_SPEED", "-1"],
    ["SIM_FAULTS", "maybe"],
    ["SIM_BALANCE_USD", "-5"],
  ])("stops with one line naming %s when it is %j", (name, value) => {
    const attempt = () => parseEnv({ [name]: value });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(new RegExp(`^Invalid environment variable ${name}: [^\\n]+$`));
  });
});

// Stock moto's server on 127.0.0.1 with a free port, for tests of the real AWS adapter through the real SDK.
// Started and stopped by the tests themselves; absent moto skips LOUDLY (and fails where ROOTLOCK_REQUIRE_MOTO
// is set, as .ci/run does), so a green run can never hide a skipped suite.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";

export interface MotoServer {
  endpoint: string;
  stop(): Promise<void>;
}

export function motoAvailable(): { ok: true } | { ok: false; why: string } {
  const probe = spawnSync("python3", ["-c", "import moto.server, moto; print(moto.__version__)"], { encoding: "utf8" });
  if (probe.status === 0) return { ok: true };
  return { ok: false, why: (probe.stderr || probe.error?.message || "python3 not found").trim().split("\n").at(-1) ?? "" };
}

export async function startMoto(): Promise<MotoServer> {
  const child: ChildProcess = spawn("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`moto did not start in 20 s:\n${log}`)), 20_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      // Werkzeug prints " * Running on http://127.0.0.1:PORT" once it listens.
      const m = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stderr!.on("data", onData);
    child.stdout!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`moto exited (${code}) before listening:\n${log}`)));
  });
  return {
    endpoint,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
  };
}

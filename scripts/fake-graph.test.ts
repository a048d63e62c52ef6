import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const SCRIPT = fileURLToPath(new URL("./fake-graph.ts", import.meta.url));

describe("fake-graph CLI", () => {
  it("prints its URL and answers 131047 for a recipient given with --outside-window", async () => {
    const child = spawn(TSX, [SCRIPT, "--port", "0", "--outside-window", "+15550001111", "--latency", "1"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      let output = "";
      child.stdout.setEncoding("utf8");
      while (!/listening on (http:\/\/\S+)/.test(output)) {
        const [chunk] = (await once(child.stdout, "data")) as [string];
        output += chunk;
      }
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? "";
      const send = (to: string) =>
        fetch(`${url}/v25.0/100000000000001/messages`, {
          method: "POST",
          headers: { authorization: "Bearer dev", "content-type": "application/json" },
          body: JSON.stringify({ messaging_product: "whatsapp", to, type: "text", text: { body: "hi" } }),
        });

      const closed = await send("+15550001111");
      const open = await send("+15550002222");
      const sent = (await (await fetch(`${url}/__sent`)).json()) as unknown[];

      expect(closed.status).toBe(400);
      expect(open.status).toBe(200);
      expect(sent).toHaveLength(1);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  });
});

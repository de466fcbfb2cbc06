// The upload attack of issue 11, shared by scripts/upload-attack.ts and the browser-suite test:
// a chunked multipart body (no Content-Length to check) of many 1 MB parts, sent as fast as the
// server reads it, while the server's memory (its whole process tree) is sampled.
import fs from "node:fs";
import http from "node:http";

/** Resident set of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const p = queue.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      continue;
    }
    queue.push(...(children.get(p) ?? []));
  }
  return total;
}

export type AttackResult = { status: number | "reset"; sentBytes: number; ms: number };

/** POSTs `parts` file parts of `partBytes` each with chunked encoding; stops sending once answered. */
export function chunkedMultipart(
  url: string,
  { parts, partBytes, fieldName = "photos" }: { parts: number; partBytes: number; fieldName?: string },
): Promise<AttackResult> {
  const boundary = "----attack" + Math.random().toString(16).slice(2);
  const target = new URL(url);
  const payload = Buffer.alloc(partBytes, 0x41);
  const t0 = performance.now();
  return new Promise((resolve) => {
    let sent = 0;
    let done = false;
    const finish = (status: number | "reset") => {
      if (done) return;
      done = true;
      resolve({ status, sentBytes: sent, ms: performance.now() - t0 });
    };
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: {
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Transfer-Encoding": "chunked",
          Origin: target.origin,
        },
      },
      (res) => {
        res.resume();
        finish(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on("error", () => finish("reset"));
    let i = 0;
    const write = () => {
      while (!done && i < parts) {
        const head = Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="p${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        );
        i++;
        sent += head.length + payload.length + 2;
        req.write(head);
        const more = req.write(Buffer.concat([payload, Buffer.from("\r\n")]));
        if (!more) return void req.once("drain", write);
      }
      if (!done && i >= parts) req.end(`--${boundary}--\r\n`);
    };
    write();
  });
}

/** Runs `attack` while sampling the tree's RSS every 10 ms; returns the result and the peak growth. */
export async function measureRss<T>(pid: number, attack: () => Promise<T>) {
  // Let the server settle, then take the baseline.
  await new Promise((r) => setTimeout(r, 300));
  const before = treeRss(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 10);
  try {
    const result = await attack();
    await new Promise((r) => setTimeout(r, 200));
    peak = Math.max(peak, treeRss(pid));
    return { result, before, peak, growth: peak - before, after: treeRss(pid) };
  } finally {
    clearInterval(timer);
  }
}

/** One valid report with these photos (PNG or WebP), posted as a browser would; its answer status. */
export async function photoReport(url: string, photos: Buffer[], type: "image/png" | "image/webp"): Promise<AttackResult> {
  const form = new FormData();
  form.append("category", "roads");
  form.append("text", "Đường bê tông trước nhà văn hóa thôn bị nứt và sụt lún nhiều chỗ.");
  form.append("village", "Thôn Đông");
  const ext = type === "image/png" ? "png" : "webp";
  photos.forEach((p, i) => form.append("photos", new Blob([new Uint8Array(p)], { type }), `p${i}.${ext}`));
  const t0 = performance.now();
  try {
    const res = await fetch(url, { method: "POST", body: form, redirect: "manual", headers: { Origin: new URL(url).origin } });
    await res.arrayBuffer();
    return { status: res.status, sentBytes: photos.reduce((a, p) => a + p.length, 0), ms: performance.now() - t0 };
  } catch {
    return { status: "reset", sentBytes: 0, ms: performance.now() - t0 };
  }
}

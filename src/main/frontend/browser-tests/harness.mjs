// Drives Debian's Chromium with playwright-core against the running Baton server. No browser is
// ever downloaded: the executable path is the system one.
import { createHash } from "node:crypto";
import { chromium } from "playwright-core";

export const BASE = process.env.BATON_URL ?? "http://localhost:9180";
// The integration-test server issues access tokens for 5 seconds (SESSION_ACCESS_TOKEN_VALIDITY).
export const ACCESS_TOKEN_MS = Number(process.env.BATON_ACCESS_TOKEN_MS ?? 5000);

/** Waits until the application answers: the server may report "started" before its apps. */
export async function serverReady(timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const [page, rid] = await Promise.all([fetch(`${BASE}/index.html`), fetch(`${BASE}/rid/index.html`)]);
      if (page.ok && rid.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${BASE} did not serve the demo within ${timeoutMs} ms`);
}

export async function launch() {
  await serverReady();
  return launchChromium();
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Opens the demo page in a tab and counts the refresh calls it makes. Tests reset the count at the
 * moment that matters: on load the SDK already calls refresh once to learn whether a session
 * exists.
 */
export async function openDemo(context, query = "") {
  const page = await newTab(context);
  await page.goto(`${BASE}/index.html${query}`);
  await page.waitForFunction(() => window.baton !== undefined);
  return page;
}

/** A tab that counts the refresh calls made from it, in `page.refreshCalls`. */
export async function newTab(context) {
  const page = await context.newPage();
  page.refreshCalls = 0;
  page.trail = [];
  const note = (line) => page.trail.push(`${(performance.now() / 1000).toFixed(3)} ${line}`);
  page.on("request", async (request) => {
    if (request.url().endsWith("/auth/session/refresh") && request.method() === "POST") {
      page.refreshCalls++;
      const cookie = (await request.allHeaders().catch(() => ({}))).cookie ?? "";
      note(`refresh sent with ${fingerprint(/sRefreshToken=([^;]+)/.exec(cookie)?.[1])}`);
    }
  });
  page.on("response", (response) => {
    const refresh = /sRefreshToken=([^;]+)/.exec(response.headers()["set-cookie"] ?? "")?.[1];
    note(`${response.request().method()} ${response.url()} ${response.status()}`
      + (refresh ? ` sets ${fingerprint(refresh)}` : ""));
  });
  page.on("console", (message) => note(`console ${message.type()}: ${message.text()}`));
  return page;
}

/** Eight characters that tell two tokens apart in a failure message, without showing either. */
function fingerprint(token) {
  return token ? createHash("sha256").update(token).digest("hex").slice(0, 8) : "none";
}

/** What every tab of a context did, for a failure message. */
export function trails(context) {
  return context.pages().map((page, i) => `tab ${i} at ${page.url()}:\n  ${(page.trail ?? []).join("\n  ")}`)
    .join("\n");
}

/** Waits until the access token issued now has expired: real time, the server's clock. */
export function accessTokenExpiry() {
  return new Promise((resolve) => setTimeout(resolve, ACCESS_TOKEN_MS + 1200));
}

export const events = (page) => page.evaluate(() => window.baton.events.slice());

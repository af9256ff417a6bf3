// The unmodified supertokens-website SDK in Chromium against the host application (src/it/host),
// whose @RolesAllowed resources Baton's Jakarta Security mechanism guards. HostOnLibertyIT and
// HostOnPayaraIT run this file against their server, HOST_URL, whose access tokens last 5 seconds.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchChromium } from "../browser-tests/harness.mjs";

const HOST = process.env.HOST_URL;
const ACCESS_TOKEN_MS = Number(process.env.HOST_ACCESS_TOKEN_MS ?? 5000);

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

/** The host's page in a new context (its server's certificate is self-signed), counting refreshes. */
async function hostPage() {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  page.refreshCalls = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/auth/session/refresh") && request.method() === "POST") {
      page.refreshCalls++;
    }
  });
  await page.goto(`${HOST}/index.html`);
  await page.waitForFunction(() => window.host !== undefined);
  return page;
}

const expiry = () => new Promise((resolve) => setTimeout(resolve, ACCESS_TOKEN_MS + 1200));

test("a @RolesAllowed resource keeps answering an admin across an access-token expiry", async () => {
  const page = await hostPage();
  const user = `admin-browser-${Date.now()}`;
  assert.equal(await page.evaluate((u) => host.login(u), user), 200);
  const fresh = await page.evaluate(() => host.call("/api/roles/admin"));
  assert.equal(fresh.status, 200, JSON.stringify(fresh));
  assert.equal(fresh.body.user, user);

  await expiry();
  page.refreshCalls = 0;
  const afterExpiry = await page.evaluate(() => host.call("/api/roles/admin"));
  assert.equal(afterExpiry.status, 200, JSON.stringify(afterExpiry));
  assert.equal(afterExpiry.body.user, user);
  assert.equal(page.refreshCalls, 1, "the SDK refreshed once, on Baton's 401, and retried");
  await page.context().close();
});

test("a user without the role is refused with 403 after the expiry too, and is not logged out", async () => {
  const page = await hostPage();
  assert.equal(await page.evaluate((u) => host.login(u), `user-browser-${Date.now()}`), 200);
  await expiry();
  page.refreshCalls = 0;
  const refused = await page.evaluate(() => host.call("/api/roles/admin"));
  assert.equal(refused.status, 403, JSON.stringify(refused));
  assert.equal(page.refreshCalls, 1);
  assert.equal(await page.evaluate(() => supertokens.doesSessionExist()), true);
  await page.context().close();
});

// Two tabs of one browser navigating to a protected page at once after expiry: both get Baton's
// refresh page, and the SDK's cross-tab lock lets one refresh while the other waits for it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newTab, accessTokenExpiry, events } from "./harness.mjs";
import { navigate, signedIn, saveCart } from "./navigation.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("two tabs navigating at once after expiry both end on the content, without a theft", async () => {
  const { context, app } = await signedIn(browser, "ivan");
  const tabs = [await newTab(context), await newTab(context)];
  for (let round = 1; round <= 4; round++) {
    await accessTokenExpiry();
    tabs.forEach((tab) => { tab.refreshCalls = 0; });
    const visits = await Promise.all(tabs.map(navigate));
    for (const { firstStatus, body } of visits) {
      assert.equal(firstStatus, 401, `round ${round}: the expired token got the refresh page`);
      assert.equal(body.userId, "ivan", `round ${round}: the tab ended on the content`);
    }
    const calls = tabs[0].refreshCalls + tabs[1].refreshCalls;
    assert.ok(calls >= 1 && calls <= 2, `round ${round}: ${calls} refresh calls`);
  }
  // A theft would have revoked the session: the app's calls would now be 401.
  assert.equal(await saveCart(app, 3), 200);
  assert.equal((await app.evaluate(() => window.baton.me())).body.userId, "ivan");
  assert.equal((await events(app)).includes("UNAUTHORISED"), false);
  await context.close();
});

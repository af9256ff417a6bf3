// Two tabs of one browser that need a refresh at once: the SDK's cross-tab lock lets one refresh
// while the other waits for it and then uses its tokens. The lock assumes that a tab sees another
// tab's localStorage write within milliseconds, which a starved machine does not always give
// (README, How refresh and theft detection work), so these run after the other browser tests,
// alone (package.json).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newTab, openDemo, accessTokenExpiry, events } from "../harness.mjs";
import { navigate, signedIn, saveCart } from "../navigation.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("two tabs share one refresh", async () => {
  const context = await browser.newContext();
  const first = await openDemo(context);
  await first.evaluate(() => window.baton.login("carol"));
  const second = await openDemo(context);
  await accessTokenExpiry();
  first.refreshCalls = second.refreshCalls = 0;
  const [a, b] = await Promise.all([
    first.evaluate(() => window.baton.me()),
    second.evaluate(() => window.baton.me()),
  ]);
  assert.equal(a.status, 200);
  assert.equal(b.status, 200);
  assert.equal(first.refreshCalls + second.refreshCalls, 1);
  await context.close();
});

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

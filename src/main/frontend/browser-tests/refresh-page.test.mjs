// Browser navigations to protected API pages with an expired access token: Baton answers with its
// refresh page, which refreshes through the real supertokens-website SDK (security review H2).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newTab, accessTokenExpiry, events } from "./harness.mjs";
import { PAGE, LOGIN_URL, navigate, signedIn, saveCart } from "./navigation.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("a navigation refresh followed by an SDK POST in VIA_TOKEN mode succeeds", async () => {
  const { context, app } = await signedIn(browser, "grace");
  await accessTokenExpiry();

  const tab = await newTab(context);
  const visit = await navigate(tab);
  assert.equal(visit.firstStatus, 401, "the expired token got the refresh page");
  assert.equal(visit.body.userId, "grace");
  assert.equal(tab.refreshCalls, 1);

  app.refreshCalls = 0;
  assert.equal(await saveCart(app, 1), 200);
  assert.equal(app.refreshCalls, 0, "the app's SDK already holds the page's new anti-CSRF token");
  assert.equal((await app.evaluate(() => window.baton.me())).status, 200);
  assert.equal((await events(app)).includes("UNAUTHORISED"), false);
  await context.close();
});

test("two navigations, each after its own expiry, both end on the content", async () => {
  const { context, app } = await signedIn(browser, "heidi");
  const tab = await newTab(context);
  for (let visit = 1; visit <= 2; visit++) {
    await accessTokenExpiry();
    const { firstStatus, body } = await navigate(tab);
    assert.equal(firstStatus, 401, `visit ${visit} got the refresh page`);
    assert.equal(body.userId, "heidi", `visit ${visit} ended on the content`);
  }
  assert.equal(tab.refreshCalls, 2);
  assert.equal(await saveCart(app, 2), 200);
  await context.close();
});

test("a navigation with a revoked session ends on the login URL, without a loop", async () => {
  const { context, app } = await signedIn(browser, "judy");
  const cookies = await context.cookies();
  await app.evaluate(() => window.baton.signOut());
  await context.addCookies(cookies); // the browser still holds the revoked session's tokens
  await accessTokenExpiry();

  const tab = await newTab(context);
  let pageVisits = 0;
  tab.on("request", (r) => { if (r.url() === PAGE && r.isNavigationRequest()) pageVisits++; });
  const first = await tab.goto(PAGE);
  assert.equal(first.status(), 401);
  await tab.waitForURL(LOGIN_URL, { timeout: 20_000 });
  // The login URL is the demo page, whose SDK settles on "no session" without refreshing.
  await tab.waitForFunction(() => document.getElementById("signed-in")?.textContent === "no");
  assert.equal(tab.url(), LOGIN_URL);
  assert.equal(pageVisits, 1, "the protected page was not requested again");
  assert.equal(tab.refreshCalls, 1);
  await context.close();
});

// Browser navigations to protected API pages with an expired access token: Baton answers with its
// refresh page, which refreshes through the real supertokens-website SDK (security review H2).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openDemo, newTab, accessTokenExpiry, events, trails, BASE } from "./harness.mjs";

const PAGE = `${BASE}/demo/me`;
const LOGIN_URL = `${BASE}/`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * Navigates to the protected page and waits for its content, the JSON answer of a successful
 * navigation, through whatever refresh page comes first. Two tabs refreshing at once take turns on
 * the SDK's cross-tab lock, which it polls; on a machine busy with the other integration tests one
 * round once took longer than 20 seconds, so the bound is a minute.
 */
async function navigate(tab) {
  try {
    const content = tab.waitForResponse(
      (r) => r.url() === PAGE && r.status() === 200 && r.request().isNavigationRequest(),
      { timeout: 60_000 });
    const first = await tab.goto(PAGE);
    const answer = await content;
    return { firstStatus: first.status(), body: await answer.json() };
  } catch (e) {
    throw new Error(`${e.message}\n${trails(tab.context())}`);
  }
}

/**
 * A browser context with the demo app signed in, whose event list starts after the login: the
 * SDK's check for a session on load leaves an UNAUTHORISED event before it.
 */
async function signedIn(userId) {
  const context = await browser.newContext();
  const app = await openDemo(context);
  await app.evaluate((id) => window.baton.login(id), userId);
  await app.evaluate(() => { window.baton.events.length = 0; });
  return { context, app };
}

/** A state-changing call through the application's SDK, which adds its anti-CSRF token. */
function saveCart(app, cart) {
  return app.evaluate(async (value) => {
    const response = await fetch("/demo/me/data", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ cart: value }),
    });
    return response.status;
  }, cart);
}

test("a navigation refresh followed by an SDK POST in VIA_TOKEN mode succeeds", async () => {
  const { context, app } = await signedIn("grace");
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
  const { context, app } = await signedIn("heidi");
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

test("two tabs navigating at once after expiry both end on the content, without a theft", async () => {
  const { context, app } = await signedIn("ivan");
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

test("a navigation with a revoked session ends on the login URL, without a loop", async () => {
  const { context, app } = await signedIn("judy");
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

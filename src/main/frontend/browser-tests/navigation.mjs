// Navigations to the demo's protected page, shared by the refresh-page tests: Baton answers an
// expired access token with its refresh page, which refreshes through the real SDK.
import { openDemo, trails, BASE } from "./harness.mjs";

export const PAGE = `${BASE}/demo/me`;
export const LOGIN_URL = `${BASE}/`;

/**
 * Navigates to the protected page and waits for its content, the JSON answer of a successful
 * navigation, through whatever refresh page comes first. Two tabs refreshing at once take turns on
 * the SDK's cross-tab lock, which it polls; on a machine busy with the other integration tests one
 * round once took longer than 20 seconds, so the bound is a minute.
 */
export async function navigate(tab) {
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
export async function signedIn(browser, userId) {
  const context = await browser.newContext();
  const app = await openDemo(context);
  await app.evaluate((id) => window.baton.login(id), userId);
  await app.evaluate(() => { window.baton.events.length = 0; });
  return { context, app };
}

/** A state-changing call through the application's SDK, which adds its anti-CSRF token. */
export function saveCart(app, cart) {
  return app.evaluate(async (value) => {
    const response = await fetch("/demo/me/data", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ cart: value }),
    });
    return response.status;
  }, cart);
}

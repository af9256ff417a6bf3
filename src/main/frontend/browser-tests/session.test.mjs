// The unmodified supertokens-website SDK against Baton on Open Liberty, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openDemo, accessTokenExpiry, events, BASE } from "./harness.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("login and protected calls work in cookie mode", async () => {
  const context = await browser.newContext();
  const page = await openDemo(context);
  const login = await page.evaluate(() => window.baton.login("alice"));
  assert.equal(login.status, 200);
  assert.equal(await page.evaluate(() => supertokens.doesSessionExist()), true);
  const me = await page.evaluate(() => window.baton.me());
  assert.equal(me.status, 200);
  assert.equal(me.body.userId, "alice");
  const cookies = await context.cookies();
  const access = cookies.find((c) => c.name === "sAccessToken");
  assert.ok(access?.httpOnly, "the access token is an HttpOnly cookie");
  assert.equal(await page.evaluate(() => document.cookie.includes("sAccessToken")), false);
  await context.close();
});

test("after expiry, twenty parallel calls cause exactly one refresh and all succeed", async () => {
  const context = await browser.newContext();
  const page = await openDemo(context);
  await page.evaluate(() => window.baton.login("bob"));
  await accessTokenExpiry();
  page.refreshCalls = 0;
  const statuses = await page.evaluate(async () => {
    const calls = Array.from({ length: 20 }, () => fetch("/demo/me").then((r) => r.status));
    return Promise.all(calls);
  });
  assert.deepEqual(statuses, Array(20).fill(200));
  assert.equal(page.refreshCalls, 1);
  assert.ok((await events(page)).includes("REFRESH_SESSION"));
  await context.close();
});

test("a stolen refresh token used elsewhere logs the victim out with UNAUTHORISED", async () => {
  const victimContext = await browser.newContext();
  const victim = await openDemo(victimContext);
  await victim.evaluate(() => window.baton.login("dave"));
  const cookies = await victimContext.cookies();
  const stolen = cookies.find((c) => c.name === "sRefreshToken").value;
  const antiCsrf = cookies.find((c) => c.name === "sAntiCsrf")?.value;

  // The thief refreshes with the stolen token, then uses the child it got: the lineage moves on.
  const thief = async (refreshToken, csrf) => {
    const response = await fetch(`${BASE}/auth/session/refresh`, {
      method: "POST",
      headers: { Cookie: `sRefreshToken=${refreshToken}`, ...(csrf ? { "anti-csrf": csrf } : {}) },
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("sRefreshToken="));
    return { status: response.status, refreshToken: setCookie?.split(";")[0].split("=")[1],
      antiCsrf: response.headers.get("anti-csrf") };
  };
  const first = await thief(stolen, antiCsrf && decodeURIComponent(antiCsrf));
  assert.equal(first.status, 200);
  assert.equal((await thief(first.refreshToken, first.antiCsrf)).status, 200);

  // The victim's next refresh presents the rotated-away token: theft, session revoked.
  await accessTokenExpiry();
  const me = await victim.evaluate(() => window.baton.me());
  assert.equal(me.status, 401);
  assert.ok((await events(victim)).includes("UNAUTHORISED"));
  assert.equal(await victim.evaluate(() => supertokens.doesSessionExist()), false);
  // The thief's lineage died with the session.
  assert.equal((await thief(first.refreshToken, first.antiCsrf)).status, 401);
  await victimContext.close();
});

test("sign-out ends the session", async () => {
  const context = await browser.newContext();
  const page = await openDemo(context);
  await page.evaluate(() => window.baton.login("erin"));
  await page.evaluate(() => window.baton.signOut());
  assert.equal(await page.evaluate(() => supertokens.doesSessionExist()), false);
  assert.ok((await events(page)).includes("SIGN_OUT"));
  const me = await page.evaluate(() => window.baton.me());
  assert.equal(me.status, 401);
  await context.close();
});

test("header mode keeps tokens out of cookies and refreshes with a bearer token", async () => {
  const context = await browser.newContext();
  const page = await openDemo(context, "?mode=header");
  await page.evaluate(() => window.baton.login("frank"));
  const cookies = await context.cookies();
  assert.equal(cookies.some((c) => c.name === "sAccessToken" || c.name === "sRefreshToken"), false);
  assert.equal((await page.evaluate(() => window.baton.me())).body.userId, "frank");
  await accessTokenExpiry();
  page.refreshCalls = 0;
  const me = await page.evaluate(() => window.baton.me());
  assert.equal(me.status, 200);
  assert.equal(page.refreshCalls, 1);
  await context.close();
});

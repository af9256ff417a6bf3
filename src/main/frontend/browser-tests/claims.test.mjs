// Claims through the unmodified supertokens-website SDK: maxAuthAge's invalid-claim 403, and a
// claim validator whose claim the server sets mid-request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openDemo } from "./harness.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("after maxAuthAge the SDK meets the invalid-claim 403 without signing out, and a re-authentication lets the user through", async () => {
  const context = await browser.newContext();
  const page = await openDemo(context);
  await page.evaluate(() => window.baton.login("ria"));
  const call = (path, method = "GET") =>
    page.evaluate(async ([p, m]) => {
      const response = await fetch(p, { method: m });
      return { status: response.status, body: await response.json() };
    }, [path, method]);
  assert.equal((await call("/demo/sensitive")).status, 200);

  // The demo's maxAuthAge is 10 seconds; the access token (5 s) expires on the way.
  await new Promise((resolve) => setTimeout(resolve, 11_200));
  page.refreshCalls = 0;
  const stale = await call("/demo/sensitive");
  assert.equal(stale.status, 403, JSON.stringify(stale));
  assert.equal(stale.body.message, "invalid claim");
  assert.equal(stale.body.claimValidationErrors[0].id, "baton-auth-time");
  assert.equal(stale.body.claimValidationErrors[0].reason.message, "expired");
  assert.equal(page.refreshCalls, 1, "one refresh for the expired token, none for the 403");
  assert.equal(await page.evaluate(() => supertokens.doesSessionExist()), true);

  const again = await call("/demo/reauthenticate", "POST");
  assert.equal(again.status, 200, JSON.stringify(again));
  const fresh = await call("/demo/sensitive");
  assert.equal(fresh.status, 200, JSON.stringify(fresh));
  assert.equal(fresh.body.authenticatedAt, again.body.authenticatedAt);
  await context.close();
});

test("a claim validator: the SDK's validateClaims and its 403, and a claim set mid-request reaches the frontend in that response", async () => {
  const context = await browser.newContext();
  const page = await openDemo(context);
  await page.evaluate(() => window.baton.login("vera"));
  // The SDK's own validator for SuperTokens' e-mail claim, reading the front token's payload.
  const frontendCheck = () =>
    page.evaluate(async () => {
      const claim = new supertokens.BooleanClaim({ id: "st-ev", refresh: async () => {} });
      return supertokens.validateClaims(() => [claim.validators.isTrue()]);
    });
  const before = await frontendCheck();
  assert.deepEqual(before.map((e) => e.id), ["st-ev"], JSON.stringify(before));
  assert.equal(before[0].reason.message, "value does not exist");

  page.refreshCalls = 0;
  const refused = await page.evaluate(async () => {
    const response = await fetch("/demo/verified");
    return {
      status: response.status,
      invalid: await supertokens.getInvalidClaimsFromResponse({ response }),
    };
  });
  assert.equal(refused.status, 403, JSON.stringify(refused));
  assert.deepEqual(refused.invalid.map((e) => e.id), ["st-ev"]);
  assert.equal(refused.invalid[0].reason.message, "value does not exist");
  assert.equal(page.refreshCalls, 0, "a failed claim is not an expiry");
  assert.equal(await page.evaluate(() => supertokens.doesSessionExist()), true);

  const verified = await page.evaluate(async () => {
    const response = await fetch("/demo/verify-email", { method: "POST" });
    return { status: response.status, body: await response.json() };
  });
  assert.equal(verified.status, 200, JSON.stringify(verified));
  assert.equal(verified.body.accessTokenPayload["st-ev"].v, true);
  assert.deepEqual(await frontendCheck(), [], "the new claim came with the response");
  const allowed = await page.evaluate(async () => (await fetch("/demo/verified")).status);
  assert.equal(allowed, 200);
  assert.equal(page.refreshCalls, 0, "no refresh was needed to see the claim");
  await context.close();
});

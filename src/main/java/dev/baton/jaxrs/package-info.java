/**
 * Sessions on the wire, in SuperTokens' frontend protocol so that the unmodified {@code
 * supertokens-website} SDK is a working frontend: the {@code @VerifySession} feature and filter,
 * token transport in cookies or headers, CORS, and the refresh, sign-out and JWKS resources.
 */
package dev.baton.jaxrs;

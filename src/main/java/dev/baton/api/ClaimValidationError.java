package dev.baton.api;

import jakarta.json.JsonObject;

/**
 * One failed claim check, as SuperTokens' frontend reads it from {@code claimValidationErrors}.
 *
 * @param id the validator's id, such as {@code st-ev}
 * @param reason why it failed: {@code {"message":"wrong value","expectedValue":...,
 *     "actualValue":...}} and the like
 */
public record ClaimValidationError(String id, JsonObject reason) {}

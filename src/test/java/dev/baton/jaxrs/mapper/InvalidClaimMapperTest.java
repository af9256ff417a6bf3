package dev.baton.jaxrs.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.api.ClaimValidationError;
import dev.baton.api.exception.InvalidClaimException;
import dev.baton.metrics.SessionMetrics;
import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 403 that {@code supertokens-website} reads as a failed claim check. */
class InvalidClaimMapperTest {

  private final List<String> metrics = new ArrayList<>();

  private Response answer(InvalidClaimException exception) {
    InvalidClaimMapper mapper = new InvalidClaimMapper();
    mapper.metrics =
        new SessionMetrics() {
          @Override
          public void unauthorised(String reason) {
            metrics.add(reason);
          }
        };
    return mapper.toResponse(exception);
  }

  @Test
  void anExpiredClaimIsAnswered403InSuperTokensFormatWithItsAges() {
    Response response =
        answer(
            new InvalidClaimException(
                "h",
                List.of(
                    new ClaimValidationError(
                        "baton-auth-time",
                        Json.createObjectBuilder()
                            .add("message", "expired")
                            .add("ageInSeconds", 360)
                            .add("maxAgeInSeconds", 300)
                            .build()))));
    assertEquals(403, response.getStatus());
    assertEquals(
        "{\"message\":\"invalid claim\",\"claimValidationErrors\":[{\"id\":\"baton-auth-time\","
            + "\"reason\":{\"message\":\"expired\",\"ageInSeconds\":360,\"maxAgeInSeconds\":300}}]}",
        response.getEntity().toString());
    assertEquals(List.of("invalid_claim"), metrics);
  }

  @Test
  void everyFailedCheckIsListedInOrder() {
    Response response =
        answer(
            new InvalidClaimException(
                "h",
                List.of(
                    new ClaimValidationError(
                        "org", Json.createObjectBuilder().add("message", "wrong value").build()),
                    new ClaimValidationError(
                        "st-ev",
                        Json.createObjectBuilder()
                            .add("message", "value does not exist")
                            .build()))));
    assertEquals(
        "{\"message\":\"invalid claim\",\"claimValidationErrors\":[{\"id\":\"org\","
            + "\"reason\":{\"message\":\"wrong value\"}},{\"id\":\"st-ev\",\"reason\":"
            + "{\"message\":\"value does not exist\"}}]}",
        response.getEntity().toString());
  }
}

package dev.baton.jaxrs.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.api.exception.SessionLimitExceededException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** A login refused by the per-user limit: a conflict to resolve, never a 401 the SDK refreshes. */
class SessionLimitExceededMapperTest {

  @Test
  void aRefusedLoginIsAnswered409WithTheLimit() {
    Response response =
        new SessionLimitExceededMapper().toResponse(new SessionLimitExceededException(3));
    assertEquals(409, response.getStatus());
    assertEquals("application/json", response.getMediaType().toString());
    assertEquals(
        "{\"message\":\"session limit reached\",\"limit\":3}", response.getEntity().toString());
  }
}

package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.TokenTheftDetectedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.LogCapture;
import dev.baton.testing.TestBaton;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Client-supplied text cannot forge or split a log line (security review L8, CWE-117). */
@BatonTest
class LogValuesTest {

  private final TestBaton baton;

  LogValuesTest(TestBaton baton) {
    this.baton = baton;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "alice|alice",
        "alice smith|\"alice smith\"",
        "a=b|\"a=b\"",
        "back\\slash|back\\\\slash",
        "say \"hi\"|\"say \\\"hi\\\"\""
      })
  void plainValuesStayAndAmbiguousOnesAreQuoted(String value, String logged) {
    assertEquals(logged, LogValues.escape(value));
  }

  @Test
  void lineBreaksAndControlCharactersAreEscaped() {
    assertEquals("a\\nb\\rc\\td", LogValues.escape("a\nb\rc\td"));
    assertEquals("\\u001b[31m", LogValues.escape("\u001b[31m"));
    assertEquals("x\\u2028y", LogValues.escape("x\u2028y"));
    assertEquals("?", LogValues.escape(null));
    assertEquals("\"\"", LogValues.escape(""));
  }

  @Test
  void aUserIdWithALineBreakCannotForgeATheftLine() {
    SessionService sessions = baton.sessions();
    String forger = "mallory\nevent=token_theft_detected userId=admin";
    SessionTokens stolen = sessions.createNewSession(forger, null, null);
    SessionTokens child = baton.refresh(stolen);
    baton.refresh(baton.refresh(child));

    List<String> lines;
    try (LogCapture log = LogCapture.of("dev.baton")) {
      assertThrows(TokenTheftDetectedException.class, () -> baton.refresh(stolen));
      lines = log.messages();
    }

    String theft =
        lines.stream()
            .filter(l -> l.contains("theft"))
            .findFirst()
            .orElseThrow(AssertionError::new);
    assertFalse(theft.contains("\n"), theft);
    assertTrue(theft.contains("mallory\\nevent=token_theft_detected"), theft);
  }
}

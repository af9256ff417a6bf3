package dev.baton.core;

/**
 * Client-supplied text made safe for a log line (CWE-117): control characters, line and paragraph
 * separators and backslashes are escaped, and a value with a space, quote or {@code =} is quoted,
 * so that a user id can neither start a forged line nor pass for another {@code key=value} field.
 */
public final class LogValues {

  private LogValues() {}

  /**
   * The value as it may appear after {@code key=} in a log line.
   *
   * @param value the text, or {@code null}
   * @return the escaped text; {@code ?} for {@code null}
   */
  public static String escape(String value) {
    if (value == null) {
      return "?";
    }
    StringBuilder out = new StringBuilder(value.length() + 2);
    boolean quote = value.isEmpty();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        case '"' -> {
          out.append("\\\"");
          quote = true;
        }
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            quote |= c == ' ' || c == '=' || Character.isWhitespace(c);
            out.append(c);
          }
        }
      }
    }
    return quote ? "\"" + out + "\"" : out.toString();
  }
}

package example.host;

/** A login request, read with JSON-B. */
public class Credentials {
  public String userId;
  public String password;
}

package example.host;

/** The host's own error type, answered by the host's own mapper. */
public class HostException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  public HostException(int status, String message) {
    super(message);
    this.status = status;
  }
}

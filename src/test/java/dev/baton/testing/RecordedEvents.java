package dev.baton.testing;

import dev.baton.api.SessionCreated;
import dev.baton.api.SessionRefreshed;
import dev.baton.api.SessionRevoked;
import dev.baton.api.TokenTheftDetected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes every Baton event, as an application would, and keeps them for assertions. */
@ApplicationScoped
public class RecordedEvents {

  private final List<Object> events = new CopyOnWriteArrayList<>();

  void created(@Observes SessionCreated event) {
    events.add(event);
  }

  void refreshed(@Observes SessionRefreshed event) {
    events.add(event);
  }

  void revoked(@Observes SessionRevoked event) {
    events.add(event);
  }

  void theft(@Observes TokenTheftDetected event) {
    events.add(event);
  }

  /** Forgets every event so far. */
  public void clear() {
    events.clear();
  }

  /** The events of one type, in the order they were fired. */
  public <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}

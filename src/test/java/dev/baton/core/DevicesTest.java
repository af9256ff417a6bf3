package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionDevice;
import dev.baton.api.exception.InvalidSessionInputException;
import dev.baton.config.LifecycleConfig.ClientAddressStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A device's stored form: the address as configured, the agent cut, the name checked. */
class DevicesTest {

  private static String stored(String address, ClientAddressStorage storage) {
    return Devices.stored(new SessionDevice(null, address, null), "alice", storage).clientAddress();
  }

  @ParameterizedTest
  @CsvSource({
    "203.0.113.77, 203.0.113.0/24",
    "2001:db8:85a3:8d3:1319:8a2e:370:7348, 2001:db8:85a3::/48",
    "[2001:db8::1], 2001:db8:0::/48",
    "fe80::1%eth0, fe80:0:0::/48",
    "::ffff:198.51.100.9, 198.51.100.0/24"
  })
  void aTruncatedAddressKeepsOnlyItsNetwork(String address, String network) {
    assertEquals(network, stored(address, ClientAddressStorage.TRUNCATED));
  }

  @Test
  void aHashedAddressHidesTheAddressAndComparesEqualForOneUserOnly() {
    String hashed = stored("203.0.113.77", ClientAddressStorage.HASHED);
    assertTrue(hashed.matches("sha256:[0-9a-f]{64}"), hashed);
    assertEquals(hashed, stored("203.0.113.77", ClientAddressStorage.HASHED));
    assertNotEquals(hashed, stored("203.0.113.78", ClientAddressStorage.HASHED));
    assertNotEquals(
        hashed,
        Devices.stored(
                new SessionDevice(null, "203.0.113.77", null), "bob", ClientAddressStorage.HASHED)
            .clientAddress());
  }

  @Test
  void aFullAddressIsKeptAndNoneIsForgotten() {
    assertEquals("203.0.113.77", stored("203.0.113.77", ClientAddressStorage.FULL));
    assertNull(stored("203.0.113.77", ClientAddressStorage.NONE));
    assertNull(stored(null, ClientAddressStorage.FULL));
    assertThrows(
        InvalidSessionInputException.class,
        () -> stored("example.com", ClientAddressStorage.NONE),
        "checked even when nothing is kept");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "abc.def", "300.1.1.1", "1.2.3", "::g", "localhost"})
  void anythingButAnIpAddressIsRefusedWithoutALookup(String address) {
    assertThrows(
        InvalidSessionInputException.class, () -> stored(address, ClientAddressStorage.FULL));
  }

  @Test
  void aLongUserAgentIsCutAndItsControlCharactersDropped() {
    String agent = "Mozilla/5.0\r\nX-Injected: 1 " + "x".repeat(400);
    String stored =
        Devices.stored(new SessionDevice(agent, null, null), "alice", ClientAddressStorage.NONE)
            .userAgent();
    assertEquals(Devices.MAX_USER_AGENT_LENGTH, stored.length());
    assertTrue(stored.startsWith("Mozilla/5.0X-Injected: 1 xxx"), stored);
  }

  @Test
  void aDeviceNameIsTrimmedAndAnOversizedOrControlledOneIsRefused() {
    assertEquals("Alice's laptop", Devices.name("  Alice's laptop "));
    assertNull(Devices.name("   "));
    assertEquals("é".repeat(100), Devices.name("é".repeat(100)));
    assertThrows(InvalidSessionInputException.class, () -> Devices.name("x".repeat(101)));
    assertThrows(InvalidSessionInputException.class, () -> Devices.name("two\nlines"));
  }
}

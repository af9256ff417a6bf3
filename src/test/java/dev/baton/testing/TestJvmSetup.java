package dev.baton.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * What every test JVM sets up before its first test and keeps after its last, registered in {@code
 * META-INF/services}: the {@link RsaKeyPool}.
 */
public final class TestJvmSetup implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    RsaKeyPool.install();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    RsaKeyPool.save();
  }
}

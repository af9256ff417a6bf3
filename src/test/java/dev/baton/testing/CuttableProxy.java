package dev.baton.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on the loopback interface between Baton and its database, which a test can cut (the
 * database "goes down": open connections break, new ones are dropped at once) and restore. A real
 * network fault, not a mock. The port stays bound throughout, so no other socket can take it.
 */
public final class CuttableProxy implements AutoCloseable {

  private final int targetPort;
  private final ServerSocket listener;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private volatile boolean cut;
  private volatile boolean hanging;

  public CuttableProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "proxy-accept-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Breaks every open connection and drops new ones. */
  public void cut() throws IOException {
    cut = true;
    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  /**
   * Breaks every open connection, then accepts new ones and never answers: a database behind a
   * black-holed route, where a client waits until its own timeout.
   */
  public void hang() throws IOException {
    hanging = true;
    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  /** Forwards new connections again; the ones held while hanging are closed. */
  public void restore() throws IOException {
    cut = false;
    hanging = false;
    for (Socket socket : held) {
      socket.close();
    }
    held.clear();
  }

  @Override
  public void close() throws IOException {
    restore();
    cut();
    listener.close();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          client.close();
          continue;
        }
        if (hanging) {
          held.add(client);
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(server);
        pipe(client, server);
        pipe(server, client);
      } catch (IOException closedOrRefused) {
        // the listener closed, or the database refused: the client sees a broken connection
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
    Thread copier =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException broken) {
                // the other side or a cut closed the connection
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
              }
            },
            "proxy-pipe");
    copier.setDaemon(true);
    copier.start();
  }
}

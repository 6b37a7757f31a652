package com.agentnexus.launcher.support;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Free loopback ports for a test stack, so it never collides with a running embedded
 * default.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int[] allocate(int count) throws IOException {
        var sockets = new ServerSocket[count];
        int[] ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
        }
        finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
        return ports;
    }

}

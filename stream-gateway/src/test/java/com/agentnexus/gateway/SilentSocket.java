package com.agentnexus.gateway;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that never answers the server — not even a pong — like a peer that
 * vanished without closing its TCP connection, or one too slow to read. It can send text
 * frames, and reads the server's frames only when asked (until then, its receive buffer
 * fills and the server's writes stall), until the close frame.
 */
final class SilentSocket implements AutoCloseable {

    /** What the server sent before closing. */
    record Ending(int pings, int texts, int closeCode, String reason) {
    }

    private final Socket socket;

    private final DataInputStream in;

    private final OutputStream out;

    SilentSocket(int port, String token) throws IOException {
        this(port, token, 0);
    }

    /**
     * With a receive buffer of {@code receiveBuffer} bytes (0: the system's), so that a
     * stall shows soon.
     */
    SilentSocket(int port, String token, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("localhost", port));
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        String status = readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + status);
        }
    }

    /** Sends one masked text frame, as a client must. */
    void send(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 14);
        frame.put((byte) 0x81);
        if (payload.length < 126) {
            frame.put((byte) (0x80 | payload.length));
        }
        else {
            frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i % 4]));
        }
        out.write(frame.array(), 0, frame.position());
        out.flush();
    }

    /**
     * Reads frames, answering nothing, until the server's close frame (or a read timeout:
     * IOException).
     */
    Ending awaitClose() throws IOException {
        int pings = 0;
        int texts = 0;
        while (true) {
            Frame frame = readFrame();
            int opcode = frame.opcode();
            byte[] payload = frame.payload();
            if (opcode == 0x9) {
                pings++;
            }
            else if (opcode == 0x1) {
                texts++;
            }
            else if (opcode == 0x8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                        : "";
                return new Ending(pings, texts, code, reason);
            }
        }
    }

    /** One unmasked frame from the server, whatever its kind. */
    private Frame readFrame() throws IOException {
        int opcode = in.readUnsignedByte() & 0x0F;
        long length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        }
        else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(opcode, payload);
    }

    private record Frame(int opcode, byte[] payload) {
    }

    /**
     * Reads frames, answering nothing, until a text frame, and returns it (or a read
     * timeout: IOException).
     */
    String readText() throws IOException {
        while (true) {
            Frame frame = readFrame();
            int opcode = frame.opcode();
            byte[] payload = frame.payload();
            if (opcode == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Drops the connection without a close frame: with {@code reset}, the kernel answers
     * with a TCP reset (as when a client process dies), otherwise with a plain FIN.
     */
    void drop(boolean reset) throws IOException {
        if (reset) {
            socket.setSoLinger(true, 0);
        }
        socket.close();
    }

    private String readHeaders() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        return head.substring(0, head.indexOf("\r\n"));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

}

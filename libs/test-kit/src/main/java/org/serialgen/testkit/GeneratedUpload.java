package org.serialgen.testkit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.function.IntFunction;

/**
 * A large upload made while it is sent, a thousand lines at a time: whoever sends a hundred thousand rows holds no more
 * of them in memory than the service that reads them.
 */
public final class GeneratedUpload {

    static final int LINES_PER_PART = 1_000;

    private GeneratedUpload() {
    }

    /** {@code header}, then {@code line.apply(0)} … {@code line.apply(count - 1)}, each ending with its newline. */
    public static InputStream lines(String header, int count, IntFunction<String> line) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < count;
            }

            @Override
            public InputStream nextElement() {
                StringBuilder part = new StringBuilder();
                if (next < 0) {
                    part.append(header);
                    next = 0;
                }
                for (int end = Math.min(count, next + LINES_PER_PART); next < end; next++) {
                    part.append(line.apply(next));
                }
                return new ByteArrayInputStream(part.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}

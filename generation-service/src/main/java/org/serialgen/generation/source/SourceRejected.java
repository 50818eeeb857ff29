package org.serialgen.generation.source;

/** An external source's answer that cannot be used; the next source is tried. */
public class SourceRejected extends RuntimeException {

    public SourceRejected(String message) {
        super(message, null, false, false);
    }
}

package org.serialgen.gs1;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * How serials are drawn from their format's space. EU FMD (Delegated Regulation 2016/161, art. 4) asks that a
 * serial be hard to guess: at most 1 in 10 000 of a randomised format's serials may ever be valid, so a randomised
 * pool may issue no more than that share of its space.
 */
public enum SerialMode {

    /** A keyed permutation of a counter: what EU FMD asks for. */
    RANDOMISED("randomised"),
    /** The counter itself, written in the alphabet. */
    SEQUENTIAL("sequential");

    /** The odds EU FMD sets against guessing a valid randomised serial: 1 in this many. */
    public static final BigInteger FMD_GUESS_ODDS = BigInteger.valueOf(10_000);

    private final String id;

    SerialMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** How many serials of a space of {@code space} may be issued in this mode. */
    public BigInteger issuable(BigInteger space) {
        return this == RANDOMISED ? space.divide(FMD_GUESS_ODDS) : space;
    }

    public static Optional<SerialMode> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}

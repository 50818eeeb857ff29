package org.serialgen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UsersFileTest {

    @Test
    void acceptsTheRightPasswordOnly() {
        String hash = PasswordHash.hash("s3cret".toCharArray());
        UsersFile file = UsersFile.parse(List.of("# demo", "", UsersFile.line("mia", hash, Set.of("manager"))));
        assertEquals(Set.of("manager"), file.authenticate("mia", "s3cret".toCharArray()).orElseThrow().roles());
        assertTrue(file.authenticate("mia", "S3cret".toCharArray()).isEmpty());
        assertTrue(file.authenticate("nobody", "s3cret".toCharArray()).isEmpty());
    }

    @Test
    void hashesAtOwaspsIterationCountAndStillAcceptsAnOlderHashWhileNamingIt() {
        String hash = PasswordHash.hash("s3cret".toCharArray());
        assertEquals(600_000, PasswordHash.iterations(hash));
        String older = PasswordHash.encode(210_000, new byte[16], new byte[32]);
        assertEquals(210_000, PasswordHash.iterations(older));
        UsersFile file = UsersFile.parse(List.of(UsersFile.line("mia", hash, Set.of("manager")),
            UsersFile.line("old", older, Set.of("viewer"))));
        assertEquals(List.of("old"), file.weaklyHashed());
        assertEquals(Set.of("viewer"), file.find("old").orElseThrow().roles());
        assertTrue(file.find("nobody").isEmpty());
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(PasswordHash.hash("same".toCharArray()), PasswordHash.hash("same".toCharArray()));
    }

    @Test
    void rejectsMalformedStoredHashWithoutThrowing() {
        assertFalse(PasswordHash.matches("x".toCharArray(), "plain-text-password"));
        assertFalse(PasswordHash.matches("x".toCharArray(), "pbkdf2-sha256$abc$$"));
    }

    @Test
    void refusesUnknownRolesAndBrokenLines() {
        assertThrows(IllegalArgumentException.class, () -> UsersFile.parse(List.of("bob:h:root")));
        assertThrows(IllegalArgumentException.class, () -> UsersFile.parse(List.of("bob-without-fields")));
    }
}

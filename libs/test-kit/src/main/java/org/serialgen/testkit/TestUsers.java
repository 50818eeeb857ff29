package org.serialgen.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.serialgen.security.PasswordHash;
import org.serialgen.security.Roles;
import org.serialgen.security.UsersFile;

/** A users file for a gateway under test: one user per role, named after it, all with {@value #PASSWORD}. */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private TestUsers() {
    }

    /** Writes the file (deleted on exit) and answers where. */
    public static Path file() {
        try {
            Path file = Files.createTempFile("serialgen-test-users-", ".txt");
            file.toFile().deleteOnExit();
            List<String> lines = new ArrayList<>();
            for (String role : List.of(Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR,
                Roles.VIEWER)) {
                lines.add(UsersFile.line(role, PasswordHash.hash(PASSWORD.toCharArray()), Set.of(role)));
            }
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.serialgen.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded default's user store: one user a line, {@code username:password-hash:role,role}. Blank lines and
 * lines starting with {@code #} are ignored. Only hashes are stored; see {@link PasswordHash}.
 */
public final class UsersFile {

    public record User(String username, String passwordHash, Set<String> roles) {
    }

    private final Map<String, User> users;

    private UsersFile(Map<String, User> users) {
        this.users = users;
    }

    public static UsersFile read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    static UsersFile parse(List<String> lines) {
        Map<String, User> users = new LinkedHashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(":", -1);
            if (fields.length != 3 || fields[0].isBlank()) {
                throw new IllegalArgumentException("users file line " + number + ": expected username:hash:roles");
            }
            Set<String> roles = new LinkedHashSet<>(Arrays.asList(fields[2].split(",")));
            roles.removeIf(String::isBlank);
            if (!Roles.ALL.containsAll(roles)) {
                throw new IllegalArgumentException("users file line " + number + ": unknown role in " + roles);
            }
            users.put(fields[0], new User(fields[0], fields[1], Set.copyOf(roles)));
        }
        return new UsersFile(users);
    }

    public static String line(String username, String passwordHash, Set<String> roles) {
        return username + ":" + passwordHash + ":" + String.join(",", roles);
    }

    /** The user whose password matches, or empty: an unknown user and a wrong password look the same. */
    public Optional<User> authenticate(String username, char[] password) {
        User user = users.get(username);
        if (user == null) {
            PasswordHash.matches(password, DUMMY_HASH);
            return Optional.empty();
        }
        return PasswordHash.matches(password, user.passwordHash()) ? Optional.of(user) : Optional.empty();
    }

    /** The user of that name, for a refresh: the roles as the file says now, not as an old token said. */
    public Optional<User> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** Users whose stored hash took fewer iterations than a new one would. */
    public List<String> weaklyHashed() {
        return users.values().stream().filter(user -> PasswordHash.iterations(user.passwordHash())
            < PasswordHash.DEFAULT_ITERATIONS).map(User::username).sorted().toList();
    }

    public int size() {
        return users.size();
    }

    /** Keeps a failed look-up of an unknown user as slow as a wrong password, so timing does not reveal names. */
    private static final String DUMMY_HASH = PasswordHash.hash("not-a-user".toCharArray());
}

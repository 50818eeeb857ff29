package org.serialgen.configservice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which URLs an external source may be at: public hosts yes; this host, private and link-local only if allowed. */
class SourceUrlsTest {

    @Test
    void publicHostsPassAndLocalOnesOnlyWhenTheSiteAllowsThem() {
        assertEquals(Optional.empty(), SourceUrls.problem("https://serials.example.com/api", Set.of()));
        assertEquals(Optional.empty(), SourceUrls.problem("https://93.184.216.34/api", Set.of()));
        assertEquals(Optional.empty(), SourceUrls.problem("https://[2001:db8::1]/api", Set.of()));
        assertTrue(SourceUrls.problem("http://10.0.0.5:9000/serials", Set.of()).isPresent());
        assertEquals(Optional.empty(), SourceUrls.problem("http://10.0.0.5:9000/serials", Set.of("10.0.0.5:9000")));
        assertTrue(SourceUrls.problem("http://10.0.0.5:9001/serials", Set.of("10.0.0.5:9000")).isPresent());
        assertEquals(Optional.empty(), SourceUrls.problem("http://serials.plant.local/x", Set.of()));
        assertTrue(SourceUrls.problem("http://LOCALHOST:8082/", Set.of()).isPresent());
        assertTrue(SourceUrls.problem("http://0177.0.0.1/", Set.of()).get().contains("four decimal numbers"));
        assertTrue(SourceUrls.problem("http://[::ffff:127.0.0.1]/", Set.of()).isPresent());
        assertTrue(SourceUrls.problem("http://224.0.0.1/", Set.of()).isPresent());
    }
}

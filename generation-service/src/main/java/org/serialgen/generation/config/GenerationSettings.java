package org.serialgen.generation.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * generation-service's own settings ({@code serialgen.generation.*}). The master key and the resolver come from the
 * environment names the README documents ({@code SERIALGEN_MASTER_KEY}, …), mapped in application.properties.
 */
@ConfigMapping(prefix = "serialgen.generation")
public interface GenerationSettings {

    /** The master key pool keys are sealed under: 32 bytes, Base64. */
    String masterKey();

    /** The master key's id, bound into every sealed key. */
    String masterKeyId();

    /** Host of the GS1 Digital Link URIs in reports. */
    String digitalLinkResolver();

    Sources sources();

    /**
     * Where this site's EPCIS events happen: the SGLN EPC URIs of the read point and the business location
     * ({@code urn:epc:id:sgln:<company prefix>.<location reference>.<extension>}); unset, events name none.
     */
    Optional<String> epcisReadPoint();

    Optional<String> epcisBizLocation();

    /** External serial and SSCC sources: per attempt, retries of what may pass on a second try, the breaker. */
    interface Sources {

        @WithDefault("10s")
        Duration timeout();

        @WithDefault("2")
        int retries();

        @WithDefault("200ms")
        Duration retryDelay();

        /** How long an open breaker refuses calls before it lets one through. */
        @WithDefault("30s")
        Duration breakerDelay();

        /** How often open tasks that nobody processes are looked for (after a stop or a lost replica). */
        @WithDefault("30s")
        String resumeEvery();

        @WithDefault("5s")
        String resumeDelay();

        /** An open task older than this, that no one here processes, is taken up again. */
        @WithDefault("2m")
        Duration staleAfter();
    }
}

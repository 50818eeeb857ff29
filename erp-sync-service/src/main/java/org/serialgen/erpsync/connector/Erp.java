package org.serialgen.erpsync.connector;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.erpsync.config.ErpSettings;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The ERP connector in use: the REST API's where {@code ERP_API_BASE_URL} is set, else none (push only). */
@ApplicationScoped
public class Erp {

    private final Optional<ErpConnector> connector;

    Erp(ErpSettings settings, ObjectMapper json) {
        this.connector = settings.pullConfigured() ? Optional.of(new RestErpConnector(settings, json))
            : Optional.empty();
    }

    /** The connector; empty when pull is off. */
    public Optional<ErpConnector> connector() {
        return connector;
    }
}

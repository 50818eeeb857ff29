package org.serialgen.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/**
 * What leaves the suite for a line and a regulator, streamed over HTTP directly and through the gateway: the EPCIS
 * document of 1 000 000 serials (identifiers/s), and the SSCC label PDF of 10 000 SSCCs (labels/s). The baseline
 * measured in the same run is the plainest report of the same work order, serials.csv as element strings: the
 * figures are also given as ratios to it.
 */
final class ReportBenchmark {

    private final SuiteBenchmark bench;
    private final int serials = Integer.parseInt(SuiteClient.env("BENCH_REPORT_SERIALS", "1000000"));
    private final int ssccs = Integer.parseInt(SuiteClient.env("BENCH_REPORT_SSCCS", "10000"));

    ReportBenchmark(SuiteBenchmark bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        System.out.printf("%n-- reports of one work order of %,d serials and %,d SSCCs (5 downloads each: median, "
            + "best) --%n", serials, ssccs);
        String wo = bench.workOrder(bench.newGtin(), serials);
        bench.awaitDemands(List.of(wo));
        issue(wo, "generate-serials", serials);
        issue(wo, "generate-sscc", ssccs);
        double[][] csv = measure(wo, "serials.csv?format=element", serials, "\n");
        double[][] epcis = measure(wo, "epcis", serials + ssccs, "\"urn:epc:id:");
        double[][] epcisXml = measure(wo, "epcis?format=xml", serials + ssccs, "<epc>");
        double[][] labels = measure(wo, "sscc-labels.pdf", ssccs, null);
        bench.line(String.format("serials.csv (baseline): direct %.2f M ids/s; through the gateway %.2f M ids/s",
            csv[0][2] / 1e6, csv[1][2] / 1e6));
        bench.line(String.format("EPCIS 2.0 JSON-LD: direct %.2f M ids/s (%.2f × the CSV); through the gateway "
            + "%.2f M ids/s (%.2f ×)", epcis[0][2] / 1e6, epcis[0][2] / csv[0][2], epcis[1][2] / 1e6,
            epcis[1][2] / csv[1][2]));
        bench.line(String.format("EPCIS 2.0 XML: direct %.2f M ids/s (%.2f × the CSV); through the gateway "
            + "%.2f M ids/s (%.2f ×)", epcisXml[0][2] / 1e6, epcisXml[0][2] / csv[0][2], epcisXml[1][2] / 1e6,
            epcisXml[1][2] / csv[1][2]));
        bench.line(String.format("SSCC labels PDF: direct %,.0f labels/s (best %,.0f); through the gateway %,.0f "
            + "labels/s (best %,.0f)", labels[0][2], labels[0][4], labels[1][2], labels[1][4]));
    }

    private void issue(String wo, String what, int quantity) throws Exception {
        HttpResponse<String> response = bench.client.send(HttpRequest.newBuilder(URI.create(bench.gateway
                + "/serial-generation/workorders/" + wo + "/" + what + "/"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + ",\"override_config\":true}"))
            .header("Content-Type", "application/json"));
        if (response.statusCode() != 202) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Items/s of five downloads direct ([0]) and through the gateway ([1]), sorted. */
    private double[][] measure(String wo, String report, long items, String marker) throws Exception {
        double[][] rates = new double[2][5];
        for (int i = 0; i < 5; i++) {
            rates[0][i] = download(bench.generation + "/serial-generation", wo, report, items, marker);
            rates[1][i] = download(bench.gateway + "/serial-generation", wo, report, items, marker);
        }
        Arrays.sort(rates[0]);
        Arrays.sort(rates[1]);
        return rates;
    }

    /**
     * Items per second of one download; the items are counted by a marker each writes once, as the body arrives, or
     * (marker null: a PDF, whose pages lie in compressed object streams) as the document's pages once it is in.
     */
    private double download(String base, String wo, String report, long items, String marker) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = bench.client.http().send(bench.client.authorized(HttpRequest.newBuilder(
            URI.create(base + "/workorders/" + wo + "/" + report))).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
        if (marker == null) {
            byte[] pdf;
            try (InputStream body = response.body()) {
                pdf = body.readAllBytes();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                if (response.statusCode() != 200 || document.getNumberOfPages() != items) {
                    throw new IllegalStateException(report + " answered " + response.statusCode() + " with "
                        + document.getNumberOfPages() + " pages where " + items + " were expected");
                }
            }
            return items / seconds;
        }
        byte[] pattern = marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long seen = 0;
        int matched = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = body.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == pattern[matched] ? matched + 1 : buffer[i] == pattern[0] ? 1 : 0;
                    if (matched == pattern.length) {
                        seen++;
                        matched = 0;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long expected = report.startsWith("serials.csv") ? items + 1 : items;
        if (response.statusCode() != 200 || seen != expected) {
            throw new IllegalStateException(report + " answered " + response.statusCode() + " with " + seen
                + " items where " + expected + " were expected");
        }
        return items / seconds;
    }
}

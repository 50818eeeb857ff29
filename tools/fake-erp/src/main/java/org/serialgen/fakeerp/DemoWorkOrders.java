package org.serialgen.fakeerp;

import java.time.LocalDate;

/** Work orders for the fake ERP to serve, under GS1's demonstration prefix 952 (GTINs 0952…). */
public final class DemoWorkOrders {

    /** A demonstration company prefix: GS1 reserves 952 for examples and demonstrations. */
    public static final String COMPANY_PREFIX = "9520000";

    private DemoWorkOrders() {
    }

    /** A GTIN-14 under the demonstration prefix, with its check digit. */
    public static String gtin(int item) {
        String body = "0" + COMPANY_PREFIX + String.format("%05d", item);
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int digit = body.charAt(12 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** Five work orders of two products, and one the suite must refuse (its GTIN's check digit is wrong). */
    public static void seed(FakeErp erp, LocalDate today) {
        String expiry = today.plusYears(2).withDayOfMonth(1).toString();
        erp.put("WO-DEMO-1001", "Amoxicillin 500 mg, batch A", gtin(1), "A2401", expiry, 1_000);
        erp.put("WO-DEMO-1002", "Amoxicillin 500 mg, batch B", gtin(1), "A2402", expiry, 2_500);
        erp.put("WO-DEMO-1003", "Ibuprofen 400 mg, batch C", gtin(2), "I2403", expiry, 12_345);
        erp.put("WO-DEMO-1004", "Ibuprofen 400 mg, batch D", gtin(2), "I2404", expiry, 600);
        erp.put("WO-DEMO-1005", "Paracetamol 1 g, batch E", gtin(3), "P2405", expiry, 48_000);
        String wrong = gtin(4);
        erp.put("WO-DEMO-1006", "Cetirizine 10 mg, batch F", wrong.substring(0, 13)
            + (char) ('0' + (wrong.charAt(13) - '0' + 1) % 10), "C2406", expiry, 750);
    }

    /** {@code count} valid work orders over ten products ({@code <prefix>-0000000} …): the benchmark's load. */
    public static void generated(FakeErp erp, String prefix, int count) {
        String expiry = LocalDate.now().plusYears(2).toString();
        for (int i = 0; i < count; i++) {
            erp.put(String.format("%s-%07d", prefix, i), "Bench batch " + i, gtin(100 + i % 10), "B" + i, expiry,
                1_000 + i % 5_000);
        }
    }
}

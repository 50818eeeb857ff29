package org.serialgen.gs1;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Dates in AIs such as (17) expiry: YYMMDD (GS1 General Specifications §7.12), the century found by the sliding
 * window around the current year (a year 51 or more ahead is in the last century, 50 or more behind in the next),
 * and day 00 meaning the month's last day.
 */
public final class Gs1Date {

    private Gs1Date() {
    }

    public static String format(LocalDate date) {
        int yymmdd = date.getYear() % 100 * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        String digits = Integer.toString(yymmdd);
        return "000000".substring(digits.length()) + digits;
    }

    public static LocalDate parse(String yymmdd, int currentYear) {
        if (yymmdd.length() != 6 || !yymmdd.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a GS1 date is YYMMDD: " + yymmdd);
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int difference = yy - currentYear % 100;
        int century = currentYear / 100 * 100;
        if (difference >= 51) {
            century -= 100;
        } else if (difference <= -50) {
            century += 100;
        }
        YearMonth month = YearMonth.of(century + yy, Integer.parseInt(yymmdd.substring(2, 4)));
        int day = Integer.parseInt(yymmdd.substring(4));
        return day == 0 ? month.atEndOfMonth() : month.atDay(day);
    }
}

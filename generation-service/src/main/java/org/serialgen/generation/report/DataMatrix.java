package org.serialgen.generation.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.PackCode;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.encoder.DefaultPlacement;
import com.google.zxing.datamatrix.encoder.ErrorCorrection;
import com.google.zxing.datamatrix.encoder.SymbolInfo;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;

/**
 * A pack code as a GS1 DataMatrix (ISO/IEC 16022, ECC 200): FNC1 first so scanners report {@code ]d2}, FNC1 after
 * the lot, square symbols, and the quiet zone of one module that the GS1 General Specifications ask for at least.
 * ZXing supplies the Reed-Solomon error correction and the module placement; the encodation is ours.
 */
final class DataMatrix {

    /** Modules of quiet zone on each side. */
    static final int QUIET_ZONE = 1;

    private final BitMatrix modules;

    private DataMatrix(BitMatrix modules) {
        this.modules = modules;
    }

    /** FNC1 as an ECC 200 codeword: first in a GS1 symbol, and where GS separates a variable-length AI. */
    private static final int FNC1 = 232;
    private static final int PAD = 129;

    static DataMatrix of(PackCode pack) {
        String codewords = codewords(pack.scanData());
        SymbolInfo symbol = SymbolInfo.lookup(codewords.length(), SymbolShapeHint.FORCE_SQUARE, null, null, true);
        DefaultPlacement placement = new DefaultPlacement(ErrorCorrection.encodeECC200(padded(codewords, symbol),
            symbol), symbol.getSymbolDataWidth(), symbol.getSymbolDataHeight());
        placement.place();
        return new DataMatrix(modules(placement, symbol));
    }

    /**
     * ASCII encodation (ISO/IEC 16022 §5.2.3): a digit pair in one codeword (130 + the pair), any other ASCII
     * character as itself + 1, GS as FNC1. Written here rather than by ZXing's encoder, which takes a GS in C40 mode
     * for the control character 29 instead of FNC1, so its symbols scanned without the separator after the lot.
     */
    static String codewords(String scanData) {
        StringBuilder out = new StringBuilder(scanData.length() + 1).append((char) FNC1);
        for (int i = 0; i < scanData.length(); i++) {
            char c = scanData.charAt(i);
            if (isDigit(c) && i + 1 < scanData.length() && isDigit(scanData.charAt(i + 1))) {
                out.append((char) (130 + (c - '0') * 10 + scanData.charAt(++i) - '0'));
            } else if (c == ElementString.GS) {
                out.append((char) FNC1);
            } else if (c < 128) {
                out.append((char) (c + 1));
            } else {
                throw new IllegalArgumentException("not ASCII: " + scanData);
            }
        }
        return out.toString();
    }

    /** Filled to the symbol's capacity: 129 first, then the 253-state randomised pads (§5.2.8). */
    private static String padded(String codewords, SymbolInfo symbol) {
        StringBuilder out = new StringBuilder(codewords);
        if (out.length() < symbol.getDataCapacity()) {
            out.append((char) PAD);
        }
        while (out.length() < symbol.getDataCapacity()) {
            int position = out.length() + 1;
            int pad = PAD + (149 * position) % 253 + 1;
            out.append((char) (pad > 254 ? pad - 254 : pad));
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The data regions with their finder and timing patterns (ISO/IEC 16022 §5.1): each region bordered by a solid
     * line left and below and by alternating modules above and to the right.
     */
    private static BitMatrix modules(DefaultPlacement placement, SymbolInfo symbol) {
        BitMatrix out = new BitMatrix(symbol.getSymbolWidth(), symbol.getSymbolHeight());
        int row = 0;
        for (int y = 0; y < symbol.getSymbolDataHeight(); y++) {
            if (y % symbol.matrixHeight == 0) {
                for (int x = 0; x < symbol.getSymbolWidth(); x += 2) {
                    out.set(x, row);
                }
                row++;
            }
            int column = 0;
            for (int x = 0; x < symbol.getSymbolDataWidth(); x++) {
                if (x % symbol.matrixWidth == 0) {
                    out.set(column++, row);
                }
                if (placement.getBit(x, y)) {
                    out.set(column, row);
                }
                column++;
                if (x % symbol.matrixWidth == symbol.matrixWidth - 1) {
                    if (y % 2 == 0) {
                        out.set(column, row);
                    }
                    column++;
                }
            }
            row++;
            if (y % symbol.matrixHeight == symbol.matrixHeight - 1) {
                for (int x = 0; x < symbol.getSymbolWidth(); x++) {
                    out.set(x, row);
                }
                row++;
            }
        }
        return out;
    }

    /** Modules per side without the quiet zone. */
    int size() {
        return modules.getWidth();
    }

    /** A black-on-white PNG, {@code scale} pixels per module. */
    byte[] png(int scale) {
        int side = (modules.getWidth() + 2 * QUIET_ZONE) * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, dark(x / scale - QUIET_ZONE, y / scale - QUIET_ZONE) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An SVG of one unit per module, each dark run of a row one rectangle; scales without loss. */
    String svg(String title) {
        int side = modules.getWidth() + 2 * QUIET_ZONE;
        StringBuilder out = new StringBuilder(8 * 1024).append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .append(side).append(' ').append(side).append("\" shape-rendering=\"crispEdges\" role=\"img\">")
            .append("<title>").append(escape(title)).append("</title>")
            .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (int y = 0; y < modules.getHeight(); y++) {
            int x = 0;
            while (x < modules.getWidth()) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules.getWidth() && modules.get(x, y)) {
                    x++;
                }
                out.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                    .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return out.append("\"/></svg>").toString();
    }

    private boolean dark(int x, int y) {
        return x >= 0 && y >= 0 && x < modules.getWidth() && y < modules.getHeight() && modules.get(x, y);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.serialgen.generation.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.gs1.Ai;
import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.ElementString.Element;
import org.serialgen.gs1.Gs1Date;

import com.google.zxing.oned.Code128Writer;

/**
 * GS1 logistic labels (GS1 Logistic Label Guideline), one A5 landscape page per SSCC: the data titles and values
 * as text, then GS1-128 symbols — the content (02) GTIN, (17) expiry, (37) count, (10) lot for a homogeneous unit,
 * and (00) SSCC lowest — each with its human-readable line. X-dimension 0.495 mm and bars 31.75 mm high, the
 * guideline's minimum for logistic units. Pages are cached in a temporary file while the document grows.
 */
final class LabelDocument implements Closeable {

    private static final float MM = 72f / 25.4f;
    private static final float X = 0.495f * MM;
    private static final float BAR_HEIGHT = 31.75f * MM;
    private static final float MARGIN = 8 * MM;
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A5.getHeight(), PDRectangle.A5.getWidth());
    /** FNC1 for ZXing's Code 128 writer: first (GS1-128) and after a variable-length AI that is not last. */
    private static final char FNC1 = '\u00f1';

    private final PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final WorkOrder wo;

    LabelDocument(WorkOrder wo) {
        this.wo = wo;
    }

    /** The label's symbols' element strings: the content's (where known), then the SSCC's. */
    static List<List<Element>> symbols(WorkOrder wo, LabelPlan.Label label) {
        List<List<Element>> symbols = new ArrayList<>();
        if (label.slot() != null) {
            symbols.add(List.of(new Element(Ai.CONTENT, label.slot().contentGtin()),
                new Element(Ai.EXPIRY, Gs1Date.format(wo.expiry)), new Element(Ai.COUNT, Long.toString(label.count())),
                new Element(Ai.BATCH_LOT, wo.lot)));
        }
        symbols.add(List.of(new Element(Ai.SSCC, label.sscc())));
        return symbols;
    }

    void add(LabelPlan.Label label) throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        try (PDPageContentStream out = new PDPageContentStream(document, page)) {
            float top = PAGE.getHeight() - MARGIN;
            text(out, bold, 11, MARGIN, top - 11, latin1(wo.woId + "  " + wo.woName));
            float y = top - 34;
            y = field(out, "SSCC", label.sscc(), y);
            if (label.slot() != null) {
                y = field(out, "CONTENT", label.slot().contentGtin(), y);
                y = field(out, "COUNT", Long.toString(label.count()), y);
                y = field(out, "BATCH/LOT", wo.lot, y);
                field(out, "EXPIRY", wo.expiry.toString(), y);
                text(out, regular, 9, PAGE.getWidth() / 2, top - 34, latin1(label.slot().name() + " ("
                    + label.slot().level() + ")"));
            }
            float bottom = MARGIN;
            List<List<Element>> symbols = symbols(wo, label);
            for (int i = symbols.size() - 1; i >= 0; i--) {
                bottom = symbol(out, symbols.get(i), bottom) + 6 * MM;
            }
        }
    }

    private float field(PDPageContentStream out, String title, String value, float y) throws IOException {
        text(out, regular, 8, MARGIN, y, title);
        text(out, bold, 14, MARGIN + 30 * MM, y, value);
        return y - 18;
    }

    /** A GS1-128 symbol centred, its human-readable line beneath, from {@code bottom} up; answers its top. */
    private float symbol(PDPageContentStream out, List<Element> elements, float bottom) throws IOException {
        String hri = ElementString.humanReadable(elements);
        text(out, regular, 10, (PAGE.getWidth() - regular.getStringWidth(hri) / 1000 * 10) / 2, bottom, hri);
        boolean[] modules = new Code128Writer().encode(FNC1 + ElementString.scanData(elements)
            .replace(ElementString.GS, FNC1));
        float barsBottom = bottom + 14;
        float x = (PAGE.getWidth() - modules.length * X) / 2;
        for (int i = 0; i < modules.length; i++) {
            if (!modules[i]) {
                continue;
            }
            int run = i;
            while (run < modules.length && modules[run]) {
                run++;
            }
            out.addRect(x + i * X, barsBottom, (run - i) * X, BAR_HEIGHT);
            i = run - 1;
        }
        out.fill();
        return barsBottom + BAR_HEIGHT;
    }

    private static void text(PDPageContentStream out, PDType1Font font, float size, float x, float y, String text)
        throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    /** The standard fonts write Latin-1: a name in another script is shown with its other characters as "?". */
    private static String latin1(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xff ? (char) c : '?'));
        return out.toString();
    }

    void save(Path file) throws IOException {
        document.save(file.toFile());
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}

package org.serialgen.generation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.serialgen.gs1.CharacterSet82;
import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.Gtin;
import org.serialgen.gs1.PackCode;
import org.serialgen.gs1.SerialNumber;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;

/** Symbols of pack codes across the whole of set 82, each decoded back by a barcode reader to the same pack code. */
class DataMatrixTest {

    @Test
    void everySymbolDecodesToItsPackCode() throws Exception {
        Random random = new Random(82);
        for (int i = 0; i < 300; i++) {
            PackCode pack = new PackCode(new Gtin("09506000134352"), LocalDate.of(2027, 1 + i % 12, 1 + i % 28),
                text(random, 1 + random.nextInt(20)), new SerialNumber(text(random, 1 + random.nextInt(20))));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(DataMatrix.of(pack).png(3)));
            Result read = new DataMatrixReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, true));
            assertEquals("]d2", read.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER));
            // ZXing reports the leading FNC1 as a GS too
            assertEquals(ElementString.GS + pack.scanData(), read.getText(), pack.bracketed());
        }
    }

    @Test
    void encodesDigitPairsAndFnc1AsIso16022Asks() {
        // §5.2.3: "123456" is 142 164 186; FNC1 is 232, first in a GS1 symbol and as the separator
        assertEquals("\u00e8\u008e\u00a4\u00ba", DataMatrix.codewords("123456"));
        assertEquals("\u00e8\u008c\u004d\u00e8\u0033", DataMatrix.codewords("10L" + ElementString.GS + "2"));
    }

    private static String text(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(CharacterSet82.CHARACTERS.charAt(random.nextInt(CharacterSet82.CHARACTERS.length())));
        }
        return out.toString();
    }
}

package org.stridelab.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.fuzz.FuzzCampaign;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Damaged pictures dropped on the inspector (PNG and JPEG) are shown or refused
 * with a one-line message the inspector puts in its dialog, never an exception
 * it does not catch.
 */
@ExtendWith(ApplicationExtension.class)
class UserImagesFuzzTest {

    private static byte[] picture(String format) throws IOException {
        BufferedImage img = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 48; x++) {
                img.setRGB(x, y, ((x * 5) << 16) | ((y * 6) << 8) | ((x ^ y) * 4));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void damagedPicturesAreShownOrRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        for (String format : new String[]{"png", "jpg"}) {
            byte[] good = picture(format);
            Path target = dir.resolve("dropped." + format);
            java.nio.file.Files.write(target, good);
            assertEquals(UserImages.SIDE, UserImages.load(target.toFile())[0].length, "the good picture loads");
            FuzzCampaign.run("picture ." + format, good, target, 301, FuzzCampaign.PER_MUTATION,
                    t -> t instanceof IOException, () -> UserImages.load(target.toFile()));
        }
    }
}

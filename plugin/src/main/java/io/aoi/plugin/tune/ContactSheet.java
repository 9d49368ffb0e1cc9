package io.aoi.plugin.tune;

import io.aoi.image.Image;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Lays images side by side, each under a caption, and writes an 8-bit RGB PNG. Runs headless.
 */
public final class ContactSheet {
    private static final int CAPTION_PX = 22;
    private static final int GAP_PX = 6;

    private ContactSheet() {
    }

    /** One image of the sheet and its caption. */
    public record Panel(Image image, String caption) {
    }

    public static void write(List<Panel> panels, Path png) throws IOException {
        int width = GAP_PX;
        int height = 0;
        for (Panel p : panels) {
            width += p.image().width() + GAP_PX;
            height = Math.max(height, p.image().height());
        }
        BufferedImage sheet = new BufferedImage(width, height + CAPTION_PX + GAP_PX, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            int x = GAP_PX;
            for (Panel p : panels) {
                g.setColor(Color.WHITE);
                g.drawString(p.caption(), x, CAPTION_PX - 6);
                g.drawImage(toRgb(p.image()), x, CAPTION_PX, null);
                x += p.image().width() + GAP_PX;
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(sheet, "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }

    /** 8-bit RGB rendering of any image: 16-bit samples are scaled down, mono is replicated. */
    private static BufferedImage toRgb(Image image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        int shift = image.bitDepth() - 8;
        int ch = image.channels();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int r = image.sample(x, y, 0) >> shift;
                int gr = ch == 3 ? image.sample(x, y, 1) >> shift : r;
                int b = ch == 3 ? image.sample(x, y, 2) >> shift : r;
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }
}

package io.aoi.camera.aravis;

import io.aoi.camera.CameraException;
import io.aoi.image.Image;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The unpacked monochrome GenICam pixel formats this adapter accepts, with their PFNC codes.
 *
 * <p>Mono8 becomes an 8-bit {@link Image}; Mono10, Mono12 and Mono16 become 16-bit images, Mono10 and Mono12
 * scaled so that their full scale (1023 or 4095) is 65535 ({@link StripDecoder}). Packed formats (Mono10Packed,
 * Mono12p, ...) and colour formats are refused.
 */
enum MonoFormat {
    MONO8("Mono8", 0x01080001, 1, 8),
    MONO10("Mono10", 0x01100003, 2, 10),
    MONO12("Mono12", 0x01100005, 2, 12),
    MONO16("Mono16", 0x01100007, 2, 16);

    private final String genicamName;
    private final int pfncCode;
    private final int bytesPerPixel;
    private final int significantBits;

    MonoFormat(String genicamName, int pfncCode, int bytesPerPixel, int significantBits) {
        this.genicamName = genicamName;
        this.pfncCode = pfncCode;
        this.bytesPerPixel = bytesPerPixel;
        this.significantBits = significantBits;
    }

    /** The GenICam PixelFormat enumeration entry, for example {@code Mono12}. */
    String genicamName() {
        return genicamName;
    }

    /** The PFNC value that {@code arv_buffer_get_image_pixel_format} reports for this format. */
    int pfncCode() {
        return pfncCode;
    }

    int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** Bits that carry data in the camera's word; the rest of a 16-bit word is zero. */
    int significantBits() {
        return significantBits;
    }

    /** Bit depth of the {@link Image} the strips are decoded into: 8 or 16. */
    int imageBitDepth() {
        return bytesPerPixel * 8;
    }

    /** The allowed GenICam names, comma separated, for error messages. */
    static String allowedNames() {
        return Arrays.stream(values()).map(MonoFormat::genicamName).collect(Collectors.joining(", "));
    }

    static List<String> names() {
        return Arrays.stream(values()).map(MonoFormat::genicamName).toList();
    }

    /**
     * @throws CameraException naming the format and the allowed ones when {@code name} is not supported
     */
    static MonoFormat fromGenicamName(String name) throws CameraException {
        for (MonoFormat f : values()) {
            if (f.genicamName.equals(name)) {
                return f;
            }
        }
        throw new CameraException("pixel format '" + name + "' is not supported; allowed (unpacked mono): "
                + allowedNames());
    }
}

#include "jpeg_scaled.h"

#include <malloc.h>
#include <setjmp.h>
#include <stdio.h>
#include <jpeglib.h>

struct error_manager {
    struct jpeg_error_mgr base;
    jmp_buf escape;
};

static void on_error(j_common_ptr info) {
    struct error_manager *manager = (struct error_manager *)info->err;
    longjmp(manager->escape, 1);
}

static void on_message(j_common_ptr info) {
    (void)info; // Warnings about damaged data are our caller's to report, not stderr's.
}

gdImagePtr gazette_jpeg_decode_scaled(const unsigned char *data, size_t size, int min_width) {
    struct jpeg_decompress_struct info;
    struct error_manager errors;
    gdImagePtr volatile image = NULL;
    JSAMPARRAY row = NULL;

    info.err = jpeg_std_error(&errors.base);
    errors.base.error_exit = on_error;
    errors.base.output_message = on_message;
    if (setjmp(errors.escape)) {
        jpeg_destroy_decompress(&info);
        if (image) gdImageDestroy(image);
        return NULL;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    if (jpeg_read_header(&info, TRUE) != JPEG_HEADER_OK) longjmp(errors.escape, 1);
    if (info.jpeg_color_space != JCS_YCbCr && info.jpeg_color_space != JCS_GRAYSCALE && info.jpeg_color_space != JCS_RGB) {
        longjmp(errors.escape, 1);
    }
    unsigned int denominator = 1;
    while (denominator < 8 && info.image_width / (denominator * 2) >= (unsigned int)min_width) denominator *= 2;
    info.scale_num = 1;
    info.scale_denom = denominator;
    info.out_color_space = JCS_RGB;
    jpeg_start_decompress(&info);
    image = gdImageCreateTrueColor((int)info.output_width, (int)info.output_height);
    if (!image) longjmp(errors.escape, 1);
    row = (*info.mem->alloc_sarray)((j_common_ptr)&info, JPOOL_IMAGE, info.output_width * 3, 1);
    while (info.output_scanline < info.output_height) {
        unsigned int y = info.output_scanline;
        jpeg_read_scanlines(&info, row, 1);
        for (unsigned int x = 0; x < info.output_width; x++) {
            JSAMPLE *pixel = row[0] + x * 3;
            image->tpixels[y][x] = gdTrueColor(pixel[0], pixel[1], pixel[2]);
        }
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return image;
}

void gazette_release_freed_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

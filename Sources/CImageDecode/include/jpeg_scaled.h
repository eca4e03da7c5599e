// Decoding a JPEG at a reduced size, which libjpeg does while decoding (DCT scaling), so a camera
// photo far larger than we store never exists in memory at full size.
#ifndef GAZETTE_JPEG_SCALED_H
#define GAZETTE_JPEG_SCALED_H

#include <stddef.h>
#include <gd.h>

/// Decodes `data` at the smallest of 1/1, 1/2, 1/4 and 1/8 whose width is still at least
/// `min_width` (or 1/1 for a smaller image). Returns a true-colour image the caller destroys with
/// gdImageDestroy, or NULL when the data cannot be decoded this way (damaged, CMYK): the caller
/// then decodes it in full, within its own size limits.
gdImagePtr gazette_jpeg_decode_scaled(const unsigned char *data, size_t size, int min_width);

/// Returns memory the allocator keeps after large frees to the system (glibc's malloc_trim).
void gazette_release_freed_memory(void);

#endif

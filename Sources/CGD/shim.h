// libgd, the image library the media library resizes uploads with (Debian: libgd-dev).
#include <gd.h>

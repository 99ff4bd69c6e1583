/* version.c - the library version. */
#include "dipline/dipline.h"

const char *dl_version(void) { return DL_VERSION; }

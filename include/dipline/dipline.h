/*
 * dipline/dipline.h - everything: the public API of libdipline.
 *
 *   articles -> sentences -> time expressions -> actors -> actions -> events
 *            -> merge across articles -> timeline -> PNG/SVG/PDF
 *
 * One header per stage; see each for ownership rules.
 */
#ifndef DIPLINE_H
#define DIPLINE_H

#include "dipline/common.h"
#include "dipline/article.h"
#include "dipline/text.h"
#include "dipline/timex.h"
#include "dipline/event.h"
#include "dipline/extract.h"
#include "dipline/render.h"
#include "dipline/merge.h"

/* The library version, DL_VERSION ("0.1.0"). */
const char *dl_version(void);

#endif

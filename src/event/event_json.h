/* event_json.h - private: the jansson form of events (event.c). */
#ifndef DL_EVENT_JSON_H
#define DL_EVENT_JSON_H

#include <jansson.h>

#include "dipline/event.h"

/* New reference to the JSON object of ev (SPEC field order). */
json_t *dl_event_to_json(const dl_event *ev, bool explain);
/* Fill ev from a JSON object; `file`/`line` are used in errors. */
dl_status dl_event_from_json(json_t *o, dl_event *ev, const char *file, long line, dl_error *err);

#endif

/* event_json.h - private: the JSON forms of events (event.c reads them with
 * jansson; json_out.c writes them by hand). */
#ifndef DL_EVENT_JSON_H
#define DL_EVENT_JSON_H

#include <jansson.h>

#include "../common/util.h"
#include "dipline/event.h"

/* Fill ev from a JSON object; `file`/`line` are used in errors. */
dl_status dl_event_from_json(json_t *o, dl_event *ev, const char *file, long line, dl_error *err);

/* Append the JSON text of ev to b (SPEC field order): compact when indent
 * < 0, else indented by 2 spaces per level with `indent` more spaces at the
 * start of every line after the first.  False when out of memory. */
bool dl_event_json(dl_buf *b, const dl_event *ev, bool explain, int indent);
/* Append an article entry as compact JSON. */
bool dl_article_info_json(dl_buf *b, const dl_article_info *a);
/* Append s as a JSON string ("null" for NULL). */
void dl_json_put_string(dl_buf *b, const char *s);

#endif
